#pragma once

// The values a fetch is configured with and returns, without Asio: the fetch policy and its
// socket-free tests include only this.
#include "probes/error_class.hpp"
#include "probes/http/header_field.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

using std::chrono::milliseconds;

struct client_options {
    std::string user_agent = "govmon/1.0";
    milliseconds timeout{15000};        // whole request, redirects included, per attempt
    milliseconds connect_timeout{5000}; // TCP connect (+ TLS handshake), except for a visit
    milliseconds dns_timeout{5000};     // except for a visit
    std::uint64_t max_body = 8ull << 20;
    std::uint32_t max_header = 64 * 1024;
    int concurrency = 64;                // requests in flight, all hosts
    int per_host = 2;                    // requests in flight to one host
    milliseconds per_host_delay{250};    // pause between two requests to one host
    int retries = 2;                     // extra attempts on timeout, 5xx and 429
    milliseconds retry_backoff{500};     // first backoff, doubled each retry
    milliseconds max_retry_after{60000}; // a longer Retry-After is not waited for
    int max_redirects = 20;              // as browsers: Chromium and Firefox give up after 20
    // "host" or "host:port" -> addresses, like curl --resolve. These are never refused.
    std::map<std::string, std::vector<std::string>> resolve;
    bool allow_private = false;
    std::vector<std::string> allow_private_hosts;
    // "host:port" (IPv6 in brackets) of the endpoints the config itself names: allow_private
    // never refuses them, nor the redirects they answer with to their own host (http to https);
    // a request that starts at another port, or a redirect to another host, is guarded.
    std::vector<std::string> trusted_endpoints;
    std::string ca_file; // empty: system trust store
    // Answers in place of getaddrinfo when set, so that tests need no name server: a host's
    // addresses as text; none is a name that does not exist (NXDOMAIN).
    std::function<std::vector<std::string>(const std::string& host)> name_server;
    // Called once per HTTP request sent (each attempt, each redirect hop) with its outcome:
    // ok, http_4xx, http_5xx, timeout, dns, connect, tls, too_large, blocked.
    std::function<void(std::string_view outcome)> on_request;
};

struct request {
    std::string url;
    std::string method = "GET"; // GET or HEAD
    // Sent on every hop, after (and so replacing) the client's own User-Agent and Accept;
    // Accept-Encoding stays the client's, which decodes what it asks for.
    std::vector<header_field> headers;
    // One availability visit as the inspection counts it: a single attempt (no retry) on a
    // fresh connection, DNS, connect, TLS, header and body all bounded only by `timeout`.
    bool visit = false;
};

// Where the time of the last attempt went, summed over its redirect hops (blackbox_exporter's
// probe_http_duration_seconds phases). A pooled connection spends nothing on dns, connect, tls.
struct phase_times {
    std::chrono::microseconds dns{0};
    std::chrono::microseconds connect{0};
    std::chrono::microseconds tls{0};
    std::chrono::microseconds first_byte{0}; // request written -> response header read
    std::chrono::microseconds transfer{0};   // response header -> end of body
};

// The outcome of one fetch: always a value, never an exception. ok() means a 2xx response
// was read completely within every limit. A gzip or deflate body is decoded (the size limit
// applies to the decoded body); an error answer that is a firewall challenge or a rate limit
// (block_reason) has error blocked with its status kept.
struct response {
    std::string url;       // as requested
    std::string final_url; // after redirects
    int status = 0;        // last HTTP status, 0 if none was read
    error_class error = error_class::none;
    std::string error_detail;           // human text: "HTTP 404", "certificate has expired", ...
    std::vector<std::string> redirects; // every Location followed, in order
    std::vector<header_field> headers;  // of the final response
    std::string body;
    milliseconds elapsed{0}; // wall time including retries and waits for slots
    int attempts = 0;
    phase_times phases;                         // of the last attempt
    std::string remote_address;                 // of the final connection
    std::optional<std::int64_t> cert_not_after; // leaf certificate of the final https hop
    bool https_downgrade = false;               // a redirect went from https to http
    bool ok() const { return error == error_class::none && status >= 200 && status < 300; }
    std::optional<std::string_view> header(std::string_view name) const; // case-insensitive
};

// The host has an AAAA record and answers over IPv6 (TCP connect to one of its addresses).
struct ipv6_check {
    std::optional<bool> has_aaaa;  // nullopt: the lookup itself failed, we do not know
    std::optional<bool> reachable; // nullopt: not tried (no AAAA or lookup failed)
    std::string detail;
};

} // namespace govmon::http
