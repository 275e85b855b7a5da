#include "probes/http/redirect_policy.hpp"

#include <algorithm>

namespace govmon::http {

bool is_redirect_status(int status) noexcept {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

redirect_decision decide_redirect(const url& current, std::string_view method, int status,
                                  std::optional<std::string_view> location,
                                  const std::vector<std::string>& visited, int redirects_done,
                                  int max_redirects) {
    redirect_decision d;
    if (!is_redirect_status(status))
        return d;
    d.next = redirect_decision::action::fail;
    if (!location || location->empty()) {
        d.error = "HTTP " + std::to_string(status) + " without Location";
        return d;
    }
    auto target = resolve_url(current, *location);
    if (!target) {
        d.error = "bad redirect location: " + std::string{location->substr(0, 200)};
        return d;
    }
    auto next = target->str();
    if (std::find(visited.begin(), visited.end(), next) != visited.end()) {
        d.error = "redirect loop";
        return d;
    }
    if (redirects_done >= max_redirects) {
        d.error = "too many redirects";
        return d;
    }
    d.next = redirect_decision::action::follow;
    d.target = std::move(*target);
    // RFC 9110 §15.4.4: 303 means "GET the other resource"; HEAD stays HEAD.
    d.method = status == 303 && method != "HEAD" ? "GET" : std::string{method};
    d.downgrade = current.scheme == "https" && d.target.scheme == "http";
    return d;
}

} // namespace govmon::http
