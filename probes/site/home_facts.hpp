#pragma once

#include "probes/site/interaction_reading.hpp"
#include "probes/site/site_identity.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

// A link to a 政府网站工作年度报表 (国办函〔2018〕12号).
struct annual_report_link {
    std::string text;
    std::string url;
    std::optional<int> year; // the year the text names (2025年度…); none: a link to all of them
};

// What a home page shows besides its dated items, for the seeds' checks: the footer's
// identifiers, its links to annual reports and to consultation channels.
struct home_facts {
    site_identity identity;
    std::vector<annual_report_link> annual_reports;
    std::vector<channel_link> channels;
    std::size_t links = 0; // a/area links looked at
};

} // namespace govmon
