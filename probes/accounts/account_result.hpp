#pragma once

#include "probes/error_class.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// What one probe of an account established (spec/indicators.md, reference/platforms.md §13).
// Only `ok` and `ok_empty` may move the freshness verdict both ways; `partial` may only prove an
// account fresh; every other outcome keeps the last known newest-post time and can never make
// an account look dormant.
enum class account_outcome {
    ok,           // at least one dated item
    ok_empty,     // the account exists and has no posts
    not_found,    // deleted, banned, renamed: account_unreachable
    blocked,      // captcha, 403/418/432, login wall, empty 200 body, bridge down: account_blocked
    no_timestamp, // items exist but none carries a date
    parse_error,  // the answer's shape is not what the platform sends
    // Posts were read, but the answer may hold newer ones that were not: an item's date is
    // present and unreadable, or the document had to be repaired to be read. newest_post is a
    // lower bound: enough to prove an account fresh, never to call it stale.
    partial,
};

std::string_view to_string(account_outcome o) noexcept;
// The outcome `to_string` names; nothing for a name this build does not know.
std::optional<account_outcome> parse_account_outcome(std::string_view name) noexcept;

// One post as the content checks read it: its own address, its text without markup (bounded),
// its date and the links inside it.
struct post_text {
    std::string url;
    std::string text;
    std::optional<std::int64_t> published;
    std::vector<std::string> links;
};

struct account_result {
    account_outcome outcome = account_outcome::parse_error;
    // The maximum timestamp over all items (never the first item: pinned posts), UTC epoch
    // seconds; a future-dated item counts as the probe time.
    std::optional<std::int64_t> newest_post;
    int items_seen = 0;
    int items_dated = 0;
    // The dated items' times as counted (a future date as the probe time), in the order read:
    // a posting-frequency rule counts those within its period.
    std::vector<std::int64_t> post_times;
    int http_status = 0;
    error_class error = error_class::none; // the observation's error column
    std::string detail;                    // why, for people: "HTTP 432", "ok:-100 login wall"
    std::vector<std::string> links;        // links inside posts, for the ad rules
    std::vector<post_text> posts;          // the posts read, in the answer's order
    // The answer's own evidence that comments or messages are switched off (a field and its
    // values, for people); empty when it shows none.
    std::string interaction_off;
};

// Of a post's text, this much is kept for the content checks.
inline constexpr std::size_t post_text_bytes = 4096;

} // namespace govmon
