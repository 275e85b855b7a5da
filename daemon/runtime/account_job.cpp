#include "account_job.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/config/account_freshness.hpp"
#include "daemon/findings/account_rules.hpp"
#include "daemon/findings/ipv6_rule.hpp"
#include "daemon/runtime/job_recording.hpp"
#include "daemon/runtime/post_links.hpp"
#include "daemon/runtime/post_review.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "daemon/store/probe_detail_json.hpp"
#include "probes/accounts/account_probe.hpp"
#include "probes/http/host_gate.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <set>

namespace govmon {
namespace {

// How many of an account's latest observations the rules look at (two-probe confirmation).
constexpr int history_for_rules = 2;

account_endpoints endpoints_of(const config& cfg) {
    account_endpoints e;
    e.rsshub = cfg.bridges.rsshub;
    if (auto weibo = cfg.platforms.find("weibo"); weibo != cfg.platforms.end())
        e.weibo_api = weibo->second.api;
    return e;
}

account_result no_source(const account_config& account) {
    account_result r;
    r.outcome = account_outcome::parse_error;
    r.error = error_class::parse;
    r.detail = "no way to probe a " + account.platform +
               " account without feed: (or bridges.rsshub and uid)";
    return r;
}

error_class error_of(const account_result& r) {
    switch (r.outcome) {
    case account_outcome::ok:
    case account_outcome::ok_empty:
        return error_class::none;
    case account_outcome::not_found:
        return error_class::not_found;
    case account_outcome::blocked:
        return r.error == error_class::none ? error_class::blocked : r.error;
    case account_outcome::no_timestamp:
    case account_outcome::parse_error:
    case account_outcome::partial:
        return error_class::parse;
    }
    return error_class::parse;
}

account_detail detail_of(const account_result& r) {
    return {r.outcome, r.items_seen, r.items_dated, r.detail, r.post_times};
}

observation to_observation(const account_config& account, const std::string& url,
                           const account_result& r, std::int64_t started, std::int64_t latency_ms) {
    observation o = observation_head(account.id, "account", probe_kind::account, url, started);
    o.ok = r.outcome == account_outcome::ok || r.outcome == account_outcome::ok_empty;
    if (r.http_status > 0)
        o.http_status = r.http_status;
    o.latency_ms = latency_ms;
    o.error = error_of(r);
    // A partial read's newest post is a post that exists: it stays seen like any other.
    if (o.ok || r.outcome == account_outcome::partial)
        o.last_update = r.newest_post;
    o.detail = detail_json(detail_of(r));
    return o;
}

bool is_app(const account_config& account) {
    return account.platform == "app" || account.content == "app";
}

account_thresholds thresholds_of(const config& cfg, const account_config& account) {
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    const resolved_freshness f = freshness_of(cfg, account);
    account_thresholds t;
    t.warn = duration_cast<seconds>(f.warn).count();
    t.dormant = duration_cast<seconds>(f.dormant).count();
    if (f.min_posts) {
        t.min_posts = f.min_posts->count;
        t.min_posts_within = duration_cast<seconds>(f.min_posts->within).count();
    }
    t.judge_freshness = freshness_judged(account);
    return t;
}

bool lists_posts(const account_result& r) {
    return r.outcome == account_outcome::ok || r.outcome == account_outcome::ok_empty;
}

void add_verdict(rule_verdict& to, rule_verdict from) {
    to.judged.insert(to.judged.end(), from.judged.begin(), from.judged.end());
    std::move(from.candidates.begin(), from.candidates.end(), std::back_inserter(to.candidates));
}

std::optional<std::int64_t> newest_of(std::optional<std::int64_t> stored,
                                      const observation& current) {
    if (!current.last_update)
        return stored;
    return stored ? std::max(*stored, *current.last_update) : current.last_update;
}

void log_observation(spdlog::logger& log, const observation& o, const account_result& r) {
    if (o.ok)
        log.info("probe target={} probe=account outcome={} newest_post={} items={}", o.target,
                 to_string(r.outcome), r.newest_post ? format_iso8601(*r.newest_post) : "-",
                 r.items_seen);
    else
        log.warn("probe target={} probe=account outcome={} error={} status={} detail=\"{}\"",
                 o.target, to_string(r.outcome), to_string(o.error), r.http_status, r.detail);
}

} // namespace

asio::awaitable<void> run_account_job(daemon_state& state, account_config account) {
    const std::int64_t started = now_epoch_seconds();
    const auto clock_start = std::chrono::steady_clock::now();
    std::shared_ptr<http::client> client = state.client;
    // Kept for the whole job: a reload replaces the daemon's.
    const std::shared_ptr<const filter_engine> ad_rules = state.ad_rules;
    const std::shared_ptr<const text_checker> text_rules = state.text_rules;
    const auto source = source_of({account.platform, account.uid, account.url, account.feed},
                                  endpoints_of(state.cfg));
    account_result result = no_source(account);
    std::string url = account.feed.empty() ? account.url : account.feed;
    if (source) {
        std::shared_ptr<http::host_gate> gate;
        if (auto it = state.platform_gates.find(account.platform); it != state.platform_gates.end())
            gate = it->second;
        http::host_gate::permit permit;
        if (gate)
            permit = co_await gate->acquire(account.platform);
        result = co_await probe_account(*client, *source, started, state.parse_on);
        url = source->url.empty() ? url : source->url;
    }
    // An app's own page (download, introduction) is judged for IPv6 as a site's home page is.
    std::optional<http::ipv6_check> ipv6;
    if (is_app(account) && !account.url.empty())
        ipv6 = co_await client->check_ipv6(account.url);
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - clock_start);
    std::optional<post_review> review;
    if (lists_posts(result)) {
        review = review_posts(result, url, ad_rules.get(), text_rules.get());
        std::set<std::string> ads;
        for (const flagged_link& ad : review->ads)
            ads.insert(ad.url);
        // After the platform's gate is let go: the links lead elsewhere. Named: GCC 12 destroys
        // a temporary of a co_await expression twice (P7).
        auto checking =
            check_post_links(*client, result, ads, state.post_links, post_links_checked);
        review->broken = co_await std::move(checking);
    }

