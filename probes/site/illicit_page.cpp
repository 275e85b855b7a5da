#include "probes/site/illicit_page.hpp"

#include "probes/site/illicit_vocabulary.hpp"
#include "text/host_names.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

struct term_count {
    std::string_view term;
    int count = 0;
};

// A term inside a longer one found as well (新葡京 in 澳门新葡京) counts only where it stands
// alone, so one brand name is not two terms.
void drop_nested_terms(std::vector<term_count>& found) {
    std::vector<term_count> kept;
    for (const term_count& t : found) {
        int alone = t.count;
        for (const term_count& longer : found)
            if (longer.term.size() > t.term.size() &&
                longer.term.find(t.term) != std::string_view::npos)
                alone -= longer.count * count_occurrences(longer.term, t.term);
        if (alone > 0)
            kept.push_back({t.term, alone});
    }
    found = std::move(kept);
}

} // namespace

std::vector<std::string> illicit_page_terms(std::string_view title, std::string_view text,
                                            const illicit_page_rule& rule) {
    const std::string lower = lower_ascii(title) + "\n" + lower_ascii(text);
    std::vector<term_count> found;
    for (const std::string_view term : illicit_vocabulary())
        if (const int n = count_occurrences(lower, term); n > 0)
            found.push_back({term, n});
    drop_nested_terms(found);
    int total = 0;
    for (const term_count& t : found)
        total += t.count;
    const int distinct = static_cast<int>(found.size());
    const bool varied = distinct >= rule.min_distinct_terms ||
                        (distinct >= 2 && total >= rule.min_repeated_occurrences);
    int crackdown = 0;
    for (const std::string_view term : crackdown_vocabulary())
        crackdown += count_occurrences(lower, term);
    if (!varied || total < rule.dominance * crackdown)
        return {};
    std::vector<std::string> terms;
    for (const term_count& t : found)
        terms.emplace_back(t.term);
    return terms;
}

} // namespace govmon
