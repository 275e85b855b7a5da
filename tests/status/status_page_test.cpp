#include "daemon/common/time_zone.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/status/status_page.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/status_queries.hpp"
#include "daemon/store/store.hpp"
#include "tests/status/status_rows_fixture.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/captured_log.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace govmon {
namespace {

using test::hostile_name;
using test::open_finding;
using test::probe_of;
using test::site_target;
using test::temp_dir;

constexpr std::int64_t t0 = 1764547200; // 2025-12-01T00:00:00Z

// A database as the daemon leaves it: targets, observations and open findings.
std::string filled_database(const temp_dir& dir) {
    const std::string path = dir.file("govmon.db");
    auto db = store::open(path);
    db->sync_targets({site_target("a-portal", "county-a", hostile_name),
                      site_target("b-portal", "county-b", "乙县人民政府")});
    write_batch b;
    for (int i = 0; i < 12; ++i)
        b.observations.push_back(probe_of("a-portal", "availability", t0 + 300 * i, i % 3 != 0));
    b.observations.push_back(probe_of("a-portal", "crawl", t0, true, t0 - 86400));
    b.observations.push_back(probe_of("b-portal", "column", t0, true, t0 - 86400));
    b.findings = {open_finding("a-portal", "county-a", finding_kind::site_unreachable,
                               finding_severity::veto, "连续 6 次探测失败"),
                  open_finding("b-portal", "county-b", finding_kind::broken_link,
                               finding_severity::deduct, "HTTP 404")};
    finding resolved = open_finding("b-portal", "county-b", finding_kind::tls_invalid,
                                    finding_severity::veto, "resolved long ago");
    resolved.status = finding_status::resolved;
    resolved.resolved_at = t0;
    b.findings.push_back(resolved);
    db->write(b);
    return path;
}

// GET over HTTP/1.0 on 127.0.0.1: the whole answer, head and body.
std::string http_get(int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buf[65536];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        answer.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return answer;
}

// The status code of an answer's first line (civetweb answers in the request's version,
// prometheus-cpp always in 1.1).
int status_of(const std::string& answer) {
    const auto space = answer.find(' ');
    return space == std::string::npos ? 0 : std::atoi(answer.c_str() + space + 1);
}

TEST_CASE("the store reads the status rows: active targets, open findings, newest probes") {
    temp_dir dir;
    const std::string path = filled_database(dir);
    const status_rows rows = read_status_rows(path, {}, 8);
    REQUIRE(rows.targets.size() == 2);
    CHECK(rows.targets[0].name == hostile_name);
    REQUIRE(rows.findings.size() == 2); // the resolved one is not shown
    CHECK(rows.findings[0].kind == finding_kind::site_unreachable);
    // 8 of a-portal's 12 availability probes, newest first, its crawl, none of the columns.
    REQUIRE(rows.probes.size() == 9);
    CHECK(rows.probes[0].time == t0 + 300 * 11);
    CHECK(rows.probes[7].time == t0 + 300 * 4);
    CHECK(rows.probes[8].probe == "crawl");
    CHECK(rows.probes[8].last_update == t0 - 86400);

    const auto only_b =
        read_status_rows(path, [](const target_row& t) { return t.id != "a-portal"; });
    CHECK(only_b.targets.size() == 2);
    CHECK(only_b.findings.size() == 2);
    CHECK(only_b.probes.empty());
}

TEST_CASE("the status page answers while a writer holds the database") {
    temp_dir dir;
    const std::string path = filled_database(dir);
    metrics stats("test");
    const status_page page(path, {}, nullptr, stats, spdlog::default_logger());
    // What the store's thread does mid-cycle: a write transaction, open and uncommitted.
    sqlite::connection writer{path, SQLITE_OPEN_READWRITE};
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("UPDATE findings SET detail = 'not yet committed' WHERE target = 'a-portal'");
    const auto answer = page.answer("/");
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->body.find("连续 6 次探测失败") != std::string::npos);
    CHECK(answer->body.find("not yet committed") == std::string::npos);
    writer.exec("COMMIT");
    CHECK(page.answer("/")->body.find("not yet committed") != std::string::npos);
}

