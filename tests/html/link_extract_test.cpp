#include "probes/html/link_extract.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using govmon::html::document_base_url;
using govmon::html::extract_links;
using govmon::html::html_document;
using govmon::html::page_link;
using govmon::html::unique_urls;

namespace {

constexpr auto page_url = "http://www.example.gov.cn/zwgk/list/index.html";

std::vector<page_link> links_of(std::string_view html, std::string_view url = page_url) {
    return extract_links(html_document{html, url}, url);
}

std::vector<std::string> urls_of(std::string_view html, std::string_view url = page_url) {
    std::vector<std::string> urls;
    for (const auto& link : links_of(html, url))
        urls.push_back(link.url);
    return urls;
}

using element_and_url = std::pair<std::string, std::string>;

// Every element type, each skipped kind of reference, in one page.
constexpr std::string_view every_element = R"html(<!DOCTYPE html>
<html><head>
<meta http-equiv="Refresh" content="30; URL='/zwgk/new.html'">
<link rel="stylesheet" href="css/main.css">
<link rel="icon" href="/favicon.ico">
<link rel="dns-prefetch" href="//hm.baidu.com">
<script src="js/app.js"></script>
<script>var s = "<a href='/not-a-link.html'>";</script>
</head>
<body background="images/bg.jpg">
<a href="../detail/1.html">  第一条
   新闻&nbsp;标题 </a>
<a href="HTTP://WWW.Example.gov.cn:80/zwgk/list/../detail/1.html#part2">重复</a>
<a href="#top">回到顶部</a>
<a href="">空</a>
<a name="anchor">无链接</a>
<a href="javascript:void(0)">脚本</a>
<a href=" JavaScript:alert(1)">脚本</a>
<a href="mailto:zwgk@example.gov.cn">邮件</a>
<a href="tel:12345">电话</a>
<a href="data:text/html,hi">数据</a>
<a href="about:blank">空白</a>
<a href="ftp://ftp.example.gov.cn/">文件</a>
<a href="http://外部.中国/" title="外部网站"><img src="logo.png" alt="外部 标志"></a>
<map name="m"><area href="/map/area.html" alt="区域"></map>
<table><tr><td background="/img/td.gif">x</td></tr></table>
<img src="pic/a.jpg" srcset="pic/a,1x.jpg 1x, pic/a-2x.jpg 2x,pic/a-3x.jpg" alt="图片">
<picture><source srcset="pic/b.webp 100w, pic/b(2).webp 200w"><img src="pic/b.jpg"></picture>
<iframe src="//video.example.com/player?id=1"></iframe>
<embed src="flash/a.swf">
<object data="doc/a.pdf"></object>
<video src="v/a.mp4" poster="v/a.jpg"><source src="v/a.webm"></video>
<audio src="a/a.mp3"></audio>
<a href="/新闻/列表.html?q=通知">中文路径</a>
<a href="
  /wrapped/link.html
">换行</a>
</body></html>
)html";

} // namespace

TEST_CASE("extract_links finds every element type in document order, resolved and normalised") {
    const auto links = links_of(every_element);
    std::vector<element_and_url> got;
    for (const auto& link : links)
        got.emplace_back(link.element, link.url);
    const std::string site = "http://www.example.gov.cn";
    const std::vector<element_and_url> expected{
        {"meta-refresh", site + "/zwgk/new.html"},
        {"link", site + "/zwgk/list/css/main.css"},
        {"link", site + "/favicon.ico"},
        {"script", site + "/zwgk/list/js/app.js"},
        {"body", site + "/zwgk/list/images/bg.jpg"},
        {"a", site + "/zwgk/detail/1.html"},
        {"a", site + "/zwgk/detail/1.html"},
        {"a", "http://xn--7rsy21k.xn--fiqs8s/"},
        {"img", site + "/zwgk/list/logo.png"},
        {"area", site + "/map/area.html"},
        {"td", site + "/img/td.gif"},
        {"img", site + "/zwgk/list/pic/a.jpg"},
        {"srcset", site + "/zwgk/list/pic/a,1x.jpg"},
        {"srcset", site + "/zwgk/list/pic/a-2x.jpg"},
        {"srcset", site + "/zwgk/list/pic/a-3x.jpg"},
        {"srcset", site + "/zwgk/list/pic/b.webp"},
        {"srcset", site + "/zwgk/list/pic/b(2).webp"},
        {"img", site + "/zwgk/list/pic/b.jpg"},
        {"iframe", "http://video.example.com/player?id=1"},
        {"embed", site + "/zwgk/list/flash/a.swf"},
        {"object", site + "/zwgk/list/doc/a.pdf"},
        {"video", site + "/zwgk/list/v/a.mp4"},
        {"video", site + "/zwgk/list/v/a.jpg"},
        {"source", site + "/zwgk/list/v/a.webm"},
        {"audio", site + "/zwgk/list/a/a.mp3"},
        {"a", site + "/%E6%96%B0%E9%97%BB/%E5%88%97%E8%A1%A8.html?q=%E9%80%9A%E7%9F%A5"},
        {"a", site + "/wrapped/link.html"},
    };
    CHECK(got == expected);
}

