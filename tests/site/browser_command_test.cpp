#include "probes/site/browser_command.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace govmon;
namespace fs = std::filesystem;

namespace {

bool has(const std::vector<std::string>& args, const std::string& arg) {
    return std::find(args.begin(), args.end(), arg) != args.end();
}

browser_launch launch_for_test() {
    browser_launch l;
    l.browser = "/usr/bin/chromium";
    l.user_agent = "govmon/1.0 (+https://example.gov.cn/govmon)";
    l.user_data_dir = "/tmp/govmon-render-abc";
    l.virtual_time_budget = std::chrono::milliseconds{10000};
    return l;
}

// A folder with an executable `name` (and a plain file `not-executable`), removed after.
struct bin_folder {
    fs::path path;
    explicit bin_folder(const std::string& name) {
        char pattern[] = "/tmp/govmon-browser-test-XXXXXX";
        path = ::mkdtemp(pattern);
        std::ofstream(path / name) << "#!/bin/sh\n";
        fs::permissions(path / name, fs::perms::owner_all);
        std::ofstream(path / "not-executable") << "text\n";
    }
    ~bin_folder() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("http.resolve becomes host resolver rules that keep the port the page asked for") {
    const std::map<std::string, std::vector<std::string>> resolve{
        {"www.site.gov.cn", {"127.0.0.1", "10.0.0.2"}},
        {"api.site.gov.cn:8443", {"::1"}},
        {"empty.gov.cn", {}},
    };
    CHECK(host_resolver_rules(resolve) ==
          "MAP api.site.gov.cn:8443 [::1], MAP www.site.gov.cn 127.0.0.1");
    CHECK(host_resolver_rules({}).empty());
}

TEST_CASE("the browser's arguments carry the user agent, the resolve rules and the budget") {
    browser_launch l = launch_for_test();
    l.resolve["www.site.gov.cn"] = {"127.0.0.1"};
    const auto args = browser_arguments(l, "http://www.site.gov.cn/index.html");
    REQUIRE(args.size() > 4);
    CHECK(args.front() == "/usr/bin/chromium");
    CHECK(args.back() == "http://www.site.gov.cn/index.html");
    CHECK(args[args.size() - 2] == "--dump-dom");
    CHECK(has(args, "--headless"));
    CHECK(has(args, "--user-agent=govmon/1.0 (+https://example.gov.cn/govmon)"));
    CHECK(has(args, "--host-resolver-rules=MAP www.site.gov.cn 127.0.0.1"));
    CHECK(has(args, "--virtual-time-budget=10000"));
    CHECK(has(args, "--user-data-dir=/tmp/govmon-render-abc"));
    CHECK(has(args, "--no-first-run"));
    CHECK(has(args, "--disable-extensions"));
    CHECK(has(args, "--disable-background-networking"));
    CHECK(has(args, "--dns-prefetch-disable"));
    CHECK(has(args, "--js-flags=--jitless"));
    CHECK_FALSE(has(args, "--no-sandbox"));
}

TEST_CASE("without a possible sandbox it is off (Chromium refuses to start otherwise)") {
    browser_launch l = launch_for_test();
    l.no_sandbox = true;
    CHECK(has(browser_arguments(l, "http://a.gov.cn/"), "--no-sandbox"));
    if (::geteuid() == 0)
        CHECK_FALSE(chromium_sandbox_possible());
}

TEST_CASE("no resolve rules and no user agent: neither flag is written") {
    browser_launch l = launch_for_test();
    l.user_agent.clear();
    const auto args = browser_arguments(l, "http://a.gov.cn/");
    CHECK(std::none_of(args.begin(), args.end(), [](const std::string& a) {
        return a.rfind("--host-resolver-rules", 0) == 0 || a.rfind("--user-agent", 0) == 0;
    }));
}

TEST_CASE("the browser is chromium, then chromium-browser, on the search path") {
    const bin_folder first("chromium-browser");
    const bin_folder second("chromium");
    const std::string path = first.path.string() + ":" + second.path.string();
    CHECK(find_browser("", path) == (second.path / "chromium").string());
    CHECK(find_browser("", first.path.string()) == (first.path / "chromium-browser").string());
    CHECK(find_browser("", "/nonexistent:" + std::string(":")).empty());
}

TEST_CASE("a configured browser is a path that must be executable, or a name on the path") {
    const bin_folder bin("my-chrome");
    CHECK(find_browser((bin.path / "my-chrome").string(), "") == (bin.path / "my-chrome").string());
    CHECK(find_browser((bin.path / "not-executable").string(), "").empty());
    CHECK(find_browser((bin.path / "missing").string(), bin.path.string()).empty());
    CHECK(find_browser("my-chrome", bin.path.string()) == (bin.path / "my-chrome").string());
    CHECK(find_browser("not-executable", bin.path.string()).empty());
    CHECK(find_browser("my-chrome", "").empty());
}
