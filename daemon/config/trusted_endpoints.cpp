#include "daemon/config/trusted_endpoints.hpp"

#include "probes/http/url.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace govmon {
namespace {

std::string endpoint_of(const http::url& u) {
    return (u.ipv6_literal ? "[" + u.host + "]" : u.host) + ":" + std::to_string(u.port);
}

// smtp:// and smtps:// share the authority syntax of http; only the default ports differ.
std::optional<std::string> smtp_endpoint(std::string_view text) {
    const bool tls = text.starts_with("smtps://");
    if (!tls && !text.starts_with("smtp://"))
        return std::nullopt;
    const std::string as_http = "http" + std::string(text.substr(text.find(':')));
    auto u = http::parse_url(as_http);
    if (!u)
        return std::nullopt;
    if (u->port == 80)
        u->port = tls ? 465 : 25;
    return endpoint_of(*u);
}

void add(std::vector<std::string>& out, const std::string& text) {
    if (text.empty())
        return;
    if (const auto u = http::parse_url(text))
        out.push_back(endpoint_of(*u));
    else if (auto smtp = smtp_endpoint(text))
        out.push_back(std::move(*smtp));
}

} // namespace

std::vector<std::string> trusted_endpoints(const config& cfg) {
    std::vector<std::string> out;
    for (const site_config& site : cfg.sites)
        add(out, site.url);
    for (const account_config& account : cfg.accounts) {
        add(out, account.feed);
        add(out, account.url);
    }
    add(out, cfg.bridges.rsshub);
    for (const auto& [name, platform] : cfg.platforms)
        add(out, platform.api);
    add(out, cfg.alerts.smtp_url);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace govmon
