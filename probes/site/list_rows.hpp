#pragma once

// The entries of lists and list-like blocks on a page: the unit a publish date belongs to.

#include "probes/dates/parsed_date.hpp"

#include <libxml/tree.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

struct list_row {
    const xmlNode* element = nullptr; // li, tr, dt, dd, dl, p or div
    const xmlNode* link = nullptr;    // the row's one <a href> (the first, if repeated)
    std::string href;                 // as written
    std::string title;                // the link's text with the row's date taken out
    std::optional<parsed_date> date;  // the row's own visible date, never one from outside it
};

// Every row of the page in document order. A row is the outermost li/tr/dt/dd/dl/p/div that
// holds exactly one followed link (one href, however many anchors) and little other text; a
// block with several links is not a row, its children may be. The date is, in order of trust:
// an element of the row whose whole text is a date (<span>2026-11-02</span>, <td>[11-02]</td>),
// a date in the row's text outside the link ("[11-02] <a>…</a>", "发布日期：2026-11-02"), a date
// inside the link text ("<a>标题 2026-11-02</a>"). Year-less dates are read against `now`.
std::vector<list_row> find_list_rows(const xmlDoc* doc, std::int64_t now);

// Whether `href` is a link a reader follows to another page, as far as rows are concerned.
bool is_followed_href(std::string_view href) noexcept;

} // namespace govmon
