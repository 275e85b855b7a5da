#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// Judges the text of a page a link leads to: is it a gambling or porn page (the target of a
// 暗链), or a page that merely mentions such things — a police notice about 打击赌博, a news
// report on 扫黄打非? A target page counts when its illicit vocabulary (illicit_vocabulary())
// is varied — at least `min_distinct_terms` different terms, or two terms repeated
// `min_repeated_occurrences` times — and outweighs crackdown vocabulary (打击, 整治, 查处,
// 违法犯罪, 警方 …) at least `dominance` to one. Gambling sites repeat their wares; reports
// about them are written in the words of the law.
struct illicit_page_rule {
    int min_distinct_terms = 3;
    int min_repeated_occurrences = 10;
    int dominance = 2;
};

// The distinct illicit terms of `title` and `text`, in vocabulary order, when the page counts
// by `rule`; empty otherwise.
std::vector<std::string> illicit_page_terms(std::string_view title, std::string_view text,
                                            const illicit_page_rule& rule = {});

} // namespace govmon
