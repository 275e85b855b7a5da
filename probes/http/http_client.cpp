#include "probes/http/http_client.hpp"

#include "probes/http/address_policy.hpp"
#include "probes/http/connection_pool.hpp"
#include "probes/http/fetch_policy.hpp"
#include "probes/http/host_gate.hpp"
#include "probes/http/http_exchange.hpp"
#include "probes/http/ipv6_probe.hpp"
#include "probes/http/request_outcome.hpp"
#include "probes/http/resolver.hpp"
#include "probes/http/tls_session.hpp"

#include <algorithm>

// The I/O loop: it performs what fetch_policy decides (hops, waits), each hop on a pooled or a
// new connection (resolver, TCP connect, TLS), inside the global and per-host gates.
namespace govmon::http {

namespace {

using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
using error_code = boost::system::error_code;

std::chrono::microseconds since(steady::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - start);
}

} // namespace

struct client::impl {
    impl(asio::any_io_executor executor, client_options options);

    asio::awaitable<response> fetch(request req);
    asio::awaitable<hop_result> gated_hop(const fetch_action& act,
                                          const std::vector<header_field>& headers,
                                          std::optional<steady::time_point>& deadline);
    asio::awaitable<hop_result> hop(const url& u, const std::string& method,
                                    const std::vector<header_field>& headers,
                                    steady::time_point deadline, hop_mode mode);
    asio::awaitable<std::unique_ptr<connection>> open(const url& u, steady::time_point deadline,
                                                      hop_mode mode, hop_result& out,
                                                      phase_times& phases);
    asio::awaitable<std::unique_ptr<connection>> connect(const url& u,
                                                         const resolve_result& resolved,
                                                         steady::time_point limit, hop_result& out,
                                                         phase_times& phases);
    std::unique_ptr<connection> pooled(const std::string& origin, hop_mode mode);
    void report(const hop_result& h) const;

    asio::any_io_executor executor_;
    client_options options_;
    ssl::context tls_;
    host_gate hosts_;
    host_gate global_;
    connection_pool pool_;
    resolver dns_;
};

client::impl::impl(asio::any_io_executor executor, client_options options)
    : executor_(std::move(executor)), options_(std::move(options)),
      tls_(make_tls_context(options_.ca_file)), hosts_(options_.per_host, options_.per_host_delay),
      global_(options_.concurrency, std::chrono::milliseconds{0}), dns_(executor_, options_) {}

void client::impl::report(const hop_result& h) const {
    if (options_.on_request)
        options_.on_request(request_outcome(h.error, h.status));
}

asio::awaitable<std::unique_ptr<connection>>
client::impl::connect(const url& u, const resolve_result& resolved, steady::time_point limit,
                      hop_result& out, phase_times& phases) {
    std::vector<tcp::endpoint> endpoints;
    for (const auto& a : resolved.addresses)
        endpoints.emplace_back(a, u.port);
    auto conn = std::make_unique<connection>();
    if (u.scheme == "https")
        conn->tls = std::make_unique<ssl::stream<beast::tcp_stream>>(executor_, tls_);
    else
        conn->plain = std::make_unique<beast::tcp_stream>(executor_);
    auto connect_start = steady::now();
    error_code ec;
    conn->lowest().expires_at(limit);
    auto endpoint = co_await conn->lowest().async_connect(
        endpoints, asio::redirect_error(asio::use_awaitable, ec));
    phases.connect = since(connect_start);
    if (ec) {
        if (ec == beast::error::timeout || steady::now() >= limit)
            out = hop_failure(error_class::timeout, "connect timeout");
        else
            out = hop_failure(error_class::connect, ec.message());
        co_return nullptr;
    }
    conn->remote = endpoint.address().to_string();
    co_return conn;
}

asio::awaitable<std::unique_ptr<connection>> client::impl::open(const url& u,
                                                                steady::time_point deadline,
                                                                hop_mode mode, hop_result& out,
                                                                phase_times& phases) {
    auto dns_start = steady::now();
    auto resolved = co_await dns_.resolve(u, deadline, mode.visit, mode.private_ok);
    phases.dns = since(dns_start);
    if (resolved.error != error_class::none) {
        out = hop_failure(resolved.error, std::move(resolved.detail));
        co_return nullptr;
    }
    if (steady::now() >= deadline) {
        out = hop_failure(error_class::timeout, "timeout before connect");
        co_return nullptr;
    }
    // connect_timeout bounds TCP connect and TLS handshake together, except in a visit: there a
    // connect that takes 6 s of the 15 s is a slow page, not a failed one.
    auto limit =
        mode.visit ? deadline : std::min(deadline, steady::now() + options_.connect_timeout);
    auto conn = co_await connect(u, resolved, limit, out, phases);
    if (!conn || !conn->tls)
        co_return conn;
    out = co_await tls_handshake(*conn, u, limit, phases);
    if (out.error != error_class::none)
        co_return nullptr;
    co_return conn;
}

