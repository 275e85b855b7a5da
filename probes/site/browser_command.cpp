#include "probes/site/browser_command.hpp"

#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace govmon {
namespace {

// Chromium names a host by hostname, or hostname:port; an IPv6 replacement needs brackets.
std::string bracketed(const std::string& address) {
    if (address.find(':') == std::string::npos || address.front() == '[')
        return address;
    return "[" + address + "]";
}

bool is_executable_file(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

std::string on_search_path(std::string_view name, std::string_view search_path) {
    std::size_t start = 0;
    while (start <= search_path.size()) {
        const std::size_t end = std::min(search_path.find(':', start), search_path.size());
        const std::string_view folder = search_path.substr(start, end - start);
        // An empty PATH entry is the current folder: a daemon must not run what happens to be
        // in its working directory.
        if (!folder.empty()) {
            const std::filesystem::path candidate = std::filesystem::path(folder) / name;
            if (is_executable_file(candidate))
                return candidate.string();
        }
        start = end + 1;
    }
    return {};
}

} // namespace

std::string host_resolver_rules(const std::map<std::string, std::vector<std::string>>& resolve) {
    std::string rules;
    for (const auto& [host, addresses] : resolve) {
        if (addresses.empty())
            continue;
        if (!rules.empty())
            rules += ", ";
        rules += "MAP " + host + " " + bracketed(addresses.front());
    }
    return rules;
}

std::vector<std::string> browser_arguments(const browser_launch& launch, const std::string& url) {
    std::vector<std::string> args{
        launch.browser,
        "--headless",
        "--disable-gpu",
        // A fresh profile would otherwise greet, sync, update, fetch extensions and predict.
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-component-extensions-with-background-pages",
        "--disable-default-apps",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-breakpad",
        "--no-pings",
        "--dns-prefetch-disable",
        "--no-proxy-server",
        "--password-store=basic",
        "--use-mock-keychain",
        "--mute-audio",
        "--hide-scrollbars",
        // No JIT: govmon.service denies writable-executable memory (MemoryDenyWriteExecute),
        // under which V8's JIT leaves the renderer hanging; list scripts are light, and a JIT is
        // the usual way into a browser.
        "--js-flags=--jitless",
        // Dates are text: images would cost the site bandwidth and the render time.
        "--blink-settings=imagesEnabled=false",
        // Containers and services often have a small /dev/shm; the browser crashes on it.
        "--disable-dev-shm-usage",
        "--user-data-dir=" + launch.user_data_dir,
    };
    if (launch.no_sandbox)
        args.emplace_back("--no-sandbox");
    if (!launch.user_agent.empty())
        args.push_back("--user-agent=" + launch.user_agent);
    if (const std::string rules = host_resolver_rules(launch.resolve); !rules.empty())
        args.push_back("--host-resolver-rules=" + rules);
    args.push_back("--virtual-time-budget=" + std::to_string(launch.virtual_time_budget.count()));
    args.emplace_back("--dump-dom");
    args.push_back(url);
    return args;
}

std::string find_browser(std::string_view configured, std::string_view search_path) {
    if (configured.find('/') != std::string_view::npos)
        return is_executable_file(std::filesystem::path(configured)) ? std::string(configured)
                                                                     : std::string{};
    if (!configured.empty())
        return on_search_path(configured, search_path);
    for (const std::string_view name : {"chromium", "chromium-browser"})
        if (std::string found = on_search_path(name, search_path); !found.empty())
            return found;
    return {};
}

bool chromium_sandbox_possible() {
    static const bool possible = [] {
        if (::geteuid() == 0)
            return false;
        const pid_t child = ::fork();
        if (child < 0)
            return false;
        if (child == 0)
            ::_exit(::unshare(CLONE_NEWUSER) == 0 ? 0 : 1);
        int status = 0;
        while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }();
    return possible;
}

} // namespace govmon
