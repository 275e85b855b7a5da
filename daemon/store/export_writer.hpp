#pragma once

#include "daemon/common/zone_rules.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The raw probe data format of interface.md §4, one row at a time. Pure: no SQLite, no stream,
// so that the byte-exact format is tested on its own and export can stream rows as it reads.
namespace govmon {

// One observation joined with its target, as views into the current result row.
struct export_row {
    std::int64_t time = 0;
    std::string_view target;
    std::string_view target_kind;
    std::string_view platform; // empty when the target was never registered
    std::string_view unit;
    std::string_view probe;
    std::string_view url;
    bool ok = false;
    std::optional<std::int64_t> http_status;
    std::int64_t latency_ms = 0;
    std::string_view error;
    std::optional<std::int64_t> last_update;
    std::string_view detail;
};

// UTF-8 BOM (so that spreadsheet programs read Chinese text as UTF-8), then the header row.
std::string_view csv_preamble() noexcept;

// Times are written in `zone`.

// Appends one CSV record, quoted per RFC 4180 and ended with CRLF as RFC 4180 says.
void append_csv_row(std::string& out, const export_row& row, const zone_rules& zone);

// Appends one JSON object and "\n". `detail` is embedded as parsed JSON, or as a string when
// the stored text is not valid JSON. Invalid UTF-8 is replaced (U+FFFD), never thrown on: one
// bad byte from the network must not abort a quarter's export.
void append_jsonl_row(std::string& out, const export_row& row, const zone_rules& zone);

} // namespace govmon
