#pragma once

// One message of a consultation channel as its list and its own page show it.

#include <cstdint>
#include <optional>
#include <string>

namespace govmon {

enum class reply_state {
    unknown,
    answered, // a reply time, or a status 已回复/已答复/已办结/已处理/办理完毕, or 回复 alone
    unanswered, // a status 未回复/办理中/正在办理/已受理/待处理…, or 答复时间：暂无
    // Not shown as answered, not said to be open: an empty cell under a reply-time header,
    // empty reply cells on its page, or a status 转办 (forwarded: the writer has no answer yet, but
    // another office may hold one).
    probably_unanswered,
};

struct message_row {
    std::string title;
    std::string url;                     // the detail page, absolute; empty when none
    std::optional<std::int64_t> asked;   // 留言时间 (its latest instant), UTC
    std::optional<std::int64_t> replied; // 答复时间
    reply_state state = reply_state::unknown;
    std::string status; // the status as the site shows it (已回复, 答复时间：暂无)
    bool dated = false; // the row shows any date at all
};

} // namespace govmon
