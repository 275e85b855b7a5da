#pragma once

// Reads a site's consultation channels: their message lists (the first pages, following
// 下一页), hub pages that only link to channels, lists a script fills (rendered), and the
// detail pages of messages whose list shows no answer state. Plain observations; the 互动回应
// rules (daemon/findings/interaction_rules) judge them.

#include "probes/error_class.hpp"
#include "probes/http/net.hpp"
#include "probes/site/interaction_reading.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace govmon {

class page_renderer;

struct interaction_options {
    // Configured channel pages: read instead of those the home page links to (they may sit
    // on another host, a provincial platform).
    std::vector<std::string> channels;
    // Configured: the site has no channel of its own, its channel is this page of another
    // platform (not read: its messages are not the site's).
    std::string elsewhere;
    std::size_t max_channels = 8; // channel and hub pages read per site
    int max_list_pages = 3;       // pages of one channel's list
    int max_details = 10;         // message pages opened per site
};

struct channel_page {
    bool ok = false; // 2xx with HTML
    int http_status = 0;
    error_class error = error_class::none;
    std::string error_detail;
    std::string utf8;
    std::string final_url;
};

// Where the reader gets pages from: the crawl, with its client, robots.txt and exclusions.
class markup_source {
public:
    virtual ~markup_source() = default;
    virtual asio::awaitable<channel_page> fetch_channel_page(std::string url) = 0;
};

asio::awaitable<interaction_reading>
read_interaction(markup_source& source, std::vector<channel_link> found, std::size_t home_links,
                 interaction_options options, page_renderer* renderer, std::int64_t now);

} // namespace govmon
