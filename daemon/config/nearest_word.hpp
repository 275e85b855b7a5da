#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// The candidate closest to a misspelt word by edit distance, if it is close enough to be a
// plausible typo ("availabilty_every" -> "availability_every"; "foo" -> nothing).
std::optional<std::string> nearest_word(std::string_view word,
                                        const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace govmon
