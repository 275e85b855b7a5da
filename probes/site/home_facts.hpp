#pragma once

#include "probes/site/annual_report_links.hpp"
#include "probes/site/interaction_channels.hpp"
#include "probes/site/site_identity.hpp"

#include <cstddef>
#include <vector>

namespace govmon {

// What a home page shows besides its dated items, for the seeds' checks: the footer's
// identifiers, its links to annual reports and to consultation channels.
struct home_facts {
    site_identity identity;
    std::vector<annual_report_link> annual_reports;
    std::vector<channel_link> channels;
    std::size_t links = 0; // a/area links looked at
};

} // namespace govmon
