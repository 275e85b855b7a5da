#include "availability_job.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/availability_rules.hpp"
#include "daemon/runtime/job_recording.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "daemon/store/probe_detail_json.hpp"
#include "probes/site/availability_probe.hpp"

#include <chrono>
#include <cmath>
#include <string_view>
#include <utility>
#include <vector>

namespace govmon {
namespace {

double seconds_of(std::chrono::microseconds d) {
    return static_cast<double>(d.count()) / 1e6;
}

// The visit's phases in seconds, in the order of metrics' http_phases.
std::vector<std::pair<std::string_view, double>> phase_seconds(const availability_result& r) {
    return {{"dns", seconds_of(r.phases.dns)},
            {"connect", seconds_of(r.phases.connect)},
            {"tls", seconds_of(r.phases.tls)},
            {"first_byte", seconds_of(r.phases.first_byte)},
            {"transfer", seconds_of(r.phases.transfer)},
            {"total", static_cast<double>(r.latency_ms) / 1e3}};
}

std::vector<std::pair<std::string, double>> phase_milliseconds(const availability_result& r) {
    std::vector<std::pair<std::string, double>> phases;
    for (const auto& [phase, seconds] : phase_seconds(r))
        phases.emplace_back(phase, std::round(seconds * 1e6) / 1e3);
    return phases;
}

availability_visit visit_of(const site_config& site, const availability_result& result) {
    availability_visit visit;
    visit.url = site.url;
    visit.ok = result.ok;
    if (result.http_status > 0)
        visit.http_status = result.http_status;
    visit.error = result.error;
    availability_detail& d = visit.detail;
    d.error_detail = result.error_detail;
    if (result.final_url != site.url)
        d.final_url = result.final_url;
    d.redirects = result.redirects;
    d.cert_not_after = result.cert_not_after;
    d.attempts = result.attempts;
    d.phases_ms = phase_milliseconds(result);
    d.ipv6 = {result.ipv6.has_aaaa, result.ipv6.reachable, result.ipv6.detail};
    return visit;
}

observation to_observation(const site_config& site, const availability_visit& visit,
                           const availability_result& result, std::int64_t started) {
    observation o = observation_head(site.id, "site", probe_kind::availability, site.url, started);
    o.ok = visit.ok;
    o.http_status = visit.http_status;
    o.latency_ms = result.latency_ms;
    o.error = visit.error;
    o.detail = detail_json(visit.detail);
    return o;
}

std::vector<availability_visit> visits_of(const std::vector<observation>& stored) {
    std::vector<availability_visit> visits;
    visits.reserve(stored.size() + 1);
    for (const observation& o : stored)
        visits.push_back(availability_visit_of(o));
    return visits;
}

availability_thresholds thresholds_of(const config& cfg) {
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    const thresholds_config& c = cfg.thresholds;
    availability_thresholds t;
    t.veto_ratio = c.unreachable_ratio;
    t.warn_ratio = c.unreachable_warn_ratio;
    t.window = duration_cast<seconds>(c.availability_window).count();
    t.min_samples_for_veto = c.unreachable_min_probes;
    t.tls_expiry_warning = duration_cast<seconds>(c.tls_expiry_warn).count();
    return t;
}

void log_observation(spdlog::logger& log, const observation& o, const std::string& error_detail) {
    if (o.ok)
        log.info("probe target={} probe=availability ok=1 status={} latency_ms={}", o.target,
                 o.http_status.value_or(0), o.latency_ms);
    else
        log.warn("probe target={} probe=availability ok=0 error={} status={} latency_ms={} "
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

    availability_visit visit = visit_of(site, result);
    const observation o = to_observation(site, visit, result, started);
    log_observation(*state.log, o, result.error_detail);
    const std::int64_t now = now_epoch_seconds();
    const availability_thresholds thresholds = thresholds_of(state.cfg);

    write_batch batch;
    batch.observations.push_back(o);
    schedule_row next{site.id, probe_name(probe_kind::availability),
                      next_due(started, state.cfg.schedule.availability_every,
                               state.cfg.schedule.jitter, state.spread()),
                      started};
    batch.schedule.push_back(next);

    double ratio = 1.0;
    bool failing = false;
    try {
        const std::vector<observation> stored = co_await state.db.run([&](store& db) {
            return db.observations_since(site.id, probe_name(probe_kind::availability),
                                         now - thresholds.window);
        });
        std::vector<availability_visit> window = visits_of(stored);
        window.push_back(std::move(visit));
        ratio = summarize_availability(window).ratio_ok();
        // Named: GCC 12 destroys a temporary of a co_await expression twice (see the style
        // reference, P7).
        const target_identity identity{site.id, "site", site.unit};
        const rule_verdict verdict = judge_availability(window, now, thresholds);
        failing = co_await write_with_findings(state, identity, verdict, std::move(batch), now);
    } catch (const store_error& e) {
        note_store_failure(state, site.id, probe_kind::availability, e);
    }

    state.stats.record_probe(site.id, "site", probe_name(probe_kind::availability), o.ok, seconds);
    state.stats.set_availability_ratio(site.id, ratio);
    for (const auto& [phase, phase_s] : phase_seconds(result))
        state.stats.set_http_phase(site.id, phase, phase_s);
    if (result.cert_not_after)
        state.stats.set_tls_expiry(site.id, *result.cert_not_after);
    state.stats.set_target_failing(site.id, "site", site.unit, failing);

    complete_probe(state, {site.id, probe_kind::availability}, next.next_due, now);
}

} // namespace govmon
