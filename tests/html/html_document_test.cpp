#include "probes/html/html_decode.hpp"
#include "probes/html/html_document.hpp"
#include "probes/html/link_extract.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>

using govmon::html::decode_html;
using govmon::html::extract_links;
using govmon::html::html_document;

namespace {

std::string text_of_first(const html_document& doc, std::string_view name) {
    for (xmlNodePtr n = doc.root(); n;) {
        if (n->type == XML_ELEMENT_NODE && reinterpret_cast<const char*>(n->name) == name) {
            xmlChar* content = xmlNodeGetContent(n);
            std::string text{reinterpret_cast<const char*>(content)};
            xmlFree(content);
            return text;
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : nullptr;
        n = n ? n->next : nullptr;
    }
    return "<none>";
}

} // namespace

TEST_CASE("html_document reads decoded text as UTF-8 whatever charset the page still declares") {
    // 通知公告 and 中文 in GBK, under a GB2312 meta.
    const std::string gbk_page = "<html><head><meta http-equiv=Content-Type "
                                 "content=\"text/html; charset=gb2312\"><title>"
                                 "\xCD\xA8\xD6\xAA\xB9\xAB\xB8\xE6</title></head>"
                                 "<body><a href=\"/a.htm\">\xD6\xD0\xCE\xC4</a></body></html>";
    const auto decoded = decode_html(gbk_page, "text/html");
    REQUIRE(decoded.charset == "gb18030");
    const html_document doc{decoded.utf8, "http://www.example.gov.cn/"};
    CHECK(text_of_first(doc, "title") == "通知公告");
    const auto links = extract_links(doc, "http://www.example.gov.cn/");
    REQUIRE(links.size() == 1);
    CHECK(links[0].text == "中文");
    CHECK(std::string{reinterpret_cast<const char*>(doc.get()->URL)} ==
          "http://www.example.gov.cn/");
}

TEST_CASE("html_document gives fragments the implied html and body, and moves") {
    html_document doc{"just <b>text</b>"};
    REQUIRE(doc.root());
    CHECK(std::string_view{reinterpret_cast<const char*>(doc.root()->name)} == "html");
    CHECK(text_of_first(doc, "body") == "just text");

    html_document moved{std::move(doc)};
    CHECK(moved.get());
    CHECK(text_of_first(moved, "b") == "text");
    html_document empty{""};
    CHECK(empty.get() == nullptr);
    CHECK(empty.root() == nullptr);
    empty = std::move(moved);
    CHECK(text_of_first(empty, "b") == "text");
}

TEST_CASE("html_document survives random bytes and unbalanced markup") {
    std::mt19937 random{7};
    std::uniform_int_distribution<int> pick{0, 9};
    const char* pieces[] = {"<a href=", "\"",       "<div>",        "</div>",   "<table><tr><td>",
                            "<!--",     "<script>", "\xE4\xB8\xAD", "&#xFFFF;", "</a>"};
    for (int round = 0; round < 50; ++round) {
        std::string html;
        for (int i = 0; i < round * 40; ++i)
            html += pieces[pick(random)];
        const html_document doc{html};
        CHECK_NOTHROW(extract_links(doc, "http://x.gov.cn/"));
    }
    // Every item leaves a <font> open: thousands of levels deep, and no link may be lost.
    std::string deep;
    for (int i = 0; i < 5000; ++i)
        deep += "<font color=red><a href=/item" + std::to_string(i) + ".htm>" + "item</a>";
    deep += "<p><a href=/last.htm>last</a>";
    const auto links = extract_links(html_document{deep}, "http://x.gov.cn/");
    REQUIRE(links.size() == 5001);
    CHECK(links.back().url == "http://x.gov.cn/last.htm");
}
