#include "interaction_rules.hpp"

#include "daemon/common/time_zone.hpp"

#include <algorithm>
#include <optional>

namespace govmon {
namespace {

constexpr std::int64_t day = 86400;

// Days as a person counts them between two calendar dates: a day-precision date stands for its
// last second, so the partial day is counted.
std::int64_t days_between(std::int64_t earlier, std::int64_t now) {
    return (now - earlier + day - 1) / day;
}

std::string date_of(std::int64_t t) {
    return format_iso8601(t).substr(0, 10);
}

std::string name_of_channel(const channel_reading& c) {
    return "〈" + (c.channel.name.empty() ? c.channel.url : c.channel.name) + "〉";
}

std::string read_at(const interaction_reading& r) {
    return "；读取于" + format_iso8601(r.read_at);
}

std::string message_evidence(const message_row& m, std::int64_t now) {
    std::string text = "《" + m.title + "》";
    if (m.asked)
        text += "留言时间" + date_of(*m.asked) + "（" +
                std::to_string(days_between(*m.asked, now)) + "天）";
    if (!m.status.empty())
        text += "，状态“" + m.status + "”";
    if (!m.url.empty())
        text += " " + m.url;
    return text;
}

bool gone(const channel_reading& c) {
    return c.http_status == 404 || c.http_status == 410;
}

void judge_missing(const std::string& home_url, const interaction_reading& r, rule_verdict& v) {
    if (!r.elsewhere.empty())
        return;
    if (std::any_of(r.channels.begin(), r.channels.end(),
                    [](const channel_reading& c) { return c.ok; }))
        return;
    std::string tried;
    for (const channel_reading& c : r.channels)
        tried +=
            (tried.empty() ? "" : "；") + name_of_channel(c) + " " + c.channel.url + " " +
            (c.error_detail.empty() ? "HTTP " + std::to_string(c.http_status) : c.error_detail);
    if (r.configured && !r.channels.empty() &&
        std::all_of(r.channels.begin(), r.channels.end(), gone)) {
        v.candidates.push_back({finding_kind::interaction_missing, finding_severity::veto, home_url,
                                "", "配置的咨询建言渠道均已不存在：" + tried + read_at(r)});
        return;
    }
    std::string detail =
        r.channels.empty()
            ? "未提供有效咨询建言渠道（疑似）：首页" + std::to_string(r.home_links) +
                  "个链接中没有名为留言、信箱、咨询、互动、政民、诉求、来信、问政、建言或路径为 "
                  "hd、hdjl、zmhd、gzhd、jact、liuyan、wyly 的链接；渠道可能设在上级平台，请核实"
                  "（可在配置中注明 interaction_channels 或 interaction_elsewhere）"
            : "咨询建言渠道无法打开（疑似）：" + tried;
    v.candidates.push_back({finding_kind::interaction_missing, finding_severity::warn, home_url, "",
                            detail + read_at(r)});
}

struct overdue_count {
    int count = 0;
    const message_row* oldest = nullptr;
    void add(const message_row& m) {
        ++count;
        if (!oldest || *m.asked < *oldest->asked)
            oldest = &m;
    }
};

std::string overdue_text(const overdue_count& c, std::string_view what, std::int64_t now) {
    return std::to_string(c.count) + "条留言" + std::string{what} + "（最早" +
           date_of(*c.oldest->asked) + "，" + std::to_string(days_between(*c.oldest->asked, now)) +
           "天：" + message_evidence(*c.oldest, now) + "）";
}

void judge_unanswered(const channel_reading& c, const interaction_reading& r, std::int64_t now,
                      const interaction_thresholds& t, rule_verdict& v) {
    overdue_count open, probably, late, early;
    for (const message_row& m : c.messages) {
        if (!m.asked || *m.asked > now || now - *m.asked > t.window)
            continue;
        const std::int64_t age = now - *m.asked;
        if (m.state == reply_state::answered) {
            if (m.replied && *m.replied - *m.asked > t.overdue)
                late.add(m);
        } else if (m.state == reply_state::unanswered && age > t.overdue) {
            open.add(m);
        } else if (m.state == reply_state::probably_unanswered && age > t.overdue) {
            probably.add(m);
        } else if (m.state == reply_state::unanswered && age > t.overdue_warn) {
            early.add(m);
        }
    }
    std::string parts;
    const auto add = [&](const overdue_count& n, std::string_view what) {
        if (n.count > 0)
            parts += (parts.empty() ? "" : "；") + overdue_text(n, what, now);
    };
    add(open, "超过3个月未答复");
    add(late, "答复用时超过3个月");
    const bool veto = !parts.empty();
    add(probably, "超过3个月未见答复（疑似：未标注答复或已转办）");
    add(early, "超过2个月未答复");
    if (parts.empty())
        return;
    const std::string head = veto ? "互动回应差：" : "互动回应差（疑似）：";
    v.candidates.push_back({finding_kind::interaction_unanswered,
                            veto ? finding_severity::veto : finding_severity::warn, c.channel.url,
                            "", head + name_of_channel(c) + parts + read_at(r)});
}

void judge_slow(const channel_reading& c, const interaction_reading& r, std::int64_t now,
                const interaction_thresholds& t, rule_verdict& v) {
    if (c.messages.empty())
        return;
    std::string parts;
    const auto add = [&](const std::string& p) { parts += (parts.empty() ? "" : "；") + p; };
    const auto undated = std::count_if(c.messages.begin(), c.messages.end(),
                                       [](const message_row& m) { return !m.dated; });
    if (undated > 0) {
        const auto first = std::find_if(c.messages.begin(), c.messages.end(),
                                        [](const message_row& m) { return !m.dated; });
        add(std::to_string(undated) + "条留言未公开留言时间（如" + message_evidence(*first, now) +
            "）");
    }
    std::optional<std::int64_t> newest_reply;
    int answered = 0;
    for (const message_row& m : c.messages) {
        if (m.state == reply_state::answered)
            ++answered;
        if (m.replied)
            newest_reply = std::max(newest_reply.value_or(*m.replied), *m.replied);
    }
    if (answered > 0 && !newest_reply)
        add(std::to_string(answered) + "条已答复留言均未公开答复时间（列表和" +
            std::to_string(c.details_opened) + "个留言页面）");
    if (newest_reply && now - *newest_reply > t.reply_stale)
        add("最近一次答复为" + date_of(*newest_reply) + "（" +
            std::to_string(days_between(*newest_reply, now)) + "天前），2个月内未更新留言答复");
    if (parts.empty())
        return;
    v.candidates.push_back({finding_kind::interaction_slow, finding_severity::deduct, c.channel.url,
                            "",
                            name_of_channel(c) + " " + c.channel.url + "：" + parts + "（共读取" +
                                std::to_string(c.messages.size()) + "条留言，读取于" +
                                format_iso8601(r.read_at) + "）"});
}

} // namespace

rule_verdict judge_interaction(const crawl_result& crawl, const std::string& home_url,
                               std::int64_t now, const interaction_thresholds& thresholds) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.interaction)
        return v;
    const interaction_reading& r = *crawl.interaction;
    v.judged = {finding_kind::interaction_missing, finding_kind::interaction_unanswered,
                finding_kind::interaction_slow};
    judge_missing(home_url, r, v);
    for (const channel_reading& c : r.channels) {
        if (!c.ok)
            continue;
        judge_unanswered(c, r, now, thresholds, v);
        judge_slow(c, r, now, thresholds, v);
    }
    return v;
}

} // namespace govmon
