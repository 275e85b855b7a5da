#pragma once

// The HTTP client options of tests against loopback servers, written once.

#include "probes/http/http_types.hpp"

#include <chrono>

namespace govmon::test {

// Short limits, no pause between requests to a host and no retry (tests of retries set their
// own); the servers' names come from client_options::resolve, which is never refused.
inline http::client_options fast_client_options() {
    using namespace std::chrono_literals;
    http::client_options o;
    o.timeout = 2s;
    o.connect_timeout = 1s;
    o.dns_timeout = 1s;
    o.per_host_delay = 0ms;
    o.retries = 0;
    o.retry_backoff = 100ms;
    return o;
}

// The same, and loopback may be reached by its address (the refusal has its own tests).
inline http::client_options fast_options() {
    http::client_options o = fast_client_options();
    o.allow_private = true;
    return o;
}

} // namespace govmon::test
