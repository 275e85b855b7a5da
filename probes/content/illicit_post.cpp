#include "probes/content/illicit_post.hpp"

#include "probes/site/illicit_vocabulary.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

constexpr std::size_t min_distinct_terms = 2;

// Besides the crackdown vocabulary: in a post of a few lines, one word of the law or of a
// warning shows what the post is about.
constexpr std::array<std::string_view, 12> warning_terms{
    "提醒", "警惕", "远离", "防范", "谨防", "诈骗", "反诈", "禁止", "抵制", "拒绝", "危害", "戒赌"};

} // namespace

std::vector<std::string> illicit_post_terms(std::string_view text) {
    const std::string lower = lower_ascii(text);
    const auto in_text = [&](std::string_view w) { return lower.find(w) != std::string::npos; };
    const bool warns =
        std::any_of(crackdown_vocabulary().begin(), crackdown_vocabulary().end(), in_text) ||
        std::any_of(warning_terms.begin(), warning_terms.end(), in_text);
    if (warns)
        return {};
    std::vector<std::string_view> found;
    for (const std::string_view term : illicit_vocabulary())
        if (lower.find(term) != std::string::npos)
            found.push_back(term);
    std::vector<std::string> terms;
    for (const std::string_view t : found) {
        const bool nested = std::any_of(found.begin(), found.end(), [&](std::string_view o) {
            return o.size() > t.size() && o.find(t) != std::string_view::npos;
        });
        if (!nested)
            terms.emplace_back(t);
    }
    if (terms.size() < min_distinct_terms)
        return {};
    return terms;
}

} // namespace govmon
