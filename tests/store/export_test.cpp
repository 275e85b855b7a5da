#include "daemon/common/time_zone.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/alloc_meter.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>

using namespace govmon;
using govmon::test::batch;
using govmon::test::make_observation;
using govmon::test::temp_dir;

namespace {

// 2025-11-22T09:30:00+08:00
constexpr std::int64_t t0 = 1763775000;

// Two rows that exercise the format: Chinese text, a comma, quotes, a newline, NULLs, and a
// target that was never registered (empty platform and unit).
void write_sample(store& s) {
    s.sync_targets({{"hb-portal", "site", "湖北省人民政府门户网站", "web", "省政府办公厅",
                     "https://www.hubei.gov.cn/", true}});
    observation home = make_observation(t0);
    home.latency_ms = 123;
    home.last_update = t0 - 84600;
    home.detail = R"({"title":"湖北省人民政府门户网站","pages":1})";
    observation weibo = make_observation(t0 + 60, "hb-weibo", "account");
    weibo.target_kind = "account";
    weibo.url = "https://m.weibo.cn/u/2418542712?a=1,2";
    weibo.ok = false;
    weibo.http_status = std::nullopt;
    weibo.latency_ms = 15000;
    weibo.error = error_class::timeout;
    weibo.detail = R"({"msg":"他说\"你好\"",)"
                   "\n"
                   R"("links":3})";
    s.write(batch({weibo, home})); // stored out of order: export sorts by time
}

// Counts what arrives, and lets a test act when the first bytes come in.
class counting_buf : public std::streambuf {
public:
    std::uint64_t bytes = 0;
    std::uint64_t lines = 0;
    std::function<void()> on_first_write;

protected:
    int_type overflow(int_type c) override {
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            const char ch = traits_type::to_char_type(c);
            xsputn(&ch, 1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        if (bytes == 0 && n > 0 && on_first_write)
            on_first_write();
        bytes += static_cast<std::uint64_t>(n);
        for (std::streamsize i = 0; i < n; ++i)
            lines += s[i] == '\n';
        return n;
    }
};

void fill(store& s, std::int64_t first_time, int count) {
    constexpr int per_batch = 10000;
    for (int done = 0; done < count; done += per_batch) {
        write_batch batch;
        for (int i = done; i < std::min(count, done + per_batch); ++i) {
            auto o = make_observation(first_time + i, "site-" + std::to_string(i % 500));
            o.detail = R"({"pages":120,"links_checked":4000,"broken":3,"note":"首页正常"})";
            batch.observations.push_back(std::move(o));
        }
        s.write(batch);
    }
}

} // namespace

