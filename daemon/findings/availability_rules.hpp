#pragma once

#include "finding_candidate.hpp"
#include "probe_details.hpp"

#include <cstdint>
#include <vector>

namespace govmon {

// spec/indicators.md, 站点无法访问 / 证书 / IPv6.
struct availability_thresholds {
    double veto_ratio = 0.05; // failed share over the window that fails the site
    double warn_ratio = 0.03; // early warning
    std::int64_t window = 7 * 86400;
    // The rule samples >= 20 times a day; fewer samples than that are too few to fail a site
    // on, so they give at most an early warning.
    int min_samples_for_veto = 20;
    std::int64_t tls_expiry_warning = 14 * 86400;
};

struct availability_summary {
    int probes = 0; // visits that say whether the home page opened
    int failed = 0;
    int blocked = 0; // visits a firewall challenge or rate limit answered: counted neither way
    double ratio_ok() const { return probes == 0 ? 1.0 : double(probes - failed) / probes; }
};

// `window` holds the site's home-page visits of the last `thresholds.window` seconds, oldest
// first; the last one is the newest probe.
availability_summary summarize_availability(const std::vector<availability_visit>& window);

rule_verdict judge_availability(const std::vector<availability_visit>& window, std::int64_t now,
                                const availability_thresholds& thresholds);

} // namespace govmon
