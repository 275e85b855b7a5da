#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace govmon {

// What a page looks like, enough to tell a site's own "not found" page when it is served with
// status 200 (错链: an error page that does not say 404).
struct page_signature {
    std::string title;
    // The whole visible text with digits and spaces removed (dates, counters, request ids
    // change on every answer); a shared template with other content differs somewhere.
    std::size_t text_hash = 0;
    bool empty = true;
};

page_signature signature_of(std::string_view title, std::string_view visible_text);

// The page says it is an error page: in its title, or anywhere in a short page.
bool says_not_found(std::string_view title, std::string_view visible_text);

// Only its text does (a short page saying 页面不存在): a title token alone is not enough for a
// page that lists dated rows (a content page titled "页面 404" listing 40 dated items).
bool text_says_not_found(std::string_view visible_text);

// `page` is the same page as the site's answer to a URL that cannot exist.
bool looks_like(const page_signature& page, const page_signature& site_not_found);

} // namespace govmon
