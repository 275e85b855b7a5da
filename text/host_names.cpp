#include "text/host_names.hpp"

#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>

namespace govmon {
host_span find_host(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        return {};
    }
    const std::size_t authority = scheme_end + 3;
    std::size_t end = url.find_first_of("/?#", authority);
    if (end == std::string_view::npos) {
        end = url.size();
    }
    std::size_t begin = authority;
    const std::size_t at = url.substr(0, end).rfind('@');
    if (at != std::string_view::npos && at >= authority) {
        begin = at + 1;
    }
    std::size_t host_end = end;
    if (begin < end && url[begin] == '[') {
        const std::size_t close = url.substr(0, end).find(']', begin);
        host_end = close == std::string_view::npos ? end : close + 1;
    } else {
        const std::size_t colon = url.substr(0, end).find(':', begin);
        host_end = colon == std::string_view::npos ? end : colon;
    }
    return {begin, host_end - begin};
}

std::string host_of(std::string_view url) {
    const host_span span = find_host(url);
    std::string host = lower_ascii(url.substr(span.begin, span.size));
    while (!host.empty() && host.back() == '.') {
        host.pop_back();
    }
    return host;
}

bool host_is_under(std::string_view host, std::string_view domain) {
    if (domain.empty() || host.size() < domain.size() || !host.ends_with(domain)) {
        return false;
    }
    return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

bool is_government_host(std::string_view host) {
    return host_is_under(host, "gov") ||
           std::any_of(government_suffixes.begin(), government_suffixes.end(),
                       [&](std::string_view s) { return host_is_under(host, s); });
}

} // namespace govmon
