#pragma once

#include <set>
#include <string>
#include <vector>

// Declared, not included: the store keeps these signals and never parses HTML.
struct _xmlDoc;

namespace govmon {

namespace html {
struct page_link;
}
class site_scope;

// What a defacement or an SEO injection changes on a key page (the home page, a column page):
// its title and meta tags, and the other sites it loads scripts and frames from or links to.
// Hosts are lower-case; hosts of the site itself (its scope) are left out.
struct page_signals {
    std::string url;
    std::string title;
    std::string keywords;    // <meta name="keywords" content>
    std::string description; // <meta name="description" content>
    std::set<std::string> script_hosts;   // <script src>
    std::set<std::string> iframe_hosts;   // <iframe>, <frame>, <embed>, <object>
    std::set<std::string> outbound_hosts; // <a>, <area>: at most max_outbound_hosts
};

inline constexpr std::size_t max_outbound_hosts = 200;

// The meta tags of a parsed page; `links` are the page's (html::extract_links).
page_signals signals_of(_xmlDoc* doc, std::string url, std::string title,
                        const std::vector<html::page_link>& links, const site_scope& scope);

} // namespace govmon
