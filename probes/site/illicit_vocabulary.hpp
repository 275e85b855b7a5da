#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace govmon {

// Gambling and porn terms (博彩, 百家乐, 六合彩, 365bet, 成人视频 …), lower-case.
std::span<const std::string_view> illicit_vocabulary();

// The first of them in text, for anchor texts. ASCII terms match in any case.
std::optional<std::string_view> find_illicit_term(std::string_view text);

inline bool has_illicit_vocabulary(std::string_view text) {
    return find_illicit_term(text).has_value();
}

} // namespace govmon
