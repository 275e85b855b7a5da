#pragma once

#include "probes/http/url.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

// What to do with one response, decided without I/O.
struct redirect_decision {
    enum class action { done, follow, fail };
    action next = action::done;
    url target;             // follow: where to go
    std::string method;     // follow: the method for the next hop (303 turns into GET)
    bool downgrade = false; // follow: https -> http
    std::string error;      // fail: "too many redirects", "redirect loop", ...
};

bool is_redirect_status(int status) noexcept;

// `visited` holds every URL of the chain so far (str() form), the current one included;
// `redirects_done` is how many hops were already followed.
redirect_decision decide_redirect(const url& current, std::string_view method, int status,
                                  std::optional<std::string_view> location,
                                  const std::vector<std::string>& visited, int redirects_done,
                                  int max_redirects);

} // namespace govmon::http
