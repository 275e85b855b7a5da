#include "daemon/store/probe_detail_json.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

availability_detail full_availability_detail() {
    availability_detail d;
    d.error_detail = "hostname mismatch";
    d.final_url = "https://www.hubei.gov.cn/index.html";
    d.redirects = {"https://www.hubei.gov.cn/"};
    d.cert_not_after = 1800000000;
    d.attempts = 2;
    d.phases_ms = {{"dns", 1.25},          {"connect", 2.5},  {"tls", 3.0},
                   {"first_byte", 40.125}, {"transfer", 5.0}, {"total", 51.875}};
    d.ipv6 = {true, false, "timeout"};
    return d;
}

} // namespace

TEST_CASE("an availability detail is written as the contract's JSON, keys in order") {
    CHECK(detail_json(full_availability_detail()) ==
          R"({"attempts":2,"cert_not_after":1800000000,"error_detail":"hostname mismatch",)"
          R"("final_url":"https://www.hubei.gov.cn/index.html",)"
          R"("ipv6":{"aaaa":true,"detail":"timeout","reachable":false},)"
          R"("phases_ms":{"connect":2.5,"dns":1.25,"first_byte":40.125,"tls":3.0,)"
          R"("total":51.875,"transfer":5.0},"redirects":["https://www.hubei.gov.cn/"]})");
    CHECK(detail_json(availability_detail{}) ==
          R"({"attempts":0,"ipv6":{"aaaa":null,"reachable":null},"phases_ms":{}})");
}

TEST_CASE("an availability detail reads back as it was written") {
    const availability_detail d = full_availability_detail();
    const availability_detail back = availability_detail_of(detail_json(d));
    CHECK(back.error_detail == d.error_detail);
    CHECK(back.final_url == d.final_url);
    CHECK(back.redirects == d.redirects);
    CHECK(back.cert_not_after == d.cert_not_after);
    CHECK(back.attempts == d.attempts);
    CHECK(back.ipv6.has_aaaa == d.ipv6.has_aaaa);
    CHECK(back.ipv6.reachable == d.ipv6.reachable);
    CHECK(back.ipv6.detail == d.ipv6.detail);
    CHECK(back.phases_ms.size() == d.phases_ms.size());
    CHECK(detail_json(back) == detail_json(d));
}

TEST_CASE("a detail that is not JSON, or lacks fields, reads as empty, never a crash") {
    for (const char* text : {"not json {", "", "[1,2]", R"({"ipv6":7,"cert_not_after":"soon"})"}) {
        CAPTURE(text);
        const availability_detail d = availability_detail_of(text);
        CHECK(d.error_detail.empty());
        CHECK_FALSE(d.cert_not_after);
        CHECK_FALSE(d.ipv6.has_aaaa);
        CHECK_FALSE(d.ipv6.reachable);
        const account_detail a = account_detail_of(text);
        CHECK_FALSE(a.outcome);
        CHECK(a.why.empty());
    }
    CHECK_FALSE(availability_detail_of(R"({"ipv6":{"aaaa":null}})").ipv6.has_aaaa);
}

TEST_CASE("an account detail is written as the contract's JSON and reads back") {
    const account_detail d{account_outcome::blocked, 3, 1, "HTTP 432", {}};
    const std::string text = detail_json(d);
    CHECK(text == R"({"detail":"HTTP 432","items_dated":1,"items_seen":3,"outcome":"blocked"})");
    const account_detail back = account_detail_of(text);
    CHECK(back.outcome == account_outcome::blocked);
    CHECK(back.items_seen == 3);
    CHECK(back.items_dated == 1);
    CHECK(back.why == "HTTP 432");
    CHECK(detail_json(account_detail{account_outcome::ok_empty, 0, 0, "", {}}) ==
          R"({"items_dated":0,"items_seen":0,"outcome":"ok_empty"})");
    CHECK_FALSE(account_detail_of(R"({"outcome":"exploded"})").outcome);
}

TEST_CASE("a stored observation becomes the visit the rules read") {
    observation o;
    o.url = "https://www.hubei.gov.cn/";
    o.ok = false;
    o.http_status = 521;
    o.error = error_class::blocked;
    o.detail = R"({"attempts":1,"error_detail":"challenge page","ipv6":{"aaaa":false}})";
    const availability_visit v = availability_visit_of(o);
    CHECK(v.url == o.url);
    CHECK_FALSE(v.ok);
    CHECK(v.http_status == 521);
    CHECK(v.error == error_class::blocked);
    CHECK(v.detail.error_detail == "challenge page");
    CHECK(v.detail.ipv6.has_aaaa == false);

    o.detail = R"({"outcome":"not_found","items_seen":0,"items_dated":0,"detail":"用户不存在"})";
    const account_visit a = account_visit_of(o);
    CHECK(a.url == o.url);
    CHECK(a.detail.outcome == account_outcome::not_found);
    CHECK(a.detail.why == "用户不存在");
}

TEST_CASE("crawl and column details are written as the contract's JSON") {
    crawl_detail crawl;
    crawl.pages = 12;
    crawl.links_checked = 340;
    crawl.broken_home = 1;
    crawl.broken_other = 2;
    crawl.blocked_links = 3;
    crawl.ad_links = 4;
    crawl.hidden_links = 5;
    crawl.columns = 6;
    CHECK(detail_json(crawl) ==
          R"({"ad_links":4,"blocked_links":3,"broken_home":1,"broken_other":2,"columns":6,)"
          R"("hidden_links":5,"links_checked":340,"pages":12})");
    crawl.home_items = 20;
    crawl.home_attempts = {"cms list: 20 dated items"};
    crawl.error_detail = "HTTP 503";
    CHECK(detail_json(crawl) ==
          R"({"ad_links":4,"blocked_links":3,"broken_home":1,"broken_other":2,"columns":6,)"
          R"("error_detail":"HTTP 503","hidden_links":5,)"
          R"("home_attempts":["cms list: 20 dated items"],"home_items":20,)"
          R"("links_checked":340,"pages":12})");

    column_detail column{"政务公开", "news", 15, 2, true, false, {}};
    CHECK(detail_json(column) == R"({"blank":false,"category":"news","html":true,"items":15,)"
                                 R"("name":"政务公开","undated_items":2})");
    column.attempts = {"rendered page: 15 dated items"};
    CHECK(detail_json(column).find(R"("attempts":["rendered page: 15 dated items"])") !=
          std::string::npos);
}
