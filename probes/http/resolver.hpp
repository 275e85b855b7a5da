#pragma once

#include "probes/error_class.hpp"
#include "probes/http/http_types.hpp"
#include "probes/http/net.hpp"
#include "probes/http/url.hpp"

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

namespace govmon::http {

struct resolve_result {
    error_class error = error_class::none;
    std::string detail;
    std::vector<asio::ip::address> addresses;
    bool trusted = false; // from client_options::resolve: never refused
};

// Host names to addresses: the config's http.resolve overrides first (like curl --resolve),
// then IP literals, then a 60 s cache in front of getaddrinfo bounded by a watchdog timer.
class resolver {
public:
    using time_point = std::chrono::steady_clock::time_point;

    resolver(asio::any_io_executor executor, const client_options& options);

    // The addresses to connect to for u. Outside a visit DNS has its own dns_timeout; a private
    // address is refused (blocked) unless private_ok or the address came from an override.
    asio::awaitable<resolve_result> resolve(const url& u, time_point deadline, bool visit,
                                            bool private_ok);

    // The override list for u ("host:port", "[v6]:port" or "host"), or nullptr.
    const std::vector<std::string>* override_for(const url& u) const;

    // getaddrinfo (or client_options::name_server) for host until `limit`; ec is
    // beast::error::timeout when the watchdog fired. Distinct addresses in the resolver's order.
    asio::awaitable<std::vector<asio::ip::address>> lookup(std::string host,
                                                           asio::ip::tcp::resolver::flags flags,
                                                           time_point limit,
                                                           boost::system::error_code& ec);

private:
    resolve_result from_override(const url& u, const std::vector<std::string>& list) const;
    asio::awaitable<resolve_result> from_dns(const url& u, time_point deadline, bool visit);
    void remember(const std::string& host, const std::vector<asio::ip::address>& addresses);

    struct cache_entry {
        std::vector<asio::ip::address> addresses;
        time_point expires;
    };

    asio::any_io_executor executor_;
    const client_options& options_;
    std::unordered_map<std::string, cache_entry> cache_;
};

} // namespace govmon::http
