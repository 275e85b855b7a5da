#include "probes/html/html_decode.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/http/url_normalize.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace govmon::html;

// Saved pages of real government sites (shared/corpora/realworld/pages/). The expectations
// below were read off each file by hand; the per-element counts were computed independently
// with python3's html.parser over the same attributes and skip rules.

namespace {

std::string read_page(const std::string& name) {
    const auto path = std::filesystem::path{GOVMON_SHARED_DIR} / "corpora/realworld/pages" / name;
    std::ifstream in{path, std::ios::binary};
    REQUIRE_MESSAGE(in, path.string());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<page_link> page_links(const std::string& name, std::string_view url) {
    const auto decoded = decode_html(read_page(name), "");
    return extract_links(html_document{decoded.utf8, url}, url);
}

const page_link* find_by_text(const std::vector<page_link>& links, std::string_view text) {
    const auto it = std::find_if(links.begin(), links.end(),
                                 [&](const page_link& l) { return l.text == text; });
    return it == links.end() ? nullptr : &*it;
}

std::string url_for_text(const std::vector<page_link>& links, std::string_view text) {
    const auto* link = find_by_text(links, text);
    return link ? link->url : "<no link with that text>";
}

std::string title_of(const html_document& doc) {
    std::string title;
    const xmlNodePtr root = doc.root();
    for (xmlNodePtr n = root ? root->children : nullptr; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xmlStrcmp(n->name, BAD_CAST "head") != 0)
            continue;
        for (xmlNodePtr h = n->children; h; h = h->next)
            if (h->type == XML_ELEMENT_NODE && xmlStrcmp(h->name, BAD_CAST "title") == 0) {
                xmlChar* text = xmlNodeGetContent(h);
                title = reinterpret_cast<const char*>(text);
                xmlFree(text);
            }
    }
    return title;
}

std::size_t cjk_count(std::string_view utf8) {
    std::size_t count = 0;
    for (std::size_t i = 0; i + 2 < utf8.size(); ++i) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead >= 0xE4 && lead <= 0xE9) // U+4E00..U+9FFF are E4 B8 80 .. E9 BF BF
            ++count;
    }
    return count;
}

const std::vector<std::string> corpus{"rw01.html", "rw02.html", "rw03.html", "rw04.html",
                                      "rw05.html", "rw06.html", "rw07.html", "rw08.html",
                                      "rw09.html", "rw10.html", "rw11.html", "rw12.html",
                                      "rw13.html", "rw14.html", "rw15.html"};

} // namespace

TEST_CASE("every corpus page decodes as the UTF-8 it declares and yields absolute http links") {
    for (const auto& name : corpus) {
        CAPTURE(name);
        const auto body = read_page(name);
        const auto decoded = decode_html(body, "");
        CHECK(decoded.charset == "utf-8");
        CHECK(decoded.utf8 == body); // no BOM, no invalid byte: nothing to change
        // rw05 is an anti-bot challenge page: script, no text.
        CHECK((name == "rw05.html" ? cjk_count(decoded.utf8) == 0 : cjk_count(decoded.utf8) > 10));
        const html_document doc{decoded.utf8, "https://www.example.gov.cn/a/b.html"};
        REQUIRE(doc.get());
        for (const auto& link : extract_links(doc, "https://www.example.gov.cn/a/b.html")) {
            CAPTURE(link.url);
            CHECK((link.url.starts_with("http://") || link.url.starts_with("https://")));
            CHECK(link.url.find_first_of(" \t\n#") == std::string::npos);
            CHECK(govmon::http::normalize_url(link.url) == link.url);
            CHECK(link.line > 0);
        }
    }
}

TEST_CASE("corpus pages: link counts by element agree with an independent parser") {
    const std::map<std::string, std::map<std::string, int>> expected{
        {"rw01.html", {{"a", 227}, {"img", 57}, {"link", 10}, {"script", 17}}},
        {"rw02.html", {{"a", 147}, {"img", 81}, {"link", 6}, {"script", 3}}},
        {"rw03.html", {{"a", 67}, {"img", 4}, {"link", 5}, {"script", 3}}},
        {"rw04.html", {{"a", 78}, {"iframe", 3}, {"img", 11}, {"link", 3}, {"script", 9}}},
        {"rw05.html", {{"link", 7}, {"script", 2}}},
        {"rw06.html", {{"link", 8}, {"script", 5}}},
        {"rw07.html", {{"a", 9}, {"img", 7}, {"link", 1}, {"script", 1}}},
        {"rw08.html", {{"a", 118}, {"img", 4}, {"link", 2}, {"script", 4}}},
        {"rw09.html", {{"a", 33}, {"img", 8}, {"link", 5}, {"script", 7}}},
        {"rw10.html", {{"a", 375}, {"img", 7}, {"link", 8}, {"script", 13}}},
        {"rw11.html", {{"a", 40}, {"img", 16}, {"link", 8}, {"script", 20}}},
        {"rw12.html", {{"a", 69}, {"iframe", 1}, {"img", 7}, {"link", 4}, {"script", 11}}},
        {"rw13.html", {{"a", 10}, {"iframe", 1}, {"img", 3}, {"link", 1}, {"script", 6}}},
        {"rw14.html", {{"a", 14}, {"img", 1}, {"link", 2}, {"script", 4}}},
        {"rw15.html", {{"a", 54}, {"img", 3}, {"link", 7}, {"script", 3}}},
    };
    for (const auto& [name, counts] : expected) {
        CAPTURE(name);
        std::map<std::string, int> got;
        for (const auto& link : page_links(name, "https://www.example.gov.cn/a/b.html"))
            ++got[link.element];
        CHECK(got == counts);
    }
}

