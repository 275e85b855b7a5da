#include "daemon/store/sqlite.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <chrono>
#include <set>
#include <sstream>

using namespace govmon;
using govmon::test::batch;
using govmon::test::make_finding;
using govmon::test::make_observation;
using govmon::test::temp_dir;

namespace {

bool same(const observation& a, const observation& b) {
    return a.time == b.time && a.target == b.target && a.target_kind == b.target_kind &&
           a.probe == b.probe && a.url == b.url && a.ok == b.ok && a.http_status == b.http_status &&
           a.latency_ms == b.latency_ms && a.error == b.error && a.last_update == b.last_update &&
           a.detail == b.detail;
}

target_row site(std::string id, std::string name) {
    return {std::move(id), "site",          std::move(name),
            "web",         "hb-gov-office", "https://www.hubei.gov.cn/",
            true};
}

target_row account(std::string id) {
    return {std::move(id), "account", "湖北发布", "weibo", "hb-gov-office", "", true};
}

const target_row* find_target(const std::vector<target_row>& rows, const std::string& id) {
    for (const auto& r : rows)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace

TEST_CASE("observations round-trip with every field, NULLs included, oldest first") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));

    observation full = make_observation(2000);
    full.last_update = 1500;
    full.detail = R"({"title":"湖北省人民政府门户网站","items":12})";
    observation failed = make_observation(1000);
    failed.ok = false;
    failed.http_status = std::nullopt;
    failed.last_update = std::nullopt;
    failed.error = error_class::timeout;
    failed.latency_ms = 15000;
    observation tie = make_observation(2000);
    tie.latency_ms = 1;
    observation other_probe = make_observation(1500, "hb-portal", "crawl");
    observation other_target = make_observation(1500, "hb-other");

    s->write(batch({full, failed, tie, other_probe, other_target}));

    const auto rows = s->observations_since("hb-portal", "availability", 0);
    REQUIRE(rows.size() == 3);
    CHECK(same(rows[0], failed));
    CHECK_FALSE(rows[0].http_status.has_value());
    CHECK_FALSE(rows[0].last_update.has_value());
    CHECK(rows[0].error == error_class::timeout);
    CHECK(same(rows[1], full)); // equal times keep the order of insertion
    CHECK(same(rows[2], tie));

    // `since` is inclusive.
    CHECK(s->observations_since("hb-portal", "availability", 2000).size() == 2);
    CHECK(s->observations_since("hb-portal", "availability", 2001).empty());
    CHECK(s->observations_since("hb-portal", "crawl", 0).size() == 1);
}

TEST_CASE("observations are append-only") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    store::open(path)->write(batch({make_observation(1000)}));
    sqlite::connection raw{path, SQLITE_OPEN_READWRITE};
    CHECK_THROWS_WITH_AS(raw.exec("UPDATE observations SET ok = 0"),
                         doctest::Contains("append-only"), sqlite::error);
    CHECK_THROWS_WITH_AS(raw.exec("DELETE FROM observations"), doctest::Contains("append-only"),
                         sqlite::error);
}

TEST_CASE("an event this build does not know is left alone, never misread") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    auto s = store::open(path);
    s->write(batch({}, {make_finding("f1", "hb-portal", "tls_invalid", "https://x/")},
                   {{"f1", 1000, finding_change::opened, finding_severity::warn, ""},
                    {"f1", 2000, finding_change::resolved, finding_severity::warn, ""}}));
    sqlite::connection raw{path, SQLITE_OPEN_READWRITE};
    raw.exec("UPDATE finding_events SET event = 'escalated' WHERE time = 2000");
    const auto events = s->events_of("f1");
    REQUIRE(events.size() == 1);
    CHECK(events[0].time == 1000);
    CHECK(events[0].event == "opened");
}

