// The date parsers on arbitrary text: feed and API fields (parse_date, parse_unix_timestamp)
// and free page text (find_dates).
#include "probes/dates/date_find.hpp"
#include "probes/dates/date_parse.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
// A fixed "now" (2026-11-20 10:00 Beijing) keeps every run reproducible.
constexpr std::int64_t now = 1795140000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    (void)govmon::parse_date(text, now);
    (void)govmon::parse_unix_timestamp(text);
    for (const auto& found : govmon::find_dates(text, now)) {
        // Every match must lie inside the text it was found in.
        if (found.offset > text.size() || found.length > text.size() - found.offset) {
            __builtin_trap();
        }
    }
    return 0;
}
