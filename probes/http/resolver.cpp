#include "probes/http/resolver.hpp"

#include "probes/http/address_policy.hpp"

#include <algorithm>
#include <memory>

namespace govmon::http {

namespace {

using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
using error_code = boost::system::error_code;

constexpr auto dns_ttl = std::chrono::seconds(60);
constexpr std::size_t max_cached_hosts = 4096;

// The first private address of r as a refusal, or r unchanged.
resolve_result refuse_private(resolve_result r) {
    for (const auto& a : r.addresses) {
        auto text = a.to_string();
        if (is_private_address(text)) {
            r.error = error_class::blocked;
            r.detail = "refused private address " + text;
            return r;
        }
    }
    return r;
}

std::vector<asio::ip::address> addresses_of(const std::vector<std::string>& answer,
                                            error_code& ec) {
    std::vector<asio::ip::address> out;
    for (const auto& text : answer)
        if (auto a = asio::ip::make_address(text, ec); !ec)
            out.push_back(a);
    ec = out.empty() ? error_code{asio::error::host_not_found} : error_code{};
    return out;
}

} // namespace

resolver::resolver(asio::any_io_executor executor, const client_options& options)
    : executor_(std::move(executor)), options_(options) {}

const std::vector<std::string>* resolver::override_for(const url& u) const {
    auto host = u.ipv6_literal ? "[" + u.host + "]" : u.host;
    if (auto it = options_.resolve.find(host + ":" + std::to_string(u.port));
        it != options_.resolve.end())
        return &it->second;
    if (auto it = options_.resolve.find(host); it != options_.resolve.end())
        return &it->second;
    if (auto it = options_.resolve.find(u.host); it != options_.resolve.end())
        return &it->second;
    return nullptr;
}

asio::awaitable<std::vector<asio::ip::address>>
resolver::lookup(std::string host, tcp::resolver::flags flags, time_point limit, error_code& ec) {
    if (options_.name_server)
        co_return addresses_of(options_.name_server(host), ec);
    // Asio 1.74's resolver has no per-operation cancellation; only resolver::cancel() stops the
    // wait (the getaddrinfo thread itself runs on). The weak_ptr guards against a watchdog
    // handler that is already queued when the resolver is gone.
    auto dns = std::make_shared<tcp::resolver>(executor_);
    asio::steady_timer watchdog{executor_, limit};
    watchdog.async_wait([weak = std::weak_ptr<tcp::resolver>{dns}](error_code wait_ec) {
        if (auto alive = weak.lock(); alive && !wait_ec)
            alive->cancel();
    });
    auto results =
        co_await dns->async_resolve(host, "", flags, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted && steady::now() >= limit)
        ec = beast::error::timeout;
    watchdog.cancel();
    std::vector<asio::ip::address> out;
    if (!ec)
        for (const auto& entry : results)
            if (std::find(out.begin(), out.end(), entry.endpoint().address()) == out.end())
                out.push_back(entry.endpoint().address());
    co_return out;
}

resolve_result resolver::from_override(const url& u, const std::vector<std::string>& list) const {
    resolve_result r;
    r.trusted = true;
    for (const auto& text : list) {
        error_code ec;
        auto a = asio::ip::make_address(text, ec);
        if (!ec)
            r.addresses.push_back(a);
    }
    if (r.addresses.empty()) {
        r.error = error_class::dns;
        r.detail = "no usable address in resolve override for " + u.host;
    }
    return r;
}

asio::awaitable<resolve_result> resolver::resolve(const url& u, time_point deadline, bool visit,
                                                  bool private_ok) {
    if (const auto* list = override_for(u))
        co_return from_override(u, *list);
    resolve_result r;
    error_code ec;
    if (auto literal = asio::ip::make_address(u.host, ec); !ec)
        r.addresses.push_back(literal);
    else if (auto it = cache_.find(u.host);
             it != cache_.end() && it->second.expires > steady::now())
        r.addresses = it->second.addresses;
    else
        r = co_await from_dns(u, deadline, visit);
    if (r.error != error_class::none || private_ok)
        co_return r;
    co_return refuse_private(std::move(r));
}

asio::awaitable<resolve_result> resolver::from_dns(const url& u, time_point deadline, bool visit) {
    resolve_result r;
    // A visit has one limit for all its phases, as a reader's browser does.
    auto dns_limit = visit ? deadline : steady::now() + options_.dns_timeout;
    auto limit = std::min(dns_limit, deadline);
    error_code ec;
    r.addresses = co_await lookup(u.host, tcp::resolver::address_configured, limit, ec);
    if (ec == beast::error::timeout) {
        r.error = limit < dns_limit ? error_class::timeout : error_class::dns;
        r.detail = "DNS timeout";
    } else if (ec || r.addresses.empty()) {
        r.error = error_class::dns;
        r.detail =
            "cannot resolve " + u.host + ": " + (ec ? ec.message() : std::string{"no address"});
    } else {
        remember(u.host, r.addresses);
    }
    co_return r;
}

void resolver::remember(const std::string& host, const std::vector<asio::ip::address>& addresses) {
    cache_[host] = cache_entry{addresses, steady::now() + dns_ttl};
    if (cache_.size() > max_cached_hosts)
        std::erase_if(cache_,
                      [now = steady::now()](const auto& e) { return e.second.expires <= now; });
}

} // namespace govmon::http
