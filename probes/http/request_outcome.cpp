#include "probes/http/request_outcome.hpp"

namespace govmon::http {

std::string_view request_outcome(error_class error, int status) noexcept {
    switch (error) {
    case error_class::none:
    case error_class::http:
        if (status >= 500 || (error == error_class::http && status < 300))
            return "http_5xx";
        if (status >= 400)
            return "http_4xx";
        return "ok";
    case error_class::dns:
        return "dns";
    case error_class::connect:
        return "connect";
    case error_class::tls:
        return "tls";
    case error_class::timeout:
        return "timeout";
    case error_class::too_large:
        return "too_large";
    case error_class::blocked:
        return "blocked";
    case error_class::parse:
    case error_class::not_found:
        break;
    }
    return "http_5xx";
}

} // namespace govmon::http
