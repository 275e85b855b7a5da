#include "daemon/alerts/alert_mails.hpp"

#include "daemon/alerts/alert_wording.hpp"
#include "daemon/alerts/contact_routing.hpp"
#include "daemon/alerts/mail_body.hpp"
#include "daemon/alerts/mail_message.hpp"
#include "daemon/common/time_zone.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace govmon {
namespace {

constexpr std::size_t deductions_listed_per_target = 20;
constexpr std::size_t escalations_listed = 50;
constexpr const char* sender_name = "govmon 政务网站与新媒体监测";
constexpr const char* closing =
    "本邮件由 govmon 根据《政府网站与政务新媒体检查指标》自动生成。检测结果以最近一次成功检测为准；"
    "如对结果有疑问，请联系本级政务公开（网站）主管部门。";

std::string hex64(std::uint64_t h) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : text)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

std::string unit_name(const std::string& unit, const alert_directory& d) {
    if (unit == "*")
        return "全部单位";
    auto it = d.units.find(unit);
    return it == d.units.end() || it->second.name.empty() ? unit : it->second.name;
}

const target_row* target_of(const finding& f, const alert_directory& d) {
    auto it = d.targets.find(f.target);
    return it == d.targets.end() ? nullptr : &it->second;
}

std::string label_of(const finding& f, const alert_directory& d) {
    const target_row* t = target_of(f, d);
    return t ? target_label(t->name, t->kind, t->platform) : f.target;
}

std::optional<std::int64_t> newest_post_of(const finding& f, const alert_directory& d) {
    auto it = d.newest_posts.find(f.target);
    if (f.target_kind != "account" || it == d.newest_posts.end())
        return std::nullopt;
    return it->second;
}

// The evidence of one finding: where, since when, and for accounts the newest post.
mail_entry entry_for(const finding& f, const std::string& severity, const alert_directory& d,
                     std::int64_t now) {
    mail_entry e;
    e.title = label_of(f, d) + "：" + problem_name(f.kind);
    e.severity = severity;
    // A gambling or ad page must not be one click away in a mail to a unit's staff.
    e.links_clickable = f.kind != finding_kind::hidden_link && f.kind != finding_kind::ad_link &&
                        f.kind != finding_kind::tampered;
    if (!f.url.empty())
        e.facts.emplace_back(e.links_clickable ? "链接" : "链接（请勿点击）", f.url);
    if (!f.source.empty() && f.source != f.url)
        e.facts.emplace_back("所在页面", f.source);
    if (auto newest = newest_post_of(f, d)) {
        e.facts.emplace_back("最新发布", chinese_day(*newest, *d.zone) + "（距今 " +
                                             std::to_string((now - *newest) / 86400) + " 天）");
        if (f.kind == finding_kind::account_stale)
            e.facts.emplace_back("判定日期",
                                 "如在 " + chinese_day(*newest + d.dormant_after, *d.zone) +
                                     " 前仍未发布新内容，将被判定为“僵尸”账号（单项否决）");
    }
    if (!f.detail.empty())
        e.facts.emplace_back("检测记录", f.detail);
    e.facts.emplace_back("首次发现", format_iso8601(f.first_seen, *d.zone));
    if (auto due = d.due_dates.find(f.id); due != d.due_dates.end())
        e.facts.emplace_back("整改期限", format_iso8601(due->second, *d.zone) +
                                             (due->second <= now ? "（已逾期）" : ""));
    e.advice = advice_for(f.kind);
    return e;
}

