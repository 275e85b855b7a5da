#include "../http/run_coro.hpp"
#include "../support/installed_browser.hpp"
#include "../support/loopback_server.hpp"
#include "probes/site/page_renderer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

// The shape of a column page whose list a script fetches from a JSON endpoint (the XHR lists of
// county portals built on Vue/jQuery templates), written for these tests.
const char* xhr_page = R"(<html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<ul id="list"></ul>
<script>
var x = new XMLHttpRequest();
x.open('GET', '/api/list.json');
x.onload = function () {
  JSON.parse(x.responseText).forEach(function (it) {
    var li = document.createElement('li');
    li.innerHTML = '<a href="' + it.url + '">' + it.title + '</a><span>' + it.date + '</span>';
    document.getElementById('list').appendChild(li);
  });
};
x.send();
</script></body></html>)";

loopback_reply typed(std::string type, std::string body) {
    loopback_reply r;
    r.headers.emplace_back("Content-Type", std::move(type));
    r.body = std::move(body);
    return r;
}

std::string header_of(const loopback_request& req, const std::string& name) {
    for (const auto& [key, value] : req.headers) {
        std::string lower = key;
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        if (lower == name)
            return value;
    }
    return {};
}

render_options options_with(std::string browser, std::uint16_t port) {
    render_options o;
    o.browser = std::move(browser);
    o.timeout = 20s;
    o.user_agent = "govmon-render-test/1.0";
    o.resolve["www.render.gov.cn"] = {"127.0.0.1"};
    (void)port;
    return o;
}

rendered_page render(page_renderer& renderer, const std::string& url) {
    asio::io_context ioc;
    return run_coro(ioc, renderer.render(url), 60s);
}

// A stand-in browser: a script that logs when it starts and ends, for the cap on browsers.
struct fake_browser {
    std::filesystem::path folder;
    std::filesystem::path program;
    std::filesystem::path log;
    fake_browser() {
        char pattern[] = "/tmp/govmon-fake-browser-XXXXXX";
        folder = ::mkdtemp(pattern);
        program = folder / "browser";
        log = folder / "log";
        std::ofstream(program) << "#!/bin/sh\necho start >> '" << log.string()
                               << "'\nsleep 0.3\necho end >> '" << log.string()
                               << "'\necho '<html><body></body></html>'\n";
        std::filesystem::permissions(program, std::filesystem::perms::owner_all);
    }
    ~fake_browser() { std::filesystem::remove_all(folder); }
    std::string entries() const {
        std::ifstream in(log);
        std::string all, line;
        while (std::getline(in, line))
            all += line + " ";
        return all;
    }
};

} // namespace

TEST_CASE("a list filled by an XHR is in the rendered DOM; the page is reached through "
          "http.resolve with the configured user agent") {
    const std::string tmp = private_tmpdir();
    loopback_server site;
    site.on("/index.html",
            [](const loopback_request&) { return typed("text/html; charset=utf-8", xhr_page); });
    site.on("/api/list.json", [](const loopback_request&) {
        return typed("application/json",
                     R"([{"url":"/art/1.html","title":"关于做好冬季安全生产工作的通知",)"
                     R"("date":"2026-12-02"}])");
    });
    std::vector<std::string> results;
    render_options o = options_with(installed_browser(), site.port());
    o.on_render = [&results](std::string_view r) { results.emplace_back(r); };
    page_renderer renderer(o);

    const rendered_page page =
        render(renderer, "http://www.render.gov.cn:" + std::to_string(site.port()) + "/index.html");
    CHECK(page.result == render_result::ok);
    CHECK(page.html.find("关于做好冬季安全生产工作的通知</a><span>2026-12-02</span>") !=
          std::string::npos);
    CHECK(results == std::vector<std::string>{"ok"});
    bool api_seen = false;
    site.wait_recorded(); // a request is recorded after its reply is written
    for (const loopback_request& req : site.seen()) {
        CHECK(header_of(req, "user-agent") == "govmon-render-test/1.0");
        CHECK(header_of(req, "host").rfind("www.render.gov.cn:", 0) == 0);
        api_seen = api_seen || req.target == "/api/list.json";
    }
    CHECK(api_seen);
    CHECK(render_attempt(page, 1) == "browser render: 1 dated item");
    CHECK(no_process_mentions(tmp));
    CHECK(std::filesystem::is_empty(tmp)); // the throwaway profile is gone
    std::filesystem::remove_all(tmp);
}

