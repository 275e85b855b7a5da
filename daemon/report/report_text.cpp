#include "report_text.hpp"

#include "daemon/common/time_zone.hpp"

#include <cmath>
#include <cstdio>

namespace govmon {

std::array<side_ref, 2> sides_of(const quarter_summary& summary) {
    return {{{"site", &summary.sites}, {"account", &summary.accounts}}};
}

std::string side_name(const std::string& kind) {
    return kind == "site" ? "政府网站" : "政务新媒体";
}

std::string title_text(const report_context& context) {
    switch (context.period) {
    case report_period::month:
        return context.quarter_name + " 政府网站与政务新媒体月度自查";
    case report_period::window:
        return context.quarter_name + " 政府网站与政务新媒体检查通报";
    case report_period::quarter:
        break;
    }
    return context.quarter_name + " 政府网站与政务新媒体季度检查通报";
}

std::string period_word(const report_context& context) {
    switch (context.period) {
    case report_period::month:
        return "月";
    case report_period::window:
        return "检查期";
    case report_period::quarter:
        break;
    }
    return "季度";
}

std::string checkpoint_text(const report_context& context) {
    const std::string word = period_word(context);
    if (context.generated_at < context.quarter.to)
        return (context.period == report_period::month ? "本" : "") + word +
               "未结束，结论以生成时（" + minute_text(context.generated_at) + "）为准";
    return "结论以" + word + "末（" + minute_text(context.quarter.to) + "）为准";
}

std::string percent_text(const fraction& f) {
    const auto value = f.percent();
    if (!value)
        return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f %%", *value);
    return text;
}

std::string points_text(const std::optional<double>& points) {
    if (!points)
        return "—";
    // -0.004 would print as "-0.00": a change that rounds to nothing has no sign.
    const double rounded = std::round(*points * 100.0) / 100.0;
    char text[48];
    std::snprintf(text, sizeof text, "%s%.2f 个百分点", rounded > 0 ? "+" : "",
                  rounded == 0 ? 0.0 : rounded);
    return text;
}

std::string score_text(int tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string day_text(const std::optional<std::int64_t>& epoch_seconds) {
    return epoch_seconds ? format_iso8601(*epoch_seconds).substr(0, 10) : "—";
}

std::string minute_text(std::int64_t epoch_seconds) {
    std::string iso = format_iso8601(epoch_seconds);
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string span_text(const std::optional<std::int64_t>& seconds) {
    if (!seconds)
        return "—";
    if (*seconds < 86400)
        return std::to_string(*seconds / 3600) + " 小时";
    return std::to_string(*seconds / 86400) + " 天";
}

std::string kind_label(finding_kind kind) {
    return std::string(info_of(kind).label);
}

std::string target_kind_label(const std::string& kind) {
    return kind == "site" ? "网站" : kind == "account" ? "账号" : kind;
}

std::string share_sentence(const problem_share& p, const std::string& target_kind) {
    return std::to_string(p.share.whole) + " 个问题" + target_kind_label(target_kind) + "中，" +
           std::to_string(p.share.part) + " 个" + kind_label(p.kind) + "（" +
           percent_text(p.share) + "）";
}

std::string more_text(std::size_t left_out) {
    return "另有 " + std::to_string(left_out) + " 项，见 CSV 清单";
}

std::string due_text(const problem& p) {
    // A deadline ends at a midnight: the day before it is the last day to fix the problem.
    return p.due ? day_text(*p.due - 1) : day_text(std::nullopt);
}

std::string repeat_text(const repeat_offence& r, const report_context& context) {
    std::string text;
    if (r.previous_quarter)
        text = context.previous_name + " " + period_word(context) + "末亦存在";
    if (r.reopened > 0)
        text += (text.empty() ? "" : "；") + std::string("本") + period_word(context) +
                "整改后复发 " + std::to_string(r.reopened) + " 次";
    return text;
}

std::string repeat_rule_text(const report_context& context) {
    const std::string word = period_word(context);
    return "同类问题连续两个" + word + "末存在或本" + word + "整改后复发的对象";
}

} // namespace govmon