TEST_CASE("extract_links reports anchor text, labels and lines") {
    const auto links = links_of(every_element);
    REQUIRE(links.size() == 27);
    CHECK(links[0].line == 3);
    CHECK(links[5].text == "第一条 新闻 标题"); // newlines and &nbsp; collapse
    CHECK(links[5].line == 11);
    CHECK(links[6].text == "重复");
    CHECK(links[7].text == "外部网站");  // an image link: its title
    CHECK(links[8].text == "外部 标志"); // the image: its alt
    CHECK(links[9].text == "区域");
    CHECK(links[11].text == "图片");
    CHECK(links[12].text == "图片"); // srcset candidates carry their image's alt
    CHECK(links[26].text == "换行");
    CHECK(links[26].line == 37);
    CHECK(links_of("<a href=/x><img src=/i.png alt=' 首页 '></a>")[0].text == "首页");
    CHECK(links_of("<a href=/x aria-label=中国政府网><img src=/i.png></a>")[0].text ==
          "中国政府网");
}

TEST_CASE("unique_urls keeps the first appearance of each URL") {
    const auto urls = unique_urls(links_of(every_element));
    CHECK(urls.size() == 26);
    CHECK(urls[5] == "http://www.example.gov.cn/zwgk/detail/1.html");
    CHECK(urls[6] == "http://xn--7rsy21k.xn--fiqs8s/");
}

TEST_CASE("extract_links honours the first base href, resolved against the page") {
    const auto relative = R"html(<html><head><base target="_blank"><base href="/static/v2/">
        <base href="http://other.example.cn/"></head>
        <body><a href="a.html">a</a><a href="/root.html">r</a><a href="//cdn.example.cn/c.js">c</a>
        <a href="?p=2">q</a></body></html>)html";
    CHECK(urls_of(relative) == std::vector<std::string>{
                                   "http://www.example.gov.cn/static/v2/a.html",
                                   "http://www.example.gov.cn/root.html",
                                   "http://cdn.example.cn/c.js",
                                   "http://www.example.gov.cn/static/v2/?p=2",
                               });

    const auto absolute =
        R"html(<base href="HTTPS://CDN.Example.cn:443/site/"><img src="../a.png">)html";
    CHECK(urls_of(absolute) == std::vector<std::string>{"https://cdn.example.cn/a.png"});
    auto base = document_base_url(html_document{absolute}, page_url);
    REQUIRE(base);
    CHECK(base->str() == "https://cdn.example.cn/site/");

    // A base that is not http(s) is ignored, as browsers fall back to the page URL.
    CHECK(urls_of(R"html(<base href="javascript:x"><a href="b.html">b</a>)html") ==
          std::vector<std::string>{"http://www.example.gov.cn/zwgk/list/b.html"});
}

TEST_CASE("extract_links reads every spelling of meta refresh") {
    auto refresh = [](std::string_view content) {
        const auto html = "<meta http-equiv=refresh content=\"" + std::string{content} + "\">";
        auto urls = urls_of(html, "https://www.gov.cn/a/b.htm");
        return urls.empty() ? std::string{"<none>"} : urls.front();
    };
    CHECK(refresh("0;url=/index.htm") == "https://www.gov.cn/index.htm");
    CHECK(refresh("5, URL = c.htm") == "https://www.gov.cn/a/c.htm");
    CHECK(refresh("3;d.htm") == "https://www.gov.cn/a/d.htm");
    CHECK(refresh("1.5 url='e.htm' ") == "https://www.gov.cn/a/e.htm");
    CHECK(refresh("0; URL=&quot;f.htm&quot;") == "https://www.gov.cn/a/f.htm");
    CHECK(refresh("0; url=http://www.example.gov.cn") == "http://www.example.gov.cn/");
    CHECK(refresh("5") == "<none>");          // a reload of the page itself
    CHECK(refresh("url=/x.htm") == "<none>"); // no time: browsers ignore it
    CHECK(refresh("0;url=javascript:x") == "<none>");
    CHECK(urls_of("<meta http-equiv=Content-Type content=\"0;url=/x\">").empty());
}

