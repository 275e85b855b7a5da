#include "probes/site/illicit_page.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace govmon;

namespace {

std::string repeat(const std::string& text, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

TEST_CASE("a gambling page's varied vocabulary makes it illicit, its terms in vocabulary order") {
    const auto terms = illicit_page_terms("澳门新葡京娱乐城-百家乐官网",
                                          repeat("真人视讯 百家乐 娱乐城 注册送彩金 ", 5) +
                                              "365BET 体育投注 老虎机");
    CHECK(terms == std::vector<std::string>{"娱乐城", "百家乐", "真人视讯", "老虎机", "澳门新葡京",
                                            "体育投注", "365bet"});
}

TEST_CASE("two terms repeated often enough count, one brand name is one term") {
    CHECK(illicit_page_terms("", repeat("百家乐 娱乐城 ", 5)) ==
          std::vector<std::string>{"娱乐城", "百家乐"});
    CHECK(illicit_page_terms("", repeat("百家乐 娱乐城 ", 4)).empty());
    // 新葡京 inside 澳门新葡京 is not a second term.
    CHECK(illicit_page_terms("", "澳门新葡京 百家乐").empty());
    CHECK(illicit_page_terms("", "澳门新葡京 新葡京 百家乐").size() == 3);
}

TEST_CASE("a crackdown notice that names many gambling games is not illicit") {
    const std::string notice =
        "关于开展打击赌博违法犯罪专项行动的通告。为依法严厉打击网络赌博、六合彩、百家乐、"
        "赌球等违法犯罪活动，公安机关将开展专项行动，查处赌场和网上赌博窝点。"
        "欢迎群众举报涉赌线索，警方将依法查处。";
    CHECK(illicit_page_terms("打击赌博违法犯罪专项行动通告", notice).empty());
    // The same games listed without the words of the law are a gambling page.
    CHECK_FALSE(illicit_page_terms("", "网络赌博 六合彩 百家乐 赌球 赌场").empty());
}

TEST_CASE("ordinary pages and a single mention are not illicit") {
    CHECK(illicit_page_terms("湖北省人民政府", "省政府召开常务会议，研究部署经济工作。").empty());
    CHECK(illicit_page_terms("福利彩票", "中国福利彩票发行管理中心 体育彩票 棋牌室管理").empty());
    CHECK(illicit_page_terms("", "").empty());
}