TEST_CASE("corpus rw01 (www.gov.cn home page): head resources, anchors, Chinese file names") {
    const auto decoded = decode_html(read_page("rw01.html"), "text/html");
    const html_document doc{decoded.utf8, "https://www.gov.cn/"};
    CHECK(title_of(doc) == "中国政府网_中央人民政府门户网站");
    const auto links = extract_links(doc, "https://www.gov.cn/");
    REQUIRE(links.size() == 311);

    CHECK(links[0].element == "link");
    CHECK(links[0].url == "https://www.gov.cn/images/trs_favicon.ico");
    CHECK(links[0].line == 27);
    // ./中国政府网_中央人民政府门户网站_files/trs_public.css, percent-encoded.
    CHECK(links[1].url ==
          "https://www.gov.cn/%E4%B8%AD%E5%9B%BD%E6%94%BF%E5%BA%9C%E7%BD%91_%E4%B8%AD%E5%A4%AE"
          "%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E9%97%A8%E6%88%B7%E7%BD%91%E7%AB%99_files/"
          "trs_public.css");

    const auto first_anchor = std::find_if(links.begin(), links.end(),
                                           [](const page_link& l) { return l.element == "a"; });
    REQUIRE(first_anchor != links.end());
    CHECK(first_anchor->url == "https://www.gov.cn/");
    CHECK(first_anchor->text == "中国政府网"); // aria-label of the logo link
    CHECK(first_anchor->line == 122);

    const auto* big5 = find_by_text(links, "繁体");
    REQUIRE(big5);
    CHECK(big5->url == "http://big5.www.gov.cn/gate/big5/www.gov.cn/");
    CHECK(big5->line == 133);
    const auto* mail = find_by_text(links, "邮箱");
    REQUIRE(mail);
    CHECK(mail->url == "https://mail.gov.cn/nsmail/index.php");
    const auto* more = find_by_text(links, "更多 >>");
    REQUIRE(more);
    CHECK(more->url == "https://www.gov.cn/toutiao/");
    // The navigation links to "javascript:void(0);" (登录, 退出) are not links.
    CHECK_FALSE(find_by_text(links, "登录"));
    CHECK_FALSE(find_by_text(links, "退出"));
    // Fragments dropped: the picture links of line 245 end in "#7".
    CHECK(std::any_of(links.begin(), links.end(), [](const page_link& l) {
        return l.url == "https://www.gov.cn/yaowen/tupian/202309/content_6906424.htm";
    }));
}

TEST_CASE("corpus rw04 (Nantong statistics bureau): root-relative links, dated items, iframes") {
    const auto links = page_links("rw04.html", "https://tjj.nantong.gov.cn/ntstj/index.html");
    REQUIRE(links.size() == 104);
    CHECK(links[0].url == "https://tjj.nantong.gov.cn/ntstj/resource/theme/css/reset.css");
    CHECK(links[3].element == "script");
    CHECK(links[3].url == "https://tjj.nantong.gov.cn/ntstj/resource/theme/js/jquery.min.js");
    CHECK(links[5].url == "https://tjj.nantong.gov.cn/ntstj/resource/js/common.js?siteURL=/ntstj");

    const auto* item = find_by_text(links, "省委第二巡视组巡视南通市工作动员会召开 07-25");
    REQUIRE(item);
    CHECK(item->url == "https://tjj.nantong.gov.cn/ntstj/gggs/content/"
                       "bea012a8-0cd6-4a52-b032-5a141e8e5307.html");
    CHECK(item->line == 79);

    std::vector<std::string> iframes;
    for (const auto& link : links)
        if (link.element == "iframe")
            iframes.push_back(link.url);
    CHECK(iframes == std::vector<std::string>{
                         "https://www.nantong.gov.cn/shijyw/shijyw.html",
                         "https://www.nantong.gov.cn/ntsrmzf/sjyw/sjyw.html",
                         "https://www.nantong.gov.cn/ntsrmzf/gjyw/gjyw.html",
                     });
}

