#pragma once

// Reading text and attributes out of a libxml2 HTML tree the way a reader sees the page.

#include <libxml/tree.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// A link text up to this many characters reads as a menu entry or column name (首页, 通知公告,
// 国务院政策文件库); longer ones are article titles.
inline constexpr std::size_t menu_label_max_chars = 8;

enum class element_gaps {
    joined, // inline reading: "国务院<em>常务</em>会议" → "国务院常务会议" (titles)
    separated, // a space at every element boundary, so "<td>35428</td><td>2026-11-02</td>"
               // does not glue digits together (date search)
};

// The visible text under `node`: no script, style or comments; runs of ASCII whitespace
// collapsed to one space and trimmed. `skip` (and everything under it) is left out.
std::string visible_text(const xmlNode* node, element_gaps gaps, const xmlNode* skip = nullptr);

bool is_element(const xmlNode* node, std::string_view name) noexcept;

// The code of a <script> element, which libxml2 keeps as text or CDATA children depending on its
// version: at most `limit` bytes, cut on a character boundary.
std::string script_text(const xmlNode* script, std::size_t limit = std::string::npos);
std::optional<std::string> attribute(const xmlNode* node, const char* name);

// Characters, not bytes, of UTF-8 text.
std::size_t char_count(std::string_view utf8) noexcept;

} // namespace govmon
