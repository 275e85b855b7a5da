#pragma once

#include "probes/http/http_types.hpp"
#include "probes/http/url.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace govmon::http {

// How one hop is made: as part of a visit (one limit for every phase, a fresh connection), and
// whether its host may resolve to a private address.
struct hop_mode {
    bool visit = false;
    bool private_ok = false;
};

// The answer to one HTTP request on the wire (one hop of one attempt), or why there was none.
struct hop_result {
    error_class error = error_class::none;
    std::string detail;
    int status = 0;
    std::vector<header_field> headers;
    std::string body;
    std::string remote;
    std::optional<std::int64_t> cert_not_after;
    phase_times phases;
};

hop_result hop_failure(error_class error, std::string detail);

// An answer of 400 or more is an HTTP error, or `blocked` when a firewall challenge or a rate
// limit gave it (block_reason); the status is kept either way.
void classify_answer(hop_result& hop);

// The hosts the operator listed and the config's own endpoints; everything else a page leads
// to must be public.
bool may_be_private(const url& u, const client_options& options);

// What the I/O loop does next for one fetch.
struct fetch_action {
    enum class type { hop, wait, done };
    type next = type::done;
    url target;               // hop: where to send the request
    std::string method;       // hop: GET or HEAD
    hop_mode mode;            // hop
    bool new_attempt = false; // hop: the first hop of an attempt, which starts its deadline
    std::chrono::milliseconds delay{0}; // wait: backoff or Retry-After before the next attempt
};

// The hop, redirect and retry rules of one fetch as a state machine without sockets or clocks
// (the sans-I/O shape of Boost.Redis's connect_fsm): the loop performs each action and feeds
// back what happened. Attempts: one for a visit, else 1 + retries on a timeout, 5xx or 429
// (Retry-After honoured up to max_retry_after); redirects: up to max_redirects per attempt,
// loops refused; a trusted endpoint stays trusted through redirects on its own host.
class fetch_policy {
public:
    fetch_policy(request req, const client_options& options);

    fetch_action start();
    // `now` is the wall clock, for a Retry-After given as an HTTP-date.
    fetch_action on_hop(hop_result hop, std::chrono::system_clock::time_point now);
    fetch_action on_wait_done();

    // The outcome so far: after `done`, the fetch's response (elapsed is the loop's to set).
    response& result() { return resp_; }
    // Sent on every hop of every attempt.
    const std::vector<header_field>& headers() const { return req_.headers; }

private:
    fetch_action begin_attempt();
    fetch_action hop_to(bool new_attempt) const;
    void take_answer(hop_result hop);
    fetch_action follow_redirect(std::chrono::system_clock::time_point now);
    fetch_action end_attempt(std::chrono::system_clock::time_point now);

    request req_;
    const client_options& options_;
    response resp_;
    int attempts_ = 0;
    url current_;
    std::string method_;
    std::vector<std::string> visited_;
    bool trusted_start_ = false;
    std::string first_host_;
};

} // namespace govmon::http
