// The probe side's degraded modes, each a log line and a govmon_degraded_total count: a job
// that crashed, a crawl worker that failed, an ad list that cannot be read, and a store write
// that failed (govmon_store_errors_total).
#include "daemon/metrics/metrics.hpp"
#include "daemon/runtime/ad_rules.hpp"
#include "daemon/runtime/daemon_state.hpp"
#include "daemon/runtime/job_recording.hpp"
#include "daemon/runtime/text_rules.hpp"
#include "probes/ads/filter_engine.hpp"
#include "probes/content/text_check.hpp"
#include "tests/store/store_fixture.hpp"
#include "tests/support/captured_log.hpp"
#include "tests/support/metrics_lines.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

using namespace govmon;
using govmon::test::captured_log;
using govmon::test::degraded_line;
using govmon::test::has_metric_line;
using govmon::test::temp_dir;

namespace {

// A daemon's state on a real database, logging into `log`.
struct state_under_test {
    temp_dir dir;
    std::unique_ptr<store> db = store::open(dir.file("govmon.db"));
    store_worker worker{*db};
    metrics stats{"test"};
    captured_log log;
    daemon_state state{config{}, worker, stats, log.logger()};
};

} // namespace

TEST_CASE("a job that throws is an error line and job_crashed, retried 30 s later") {
    state_under_test t;
    const schedule_key key{"hb-portal", probe_kind::crawl};
    t.state.schedule[key].in_flight = true;

    note_job_crash(t.state, key, std::make_exception_ptr(std::runtime_error("boom")), 1000);

    CHECK(has_metric_line(t.stats.text(), degraded_line("job_crashed", 1)));
    CHECK(t.log.has("error", "job target=hb-portal probe=crawl crashed: boom; retried at "));
    CHECK(t.state.schedule[key].next_due == 1030);
    CHECK_FALSE(t.state.schedule[key].in_flight);
    CHECK(t.state.failed_writes == 1); // `run --once` exits 1
}

TEST_CASE("each failed crawl worker is an error line and crawl_worker_failed") {
    state_under_test t;
    note_worker_failures(t.state, "hb-portal", {"std::bad_alloc", "vector::_M_realloc_insert"});

    CHECK(has_metric_line(t.stats.text(), degraded_line("crawl_worker_failed", 2)));
    CHECK(t.log.has("error", "crawl target=hb-portal: a crawl worker failed: std::bad_alloc"));
    CHECK(t.log.has("error", "a crawl worker failed: vector::_M_realloc_insert"));
}

TEST_CASE("an ad list that cannot be read is a warning and ad_list_unreadable; the shipped "
          "rules still apply") {
    temp_dir dir;
    metrics stats("test");
    captured_log log;
    config cfg;
    cfg.ads.rules = {dir.file("gone.txt")};

    const auto rules = ad_rules_of(cfg, stats, *log.logger());

    CHECK(has_metric_line(stats.text(), degraded_line("ad_list_unreadable", 1)));
    CHECK(log.has("warning", "ad rules: " + dir.file("gone.txt") + ": no such file"));
    REQUIRE(rules);
    CHECK(rules->stats().network_rules() > 0);
}

TEST_CASE("a wrong-forms list that cannot be read or parsed is a warning and "
          "content_list_unreadable; the shipped list still applies") {
    temp_dir dir;
    std::ofstream(dir.file("bad.txt")) << "not a rule line\n";
    metrics stats("test");
    captured_log log;
    config cfg;
    cfg.content.rules = {dir.file("gone.txt"), dir.file("bad.txt")};

    const auto rules = text_rules_of(cfg, stats, *log.logger());

    CHECK(has_metric_line(stats.text(), degraded_line("content_list_unreadable", 2)));
    CHECK(log.has("warning", "content rules: " + dir.file("gone.txt") + " could not be read"));
    CHECK(log.has("warning", "content rules: " + dir.file("bad.txt") + " could not be read"));
    REQUIRE(rules);
    CHECK_FALSE(rules->check("学习《中华人民共合国宪法》").empty());
}

TEST_CASE("a store write that failed is an error line and govmon_store_errors_total") {
    state_under_test t;
    note_store_failure(t.state, "hb-portal", probe_kind::availability,
                       store_error("govmon.db: write: database is locked"));

    CHECK(has_metric_line(t.stats.text(), "govmon_store_errors_total 1"));
    CHECK(t.log.has("error", "store target=hb-portal probe=availability: govmon.db: write: "
                             "database is locked"));
    CHECK(t.state.failed_writes == 1);
}
