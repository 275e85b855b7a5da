#include "probes/site/hidden_links.hpp"

#include <doctest/doctest.h>
#include <libxml/HTMLparser.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

using namespace govmon;

namespace {

constexpr std::string_view page_url = "http://www.example.gov.cn/index.html";

struct doc_free {
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};
using parsed_doc = std::unique_ptr<xmlDoc, doc_free>;

parsed_doc parse(const std::string& html) {
    return parsed_doc(htmlReadMemory(html.data(), static_cast<int>(html.size()),
                                     std::string(page_url).c_str(), "UTF-8",
                                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
}

std::vector<hidden_link> scan(const std::string& body, const std::string& head = "") {
    const parsed_doc doc = parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
                                 "</head><body>" + body + "</body></html>");
    REQUIRE(doc);
    return find_hidden_links(doc.get(), page_url);
}

std::string spam_link(std::string_view text = "spam") {
    return "<a href=\"http://spam.example.com/\">" + std::string(text) + "</a>";
}

std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(GOVMON_SOURCE_DIR "/tests/site/fixtures/") + name,
                     std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("each hiding inline style hides a link on the element or an ancestor") {
    const std::string_view styles[] = {
        "display:none",
        "DISPLAY: None !important",
        "visibility:hidden",
        "opacity:0",
        "font-size:0",
        "font-size:0px",
        "width:0;height:0;overflow:hidden",
        "height:1px;overflow:hidden",
        "line-height:0;overflow:hidden",
        "position:absolute;left:-9999px",
        "position:fixed;top:-1000px",
        "text-indent:-9999px",
    };
    for (const std::string_view style : styles) {
        CAPTURE(style);
        const auto on_ancestor = scan("<div class=\"f\" style=\"" + std::string(style) + "\"><p>" +
                                      spam_link() + "</p></div>");
        REQUIRE(on_ancestor.size() == 1);
        CHECK(on_ancestor[0].url == "http://spam.example.com/");
        CHECK(on_ancestor[0].text == "spam");
        CHECK(on_ancestor[0].reason.find(" on ancestor <div class=f>") != std::string::npos);
        const auto on_link = scan("<a href=\"https://spam.example.com/x\" style=\"" +
                                  std::string(style) + "\">spam</a>");
        REQUIRE(on_link.size() == 1);
        CHECK(on_link[0].reason.find(" on <a>") != std::string::npos);
    }
}

TEST_CASE("the same links visible are not reported") {
    const std::string_view styles[] = {
        "display:block",
        "visibility:visible",
        "opacity:0.8",
        "font-size:14px",
        "height:0",
        "width:1px;height:40px",
        "height:0.5em;overflow:hidden",
        "line-height:0",
        "position:relative;left:-10px",
        "position:absolute;left:-100px",
        "text-indent:2em",
    };
    for (const std::string_view style : styles) {
        CAPTURE(style);
        CHECK(scan("<div style=\"" + std::string(style) + "\">" + spam_link() + "</div>").empty());
    }
    CHECK(scan(spam_link()).empty());
}

TEST_CASE("the reason names what hides the link") {
    const auto found = scan("<div class=\"x\" style=\"display:none\">" + spam_link() + "</div>");
    REQUIRE(found.size() == 1);
    CHECK(found[0].reason == "display:none on ancestor <div class=x>");
    CHECK(found[0].line == 1);
}

TEST_CASE("the hidden attribute hides") {
    const auto found = scan("<div hidden>" + spam_link() + "</div>");
    REQUIRE(found.size() == 1);
    CHECK(found[0].reason == "hidden attribute on ancestor <div>");
}

TEST_CASE("style element rules hide by tag, class, id, tag.class and descendant chains") {
    const std::string head = "<style type=\"text/css\"><!--\n"
                             "/* injected */ .hide { display : none } #x{visibility:hidden}\n"
                             "span.y, .z { font-size: 0 }\n"
                             "@import url(a.css);\n"
                             "@font-face { font-family: f; src: url(f.woff) }\n"
                             "@media screen { .m { display:none } }\n"
                             ".footer .links{position:absolute;left:-9999px}\n"
                             "a[href^=http], .ok:hover { display:none }\n"
                             "legend { display:none }\n"
                             ".shown { color: red }\n"
                             "--></style>";
    const struct {
        std::string body;
        std::string_view reason; // empty: visible
    } cases[] = {
        {"<div class=\"a hide\">" + spam_link() + "</div>",
         "display:none by <style> rule .hide on ancestor <div class=a hide>"},
        {"<p id=\"x\">" + spam_link() + "</p>",
         "visibility:hidden by <style> rule #x on ancestor <p id=x>"},
        {"<span class=\"y\">" + spam_link() + "</span>",
         "font-size:0 by <style> rule span.y on ancestor <span class=y>"},
        {"<div class=\"y\">" + spam_link() + "</div>", ""},
        {"<ul class=\"z\"><li>" + spam_link() + "</li></ul>",
         "font-size:0 by <style> rule .z on ancestor <ul class=z>"},
        {"<div class=\"m\">" + spam_link() + "</div>",
         "display:none by <style> rule .m on ancestor <div class=m>"},
        {"<div class=\"footer\"><ul class=\"links\"><li>" + spam_link() + "</li></ul></div>",
         "position:absolute left:-9999px by <style> rule .footer .links on ancestor "
         "<ul class=links>"},
        {"<ul class=\"links\"><li>" + spam_link() + "</li></ul>", ""},
        {"<legend>" + spam_link() + "</legend>",
         "display:none by <style> rule legend on ancestor <legend>"},
        {"<div class=\"ok shown\">" + spam_link() + "</div>", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.body);
        const auto found = scan(c.body, head);
        if (c.reason.empty()) {
            CHECK(found.empty());
        } else {
            REQUIRE(found.size() == 1);
            CHECK(found[0].reason == c.reason);
        }
    }
}

TEST_CASE("a marquee one pixel high or wide, or scrolling too fast to read, hides") {
    const auto tiny = scan("<marquee height=\"1\" width=\"4\" scrollamount=\"3000\" "
                           "scrolldelay=\"20000\">" +
                           spam_link() + "</marquee>");
    REQUIRE(tiny.size() == 1);
    CHECK(tiny[0].reason == "height:1 <marquee> on ancestor <marquee>");
    const auto styled = scan("<marquee style=\"width:1px\">" + spam_link() + "</marquee>");
    REQUIRE(styled.size() == 1);
    CHECK(styled[0].reason == "width:1px <marquee> on ancestor <marquee>");
    const auto fast =
        scan("<marquee height=\"30\" scrollamount=\"5000\">" + spam_link() + "</marquee>");
    REQUIRE(fast.size() == 1);
    CHECK(fast[0].reason == "scrollamount 5000 <marquee> on ancestor <marquee>");
    CHECK(scan("<marquee height=\"30\" scrollamount=\"3\">" + spam_link() + "</marquee>").empty());
}

TEST_CASE("a visible link with gambling or porn text is reported") {
    const auto found = scan(spam_link("澳门百家乐官网 真人荷官"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].reason == "anchor text: 百家乐");
    CHECK(found[0].text == "澳门百家乐官网 真人荷官");
    const auto hidden = scan("<div style=\"display:none\">" + spam_link("365BET体育") + "</div>");
    REQUIRE(hidden.size() == 1);
    CHECK(hidden[0].reason == "display:none on ancestor <div>; anchor text: 365bet");
    CHECK(scan(spam_link("湖北省人民政府门户网站")).empty());
}

// A real headline (the search index's stored copy of a news list, index id 24523090650) and
// warnings a government page links to, on other sites: news about the trade, not its adverts.
TEST_CASE("a visible link whose text reports on gambling or porn is news, not an illicit link") {
    CHECK(scan(spam_link("全国公安机关打击治理跨境赌博工作视频会议召开")).empty());
    CHECK(scan(spam_link("警惕网络赌博骗局")).empty());
    CHECK(scan(spam_link("关于防范“真钱”棋牌游戏的提醒")).empty());
    // Hidden, the same headline is still a hidden link: its hiding is the offence.
    const auto hidden = scan("<div style=\"display:none\">" +
                             spam_link("全国公安机关打击治理跨境赌博工作视频会议召开") + "</div>");
    REQUIRE(hidden.size() == 1);
    CHECK(hidden[0].reason == "display:none on ancestor <div>");
}

TEST_CASE("links on the page's own site are never hidden links") {
    const std::string hidden = "<div style=\"display:none\">";
    CHECK(scan(hidden + "<a href=\"/zwgk/\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"list_2.html\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"http://www.example.gov.cn/x\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"//WWW.EXAMPLE.GOV.CN/x\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"https://zwfw.example.gov.cn/\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"javascript:void(0)\">x</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"mailto:a@example.com\">x</a></div>").empty());
    CHECK(scan(hidden + "<a>x</a></div>").empty());
    const auto other = scan(hidden + "<a href=\" //other.gov.cn/a\">x</a></div>");
    REQUIRE(other.size() == 1);
    CHECK(other[0].url == "http://other.gov.cn/a");
}

TEST_CASE("illicit vocabulary") {
    CHECK(has_illicit_vocabulary("澳门新葡京娱乐城"));
    CHECK(has_illicit_vocabulary("北京赛车PK10开奖"));
    CHECK(has_illicit_vocabulary("Bet365 官网"));
    CHECK(has_illicit_vocabulary("免费成人视频"));
    CHECK(find_illicit_term("六合彩资料") == "六合彩");
    CHECK_FALSE(has_illicit_vocabulary("中国福利彩票发行管理中心"));
    CHECK_FALSE(has_illicit_vocabulary("关于开展扫黄打非专项行动的通知"));
    CHECK_FALSE(has_illicit_vocabulary(""));
}

TEST_CASE("an injected spam block in a government page") {
    const std::string html = read_fixture("injected_spam.html");
    REQUIRE_FALSE(html.empty());
    const parsed_doc doc = parse(html);
    REQUIRE(doc);
    const auto found = find_hidden_links(doc.get(), "http://www.example.gov.cn/");
    REQUIRE(found.size() == 6);
    CHECK(found[0].url == "https://www.365bet-example.com/");
    CHECK(found[0].reason.starts_with("position:absolute top:-999px on ancestor <div id=h4sia>"));
    CHECK(found[0].reason.ends_with("; anchor text: 365bet"));
    CHECK(found[3].url == "http://www.amjs-example.net/");
    CHECK(found[3].reason.starts_with("display:none by <style> rule .zy88n on ancestor"));
    CHECK(found[4].reason.starts_with("height:1 <marquee>"));
    CHECK(found[5].reason == "anchor text: 真人视讯");
    for (const auto& link : found) {
        CHECK(link.line > 20);
    }
}

TEST_CASE("display:none backlinks appended to a page or left in a template's footer") {
    // In the shape of research t11 (index id 27231082885: three <div style="display:none">
    // links appended after a CMS view file) and t12 (index id 11830568605: a vendor's hidden
    // backlink ending a CMS footer template); hosts made up.
    const auto appended =
        scan("<p>正文</p>\n"
             "<div style=\"display:none\"><a href=\"http://www.goods-example.org/bag-sale/\" "
             "title=\"bag sale\">bag sale</a></div>\n"
             "<div style=\"display:none\"><a href=\"http://www.goods-example.org/shoes/\">shoes "
             "for less</a></div>");
    REQUIRE(appended.size() == 2);
    CHECK(appended[0].url == "http://www.goods-example.org/bag-sale/");
    CHECK(appended[0].reason == "display:none on ancestor <div>");
    CHECK(appended[1].text == "shoes for less");
    const auto footer = scan("<div class=\"bfb bfbbottom\"><ul class=\"u2\"><li class=\"l1\">"
                             "<a href=\"/help/aboutview2.html\">关于我们</a></li></ul></div>"
                             "<div class=\"rightfd\" style=\"display:;\"><a href=\"/m\">手机版</a>"
                             "</div><div style=\"display:none\"><a href=\"http://www.vendor-example"
                             ".com\">源码论坛</a></div>");
    REQUIRE(footer.size() == 1);
    CHECK(footer[0].url == "http://www.vendor-example.com");
    CHECK(footer[0].text == "源码论坛");
}

TEST_CASE("an inline style shown by the page wins over the style sheet that hid it") {
    // The shape of a real page: its sheet hides .content and .footer until a script runs, and
    // the saved page carries the script's inline display:block on both.
    const std::string head = "<style>.content, .footer {display:none}</style>";
    const std::string footer =
        "<div class=\"footer\" style=\"display: block;\">"
        "<a href=\"https://beian.miit.gov.cn/\">京ICP备05070218号</a>"
        "<a href=\"http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1\">京公网安备</a>"
        "<a href=\"https://bszs.conac.cn/sitename?method=show&id=1\">党政机关</a>" +
        spam_link() + "</div>";
    CHECK(
        scan("<div class=\"content\" style=\"display: block;\">" + spam_link() + "</div>" + footer,
             head)
            .empty());
}

TEST_CASE("the cascade ranks !important, inline style, specificity and order as browsers do") {
    const struct {
        std::string head;
        std::string body;
        bool hidden;
    } cases[] = {
        {"<style>.f{display:none !important}</style>",
         "<div class=\"f\" style=\"display:block\">" + spam_link() + "</div>", true},
        {"<style>.f{display:none}</style>",
         "<div class=\"f\" style=\"display:block !important\">" + spam_link() + "</div>", false},
        {"<style>#x .f{display:none} .f{display:block}</style>",
         "<div id=\"x\"><p class=\"f\">" + spam_link() + "</p></div>", true},
        {"<style>.f{display:block} div.f{display:none}</style>",
         "<div class=\"f\">" + spam_link() + "</div>", true},
        {"<style>div.f{display:none} .f.g{display:block}</style>",
         "<div class=\"f g\">" + spam_link() + "</div>", false},
        {"<style>.f{display:none} .f{display:block}</style>",
         "<div class=\"f\">" + spam_link() + "</div>", false},
        {"<style>.f{display:block} .f{display:none}</style>",
         "<div class=\"f\">" + spam_link() + "</div>", true},
    };
    for (const auto& c : cases) {
        CAPTURE(c.head);
        CAPTURE(c.body);
        CHECK(scan(c.body, c.head).empty() != c.hidden);
    }
}

TEST_CASE("inherited visibility and font size are undone by a descendant that sets its own") {
    // font-size:0 on a list removes the gaps between inline blocks; its items set their size.
    CHECK(
        scan("<ul style=\"font-size:0\"><li style=\"font-size:14px\">" + spam_link() + "</li></ul>")
            .empty());
    CHECK(scan("<div style=\"visibility:hidden\"><p style=\"visibility:visible\">" + spam_link() +
               "</p></div>")
              .empty());
    CHECK(scan("<ul style=\"font-size:0\"><li style=\"font-size:1.2em\">" + spam_link() +
               "</li></ul>")
              .size() == 1);
    CHECK(scan("<div style=\"visibility:hidden\"><p style=\"visibility:inherit\">" + spam_link() +
               "</p></div>")
              .size() == 1);
    // display:none cannot be undone below.
    CHECK(
        scan("<div style=\"display:none\"><p style=\"display:block\">" + spam_link() + "</p></div>")
            .size() == 1);
}

TEST_CASE("registration badges of a footer are never hidden links on style alone") {
    const std::string hidden = "<div style=\"display:none\">";
    CHECK(scan(hidden + "<a href=\"https://beian.miit.gov.cn/\">京ICP备1号</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"http://www.beian.gov.cn/portal\">京公网安备</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"https://bszs.conac.cn/x\">党政机关</a></div>").empty());
    CHECK(scan(hidden + "<a href=\"https://notbeian.gov.cn.example.com/\">x</a></div>").size() ==
          1);
    // Illicit anchor text still counts, whatever the host.
    CHECK(scan("<a href=\"https://beian.miit.gov.cn/\">澳门百家乐</a>").size() == 1);
}
