#pragma once

#include "finding_candidate.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstdint>
#include <string>

namespace govmon {

// The seeds' disclosure checks on what the home page shows (nothing is judged when the crawl
// did not read it):
// - annual_report_missing (deduct): from February on, no home-page link to last year's
//   政府网站工作年度报表 (a 年度报表 link naming that year or no year at all). In January it is
//   judged and resolved: the report is due by the 31st.
// - site_identity_missing (deduct): the page shows no 网站标识码 or no ICP 备案号, or a code
//   other than `expected_site_code` (the config's, when it has one). The detail says which.
// Year and month are read in the default time zone.
rule_verdict judge_disclosures(const crawl_result& crawl, const std::string& home_url,
                               std::int64_t now, const std::string& expected_site_code);

} // namespace govmon
