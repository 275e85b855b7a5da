#include "probes/content/illicit_post.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("a post promoting gambling carries two or more terms and no warning") {
    CHECK(illicit_post_terms("澳门新葡京线上娱乐城开业，百家乐、真人视讯注册就送88元") ==
          std::vector<std::string>{"娱乐城", "百家乐", "真人视讯", "澳门新葡京"});
    CHECK(illicit_post_terms("加微信看成人视频，裸聊一对一") ==
          std::vector<std::string>{"成人视频", "裸聊"});
}

TEST_CASE("a post about 打击赌博 or a warning raises nothing, nor does one term alone") {
    CHECK(illicit_post_terms("【警方提醒】远离网络赌博，百家乐、六合彩都是骗局").empty());
    CHECK(illicit_post_terms("我市开展打击赌博违法犯罪专项行动，查处赌场3处").empty());
    CHECK(illicit_post_terms("市体育彩票中心发布公告").empty());
    CHECK(illicit_post_terms("棋牌室消防安全检查").empty());
    // One brand name is one term.
    CHECK(illicit_post_terms("澳门新葡京").empty());
}
