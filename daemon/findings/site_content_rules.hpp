#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstdint>

namespace govmon {

// spec/indicators.md: links, ads, hidden links, home page and column freshness.
struct site_content_thresholds {
    std::int64_t homepage_stale = 14 * 86400;
    std::int64_t homepage_warn = 10 * 86400;
    int homepage_min_items = 10; // new dated items in homepage_stale
    std::int64_t news_stale = 14 * 86400;
    std::int64_t notice_stale = 183 * 86400;
    std::int64_t personnel_stale = 365 * 86400;
    int stale_news_notice_veto = 5;
    int stale_all_veto = 10;
    int blank_veto = 5;
};

// What one crawl shows. Nothing is judged when the home page itself did not load: the
// availability probe reports that, and a failed crawl must not resolve what the last one saw.
rule_verdict judge_site_content(const crawl_result& crawl, const std::string& home_url,
                                std::int64_t now, const site_content_thresholds& thresholds);

// The newest dated item that counts for the home page: its own list items, or, for a home page
// that is only navigation, its columns' (second-level pages).
std::optional<std::int64_t> homepage_newest(const crawl_result& crawl);

} // namespace govmon
