#include "probes/site/page_renderer.hpp"

#include "probes/site/browser_command.hpp"
#include "probes/site/child_process.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>

namespace govmon {
namespace {

// The key of host_gate's single queue: every render waits in the same one.
constexpr const char* browser_slot = "browser";

std::string duration_text(std::chrono::milliseconds d) {
    if (d.count() % 1000 == 0)
        return std::to_string(d.count() / 1000) + "s";
    return std::to_string(d.count()) + "ms";
}

// A profile of its own per render, removed afterwards: cookies, caches and service workers of
// one site never reach the next render.
std::optional<std::string> make_profile_folder(std::string& error) {
    std::error_code ec;
    const auto base = std::filesystem::temp_directory_path(ec);
    std::string pattern = (ec ? std::filesystem::path("/tmp") : base) / "govmon-render-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        error = "cannot create a browser profile in " + pattern + ": " + std::strerror(errno);
        return std::nullopt;
    }
    return pattern;
}

// The last line of the browser's complaints that says something, for the failure's detail.
std::string last_line(const std::string& text) {
    std::size_t end = text.size();
    while (end > 0) {
        const std::size_t start = text.rfind('\n', end - 1);
        const std::size_t from = start == std::string::npos ? 0 : start + 1;
        if (text.find_first_not_of(" \t\r", from) < end)
            return text.substr(from, end - from);
        if (start == std::string::npos)
            break;
        end = start;
    }
    return {};
}

rendered_page page_of(child_outcome run, std::chrono::milliseconds timeout,
                      std::uint64_t max_body) {
    rendered_page page;
    switch (run.end) {
    case child_end::timed_out:
        page.result = render_result::timeout;
        page.detail = "timed out after " + duration_text(timeout);
        return page;
    case child_end::too_large:
        page.detail = "failed, rendered page larger than " + std::to_string(max_body) + " bytes";
        return page;
    case child_end::not_started:
        page.detail = "failed to start, " + run.detail;
        return page;
    case child_end::exited:
        break;
    }
    if (run.exit_status != 0 || run.output.empty()) {
        page.detail = "failed, exit status " + std::to_string(run.exit_status);
        if (const std::string complaint = last_line(run.error_tail); !complaint.empty())
            page.detail += ": " + complaint;
        return page;
    }
    page.result = render_result::ok;
    page.html = std::move(run.output);
    return page;
}

} // namespace

std::string_view result_name(render_result result) noexcept {
    switch (result) {
    case render_result::ok:
        return "ok";
    case render_result::timeout:
        return "timeout";
    case render_result::failed:
        return "failed";
    case render_result::unavailable:
        return "unavailable";
    case render_result::disabled:
        return "disabled";
    }
    return "failed";
}

page_renderer::page_renderer(render_options options)
    : options_(std::move(options)),
      slots_(std::max(1, options_.concurrency), std::chrono::milliseconds::zero()) {}

asio::awaitable<rendered_page> page_renderer::render(std::string url) {
    if (options_.mode == render_mode::never)
        co_return rendered_page{render_result::disabled, {}, "off (crawl.render: never)", {}};
    rendered_page page;
    if (options_.browser.empty()) {
        page = {render_result::unavailable, {}, "not installed", {}};
    } else {
        http::host_gate::permit slot = co_await slots_.acquire(browser_slot);
        page = co_await run_browser(url);
    }
    if (options_.on_render)
        options_.on_render(result_name(page.result));
    co_return page;
}

asio::awaitable<rendered_page> page_renderer::run_browser(const std::string& url) {
    std::string error;
    const std::optional<std::string> profile = make_profile_folder(error);
    if (!profile)
        co_return rendered_page{render_result::failed, {}, "failed, " + error, {}};
    browser_launch launch;
    launch.browser = options_.browser;
    launch.user_agent = options_.user_agent;
    launch.resolve = options_.resolve;
    // Half the budget for the page's scripts; the rest is the browser's start and the network
    // waits, which virtual time does not count.
    launch.virtual_time_budget = options_.timeout / 2;
    launch.user_data_dir = *profile;
    launch.no_sandbox = !chromium_sandbox_possible();
    const auto started = std::chrono::steady_clock::now();
    child_outcome run =
        co_await run_child(browser_arguments(launch, url), {options_.timeout, options_.max_body});
    rendered_page page = page_of(std::move(run), options_.timeout, options_.max_body);
    page.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    std::error_code ignored;
    std::filesystem::remove_all(*profile, ignored);
    co_return page;
}

std::string render_attempt(const rendered_page& page, std::size_t dated_items) {
    std::string text = "browser render: ";
    if (page.result != render_result::ok)
        return text + page.detail;
    if (dated_items == 0)
        return text + "no dated item";
    return text + std::to_string(dated_items) + (dated_items == 1 ? " dated item" : " dated items");
}

} // namespace govmon
