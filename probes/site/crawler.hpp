#pragma once

#include "probes/error_class.hpp"
#include "probes/http/http_client.hpp"
#include "probes/site/column_discovery.hpp"
#include "probes/site/page_items.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace govmon {

class filter_engine;

struct crawl_options {
    int max_pages = 5000;
    int max_depth = 6;
    bool check_external = true;
    bool respect_robots = true;
    std::vector<std::regex> exclude; // on absolute URLs: neither crawled nor checked
    int workers = 8;                 // fetches in flight for this site (the client's gates too)
    std::vector<std::string> ad_keywords;
    const filter_engine* ad_rules = nullptr; // may be null
};

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

struct column_reading {
    configured_column column;
    link_status status;
    page_reading reading;
};

struct crawl_result {
    link_status home;
    std::optional<page_reading> home_reading;
    int pages_crawled = 0;
    int links_checked = 0;
    std::vector<broken_link> broken;
    std::vector<flagged_link> ads;
    std::vector<flagged_link> hidden;
    std::vector<column_reading> columns;
};

// Crawls a site breadth-first from its home page, inside its host, and checks every link its
// pages carry (external ones once per cycle through `external`). Reads the home page's dated
// items and every column page (configured, or found by name on the home page). Never throws
// for network conditions.
asio::awaitable<crawl_result> crawl_site(http::client& client, std::string home_url,
                                         crawl_options options,
                                         std::vector<configured_column> columns,
                                         external_link_cache& external, std::int64_t now);

} // namespace govmon
