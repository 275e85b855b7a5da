#include "account_rules.hpp"

#include "daemon/common/time_zone.hpp"

#include <algorithm>
#include <string>

namespace govmon {
namespace {

bool previous_outcome_is(const std::vector<account_visit>& recent, account_outcome outcome) {
    return recent.size() >= 2 && recent[recent.size() - 2].detail.outcome == outcome;
}

std::string age_text(std::int64_t newest, std::int64_t now) {
    return "last post " + format_iso8601(newest) + ", " + std::to_string((now - newest) / 86400) +
           " days ago";
}

std::string days_text(std::int64_t seconds) {
    if (seconds % 86400 == 0)
        return std::to_string(seconds / 86400) + " days";
    return std::to_string(seconds / 3600) + " hours";
}

// Fewer posts in the period than the rule asks. Counted only when the probe's list reaches back
// past the period's start: a feed that lists only its newest few posts might hide others.
void judge_posting_rate(const account_visit& current, std::int64_t newest_post, std::int64_t now,
                        const account_thresholds& t, rule_verdict& verdict) {
    const std::vector<std::int64_t>& times = current.detail.post_times;
    if (t.min_posts <= 0 || times.empty())
        return;
    const std::int64_t since = now - t.min_posts_within;
    if (*std::min_element(times.begin(), times.end()) > since)
        return;
    const auto posts = std::count_if(times.begin(), times.end(),
                                     [since](std::int64_t time) { return time > since; });
    if (posts >= t.min_posts)
        return;
    verdict.candidates.push_back(
        {finding_kind::account_stale, finding_severity::warn, current.url, "",
         std::to_string(posts) + " post(s) in the last " + days_text(t.min_posts_within) +
             ", fewer than the " + std::to_string(t.min_posts) + " required; " +
             age_text(newest_post, now)});
}

void judge_freshness(const std::vector<account_visit>& recent,
                     std::optional<std::int64_t> newest_post, std::int64_t now,
                     const account_thresholds& t, rule_verdict& verdict) {
    const account_visit& current = recent.back();
    if (!newest_post) {
        // No post was ever seen: dormant only when two probes in a row found the account empty.
        if (current.detail.outcome == account_outcome::ok_empty &&
            previous_outcome_is(recent, account_outcome::ok_empty)) {
            verdict.judged.insert(verdict.judged.end(),
                                  {finding_kind::account_dormant, finding_kind::account_stale});
            verdict.candidates.push_back({finding_kind::account_dormant, finding_severity::veto,
                                          current.url, "", "the account has no posts at all"});
        }
        return;
    }
    verdict.judged.insert(verdict.judged.end(),
                          {finding_kind::account_dormant, finding_kind::account_stale});
    const std::int64_t age = now - *newest_post;
    if (age > t.dormant)
        verdict.candidates.push_back({finding_kind::account_dormant, finding_severity::veto,
                                      current.url, "", age_text(*newest_post, now)});
    else if (age > t.warn)
        verdict.candidates.push_back({finding_kind::account_stale, finding_severity::warn,
                                      current.url, "", age_text(*newest_post, now)});
    else
        judge_posting_rate(current, *newest_post, now, t, verdict);
}

void judge_unreachable(const std::vector<account_visit>& recent, rule_verdict& verdict) {
    const account_visit& current = recent.back();
    const std::string& why = current.detail.why;
    if (previous_outcome_is(recent, account_outcome::not_found)) {
        verdict.judged.insert(verdict.judged.end(),
                              {finding_kind::account_unreachable, finding_kind::account_blocked});
        verdict.candidates.push_back({finding_kind::account_unreachable, finding_severity::veto,
                                      current.url, "", "the account is gone: " + why});
        return;
    }
    verdict.judged.push_back(finding_kind::account_blocked);
    verdict.candidates.push_back(
        {finding_kind::account_blocked, finding_severity::warn, current.url, "",
         "the platform says the account does not exist (" + why + "); to be confirmed"});
}

void judge_refused(const account_visit& current, rule_verdict& verdict) {
    verdict.judged.push_back(finding_kind::account_blocked);
    std::string why = current.detail.why;
    if (why.empty() && current.detail.outcome)
        why = to_string(*current.detail.outcome);
    verdict.candidates.push_back({finding_kind::account_blocked, finding_severity::warn,
                                  current.url, "", "freshness unknown: " + why});
}

// A partial read shows posts but may have missed newer ones: it settles the verdict only when
// what it shows is already fresh, and otherwise says freshness is unknown.
void judge_partial(const account_visit& current, std::optional<std::int64_t> newest_post,
                   std::int64_t now, const account_thresholds& t, rule_verdict& verdict) {
    if (newest_post && now - *newest_post <= t.warn) {
        verdict.judged.insert(verdict.judged.end(),
                              {finding_kind::account_unreachable, finding_kind::account_blocked,
                               finding_kind::account_dormant, finding_kind::account_stale});
        return;
    }
    verdict.judged.push_back(finding_kind::account_blocked);
    std::string why = current.detail.why;
    if (newest_post)
        why += "; newest readable post " + format_iso8601(*newest_post) + ", " +
               std::to_string((now - *newest_post) / 86400) + " days ago";
    verdict.candidates.push_back({finding_kind::account_blocked, finding_severity::warn,
                                  current.url, "", "freshness unknown: " + why});
}

} // namespace

rule_verdict judge_account(const std::vector<account_visit>& recent,
                           std::optional<std::int64_t> newest_post, std::int64_t now,
                           const account_thresholds& thresholds) {
    rule_verdict verdict;
    if (recent.empty())
        return verdict;
    const std::optional<account_outcome> outcome = recent.back().detail.outcome;
    if (outcome == account_outcome::ok || outcome == account_outcome::ok_empty) {
        verdict.judged.insert(verdict.judged.end(),
                              {finding_kind::account_unreachable, finding_kind::account_blocked});
        if (thresholds.judge_freshness)
            judge_freshness(recent, newest_post, now, thresholds, verdict);
    } else if (outcome == account_outcome::partial) {
        judge_partial(recent.back(), newest_post, now, thresholds, verdict);
    } else if (outcome == account_outcome::not_found) {
        judge_unreachable(recent, verdict);
    } else {
        judge_refused(recent.back(), verdict);
    }
    return verdict;
}

} // namespace govmon
