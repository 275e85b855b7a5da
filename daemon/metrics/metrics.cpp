#include "metrics.hpp"

#include "daemon/common/finding_kind.hpp"
#include "daemon/metrics/page_routes.hpp"

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <array>
#include <mutex>
#include <set>

namespace govmon {

using prometheus::Counter;
using prometheus::Family;
using prometheus::Gauge;
using prometheus::Labels;

namespace {

// Every (kind, severity) a finding can have (interface.md §3), so that each series exists at
// 0 before the first finding of its kind.
std::set<std::pair<std::string, std::string>> possible_findings() {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const finding_kind_info& k : finding_kinds())
        for (const auto s :
             {finding_severity::veto, finding_severity::deduct, finding_severity::warn})
            if (can_have(k.kind, s))
                pairs.emplace(k.name, name_of(s));
    return pairs;
}

constexpr std::array<degraded_mode, 9> degraded_modes{degraded_mode::job_crashed,
                                                      degraded_mode::reload_refused,
                                                      degraded_mode::ad_list_unreadable,
                                                      degraded_mode::alert_round_failed,
                                                      degraded_mode::mail_without_address,
                                                      degraded_mode::crawl_worker_failed,
                                                      degraded_mode::status_page_failed,
                                                      degraded_mode::mail_lock_missing,
                                                      degraded_mode::content_list_unreadable};

constexpr std::array<const char*, 9> request_outcomes{
    "ok", "http_4xx", "http_5xx", "timeout", "dns", "connect", "tls", "too_large", "blocked"};

constexpr std::array<const char*, 3> schedules{"availability", "crawl", "accounts"};

constexpr std::array<const char*, 4> render_results{"ok", "timeout", "failed", "unavailable"};

} // namespace

struct metrics::families {
    Family<Gauge>& probe_success;
    Family<Gauge>& probe_duration;
    Family<Gauge>& availability_ratio;
    Family<Gauge>& http_duration;
    Family<Gauge>& last_update;
    Family<Gauge>& broken_links;
    Family<Gauge>& ad_links;
    Family<Gauge>& tls_expiry;
    Family<Gauge>& findings;
    Family<Gauge>& target_failing;
    Family<Counter>& http_requests;
    Family<Counter>& store_errors;
    Family<Counter>& degraded;
    Family<Counter>& crawl_pages;
    Family<Counter>& links_checked;
    Family<Counter>& page_renders;
    Family<Counter>& alert_emails;
    Family<Gauge>& cycle_last_success;
    Family<Gauge>& build_info;
    Family<Gauge>& threshold_seconds;
    Family<Gauge>& threshold_ratio;
    Family<Gauge>& account_threshold;
    Family<Gauge>& finding_kind_names;

    // Which series each target owns, so that forget_target can remove them.
    std::mutex owned_mutex;
    std::map<std::string, std::vector<std::pair<Family<Gauge>*, Gauge*>>> owned;

    Gauge& own(const std::string& target, Family<Gauge>& family, const Labels& labels) {
        Gauge& gauge = family.Add(labels);
        std::lock_guard lock(owned_mutex);
        auto& series = owned[target];
        for (const auto& [f, g] : series)
            if (g == &gauge)
                return gauge;
        series.emplace_back(&family, &gauge);
        return gauge;
    }
};

namespace {

Family<Gauge>& gauge_family(prometheus::Registry& r, const char* name, const char* help) {
    return prometheus::BuildGauge().Name(name).Help(help).Register(r);
}

Family<Counter>& counter_family(prometheus::Registry& r, const char* name, const char* help) {
    return prometheus::BuildCounter().Name(name).Help(help).Register(r);
}

} // namespace

