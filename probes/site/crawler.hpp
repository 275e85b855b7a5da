#pragma once

#include "probes/http/http_client.hpp"
#include "probes/site/crawl_result.hpp"
#include "probes/site/interaction_probe.hpp"

#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace govmon {

class filter_engine;
class page_renderer;
class text_checker;

struct crawl_options {
    int max_pages = 5000;
    int max_depth = 6;
    bool check_external = true;
    bool respect_robots = true;
    bool subhosts = false; // crawl the hosts under the site's domain too (see site_scope)
    // External links to non-government hosts already answer a GET; this many of their pages
    // per crawl are also read for gambling and porn vocabulary (0: none).
    int target_pages_read = 200;
    // The home page is fetched twice more, as Baiduspider and with a Baidu search Referer, and
    // compared with the normal visit (cloaking).
    bool cloaking_check = true;
    std::vector<std::regex> exclude; // on absolute URLs: neither crawled nor checked
    int workers = 8;                 // fetches in flight for this site (the client's gates too)
    std::vector<std::string> ad_keywords;
    const filter_engine* ad_rules = nullptr; // may be null
    // Wrong forms of official names, looked for in each crawled page's title and text; null:
    // none.
    const text_checker* text_rules = nullptr;
    // Renders the home page and column pages that show no dated item; null: pages are read
    // only as served.
    page_renderer* renderer = nullptr;
    // Where fetched pages are parsed (a small thread pool); none: on the crawl's own thread.
    std::optional<asio::any_io_executor> parse_on;
    interaction_options interaction; // the site's consultation channels (互动回应)
};

// Crawls a site breadth-first from its home page, inside its host (and its sub-hosts with
// `subhosts`), and checks every link its pages carry (external ones once per cycle through
// `external`; the text of external non-government HTML targets is judged by
// illicit_page_terms, which makes their links hidden links). Reads the home page's dated
// items and every column page (configured, or found by name on the home page), rendered by
// `options.renderer` when the page as served shows none. Never throws for network conditions.
asio::awaitable<crawl_result> crawl_site(http::client& client, std::string home_url,
                                         crawl_options options,
                                         std::vector<configured_column> columns,
                                         external_link_cache& external, std::int64_t now);

} // namespace govmon
