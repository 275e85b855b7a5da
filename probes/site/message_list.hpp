#pragma once

// The messages a consultation channel (领导信箱, 政务咨询, 在线留言) publishes, read from its list
// and detail pages in the shapes of the common CMSs: tables with a header row (来信主题 | 状态 |
// 留言时间 | 答复时间, MinMoreCMS-like and jact mailpublist.do), and list rows that label their
// dates (<li><a>标题</a> 留言时间：2026-03-02 [已回复]</li>, Hanweb-like), and the shapes of
// real platforms: EWCMS's bare 回复, EVECOM's header table apart from its rows, Huaibei's <ul>
// per message, Dalian's letter-number links, deyang's <th> data cells.

#include "probes/html/html_document.hpp"
#include "probes/site/message_row.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

struct message_list {
    std::vector<message_row> rows;
    bool reply_times_shown = false; // a reply-time column or label: its absence is news
    std::string next_page;          // the 下一页 link, absolute; empty when none
};

// The dates and state one message states in labelled text: 留言时间：, 答复时间：, 办理状态：…
struct message_facts {
    std::optional<std::int64_t> asked;
    std::optional<std::int64_t> replied;
    reply_state state = reply_state::unknown;
    std::string status;
};

// The state a status text names (未办结 before 办结; 转办 is probably_unanswered; 回复 only as
// the whole text).
reply_state state_of_status(std::string_view text, std::string* word = nullptr);

// Message rows of a channel's list page. A table row counts under a header that names its
// time or status columns, or when it shows a status; another row only when it labels a date or
// shows a status (outside its title: a title may quote 未答复). Year-less dates read against
// `now`.
message_list read_message_list(const html::html_document& doc, std::string_view page_url,
                               std::int64_t now);

// What a message's own page says: its labelled times and status (a status word elsewhere on
// the page, a filter tab 已办结信件, does not count); a 处理时间 answers only where no status says
// open; reply cells all left empty are probably_unanswered.
message_facts read_message_detail(const html::html_document& doc, std::int64_t now);

} // namespace govmon
