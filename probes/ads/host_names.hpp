#pragma once

#include <string>
#include <string_view>

namespace govmon {

// Where the host sits inside an absolute URL, so matchers can anchor on it without copying.
struct host_span {
    std::size_t begin = 0;
    std::size_t size = 0;
};

// ASCII letters lowered, every other byte kept: URLs and hosts compare this way.
std::string lower_ascii(std::string_view text);

// The host of an absolute URL ("scheme://[userinfo@]host[:port]/..."), as written; size 0 when
// the URL has no authority. Bracketed IPv6 literals keep their brackets.
host_span find_host(std::string_view url);

// find_host's text, lower-cased; empty when there is none.
std::string host_of(std::string_view url);

// The part of a host its owner registered ("a.b.example.com.cn" → "example.com.cn"), guessed
// without the Public Suffix List: Chinese province and generic second levels (gov.cn, com.cn,
// bj.cn, edu.cn …) and the co/com/net/org/gov/edu/ac second levels of other two-letter
// country codes count as suffixes. Good enough to tell first from third party.
std::string_view registrable_domain(std::string_view host);

// host is domain or one of its subdomains, at a label boundary ("x.a.com" is under "a.com",
// "xa.com" is not). Both lower-case.
bool host_is_under(std::string_view host, std::string_view domain);

// Hosts of Chinese government bodies: *.gov.cn, *.政务 (also in its punycode form), *.gov.
bool is_government_host(std::string_view host);

} // namespace govmon
