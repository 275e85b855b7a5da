#include "probes/http/ipv6_probe.hpp"

#include <vector>

namespace govmon::http {

namespace {

using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

void keep_v6(std::vector<asio::ip::address>& v6, const asio::ip::address& a) {
    if (a.is_v6() && !a.to_v6().is_v4_mapped())
        v6.push_back(a);
}

// The IPv6 addresses of u's host; a failed lookup fills `detail` and leaves has_aaaa unknown.
asio::awaitable<std::vector<asio::ip::address>> v6_addresses(resolver& dns, const url& u,
                                                             const client_options& options,
                                                             ipv6_check& check, bool& failed) {
    std::vector<asio::ip::address> v6;
    error_code ec;
    if (const auto* list = dns.override_for(u)) {
        for (const auto& entry : *list)
            if (auto a = asio::ip::make_address(entry, ec); !ec)
                keep_v6(v6, a);
    } else if (auto literal = asio::ip::make_address(u.host, ec); !ec) {
        keep_v6(v6, literal);
    } else {
        // No AI_ADDRCONFIG: the question is whether the site publishes AAAA, not whether this
        // machine has IPv6.
        ec = {};
        auto limit = std::chrono::steady_clock::now() + options.dns_timeout;
        auto found = co_await dns.lookup(u.host, tcp::resolver::flags{}, limit, ec);
        if (ec) {
            check.detail = ec == beast::error::timeout ? "DNS timeout" : ec.message();
            failed = true;
        }
        for (const auto& a : found)
            keep_v6(v6, a);
    }
    co_return v6;
}

} // namespace

asio::awaitable<ipv6_check> probe_ipv6(asio::any_io_executor executor, resolver& dns,
                                       std::string text, const client_options& options) {
    ipv6_check check;
    auto u = parse_url(text);
    if (!u) {
        check.detail = "invalid URL";
        co_return check;
    }
    bool failed = false;
    auto v6 = co_await v6_addresses(dns, *u, options, check, failed);
    if (failed)
        co_return check;
    check.has_aaaa = !v6.empty();
    if (v6.empty()) {
        check.detail = "no AAAA record";
        co_return check;
    }
    std::vector<tcp::endpoint> endpoints;
    for (const auto& a : v6)
        endpoints.emplace_back(a, u->port);
    beast::tcp_stream stream{executor};
    stream.expires_after(options.connect_timeout);
    error_code ec;
    auto endpoint =
        co_await stream.async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
    check.reachable = !ec;
    check.detail = ec ? (ec == beast::error::timeout ? std::string{"IPv6 connect timeout"}
                                                     : "IPv6 connect failed: " + ec.message())
                      : "connected to [" + endpoint.address().to_string() + "]";
    error_code ignored;
    stream.socket().close(ignored);
    co_return check;
}

} // namespace govmon::http