composed_mail finish(std::string kind, const std::string& audience,
                     std::vector<std::string> recipients, std::string subject,
                     const mail_body& body, const alert_directory& d, std::int64_t now,
                     std::string_view uniqueness) {
    mail_message m;
    m.from_address = d.from;
    m.from_name = sender_name;
    m.to = recipients;
    m.subject = subject;
    m.date = now;
    m.zone = d.zone;
    m.message_id = "govmon." + kind + "." + std::to_string(now) + "." +
                   hex64(fnv1a(std::string(audience) + '\n' + std::string(uniqueness))) + "@" +
                   message_id_domain(d.from);
    m.text = render_text(body);
    m.html = render_html(body, subject);

    outbox_mail out;
    out.kind = std::move(kind);
    out.audience = audience;
    out.message_id = m.message_id;
    out.recipients = std::move(recipients);
    out.subject = std::move(subject);
    out.message = render_message(m);
    out.created_at = now;
    return {std::move(out), std::move(m.text)};
}

std::string alert_subject(const planned_alert& plan, const alert_directory& d) {
    const finding& first = plan.items.front().current;
    const std::size_t n = plan.items.size();
    const std::string unit = unit_name(plan.unit, d);
    if (plan.kind == "veto")
        return n == 1 ? "【单项否决】" + label_of(first, d) + "：" + problem_name(first.kind)
                      : "【单项否决】" + unit + "：新增 " + std::to_string(n) + " 项单项否决问题";
    if (plan.kind == "warning") {
        if (n == 1)
            if (auto newest = newest_post_of(first, d))
                return "【预警】" + label_of(first, d) + "如不更新，将于 " +
                       chinese_day(*newest + d.dormant_after, *d.zone) + " 被判定为“僵尸”账号";
        return n == 1
                   ? "【预警】" + label_of(first, d) + "：" + problem_name(first.kind)
                   : "【预警】" + unit + "：" + std::to_string(n) + " 个账号即将被判定为“僵尸”账号";
    }
    return n == 1 ? "【已恢复】" + label_of(first, d) + "：" + problem_name(first.kind) + "已解除"
                  : "【已恢复】" + unit + "：" + std::to_string(n) + " 项单项否决问题已解除";
}

std::string alert_opening(const planned_alert& plan, const alert_directory& d) {
    const std::string unit = unit_name(plan.unit, d);
    if (plan.kind == "veto")
        return unit + "：检测发现以下单项否决问题。单项否决项将导致网站或新媒体账号在检查中被判定为"
                      "不合格，请立即处理。";
    if (plan.kind == "warning")
        return unit + "：以下账号近期未发布内容。超过 " + std::to_string(d.dormant_after / 86400) +
               " 天未更新将被判定为“僵尸”账号（单项否决），请在判定日期前发布内容。";
    return unit + "：以下单项否决问题已不再出现，特此告知。";
}

mail_entry recovery_entry(const finding_event_row& row, const alert_directory& d) {
    const finding& f = row.current;
    mail_entry e;
    e.title = label_of(f, d) + "：" + problem_name(f.kind);
    e.severity = "已恢复";
    if (!f.url.empty())
        e.facts.emplace_back("链接", f.url);
    e.facts.emplace_back("问题出现", format_iso8601(f.first_seen, *d.zone));
    e.facts.emplace_back("恢复时间", format_iso8601(row.event.time, *d.zone));
    if (auto newest = newest_post_of(f, d))
        e.facts.emplace_back("最新发布", chinese_day(*newest, *d.zone));
    return e;
}

// A target closed in the registry or gone from the config keeps its last findings for the
// record, but is not probed any more: a digest must not go on calling it dormant.
bool is_probed(const std::string& target, const alert_directory& d) {
    auto it = d.targets.find(target);
    return it != d.targets.end() && it->second.active;
}

// Freshness verdicts of an account the platform now refuses to show us rest on older probes.
void note_blocked_freshness(mail_entry& e, const finding& f,
                            const std::set<std::string>& blocked_accounts) {
    if ((f.kind == finding_kind::account_dormant || f.kind == finding_kind::account_stale) &&
        blocked_accounts.count(f.target))
        e.facts.emplace_back("说明", "平台当前拒绝检测，此结论以最近一次成功检测为准");
}

