#pragma once

#include "daemon/common/chinese_names.hpp"
#include "daemon/common/zone_rules.hpp"

#include <cstdint>
#include <string>

namespace govmon {

// The Chinese words alert mails use for a finding kind (its descriptor in finding_kind.hpp).
std::string problem_name(finding_kind kind); // account_dormant → 账号超过两周未更新…
std::string advice_for(finding_kind kind);   // what the unit should do

// 湖北发布（微博） for an account, the name alone for a site.
std::string target_label(const std::string& name, const std::string& kind,
                         const std::string& platform);

// 2026年11月30日 in the process time zone.
std::string chinese_day(std::int64_t epoch_seconds, const zone_rules& zone);

} // namespace govmon
