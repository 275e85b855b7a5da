#include "probes/site/annual_report_links.hpp"

#include <set>

namespace govmon {
namespace {

bool names_annual_report(std::string_view text) {
    return text.find("年度报表") != std::string_view::npos ||
           text.find("年度工作报表") != std::string_view::npos;
}

// The first 20xx in the text that stands alone (not a run of longer digits).
std::optional<int> year_in(std::string_view text) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        if (text[i] != '2' || text[i + 1] != '0' || !digit(i + 2) || !digit(i + 3))
            continue;
        if ((i > 0 && digit(i - 1)) || (i + 4 < text.size() && digit(i + 4)))
            continue;
        return std::stoi(std::string{text.substr(i, 4)});
    }
    return std::nullopt;
}

} // namespace

std::vector<annual_report_link>
find_annual_report_links(const std::vector<html::page_link>& links) {
    std::vector<annual_report_link> found;
    std::set<std::string> seen;
    for (const html::page_link& link : links) {
        if ((link.element != "a" && link.element != "area") || !link.resolved ||
            !names_annual_report(link.text) || !seen.insert(link.url).second)
            continue;
        found.push_back({link.text, link.url, year_in(link.text)});
    }
    return found;
}

} // namespace govmon
