#include "probes/site/parked_domain.hpp"

#include "text/host_names.hpp"

#include <array>

namespace govmon {
namespace {

// What domain registrars' and parking services' holding pages say, lower-case. Kept to phrases
// no organisation's own page uses about itself.
constexpr std::array<std::string_view, 16> parked_phrases{"this domain is for sale",
                                                          "this domain may be for sale",
                                                          "buy this domain",
                                                          "domain is parked",
                                                          "this domain has expired",
                                                          "parked free, courtesy of",
                                                          "the domain owner may be willing to sell",
                                                          "sedoparking",
                                                          "hugedomains.com",
                                                          "dan.com/buy-domain",
                                                          "afternic.com",
                                                          "域名出售",
                                                          "该域名正在出售",
                                                          "此域名可出售",
                                                          "域名转让",
                                                          "域名已过期"};

} // namespace

std::optional<std::string> parked_domain_phrase(std::string_view title, std::string_view text) {
    const std::string lower = lower_ascii(title) + "\n" + lower_ascii(text);
    for (const std::string_view phrase : parked_phrases)
        if (lower.find(phrase) != std::string::npos)
            return std::string(phrase);
    return std::nullopt;
}

} // namespace govmon
