#pragma once

#include "probes/error_class.hpp"
#include "probes/http/http_client.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

// One home-page visit as the inspection counts it: is the site up (a 2xx read within the
// client's `timeout`, one attempt, no retry), how fast and where the time went, where did it
// end up, when does its certificate expire, and does it publish and answer over IPv6.
struct availability_result {
    bool ok = false;
    int http_status = 0;
    std::int64_t latency_ms = 0; // the whole visit, redirects included
    int attempts = 0;            // always 1 for a visit that was made
    http::phase_times phases;
    error_class error = error_class::none;
    std::string error_detail;
    std::string final_url;
    std::optional<std::int64_t> cert_not_after;
    std::vector<std::string> redirects;
    http::ipv6_check ipv6;
};

// GET `url` as one visit (http::request::visit), then check IPv6 for the host of the final URL (the
// one readers land on). Never throws for network conditions: failures are in `error`.
asio::awaitable<availability_result> probe_availability(http::client& client, std::string url);

} // namespace govmon
