#pragma once

#include "probes/accounts/account_result.hpp"

#include <cstdint>
#include <string_view>

namespace govmon {

// Reads one feed answer from a bridge (RSSHub, WeWe RSS, WeRSS, Wechat2RSS) or a site: RSS
// 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0 or JSON Feed 1.0/1.1, told apart by content.
// `http_charset` is the Content-Type charset, possibly empty; the XML declaration wins over it
// (it travels with the bytes, while a header charset is often a server default), a BOM wins
// over both, and GB2312/GBK are read as their superset GB18030.
//
// newest_post is the maximum over all items, never the first item (pinned posts). Per item the
// publication date counts (pubDate, published, issued, created, dc:date); the update date
// (updated, modified) only when there is none, as WeWe RSS feeds carry nothing else. A
// day-precision date counts as the end of its Beijing day, a future date as `now`. Dates of
// the channel (lastBuildDate and the like) are never used: they are not posts.
//
// Outcomes: ok (≥ 1 dated item), ok_empty (a valid feed without items), no_timestamp (items,
// none with a readable date), partial (dated items, but the answer may hold newer posts that
// were not read: an item's date is present and unreadable, or a malformed document was repaired
// and lost items), parse_error with error_class::parse (not a feed: an HTML error page, an
// empty body, garbage, an <rss> without a channel, a repaired document without dated items).
// Items whose date is present but unreadable are counted in items_seen, not in items_dated,
// and named in the detail. links holds every item link and the href/src URLs inside item
// content, once each. Never throws.
account_result parse_feed(std::string_view body, std::string_view http_charset, std::int64_t now);

} // namespace govmon
