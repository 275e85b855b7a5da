#pragma once

#include "finding_candidate.hpp"
#include "item_history.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace govmon {

struct date_rule_thresholds {
    // A displayed date this far from the URL's date or its neighbours' is no ordinary gap
    // between 成文日期 and 发布日期, scheduling or a re-dating for a correction.
    std::int64_t gap = 30 * 86400;
    // An item first seen this long after its displayed date, in a news list read since then.
    std::int64_t backdated = 30 * 86400;
    // A list where more than this share of the items is new at once was migrated (改版) or
    // re-paged: its new items say nothing of when they were published.
    double migrated_share = 0.5;
};

// 伪造发稿日期 (content-checks.md §4), `date_suspect` warnings, one per item url, each saying
// 疑似 with the dates that disagree:
// - a displayed date more than `gap` after the date in the item's URL (url_date), or, in a
//   news column, more than `gap` before it;
// - a displayed date more than `gap` after those of at least two documents the CMS numbered
//   after it (document_id_in_url, one family), or, in a news column, before those of two it
//   numbered before it;
// - a row dated more than a day after now (Beijing calendar);
// - in a news column, an item first seen more than `backdated` after its displayed date, when
//   govmon had read the list after that date without it (remembered: the finding stays while
//   the item is listed).
// Titles that say they were updated (更新, 修订, 重新发布) are re-dated on purpose and not judged
// against their URL or neighbours. Nothing is judged when the home page did not load.
// When the list `page` was read before this crawl, for the items it lists for the first time now
// (item_sighting_time::read_before): 0 when it never was, or when more than `migrated_share` of
// its items are new at once.
std::int64_t list_read_before(const std::string& page, const page_reading& reading,
                              const item_history& history,
                              const date_rule_thresholds& thresholds = {});

rule_verdict judge_dates(const crawl_result& crawl, const std::string& home_url,
                         const item_history& history, std::int64_t now,
                         const date_rule_thresholds& thresholds = {});

} // namespace govmon
