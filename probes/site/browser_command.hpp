#pragma once

// How govmon starts a headless browser to read a page whose lists a script fills: the command
// line only (no process, no network), so that every flag can be tested.

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

struct browser_launch {
    std::string browser; // the executable
    std::string user_agent;
    // http.resolve: "host" or "host:port" -> addresses; the browser reaches the same addresses
    // as govmon's own client does.
    std::map<std::string, std::vector<std::string>> resolve;
    // Time the page's scripts may run before the DOM is dumped; the browser does not count
    // time spent waiting for the network, so XHR-filled lists arrive within it.
    std::chrono::milliseconds virtual_time_budget{10000};
    std::string user_data_dir; // a throwaway profile: no state is shared between renders
    // Chromium's own sandbox cannot start: as root it refuses to, and where user namespaces are
    // refused (govmon.service's RestrictNamespaces=yes) its namespace sandbox fails. The browser
    // then runs inside govmon's own confinement (the unit's sandbox) with --no-sandbox.
    bool no_sandbox = false;
};

// Whether Chromium's namespace sandbox can start in this process: not as root, and only where
// a child may create a user namespace. Asked once per process (a fork that only calls unshare).
bool chromium_sandbox_possible();

// Chromium's --host-resolver-rules value for `resolve` ("MAP host[:port] address, ..."): the
// first address of each entry, IPv6 in brackets; empty when nothing is pinned.
std::string host_resolver_rules(const std::map<std::string, std::vector<std::string>>& resolve);

// argv of a headless Chromium that loads `url` and prints its rendered DOM on stdout.
std::vector<std::string> browser_arguments(const browser_launch& launch, const std::string& url);

// The browser to use: `configured` (a path, or a name looked up on `search_path`), or with
// nothing configured `chromium`, then `chromium-browser` on `search_path` (a PATH value).
// Empty when none is an executable file.
std::string find_browser(std::string_view configured, std::string_view search_path);

} // namespace govmon
