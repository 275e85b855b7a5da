#include "daemon/common/csv_field.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/store/export_writer.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace govmon;

namespace {

std::string field(std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
}

} // namespace

TEST_CASE("CSV fields are quoted exactly when RFC 4180 requires it") {
    CHECK(field("") == "");
    CHECK(field("plain") == "plain");
    CHECK(field("湖北发布") == "湖北发布");
    CHECK(field("a,b") == "\"a,b\"");
    CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(field("two\nlines") == "\"two\nlines\"");
    CHECK(field("cr\rhere") == "\"cr\rhere\"");
    CHECK(field("\"") == "\"\"\"\"");
    CHECK(field(" spaced ") == " spaced ");
}

TEST_CASE("the CSV preamble is the BOM and the header of interface.md §4") {
    CHECK(csv_preamble() == "\xEF\xBB\xBF"
                            "time,target,target_kind,platform,unit,probe,url,ok,http_status,"
                            "latency_ms,error,last_update,detail\r\n");
}

TEST_CASE("a JSONL row never throws on bad UTF-8 and keeps a bad detail as a string") {
    export_row row;
    row.time = 0;
    row.target = "t";
    row.target_kind = "site";
    row.url = "https://x/\xff\xfe"; // not UTF-8: replaced, not thrown
    row.detail = "{broken";
    std::string line;
    REQUIRE_NOTHROW(append_jsonl_row(line, row, zone_rules::utc()));
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["url"] == "https://x/\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(j["detail"] == "{broken");
    CHECK(j["time"] == "1970-01-01T00:00:00+00:00");
}
