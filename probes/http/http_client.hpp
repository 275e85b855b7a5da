#pragma once

#include "probes/error_class.hpp"
#include "probes/http/net.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace govmon::http {

using std::chrono::milliseconds;

struct client_options {
    std::string user_agent = "govmon/1.0";
    milliseconds timeout{15000};         // whole request, redirects included, per attempt
    milliseconds connect_timeout{5000};  // TCP connect (+ TLS handshake)
    milliseconds dns_timeout{5000};
    std::uint64_t max_body = 8ull << 20;
    std::uint32_t max_header = 64 * 1024;
    int concurrency = 64;                // requests in flight, all hosts
    int per_host = 2;                    // requests in flight to one host
    milliseconds per_host_delay{250};    // pause between two requests to one host
    int retries = 2;                     // extra attempts on timeout, 5xx and 429
    milliseconds retry_backoff{500};     // first backoff, doubled each retry
    milliseconds max_retry_after{60000}; // a longer Retry-After is not waited for
    int max_redirects = 10;
    // "host" or "host:port" -> addresses, like curl --resolve. These are never refused.
    std::map<std::string, std::vector<std::string>> resolve;
    bool allow_private = false;
    std::vector<std::string> allow_private_hosts;
    std::string ca_file; // empty: system trust store
    // Called once per HTTP request sent (each attempt, each redirect hop) with its outcome:
    // ok, http_4xx, http_5xx, timeout, dns, connect, tls, too_large, blocked.
    std::function<void(std::string_view outcome)> on_request;
};

struct header_field {
    std::string name;
    std::string value;
};

struct request {
    std::string url;
    std::string method = "GET"; // GET or HEAD
    // Sent on every hop, after (and so replacing) the client's own User-Agent and Accept;
    // Accept-Encoding stays identity because the client does not decompress.
    std::vector<header_field> headers;
};

// The outcome of one fetch: always a value, never an exception. ok() means a 2xx response
// was read completely within every limit.
struct response {
    std::string url;       // as requested
    std::string final_url; // after redirects
    int status = 0;        // last HTTP status, 0 if none was read
    error_class error = error_class::none;
    std::string error_detail; // human text: "HTTP 404", "certificate has expired", ...
    std::vector<std::string> redirects; // every Location followed, in order
    std::vector<header_field> headers;  // of the final response
    std::string body;
    milliseconds elapsed{0}; // wall time including retries and waits for slots
    int attempts = 0;
    std::string remote_address; // of the final connection
    std::optional<std::int64_t> cert_not_after; // leaf certificate of the final https hop
    bool https_downgrade = false; // a redirect went from https to http
    bool ok() const { return error == error_class::none && status >= 200 && status < 300; }
    std::optional<std::string_view> header(std::string_view name) const; // case-insensitive
};

// The host has an AAAA record and answers over IPv6 (TCP connect to one of its addresses).
struct ipv6_check {
    std::optional<bool> has_aaaa;  // nullopt: the lookup itself failed, we do not know
    std::optional<bool> reachable; // nullopt: not tried (no AAAA or lookup failed)
    std::string detail;
};

// Coroutine HTTP/1.1 client on one io_context thread. Owns the TLS context, the connection
// pool (keep-alive), the global and per-host gates and the DNS cache. Every call returns a
// value; network failures map to one error_class.
class client {
public:
    // Throws std::runtime_error if ca_file cannot be loaded (a control-plane error).
    client(asio::any_io_executor executor, client_options options);
    ~client();
    client(const client&) = delete;
    client& operator=(const client&) = delete;

    asio::awaitable<response> fetch(request req);
    asio::awaitable<ipv6_check> check_ipv6(std::string url);

    const client_options& options() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace govmon::http
