#pragma once

#include "probes/error_class.hpp"
#include "probes/site/message_row.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace govmon {

// A consultation channel a page links to (or the config names).
struct channel_link {
    std::string name; // the link text
    std::string url;
};

// One consultation channel as the crawl read it: its list pages (following 下一页) and the
// detail pages of messages the list shows no answer state for.
struct channel_reading {
    channel_link channel;
    bool configured = false; // named in the config, not found on the home page
    bool ok = false;         // the channel's page answered 2xx with HTML
    int http_status = 0;
    error_class error = error_class::none;
    std::string error_detail;
    std::vector<message_row> messages;
    bool reply_times_shown = false;
    int list_pages = 0;
    int details_opened = 0;
    std::vector<std::string> attempts; // "browser render: …", "3 detail pages opened"
};

struct interaction_reading {
    std::vector<channel_reading> channels;
    bool configured = false;    // channels came from the config
    std::string elsewhere;      // config: the site's channel is on this other platform
    std::size_t home_links = 0; // links of the home page discovery looked at
    std::int64_t read_at = 0;
};

} // namespace govmon