TEST_CASE("the status page routes /, /unit/ID and /target/ID and leaves other paths alone") {
    temp_dir dir;
    const std::string path = filled_database(dir);
    metrics stats("test");
    const status_page page(path, {{"county-b", "乙县政府办"}}, nullptr, stats,
                           spdlog::default_logger());
    CHECK(page.answer("/")->status == 200);
    const auto unit = page.answer("/unit/county-b");
    REQUIRE(unit);
    CHECK(unit->body.find("乙县政府办") != std::string::npos);
    CHECK(unit->body.find("连续 6 次探测失败") == std::string::npos);
    const auto target = page.answer("/target/a-portal");
    REQUIRE(target);
    CHECK(target->body.find("连续 6 次探测失败") != std::string::npos);
    CHECK(page.answer("/target/nobody")->status == 404);
    CHECK_FALSE(page.answer("/unit/"));
    CHECK_FALSE(page.answer("/metrics"));
    CHECK_FALSE(page.answer("/favicon.ico"));
}

TEST_CASE("the status page counts a deadline from when the finding took its severity") {
    temp_dir dir;
    const std::string path = filled_database(dir);
    const finding veto = open_finding("a-portal", "county-a", finding_kind::site_unreachable,
                                      finding_severity::veto, "连续 6 次探测失败");
    const std::int64_t became_veto = t0 + 9 * 86400;
    {
        auto db = store::open(path);
        write_batch b;
        b.events = {
            {veto.id, t0, finding_change::opened, finding_severity::warn, ""},
            {veto.id, became_veto, finding_change::severity_changed, finding_severity::veto, ""}};
        db->write(b);
    }
    CHECK(read_status_rows(path).severity_since.at(veto.id) == became_veto);

    metrics stats("test");
    const auto zone = default_time_zone();
    const status_page page(path, {}, std::make_shared<const rectification_plan>(config{}, zone),
                           stats, spdlog::default_logger());
    const auto answer = page.answer("/target/a-portal");
    REQUIRE(answer);
    // The seeds' week from the change of severity, in the zone the page shows times in; long
    // past by now.
    std::string due = format_iso8601(became_veto + 7 * 86400, *zone).substr(0, 16);
    due[10] = ' ';
    CHECK(answer->body.find(due + "<br><span class=\"fail\">已逾期</span>") != std::string::npos);
}

TEST_CASE("the status page of an unreadable database is a 503 and a degraded count") {
    temp_dir dir;
    metrics stats("test");
    const test::captured_log log;
    const status_page page(dir.file("missing.db"), {}, nullptr, stats, log.logger());
    const auto answer = page.answer("/");
    REQUIRE(answer);
    CHECK(answer->status == 503);
    CHECK(stats.text().find("govmon_degraded_total{mode=\"status_page_failed\"} 1") !=
          std::string::npos);
    CHECK(log.has("warning", "status page:"));
}

TEST_CASE("the metrics listener serves the status page and /metrics on one port") {
    temp_dir dir;
    const std::string path = filled_database(dir);
    metrics stats("test");
    auto page = std::make_shared<status_page>(path, std::map<std::string, std::string>{}, nullptr,
                                              stats, spdlog::default_logger());
    stats.serve("127.0.0.1:0", [page](std::string_view p) { return page->answer(p); });
    REQUIRE(stats.listening_ports().size() == 1);
    const int port = stats.listening_ports()[0];

    const std::string root = http_get(port, "/");
    CHECK(status_of(root) == 200);
    CHECK(root.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    CHECK(root.find("Content-Security-Policy: default-src 'none'") != std::string::npos);
    CHECK(root.find("连续 6 次探测失败") != std::string::npos);

    const std::string scrape = http_get(port, "/metrics");
    CHECK(status_of(scrape) == 200);
    CHECK(scrape.find("govmon_build_info{version=\"test\"} 1") != std::string::npos);

    CHECK(http_get(port, "/target/a%2Dportal").find("连续 6 次探测失败") != std::string::npos);
    CHECK(status_of(http_get(port, "/unit/nowhere")) == 404);
}

TEST_CASE("a metrics listener without pages still answers only /metrics") {
    metrics stats("test");
    stats.serve("127.0.0.1:0");
    const int port = stats.listening_ports()[0];
    CHECK(status_of(http_get(port, "/metrics")) == 200);
    CHECK(status_of(http_get(port, "/")) == 404);
}

} // namespace
} // namespace govmon
