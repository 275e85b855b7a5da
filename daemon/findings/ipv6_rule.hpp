#pragma once

#include "finding_candidate.hpp"
#include "probe_details.hpp"

#include <string>

namespace govmon {

// ipv6_missing for the page at `url` (a site's home page, an app account's page): no AAAA
// record, or an AAAA record and no answer over IPv6. Not judged when the lookup itself failed.
void judge_ipv6(const std::string& url, const ipv6_facts& ipv6, rule_verdict& verdict);

} // namespace govmon
