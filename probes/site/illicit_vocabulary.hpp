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

// The words in which authorities and the press write about gambling and porn (打击, 查处, 涉赌 …):
// a text that uses them reports on the trade rather than advertising it. Each reader adds the
// words of its own kind of text.
std::span<const std::string_view> crackdown_vocabulary();

// The words of warnings and case reports (警惕, 防范, 破获, 判处 …): a government site's own
// notices, and the headlines it links to, use them beside the crackdown vocabulary.
std::span<const std::string_view> warning_vocabulary();

// Whether lower-case `text` uses the crackdown or the warning vocabulary: a report on the trade.
bool reports_on_the_trade(std::string_view text);

// Times `term` occurs in `text`, without overlaps.
int count_occurrences(std::string_view text, std::string_view term);

} // namespace govmon
