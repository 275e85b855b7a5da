#pragma once

#include "daemon/common/chinese_names.hpp"
#include "daemon/report/quarter_summary.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

// The words and number formats every report format shares, so that the HTML, Markdown and CSV
// of one quarter say the same thing in the same way.
namespace govmon {

struct side_ref {
    std::string kind; // "site" or "account"
    const side_summary* side;
};
// Sites first, then accounts: the order of every section.
std::array<side_ref, 2> sides_of(const quarter_summary& summary);
// 政府网站 / 政务新媒体
std::string side_name(const std::string& kind);

// "2026Q3 政府网站与政务新媒体季度检查通报", "2026年11月 …月度自查", "2026-09-13至2026-09-26
// …检查通报".
std::string title_text(const report_context& context);
// 季度, 月, 检查期: "季度末", "月末", "检查期末".
std::string period_word(const report_context& context);
// "结论以季度末（2026-10-01 00:00）为准", or, for a quarter still running, the time of the report.
std::string checkpoint_text(const report_context& context);

// "27.78 %"; "—" when there is nothing to divide by.
std::string percent_text(const fraction& f);
// "+5.00 个百分点", "-1.25 个百分点", "0.00 个百分点"; "—" when a quarter had nothing checked.
std::string points_text(const std::optional<double>& points);
// "93.5" from tenths.
std::string score_text(int tenths);
// "2026-09-30" in the process zone; "—" for nothing.
std::string day_text(const std::optional<std::int64_t>& epoch_seconds);
// "2026-09-30 14:05" in the process zone.
std::string minute_text(std::int64_t epoch_seconds);
// "23 天" / "5 小时".
std::string span_text(const std::optional<std::int64_t>& seconds);

std::string kind_label(finding_kind kind); // account_dormant -> 内容不更新（两周无更新）
std::string target_kind_label(const std::string& kind); // site -> 网站

// "5 of 18 problem accounts (27.78 %) ..." in the report's language.
std::string share_sentence(const problem_share& p, const std::string& target_kind);

// The last day of a problem's rectification deadline, "2026-10-20"; "—" without one.
std::string due_text(const problem& p);
// Why a target is a repeat offender: "2026Q2 季度末亦存在；本季度整改后复发 1 次".
std::string repeat_text(const repeat_offence& r, const report_context& context);
// The rule a 多次被通报 target meets, in the period's words.
std::string repeat_rule_text(const report_context& context);

// "（另有 12 项，见 CSV 清单）": how many problems a list left out.
std::string more_text(std::size_t left_out);

} // namespace govmon
