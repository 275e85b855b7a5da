#include "probes/http/address_policy.hpp"

#include <arpa/inet.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace govmon::http {

namespace {

bool private_v4(const unsigned char* a) {
    std::uint32_t v = (std::uint32_t{a[0]} << 24) | (std::uint32_t{a[1]} << 16) |
                      (std::uint32_t{a[2]} << 8) | std::uint32_t{a[3]};
    auto in = [v](std::uint32_t net, int bits) {
        std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
        return (v & mask) == net;
    };
    return in(0x00000000, 8)     // "this network", 0.0.0.0
           || in(0x7f000000, 8)  // loopback
           || in(0x0a000000, 8)  // private
           || in(0xac100000, 12) // private
           || in(0xc0a80000, 16) // private
           || in(0xa9fe0000, 16) // link-local
           || in(0x64400000, 10) // CGNAT
           || v == 0xffffffff;   // broadcast
}

} // namespace

bool is_ip_literal(std::string_view host) {
    std::string s{host};
    std::array<unsigned char, 16> buf{};
    return inet_pton(AF_INET, s.c_str(), buf.data()) == 1 ||
           inet_pton(AF_INET6, s.c_str(), buf.data()) == 1;
}

bool is_private_address(std::string_view address) {
    std::string s{address};
    if (auto pct = s.find('%'); pct != std::string::npos) // zone index: fe80::1%eth0
        s.erase(pct);
    std::array<unsigned char, 16> a{};
    if (inet_pton(AF_INET, s.c_str(), a.data()) == 1)
        return private_v4(a.data());
    if (inet_pton(AF_INET6, s.c_str(), a.data()) != 1)
        return true;
    static constexpr std::array<unsigned char, 12> mapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(a.data(), mapped.data(), mapped.size()) == 0)
        return private_v4(a.data() + 12);
    bool zero_prefix =
        std::all_of(a.begin(), a.begin() + 15, [](unsigned char c) { return c == 0; });
    if (zero_prefix && (a[15] == 0 || a[15] == 1)) // :: and ::1
        return true;
    if ((a[0] & 0xfe) == 0xfc) // fc00::/7 unique local
        return true;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) // fe80::/10 link-local
        return true;
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) // fec0::/10 deprecated site-local
        return true;
    return false;
}

std::string first_private_address(const std::vector<std::string>& addresses) {
    for (const auto& a : addresses)
        if (is_private_address(a))
            return a;
    return {};
}

bool host_in_list(std::string_view host, const std::vector<std::string>& list) {
    for (const auto& h : list)
        if (h.size() == host.size() && strncasecmp(h.data(), host.data(), h.size()) == 0)
            return true;
    return false;
}

} // namespace govmon::http
