#include "probes/ads/host_names.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

// Second levels under which registrations are made, for the country codes that have them.
bool is_generic_second_level(std::string_view label) {
    static constexpr std::array<std::string_view, 9> generic{"ac",  "co",  "com", "edu", "gov",
                                                             "mil", "net", "org", "gouv"};
    return std::find(generic.begin(), generic.end(), label) != generic.end();
}

// .cn also takes registrations under each province's two-letter code (bj.cn, zj.cn …).
bool is_cn_province(std::string_view label) {
    return label.size() == 2;
}

} // namespace

std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    return lower;
}

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

std::string_view registrable_domain(std::string_view host) {
    const std::size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0) {
        return host;
    }
    const std::string_view tld = host.substr(last_dot + 1);
    const std::size_t second_dot = host.rfind('.', last_dot - 1);
    const std::size_t second_begin = second_dot == std::string_view::npos ? 0 : second_dot + 1;
    const std::string_view second = host.substr(second_begin, last_dot - second_begin);
    const bool second_is_suffix = tld.size() == 2 && (is_generic_second_level(second) ||
                                                      (tld == "cn" && is_cn_province(second)));
    if (!second_is_suffix) {
        return host.substr(second_begin);
    }
    if (second_dot == std::string_view::npos) {
        return host;
    }
    const std::size_t third_dot = host.rfind('.', second_dot - 1);
    return host.substr(third_dot == std::string_view::npos ? 0 : third_dot + 1);
}

bool host_is_under(std::string_view host, std::string_view domain) {
    if (domain.empty() || host.size() < domain.size() || !host.ends_with(domain)) {
        return false;
    }
    return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

bool is_government_host(std::string_view host) {
    static constexpr std::array<std::string_view, 4> suffixes{"gov.cn", "政务", "xn--zfr164b",
                                                              "gov"};
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view s) { return host_is_under(host, s); });
}

} // namespace govmon
