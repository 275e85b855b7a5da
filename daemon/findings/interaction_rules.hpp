#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstdint>
#include <string>

namespace govmon {

// 互动回应差 (国办秘函〔2019〕19号) and its deductions; content-checks.md §1.
struct interaction_thresholds {
    std::int64_t overdue = 90 * 86400;      // a valid message unanswered > 3 months: veto
    std::int64_t overdue_warn = 60 * 86400; // early warning
    std::int64_t window = 365 * 86400;      // messages of the year before the check point
    std::int64_t reply_stale = 60 * 86400;  // no reply published in 2 months: deduct
};

// What the crawl's reading of the consultation channels shows; nothing is judged when the
// home page was not read. A false veto dominates:
// - interaction_missing: the home page links to no channel → warning 疑似 (the channel may sit
//   on a provincial platform); a veto only when every configured channel answers 404/410.
//   A configured `elsewhere` platform counts as the channel (and is not read).
// - interaction_unanswered, per channel: a message of the window the site shows as open
//   (未回复, 办理中, 答复时间：暂无) for more than `overdue`, or answered more than `overdue`
//   after it came → veto; only probably open (an empty reply cell, 转办) → warning 疑似;
//   open for more than `overdue_warn` → warning.
// - interaction_slow (deduct), per channel: messages listed without any date, answered
//   messages whose reply time is nowhere shown, or the newest reply older than `reply_stale`.
// Every detail names the channel, its URL, the oldest such message (title, date, age, URL) and
// when the channel was read.
rule_verdict judge_interaction(const crawl_result& crawl, const std::string& home_url,
                               std::int64_t now, const interaction_thresholds& thresholds);

} // namespace govmon
