#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// Whether a page an external link leads to is a parked domain or one offered for sale (a
// lapsed domain, re-registered or waiting for a buyer: the 北京 2023 case began so). Returns the
// phrase that says so ("this domain is for sale", "域名出售", "sedo"), matched in any case.
std::optional<std::string> parked_domain_phrase(std::string_view title, std::string_view text);

} // namespace govmon
