#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace govmon {

// The text a reader sees in a post's HTML (Weibo's mblog.text, a feed item's description):
// tags dropped (<br> and block ends become a line break), the common entities and numeric
// references decoded, at most `max_bytes` kept, cut on a character boundary. A simple scan: post
// markup is a few tags, and the content checks need words, not a tree.
std::string text_of_markup(std::string_view html, std::size_t max_bytes);

} // namespace govmon