TEST_CASE("CSV export: exact bytes, BOM, header, RFC 4180 quoting, +08:00 times") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    write_sample(*s);

    std::ostringstream out;
    CHECK(s->export_observations(t0, t0 + 3600, export_format::csv, out) == 2);
    const std::string expected =
        std::string{"\xEF\xBB\xBF"} +
        "time,target,target_kind,platform,unit,probe,url,ok,http_status,latency_ms,error,"
        "last_update,detail\r\n" +
        R"(2025-11-22T09:30:00+08:00,hb-portal,site,web,省政府办公厅,availability,)"
        R"(https://www.hubei.gov.cn/,1,200,123,,2025-11-21T10:00:00+08:00,)"
        R"("{""title"":""湖北省人民政府门户网站"",""pages"":1}")"
        "\r\n" +
        R"(2025-11-22T09:31:00+08:00,hb-weibo,account,,,account,)"
        R"("https://m.weibo.cn/u/2418542712?a=1,2",0,,15000,timeout,,)"
        R"("{""msg"":""他说\""你好\"""",)"
        "\n"
        R"(""links"":3}")"
        "\r\n";
    CHECK(out.str() == expected);
}

TEST_CASE("JSONL export parses back with the same fields, typed") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    write_sample(*s);
    observation odd = make_observation(t0 + 120);
    odd.detail = "not json, 不是";
    s->write(batch({odd}));

    std::ostringstream out;
    CHECK(s->export_observations(t0, t0 + 3600, export_format::jsonl, out) == 3);
    std::istringstream in{out.str()};
    std::vector<nlohmann::ordered_json> rows;
    for (std::string line; std::getline(in, line);)
        rows.push_back(nlohmann::ordered_json::parse(line));
    REQUIRE(rows.size() == 3);

    std::vector<std::string> keys;
    for (const auto& [key, value] : rows[0].items())
        keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"time", "target", "target_kind", "platform", "unit",
                                           "probe", "url", "ok", "http_status", "latency_ms",
                                           "error", "last_update", "detail"});

    const auto& home = rows[0];
    CHECK(home["time"] == "2025-11-22T09:30:00+08:00");
    CHECK(home["target"] == "hb-portal");
    CHECK(home["platform"] == "web");
    CHECK(home["unit"] == "省政府办公厅");
    CHECK(home["ok"] == 1);
    CHECK(home["http_status"] == 200);
    CHECK(home["latency_ms"] == 123);
    CHECK(home["error"] == "");
    CHECK(home["last_update"] == "2025-11-21T10:00:00+08:00");
    REQUIRE(home["detail"].is_object());
    CHECK(home["detail"]["title"] == "湖北省人民政府门户网站");
    CHECK(home["detail"]["pages"] == 1);

    const auto& weibo = rows[1];
    CHECK(weibo["target_kind"] == "account");
    CHECK(weibo["platform"] == "");
    CHECK(weibo["ok"] == 0);
    CHECK(weibo["http_status"].is_null());
    CHECK(weibo["last_update"].is_null());
    CHECK(weibo["error"] == "timeout");
    CHECK(weibo["url"] == "https://m.weibo.cn/u/2418542712?a=1,2");
    CHECK(weibo["detail"]["msg"] == "他说\"你好\"");

    CHECK(rows[2]["detail"] == "not json, 不是"); // not JSON: kept, as a string
}

TEST_CASE("export covers the half-open range from <= time < to, ordered by time then insertion") {
    REQUIRE(set_default_time_zone("UTC"));
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    auto at = [](std::int64_t time, std::int64_t latency) {
        auto o = make_observation(time);
        o.latency_ms = latency;
        return o;
    };
    s->write(batch({at(200, 1), at(99, 2), at(150, 3), at(100, 4), at(150, 5), at(199, 6)}));
    std::ostringstream out;
    CHECK(s->export_observations(100, 200, export_format::jsonl, out) == 4);
    std::istringstream in{out.str()};
    std::vector<std::int64_t> latencies;
    for (std::string line; std::getline(in, line);)
        latencies.push_back(nlohmann::json::parse(line)["latency_ms"].get<std::int64_t>());
    CHECK(latencies == std::vector<std::int64_t>{4, 3, 5, 6});

    std::ostringstream empty;
    CHECK(s->export_observations(100, 100, export_format::csv, empty) == 0);
    CHECK(empty.str() == std::string{"\xEF\xBB\xBF"} +
                             "time,target,target_kind,platform,unit,probe,url,ok,http_status,"
                             "latency_ms,error,last_update,detail\r\n");
    std::ostringstream none;
    CHECK(s->export_observations(100, 100, export_format::jsonl, none) == 0);
    CHECK(none.str().empty());
}

TEST_CASE("export streams 200,000 rows in constant memory") {
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    constexpr int rows = 200000;
    fill(*s, t0, rows);
    constexpr std::size_t limit = 4u << 20; // the rows themselves are about 30 MB

    // JSONL over a quarter of the range: nlohmann is slow in a Debug/ASan build, and a
    // collecting export would still show some 15 MB here.
    struct run {
        export_format format;
        int rows;
        std::uint64_t min_bytes;
    };
    for (const run r : {run{export_format::csv, rows, 25'000'000},
                        run{export_format::jsonl, rows / 4, 12'000'000}}) {
        CAPTURE(static_cast<int>(r.format));
        counting_buf sink;
        std::ostream out{&sink};
        const std::size_t before = govmon::test::live_bytes();
        govmon::test::reset_peak();
        CHECK(s->export_observations(t0, t0 + r.rows, r.format, out) ==
              static_cast<std::uint64_t>(r.rows));
        const std::size_t growth = govmon::test::peak_bytes() - before;
        MESSAGE("peak heap growth while exporting: " << growth << " bytes for " << sink.bytes
                                                     << " bytes written");
        CHECK(sink.lines ==
              static_cast<std::uint64_t>(r.format == export_format::csv ? r.rows + 1 : r.rows));
        CHECK(sink.bytes > r.min_bytes);
        CHECK(growth < limit);
    }

    // The meter sees buffering: an export into a string (which holds it all) exceeds the
    // limit, as an export that collected its rows would; a fifth of the rows is enough.
    std::ostringstream buffered;
    const std::size_t before = govmon::test::live_bytes();
    govmon::test::reset_peak();
    s->export_observations(t0, t0 + rows / 5, export_format::csv, buffered);
    CHECK(govmon::test::peak_bytes() - before > limit);
}

TEST_CASE("the daemon commits while an export streams, and the export keeps its snapshot") {
    REQUIRE(set_default_time_zone("UTC"));
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    auto writer = store::open(path);
    constexpr int rows = 3000; // several export chunks: the first reaches the sink early
    fill(*writer, 1000, rows);

    auto reader = store::open_readonly(path);
    counting_buf sink;
    bool committed = false;
    sink.on_first_write = [&] {
        // Mid-export, the reader holds a read transaction. With a rollback journal this
        // commit would wait busy_timeout (5 s) and fail; in WAL it goes through at once.
        writer->write(batch({make_observation(1500)}));
        committed = true;
    };
    std::ostream out{&sink};
    CHECK(reader->export_observations(0, 1'000'000, export_format::csv, out) == rows);
    CHECK(committed);
    CHECK(sink.lines == rows + 1); // the snapshot: the row committed meanwhile is not in it

    std::ostringstream again;
    CHECK(reader->export_observations(0, 1'000'000, export_format::csv, again) == rows + 1);
}

TEST_CASE("an export into a failing stream throws instead of passing for a short quarter") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    s->write(batch({make_observation(1000)}));
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    CHECK_THROWS_WITH_AS(s->export_observations(0, 2000, export_format::csv, out),
                         doctest::Contains("could not be written"), store_error);
}