TEST_CASE("corpus rw13 (Hebei procurement notice): saved-from URL, attachment, iframe") {
    // The browser recorded the page's address: "saved from url=(0082)http://www.ccgp-hebei...".
    const auto page =
        "http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/202110/t20211011_1485252.html";
    const auto links = page_links("rw13.html", page);
    const auto* attachment = find_by_text(links, "2021年村级信息资源共享支中心电脑采购项目");
    REQUIRE(attachment);
    CHECK(attachment->url == "http://www.ccgp-hebei.gov.cn/BidWinAnncFiles/"
                             "4b211afc-3a82-4fce-8ffb-11126a95def1.docx");
    CHECK(attachment->line == 582);
    const auto iframe = std::find_if(links.begin(), links.end(),
                                     [](const page_link& l) { return l.element == "iframe"; });
    REQUIRE(iframe != links.end());
    // ./中标公告详细页面_files/index_651.html
    CHECK(iframe->url == "http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/202110/"
                         "%E4%B8%AD%E6%A0%87%E5%85%AC%E5%91%8A%E8%AF%A6%E7%BB%86%E9%A1%B5%E9%9D%A2"
                         "_files/index_651.html");
    CHECK(url_for_text(links, "承德市") == "http://www.ccgp-hebei.gov.cn/cd/");
}

TEST_CASE("corpus rw14 (ccgp.gov.cn notice): scheme-relative links, ../ breadcrumbs, entities") {
    const auto page = "http://www.ccgp.gov.cn/cggg/dfgg/cjgg/202401/t20240101_1.htm";
    const auto links = page_links("rw14.html", page);
    REQUIRE(links.size() == 21);
    CHECK(links[0].url == "http://www.ccgp.gov.cn/css/detail.css");
    CHECK(links[2].url == "http://pub.ccgp.gov.cn/common/js/jquery.qrcode.min.js");
    CHECK(url_for_text(links, "政采法规") == "http://www.ccgp.gov.cn/zcfg/");
    CHECK(url_for_text(links, "政采公告") == "http://www.ccgp.gov.cn/cggg/");
    CHECK(url_for_text(links, "地方公告") == "http://www.ccgp.gov.cn/cggg/dfgg/");
    CHECK(url_for_text(links, "成交公告") == "http://www.ccgp.gov.cn/cggg/dfgg/cjgg/");
    CHECK(url_for_text(links, "京ICP备19054529号-1") == "https://beian.miit.gov.cn/");
    // &amp; in the attribute is '&'; the encoded query value keeps its escapes.
    CHECK(std::any_of(links.begin(), links.end(), [](const page_link& l) {
        return l.url == "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=bm14000002"
                        "&url=http%3A%2F%2Fwww.ccgp.gov.cn%2F";
    }));
    // "//www.ccgp.gov.cn/" takes the page's scheme.
    const auto https = page_links("rw14.html", "https://www.ccgp.gov.cn/x/y.htm");
    CHECK(url_for_text(https, "政采法规") == "https://www.ccgp.gov.cn/zcfg/");
}

TEST_CASE("corpus rw06 and rw10: a base without href changes nothing, titles parse") {
    const auto page = "https://www.lottery.gov.cn/kj/kjlb.html";
    const auto decoded = decode_html(read_page("rw06.html"), "");
    const html_document doc{decoded.utf8, page};
    const auto base = document_base_url(doc, page); // <base target="_blank"> only
    REQUIRE(base);
    CHECK(base->str() == page);
    CHECK(title_of(doc) == "历史开奖栏目");

    const html_document rw10{decode_html(read_page("rw10.html"), "").utf8};
    // The saved title ends in a space before </title>.
    CHECK(title_of(rw10) == "山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站 ");
}

TEST_CASE("truncated and mangled corpus pages never break decoding, parsing or extraction") {
    for (const auto& name : corpus) {
        CAPTURE(name);
        const auto body = read_page(name);
        for (std::size_t cut : {std::size_t{1}, std::size_t{17}, std::size_t{1023},
                                body.size() / 3 + 1, body.size() / 2, body.size() - 1}) {
            const auto part = std::string_view{body}.substr(0, std::min(cut, body.size()));
            for (const char* header :
                 {"", "text/html; charset=gbk", "text/html; charset=utf-16le"}) {
                const auto decoded = decode_html(part, header);
                const html_document doc{decoded.utf8, "http://www.example.gov.cn/"};
                for (const auto& link : extract_links(doc, "http://www.example.gov.cn/"))
                    CHECK(link.url.starts_with("http"));
            }
        }
    }
}
