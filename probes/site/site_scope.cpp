#include "probes/site/site_scope.hpp"

#include "text/host_names.hpp"
#include "text/registrable_domain.hpp"

#include <algorithm>

namespace govmon {
namespace {

bool is_ip_address(std::string_view host) {
    return host.find(':') != std::string_view::npos ||
           std::all_of(host.begin(), host.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

} // namespace

std::string subhost_domain(std::string_view home_host) {
    if (is_ip_address(home_host))
        return std::string{home_host};
    const std::string_view registrable = registrable_domain(home_host);
    std::string_view domain = home_host;
    if (domain.starts_with("www.") && domain.size() - 4 >= registrable.size())
        domain.remove_prefix(4);
    return std::string{domain};
}

site_scope::site_scope(std::string_view home_host, bool subhosts)
    : home_host_(home_host), domain_(subhosts ? subhost_domain(home_host) : std::string{}) {}

bool site_scope::contains(std::string_view host) const {
    return host == home_host_ || (!domain_.empty() && host_is_under(host, domain_));
}

} // namespace govmon