metrics::metrics(std::string version) : registry_(std::make_shared<prometheus::Registry>()) {
    auto& r = *registry_;
    families_.reset(new families{
        gauge_family(r, "govmon_probe_success", "1 if the last probe succeeded"),
        gauge_family(r, "govmon_probe_duration_seconds", "Wall time of the last probe"),
        gauge_family(r, "govmon_site_availability_ratio",
                     "Successful home-page probes / all, over thresholds.availability_window"),
        gauge_family(r, "govmon_probe_http_duration_seconds",
                     "Time of the last home-page visit by phase (dns, connect, tls, first_byte, "
                     "transfer, total)"),
        gauge_family(r, "govmon_last_update_timestamp_seconds",
                     "Newest content seen (home page or account)"),
        gauge_family(r, "govmon_site_broken_links",
                     "Broken links in the last crawl, on the home page or elsewhere"),
        gauge_family(r, "govmon_site_ad_links", "Ad links in the last crawl"),
        gauge_family(r, "govmon_tls_cert_expiry_timestamp_seconds", "Certificate notAfter"),
        gauge_family(r, "govmon_findings", "Open findings"),
        gauge_family(r, "govmon_target_failing",
                     "1 if the target has an open veto finding (fails the inspection now)"),
        counter_family(r, "govmon_http_requests_total", "HTTP requests by outcome"),
        counter_family(r, "govmon_store_errors_total", "Failed writes to the database"),
        counter_family(r, "govmon_degraded_total",
                       "Times the daemon carried on in a degraded mode, by mode"),
        counter_family(r, "govmon_crawl_pages_total", "Pages fetched and parsed by crawls"),
        counter_family(r, "govmon_links_checked_total", "Links checked by crawls"),
        counter_family(r, "govmon_page_renders_total",
                       "Pages with no dated item rendered by a headless browser, by result"),
        counter_family(r, "govmon_alert_emails_total", "Alert emails by result"),
        gauge_family(r, "govmon_cycle_last_success_timestamp_seconds",
                     "When each schedule last finished a round"),
        gauge_family(r, "govmon_build_info", "Always 1; the version is a label"),
        gauge_family(r, "govmon_threshold_seconds",
                     "A duration threshold the findings rules apply now (config thresholds)"),
        gauge_family(r, "govmon_threshold_ratio",
                     "A share threshold the findings rules apply now (config thresholds)"),
        gauge_family(r, "govmon_account_threshold_seconds",
                     "An account's own warn and dormant thresholds, after platform, account and "
                     "video overrides"),
        gauge_family(r, "govmon_finding_kind_info",
                     "Always 1: a finding kind's Chinese name and indicator, for boards to join "
                     "on kind"),
        {},
        {},
    });
    families_->build_info.Add({{"version", std::move(version)}}).Set(1);
    for (const auto& [kind, severity] : possible_findings())
        families_->findings.Add({{"kind", kind}, {"severity", severity}});
    for (const finding_kind_info& k : finding_kinds())
        families_->finding_kind_names
            .Add({{"kind", std::string(k.name)},
                  {"label", std::string(k.label)},
                  {"indicator", std::string(k.indicator)}})
            .Set(1);
    for (const char* outcome : request_outcomes)
        families_->http_requests.Add({{"result", outcome}});
    for (const char* schedule : schedules)
        families_->cycle_last_success.Add({{"schedule", schedule}});
    families_->store_errors.Add({});
    for (const degraded_mode mode : degraded_modes)
        families_->degraded.Add({{"mode", std::string(name_of(mode))}});
    families_->crawl_pages.Add({});
    families_->links_checked.Add({});
    for (const char* result : render_results)
        families_->page_renders.Add({{"result", result}});
    families_->alert_emails.Add({{"result", "sent"}});
    families_->alert_emails.Add({{"result", "failed"}});
}

metrics::~metrics() {
    for (const int port : listening_ports())
        remove_page_source(port);
}

// Two threads: a scrape does not wait for a status page being written, nor the page for it.
void metrics::serve(const std::string& listen, page_source pages) {
    exposer_ = std::make_unique<prometheus::Exposer>(listen, 2, &page_callbacks());
    exposer_->RegisterCollectable(registry_);
    if (pages)
        for (const int port : exposer_->GetListeningPorts())
            add_page_source(port, pages);
}

std::vector<int> metrics::listening_ports() const {
    return exposer_ ? exposer_->GetListeningPorts() : std::vector<int>{};
}

void metrics::declare_site(const std::string& target, const std::string& unit) {
    const Labels probe{{"target", target}, {"kind", "site"}, {"probe", "availability"}};
    families_->own(target, families_->probe_success, probe);
    families_->own(target, families_->probe_duration, probe);
    families_->own(target, families_->availability_ratio, {{"target", target}});
    for (std::string_view phase : http_phases)
        families_->own(target, families_->http_duration,
                       {{"target", target}, {"phase", std::string(phase)}});
    families_->own(target, families_->target_failing,
                   {{"target", target}, {"kind", "site"}, {"unit", unit}});
    const Labels crawl{{"target", target}, {"kind", "site"}, {"probe", "crawl"}};
    families_->own(target, families_->probe_success, crawl);
    families_->own(target, families_->probe_duration, crawl);
    families_->own(target, families_->broken_links, {{"target", target}, {"page", "home"}});
    families_->own(target, families_->broken_links, {{"target", target}, {"page", "other"}});
    families_->own(target, families_->ad_links, {{"target", target}});
}

void metrics::declare_account(const std::string& target, const std::string& platform,
                              const std::string& unit) {
    const Labels probe{{"target", target}, {"kind", "account"}, {"probe", "account"}};
    families_->own(target, families_->probe_success, probe);
    families_->own(target, families_->probe_duration, probe);
    families_->own(target, families_->target_failing,
                   {{"target", target}, {"kind", "account"}, {"unit", unit}});
    families_->own(
        target, families_->last_update,
        {{"target", target}, {"kind", "account"}, {"platform", platform}, {"unit", unit}});
}

void metrics::forget_target(const std::string& target) {
    std::vector<std::pair<Family<Gauge>*, Gauge*>> series;
    {
        std::lock_guard lock(families_->owned_mutex);
        auto it = families_->owned.find(target);
        if (it == families_->owned.end())
            return;
        series = std::move(it->second);
        families_->owned.erase(it);
    }
    for (auto& [family, gauge] : series)
        family->Remove(gauge);
}

