#pragma once

#include "daemon/metrics/served_page.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace prometheus {
class Exposer;
class Registry;
class Gauge;
class Counter;
template <typename T> class Family;
} // namespace prometheus

namespace govmon {

// The phases of govmon_probe_http_duration_seconds, blackbox_exporter's split of a visit.
inline constexpr std::string_view http_phases[] = {"dns",        "connect",  "tls",
                                                   "first_byte", "transfer", "total"};

// The /metrics of interface.md §5. Label values are config ids, never URLs or error text.
// Every method is safe to call from any thread (prometheus-cpp metrics are thread-safe).
// What the daemon carries on without, each counted in govmon_degraded_total{mode} (Envoy's rule:
// every degraded mode is both a log line and a counter).
enum class degraded_mode {
    job_crashed,             // a probe job threw: rescheduled with backoff
    reload_refused,          // SIGHUP with a config that does not load: the old one stays
    ad_list_unreadable,      // an ad rule list could not be read: the others still apply
    alert_round_failed,      // the alert worker's round failed (store busy or unwritable)
    mail_without_address,    // a unit with no contact and no alerts.to: its mail is not sent
    crawl_worker_failed,     // a crawl worker threw: the crawl finished with fewer workers
    status_page_failed,      // the status page could not read the store: it answered 503
    mail_lock_missing,       // the outbox's delivery lock file cannot be opened: sent without it
    content_list_unreadable, // a local wrong-forms list could not be read: the others apply
};

std::string_view name_of(degraded_mode mode) noexcept;

class metrics {
public:
    explicit metrics(std::string version);
    ~metrics();
    metrics(const metrics&) = delete;
    metrics& operator=(const metrics&) = delete;

    // Serves /metrics on host:port, and what `pages` answers (the status page) on the same
    // listener; port 0 picks a free one. Throws std::runtime_error when the address cannot be
    // bound.
    void serve(const std::string& listen, page_source pages = {});
    std::vector<int> listening_ports() const;

    // Creates every series of a site at 0 so that dashboards and alerts see it from start-up.
    void declare_site(const std::string& target, const std::string& unit);
    void declare_account(const std::string& target, const std::string& platform,
                         const std::string& unit);
    // Drops every series of a target that left the config.
    void forget_target(const std::string& target);

    void record_probe(const std::string& target, const std::string& kind, const std::string& probe,
                      bool success, double seconds);
    void set_availability_ratio(const std::string& target, double ratio);
    // Where the last home-page visit spent its time: `phase` is one of http_phases.
    void set_http_phase(const std::string& target, std::string_view phase, double seconds);
    // Newest content seen (home page or account), UTC epoch seconds.
    void set_last_update(const std::string& target, const std::string& kind,
                         const std::string& platform, const std::string& unit, std::int64_t when);
    void set_tls_expiry(const std::string& target, std::int64_t not_after);
    // The thresholds the rules apply now, so that alert rules compare against the config's
    // values rather than figures of their own.
    void set_threshold_seconds(const std::string& name, double seconds);
    void set_threshold_ratio(const std::string& name, double ratio);
    void set_account_thresholds(const std::string& target, double warn_seconds,
                                double dormant_seconds);
    void set_site_links(const std::string& target, int broken_on_home, int broken_elsewhere,
                        int ad_links);
    void count_crawl_work(int pages, int links);
    // One page a crawl wanted rendered by a headless browser: ok, timeout, failed, unavailable.
    void count_page_render(std::string_view result);
    void set_target_failing(const std::string& target, const std::string& kind,
                            const std::string& unit, bool failing);
    // Open findings by (kind, severity); pairs absent from `counts` are set to 0.
    void set_findings(const std::map<std::pair<std::string, std::string>, int>& counts);
    void count_http_request(std::string_view outcome);
    void count_store_error();
    // One occurrence of a degraded mode; each is also a log line where it happens.
    void count_degraded(degraded_mode mode);
    // One delivery attempt of an alert mail: "sent" or "failed".
    void count_alert_email(std::string_view result);
    void cycle_finished(const std::string& schedule, std::int64_t when);

    // The text a scrape would get, for tests and `govmon run --once` summaries.
    std::string text() const;

private:
    struct families;
    std::shared_ptr<prometheus::Registry> registry_;
    std::unique_ptr<families> families_;
    std::unique_ptr<prometheus::Exposer> exposer_;
};

} // namespace govmon
