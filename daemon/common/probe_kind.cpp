#include "daemon/common/probe_kind.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

constexpr std::array<std::string_view, 4> probe_names{"availability", "crawl", "column", "account"};

} // namespace

std::string_view name_of(probe_kind probe) noexcept {
    return probe_names[static_cast<std::size_t>(probe)];
}

std::optional<probe_kind> parse_probe_kind(std::string_view name) noexcept {
    const auto it = std::find(probe_names.begin(), probe_names.end(), name);
    if (it == probe_names.end())
        return std::nullopt;
    return static_cast<probe_kind>(it - probe_names.begin());
}

std::string_view schedule_name_of(probe_kind probe) noexcept {
    return probe == probe_kind::account ? "accounts" : name_of(probe);
}

} // namespace govmon
