#pragma once

#include "daemon/report/quarter_summary.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

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

// Walks a list grouped by target and lets through at most problems_shown_per_target items of
// each, counting the rest.
class per_target_cap {
public:
    bool admit(const std::string& target) {
        shown_ = target == last_target_ ? shown_ + 1 : 1;
        last_target_ = target;
        if (shown_ <= problems_shown_per_target)
            return true;
        ++left_out_;
        return false;
    }
    std::size_t left_out() const { return left_out_; }

private:
    std::string last_target_;
    std::size_t shown_ = 0;
    std::size_t left_out_ = 0;
};

} // namespace govmon
