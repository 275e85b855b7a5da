#pragma once

#include "probes/html/link_extract.hpp"
#include "probes/site/page_signals.hpp"
#include "probes/site/site_scope.hpp"

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace govmon {

// The signals of a parsed page (libxml2's HTML parser), with its `title` as the crawl read it;
// `links` are the page's (html::extract_links), `scope` tells the site's own hosts.
page_signals signals_of(xmlDocPtr doc, std::string url, std::string title,
                        const std::vector<html::page_link>& links, const site_scope& scope);

} // namespace govmon
