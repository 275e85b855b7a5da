#pragma once

#include "probes/html/html_document.hpp"
#include "probes/http/url.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::html {

struct page_link {
    std::string url;     // absolute http(s), normalised by http::normalize_url; when not
                         // `resolved`, the href as written (trimmed)
    std::string element; // the tag that carries it ("a", "img", "td"...), or "srcset" for a
                         // srcset candidate and "meta-refresh" for <meta http-equiv=refresh>
    std::string text;    // whitespace-collapsed anchor text, else aria-label, title or img alt
    int line = 0;        // libxml2's line of the end of the start tag (saturates at 65535)
    // False for an http(s) or relative reference that no browser resolves ("//////",
    // "http://localhost]"): a reader who follows it lands nowhere.
    bool resolved = true;
};

// Every http(s) link a reader follows or a browser loads, in document order: a/area href,
// img/script/iframe/frame/embed/source/video/audio src, video poster, link href (except the
// dns-prefetch/preconnect origin hints), object data, img/source srcset candidates,
// body/table/td/th background images, and the <meta http-equiv=refresh> target. Relative
// references are resolved against the first <base href> (itself resolved against
// `page_url`), else `page_url`, by the WHATWG URL rules browsers use. Skipped: empty
// references, same-page fragments ("#top") and every scheme other than http/https
// (javascript:, mailto:, tel:, data:, about:...); kept unresolved: the others that fail.
// Non-ASCII characters of a query are percent-encoded in the page's `charset` (decode_html's
// name), as browsers do; paths are always UTF-8. Empty if `page_url` is not an http(s) URL.
std::vector<page_link> extract_links(const html_document& doc, std::string_view page_url,
                                     std::string_view charset = "utf-8");

// The base URL relative references of the page resolve against: its first <base href>, else
// `page_url`; nullopt if `page_url` is not an http(s) URL.
std::optional<http::url> document_base_url(const html_document& doc, std::string_view page_url,
                                           std::string_view charset = "utf-8");

// The distinct URLs of `links`, in order of first appearance: what the crawler fetches.
std::vector<std::string> unique_urls(const std::vector<page_link>& links);

} // namespace govmon::html
