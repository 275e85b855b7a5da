#include "probes/http/http_types.hpp"

namespace govmon::http {

std::optional<std::string_view> response::header(std::string_view name) const {
    return find_header(headers, name);
}

} // namespace govmon::http
