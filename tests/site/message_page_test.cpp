// What of a consultation channel's page its office wrote: the letters of the public (titles,
// text) are left to the public, the answer is the office's. The shapes are those of the
// platforms in message_shapes_test.cpp (EWCMS detail: <b>提交时间：</b> … <b>受理状态：</b>; the
// Jiamusi detail's 咨询时间, 处理情况, 处理结果; jact's list header).
#include "probes/site/message_page.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace govmon;

TEST_CASE("a message's page: only the text from its answer label on is the office's") {
    const std::string text = "来信标题：关于道路维修的咨询\n来信时间：2026-01-02\n"
                             "来信内容：我向人民检查院反映过，国家工商总局也管不了。\n"
                             "办理状态：已办结\n答复内容：您好，您反映的问题已转交有关部门办理。\n"
                             "答复时间：2026-01-05";
    const auto office = office_written_text(text);
    REQUIRE(office.has_value());
    CHECK(office->starts_with("答复内容：您好"));
    CHECK(office->find("人民检查院") == std::string_view::npos);
}

TEST_CASE("a list that shows each letter with its answer: the answers only") {
    const auto office = office_written_text(
        "留言时间：2024-01-01 留言内容：路灯坏了。答复内容：已办理。"
        "留言时间：2024-02-01 留言内容：根据《中国人民共和国继承法》……答复内容：已转交法院。");
    REQUIRE(office.has_value());
    CHECK(*office == "答复内容：已办理。\n答复内容：已转交法院。\n");
    // A sidebar of related letters after the answer is the public's again.
    const auto sidebar =
        office_written_text("来信时间：2026-01-02 答复内容：您好，已办理。相关留言 来信时间："
                            "2026-01-03 来信内容：人民检查院不受理。");
    REQUIRE(sidebar.has_value());
    CHECK(*sidebar == "答复内容：您好，已办理。相关留言 \n");
}

TEST_CASE("the Jiamusi detail's labels: 咨询时间, 处理情况 and its 处理结果") {
    const auto office = office_written_text(
        "咨询时间 2019-1-1 12:59:49 处理情况 办理完毕 处理时间 2019-1-3 9:00:00 处理结果 已答复。");
    REQUIRE(office.has_value());
    CHECK(*office == "处理结果 已答复。\n");
}

TEST_CASE("a channel's list or an unanswered letter holds nothing of the office's") {
    const auto list = office_written_text("来信主题 状态 留言时间 答复时间\n关于国家工商总局的咨询 "
                                          "已回复 2026-01-02 2026-01-05");
    REQUIRE(list.has_value());
    CHECK(list->empty());
    const auto open = office_written_text("提交时间：2026-03-01 受理状态：办理中 回复时间：");
    REQUIRE(open.has_value());
    CHECK(open->empty());
}

TEST_CASE("a page that is no channel's is the office's whole") {
    CHECK_FALSE(office_written_text("发布时间：2026-01-02 国家市场监督管理总局发布通知。"));
    // An asked-time word in a notice, beside the common word 状态, makes no channel.
    CHECK_FALSE(office_written_text("申报材料提交时间：2026年3月1日前。系统状态：正常。"));
    CHECK_FALSE(office_written_text("办理状态查询 答复内容 请拨打12345"));
    CHECK_FALSE(office_written_text(""));
}

TEST_CASE("a page of thousands of letters and answers is walked once per label") {
    std::string text = "留言时间：2026-01-02 办理状态：已办结 ";
    for (int i = 0; i < 4000; ++i)
        text += "答复内容：好。留言时间：2026-01-02 留言内容：问。";
    const auto office = office_written_text(text);
    REQUIRE(office.has_value());
    CHECK(office->find("问") == std::string::npos);
    CHECK(std::count(office->begin(), office->end(), '\n') == 4000);
}
