#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <vector>

namespace govmon {

// 篡改 (content-checks.md §3), always a `tampered` warning saying 疑似 — govmon sees symptoms,
// a person decides the veto: a page of the site that reads as a gambling or porn page, a page
// whose inline scripts carry the search-engine kit (a title swapped back for visitors other than
// search engines, search engines' visitors sent elsewhere), the home
// page serving Baidu's crawler or a Baidu visitor something else, an external link whose domain
// is now parked or for sale, and the deviations of key pages from their baseline
// (`baseline_candidates`, judge_baselines). Several signs on one page make one finding whose
// detail names them all. Nothing is judged when the home page did not load.
rule_verdict judge_tampering(const crawl_result& crawl, const std::string& home_url,
                             const std::vector<finding_candidate>& baseline_candidates);

} // namespace govmon
