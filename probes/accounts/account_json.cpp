#include "probes/accounts/account_json.hpp"

#include <charconv>
#include <string>
#include <system_error>

namespace govmon::account_json {

using nlohmann::json;

const json* member(const json& object, std::string_view key) noexcept {
    if (!object.is_object()) {
        return nullptr;
    }
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::optional<std::int64_t> int_at(const json& object, std::string_view key) noexcept {
    const json* value = member(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_number_integer()) {
        return value->get<std::int64_t>();
    }
    if (value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && end == text.data() + text.size()) {
            return number;
        }
    }
    return std::nullopt;
}

std::optional<std::string> text_at(const json& object, std::string_view key) {
    const json* value = member(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (value->is_string()) {
        return value->get<std::string>();
    }
    if (value->is_number_unsigned()) {
        return std::to_string(value->get<std::uint64_t>());
    }
    if (value->is_number_integer()) {
        return std::to_string(value->get<std::int64_t>());
    }
    return std::nullopt;
}

json parse_quietly(std::string_view body) noexcept {
    try {
        return json::parse(body, nullptr, false);
    } catch (...) {
        // Only allocation failure can get here (allow_exceptions is off): treat as invalid.
        return json(json::value_t::discarded);
    }
}

} // namespace govmon::account_json
