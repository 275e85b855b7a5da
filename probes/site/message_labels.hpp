#pragma once

// The labels consultation channels (领导信箱, 政务咨询, 在线留言) give a message's times, answer
// and state, as the common platforms write them: the message readers and the text check of a
// channel's pages read the same words.

#include <array>
#include <string_view>

namespace govmon::message_labels {

inline constexpr std::array<std::string_view, 14> asked_labels{
    "留言时间", "留言日期", "来信时间", "来信日期", "提问时间", "咨询时间", "写信时间",
    "写信日期", "提交时间", "投诉时间", "诉求时间", "发信时间", "反映时间", "来电时间"};
// Labels that name the answer itself.
inline constexpr std::array<std::string_view, 8> replied_labels{
    "答复时间", "答复日期", "回复时间", "回复日期", "反馈时间", "办结时间", "办结日期", "回复于"};
// Labels of a step in handling: Jiamusi shows a 处理时间 on letters still 正在办理, so such a
// date is an answer only where no status says the message is open.
inline constexpr std::array<std::string_view, 4> handled_labels{"办理时间", "处理时间", "办理日期",
                                                                "处理日期"};
inline constexpr std::array<std::string_view, 6> reply_content_labels{
    "答复内容", "回复内容", "答复意见", "回复意见", "处理结果", "办理结果"};
// Labels of the letter itself: what the public wrote, not the office.
inline constexpr std::array<std::string_view, 8> letter_labels{
    "留言内容", "来信内容", "信件内容", "咨询内容", "反映内容", "诉求内容", "投诉内容", "问题描述"};
inline constexpr std::array<std::string_view, 6> status_labels{"办理状态", "处理状态", "回复状态",
                                                               "状态",     "办理情况", "处理情况"};

} // namespace govmon::message_labels