    const observation o = to_observation(account, url, result, started, latency.count());
    log_observation(*state.log, o, result);
    const std::int64_t now = now_epoch_seconds();

    write_batch batch;
    batch.observations.push_back(o);
    schedule_row next{account.id, probe_name(probe_kind::account),
                      next_due(started, state.cfg.schedule.accounts_every,
                               state.cfg.schedule.jitter, state.spread()),
                      started};
    batch.schedule.push_back(next);

    bool failing = false;
    std::optional<std::int64_t> newest;
    try {
        auto [stored, stored_newest] = co_await state.db.run([&](store& db) {
            const std::string probe = probe_name(probe_kind::account);
            return std::pair{db.latest_observations(account.id, probe, history_for_rules - 1),
                             db.newest_update(account.id, probe)};
        });
        std::vector<account_visit> recent;
        for (const observation& earlier : stored)
            recent.push_back(account_visit_of(earlier));
        recent.push_back({o.url, detail_of(result)});
        newest = newest_of(stored_newest, o);
        // Named: GCC 12 destroys a temporary of a co_await expression twice (P7).
        const target_identity identity{account.id, "account", account.unit};
        rule_verdict verdict =
            judge_account(recent, newest, now, thresholds_of(state.cfg, account));
        if (ipv6)
            judge_ipv6(account.url, {ipv6->has_aaaa, ipv6->reachable, ipv6->detail}, verdict);
        if (review)
            add_verdict(verdict, judge_posts(*review));
        failing = co_await write_with_findings(state, identity, verdict, std::move(batch), now);
    } catch (const store_error& e) {
        note_store_failure(state, account.id, probe_kind::account, e);
    }

    state.stats.record_probe(account.id, "account", probe_name(probe_kind::account), o.ok,
                             std::chrono::duration<double>(latency).count());
    if (newest)
        state.stats.set_last_update(account.id, "account", account.platform, account.unit, *newest);
    state.stats.set_target_failing(account.id, "account", account.unit, failing);
    complete_probe(state, {account.id, probe_kind::account}, next.next_due, now);
}

} // namespace govmon
