#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// Judges one post's text for gambling or porn promotion (content-checks.md §2.3 item 5, §3.2).
// A post is short, and government accounts write about such things in the words of the law: a
// post counts only when it carries at least two different terms of illicit_vocabulary() (one
// inside another, 新葡京 in 澳门新葡京, counts once) and not a single word of crackdown or
// warning (打击, 查处, 警方, 提醒, 远离, 反诈 …). A notice about 打击赌博 raises nothing. Returns
// the terms in vocabulary order when the post counts, empty otherwise.
std::vector<std::string> illicit_post_terms(std::string_view text);

} // namespace govmon
