#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstdint>
#include <set>
#include <string>

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
// No veto rests on a missing date: a home page or column where nothing gives one is a warning
// "更新时间无法判定" naming what was tried. A blank column needs an HTML page that answered 200
// with no rows, on this crawl and on the one before (`blank_before`: the column urls the
// previous crawl found blank); an attachment or non-HTML answer is no column at all. Every
// freshness detail names where its date was read.
rule_verdict judge_site_content(const crawl_result& crawl, const std::string& home_url,
                                std::int64_t now, const site_content_thresholds& thresholds,
                                const std::set<std::string>& blank_before);

// A column page that answered 200 as HTML and shows nothing: no dated or undated row, no date
// of its own.
bool is_blank_column(const column_reading& c);

// The newest dated item that counts for the home page: its own list items, or, for a home page
// that is only navigation, its columns' (second-level pages).
std::optional<std::int64_t> homepage_newest(const crawl_result& crawl);

} // namespace govmon