int severity_rank(finding_severity severity) {
    return severity == finding_severity::veto ? 0 : severity == finding_severity::warn ? 1 : 2;
}

// Sections per target: targets with a veto first, then by name; findings newest first.
std::vector<mail_section> digest_sections(std::vector<finding> findings,
                                          const std::set<std::string>& blocked_accounts,
                                          const alert_directory& d, std::int64_t now) {
    std::map<std::string, std::vector<finding>> by_target;
    for (finding& f : findings)
        by_target[f.target].push_back(std::move(f));
    std::vector<std::pair<std::string, std::vector<finding>>> groups(by_target.begin(),
                                                                     by_target.end());
    auto worst = [](const std::vector<finding>& fs) {
        int rank = 2;
        for (const finding& f : fs)
            rank = std::min(rank, severity_rank(f.severity));
        return rank;
    };
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        return worst(a.second) < worst(b.second);
    });

    std::vector<mail_section> sections;
    for (auto& [target, fs] : groups) {
        std::stable_sort(fs.begin(), fs.end(), [](const finding& a, const finding& b) {
            if (severity_rank(a.severity) != severity_rank(b.severity))
                return severity_rank(a.severity) < severity_rank(b.severity);
            return a.first_seen > b.first_seen;
        });
        mail_section s;
        s.heading = label_of(fs.front(), d);
        if (const target_row* t = target_of(fs.front(), d); t && !t->url.empty())
            s.heading += "  " + t->url;
        std::size_t deductions = 0;
        std::size_t unlisted = 0;
        for (const finding& f : fs) {
            if (f.severity == finding_severity::deduct &&
                ++deductions > deductions_listed_per_target) {
                ++unlisted;
                continue;
            }
            s.entries.push_back(entry_for(f, severity_name(f.severity), d, now));
            note_blocked_freshness(s.entries.back(), f, blocked_accounts);
        }
        if (unlisted > 0)
            s.note = "另有 " + std::to_string(unlisted) +
                     " 项扣分问题未列出，请用 govmon findings 查看全部。";
        sections.push_back(std::move(s));
    }
    return sections;
}

} // namespace

std::vector<std::string> recipients_of(const std::string& unit, const alert_directory& d) {
    auto it = d.units.find(unit);
    if (it != d.units.end() && !it->second.contacts.empty())
        return it->second.contacts;
    return d.ops;
}

composed_mail compose_alert(const planned_alert& plan, const alert_directory& d, std::int64_t now) {
    mail_body body;
    body.opening = alert_opening(plan, d);
    mail_section section;
    section.heading = plan.kind == "veto"      ? "新增单项否决问题"
                      : plan.kind == "warning" ? "即将被判定为“僵尸”账号"
                                               : "已解除的问题";
    std::string uniqueness;
    for (const finding_event_row& row : plan.items) {
        section.entries.push_back(
            plan.kind == "recovery"
                ? recovery_entry(row, d)
                : entry_for(row.current, severity_name(row.event.severity), d, now));
        uniqueness += std::to_string(row.event_id) + ",";
    }
    body.sections.push_back(std::move(section));
    body.closing = closing;
    std::vector<const finding*> about;
    for (const finding_event_row& row : plan.items)
        about.push_back(&row.current);
    return finish(plan.kind, plan.unit, routed_recipients(plan.kind, plan.unit, about, d),
                  alert_subject(plan, d), body, d, now, uniqueness);
}

