#pragma once

#include "daemon/common/probe_kind.hpp"
#include "daemon/config/config.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/runtime/store_worker.hpp"
#include "probes/site/crawl_result.hpp"

#include <spdlog/logger.h>

#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>

namespace govmon {

class filter_engine;
class page_renderer;
class text_checker;

namespace http {
class client;
class host_gate;
} // namespace http

// (target id, probe): availability and crawl for sites, account for accounts.
using schedule_key = std::pair<std::string, probe_kind>;

struct scheduled_probe {
    std::int64_t next_due = 0;
    bool in_flight = false;
    int crashes = 0; // in a row: the backoff of the next retry
};

// A job that crashed is retried 30 s later, twice as long after each crash in a row, at most an
// hour later: a probe that always throws neither spins every tick nor waits a whole round.
// Returns the new due time.
std::int64_t reschedule_after_crash(scheduled_probe& entry, std::int64_t now);

// What the running daemon shares between its scheduler and its probe jobs. Touched only from
// the one io_context thread; the store only through its own thread (db).
struct daemon_state {
    daemon_state(config c, store_worker& s, metrics& m, std::shared_ptr<spdlog::logger> l)
        : cfg(std::move(c)), db(s), stats(m), log(std::move(l)) {}

    config cfg;
    store_worker& db;
    metrics& stats;
    std::shared_ptr<spdlog::logger> log;  // every line the daemon writes (tests read their own)
    std::shared_ptr<http::client> client; // replaced on reload; running jobs keep the old one
    // Per-platform politeness (platforms.<name>); running jobs keep the gate they hold.
    std::map<std::string, std::shared_ptr<http::host_gate>> platform_gates;
    std::shared_ptr<const filter_engine> ad_rules;  // replaced on reload
    std::shared_ptr<const text_checker> text_rules; // wrong-forms lists; replaced on reload
    // Headless browser for pages with no dated item; replaced on reload, running crawls keep
    // theirs.
    std::shared_ptr<page_renderer> renderer;
    // A small thread pool for large parses (crawled pages, feeds).
    std::optional<asio::any_io_executor> parse_on;
    // External links are checked once per crawl round across all sites.
    external_link_cache external_links;
    // Links inside posts are checked once per account round across all accounts; kept apart
    // from the crawl's, whose entries also carry the verdict on the target page's text.
    external_link_cache post_links;
    std::map<schedule_key, scheduled_probe> schedule;
    // Per scheduled probe: targets not yet probed this round.
    std::map<probe_kind, std::set<std::string>> round_pending;
    std::mt19937_64 random{std::random_device{}()};
    // Set by jobs, cleared by the scheduler's tick when it refreshes the findings gauges:
    // counting after every probe would make a cycle quadratic in the number of targets.
    bool findings_changed = true;
    int jobs_in_flight = 0;
    int failed_writes = 0;

    double spread() { return std::uniform_real_distribution<double>(0.0, 1.0)(random); }
};

// A degraded mode: a job that threw is a log line and a counter, its probe is retried with
// backoff, and `run --once` exits 1.
void note_job_crash(daemon_state& state, const schedule_key& key, std::exception_ptr error,
                    std::int64_t now);

// Marks a probe done: its next due time, and the end of its schedule's round when it was the
// last target of the round.
void complete_probe(daemon_state& state, const schedule_key& key, std::int64_t next_due,
                    std::int64_t now);

// Refreshes govmon_findings from the store if a job changed findings since the last call.
asio::awaitable<void> publish_findings_counts(daemon_state& state);

// Rebuilds the round of every schedule from the current plan.
void start_rounds(daemon_state& state);

} // namespace govmon
