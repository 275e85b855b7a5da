#pragma once

#include "daemon/findings/finding.hpp"

#include <string>
#include <vector>

namespace govmon {

// Scores are kept in tenths of a point: −0.1 per broken link elsewhere adds up exactly.
constexpr int full_score_tenths = 1000;
constexpr int passing_score_tenths = 600;

// What one open finding costs a site (indicators.md 扣分), in tenths of a point. `home_url` tells
// a home-page broken link (−1) from one elsewhere (−0.1). Warnings cost nothing (not a problem
// yet); a veto fails the site outright and still costs what its kind deducts. The figures and
// the choices indicators.md leaves open are in docs/scoring.md (tested against this function).
int deduction_tenths(const finding& f, finding_severity severity, const std::string& home_url);

// A broken link whose source is the home page (the crawl names the home page when it has it).
bool is_home_page_link(const finding& f, const std::string& home_url);

// The column category a column_stale finding names in its detail ("要闻 (news): ...").
std::string column_category_of(const std::string& detail);

} // namespace govmon
