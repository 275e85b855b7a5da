// The status page for a province-sized realm (bench/status/run): how long the store's read,
// the model and the HTML writer take, and the whole page over HTTP from the metrics listener.
//
// usage: govmon-status-bench DIR [TARGETS] [ROUNDS] [DAYS]
//        (defaults: 1000 targets, 20 rounds, 30 days of history)

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/rectification_due.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/status/status_html.hpp"
#include "daemon/status/status_model.hpp"
#include "daemon/status/status_page.hpp"
#include "daemon/store/status_queries.hpp"
#include "daemon/store/store.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace govmon;
using clock_type = std::chrono::steady_clock;

constexpr std::int64_t day = 86400;
constexpr finding_kind kinds_of_site[] = {
    finding_kind::site_unreachable, finding_kind::homepage_stale, finding_kind::broken_link,
    finding_kind::column_stale,     finding_kind::ipv6_missing,   finding_kind::tls_invalid};

finding finding_of(const target_row& t, finding_kind kind, finding_severity severity, int n,
                   std::int64_t now) {
    finding f;
    f.id = t.id + "/" + std::string(name_of(kind)) + "/" + std::to_string(n);
    f.target = t.id;
    f.target_kind = t.kind;
    f.unit = t.unit;
    f.kind = kind;
    f.indicator = std::string(info_of(kind).indicator);
    f.severity = severity;
    f.url = t.url + "art/2026/11/" + std::to_string(n) + ".html";
    f.source = t.url;
    f.detail = "首页链接 " + f.url + " 返回 HTTP 404（2026-11-2" + std::to_string(n % 10) +
               " 起连续 3 次抓取）";
    f.first_seen = now - (n + 1) * day;
    f.last_seen = now - 600;
    return f;
}

observation probe_of(const target_row& t, const char* probe, std::int64_t time, std::mt19937& rng) {
    observation o;
    o.time = time;
    o.target = t.id;
    o.target_kind = t.kind;
    o.probe = probe;
    o.url = t.url;
    o.ok = rng() % 50 != 0;
    if (o.ok)
        o.http_status = 200;
    o.error = o.ok ? error_class::none : error_class::timeout;
    o.latency_ms = o.ok ? 200 + static_cast<int>(rng() % 800) : 30000;
    o.last_update = time - static_cast<std::int64_t>(rng() % 3) * day;
    return o;
}

// `days` of hourly home-page probes and daily crawls per site, a read every 6 hours per
// account, written hour by hour as the daemon writes them (every target's rows interleaved).
void fill(store& db, int targets, int days, std::int64_t now) {
    std::mt19937 rng(7);
    std::vector<target_row> rows;
    for (int i = 0; i < targets; ++i) {
        const std::string unit = "unit-" + std::to_string(i / 10);
        if (i % 10 < 7)
            rows.push_back({"site-" + std::to_string(i), "site",
                            "某某县人民政府门户网站" + std::to_string(i), "web", unit,
                            "https://www.site" + std::to_string(i) + ".gov.cn/", true});
        else
            rows.push_back({"account-" + std::to_string(i), "account",
                            "某某发布" + std::to_string(i), "wechat", unit,
                            "https://mp.weixin.qq.com/a" + std::to_string(i), true});
    }
    db.sync_targets(rows);
    for (int hour = days * 24; hour > 0; --hour) {
        write_batch b;
        const std::int64_t time = now - hour * 3600;
        for (const target_row& t : rows) {
            if (t.kind == "site") {
                b.observations.push_back(probe_of(t, "availability", time, rng));
                if (hour % 24 == 0)
                    b.observations.push_back(probe_of(t, "crawl", time, rng));
            } else if (hour % 6 == 0) {
                b.observations.push_back(probe_of(t, "account", time, rng));
            }
        }
        db.write(b);
    }
    write_batch b;
    for (const target_row& t : rows) {
        const int n = static_cast<int>(rng() % 4);
        for (int k = 0; k < n; ++k) {
            const auto kind =
                t.kind == "site" ? kinds_of_site[rng() % 6] : finding_kind::account_stale;
            const auto severity =
                can_have(kind, finding_severity::veto) && rng() % 4 == 0 ? finding_severity::veto
                : can_have(kind, finding_severity::deduct)               ? finding_severity::deduct
                                                                         : finding_severity::warn;
            b.findings.push_back(finding_of(t, kind, severity, k, now));
            // Its opening, which its rectification deadline counts from.
            b.events.push_back({b.findings.back().id, b.findings.back().first_seen,
                                finding_change::opened, severity, ""});
        }
    }
    db.write(b);
}

