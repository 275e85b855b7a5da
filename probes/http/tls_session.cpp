#include "probes/http/tls_session.hpp"

#include "probes/http/address_policy.hpp"
#include "probes/http/tls_certificate.hpp"

#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace govmon::http {

namespace {

using steady = std::chrono::steady_clock;

// Name checks and the certificate slot, set before the handshake; empty text when all is set.
std::string prepare_verification(connection& conn, const url& u) {
    SSL* handle = conn.tls->native_handle();
    bool ip_host = u.ipv6_literal || is_ip_literal(u.host);
    if (!ip_host && SSL_set_tlsext_host_name(handle, u.host.c_str()) != 1)
        return "cannot set SNI for " + u.host;
    // OpenSSL's own name check, rather than ssl::host_name_verification, so that a mismatch is
    // reported as "hostname mismatch" and not as an unspecified verify failure (P10).
    X509_VERIFY_PARAM* param = SSL_get0_param(handle);
    int set_ok = ip_host ? X509_VERIFY_PARAM_set1_ip_asc(param, u.host.c_str())
                         : X509_VERIFY_PARAM_set1_host(param, u.host.c_str(), 0);
    if (set_ok != 1)
        return "cannot set host name check for " + u.host;
    // The leaf's notAfter is wanted even when verification fails ("expired on ..."): the
    // callback sees the leaf at depth 0 before the handshake is aborted.
    boost::system::error_code ec;
    conn.tls->set_verify_callback(
        [slot = &conn.cert_not_after](bool preverified, ssl::verify_context& ctx) {
            X509_STORE_CTX* store = ctx.native_handle();
            if (X509_STORE_CTX_get_error_depth(store) == 0)
                if (auto value = certificate_not_after(X509_STORE_CTX_get_current_cert(store)))
                    *slot = value;
            return preverified;
        },
        ec);
    return {};
}

hop_result handshake_failure(connection& conn, const boost::system::error_code& ec,
                             steady::time_point limit) {
    long verify = SSL_get_verify_result(conn.tls->native_handle());
    hop_result out;
    if (verify != X509_V_OK)
        out = hop_failure(error_class::tls, verify_error_text(verify));
    else if (ec == beast::error::timeout || steady::now() >= limit)
        out = hop_failure(error_class::timeout, "TLS handshake timeout");
    else
        out = hop_failure(error_class::tls, ec.message());
    out.cert_not_after = conn.cert_not_after;
    out.remote = conn.remote;
    return out;
}

} // namespace

ssl::context make_tls_context(const std::string& ca_file) {
    ssl::context tls{ssl::context::tls_client};
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                    ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    boost::system::error_code ec;
    if (ca_file.empty())
        tls.set_default_verify_paths(ec);
    else
        tls.load_verify_file(ca_file, ec);
    if (ec)
        throw std::runtime_error("cannot load CA file '" + ca_file + "': " + ec.message());
    tls.set_verify_mode(ssl::verify_peer);
    return tls;
}

asio::awaitable<hop_result> tls_handshake(connection& conn, const url& u, steady::time_point limit,
                                          phase_times& phases) {
    if (auto problem = prepare_verification(conn, u); !problem.empty())
        co_return hop_failure(error_class::tls, std::move(problem));
    if (steady::now() >= limit)
        co_return hop_failure(error_class::timeout, "timeout before TLS handshake");
    auto tls_start = steady::now();
    boost::system::error_code ec;
    co_await conn.tls->async_handshake(ssl::stream_base::client,
                                       asio::redirect_error(asio::use_awaitable, ec));
    phases.tls = std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - tls_start);
    if (ec)
        co_return handshake_failure(conn, ec, limit);
    if (X509* cert = SSL_get1_peer_certificate(conn.tls->native_handle())) {
        conn.cert_not_after = certificate_not_after(cert);
        X509_free(cert);
    }
    co_return hop_result{};
}

} // namespace govmon::http
