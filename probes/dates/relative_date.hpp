#pragma once

#include "probes/dates/parsed_date.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace govmon {

// Display strings that only mean something against the moment the page was fetched (`now`):
// 刚刚, N秒前, N分钟前, N小时前, N天前, 今天/昨天/前天 [HH:MM] (simplified or traditional).
// Vaguer ones (几分钟前, N周前, N个月前, 周五下午3点) are refused: a guess could fake activity.
// Expects normalized text (text_normalize.hpp) without surrounding spaces.
std::optional<parsed_date> parse_relative_date(std::string_view text, std::int64_t now);

} // namespace govmon