std::string http_get(int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::perror("connect");
        std::exit(1);
    }
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (::send(fd, request.data(), request.size(), 0) < 0)
        std::exit(1);
    std::string answer;
    char buf[65536];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
        answer.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return answer;
}

// Median and maximum milliseconds of `rounds` runs.
std::pair<double, double> time_of(int rounds, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = clock_type::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

void row(const char* what, std::pair<double, double> t) {
    std::printf("| %s | %.1f ms | %.1f ms |\n", what, t.first, t.second);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: govmon-status-bench DIR [TARGETS] [ROUNDS] [DAYS]\n");
        return 64;
    }
    const std::string path = std::string(argv[1]) + "/govmon.db";
    const int targets = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 20;
    const int days = argc > 4 ? std::atoi(argv[4]) : 30;
    set_default_time_zone("Asia/Shanghai");
    const std::int64_t now = now_epoch_seconds();
    {
        auto db = store::open(path);
        const auto start = clock_type::now();
        fill(*db, targets, days, now);
        std::printf("filled %d targets, %d days, in %.1f s\n", targets, days,
                    std::chrono::duration<double>(clock_type::now() - start).count());
    }
    const zone_rules& zone = *default_time_zone();
    // The seeds' deadlines, as a config without `rectification:` has them.
    const auto plan = std::make_shared<const rectification_plan>(config{}, default_time_zone());
    const status_rows rows = read_status_rows(path);
    const status_model model = build_status_model(rows, {}, plan.get(), {}, now);
    const std::string html = write_status_html(model, zone);
    std::printf("%zu observations read, %d open findings, %zu on the red list, page %.0f KiB\n\n",
                rows.probes.size(), model.open_findings, model.red_list.size(),
                static_cast<double>(html.size()) / 1024);

    std::printf("| step (%d targets, %d rounds) | median | max |\n|---|---:|---:|\n", targets,
                rounds);
    row("store: read_status_rows", time_of(rounds, [&] { (void)read_status_rows(path); }));
    row("model: build_status_model",
        time_of(rounds, [&] { (void)build_status_model(rows, {}, plan.get(), {}, now); }));
    row("HTML: write_status_html", time_of(rounds, [&] { (void)write_status_html(model, zone); }));
    row("model + HTML", time_of(rounds, [&] {
            (void)write_status_html(build_status_model(rows, {}, plan.get(), {}, now), zone);
        }));

    metrics stats("bench");
    const status_page page(path, {}, plan, stats, spdlog::default_logger());
    row("status_page::answer(\"/\") (store + model + HTML)",
        time_of(rounds, [&] { (void)page.answer("/"); }));
    auto served = std::make_shared<status_page>(path, std::map<std::string, std::string>{}, plan,
                                                stats, spdlog::default_logger());
    stats.serve("127.0.0.1:0", [served](std::string_view p) { return served->answer(p); });
    const int port = stats.listening_ports().at(0);
    std::size_t bytes = 0;
    row("GET / over HTTP (loopback)", time_of(rounds, [&] { bytes = http_get(port, "/").size(); }));
    row("GET /unit/unit-7 over HTTP",
        time_of(rounds, [&] { (void)http_get(port, "/unit/unit-7"); }));
    row("GET /target/site-1 over HTTP",
        time_of(rounds, [&] { (void)http_get(port, "/target/site-1"); }));
    row("GET /metrics over HTTP", time_of(rounds, [&] { (void)http_get(port, "/metrics"); }));
    std::printf("\nGET / answered %zu bytes\n", bytes);
    return 0;
}