void metrics::record_probe(const std::string& target, const std::string& kind,
                           const std::string& probe, bool success, double seconds) {
    const Labels labels{{"target", target}, {"kind", kind}, {"probe", probe}};
    families_->own(target, families_->probe_success, labels).Set(success ? 1 : 0);
    families_->own(target, families_->probe_duration, labels).Set(seconds);
}

void metrics::set_availability_ratio(const std::string& target, double ratio) {
    families_->own(target, families_->availability_ratio, {{"target", target}}).Set(ratio);
}

void metrics::set_http_phase(const std::string& target, std::string_view phase, double seconds) {
    families_
        ->own(target, families_->http_duration, {{"target", target}, {"phase", std::string(phase)}})
        .Set(seconds);
}

void metrics::set_last_update(const std::string& target, const std::string& kind,
                              const std::string& platform, const std::string& unit,
                              std::int64_t when) {
    families_
        ->own(target, families_->last_update,
              {{"target", target}, {"kind", kind}, {"platform", platform}, {"unit", unit}})
        .Set(static_cast<double>(when));
}

void metrics::set_site_links(const std::string& target, int broken_on_home, int broken_elsewhere,
                             int ad_links) {
    families_->own(target, families_->broken_links, {{"target", target}, {"page", "home"}})
        .Set(broken_on_home);
    families_->own(target, families_->broken_links, {{"target", target}, {"page", "other"}})
        .Set(broken_elsewhere);
    families_->own(target, families_->ad_links, {{"target", target}}).Set(ad_links);
}

void metrics::count_crawl_work(int pages, int links) {
    families_->crawl_pages.Add({}).Increment(pages);
    families_->links_checked.Add({}).Increment(links);
}

void metrics::count_page_render(std::string_view result) {
    families_->page_renders.Add({{"result", std::string(result)}}).Increment();
}

void metrics::set_threshold_seconds(const std::string& name, double seconds) {
    families_->threshold_seconds.Add({{"name", name}}).Set(seconds);
}

void metrics::set_threshold_ratio(const std::string& name, double ratio) {
    families_->threshold_ratio.Add({{"name", name}}).Set(ratio);
}

void metrics::set_account_thresholds(const std::string& target, double warn_seconds,
                                     double dormant_seconds) {
    families_->own(target, families_->account_threshold, {{"target", target}, {"name", "warn"}})
        .Set(warn_seconds);
    families_->own(target, families_->account_threshold, {{"target", target}, {"name", "dormant"}})
        .Set(dormant_seconds);
}

void metrics::set_tls_expiry(const std::string& target, std::int64_t not_after) {
    families_->own(target, families_->tls_expiry, {{"target", target}})
        .Set(static_cast<double>(not_after));
}

void metrics::set_target_failing(const std::string& target, const std::string& kind,
                                 const std::string& unit, bool failing) {
    families_
        ->own(target, families_->target_failing,
              {{"target", target}, {"kind", kind}, {"unit", unit}})
        .Set(failing ? 1 : 0);
}

void metrics::set_findings(const std::map<std::pair<std::string, std::string>, int>& counts) {
    std::set<std::pair<std::string, std::string>> pairs = possible_findings();
    for (const auto& [key, count] : counts)
        pairs.insert(key);
    for (const auto& key : pairs) {
        auto it = counts.find(key);
        families_->findings.Add({{"kind", key.first}, {"severity", key.second}})
            .Set(it == counts.end() ? 0 : it->second);
    }
}

void metrics::count_http_request(std::string_view outcome) {
    families_->http_requests.Add({{"result", std::string(outcome)}}).Increment();
}

void metrics::count_store_error() {
    families_->store_errors.Add({}).Increment();
}

void metrics::count_degraded(degraded_mode mode) {
    families_->degraded.Add({{"mode", std::string(name_of(mode))}}).Increment();
}

std::string_view name_of(degraded_mode mode) noexcept {
    switch (mode) {
    case degraded_mode::job_crashed:
        return "job_crashed";
    case degraded_mode::reload_refused:
        return "reload_refused";
    case degraded_mode::ad_list_unreadable:
        return "ad_list_unreadable";
    case degraded_mode::alert_round_failed:
        return "alert_round_failed";
    case degraded_mode::mail_without_address:
        return "mail_without_address";
    case degraded_mode::crawl_worker_failed:
        return "crawl_worker_failed";
    case degraded_mode::status_page_failed:
        return "status_page_failed";
    case degraded_mode::mail_lock_missing:
        return "mail_lock_missing";
    case degraded_mode::content_list_unreadable:
        return "content_list_unreadable";
    }
    return "unknown";
}

void metrics::count_alert_email(std::string_view result) {
    families_->alert_emails.Add({{"result", std::string(result)}}).Increment();
}

void metrics::cycle_finished(const std::string& schedule, std::int64_t when) {
    families_->cycle_last_success.Add({{"schedule", schedule}}).Set(static_cast<double>(when));
}

std::string metrics::text() const {
    return prometheus::TextSerializer().Serialize(registry_->Collect());
}

} // namespace govmon
