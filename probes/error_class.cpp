#include "error_class.hpp"

#include <array>
#include <utility>

namespace govmon {
namespace {

constexpr std::array<std::pair<error_class, std::string_view>, 10> names{{
    {error_class::none, ""},
    {error_class::dns, "dns"},
    {error_class::connect, "connect"},
    {error_class::tls, "tls"},
    {error_class::timeout, "timeout"},
    {error_class::http, "http"},
    {error_class::too_large, "too_large"},
    {error_class::blocked, "blocked"},
    {error_class::parse, "parse"},
    {error_class::not_found, "not_found"},
}};

} // namespace

std::string_view to_string(error_class e) noexcept {
    for (const auto& [value, name] : names)
        if (value == e)
            return name;
    return "";
}

std::optional<error_class> error_class_from_string(std::string_view s) noexcept {
    for (const auto& [value, name] : names)
        if (name == s)
            return value;
    return std::nullopt;
}

} // namespace govmon
