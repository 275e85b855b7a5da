#include "probes/http/http_client.hpp"

#include "probes/http/address_policy.hpp"
#include "probes/http/block_page.hpp"
#include "probes/http/content_decoding.hpp"
#include "probes/http/host_gate.hpp"
#include "probes/http/redirect_policy.hpp"
#include "probes/http/request_outcome.hpp"
#include "probes/http/retry_policy.hpp"
#include "probes/http/tls_certificate.hpp"
#include "probes/http/url.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_map>

namespace govmon::http {

namespace {

namespace bh = boost::beast::http;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
using error_code = boost::system::error_code;

constexpr auto idle_timeout = std::chrono::seconds(30);
constexpr std::size_t max_idle_per_key = 2;
constexpr auto dns_ttl = std::chrono::seconds(60);

// One TCP (or TLS over TCP) connection; kept in the pool between requests when keep-alive holds.
struct connection {
    std::unique_ptr<beast::tcp_stream> plain;
    std::unique_ptr<ssl::stream<beast::tcp_stream>> tls;
    beast::flat_buffer buffer;
    std::string remote;
    std::optional<std::int64_t> cert_not_after;
    steady::time_point idle_since{};

    beast::tcp_stream& lowest() { return tls ? tls->next_layer() : *plain; }
};

// The result of one HTTP request on the wire (one hop of one attempt).
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

// How one hop is made: as part of a visit (one limit for every phase, a fresh connection), and
// whether its host may resolve to a private address.
struct hop_mode {
    bool visit = false;
    bool private_ok = false;
};

struct exchange_result {
    hop_result hop;
    bool stale = false; // a pooled connection was already closed by the server
    bool keep_alive = false;
};

struct resolve_result {
    error_class error = error_class::none;
    std::string detail;
    std::vector<asio::ip::address> addresses;
    bool trusted = false; // from client_options::resolve: never refused
};

std::chrono::microseconds since(steady::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - start);
}

void add_phases(phase_times& total, const phase_times& hop)
{
    total.dns += hop.dns;
    total.connect += hop.connect;
    total.tls += hop.tls;
    total.first_byte += hop.first_byte;
    total.transfer += hop.transfer;
}

hop_result failure(error_class e, std::string detail)
{
    hop_result r;
    r.error = e;
    r.detail = std::move(detail);
    return r;
}

// A pooled connection the server closed while idle shows up as one of these before the first
// byte of the response.
bool is_closed_error(const error_code& ec)
{
    return ec == bh::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::connection_aborted || ec == ssl::error::stream_truncated ||
           ec == bh::error::partial_message;
}

std::string size_text(std::uint64_t bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// Beast sets `timeout` when the stream's expiry fires; on Boost 1.74 an op started after
// expiry can also fail otherwise (P14), hence the check against our own deadline.
hop_result classify_io(const error_code& ec, steady::time_point deadline, const char* phase,
                       const client_options& options)
{
    if (ec == beast::error::timeout || steady::now() >= deadline)
        return failure(error_class::timeout, std::string{"timeout "} + phase);
    if (ec == bh::error::body_limit)
        return failure(error_class::too_large, "body over " + size_text(options.max_body));
    if (ec == bh::error::header_limit || ec == bh::error::buffer_overflow)
        return failure(error_class::too_large, "header over " + size_text(options.max_header));
    if (is_closed_error(ec))
        return failure(error_class::connect, std::string{"connection closed "} + phase);
    if (ec.category() == bh::make_error_code(bh::error::bad_version).category())
        return failure(error_class::http, "malformed response: " + ec.message());
    return failure(error_class::connect, ec.message() + " " + phase);
}

} // namespace

std::optional<std::string_view> response::header(std::string_view name) const
{
    return find_header(headers, name);
}

struct client::impl {
    impl(asio::any_io_executor executor, client_options options);

    asio::awaitable<response> fetch(request req);
    asio::awaitable<void> attempt(request req, response& resp);
    asio::awaitable<hop_result> hop(url u, std::string method, std::vector<header_field> headers,
                                    steady::time_point deadline, hop_mode mode);
    asio::awaitable<std::unique_ptr<connection>> open(const url& u, steady::time_point deadline,
                                                      hop_mode mode, hop_result& out,
                                                      phase_times& phases);
    asio::awaitable<resolve_result> resolve(const url& u, steady::time_point deadline,
                                            hop_mode mode);
    asio::awaitable<std::vector<asio::ip::address>> lookup(std::string host,
                                                           tcp::resolver::flags flags,
                                                           steady::time_point limit,
                                                           error_code& ec);
    template <class Stream>
    asio::awaitable<void> exchange(Stream& stream, connection& conn, const url& u,
                                   const std::string& method,
                                   const std::vector<header_field>& headers,
                                   steady::time_point deadline, bool reused, exchange_result& out,
                                   phase_times& phases);
    void decode_body(const std::string& method, hop_result& hop) const;
    asio::awaitable<ipv6_check> check_ipv6(std::string text);

