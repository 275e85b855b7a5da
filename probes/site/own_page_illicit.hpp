#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// What a page of the site itself shows to its readers and to search engines: its <title>,
// <meta name="keywords"> and <meta name="description">, and its visible text.
struct own_page_text {
    std::string_view title;
    std::string_view keywords;
    std::string_view description;
    std::string_view text;
};

// Why a page of the site reads as a gambling or porn page (篡改, SEO spam).
struct own_page_illicit {
    std::string field; // "title", "meta keywords", "meta description" or "text"
    std::vector<std::string> terms;
    std::string excerpt; // the field itself, or the text around its first term (UTF-8 safe)
};

// Judges a page of the site itself. The shape of injected spam is a keyword-stuffed title or
// meta tag: a field carrying two different illicit terms, one term three times, or the name of
// a gambling brand or game (PG电子, 抢庄牛牛, beplay …), and none of the words officials write
// about such things with (打击, 整治, 危害, 警惕, 破获 …).
// Otherwise the text is judged as a link target's is (illicit_page_terms: varied vocabulary
// outweighing the vocabulary of the law 2:1), so that a notice about 打击赌博 or 扫黄打非,
// however many games it names, does not count.
std::optional<own_page_illicit> judge_own_page(const own_page_text& page);

} // namespace govmon
