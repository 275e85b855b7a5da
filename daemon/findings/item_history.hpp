#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace govmon {

// What govmon remembers of a site's dated items between crawls: when it first saw each item
// url, and when it last read each list page (home page, column).
struct item_history {
    std::map<std::string, std::int64_t> first_seen; // item url → first crawl that listed it
    std::map<std::string, std::int64_t> last_read;  // page url → last crawl that read it
};

} // namespace govmon
