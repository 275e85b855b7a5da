#pragma once

#include "text/ascii_text.hpp"

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

// The part of a lower-case ASCII host its owner registered ("a.b.example.com.cn" →
// "example.com.cn"): one label more than its longest public suffix in the ICANN section of
// the Public Suffix List (libpsl). govmon's rule on top: below gov.cn and .政务 every body
// registers one label ("a.b.hubei.gov.cn" → "hubei.gov.cn", "www.gov.cn" stays). A host that
// is itself a public suffix is its own answer.
std::string_view registrable_domain(std::string_view host);

// host is domain or one of its subdomains, at a label boundary ("x.a.com" is under "a.com",
// "xa.com" is not). Both lower-case.
bool host_is_under(std::string_view host, std::string_view domain);

// Hosts of Chinese government bodies: *.gov.cn, *.政务 (also in its punycode form), *.gov.
bool is_government_host(std::string_view host);

} // namespace govmon
