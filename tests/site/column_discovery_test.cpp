#include "probes/site/column_discovery.hpp"
#include "tests/site/page_fixture.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

TEST_CASE("column categories by name") {
    CHECK(category_of_column_name("工作动态") == "news");
    CHECK(category_of_column_name("部门动态") == "news");
    CHECK(category_of_column_name("本地要闻") == "news");
    CHECK(category_of_column_name("新闻发布会") == "news");
    CHECK(category_of_column_name("通知公告") == "notice");
    CHECK(category_of_column_name("政策文件") == "notice");
    CHECK(category_of_column_name("人事信息") == "personnel");
    CHECK(category_of_column_name("人事任免公告") == "personnel");
    CHECK(category_of_column_name("规划计划") == "personnel");
    CHECK(category_of_column_name("机构职能") == "personnel");
    CHECK(category_of_column_name("领导分工") == "personnel");
    CHECK(category_of_column_name("财政预决算") == "personnel");
    CHECK(category_of_column_name("统计数据") == "personnel");
    CHECK_FALSE(category_of_column_name("领导信箱").has_value());
    CHECK_FALSE(category_of_column_name("政策咨询").has_value());
    CHECK_FALSE(category_of_column_name("市统计局").has_value());
    CHECK_FALSE(category_of_column_name("办事服务").has_value());
    CHECK_FALSE(category_of_column_name("").has_value());
}

TEST_CASE("columns from a home page's navigation") {
    const auto doc = parse_page(R"(<html><body>
        <div class="nav"><ul>
          <li><a href="/">首页</a></li>
          <li><a href="/xwdt/"> 新闻
              动态 </a></li>
          <li><a href="/tzgg/index.html">通知公告</a></li>
          <li><a href="https://www.example.gov.cn/tzgg/index.html">通知公告</a></li>
          <li><a href="/zwgk/rsxx/">人事信息</a></li>
          <li><a href="https://other.gov.cn/zcwj/">政策文件</a></li>
          <li><a href="/ldxx/">领导信箱</a></li>
          <li><a href="javascript:;">政策文件</a></li>
        </ul></div>
        <ul class="list">
          <li><a href="/tzgg/t20261102_1.html">停电通知</a><span>2026-11-02</span></li>
          <li><a href="/tzgg/t20261101_2.html">关于做好冬季供暖工作的通知</a></li>
          <li><a href="/zcwj/content_5748955.htm">重要文件</a></li>
        </ul></body></html>)");
    const auto columns = discover_columns(doc.get(), "https://www.example.gov.cn/index.html");
    REQUIRE(columns.size() == 3);
    CHECK(columns[0].name == "新闻 动态");
    CHECK(columns[0].url == "https://www.example.gov.cn/xwdt/");
    CHECK(columns[0].category == "news");
    CHECK(columns[1].name == "通知公告");
    CHECK(columns[1].url == "https://www.example.gov.cn/tzgg/index.html");
    CHECK(columns[1].category == "notice");
    CHECK(columns[2].name == "人事信息");
    CHECK(columns[2].category == "personnel");
}

TEST_CASE("column discovery without a document or a page host") {
    CHECK(discover_columns(nullptr, "https://www.gov.cn/").empty());
    const auto doc = parse_page("<a href='/tzgg/'>通知公告</a>");
    CHECK(discover_columns(doc.get(), "").empty());
}

TEST_CASE("links to attachments are never columns") {
    const auto doc = parse_page(R"(<html><body><ul>
          <li><a href="/attach/stats.xls">统计表（XLS）</a></li>
          <li><a href="/download?id=7">人事任免（PDF）</a></li>
          <li><a href="/zwgk/ghjh/plan.DOCX">规划计划</a></li>
          <li><a href="/zwgk/tjsj/">统计数据</a></li>
        </ul></body></html>)");
    const auto columns = discover_columns(doc.get(), "https://www.example.gov.cn/");
    REQUIRE(columns.size() == 1);
    CHECK(columns[0].url == "https://www.example.gov.cn/zwgk/tjsj/");
}
