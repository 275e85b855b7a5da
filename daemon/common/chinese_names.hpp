#pragma once

#include "daemon/common/finding_kind.hpp"

#include <string>

namespace govmon {

// The Chinese names that mails and reports show for the store's English identifiers, in one
// place so that a unit's alert mail and the office's quarterly report use the same words.
// Unknown identifiers (a site level such as 省级, a future platform) come back as they are.
std::string platform_name(const std::string& platform); // weibo → 微博
std::string severity_name(finding_severity severity);   // veto → 单项否决

} // namespace govmon
