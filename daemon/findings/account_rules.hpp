#pragma once

#include "finding_candidate.hpp"
#include "probe_details.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace govmon {

// spec/indicators.md, 政务新媒体.
struct account_thresholds {
    std::int64_t warn = 7 * 86400;     // 更新不及时 (a video account's: its dormant period)
    std::int64_t dormant = 14 * 86400; // 僵尸/睡眠, single-veto
    // At least min_posts posts within min_posts_within (贵阳: 每周不少于2次); 0: no such rule.
    int min_posts = 0;
    std::int64_t min_posts_within = 7 * 86400;
    // An app's download page shows a release date, not a post: only its reachability is
    // judged (reference/platforms.md §8).
    bool judge_freshness = true;
};

// `recent` holds the account's latest probes, oldest first; the last one is the probe
// just made. `newest_post` is the newest post any successful probe has ever seen (a refused
// probe keeps it; a post seen once stays seen). Only a successful probe judges freshness, and
// the gravest verdicts that rest on absence (no posts at all, account gone) need two probes in a
// row to agree: a wrong "dormant" email is the worst bug this product can have.
rule_verdict judge_account(const std::vector<account_visit>& recent,
                           std::optional<std::int64_t> newest_post, std::int64_t now,
                           const account_thresholds& thresholds);

} // namespace govmon
