#pragma once

#include "daemon/common/chinese_names.hpp"

#include <cstdint>
#include <string>

namespace govmon {

// The Chinese words alert mails use for what the store holds in English identifiers. Unknown
// identifiers come back as they are: a new finding kind still gets mailed, just less nicely.
std::string problem_name(const std::string& kind);         // account_dormant → 超过两周未更新…
std::string advice_for(const std::string& kind);           // what the unit should do

// 湖北发布（微博） for an account, the name alone for a site.
std::string target_label(const std::string& name, const std::string& kind,
                         const std::string& platform);

// 2026年11月30日 in the process time zone.
std::string chinese_day(std::int64_t epoch_seconds);

} // namespace govmon
