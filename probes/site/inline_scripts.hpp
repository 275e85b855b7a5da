#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <vector>

namespace govmon {

// Bounds on the inline scripts read of one page: the tampering kits stand at the top of <head>
// and are a few KB each, while a page's own scripts can be many and large.
inline constexpr std::size_t max_inline_scripts = 40;
inline constexpr std::size_t max_inline_script_bytes = 16 * 1024;
inline constexpr std::size_t max_inline_scripts_total_bytes = 128 * 1024;

// The text of a parsed page's <script> elements without src, in document order, head and
// body, within the bounds above (a longer script is cut at max_inline_script_bytes).
std::vector<std::string> inline_scripts(xmlDocPtr doc);

} // namespace govmon
