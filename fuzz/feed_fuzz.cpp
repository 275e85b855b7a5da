// The feed reader (RSS, RDF, Atom, JSON Feed) on arbitrary bytes, under each charset a
// Content-Type header may name.
#include "probes/accounts/feed_parser.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
// A fixed "now" (2026-11-20 10:00 Beijing) keeps every run reproducible.
constexpr std::int64_t now = 1795140000;
constexpr std::array<std::string_view, 4> http_charsets{"", "utf-8", "gb2312", "iso-8859-1"};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body{reinterpret_cast<const char*>(data), size};
    const auto result = govmon::parse_feed(body, http_charsets[size % http_charsets.size()], now);
    // What the contract promises whatever the bytes: a future post counts as now, and a dated
    // item is a seen item.
    if ((result.newest_post && *result.newest_post > now) ||
        result.items_dated > result.items_seen) {
        __builtin_trap();
    }
    return 0;
}
