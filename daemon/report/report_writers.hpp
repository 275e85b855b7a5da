#pragma once

#include "daemon/report/quarter_summary.hpp"

#include <iosfwd>

namespace govmon {

// One self-contained printable page: inline CSS, charts as inline SVG images, no external
// resource; every value from the config or the network is escaped.
void write_html_report(const quarter_summary& summary, std::ostream& out);
// GitHub-flavoured Markdown, to paste into a document.
void write_markdown_report(const quarter_summary& summary, std::ostream& out);
// The named lists (failing sites and accounts, the re-check) for Excel: UTF-8 with a BOM,
// CRLF, one problem a row.
void write_csv_report(const quarter_summary& summary, std::ostream& out);

// How many problems of one target the HTML and Markdown lists show; the CSV has them all.
constexpr std::size_t problems_shown_per_target = 20;

} // namespace govmon
