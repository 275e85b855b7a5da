#pragma once

#include "text/ascii_text.hpp"

#include <array>
#include <string>
#include <string_view>

namespace govmon {

// Where the host sits inside an absolute URL, so matchers can anchor on it without copying.
struct host_span {
    std::size_t begin = 0;
    std::size_t size = 0;
};

// The host of an absolute URL ("scheme://[userinfo@]host[:port]/..."), as written; size 0 when
// the URL has no authority. Bracketed IPv6 literals keep their brackets.
host_span find_host(std::string_view url);

// find_host's text, lower-cased; empty when there is none.
std::string host_of(std::string_view url);

// host is domain or one of its subdomains, at a label boundary ("x.a.com" is under "a.com",
// "xa.com" is not). Both lower-case.
bool host_is_under(std::string_view host, std::string_view domain);

// Where Chinese government bodies register their hosts: gov.cn and .政务, in both its forms.
inline constexpr std::array<std::string_view, 3> government_suffixes{"gov.cn", "政务",
                                                                     "xn--zfr164b"};

// Hosts of Chinese government bodies: *.gov.cn, *.政务 (also in its punycode form), *.gov.
bool is_government_host(std::string_view host);

} // namespace govmon
