#include "probes/site/soft_404.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace govmon;

TEST_CASE("soft 404: error pages say so in their title or in a short text") {
    CHECK(says_not_found("404 页面不存在", "返回首页"));
    CHECK(says_not_found("湖北省人民政府", "对不起，您访问的页面不存在或已被删除。返回首页"));
    CHECK(says_not_found("Not Found", ""));
    CHECK_FALSE(says_not_found("湖北省人民政府", "要闻动态 2026-11-02 省政府常务会议"));
    const std::string article(3000, 'x');
    CHECK_FALSE(says_not_found("关于解决群众办事找不到窗口问题的通知", article + "找不到"));
    CHECK(says_not_found("提示", "信息不存在"));
    CHECK_FALSE(says_not_found("部门动态", "关于第404项工作的通知 2026-11-02"));
    CHECK_FALSE(says_not_found("第404号文章", "正文"));
    CHECK_FALSE(says_not_found("第1404号文章", "正文"));
    CHECK(says_not_found("Error 404", "正文"));
    CHECK(says_not_found("404", ""));
}

TEST_CASE("soft 404: only the text of a page, not its title, says so whatever it lists") {
    CHECK(text_says_not_found("对不起，您访问的页面不存在"));
    CHECK_FALSE(text_says_not_found("第1期专题工作动态信息 2026-11-02"));
    CHECK(says_not_found("页面 404", "第1期专题工作动态信息 2026-11-02"));
    CHECK_FALSE(text_says_not_found(""));
}

TEST_CASE("soft 404: the site's own not-found page is recognised whatever its counters say") {
    const auto site_404 =
        signature_of("提示信息", "该信息已过期或不存在 2026-11-23 10:01 访问量 123");
    CHECK(looks_like(signature_of("提示信息", "该信息已过期或不存在 2026-11-23 10:05 访问量 124"),
                     site_404));
    CHECK_FALSE(looks_like(signature_of("提示信息", "省政府常务会议召开 2026-11-23"), site_404));
    // The same template with different content is another page.
    CHECK_FALSE(looks_like(
        signature_of("提示信息", "该信息已过期或不存在 2026-11-23 访问量 123 正文"), site_404));
    CHECK_FALSE(looks_like(signature_of("要闻", "该信息已过期或不存在 2026-11-23 10:01 访问量 123"),
                           site_404));
    CHECK_FALSE(looks_like(signature_of("提示信息", "x"), page_signature{}));
}
