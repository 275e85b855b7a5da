// The alert thread's degraded modes, each a log line and a govmon_degraded_total count: a unit
// whose mail has no address, a round the store fails, and an outbox without its delivery lock.
#include "daemon/alerts/alert_worker.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/store/alert_store.hpp"
#include "daemon/store/sqlite.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/captured_log.hpp"
#include "tests/support/metrics_lines.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

using namespace govmon;
using govmon::test::captured_log;
using govmon::test::degraded_line;
using govmon::test::has_metric_line;
using govmon::test::temp_dir;

namespace {

constexpr std::int64_t now = 1'800'000'000;

// A veto opened just now for an account of unit u-a.
void open_veto(store& db) {
    finding f;
    f.id = "f1";
    f.target = "hb-weibo";
    f.target_kind = "account";
    f.unit = "u-a";
    f.kind = finding_kind::account_dormant;
    f.indicator = "account.freshness";
    f.severity = finding_severity::veto;
    f.url = "https://weibo.com/u/1";
    f.detail = "最近一次更新 2026-01-01";
    f.first_seen = now;
    f.last_seen = now;
    write_batch b;
    b.findings.push_back(f);
    b.events.push_back({f.id, now, finding_change::opened, finding_severity::veto, f.detail});
    db.write(b);
}

// Unit u-a has no contacts and alerts.to is empty: nobody to mail.
alert_settings nobody_to_mail() {
    alert_settings s;
    s.alerts.from = "govmon@example.gov.cn";
    s.units.push_back({"u-a", "某某县政府办公室", {}, {}});
    s.zone = default_time_zone();
    return s;
}

} // namespace

TEST_CASE("a veto for a unit with no address and no alerts.to is a warning and "
          "mail_without_address") {
    temp_dir dir;
    const std::string database = dir.file("govmon.db");
    auto db = store::open(database);
    metrics stats("test");
    captured_log log;
    alert_dispatcher dispatcher(database, stats, log.logger());
    open_veto(*db);
    const std::atomic<bool> stop{false};

    dispatcher.run_once(nobody_to_mail(), now, stop);

    CHECK(has_metric_line(stats.text(), degraded_line("mail_without_address", 1)));
    CHECK(log.has("warning", "alerts: no address for unit u-a nor alerts.to; not mailed"));
    CHECK(alert_store::open(database)->due_mails(now, 10).empty());
}

TEST_CASE("an alert round the store fails is an error line and alert_round_failed, and the "
          "thread carries on") {
    temp_dir dir;
    const std::string database = dir.file("govmon.db");
    auto db = store::open(database);
    metrics stats("test");
    captured_log log;
    alert_worker worker(database, nobody_to_mail(), stats, log.logger());
    // The cursor every round reads vanishes under the running worker: each later round fails
    // in the store.
    sqlite::connection raw{database, SQLITE_OPEN_READWRITE};
    raw.busy_timeout(5000);
    raw.exec("DROP TABLE alert_cursors");

    // A guard against a hang, never a measure: the worker polls every second.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!has_metric_line(stats.text(), degraded_line("alert_round_failed", 1)) &&
           std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));

    CHECK(has_metric_line(stats.text(), degraded_line("alert_round_failed", 1)));
    CHECK(log.has("error", "alerts: "));
    CHECK(log.has("error", "alert_cursors"));
}

TEST_CASE("an outbox whose delivery lock cannot be opened is a warning and mail_lock_missing, "
          "once; mail still goes out") {
    temp_dir dir;
    const std::string database = dir.file("govmon.db");
    auto db = store::open(database);
    // A directory where the lock file should be: open(2) fails with EISDIR, even as root.
    std::filesystem::create_directory(database + ".mail-lock");
    metrics stats("test");
    captured_log log;
    alert_dispatcher dispatcher(database, stats, log.logger());
    alert_settings s = nobody_to_mail();
    s.alerts.smtp_url = "smtp://127.0.0.1:9";
    const std::atomic<bool> stop{false};

    dispatcher.run_once(s, now, stop);
    dispatcher.run_once(s, now + 1, stop);

    CHECK(has_metric_line(stats.text(), degraded_line("mail_lock_missing", 1)));
    CHECK(log.has("warning", "alerts: cannot open " + database + ".mail-lock: "));
    CHECK(log.has("warning", "delivering without the lock"));
}