// A pooled connection to start a hop on, unless the hop is a visit (which measures the whole
// way to the page) or the connection reached a private address the hop may not.
std::unique_ptr<connection> client::impl::pooled(const std::string& origin, hop_mode mode) {
    if (mode.visit)
        return nullptr;
    auto conn = pool_.take(origin);
    // A connection a trusted endpoint opened is no way around the guard for anyone else.
    if (conn && !mode.private_ok && is_private_address(conn->remote))
        return nullptr;
    return conn;
}

asio::awaitable<hop_result> client::impl::hop(const url& u, const std::string& method,
                                              const std::vector<header_field>& headers,
                                              steady::time_point deadline, hop_mode mode) {
    auto origin = u.scheme + "://" + u.authority();
    // A pooled connection the server has closed in the meantime is not a failure: one more
    // round on a fresh connection, not counted as a request or a retry.
    for (int round = 0; round < 2; ++round) {
        auto conn = round == 0 ? pooled(origin, mode) : nullptr;
        bool reused = conn != nullptr;
        phase_times phases;
        if (!conn) {
            hop_result failed;
            conn = co_await open(u, deadline, mode, failed, phases);
            if (!conn) {
                failed.phases = phases;
                co_return failed;
            }
        }
        auto ex =
            co_await exchange(*conn, {u, method, headers, deadline, reused}, options_, phases);
        if (ex.stale)
            continue;
        ex.hop.phases = phases;
        ex.hop.remote = conn->remote;
        ex.hop.cert_not_after = conn->cert_not_after;
        // A complete 404 leaves the connection as usable as a 200 (link checks hit many).
        if (ex.keep_alive)
            pool_.put(origin, std::move(conn));
        co_return std::move(ex.hop);
    }
    co_return hop_failure(error_class::connect, "connection closed by server");
}

asio::awaitable<hop_result> client::impl::gated_hop(const fetch_action& act,
                                                    const std::vector<header_field>& headers,
                                                    std::optional<steady::time_point>& deadline) {
    auto wait_start = steady::now();
    // Host before global: whoever holds a global slot is never parked behind a host.
    auto host_permit = co_await hosts_.acquire(act.target.host);
    auto global_permit = co_await global_.acquire("*");
    auto now = steady::now();
    // One deadline for the whole attempt, redirects included; time spent waiting for a slot is
    // not the server's fault and does not count.
    if (act.new_attempt || !deadline)
        deadline = now + options_.timeout;
    else
        *deadline += now - wait_start;
    auto h = co_await hop(act.target, act.method, headers, *deadline, act.mode);
    global_permit.release();
    host_permit.release();
    report(h);
    co_return h;
}

asio::awaitable<response> client::impl::fetch(request req) {
    auto start = steady::now();
    fetch_policy policy{std::move(req), options_};
    std::optional<steady::time_point> deadline;
    for (auto act = policy.start(); act.next != fetch_action::type::done;) {
        if (act.next == fetch_action::type::wait) {
            asio::steady_timer pause{executor_, act.delay};
            error_code ec;
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            act = policy.on_wait_done();
            continue;
        }
        auto h = co_await gated_hop(act, policy.headers(), deadline);
        act = policy.on_hop(std::move(h), std::chrono::system_clock::now());
    }
    auto resp = std::move(policy.result());
    resp.elapsed = std::chrono::duration_cast<milliseconds>(steady::now() - start);
    co_return resp;
}

client::client(asio::any_io_executor executor, client_options options)
    : impl_(std::make_unique<impl>(std::move(executor), std::move(options))) {}

client::~client() = default;

asio::awaitable<response> client::fetch(request req) {
    return impl_->fetch(std::move(req));
}

asio::awaitable<ipv6_check> client::check_ipv6(std::string url) {
    return probe_ipv6(impl_->executor_, impl_->dns_, std::move(url), impl_->options_);
}

const client_options& client::options() const {
    return impl_->options_;
}

} // namespace govmon::http
