#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

struct header_field {
    std::string name;
    std::string value;
};

// The value of the first field called `name` (case-insensitive).
std::optional<std::string_view> find_header(const std::vector<header_field>& headers,
                                            std::string_view name);

} // namespace govmon::http
