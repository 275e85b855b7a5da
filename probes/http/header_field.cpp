#include "probes/http/header_field.hpp"

#include <strings.h>

namespace govmon::http {

std::optional<std::string_view> find_header(const std::vector<header_field>& headers,
                                            std::string_view name) {
    for (const auto& h : headers)
        if (h.name.size() == name.size() &&
            strncasecmp(h.name.data(), name.data(), name.size()) == 0)
            return std::string_view{h.value};
    return std::nullopt;
}

} // namespace govmon::http
