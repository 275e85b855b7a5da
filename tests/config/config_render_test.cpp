#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

using namespace govmon;
using namespace std::chrono_literals;

namespace {

config_load_result load_text(const test::temp_dir& dir, std::string_view yaml) {
    return load_config(dir.write("govmon.yaml", yaml));
}

std::string executable(const test::temp_dir& dir, const std::string& name) {
    const std::string path = dir.write(name, "#!/bin/sh\n");
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
}

// PATH set to `value` for the scope: what the loader finds installed.
struct path_override {
    std::string saved;
    explicit path_override(const std::string& value) {
        const char* old = std::getenv("PATH");
        saved = old ? old : "";
        ::setenv("PATH", value.c_str(), 1);
    }
    ~path_override() { ::setenv("PATH", saved.c_str(), 1); }
};

} // namespace

TEST_CASE("the render keys default to auto, 20 s a page, two browsers, chromium on PATH") {
    test::temp_dir dir;
    const auto result = load_text(dir, "crawl: {max_pages: 10}\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    CHECK(result.cfg.crawl.render == "auto");
    CHECK(result.cfg.crawl.render_timeout == 20s);
    CHECK(result.cfg.crawl.render_concurrency == 2);
    CHECK(result.cfg.crawl.browser.empty());
}

TEST_CASE("render keys are read; a relative browser path is next to the config") {
    test::temp_dir dir;
    executable(dir, "bin/chrome");
    const auto result = load_text(dir, "crawl:\n"
                                       "  render: always\n"
                                       "  render_timeout: 45s\n"
                                       "  render_concurrency: 4\n"
                                       "  browser: bin/chrome\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    CHECK(result.cfg.crawl.render == "always");
    CHECK(result.cfg.crawl.render_timeout == 45s);
    CHECK(result.cfg.crawl.render_concurrency == 4);
    CHECK(result.cfg.crawl.browser == (dir.path() / "bin/chrome").string());
}

TEST_CASE("bad render values and a browser that is not there are errors on their lines") {
    test::temp_dir dir;
    dir.write("plain-file", "text\n");
    const auto result = load_text(dir, "crawl:\n"
                                       "  render: sometimes\n"     // 2
                                       "  render_timeout: 0s\n"    // 3
                                       "  render_concurrency: 0\n" // 4
                                       "  browser: ./plain-file\n" // 5
                                       "sites:\n"
                                       "  - {id: s1, name: One, url: 'https://www.a.gov.cn/'}\n");
    INFO(test::all_errors(result));
    CHECK(
        test::has_error(result, 2, "unknown render mode 'sometimes' (one of auto, always, never)"));
    CHECK(test::has_error(result, 3, "crawl.render_timeout"));
    CHECK(test::has_error(result, 4, "crawl.render_concurrency: must be at least 1"));
    CHECK(test::has_error(result, 5, "'./plain-file' is not an executable file"));

    const auto by_name = load_text(dir, "crawl: {browser: no-such-browser-anywhere}\n");
    CHECK(test::has_error(by_name, 1, "no program 'no-such-browser-anywhere' on PATH"));
}

TEST_CASE("render always without any browser is refused; auto and never are not") {
    test::temp_dir dir;
    std::filesystem::create_directories(dir.path() / "empty-bin");
    const path_override path((dir.path() / "empty-bin").string());
    const auto always = load_text(dir, "crawl:\n  render: always\n");
    CHECK(test::has_error(always, 2, "always needs a browser"));
    CHECK(load_text(dir, "crawl: {render: auto}\n").errors.empty());
    CHECK(load_text(dir, "crawl: {render: never}\n").errors.empty());

    executable(dir, "empty-bin/chromium-browser");
    CHECK(load_text(dir, "crawl:\n  render: always\n").errors.empty());
}
