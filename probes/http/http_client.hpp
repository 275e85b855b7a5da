#pragma once

#include "probes/http/http_types.hpp"
#include "probes/http/net.hpp"

#include <memory>
#include <string>

namespace govmon::http {

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
