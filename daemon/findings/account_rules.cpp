#include "account_rules.hpp"

#include "daemon/common/time_zone.hpp"

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
    const std::int64_t warn_after = t.video ? t.dormant : t.warn;
    if (age > t.dormant)
        verdict.candidates.push_back({finding_kind::account_dormant, finding_severity::veto,
                                      current.url, "", age_text(*newest_post, now)});
    else if (age > warn_after)
        verdict.candidates.push_back({finding_kind::account_stale, finding_severity::warn,
                                      current.url, "", age_text(*newest_post, now)});
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
    const std::int64_t fresh_for = t.video ? t.dormant : t.warn;
    if (newest_post && now - *newest_post <= fresh_for) {
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
