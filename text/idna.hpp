#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// The ASCII form of a host as a browser looks it up: UTS #46 non-transitional processing
// through libidn2 (full-width and ideographic full stops separate labels, full-width letters
// are ASCII, case folded, each non-ASCII label in punycode: "中国政府网。政务" →
// "xn--fiqs8sirgfmhq98a.xn--zfr164b"). An ASCII host is returned unchanged, underscores and
// all (real government hosts have them). nullopt when IDNA refuses the host.
std::optional<std::string> host_to_ascii(std::string_view host);

} // namespace govmon