TEST_CASE("a finding upsert keeps one row per id and updates every field") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));

    finding f = make_finding("f1", "hb-portal", "homepage_stale", "https://www.hubei.gov.cn/");
    f.severity = finding_severity::warn;
    s->write(batch({}, {f}));

    f.severity = finding_severity::veto;
    f.last_seen = 5000;
    f.detail = "newest item 15 days old";
    s->write(batch({}, {f}));

    auto rows = s->findings_of("hb-portal");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == "f1");
    CHECK(rows[0].severity == finding_severity::veto);
    CHECK(rows[0].last_seen == 5000);
    CHECK(rows[0].first_seen == 1000);
    CHECK(rows[0].detail == "newest item 15 days old");
    CHECK(rows[0].status == "open");
    CHECK(rows[0].resolved_at == 0);

    f.status = finding_status::resolved;
    f.resolved_at = 6000;
    s->write(batch({}, {f}));
    rows = s->findings_of("hb-portal");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == "resolved");
    CHECK(rows[0].resolved_at == 6000);
}

TEST_CASE("all_findings: open ones, or all, ordered by target, kind and url") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    auto resolved = make_finding("r", "a-site", "broken_link", "https://a/2");
    resolved.status = finding_status::resolved;
    resolved.resolved_at = 3000;
    s->write(batch({}, {make_finding("z", "b-site", "broken_link", "https://b/1"),
                        make_finding("y", "a-site", "broken_link", "https://a/3"), resolved,
                        make_finding("x", "a-site", "ad_link", "https://a/9"),
                        make_finding("w", "a-site", "broken_link", "https://a/1")}));

    const auto ids = [](const std::vector<finding>& rows) {
        std::vector<std::string> out;
        for (const auto& f : rows)
            out.push_back(f.id);
        return out;
    };
    CHECK(ids(s->all_findings(false)) == std::vector<std::string>{"x", "w", "y", "z"});
    CHECK(ids(s->all_findings(true)) == std::vector<std::string>{"x", "w", "r", "y", "z"});
    CHECK(ids(s->findings_of("a-site")) == std::vector<std::string>{"x", "w", "r", "y"});
    CHECK(s->findings_of("nobody").empty());
}

TEST_CASE("finding events are kept as a history in time order") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    auto f = make_finding("f1", "hb-portal", "tls_invalid", "https://www.hubei.gov.cn/");
    s->write(batch(
        {}, {f},
        {{"f1", 3000, finding_change::severity_changed, finding_severity::deduct, "expired"},
         {"f1", 1000, finding_change::opened, finding_severity::warn, "expires in 10 days"}}));
    s->write(batch({}, {}, {{"f1", 4000, finding_change::resolved, finding_severity::deduct, ""}}));

    const auto events = s->events_of("f1");
    REQUIRE(events.size() == 3);
    CHECK(events[0].time == 1000);
    CHECK(events[0].event == "opened");
    CHECK(events[0].severity == finding_severity::warn);
    CHECK(events[0].detail == "expires in 10 days");
    CHECK(events[0].finding_id == "f1");
    CHECK(events[1].event == "severity_changed");
    CHECK(events[2].event == "resolved");
    CHECK(s->events_of("f2").empty());
}

TEST_CASE("the schedule round-trips and is upserted by target and probe") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    {
        auto s = store::open(path);
        s->write(batch({}, {}, {},
                       {{"hb-portal", "availability", 2000, 1000},
                        {"hb-portal", "crawl", 90000, 3600},
                        {"hb-weibo", "account", 500, 0}}));
        s->write(batch({}, {}, {}, {{"hb-portal", "availability", 5600, 2000}}));
    }
    const auto rows = store::open(path)->load_schedule(); // survives a restart
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].target == "hb-portal");
    CHECK(rows[0].probe == "availability");
    CHECK(rows[0].next_due == 5600);
    CHECK(rows[0].last_run == 2000);
    CHECK(rows[1].probe == "crawl");
    CHECK(rows[1].next_due == 90000);
    CHECK(rows[2].target == "hb-weibo");
    CHECK(rows[2].last_run == 0);
}

