#include "availability_job.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/availability_rules.hpp"
#include "daemon/runtime/job_recording.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "probes/site/availability_probe.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

namespace govmon {
namespace {

using json = nlohmann::json;

json optional_bool(const std::optional<bool>& value) {
    return value ? json(*value) : json(nullptr);
}

double seconds_of(std::chrono::microseconds d) { return static_cast<double>(d.count()) / 1e6; }

// The visit's phases in seconds, in the order of metrics' http_phases.
std::vector<std::pair<std::string_view, double>> phase_seconds(const availability_result& r) {
    return {{"dns", seconds_of(r.phases.dns)},
            {"connect", seconds_of(r.phases.connect)},
            {"tls", seconds_of(r.phases.tls)},
            {"first_byte", seconds_of(r.phases.first_byte)},
            {"transfer", seconds_of(r.phases.transfer)},
            {"total", static_cast<double>(r.latency_ms) / 1e3}};
}

json phase_milliseconds(const availability_result& r) {
    json phases = json::object();
    for (const auto& [phase, seconds] : phase_seconds(r))
        phases[std::string(phase)] = std::round(seconds * 1e6) / 1e3;
    return phases;
}

observation to_observation(const site_config& site, const availability_result& result,
                           std::int64_t started) {
    observation o = observation_head(site.id, "site", "availability", site.url, started);
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
    detail["attempts"] = result.attempts;
    detail["phases_ms"] = phase_milliseconds(result);
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
        std::vector<observation> window = co_await state.db.run([&](store& db) {
            return db.observations_since(site.id, "availability", now - thresholds.window);
        });
        window.push_back(o);
        ratio = summarize_availability(window).ratio_ok();
        // Named: GCC 12 destroys a temporary of a co_await expression twice (see the style
        // reference, P7).
        const target_identity identity{site.id, "site", site.unit};
        const rule_verdict verdict = judge_availability(window, now, thresholds);
        failing = co_await write_with_findings(state, identity, verdict, std::move(batch), now);
    } catch (const store_error& e) {
        note_store_failure(state, site.id, "availability", e);
    }

    state.stats.record_probe(site.id, "site", "availability", o.ok, seconds);
    state.stats.set_availability_ratio(site.id, ratio);
    for (const auto& [phase, phase_s] : phase_seconds(result))
        state.stats.set_http_phase(site.id, phase, phase_s);
    if (result.cert_not_after)
        state.stats.set_tls_expiry(site.id, *result.cert_not_after);
    state.stats.set_target_failing(site.id, "site", site.unit, failing);

    complete_probe(state, {site.id, "availability"}, next.next_due, now);
}

} // namespace govmon