    const std::vector<std::string>* resolve_override(const url& u) const;
    bool may_be_private(const url& u) const;
    std::unique_ptr<connection> take_idle(const std::string& key);
    void put_idle(const std::string& key, std::unique_ptr<connection> conn);
    void report(const hop_result& h) const;

    asio::any_io_executor executor_;
    client_options options_;
    ssl::context tls_{ssl::context::tls_client};
    host_gate hosts_;
    host_gate global_;
    std::unordered_map<std::string, std::deque<std::unique_ptr<connection>>> idle_;
    struct dns_entry {
        std::vector<asio::ip::address> addresses;
        steady::time_point expires;
    };
    std::unordered_map<std::string, dns_entry> dns_cache_;
};

client::impl::impl(asio::any_io_executor executor, client_options options)
    : executor_(std::move(executor)),
      options_(std::move(options)),
      hosts_(options_.per_host, options_.per_host_delay),
      global_(options_.concurrency, std::chrono::milliseconds{0})
{
    tls_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                     ssl::context::no_tlsv1_1);
    SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
    error_code ec;
    if (options_.ca_file.empty())
        tls_.set_default_verify_paths(ec);
    else
        tls_.load_verify_file(options_.ca_file, ec);
    if (ec)
        throw std::runtime_error("cannot load CA file '" + options_.ca_file + "': " + ec.message());
    tls_.set_verify_mode(ssl::verify_peer);
}

void client::impl::report(const hop_result& h) const
{
    if (options_.on_request)
        options_.on_request(request_outcome(h.error, h.status));
}

