#pragma once

#include "probes/error_class.hpp"

#include <chrono>
#include <optional>
#include <string_view>

namespace govmon::http {

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date (IMF-fixdate, RFC 850,
// asctime). A date in the past gives zero. nullopt if the value is neither.
std::optional<std::chrono::milliseconds>
parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now);

// An HTTP-date as UTC epoch seconds.
std::optional<std::int64_t> parse_http_date(std::string_view value);

struct retry_input {
    int attempts_done = 1; // attempts already made, >= 1
    int max_retries = 0;   // extra attempts allowed
    error_class error = error_class::none;
    int status = 0;
    std::optional<std::chrono::milliseconds> retry_after; // parsed header, 429/503 only
    std::chrono::milliseconds backoff{500};               // first back-off, doubled each time
    std::chrono::milliseconds max_retry_after{60000};
};

// nullopt: do not retry; else wait this long and try again.
std::optional<std::chrono::milliseconds> next_retry_delay(const retry_input& in);

} // namespace govmon::http
