#include "tamper_fixture.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using namespace govmon::test;

TEST_CASE("a home page turned into a casino page is judged by its title") {
    const auto why = judge_html("<html><head><title>澳门金沙博彩娱乐平台-百家乐官网</title></head>"
                                "<body><p>某县人民政府</p></body></html>");
    REQUIRE(why);
    CHECK(why->field == "title");
    CHECK(why->terms == std::vector<std::string>{"博彩", "百家乐", "澳门金沙"});
    CHECK(why->excerpt == "澳门金沙博彩娱乐平台-百家乐官网");
}

TEST_CASE("entity-encoded and repeated spam titles and stuffed meta tags count") {
    // 澳门金沙娱乐官网 as the 泛目录 spam writes it (content-checks.md §3.2), and the 365bet
    // title of a spam copy of a 龙南县 page.
    CHECK(judge_html("<title>&#28595;&#38376;&#37329;&#27801;&#21338;&#24425;</title>"));
    const auto bet = judge_html("<title>365bet365用网址_365bet官网网址是多少</title>");
    REQUIRE(bet);
    CHECK(bet->terms == std::vector<std::string>{"365bet", "bet365"});
    const auto meta = judge_html("<head><title>某县人民政府</title><meta name=keywords "
                                 "content='时时彩,北京赛车,pk10'></head><body>政务公开</body>");
    REQUIRE(meta);
    CHECK(meta->field == "meta keywords");
}

TEST_CASE("a notice about 打击赌博 or 扫黄打非 is not a gambling page, title or text") {
    CHECK_FALSE(
        judge_html("<title>关于开展打击赌博违法犯罪专项行动的通告</title><body>"
                   "为依法严厉打击网络赌博、六合彩、百家乐、赌球等违法犯罪活动，公安机关"
                   "将开展专项行动，查处赌场和网上赌博窝点。欢迎群众举报涉赌线索。</body>"));
    CHECK_FALSE(judge_html("<title>警惕网络赌博、六合彩、百家乐的危害</title><body>远离赌博"
                           "</body>"));
    CHECK_FALSE(judge_html("<title>扫黄打非：查处色情网站 取缔淫秽视频</title>"));
    // One mention in a title is ordinary news.
    CHECK_FALSE(judge_html("<title>全市棋牌室安全检查</title>"));
}

TEST_CASE("the injected spam fixture is judged by its text") {
    const auto why = judge_html(site_fixture("injected_spam.html"));
    REQUIRE(why);
    CHECK(why->field == "text");
    CHECK(why->terms.size() >= 3);
    CHECK(why->excerpt.find("365bet") != std::string::npos);
}

TEST_CASE("no real government page of the corpus is judged illicit, the lottery's neither") {
    for (const char* name : {"rw01.html", "rw02.html", "rw03.html", "rw04.html", "rw05.html",
                             "rw06.html", "rw07.html", "rw08.html", "rw09.html", "rw10.html",
                             "rw11.html", "rw12.html", "rw13.html", "rw14.html", "rw15.html"}) {
        CAPTURE(name);
        CHECK_FALSE(judge_html(corpus_page(name)));
    }
}

TEST_CASE("the titles of real hacked sites are illicit, each by its own terms") {
    // The decoded titles (and one keywords line) quoted in research t02–t04 and t08–t10.
    const std::vector<std::pair<std::string, std::vector<std::string>>> titles{
        {"PG电子·(中国)官方网站", {"pg电子"}},
        {"北京赛车pk10_pk10正规开户平台_北京pk10网上开户", {"北京赛车", "pk10", "开户平台"}},
        {"抢庄牛牛游戏平台,真钱抢庄牛牛游戏,抢庄牛牛手游下载", {"抢庄牛牛", "真钱"}},
        {"beplayer体育app下载-【welcome】", {"beplay"}},
        {"bob体育官方网站-BOB体育APP下载", {"bob体育"}},
        {"2022世界杯买球投注-世界杯安全买球网站【官方平台】", {"买球投注", "买球网站"}},
        {"世界杯外-围网站-ios/安卓/手机版app下载", {"外-围"}}};
    for (const auto& [title, terms] : titles) {
        CAPTURE(title);
        const auto why = judge_html("<title>" + title + "</title><body>某县人民政府</body>");
        REQUIRE(why);
        CHECK(why->field == "title");
        CHECK(why->terms == terms);
    }
}

TEST_CASE("the new terms' neighbours in government text stay healthy") {
    CHECK_FALSE(judge_html("<title>计算机外围设备采购项目招标公告</title>"));
    CHECK_FALSE(judge_html("<title>学校采购篮球、买球鞋等体育器材的公示</title>"));
    CHECK_FALSE(judge_html("<title>个人养老金开户平台上线</title>"));
    CHECK_FALSE(judge_html("<title>中国福利彩票快3走势图</title>"));
    // A lottery chart's title, even the one a real hacked county news site was given (t04:
    // 江苏快3 … 快3走势图/快三走势图), is a welfare-lottery centre's too: its script kit tells.
    CHECK_FALSE(judge_html("<title>福彩快3走势图_快三走势图</title>"));
    CHECK_FALSE(
        judge_html("<title>江苏快3 江苏快3走势图 - 基本走势 - 快3走势图/快三走势图</title>"));
    CHECK_FALSE(
        judge_html("<title>快3开奖公告</title><meta name=keywords content='快3,开奖,福彩'>"));
    // A warning naming the brands speaks the words of the law, in its title and its text.
    CHECK_FALSE(judge_html("<title>警惕“PG电子”“抢庄牛牛”等网络赌博陷阱</title><body>公安机关"
                           "提醒：此类平台均属违法，切勿参与，发现线索请及时举报。</body>"));
    CHECK_FALSE(judge_html("<title>我县依法打击“世界杯买球投注”等网络赌博</title>"));
}
