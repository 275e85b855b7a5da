#pragma once

// The probes govmon runs (interface.md §4's observation.probe). The names are spelled here and
// written or read only where a probe crosses the store, export and metrics edges.

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// A column reading is recorded by the crawl: it has observations but no schedule of its own.
enum class probe_kind { availability, crawl, column, account };

std::string_view name_of(probe_kind probe) noexcept; // availability, crawl, column, account
std::optional<probe_kind> parse_probe_kind(std::string_view name) noexcept;

// The name as the store's and the metrics' string interfaces take it.
inline std::string probe_name(probe_kind probe) {
    return std::string(name_of(probe));
}

// The schedule a probe runs on, as govmon_cycle_last_success_timestamp_seconds names it:
// availability, crawl, accounts.
std::string_view schedule_name_of(probe_kind probe) noexcept;

} // namespace govmon
