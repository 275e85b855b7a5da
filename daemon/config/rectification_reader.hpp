#pragma once

// The `rectification:` section: deadlines (整改期限) per kind, severity, unit and site level,
// and the days that the shipped working-day calendar gets wrong or does not know yet.

#include "daemon/config/config.hpp"
#include "daemon/config/quantity_parse.hpp"
#include "daemon/config/yaml_reader.hpp"

#include <string_view>

namespace govmon {

// "当天" / "same_day"; "10 working days", "10 workdays", "10个工作日", "10工作日"; or a duration
// ("7d", "48h").
parsed<rectification_deadline> parse_rectification_deadline(std::string_view text);

void read_rectification(const yaml_reader& reader, const yaml_value& section,
                        rectification_config& out);

} // namespace govmon
