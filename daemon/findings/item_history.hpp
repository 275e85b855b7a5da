#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace govmon {

// When govmon first saw an item listed, and when it had read that list before without it (0:
// never, or the list was then mostly new: a redesign says nothing of publishing dates).
struct item_sighting_time {
    std::int64_t first_seen = 0;
    std::int64_t read_before = 0;
};

// What govmon remembers of a site's dated items between crawls: each item url's first sighting,
// and when it last read each list page (home page, column).
struct item_history {
    std::map<std::string, item_sighting_time> first_seen; // item url → its first sighting
    std::map<std::string, std::int64_t> last_read;        // page url → last crawl that read it
};

} // namespace govmon
