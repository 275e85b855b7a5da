#pragma once

#include <set>
#include <string>

namespace govmon {

// What a defacement or an SEO injection changes on a key page (the home page, a column page):
// its title and meta tags, and the other sites it loads scripts and frames from or links to.
// Hosts are lower-case; hosts of the site itself (its scope) are left out.
struct page_signals {
    std::string url;
    std::string title;
    std::string keywords;                 // <meta name="keywords" content>
    std::string description;              // <meta name="description" content>
    std::set<std::string> script_hosts;   // <script src>
    std::set<std::string> iframe_hosts;   // <iframe>, <frame>, <embed>, <object>
    std::set<std::string> outbound_hosts; // <a>, <area>: at most max_outbound_hosts
};

inline constexpr std::size_t max_outbound_hosts = 200;

} // namespace govmon
