#pragma once

#include <string_view>

namespace govmon {

// The part of a lower-case ASCII host its owner registered ("a.b.example.com.cn" →
// "example.com.cn"): one label more than its longest public suffix in the ICANN section of
// the Public Suffix List (libpsl). govmon's rule on top: below gov.cn and .政务 every body
// registers one label ("a.b.hubei.gov.cn" → "hubei.gov.cn", "www.gov.cn" stays). A host that
// is itself a public suffix is its own answer.
std::string_view registrable_domain(std::string_view host);

} // namespace govmon
