#pragma once

// Links to the 政府网站工作年度报表 (国办函〔2018〕12号): every site publishes last year's on its
// home page by 31 January.

#include "probes/html/link_extract.hpp"
#include "probes/site/home_facts.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govmon {

// The a/area links whose text names a 年度报表 or 年度工作报表, in page order, de-duplicated by
// url. The year comes from the text only: a file uploaded in January carries the new year in
// its URL.
std::vector<annual_report_link> find_annual_report_links(const std::vector<html::page_link>& links);

} // namespace govmon
