#include "probes/dates/date_find.hpp"
#include "tests/dates/date_check.hpp"

#include <doctest/doctest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

using namespace govmon;
using namespace govmon::test;

namespace {

std::vector<std::string> found_texts(std::string_view text, std::int64_t now = fixed_now) {
    std::vector<std::string> texts;
    for (const auto& f : find_dates(text, now))
        texts.emplace_back(text.substr(f.offset, f.length));
    return texts;
}

void check_single(std::string_view text, std::string_view expected_span, std::int64_t instant,
                  precision expected_precision) {
    INFO("text: \"", std::string(text), "\"");
    const auto found = find_dates(text, fixed_now);
    REQUIRE(found.size() == 1);
    CHECK(text.substr(found[0].offset, found[0].length) == expected_span);
    CHECK(found[0].date.instant == instant);
    CHECK(found[0].date.precision == expected_precision);
}

} // namespace

TEST_CASE("dates next to the labels government pages use") {
    check_single("发布时间：2026-11-02", "2026-11-02", 1793548800, precision::day);
    check_single("发布时间: 2026-11-02 10:00 来源：市政府办公室", "2026-11-02 10:00", 1793584800,
                 precision::minute);
    check_single("成文日期：2026年11月2日", "2026年11月2日", 1793548800, precision::day);
    check_single("成文日期：二〇二六年十一月二日", "二〇二六年十一月二日", 1793548800,
                 precision::day);
    check_single("日期：２０２６－１１－０２", "２０２６－１１－０２", 1793548800, precision::day);
    check_single("<meta name=\"PubDate\" content=\"2026-11-20T10:00:00Z\">", "2026-11-20T10:00:00Z",
                 1795168800, precision::second);
}

TEST_CASE("list-page formats") {
    CHECK(found_texts("关于开展检查的通知 [11-02]") == std::vector<std::string>{"11-02"});
    CHECK(found_texts("通知(11-02)") == std::vector<std::string>{"11-02"});
    CHECK(found_texts("<span>2026/11/02</span><span>2026.11.03</span>") ==
          std::vector<std::string>{"2026/11/02", "2026.11.03"});
    CHECK(found_texts("11月2日召开会议") == std::vector<std::string>{"11月2日"});
    const auto found = find_dates("[11-02]", fixed_now);
    REQUIRE(found.size() == 1);
    CHECK(found[0].date.instant == 1793548800);
}

TEST_CASE("a time range after a date keeps the date alone") {
    check_single("2026-11-02 10:00-11:00", "2026-11-02", 1793548800, precision::day);
}

TEST_CASE("numbers that only look like dates are ignored") {
    for (const auto text : {
             "电话：010-12345678",
             "0571-88888888",
             "传真 0571-8765-4321",
             "版本 1.2.3",
             "v2026.11.02",
             "服务器 192.168.1.1",
             "10.11.12.13",
             "编号 2026-11-02-0001",
             "1.2026-11-02",
             "浏览次数：20261102",
             "1700000000",
             "2026-11",
             "2026年11月",
             "12345678901",
             "3-1",
             "第3-5条",
             "2026-11-022",
             "1899-12-31",
             "2026-13-01",
             "abc2026-11-02",
             "x11-02",
         }) {
        INFO("text: \"", std::string(text), "\"");
        CHECK(find_dates(text, fixed_now).empty());
    }
}

TEST_CASE("several dates in one text, in order, with offsets into the original") {
    const std::string text = "要闻 2026-11-01 ｜ 通知 ２０２６年１１月２日 ｜ 公告 [11-03]";
    const auto found = find_dates(text, fixed_now);
    REQUIRE(found.size() == 3);
    CHECK(text.substr(found[1].offset, found[1].length) == "２０２６年１１月２日");
    CHECK(found[0].date.instant < found[1].date.instant);
    CHECK(found[1].date.instant < found[2].date.instant);
}

TEST_CASE("empty and odd inputs") {
    CHECK(find_dates("", fixed_now).empty());
    CHECK(find_dates("2026-11-02", fixed_now).size() == 1);
    CHECK(find_dates("\xFF\xFE"
                     "2026-11-02\xE4",
                     fixed_now)
              .size() == 1);
}

TEST_CASE("truncated and corrupted text never breaks the date readers") {
    const std::array<std::string_view, 6> seeds{
        "发布时间：２０２６年１１月２日 10:00 来源：二〇二六年十一月二日",
        "Sat, 21 Nov 2026 10:00:00 +0800",
        "Sat Nov 21 10:00:00 +0800 2026",
        "2003-12-31T10:14:55.1234-08:00",
        "[11-02] (11-03) 11月4日 昨天 23:01 3小时前",
        "20261120T100000Z",
    };
    std::mt19937 random(20261121);
    for (const std::string_view seed : seeds) {
        for (std::size_t cut = 0; cut <= seed.size(); ++cut) {
            const std::string_view prefix = seed.substr(0, cut);
            (void)parse_date(prefix, fixed_now);
            for (const auto& f : find_dates(prefix, fixed_now))
                CHECK(f.offset + f.length <= prefix.size());
        }
        for (int round = 0; round < 300; ++round) {
            std::string corrupted(seed);
            corrupted[random() % corrupted.size()] = static_cast<char>(random() % 256);
            (void)parse_date(corrupted, fixed_now);
            for (const auto& f : find_dates(corrupted, fixed_now))
                CHECK(f.offset + f.length <= corrupted.size());
        }
    }
}