TEST_CASE("sync_targets updates rows and marks every absent one inactive") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    s->sync_targets({site("a", "A site"), site("b", "B site"), account("w")});
    REQUIRE(s->all_targets().size() == 3);

    // b and w left the config, a was renamed: they are kept, inactive.
    s->sync_targets({site("a", "A site, renamed")});
    auto rows = s->all_targets();
    REQUIRE(rows.size() == 3);
    REQUIRE(find_target(rows, "a"));
    CHECK(find_target(rows, "a")->active);
    CHECK(find_target(rows, "a")->name == "A site, renamed");
    REQUIRE(find_target(rows, "b"));
    CHECK_FALSE(find_target(rows, "b")->active);
    CHECK(find_target(rows, "b")->name == "B site");
    REQUIRE(find_target(rows, "w"));
    CHECK_FALSE(find_target(rows, "w")->active);
    CHECK(find_target(rows, "w")->platform == "weibo");

    // Back in the config: active again.
    s->sync_targets({site("a", "A site, renamed"), site("b", "B site"), account("w")});
    rows = s->all_targets();
    CHECK(find_target(rows, "b")->active);
    CHECK(find_target(rows, "w")->active);
    // An explicitly inactive row (registry status 关停) is kept as inactive.
    auto closed = account("w");
    closed.active = false;
    s->sync_targets({closed});
    CHECK_FALSE(find_target(s->all_targets(), "w")->active);
}

TEST_CASE("a failed batch is rolled back entirely and the store stays usable") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    s->write(batch({make_observation(1000)}));

    SUBCASE("a field that violates the schema") {
        auto bad = make_finding("f1", "hb-portal", "broken_link", "https://x/");
        bad.target_kind = "catastrophic"; // the schema allows site and account only
        const auto failing = batch({make_observation(2000), make_observation(3000)}, {bad}, {},
                                   {{"hb-portal", "availability", 9, 9}});
        CHECK_THROWS_WITH_AS(s->write(failing), doctest::Contains("CHECK constraint failed"),
                             store_error);
    }
    SUBCASE("an event of a finding that does not exist (foreign keys are on)") {
        const auto failing =
            batch({make_observation(2000)},
                  {make_finding("f1", "hb-portal", "broken_link", "https://x/")},
                  {{"no-such-finding", 2000, finding_change::opened, finding_severity::warn, ""}},
                  {{"hb-portal", "availability", 9, 9}});
        CHECK_THROWS_WITH_AS(s->write(failing), doctest::Contains("FOREIGN KEY constraint failed"),
                             store_error);
    }
    CHECK(s->observations_since("hb-portal", "availability", 0).size() == 1);
    CHECK(s->all_findings(true).empty());
    CHECK(s->load_schedule().empty());

    // The cached statements were reset: the next batch goes through.
    s->write(batch({make_observation(4000)}));
    CHECK(s->observations_since("hb-portal", "availability", 0).size() == 2);
}

TEST_CASE("a reader reads while a writer holds an open write transaction (WAL)") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    auto writer = store::open(path);
    writer->write(batch({make_observation(1000)}));

    sqlite::connection raw{path, SQLITE_OPEN_READWRITE};
    sqlite::transaction tx{raw};
    raw.exec("INSERT INTO observations (time, target, target_kind, probe, url, ok, latency_ms) "
             "VALUES (2000, 'hb-portal', 'site', 'availability', 'u', 1, 5)");

    auto reader = store::open_readonly(path);
    // The reader sees the last commit, not the open transaction's row.
    CHECK(reader->observations_since("hb-portal", "availability", 0).size() == 1);
    std::ostringstream out;
    CHECK(reader->export_observations(0, 10000, export_format::jsonl, out) == 1);

    tx.commit();
    CHECK(reader->observations_since("hb-portal", "availability", 0).size() == 2);
}

