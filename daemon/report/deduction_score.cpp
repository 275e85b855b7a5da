#include "deduction_score.hpp"

#include <string_view>

namespace govmon {

std::string column_category_of(const std::string& detail) {
    for (const char* category : {"news", "notice", "personnel"})
        if (detail.find(std::string{"("} + category + ")") != std::string::npos)
            return category;
    return "";
}

namespace {

std::string_view without_trailing_slash(std::string_view url) {
    while (!url.empty() && url.back() == '/')
        url.remove_suffix(1);
    return url;
}

} // namespace

bool is_home_page_link(const finding& f, const std::string& home_url) {
    return without_trailing_slash(f.source) == without_trailing_slash(home_url);
}

namespace {

int column_stale_tenths(const std::string& detail) {
    const std::string category = column_category_of(detail);
    if (category == "notice")
        return 40;
    if (category == "personnel")
        return 50;
    // The rules judge a column of unknown category by the news threshold; so does the score.
    return 30;
}

} // namespace

int deduction_tenths(const finding& f, finding_severity severity, const std::string& home_url) {
    if (severity == finding_severity::warn)
        return 0;
    switch (f.kind) {
    case finding_kind::broken_link:
        return is_home_page_link(f, home_url) ? 10 : 1;
    case finding_kind::homepage_low_volume:
    case finding_kind::ad_link:
        return 50;
    case finding_kind::column_stale:
        return column_stale_tenths(f.detail);
    case finding_kind::blank_column:
        return 30;
    case finding_kind::tls_invalid:
    case finding_kind::ipv6_missing:
    case finding_kind::annual_report_missing:
    case finding_kind::site_identity_missing:
        return 20;
    case finding_kind::interaction_slow:
        return 30;
    case finding_kind::typo:
        return 10;
    default:
        return 0;
    }
}

} // namespace govmon
