#pragma once

#include "probes/http/connection_pool.hpp"
#include "probes/http/fetch_policy.hpp"
#include "probes/http/net.hpp"
#include "probes/http/url.hpp"

#include <chrono>
#include <string>

namespace govmon::http {

// TLS 1.2 or later, peers verified against ca_file or, if empty, the system trust store.
// Throws std::runtime_error if ca_file cannot be loaded (a control-plane error).
ssl::context make_tls_context(const std::string& ca_file);

// The client handshake on conn.tls, by `limit`: SNI (none for an IP literal, RFC 6066 §3) and
// OpenSSL's own host name or IP check, so that a failure says why ("hostname mismatch",
// "certificate has expired"). conn.cert_not_after is the leaf's notAfter, also when
// verification failed. Returns a hop_result whose error is none on success.
asio::awaitable<hop_result> tls_handshake(connection& conn, const url& u,
                                          std::chrono::steady_clock::time_point limit,
                                          phase_times& phases);

} // namespace govmon::http