TEST_CASE("a read-only store cannot write") {
    temp_dir dir;
    const std::string path = dir.file("govmon.db");
    store::open(path);
    auto reader = store::open_readonly(path);
    const write_batch readonly_batch = batch({make_observation(1)});
    CHECK_THROWS_WITH_AS(reader->write(readonly_batch), doctest::Contains("readonly"), store_error);
}

// How fast is bench/'s business; here: one batch of 10,000 is one transaction, all of it kept.
TEST_CASE("10,000 observations in one batch are written together") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    write_batch batch;
    for (int i = 0; i < 10000; ++i) {
        auto o = make_observation(1000 + i, "site-" + std::to_string(i % 300));
        o.detail = R"({"pages":120,"links_checked":4000,"broken":3,"note":"首页正常"})";
        batch.observations.push_back(std::move(o));
    }
    s->write(batch);
    std::ostringstream out;
    CHECK(s->export_observations(0, 1'000'000, export_format::csv, out) == 10000);
}

TEST_CASE("the latest observations come oldest first, and the newest update only from ok ones and "
          "partial reads") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    std::vector<observation> rows;
    for (std::int64_t t : {100, 200, 300, 400}) {
        auto o = make_observation(t, "hb-weibo", "account");
        o.last_update = t - 50;
        rows.push_back(o);
    }
    rows[3].ok = false; // a refused probe's date must not count
    rows[3].last_update = 9999;
    rows.push_back(make_observation(350, "other", "account"));
    s->write(batch(rows));

    const auto latest = s->latest_observations("hb-weibo", "account", 2);
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].time == 300);
    CHECK(latest[1].time == 400);
    CHECK(s->latest_observations("hb-weibo", "account", 10).size() == 4);
    CHECK(s->newest_update("hb-weibo", "account") == 250);
    CHECK_FALSE(s->newest_update("nobody", "account"));

    // A partial read's post exists, though the read may have missed newer ones.
    auto partial = make_observation(500, "hb-weibo", "account");
    partial.ok = false;
    partial.last_update = 480;
    partial.detail = R"({"outcome":"partial"})";
    s->write(batch({partial}));
    CHECK(s->newest_update("hb-weibo", "account") == 480);
}

TEST_CASE("the blank columns of a site's latest crawl") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    const auto column = [](std::int64_t t, const std::string& url, bool blank) {
        auto o = make_observation(t, "hb-portal", "column");
        o.url = url;
        o.detail = std::string(R"({"items":0,"blank":)") + (blank ? "true" : "false") + "}";
        return o;
    };
    CHECK(s->blank_columns_of_last_crawl("hb-portal").empty());
    s->write(batch({column(100, "https://x/a/", true), column(100, "https://x/b/", true)}));
    s->write(batch({column(200, "https://x/a/", true), column(200, "https://x/b/", false),
                    column(200, "https://x/c/", false)}));
    CHECK(s->blank_columns_of_last_crawl("hb-portal") == std::set<std::string>{"https://x/a/"});
    CHECK(s->blank_columns_of_last_crawl("other").empty());
}

TEST_CASE("open findings are counted by kind and severity") {
    temp_dir dir;
    auto s = store::open(dir.file("govmon.db"));
    auto a = make_finding("a", "hb-portal", "broken_link", "https://x/1");
    auto b = make_finding("b", "hb-portal", "broken_link", "https://x/2");
    auto c = make_finding("c", "hb-portal", "tls_invalid", "https://x/");
    c.severity = finding_severity::warn;
    auto d = make_finding("d", "hb-portal", "broken_link", "https://x/3");
    d.status = finding_status::resolved;
    d.resolved_at = 500;
    s->write(batch({}, {a, b, c, d}));
    const auto counts = s->open_finding_counts();
    CHECK(counts.size() == 2);
    CHECK(counts.at({"broken_link", "deduct"}) == 2);
    CHECK(counts.at({"tls_invalid", "warn"}) == 1);
}
