#pragma once

#include "probes/content/text_check.hpp"
#include "probes/error_class.hpp"
#include "probes/site/page_items.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

struct configured_column {
    std::string name;
    std::string url;
    std::string category;
};

// The outcome of checking one URL, shared by every page that links to it.
struct link_status {
    bool ok = true;
    int http_status = 0;
    error_class error = error_class::none;
    std::string detail;
    // The gambling or porn terms of the page an external link leads to, when that page is
    // judged illicit (illicit_page_terms): the link is a 暗链 whatever it looks like.
    std::vector<std::string> illicit_terms;
};

// External URLs are checked once per cycle across all sites: the daemon keeps this map for the
// cycle and hands it to every crawl.
using external_link_cache = std::map<std::string, link_status>;

struct broken_link {
    std::string url;
    link_status status;
    bool on_home = false;
    std::vector<std::string> pages; // a few pages that have it, the home page first if it does
    int page_count = 0;
};

struct flagged_link {
    std::string url;
    std::string page;
    std::string reason;
};

// A wrong form (or a near miss of an official name) in a crawled page's title or text.
struct page_text_problem {
    std::string page;
    text_problem problem;
};

struct column_reading {
    configured_column column;
    link_status status;
    page_reading reading;
    // The column answered 200 with an HTML page that was read: only such a page can be a blank
    // column (an attachment, a redirect to a download, a non-HTML type is something else).
    bool html_page = false;
};

struct crawl_result {
    link_status home;
    std::optional<page_reading> home_reading;
    int pages_crawled = 0;
    int links_checked = 0;
    std::vector<broken_link> broken;
    // Links a firewall challenge or a rate limit answered (error blocked, a refused private
    // address too): unknown, so never in `broken`.
    int blocked_links = 0;
    std::vector<flagged_link> ads;
    std::vector<flagged_link> hidden;
    std::vector<column_reading> columns;
    std::vector<page_text_problem> text_problems;
    // What a crawl worker threw: the crawl went on with the others, and its result may miss
    // what that worker was checking.
    std::vector<std::string> worker_errors;
};

} // namespace govmon
