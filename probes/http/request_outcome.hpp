#pragma once

#include "probes/error_class.hpp"

#include <string_view>

namespace govmon::http {

// The label of one HTTP request for client_options::on_request: ok, http_4xx, http_5xx,
// timeout, dns, connect, tls, too_large, blocked. A 3xx hop is "ok"; a response that could not
// be parsed counts as the server's fault, "http_5xx".
std::string_view request_outcome(error_class error, int status) noexcept;

} // namespace govmon::http
