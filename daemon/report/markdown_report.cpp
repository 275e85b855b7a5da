#include "daemon/report/report_text.hpp"
#include "daemon/report/report_writers.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {
namespace {

// A table cell: Markdown syntax characters escaped, line breaks flattened, so that text from
// the network can neither break the table nor turn into markup.
std::string cell(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\r' || c == '\n') {
            out.push_back(' ');
            continue;
        }
        if (std::string_view{"\\`*_[]<>|#!~&"}.find(c) != std::string_view::npos)
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
    out << '|';
    for (const std::string& c : cells)
        out << ' ' << c << " |";
    out << '\n';
}

void header(std::ostream& out, const std::vector<std::string>& names) {
    row(out, names);
    out << '|';
    for (std::size_t i = 0; i < names.size(); ++i)
        out << " --- |";
    out << '\n';
}

void overview(std::ostream& out, const quarter_summary& s) {
    out << "## 一、总体情况\n\n";
    header(out, {"类别", "总数", "已检查", "检查比例", "合格", "不合格", "合格率",
                 s.context.previous_name + " 合格率", "环比"});
    for (const auto& [kind, side] : sides_of(s))
        row(out, {side_name(kind), std::to_string(side->checked.whole),
                  std::to_string(side->checked.part), percent_text(side->checked),
                  std::to_string(side->verdicts.passed), std::to_string(side->verdicts.failed),
                  percent_text(side->verdicts.pass_rate()),
                  percent_text(side->previous.pass_rate()), points_text(side->change_points)});
    for (const auto& [kind, side] : sides_of(s)) {
        out << '\n'
            << "### " << side_name(kind) << (kind == "site" ? "（按级别）" : "（按平台）")
            << "\n\n";
        header(out,
               {kind == "site" ? "级别" : "平台", "总数", "已检查", "合格", "不合格", "合格率"});
        for (const group_row& g : side->groups)
            row(out, {cell(platform_name(g.name)), std::to_string(g.population),
                      std::to_string(g.verdicts.checked), std::to_string(g.verdicts.passed),
                      std::to_string(g.verdicts.failed), percent_text(g.verdicts.pass_rate())});
    }
    out << '\n';
}

void problem_types(std::ostream& out, const quarter_summary& s) {
    out << "## 二、问题类型\n\n";
    for (const auto& [kind, side] : sides_of(s)) {
        out << "### " << side_name(kind) << "\n\n";
        if (side->problem_types.empty())
            out << "未发现问题。\n";
        for (const problem_share& p : side->problem_types)
            out << "- " << share_sentence(p, kind) << '\n';
        out << '\n';
    }
}

std::string evidence(const problem& p) {
    std::string text = cell(p.detail);
    if (!p.source.empty() && p.source != p.url)
        text += "（所在页面 " + cell(p.source) + "）";
    return text;
}

std::string since_text(const problem& p) {
    std::string text = minute_text(p.since);
    if (p.severity_since != p.since)
        text += "，" + minute_text(p.severity_since) + " 起" + severity_name(p.severity);
    return text;
}

void failing_list(std::ostream& out, const std::string& title, const side_summary& side) {
    out << title << "\n\n";
    if (side.failing.empty()) {
        out << "无。\n\n";
        return;
    }
    for (const failing_target& f : side.failing) {
        out << "### " << cell(f.target.name) << "（" << cell(f.target.id) << "）\n\n";
        out << "主办单位：" << cell(f.target.unit) << "；" << cell(platform_name(f.target.group))
            << "；" << cell(f.target.url);
        if (f.score_tenths)
            out << "；得分 " << score_text(*f.score_tenths);
        out << "\n\n";
        header(out, {"问题", "性质", "链接", "证据", "发现时间", "整改期限"});
        for (std::size_t i = 0; i < f.problems.size() && i < problems_shown_per_target; ++i) {
            const problem& p = f.problems[i];
            row(out, {kind_label(p.kind), severity_name(p.severity), cell(p.url), evidence(p),
                      since_text(p), due_text(p)});
        }
        if (f.problems.size() > problems_shown_per_target)
            out << "\n" << more_text(f.problems.size() - problems_shown_per_target) << "。\n";
        out << '\n';
    }
}

void recheck(std::ostream& out, const quarter_summary& s) {
    out << "## 五、" << s.context.previous_name << " 问题复核\n\n";
    const std::int64_t all = static_cast<std::int64_t>(s.recheck.size());
    out << s.context.previous_name << " " << period_word(s.context) << "末未整改问题 " << all
        << " 项：已整改 " << s.recheck_fixed << " 项（" << percent_text({s.recheck_fixed, all})
        << "），仍未整改 " << all - s.recheck_fixed << " 项。\n\n";
    if (s.recheck.empty())
        return;
    header(out, {"对象", "问题", "链接", "证据", "发现时间", "复核结果"});
    per_target_cap cap;
    for (const recheck_item& r : s.recheck) {
        if (!cap.admit(r.target.id))
            continue;
        row(out, {cell(r.target.name) + "（" + cell(r.target.id) + "）", kind_label(r.was.kind),
                  cell(r.was.url), evidence(r.was), minute_text(r.was.since),
                  r.fixed ? "已整改" + (r.fixed_at ? "（" + day_text(r.fixed_at) + "）" : "")
                          : std::string{"仍未整改"}});
    }
    if (cap.left_out())
        out << "\n" << more_text(cap.left_out()) << "。\n";
    out << '\n';
}

void site_table(std::ostream& out, const quarter_summary& s) {
    out << "## 六、网站明细\n\n";
    header(out, {"网站", "级别", "可用率", "最近更新", "最长未更新", "首页错链", "其他错链", "得分",
                 "结论"});
    for (const site_figures& r : s.site_rows)
        row(out, {cell(r.target.name) + "（" + cell(r.target.id) + "）", cell(r.target.group),
                  percent_text(r.availability), day_text(r.newest_update),
                  span_text(r.longest_gap_seconds), std::to_string(r.broken_home),
                  std::to_string(r.broken_elsewhere), score_text(r.score_tenths),
                  !r.checked ? "未检查"
                  : r.passed ? "合格"
                             : "不合格"});
    out << '\n';
}

void repeats(std::ostream& out, const quarter_summary& s) {
    out << "## 七、多次被通报\n\n";
    out << repeat_rule_text(s.context) << " " << s.repeat_targets << " 个。\n\n";
    if (s.repeats.empty())
        return;
    header(out, {"对象", "主办单位", "问题", "情形"});
    for (const repeat_offence& r : s.repeats)
        row(out, {cell(r.target.name) + "（" + cell(r.target.id) + "）", cell(r.target.unit),
                  kind_label(r.kind), repeat_text(r, s.context)});
    out << '\n';
}

} // namespace

void write_markdown_report(const quarter_summary& s, std::ostream& out) {
    out << "# " << title_text(s.context) << "\n\n";
    out << "检查期间：" << day_text(s.context.quarter.from) << " 至 "
        << day_text(s.context.quarter.to - 1) << "；" << checkpoint_text(s.context)
        << "；生成时间：" << minute_text(s.context.generated_at) << "。\n\n";
    overview(out, s);
    problem_types(out, s);
    failing_list(out, "## 三、不合格政府网站", s.sites);
    failing_list(out, "## 四、不合格政务新媒体", s.accounts);
    recheck(out, s);
    site_table(out, s);
    repeats(out, s);
}

} // namespace govmon
