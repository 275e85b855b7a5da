#include "daemon/cli/findings_output.hpp"
#include "daemon/common/time_zone.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

using namespace govmon;

namespace {

finding sample() {
    finding f;
    f.id = "9f2c";
    f.target = "hb-portal";
    f.target_kind = "site";
    f.unit = "hb-gov-office";
    f.kind = finding_kind::broken_link;
    f.indicator = "site.links";
    f.severity = finding_severity::deduct;
    f.url = "https://www.hubei.gov.cn/a/b.html";
    f.source = "https://www.hubei.gov.cn/";
    f.detail = "HTTP 404, \"要闻\"";
    f.first_seen = 1795305600 - 2 * 86400 - 5 * 3600;
    f.last_seen = 1795305600 - 5 * 3600;
    return f;
}

} // namespace

TEST_CASE("jsonl carries every field of interface.md §3 with zoned times") {
    set_default_time_zone("Asia/Shanghai");
    std::ostringstream out;
    write_findings({sample()}, findings_format::jsonl, out);
    const auto row = nlohmann::json::parse(out.str());
    CHECK(row["id"] == "9f2c");
    CHECK(row["indicator"] == "site.links");
    CHECK(row["source"] == "https://www.hubei.gov.cn/");
    CHECK(row["first_seen"] == "2026-11-20T03:00:00+08:00");
    CHECK(row["last_seen"] == "2026-11-22T03:00:00+08:00");
    CHECK(row["status"] == "open");
    CHECK(row["due"] == "");
    CHECK(row["overdue"] == false);
    CHECK(row.size() == 15);
}

TEST_CASE("due and overdue come after the contract's fields") {
    set_default_time_zone("Asia/Shanghai");
    const finding f = sample();
    const std::int64_t due = 1795305600; // 2026-11-22T08:00:00+08:00
    std::ostringstream jsonl;
    write_findings({f}, findings_format::jsonl, jsonl, {{{f.id, due}}, due - 1});
    const auto row = nlohmann::json::parse(jsonl.str());
    CHECK(row["due"] == "2026-11-22T08:00:00+08:00");
    CHECK(row["overdue"] == false);
    const auto ordered = nlohmann::ordered_json::parse(jsonl.str());
    CHECK(std::next(ordered.begin(), 13).key() == "due");

    std::ostringstream late;
    write_findings({f}, findings_format::jsonl, late, {{{f.id, due}}, due});
    CHECK(nlohmann::json::parse(late.str())["overdue"] == true);

    finding resolved = f;
    resolved.status = finding_status::resolved;
    std::ostringstream csv;
    write_findings({resolved}, findings_format::csv, csv, {{{f.id, due}}, due + 86400});
    CHECK(csv.str().find(",resolved,2026-11-22T08:00:00+08:00,0\r\n") != std::string::npos);

    std::ostringstream table;
    write_findings({f}, findings_format::table, table, {{{f.id, due}}, due + 1});
    CHECK(table.str().find("2026-11-22T08:00:00+08:00 (overdue)") != std::string::npos);
}

TEST_CASE("csv has the fields as columns in the contract's order") {
    set_default_time_zone("Asia/Shanghai");
    std::ostringstream out;
    write_findings({sample()}, findings_format::csv, out);
    CHECK(out.str() ==
          "id,target,target_kind,unit,kind,indicator,severity,url,source,detail,first_seen,"
          "last_seen,status,due,overdue\r\n"
          "9f2c,hb-portal,site,hb-gov-office,broken_link,site.links,deduct,"
          "https://www.hubei.gov.cn/a/b.html,https://www.hubei.gov.cn/,"
          "\"HTTP 404, "
          "\"\"要闻\"\"\",2026-11-20T03:00:00+08:00,2026-11-22T03:00:00+08:00,open,,0\r\n");
}

TEST_CASE("the table lines up and counts") {
    std::ostringstream out;
    write_findings({sample(), sample()}, findings_format::table, out);
    const std::string text = out.str();
    CHECK(text.rfind("SEVERITY", 0) == 0);
    CHECK(text.find("2 finding(s)") != std::string::npos);
}
