#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

// Tolerant, non-throwing accessors for platform JSON, whose field types drift (ids and counts
// arrive as numbers or as strings).
namespace govmon::account_json {

// The member `key` of `object`, or nullptr when `object` is not an object or has no such key.
const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept;

// An integer member, also when sent as a decimal string ("1", "-100"); nullopt otherwise.
std::optional<std::int64_t> int_at(const nlohmann::json& object, std::string_view key) noexcept;

// A string member, or a number member spelled in decimal; nullopt otherwise.
std::optional<std::string> text_at(const nlohmann::json& object, std::string_view key);

// Parses without exceptions: a discarded value (is_discarded()) for invalid JSON.
nlohmann::json parse_quietly(std::string_view body) noexcept;

} // namespace govmon::account_json
