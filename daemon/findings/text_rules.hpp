#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <string>
#include <vector>

namespace govmon {

// 表述错误 and 错别字 (content-checks.md §2): what the wrong-forms lists found in a target's pages
// or posts becomes `misstatement` (veto for an entry of the serious list; a warning 疑似 for the
// other wrong forms, outdated names and near misses of official names) and `typo` (deduct).
// One finding per distinct form and target however many pages repeat it (a template error
// counts once): its `url` is the page that has it (`prefer`, the home page, when it does, else
// the first in URL order) with a text fragment (#:~:text=…) that takes a browser to the words,
// `source` the page, and its detail the words, what they should read, the quoted context, the
// count of pages and the list entry's source.
void judge_text_problems(const std::vector<page_text_problem>& problems, const std::string& prefer,
                         rule_verdict& verdict);

} // namespace govmon
