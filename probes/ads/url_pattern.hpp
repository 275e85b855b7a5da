#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace govmon {

// The characters rule tokens are made of, in a lower-cased URL: [a-z0-9%].
bool is_token_char(char c);

// Whether an ABP pattern body matches `text` starting exactly at `from`: literal characters,
// `*` any run (also empty), `^` one separator or the end of text. With to_end the match must
// also reach the end of text (the rule's `|` end anchor).
bool pattern_matches_at(std::string_view pattern, std::string_view text, std::size_t from,
                        bool to_end);

// FNV-1a, for the rule indexes' keys. A collision only adds a candidate that fails to match.
std::uint64_t key_hash(std::string_view text);

} // namespace govmon
