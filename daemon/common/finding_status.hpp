#pragma once

// A finding's life as the contract spells it (interface.md §3): its status, and the events of
// its history. The names are spelled here and read or written only where findings cross the
// store, export and output edges.

#include <optional>
#include <string_view>

namespace govmon {

enum class finding_status { open, resolved };

enum class finding_change { opened, severity_changed, resolved, reopened };

std::string_view name_of(finding_status status) noexcept; // open, resolved
std::optional<finding_status> parse_finding_status(std::string_view name) noexcept;

std::string_view name_of(finding_change change) noexcept; // opened, severity_changed, ...
std::optional<finding_change> parse_finding_change(std::string_view name) noexcept;

} // namespace govmon
