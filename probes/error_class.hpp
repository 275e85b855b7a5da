#pragma once

#include <optional>
#include <string_view>

namespace govmon {

// Why a probe failed: the closed list of interface.md §4 (`error` column of the raw data).
// Every network failure maps to exactly one of these.
enum class error_class {
    none,
    dns,
    connect,
    tls,
    timeout,
    http,
    too_large,
    blocked,
    parse,
    not_found,
};

// The export spelling: "" for none, else the enumerator's name.
std::string_view to_string(error_class e) noexcept;
std::optional<error_class> error_class_from_string(std::string_view s) noexcept;

} // namespace govmon
