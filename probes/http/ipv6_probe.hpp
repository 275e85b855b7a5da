#pragma once

#include "probes/http/http_types.hpp"
#include "probes/http/net.hpp"
#include "probes/http/resolver.hpp"

#include <string>

namespace govmon::http {

// Whether the host of `url` publishes AAAA and answers a TCP connect on one of those addresses
// within connect_timeout. Overrides and IP literals count as published addresses.
asio::awaitable<ipv6_check> probe_ipv6(asio::any_io_executor executor, resolver& dns,
                                       std::string url, const client_options& options);

} // namespace govmon::http
