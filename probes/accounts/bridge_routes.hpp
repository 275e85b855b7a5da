#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// The RSSHub feed URL for an account of `platform` with id `uid` (platforms.md §9), or nullopt
// when RSSHub has no route keyed by the id govmon knows (wechat: every WeChat route needs a
// bridge-specific feed id, so such an account must carry `feed:`), when the platform is not a
// bridged one (web, app, feed), or when base or uid is empty. The uid is percent-encoded as one
// path segment; trailing slashes of the base are ignored.
std::optional<std::string> bridge_feed_url(std::string_view rsshub_base, std::string_view platform,
                                           std::string_view uid);

// One row of the route table, for docs/accounts.md and `govmon help`.
struct route_doc {
    std::string_view platform;
    std::string_view route;  // RSSHub path with its parameter, or "" when there is none
    std::string_view uid_is; // what the account's `uid` must hold
    std::string_view caveat; // what the feed can and cannot tell
};

std::vector<route_doc> documented_routes();

} // namespace govmon
