#include "probes/http/redirect_policy.hpp"

#include <doctest/doctest.h>

using namespace govmon::http;
using action = redirect_decision::action;

TEST_CASE("redirect policy: follows the five redirect codes, resolves against the current URL") {
    auto cur = *parse_url("http://a.example/x/y");
    std::vector<std::string> visited{cur.str()};
    for (int status : {301, 302, 303, 307, 308}) {
        auto d = decide_redirect(cur, "GET", status, "../z", visited, 0, 10);
        CHECK(d.next == action::follow);
        CHECK(d.target.str() == "http://a.example/z");
        CHECK(d.method == "GET");
    }
    CHECK(decide_redirect(cur, "GET", 200, "/z", visited, 0, 10).next == action::done);
    CHECK(decide_redirect(cur, "GET", 304, "/z", visited, 0, 10).next == action::done);
    CHECK(decide_redirect(cur, "GET", 404, std::nullopt, visited, 0, 10).next == action::done);
}

TEST_CASE("redirect policy: 303 turns into GET, 307 keeps the method, HEAD stays HEAD") {
    auto cur = *parse_url("http://a.example/");
    std::vector<std::string> visited{cur.str()};
    CHECK(decide_redirect(cur, "POST", 303, "/n", visited, 0, 5).method == "GET");
    CHECK(decide_redirect(cur, "POST", 307, "/n", visited, 0, 5).method == "POST");
    CHECK(decide_redirect(cur, "HEAD", 303, "/n", visited, 0, 5).method == "HEAD");
}

TEST_CASE("redirect policy: cap, loop, missing or bad Location, downgrade") {
    auto cur = *parse_url("https://a.example/1");
    std::vector<std::string> visited{"https://a.example/0", cur.str()};

    auto capped = decide_redirect(cur, "GET", 302, "/2", visited, 3, 3);
    CHECK(capped.next == action::fail);
    CHECK(capped.error == "too many redirects");

    auto loop = decide_redirect(cur, "GET", 302, "/0", visited, 1, 10);
    CHECK(loop.next == action::fail);
    CHECK(loop.error == "redirect loop");

    auto self = decide_redirect(cur, "GET", 301, "https://A.example/1#x", visited, 1, 10);
    CHECK(self.error == "redirect loop");

    auto missing = decide_redirect(cur, "GET", 301, std::nullopt, visited, 1, 10);
    CHECK(missing.next == action::fail);
    CHECK(missing.error.find("without Location") != std::string::npos);

    auto bad = decide_redirect(cur, "GET", 301, "javascript:alert(1)", visited, 1, 10);
    CHECK(bad.next == action::fail);
    CHECK(bad.error.find("bad redirect location") == 0);

    auto down = decide_redirect(cur, "GET", 301, "http://a.example/1", visited, 1, 10);
    CHECK(down.next == action::follow);
    CHECK(down.downgrade);
    CHECK_FALSE(decide_redirect(cur, "GET", 301, "/3", visited, 1, 10).downgrade);
}
