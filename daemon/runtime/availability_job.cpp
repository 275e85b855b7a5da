#include "availability_job.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/availability_rules.hpp"
#include "daemon/findings/finding_lifecycle.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "probes/site/availability_probe.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

namespace govmon {
namespace {

using json = nlohmann::json;

json optional_bool(const std::optional<bool>& value) {
    return value ? json(*value) : json(nullptr);
}

observation to_observation(const site_config& site, const availability_result& result,
                           std::int64_t started) {
    observation o;
    o.time = started;
    o.target = site.id;
    o.target_kind = "site";
    o.probe = "availability";
    o.url = site.url;
    o.ok = result.ok;
    if (result.http_status > 0)
        o.http_status = result.http_status;
    o.latency_ms = result.latency_ms;
    o.error = result.error;

    json detail = json::object();
    if (!result.error_detail.empty())
        detail["error_detail"] = result.error_detail;
    if (!result.final_url.empty() && result.final_url != site.url)
        detail["final_url"] = result.final_url;
    if (!result.redirects.empty())
        detail["redirects"] = result.redirects;
    if (result.cert_not_after)
        detail["cert_not_after"] = *result.cert_not_after;
    detail["ipv6"] = {{"aaaa", optional_bool(result.ipv6.has_aaaa)},
                      {"reachable", optional_bool(result.ipv6.reachable)}};
    if (!result.ipv6.detail.empty())
        detail["ipv6"]["detail"] = result.ipv6.detail;
    o.detail = detail.dump(-1, ' ', false, json::error_handler_t::replace);
    return o;
}

availability_thresholds thresholds_of(const config& cfg) {
    availability_thresholds t;
    t.veto_ratio = cfg.thresholds.unreachable_ratio;
    return t;
}

bool has_open_veto(const std::vector<finding>& findings) {
    for (const finding& f : findings)
        if (f.status == "open" && f.severity == "veto")
            return true;
    return false;
}

void publish_findings_counts(daemon_state& state) {
    std::map<std::pair<std::string, std::string>, int> counts;
    for (const finding& f : state.db.all_findings(false))
        ++counts[{f.kind, f.severity}];
    state.stats.set_findings(counts);
}

void finish_round_if_complete(daemon_state& state, const std::string& target, std::int64_t now) {
    state.round_pending.erase(target);
    if (!state.round_pending.empty())
        return;
    state.stats.cycle_finished("availability", now);
    for (const auto& [id, entry] : state.availability)
        state.round_pending.insert(id);
}

void log_observation(const observation& o, const std::string& error_detail) {
    if (o.ok)
        spdlog::info("probe target={} probe=availability ok=1 status={} latency_ms={}", o.target,
                     o.http_status.value_or(0), o.latency_ms);
    else
        spdlog::warn("probe target={} probe=availability ok=0 error={} status={} latency_ms={} "
                     "detail=\"{}\"",
                     o.target, to_string(o.error), o.http_status.value_or(0), o.latency_ms,
                     error_detail);
}

} // namespace

asio::awaitable<void> run_availability_job(daemon_state& state, site_config site) {
    const std::int64_t started = now_epoch_seconds();
    const auto clock_start = std::chrono::steady_clock::now();
    std::shared_ptr<http::client> client = state.client;
    availability_result result = co_await probe_availability(*client, site.url);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();

    const observation o = to_observation(site, result, started);
    log_observation(o, result.error_detail);
    const std::int64_t now = now_epoch_seconds();
    const availability_thresholds thresholds = thresholds_of(state.cfg);

    write_batch batch;
    batch.observations.push_back(o);
    schedule_row next{site.id, "availability",
                      next_due(started, state.cfg.schedule.availability_every,
                               state.cfg.schedule.jitter, state.spread()),
                      started};
    batch.schedule.push_back(next);

    double ratio = 1.0;
    bool failing = false;
    try {
        std::vector<observation> window =
            state.db.observations_since(site.id, "availability", now - thresholds.window);
        window.push_back(o);
        ratio = summarize_availability(window).ratio_ok();
        const rule_verdict verdict = judge_availability(window, now, thresholds);
        const std::vector<finding> stored = state.db.findings_of(site.id);
        lifecycle_changes changes =
            apply_verdict({site.id, "site", site.unit}, verdict, stored, now);
        for (const finding_event& e : changes.events)
            spdlog::info("finding target={} id={} event={} severity={} detail=\"{}\"", site.id,
                         e.finding_id, e.event, e.severity, e.detail);
        batch.findings = std::move(changes.upserts);
        batch.events = std::move(changes.events);
        state.db.write(batch);
        failing = has_open_veto(state.db.findings_of(site.id));
        publish_findings_counts(state);
    } catch (const store_error& e) {
        ++state.failed_writes;
        state.stats.count_store_error();
        spdlog::error("store target={} probe=availability: {}", site.id, e.what());
    }

    state.stats.record_probe(site.id, "site", "availability", o.ok, seconds);
    state.stats.set_availability_ratio(site.id, ratio);
    if (result.cert_not_after)
        state.stats.set_tls_expiry(site.id, *result.cert_not_after);
    state.stats.set_target_failing(site.id, "site", site.unit, failing);

    if (auto it = state.availability.find(site.id); it != state.availability.end()) {
        it->second.next_due = next.next_due;
        it->second.in_flight = false;
    }
    finish_round_if_complete(state, site.id, now);
}

} // namespace govmon
