#pragma once

#include <string>
#include <string_view>

namespace govmon {

// The domain whose hosts belong to a site when its sub-hosts are crawled too: the home
// page's host without a leading "www.", but never shorter than its registrable domain
// (www.hubei.gov.cn → hubei.gov.cn, whose fgw.hubei.gov.cn is in; fgw.hubei.gov.cn →
// fgw.hubei.gov.cn, the province's portal is not; www.gov.cn → www.gov.cn, so gov.cn, every
// government in the country, never is). An IP address is only itself.
std::string subhost_domain(std::string_view home_host);

// Which hosts a crawl reads as pages of the site: the home page's host, or with `subhosts`
// every host under its subhost_domain. Hosts are lower-case.
class site_scope {
public:
    site_scope(std::string_view home_host, bool subhosts);

    bool contains(std::string_view host) const;

private:
    std::string home_host_;
    std::string domain_; // empty: the home host alone
};

} // namespace govmon
