#pragma once

// A headless browser for pages whose lists a script fills (XHR to a JSON endpoint,
// document.write): the page is loaded as a reader's browser loads it and its DOM handed back
// as HTML, for the same item reader as the page's own source. Shared by every crawl of the
// daemon, so that the cap on browsers at once holds across sites.

#include "probes/http/host_gate.hpp"
#include "probes/http/net.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

enum class render_mode {
    automatic, // when a browser is installed
    always,    // a browser is required (the config loader refuses one without)
    never,
};

struct render_options {
    render_mode mode = render_mode::automatic;
    std::string browser; // the executable (find_browser); empty: none installed
    std::chrono::milliseconds timeout{20000}; // per page; the browser is killed when it passes
    int concurrency = 2;                      // browsers at once
    std::string user_agent;
    std::map<std::string, std::vector<std::string>> resolve; // http.resolve
    std::uint64_t max_body = 8ull << 20;                     // of the rendered DOM
    // Called once per render asked for, except with mode never: ok, timeout, failed,
    // unavailable.
    std::function<void(std::string_view result)> on_render;
};

enum class render_result { ok, timeout, failed, unavailable, disabled };

std::string_view result_name(render_result result) noexcept;

struct rendered_page {
    render_result result = render_result::failed;
    std::string html; // the rendered DOM, UTF-8 (ok only)
    std::string detail;
    std::chrono::milliseconds elapsed{0}; // from the start of the browser, waits excluded
};

class page_renderer {
public:
    explicit page_renderer(render_options options);
    page_renderer(const page_renderer&) = delete;
    page_renderer& operator=(const page_renderer&) = delete;

    // Waits for a free browser slot, then renders `url`. Never throws for what the page or the
    // browser does.
    asio::awaitable<rendered_page> render(std::string url);

    const render_options& options() const { return options_; }

private:
    asio::awaitable<rendered_page> run_browser(const std::string& url);

    render_options options_;
    http::host_gate slots_;
};

// The line a page reading lists among its attempts: "browser render: 3 dated items",
// "browser render: timed out after 20s", "browser render: not installed".
std::string render_attempt(const rendered_page& page, std::size_t dated_items);

} // namespace govmon
