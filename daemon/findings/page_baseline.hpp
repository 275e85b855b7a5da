#pragma once

#include "finding_candidate.hpp"
#include "probes/site/page_signals.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace govmon {

// A key page as govmon learned it: what a defacement would change (page_signals). It is learned
// over the first `baseline_learning_crawls` crawls that read the page (the union of their hosts,
// the latest title and meta tags) and then kept as it is: only an operator's
// `govmon baseline accept` replaces it, with the page as last crawled.
struct page_baseline {
    page_signals signals;
    int crawls = 0; // crawls learned from; learned once it reaches baseline_learning_crawls
};

inline constexpr int baseline_learning_crawls = 3;

// What one crawl does to a site's baselines, and what they show.
struct baseline_judgement {
    std::vector<page_baseline> baselines; // the baseline of each key page crawled, to store
    std::vector<finding_candidate> candidates;
};

// Compares each key page of a crawl with its stored baseline (by url): a new script or frame
// host (government hosts aside), or a title or meta tag that changed to one carrying gambling or
// porn vocabulary, is a `tampered` warning with the before and after. A page still being
// learned adds to its baseline and is not judged.
baseline_judgement judge_baselines(const std::vector<page_signals>& pages,
                                   const std::map<std::string, page_baseline>& stored);

} // namespace govmon