TEST_CASE("extract_links splits srcset on the commas that separate candidates") {
    // A newline is whitespace like any other between candidates.
    const auto html = R"html(<img srcset="  a.jpg, b,c.jpg 2x,d.jpg,,
        e.jpg (min-width: 1px, 2px) 3x, f.jpg">)html";
    CHECK(urls_of(html, "http://x.gov.cn/") == std::vector<std::string>{
                                                   "http://x.gov.cn/a.jpg",
                                                   "http://x.gov.cn/b,c.jpg",
                                                   "http://x.gov.cn/d.jpg",
                                                   "http://x.gov.cn/e.jpg",
                                                   "http://x.gov.cn/f.jpg",
                                               });
}

TEST_CASE("extract_links finds frames of a frameset page") {
    const auto html = R"html(<html><frameset rows="80,*"><frame src="top.htm">
        <frame src="main.htm" name="main"></frameset></html>)html";
    const auto links = links_of(html, "http://www.example.gov.cn/old/");
    REQUIRE(links.size() == 2);
    CHECK(links[0].element == "frame");
    CHECK(links[0].url == "http://www.example.gov.cn/old/top.htm");
    CHECK(links[1].url == "http://www.example.gov.cn/old/main.htm");
}

TEST_CASE("extract_links needs an http page URL and survives empty documents") {
    CHECK(links_of("<a href=/x>x</a>", "file:///tmp/x.html").empty());
    CHECK(links_of("<a href=/x>x</a>", "").empty());
    CHECK(links_of("").empty());
    CHECK(links_of("\x01\x02<<<>>>&&&;</a></a>").empty());
    CHECK_FALSE(document_base_url(html_document{""}, "not a url"));
}

TEST_CASE("extract_links encodes queries in the page's encoding and paths in UTF-8") {
    const html_document doc{"<a href='/搜索/search.jsp?q=湖北'>搜索</a>"
                            "<base href='/zwgk/?lm=湖北'><a href='?p=2'>下一页</a>"};
    const auto gbk = extract_links(doc, page_url, "gb18030");
    REQUIRE(gbk.size() == 2);
    CHECK(gbk[0].url == "http://www.example.gov.cn/%E6%90%9C%E7%B4%A2/search.jsp?q=%BA%FE%B1%B1");
    CHECK(gbk[1].url == "http://www.example.gov.cn/zwgk/?p=2");
    CHECK(document_base_url(doc, page_url, "gb18030")->str() ==
          "http://www.example.gov.cn/zwgk/?lm=%BA%FE%B1%B1");
    const auto utf8 = extract_links(doc, page_url);
    REQUIRE(utf8.size() == 2);
    CHECK(utf8[0].url ==
          "http://www.example.gov.cn/%E6%90%9C%E7%B4%A2/search.jsp?q=%E6%B9%96%E5%8C%97");
}

TEST_CASE("extract_links keeps hrefs no browser resolves, unresolved and as written") {
    const auto links =
        links_of("<a href='//////'>坏链</a><a href=' http://localhost] '>x</a>"
                 "<a href='javascript:void(0)'>打印</a><a href='mailto:a@b.cn'>信</a>"
                 "<img src='http://[::1'><a href='/ok.html'>好</a>");
    REQUIRE(links.size() == 4);
    CHECK_FALSE(links[0].resolved);
    CHECK(links[0].url == "//////");
    CHECK(links[0].text == "坏链");
    CHECK_FALSE(links[1].resolved);
    CHECK(links[1].url == "http://localhost]");
    CHECK_FALSE(links[2].resolved);
    CHECK(links[2].element == "img");
    CHECK(links[3].resolved);
    CHECK(links[3].url == "http://www.example.gov.cn/ok.html");
}
