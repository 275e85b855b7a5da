#include "probes/site/own_page_illicit.hpp"

#include "probes/site/illicit_page.hpp"
#include "probes/site/illicit_vocabulary.hpp"
#include "text/host_names.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <span>

namespace govmon {
namespace {

// Words a stuffed title or meta tag of the lottery trade carries beside the vocabulary, which an
// official page may well use (a bank's 开户平台, a welfare-lottery centre's
// 福彩快3走势图_快三走势图): they count in the site's own fields only, and only beside a term of
// the vocabulary.
constexpr std::array<std::string_view, 3> stuffing_terms{"开户平台", "快3走势图", "快三走势图"};

// Gambling brands and games that name nothing else: one in a title or meta tag is enough, as in
// the real kit's title "PG电子·(中国)官方网站".
constexpr std::array<std::string_view, 5> brand_terms{"pg电子", "抢庄牛牛", "beplay", "bob体育",
                                                      "外-围"};

// A field reads as stuffed with this many different terms, or one term this often.
constexpr int field_min_distinct = 2;
constexpr int field_min_repeats = 3;
// Illicit terms must outnumber official ones this many to one in a page's text.
constexpr int text_dominance = 2;
// Characters of text on each side of the first term, for the excerpt.
constexpr std::size_t excerpt_bytes = 60;

int official_occurrences(std::string_view lower) {
    int n = 0;
    for (const auto& terms : {crackdown_vocabulary(), warning_vocabulary()})
        for (const std::string_view term : terms)
            n += count_occurrences(lower, term);
    return n;
}

// A page's text is as illicit as illicit_page_terms says, unless the wider official vocabulary
// of a page of the site itself (警惕, 危害, 破获 …) holds its own against it.
bool outweighs_official(std::string_view title, std::string_view text,
                        const std::vector<std::string>& terms) {
    const std::string lower = lower_ascii(title) + "\n" + lower_ascii(text);
    int total = 0;
    for (const std::string& term : terms)
        total += count_occurrences(lower, term);
    return total >= text_dominance * official_occurrences(lower);
}

bool is_brand(std::string_view term) {
    return std::find(brand_terms.begin(), brand_terms.end(), term) != brand_terms.end();
}

// Counts `term` in `lower` unless a longer term already found holds it.
void add_term(std::string_view lower, std::string_view term, std::vector<std::string>& terms,
              int& total, bool& brand) {
    const int n = count_occurrences(lower, term);
    if (n == 0 || std::any_of(terms.begin(), terms.end(), [&](const std::string& t) {
            return t.find(term) != std::string::npos;
        }))
        return;
    terms.emplace_back(term);
    total += n;
    brand = brand || is_brand(term);
}

// Distinct terms of the vocabulary in a short field; a term inside a longer one found too
// (新葡京 in 澳门新葡京) is not counted again.
std::vector<std::string> stuffed_terms(std::string_view field) {
    const std::string lower = lower_ascii(field);
    if (lower.empty() || reports_on_the_trade(lower))
        return {};
    std::vector<std::string> terms;
    int total = 0;
    bool brand = false;
    for (const std::string_view term : illicit_vocabulary())
        add_term(lower, term, terms, total, brand);
    if (terms.empty())
        return {};
    for (const std::string_view term : stuffing_terms)
        add_term(lower, term, terms, total, brand);
    const bool stuffed =
        brand || static_cast<int>(terms.size()) >= field_min_distinct || total >= field_min_repeats;
    return stuffed ? terms : std::vector<std::string>{};
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Text around `at`, cut on UTF-8 character boundaries.
std::string excerpt_around(std::string_view text, std::size_t at) {
    std::size_t begin = at > excerpt_bytes ? at - excerpt_bytes : 0;
    std::size_t end = std::min(text.size(), at + excerpt_bytes);
    while (begin > 0 && is_continuation_byte(text[begin]))
        --begin;
    while (end < text.size() && is_continuation_byte(text[end]))
        ++end;
    return std::string(text.substr(begin, end - begin));
}

// A field as quoted in evidence: whole, or its first 150 bytes.
std::string head_of(std::string_view field) {
    std::size_t end = std::min<std::size_t>(field.size(), 150);
    while (end < field.size() && is_continuation_byte(field[end]))
        ++end;
    return std::string(field.substr(0, end));
}

std::string text_excerpt(std::string_view text, const std::vector<std::string>& terms) {
    const std::string lower = lower_ascii(text);
    std::size_t first = std::string::npos;
    for (const std::string& term : terms)
        first = std::min(first, lower.find(term));
    return first == std::string::npos ? std::string{} : excerpt_around(text, first);
}

} // namespace

std::optional<own_page_illicit> judge_own_page(const own_page_text& page) {
    const std::array<std::pair<const char*, std::string_view>, 3> fields{
        {{"title", page.title},
         {"meta keywords", page.keywords},
         {"meta description", page.description}}};
    for (const auto& [name, value] : fields)
        if (auto terms = stuffed_terms(value); !terms.empty())
            return own_page_illicit{name, std::move(terms), head_of(value)};
    auto terms = illicit_page_terms(page.title, page.text);
    if (terms.empty() || !outweighs_official(page.title, page.text, terms))
        return std::nullopt;
    std::string excerpt = text_excerpt(page.text, terms);
    return own_page_illicit{"text", std::move(terms), std::move(excerpt)};
}

} // namespace govmon