TEST_CASE("the browser renders under MemoryDenyWriteExecute, as govmon.service runs it") {
    const std::string tmp = private_tmpdir();
    // The kernel's per-process form of systemd's MemoryDenyWriteExecute (PR_SET_MDWE, Linux
    // 6.3), set by a wrapper before it becomes the browser.
    const std::string wrapper = tmp + "/mdwe-browser";
    std::ofstream(wrapper) << "#!/usr/bin/python3\n"
                              "import ctypes, os, sys\n"
                              "if ctypes.CDLL(None).prctl(65, 1, 0, 0, 0) != 0:\n"
                              "    sys.exit(3)\n"
                              "os.execv('"
                           << installed_browser() << "', sys.argv)\n";
    std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
    loopback_server site;
    site.on("/index.html",
            [](const loopback_request&) { return typed("text/html; charset=utf-8", xhr_page); });
    site.on("/api/list.json", [](const loopback_request&) {
        return typed("application/json", R"([{"url":"/1.html","title":"政务公开工作要点的通知",)"
                                         R"("date":"2026-12-03"}])");
    });
    render_options o = options_with(wrapper, site.port());
    page_renderer renderer(o);
    const rendered_page page =
        render(renderer, "http://www.render.gov.cn:" + std::to_string(site.port()) + "/index.html");
    if (page.detail == "failed, exit status 3") {
        WARN_MESSAGE(false, "this kernel has no PR_SET_MDWE: not checked");
    } else {
        CHECK(page.result == render_result::ok);
        CHECK(page.html.find("<span>2026-12-03</span>") != std::string::npos);
    }
    CHECK(no_process_mentions(tmp));
    std::filesystem::remove_all(tmp);
}

TEST_CASE("a render past its time budget kills the browser and every process it started") {
    const std::string tmp = private_tmpdir();
    loopback_server site;
    site.on("/index.html",
            [](const loopback_request&) { return typed("text/html; charset=utf-8", xhr_page); });
    site.on("/api/list.json", [](const loopback_request&) {
        loopback_reply r;
        r.hang = true;
        return r;
    });
    std::vector<std::string> results;
    render_options o = options_with(installed_browser(), site.port());
    o.timeout = 3s;
    o.on_render = [&results](std::string_view r) { results.emplace_back(r); };
    page_renderer renderer(o);

    const rendered_page page =
        render(renderer, "http://www.render.gov.cn:" + std::to_string(site.port()) + "/index.html");
    CHECK(page.result == render_result::timeout);
    CHECK(render_attempt(page, 0) == "browser render: timed out after 3s");
    CHECK(results == std::vector<std::string>{"timeout"});
    CHECK(no_process_mentions(tmp));
    site.stop();
    std::filesystem::remove_all(tmp);
}

TEST_CASE("without a browser a render is unavailable and counted; with never nothing runs") {
    std::vector<std::string> results;
    render_options o;
    o.on_render = [&results](std::string_view r) { results.emplace_back(r); };
    page_renderer missing(o);
    const rendered_page none = render(missing, "http://www.render.gov.cn/");
    CHECK(none.result == render_result::unavailable);
    CHECK(render_attempt(none, 0) == "browser render: not installed");
    CHECK(results == std::vector<std::string>{"unavailable"});

    const fake_browser fake;
    o.browser = fake.program.string();
    o.mode = render_mode::never;
    page_renderer off(o);
    const rendered_page skipped = render(off, "http://www.render.gov.cn/");
    CHECK(skipped.result == render_result::disabled);
    CHECK(render_attempt(skipped, 0) == "browser render: off (crawl.render: never)");
    CHECK(results.size() == 1);
    CHECK_FALSE(std::filesystem::exists(fake.log));
}

TEST_CASE("a browser that fails says how, and renders wait for a free browser") {
    const fake_browser fake;
    render_options o;
    o.browser = fake.program.string();
    o.concurrency = 1;
    page_renderer renderer(o);
    asio::io_context ioc;
    std::vector<asio::awaitable<rendered_page>> renders;
    for (int i = 0; i < 3; ++i)
        renders.push_back(renderer.render("http://www.render.gov.cn/"));
    const auto pages = run_all(ioc, std::move(renders));
    for (const rendered_page& page : pages)
        CHECK(page.result == render_result::ok);
    CHECK(fake.entries() == "start end start end start end ");

    render_options failing;
    failing.browser = "/bin/false";
    page_renderer broken(failing);
    const rendered_page page = render(broken, "http://www.render.gov.cn/");
    CHECK(page.result == render_result::failed);
    CHECK(render_attempt(page, 0) == "browser render: failed, exit status 1");
}