const std::vector<std::string>* client::impl::resolve_override(const url& u) const
{
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
client::impl::lookup(std::string host, tcp::resolver::flags flags, steady::time_point limit,
                     error_code& ec)
{
    // Asio 1.74's resolver has no per-operation cancellation; only resolver::cancel() stops the
    // wait (the getaddrinfo thread itself runs on). The weak_ptr guards against a watchdog
    // handler that is already queued when the resolver is gone.
    auto resolver = std::make_shared<tcp::resolver>(executor_);
    asio::steady_timer watchdog{executor_, limit};
    watchdog.async_wait([weak = std::weak_ptr<tcp::resolver>{resolver}](error_code wait_ec) {
        if (auto alive = weak.lock(); alive && !wait_ec)
            alive->cancel();
    });
    auto results = co_await resolver->async_resolve(
        host, "", flags, asio::redirect_error(asio::use_awaitable, ec));
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

// The hosts the operator listed and the config's own endpoints; everything else a page leads
// to must be public.
bool client::impl::may_be_private(const url& u) const
{
    if (options_.allow_private || host_in_list(u.host, options_.allow_private_hosts))
        return true;
    auto host = u.ipv6_literal ? "[" + u.host + "]" : u.host;
    return host_in_list(host + ":" + std::to_string(u.port), options_.trusted_endpoints);
}

asio::awaitable<resolve_result> client::impl::resolve(const url& u, steady::time_point deadline,
                                                      hop_mode mode)
{
    resolve_result r;
    if (const auto* list = resolve_override(u)) {
        r.trusted = true;
        for (const auto& text : *list) {
            error_code ec;
            auto a = asio::ip::make_address(text, ec);
            if (!ec)
                r.addresses.push_back(a);
        }
        if (r.addresses.empty()) {
            r.error = error_class::dns;
            r.detail = "no usable address in resolve override for " + u.host;
        }
        co_return r;
    }
    error_code ec;
    if (auto literal = asio::ip::make_address(u.host, ec); !ec) {
        r.addresses.push_back(literal);
    } else if (auto it = dns_cache_.find(u.host);
               it != dns_cache_.end() && it->second.expires > steady::now()) {
        r.addresses = it->second.addresses;
    } else {
        auto now = steady::now();
        // A visit has one limit for all its phases, as a reader's browser does.
        auto dns_limit = mode.visit ? deadline : now + options_.dns_timeout;
        auto limit = std::min(dns_limit, deadline);
        ec = {};
        r.addresses = co_await lookup(u.host, tcp::resolver::address_configured, limit, ec);
        if (ec == beast::error::timeout) {
            r.error = limit < dns_limit ? error_class::timeout : error_class::dns;
            r.detail = "DNS timeout";
            co_return r;
        }
        if (ec || r.addresses.empty()) {
            r.error = error_class::dns;
            r.detail = "cannot resolve " + u.host + ": " +
                       (ec ? ec.message() : std::string{"no address"});
            co_return r;
        }
        dns_cache_[u.host] = dns_entry{r.addresses, steady::now() + dns_ttl};
        if (dns_cache_.size() > 4096)
            std::erase_if(dns_cache_,
                          [now = steady::now()](const auto& e) { return e.second.expires <= now; });
    }
    if (!mode.private_ok) {
        for (const auto& a : r.addresses) {
            auto text = a.to_string();
            if (is_private_address(text)) {
                r.error = error_class::blocked;
                r.detail = "refused private address " + text;
                co_return r;
            }
        }
    }
    co_return r;
}

asio::awaitable<std::unique_ptr<connection>>
client::impl::open(const url& u, steady::time_point deadline, hop_mode mode, hop_result& out,
                   phase_times& phases)
{
    auto dns_start = steady::now();
    auto resolved = co_await resolve(u, deadline, mode);
    phases.dns = since(dns_start);
    if (resolved.error != error_class::none) {
        out = failure(resolved.error, std::move(resolved.detail));
        co_return nullptr;
    }
    std::vector<tcp::endpoint> endpoints;
    for (const auto& a : resolved.addresses)
        endpoints.emplace_back(a, u.port);

    auto conn = std::make_unique<connection>();
    if (u.scheme == "https")
        conn->tls = std::make_unique<ssl::stream<beast::tcp_stream>>(executor_, tls_);
    else
        conn->plain = std::make_unique<beast::tcp_stream>(executor_);

    if (steady::now() >= deadline) {
        out = failure(error_class::timeout, "timeout before connect");
        co_return nullptr;
    }
    // connect_timeout bounds TCP connect and TLS handshake together, except in a visit: there a
    // connect that takes 6 s of the 15 s is a slow page, not a failed one.
    auto connect_start = steady::now();
    auto connect_deadline =
        mode.visit ? deadline : std::min(deadline, connect_start + options_.connect_timeout);
    error_code ec;
    conn->lowest().expires_at(connect_deadline);
    auto endpoint = co_await conn->lowest().async_connect(
        endpoints, asio::redirect_error(asio::use_awaitable, ec));
    phases.connect = since(connect_start);
    if (ec) {
        if (ec == beast::error::timeout || steady::now() >= connect_deadline)
            out = failure(error_class::timeout, "connect timeout");
        else
            out = failure(error_class::connect, ec.message());
        co_return nullptr;
    }
    conn->remote = endpoint.address().to_string();
    if (!conn->tls)
        co_return conn;

    SSL* handle = conn->tls->native_handle();
    bool ip_host = u.ipv6_literal || is_ip_literal(u.host);
    // RFC 6066 §3: no SNI for IP literals.
    if (!ip_host && SSL_set_tlsext_host_name(handle, u.host.c_str()) != 1) {
        out = failure(error_class::tls, "cannot set SNI for " + u.host);
        co_return nullptr;
    }
    // OpenSSL's own name check, rather than ssl::host_name_verification, so that a mismatch is
    // reported as "hostname mismatch" and not as an unspecified verify failure (P10).
    X509_VERIFY_PARAM* param = SSL_get0_param(handle);
    int set_ok = ip_host ? X509_VERIFY_PARAM_set1_ip_asc(param, u.host.c_str())
                         : X509_VERIFY_PARAM_set1_host(param, u.host.c_str(), 0);
    if (set_ok != 1) {
        out = failure(error_class::tls, "cannot set host name check for " + u.host);
        co_return nullptr;
    }
    // The leaf's notAfter is wanted even when verification fails ("expired on ..."): the
    // callback sees the leaf at depth 0 before the handshake is aborted.
    conn->tls->set_verify_callback(
        [slot = &conn->cert_not_after](bool preverified, ssl::verify_context& ctx) {
            X509_STORE_CTX* store = ctx.native_handle();
            if (X509_STORE_CTX_get_error_depth(store) == 0)
                if (auto value = certificate_not_after(X509_STORE_CTX_get_current_cert(store)))
                    *slot = value;
            return preverified;
        },
        ec);
    if (steady::now() >= connect_deadline) {
        out = failure(error_class::timeout, "timeout before TLS handshake");
        co_return nullptr;
    }
    auto tls_start = steady::now();
    co_await conn->tls->async_handshake(ssl::stream_base::client,
                                        asio::redirect_error(asio::use_awaitable, ec));
    phases.tls = since(tls_start);
    if (ec) {
        long verify = SSL_get_verify_result(handle);
        if (verify != X509_V_OK)
            out = failure(error_class::tls, verify_error_text(verify));
        else if (ec == beast::error::timeout || steady::now() >= connect_deadline)
            out = failure(error_class::timeout, "TLS handshake timeout");
        else
            out = failure(error_class::tls, ec.message());
        out.cert_not_after = conn->cert_not_after;
        out.remote = conn->remote;
        co_return nullptr;
    }
    if (X509* cert = SSL_get1_peer_certificate(handle)) {
        conn->cert_not_after = certificate_not_after(cert);
        X509_free(cert);
    }
    co_return conn;
}

template <class Stream>
asio::awaitable<void> client::impl::exchange(Stream& stream, connection& conn, const url& u,
                                             const std::string& method,
                                             const std::vector<header_field>& headers,
                                             steady::time_point deadline, bool reused,
                                             exchange_result& out, phase_times& phases)
{
    if (steady::now() >= deadline) {
        out.hop = failure(error_class::timeout, "timeout before request");
        co_return;
    }
    bh::request<bh::empty_body> req{method == "HEAD" ? bh::verb::head : bh::verb::get, u.target,
                                    11};
    req.set(bh::field::host, u.authority());
    req.set(bh::field::user_agent, options_.user_agent);
    req.set(bh::field::accept, "*/*");
    // decode_body reads these; they save the sites' bandwidth on every page of a crawl.
    req.set(bh::field::accept_encoding, "gzip, deflate");
    for (const header_field& h : headers)
        if (!beast::iequals(h.name, "accept-encoding"))
            req.set(h.name, h.value);

    error_code ec;
    conn.lowest().expires_at(deadline);
    auto request_start = steady::now();
    co_await bh::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        if (reused && steady::now() < deadline && ec != beast::error::timeout)
            out.stale = true;
        else
            out.hop = classify_io(ec, deadline, "sending request", options_);
        co_return;
    }

    bh::response_parser<bh::string_body> parser;
    parser.header_limit(options_.max_header);
    // Never boost::none on 1.74 (Beast v301 fixed an error with an unlimited body).
    parser.body_limit(options_.max_body);
    if (method == "HEAD")
        parser.skip(true);
    // Header first: Boost < 1.76 drops the body_limit error of a Content-Length body that
    // arrives in the same read as the header (boostorg/beast#2201, fixed in 1.76).
    co_await bh::async_read_header(stream, conn.buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
    phases.first_byte = since(request_start);
    auto body_start = steady::now();
    if (ec) {
        if (reused && !parser.got_some() && conn.buffer.size() == 0 && is_closed_error(ec) &&
            steady::now() < deadline)
            out.stale = true;
        else
            out.hop = classify_io(ec, deadline, "reading response header", options_);
        co_return;
    }
    out.hop.status = static_cast<int>(parser.get().result_int());
    if (!parser.is_done()) {
        if (steady::now() >= deadline) {
            out.hop = failure(error_class::timeout, "timeout reading response body");
            co_return;
        }
        co_await bh::async_read(stream, conn.buffer, parser,
                                asio::redirect_error(asio::use_awaitable, ec));
        // A body delimited by EOF over TLS ends in stream_truncated when the server skips
        // close_notify (P11); the message itself is complete.
        if (ec == ssl::error::stream_truncated && parser.need_eof()) {
            ec = {};
            parser.put_eof(ec);
        }
        phases.transfer = since(body_start);
        if (ec) {
            int status = out.hop.status;
            out.hop = classify_io(ec, deadline, "reading response body", options_);
            out.hop.status = status;
            co_return;
        }
    }
    auto& msg = parser.get();
    for (const auto& field : msg)
        out.hop.headers.push_back(
            header_field{std::string{field.name_string()}, std::string{field.value()}});
    out.keep_alive = msg.keep_alive() && parser.is_done();
    out.hop.body = std::move(msg.body());
    decode_body(method, out.hop);
    if (out.hop.status >= 400) {
        out.hop.error = error_class::http;
        out.hop.detail = "HTTP " + std::to_string(out.hop.status);
        if (auto why = block_reason(out.hop.status, out.hop.headers, out.hop.body)) {
            out.hop.error = error_class::blocked;
            out.hop.detail += ": " + *why;
        }
    }
}

// Servers compress even when asked for identity, so whatever they name is decoded. A redirect's
// body is never read; an error answer whose body cannot be decoded keeps its HTTP error.
void client::impl::decode_body(const std::string& method, hop_result& hop) const
{
    auto coding = find_header(hop.headers, "content-encoding");
    if (!coding || method == "HEAD" || (hop.status >= 300 && hop.status < 400))
        return;
    auto decoded = decode_content(*coding, std::move(hop.body), options_.max_body);
    hop.body = std::move(decoded.body);
    if (decoded.error != error_class::none && hop.status < 400) {
        hop.error = decoded.error;
        hop.detail = std::move(decoded.detail);
    }
}

std::unique_ptr<connection> client::impl::take_idle(const std::string& key)
{
    auto it = idle_.find(key);
    if (it == idle_.end())
        return nullptr;
    auto& list = it->second;
    auto now = steady::now();
    while (!list.empty()) {
        auto conn = std::move(list.back());
        list.pop_back();
        if (now - conn->idle_since < idle_timeout)
            return conn;
    }
    idle_.erase(it);
    return nullptr;
}

void client::impl::put_idle(const std::string& key, std::unique_ptr<connection> conn)
{
    conn->idle_since = steady::now();
    conn->lowest().expires_never();
    auto& list = idle_[key];
    list.push_back(std::move(conn));
    while (list.size() > max_idle_per_key)
        list.pop_front();
}

asio::awaitable<hop_result> client::impl::hop(url u, std::string method,
                                              std::vector<header_field> headers,
                                              steady::time_point deadline, hop_mode mode)
{
    auto key = u.scheme + "://" + u.authority();
    // A pooled connection the server has closed in the meantime is not a failure: one more
    // round on a fresh connection, not counted as a request or a retry.
    for (int round = 0; round < 2; ++round) {
        // A visit measures the whole way to the page, so it never starts on a pooled connection.
        auto conn = round == 0 && !mode.visit ? take_idle(key) : nullptr;
        // A connection a trusted endpoint opened is no way around the guard for anyone else.
        if (conn && !mode.private_ok && is_private_address(conn->remote))
            conn = nullptr;
        bool reused = conn != nullptr;
        hop_result out;
        phase_times phases;
        if (!conn) {
            conn = co_await open(u, deadline, mode, out, phases);
            if (!conn) {
                out.phases = phases;
                co_return out;
            }
        }
        exchange_result ex;
        if (conn->tls)
            co_await exchange(*conn->tls, *conn, u, method, headers, deadline, reused, ex, phases);
        else
            co_await exchange(*conn->plain, *conn, u, method, headers, deadline, reused, ex,
                              phases);
        if (ex.stale)
            continue;
        ex.hop.phases = phases;
        ex.hop.remote = conn->remote;
        ex.hop.cert_not_after = conn->cert_not_after;
        // A complete 404 leaves the connection as usable as a 200 (link checks hit many).
        if (ex.keep_alive)
            put_idle(key, std::move(conn));
        co_return std::move(ex.hop);
    }
    co_return failure(error_class::connect, "connection closed by server");
}

asio::awaitable<void> client::impl::attempt(request req, response& resp)
{
    auto parsed = parse_url(req.url);
    if (!parsed) {
        resp.error = error_class::parse;
        resp.error_detail = "invalid URL";
        resp.final_url = req.url;
        co_return;
    }
    url current = std::move(*parsed);
    std::string method = req.method == "HEAD" ? "HEAD" : "GET";
    std::vector<std::string> visited{current.str()};
    const bool trusted_start = may_be_private(current);
    const std::string first_host = current.host;
    std::optional<steady::time_point> deadline;
    for (;;) {
        auto wait_start = steady::now();
        // Host before global: whoever holds a global slot is never parked behind a host.
        auto host_permit = co_await hosts_.acquire(current.host);
        auto global_permit = co_await global_.acquire("*");
        auto now = steady::now();
        // One deadline for the whole attempt, redirects included; time spent waiting for a
        // slot is not the server's fault and does not count.
        if (!deadline)
            deadline = now + options_.timeout;
        else
            *deadline += now - wait_start;
        // A trusted endpoint stays trusted through redirects on its own host (http to https,
        // another port); a redirect that leaves the host meets the guard again.
        hop_mode mode{req.visit, may_be_private(current) ||
                                     (trusted_start && current.host == first_host)};
        auto h = co_await hop(current, method, req.headers, *deadline, mode);
        global_permit.release();
        host_permit.release();
        report(h);
        add_phases(resp.phases, h.phases);

        resp.final_url = current.str();
        resp.status = h.status;
        resp.error = h.error;
        resp.error_detail = std::move(h.detail);
        resp.headers = std::move(h.headers);
        resp.body = std::move(h.body);
        resp.remote_address = std::move(h.remote);
        resp.cert_not_after = current.scheme == "https" ? h.cert_not_after : std::nullopt;
        if (resp.error != error_class::none)
            co_return;

        auto decision = decide_redirect(current, method, resp.status, resp.header("Location"),
                                        visited, static_cast<int>(resp.redirects.size()),
                                        options_.max_redirects);
        if (decision.next == redirect_decision::action::done)
            co_return;
        if (decision.next == redirect_decision::action::fail) {
            resp.error = error_class::http;
            resp.error_detail = std::move(decision.error);
            co_return;
        }
        if (decision.downgrade)
            resp.https_downgrade = true;
        current = std::move(decision.target);
        method = std::move(decision.method);
        visited.push_back(current.str());
        resp.redirects.push_back(visited.back());
    }
}

asio::awaitable<response> client::impl::fetch(request req)
{
    auto start = steady::now();
    response resp;
    for (int attempt_no = 1;; ++attempt_no) {
        resp = response{};
        resp.url = req.url;
        co_await attempt(req, resp);
        resp.attempts = attempt_no;
        retry_input in;
        in.attempts_done = attempt_no;
        in.max_retries = req.visit ? 0 : options_.retries;
        in.error = resp.error;
        in.status = resp.status;
        in.backoff = options_.retry_backoff;
        in.max_retry_after = options_.max_retry_after;
        if (resp.status == 429 || resp.status == 503)
            if (auto value = resp.header("Retry-After"))
                in.retry_after = parse_retry_after(*value, std::chrono::system_clock::now());
        auto delay = next_retry_delay(in);
        if (!delay)
            break;
        asio::steady_timer pause{executor_, *delay};
        error_code ec;
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    resp.elapsed = std::chrono::duration_cast<milliseconds>(steady::now() - start);
    co_return resp;
}

asio::awaitable<ipv6_check> client::impl::check_ipv6(std::string text)
{
    ipv6_check check;
    auto u = parse_url(text);
    if (!u) {
        check.detail = "invalid URL";
        co_return check;
    }
    std::vector<asio::ip::address> v6;
    auto keep_v6 = [&v6](const asio::ip::address& a) {
        if (a.is_v6() && !a.to_v6().is_v4_mapped())
            v6.push_back(a);
    };
    error_code ec;
    if (const auto* list = resolve_override(*u)) {
        for (const auto& entry : *list) {
            auto a = asio::ip::make_address(entry, ec);
            if (!ec)
                keep_v6(a);
        }
    } else if (auto literal = asio::ip::make_address(u->host, ec); !ec) {
        keep_v6(literal);
    } else {
        // No AI_ADDRCONFIG: the question is whether the site publishes AAAA, not whether this
        // machine has IPv6.
        ec = {};
        auto found = co_await lookup(u->host, tcp::resolver::flags{},
                                     steady::now() + options_.dns_timeout, ec);
        if (ec) {
            check.detail = ec == beast::error::timeout ? "DNS timeout" : ec.message();
            co_return check;
        }
        for (const auto& a : found)
            keep_v6(a);
    }
    check.has_aaaa = !v6.empty();
    if (v6.empty()) {
        check.detail = "no AAAA record";
        co_return check;
    }
    std::vector<tcp::endpoint> endpoints;
    for (const auto& a : v6)
        endpoints.emplace_back(a, u->port);
    beast::tcp_stream stream{executor_};
    stream.expires_after(options_.connect_timeout);
    ec = {};
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

client::client(asio::any_io_executor executor, client_options options)
    : impl_(std::make_unique<impl>(std::move(executor), std::move(options)))
{
}

client::~client() = default;

asio::awaitable<response> client::fetch(request req) { return impl_->fetch(std::move(req)); }

asio::awaitable<ipv6_check> client::check_ipv6(std::string url)
{
    return impl_->check_ipv6(std::move(url));
}

const client_options& client::options() const { return impl_->options_; }

} // namespace govmon::http
