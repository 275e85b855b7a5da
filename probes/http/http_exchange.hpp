#pragma once

#include "probes/http/connection_pool.hpp"
#include "probes/http/fetch_policy.hpp"
#include "probes/http/header_field.hpp"
#include "probes/http/http_types.hpp"
#include "probes/http/net.hpp"
#include "probes/http/url.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace govmon::http {

// One request of a hop, as sent on an open connection.
struct exchange_request {
    const url& target;
    const std::string& method; // GET or HEAD
    const std::vector<header_field>& headers;
    std::chrono::steady_clock::time_point deadline;
    bool reused = false; // the connection came from the pool
};

struct exchange_result {
    hop_result hop;
    bool stale = false; // a pooled connection was already closed by the server
    bool keep_alive = false;
};

// Writes the request and reads the answer within the client's header and body limits (header
// first: Boost < 1.76 misses a body_limit otherwise, P4), decodes the body and classifies it.
// phases.first_byte and phases.transfer are filled.
asio::awaitable<exchange_result> exchange(connection& conn, exchange_request req,
                                          const client_options& options, phase_times& phases);

} // namespace govmon::http