std::optional<composed_mail> compose_digest(const std::string& audience,
                                            const std::vector<finding>& open,
                                            const alert_directory& d, std::int64_t now) {
    std::vector<finding> mine;
    for (const finding& f : open) {
        if (f.status != finding_status::open || !is_probed(f.target, d))
            continue;
        if (audience == "*" || (f.unit == audience && f.kind != finding_kind::account_blocked))
            mine.push_back(f);
    }
    if (mine.empty())
        return std::nullopt;
    int counts[3] = {0, 0, 0};
    for (const finding& f : mine)
        ++counts[severity_rank(f.severity)];
    const std::string unit = unit_name(audience, d);
    const std::string summary = "单项否决 " + std::to_string(counts[0]) + " 项、预警 " +
                                std::to_string(counts[1]) + " 项、扣分 " +
                                std::to_string(counts[2]) + " 项";
    mail_body body;
    body.opening = unit + "：截至 " + format_iso8601(now, *d.zone) + "，尚未解决的问题共 " +
                   std::to_string(mine.size()) + " 项（" + summary +
                   "），按网站和账号列出如下，单项否决项请优先处理。";
    std::set<std::string> blocked_accounts;
    for (const finding& f : open)
        if (f.status == finding_status::open && f.kind == finding_kind::account_blocked)
            blocked_accounts.insert(f.target);
    body.sections = digest_sections(std::move(mine), blocked_accounts, d, now);
    body.closing = closing;
    const std::string subject =
        "【汇总】" + unit + "：" + summary + "（" + chinese_day(now, *d.zone) + "）";
    auto recipients = audience == "*" ? d.ops : routed_recipients("digest", audience, {}, d);
    return finish("digest", audience, std::move(recipients), subject, body, d, now, "digest");
}

composed_mail compose_escalation(const planned_escalation& plan, const alert_directory& d,
                                 std::int64_t now) {
    const std::string unit = unit_name(plan.unit, d);
    const std::size_t n = plan.findings.size();
    mail_body body;
    body.opening =
        unit + "：以下 " + std::to_string(n) +
        " 项问题已超过整改期限仍未解决，现提请主管部门督办。问题解决后，下次检测即自动确认。";
    mail_section section;
    section.heading = "超过整改期限的问题";
    std::string uniqueness;
    std::vector<const finding*> about;
    for (std::size_t i = 0; i < n; ++i) {
        const finding& f = plan.findings[i];
        uniqueness += f.id + "@" + std::to_string(plan.rows[i].since) + ",";
        about.push_back(&f);
        if (i >= escalations_listed)
            continue;
        section.entries.push_back(entry_for(f, severity_name(f.severity), d, now));
    }
    if (n > escalations_listed)
        section.note = "另有 " + std::to_string(n - escalations_listed) +
                       " 项未列出，请用 govmon findings 查看全部。";
    body.sections.push_back(std::move(section));
    body.closing = closing;
    const finding& first = plan.findings.front();
    const std::string subject =
        n == 1 ? "【整改逾期】" + label_of(first, d) + "：" + problem_name(first.kind) +
                     "（整改期限 " + chinese_day(plan.rows.front().due - 1, *d.zone) + "）"
               : "【整改逾期】" + unit + "：" + std::to_string(n) + " 项问题超过整改期限";
    return finish("escalation", plan.unit, routed_recipients("escalation", plan.unit, about, d),
                  subject, body, d, now, uniqueness);
}

composed_mail compose_sample(const std::string& to, const alert_directory& d, std::int64_t now) {
    finding f;
    f.target = "sample-account";
    f.target_kind = "account";
    f.kind = finding_kind::account_stale;
    f.severity = finding_severity::warn;
    f.url = "https://weibo.com/u/0000000000";
    f.detail = "这是一封测试邮件，不代表真实的检测结果。";
    f.first_seen = now;
    alert_directory sample = d;
    sample.targets[f.target] = {f.target, "account", "示例账号", "weibo", "", f.url, true};
    sample.newest_posts[f.target] = now - 8 * 86400;
    mail_body body;
    body.opening =
        "这是 govmon 发出的测试邮件：如果您能正常阅读这段中文，说明告警邮件的发送和编码均已正常。";
    body.sections.push_back({"告警示例", {entry_for(f, "预警", sample, now)}, ""});
    body.closing = closing;
    return finish("warning", "*", {to}, "【测试】govmon 告警邮件测试", body, sample, now, to);
}

} // namespace govmon
