#include "daemon/common/finding_status.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

constexpr std::array<std::string_view, 2> status_names{"open", "resolved"};
constexpr std::array<std::string_view, 4> change_names{"opened", "severity_changed", "resolved",
                                                       "reopened"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names,
                               std::string_view name) {
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        return std::nullopt;
    return static_cast<Enum>(it - names.begin());
}

} // namespace

std::string_view name_of(finding_status status) noexcept {
    return status_names[static_cast<std::size_t>(status)];
}

std::optional<finding_status> parse_finding_status(std::string_view name) noexcept {
    return parse_name<finding_status>(status_names, name);
}

std::string_view name_of(finding_change change) noexcept {
    return change_names[static_cast<std::size_t>(change)];
}

std::optional<finding_change> parse_finding_change(std::string_view name) noexcept {
    return parse_name<finding_change>(change_names, name);
}

} // namespace govmon
