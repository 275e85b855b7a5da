#include "probes/site/illicit_vocabulary.hpp"

#include "text/host_names.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace govmon {
namespace {

// Curated from content-checks.md §3 and the 通报 cases: terms that do not occur in ordinary
// government text. 彩票 stays out (福利彩票 and 体育彩票 are government business), and so do
// 买球 (买球鞋, 买球票) and 外围 (外围设备) but for the compounds the spam writes. The last row
// comes from the titles of real hacked sites (PG电子·(中国)官方网站, 真钱抢庄牛牛游戏,
// beplay/bob体育, 世界杯买球投注, 世界杯外-围网站). A longer term stands before any term inside it.
constexpr std::array<std::string_view, 46> illicit_terms{
    "博彩",     "娱乐城",   "百家乐",   "六合彩",   "棋牌",     "赌场",       "赌博",
    "赌球",     "真人视讯", "真人真钱", "老虎机",   "时时彩",   "澳门新葡京", "新葡京",
    "澳门金沙", "澳门银河", "太阳城",   "皇冠体育", "体育投注", "网上赌",     "北京赛车",
    "365bet",   "bet365",   "pk10",     "色情",     "成人视频", "成人电影",   "成人网站",
    "黄色网站", "黄色视频", "三级片",   "伦理片",   "激情视频", "裸聊",       "约炮",
    "一夜情",   "av女优",   "porn",     "pg电子",   "抢庄牛牛", "真钱",       "beplay",
    "bob体育",  "买球投注", "买球网站", "外-围"};

constexpr std::array<std::string_view, 16> crackdown_terms{
    "打击",     "整治", "查处", "取缔", "违法", "犯罪", "严禁", "举报",
    "专项行动", "警方", "公安", "扫黄", "打非", "涉赌", "涉黄", "依法"};

constexpr std::array<std::string_view, 14> warning_terms{"危害", "警惕", "远离", "防范", "破获",
                                                         "抓获", "判处", "案件", "提醒", "治理",
                                                         "禁止", "骗局", "宣传", "净化"};

} // namespace

std::span<const std::string_view> illicit_vocabulary() {
    return illicit_terms;
}

std::optional<std::string_view> find_illicit_term(std::string_view text) {
    const std::string lower = lower_ascii(text);
    const auto it =
        std::find_if(illicit_terms.begin(), illicit_terms.end(),
                     [&](std::string_view t) { return lower.find(t) != std::string::npos; });
    return it == illicit_terms.end() ? std::nullopt : std::optional(*it);
}

std::span<const std::string_view> crackdown_vocabulary() {
    return crackdown_terms;
}

std::span<const std::string_view> warning_vocabulary() {
    return warning_terms;
}

bool reports_on_the_trade(std::string_view text) {
    const auto in_text = [text](std::string_view term) {
        return text.find(term) != std::string_view::npos;
    };
    return std::any_of(crackdown_terms.begin(), crackdown_terms.end(), in_text) ||
           std::any_of(warning_terms.begin(), warning_terms.end(), in_text);
}

int count_occurrences(std::string_view text, std::string_view term) {
    int n = 0;
    for (std::size_t at = text.find(term); at != std::string_view::npos;
         at = text.find(term, at + term.size()))
        ++n;
    return n;
}

} // namespace govmon
