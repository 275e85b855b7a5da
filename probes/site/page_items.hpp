#pragma once

// What a page says about its own freshness: its dated list items and, read as an article, its
// publish date. The inspection's rule (indicators.md): an item without a visible publish date
// does not count as an update.

#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// Where a dated item was read: every freshness finding names it, so that a unit can check the
// evidence where govmon found it.
enum class date_origin {
    list_row,       // a row of the page's own HTML lists
    cms_record,     // a record a CMS keeps inside the page (Hanweb's <datastore>, script strings)
    rendered_page,  // the page as a headless browser rendered it (lists filled by script)
    linked_article, // the publish date of an article the page links to
};

std::string_view origin_name(date_origin origin) noexcept;

struct dated_item {
    std::string title;
    std::string url;            // absolute when it resolves against the page, else as written
    std::int64_t published = 0; // latest_instant of the stated date: a "today" is never stale
    int line = 0;               // of the row in the page source, for evidence
    date_origin origin = date_origin::list_row;
};

// A list entry with an article-like title and no visible date: the article it links to may
// state one.
struct undated_entry {
    std::string title;
    std::string url; // absolute when it resolves against the page, else as written
};

struct page_reading {
    std::vector<dated_item> items; // list items with a visible date, in page order
    // Rows dated more than a day after `now` (counted as undated too): at most
    // max_undated_entries, in page order.
    std::vector<dated_item> future_items;
    // List entries with an article-like title (longer than a menu label) and no visible date.
    int undated_items = 0;
    // The first of them with distinct urls (at most max_undated_entries), in page order.
    std::vector<undated_entry> undated_entries;
    // Hanweb's further list page (dataproxy.jsp) named by a <datastore> of the page, absolute;
    // empty when the page has none.
    std::string cms_next_group;
    std::optional<std::int64_t> article_date; // latest_instant of the page's own publish date
    // A home page that is only an entrance to its columns: almost no dated items and links that
    // are nearly all menu labels. The inspection then judges its second-level pages instead.
    bool looks_like_navigation_only = false;
    // What was tried to date the page beyond its HTML rows, in order ("CMS records: none",
    // "browser render: not installed", "linked articles: 10 opened, 0 dated"): the evidence of
    // a finding that cannot tell when the page was updated.
    std::vector<std::string> attempts;
};

inline constexpr std::size_t max_undated_entries = 10;

// Reads a page parsed by libxml2's HTML parser (UTF-8). Dates are taken only from inside each
// row (never from the page's header or footer) and read against `now`, which also anchors
// year-less dates; a date more than a day in the future is an error, not an update, and its
// row counts as undated. Items are de-duplicated by url and date. Lists a CMS keeps in the
// page's scripts (cms_records.hpp) are read as the page's own rows, with origin cms_record.
page_reading read_page(xmlDocPtr doc, std::string_view page_url, std::int64_t now);

// Reads a Hanweb dataproxy.jsp answer (a bare <datastore>) as the rows of the page at
// `page_url` that asked for it, with origin cms_record.
page_reading read_datastore_answer(std::string_view body, std::string_view page_url,
                                   std::int64_t now);

// The newest item's date, else the article date, else nothing.
std::optional<std::int64_t> newest(const page_reading& reading);

// Items published at or after `since`.
int items_since(const page_reading& reading, std::int64_t since);

} // namespace govmon
