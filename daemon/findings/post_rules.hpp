#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govmon {

// What an account's posts show (spec/indicators.md 商业广告; content-checks.md §1.5, §2, §3): the
// posts' links that match the ad rules, posts carrying illicit vocabulary, wrong forms in their
// text, and the platform's own evidence that interaction is switched off.
struct post_review {
    std::string account_url;           // the probed address, the target of interaction_off
    std::vector<flagged_link> ads;     // url: the link; page: the post
    std::vector<flagged_link> illicit; // url: the post; reason: the terms and an excerpt
    std::vector<page_text_problem> text;
    std::string interaction_off; // the answer's evidence; empty when it shows none
    // Links inside posts that failed (pages: the post), when they were checked.
    std::optional<std::vector<broken_link>> broken;
};

// Judged only on an answer that listed the posts (ok, ok_empty): a refused probe neither fakes
// nor hides a post. ad_link and broken_link (only when the links were checked) deduct as on a
// site; illicit_content and interaction_off are
// warnings (疑似): vocabulary and an undocumented field are a suspicion for a person to
// confirm, never a veto; misstatement and typo as judge_text_problems.
rule_verdict judge_posts(const post_review& review);

} // namespace govmon
