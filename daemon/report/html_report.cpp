#include "daemon/common/base64.hpp"
#include "daemon/common/html_text.hpp"
#include "daemon/report/deduction_score.hpp"
#include "daemon/report/report_text.hpp"
#include "daemon/report/report_writers.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {
namespace {

constexpr std::string_view style = R"(
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
  "Noto Serif CJK SC", "Source Han Serif SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
  SimSun, "宋体",
  sans-serif; font-size: 10.5pt; line-height: 1.55; color: #1a1a1a; max-width: 182mm;
  margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; letter-spacing: 1pt; }
h2 { font-size: 13.5pt; border-bottom: 1.5pt solid #8b1a1a; padding-bottom: 2pt;
  margin: 16pt 0 6pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p.meta { text-align: center; color: #555; font-size: 9pt; margin: 0 0 10pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #9a9a9a; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #f1ede4; font-weight: bold; }
td.n { text-align: right; white-space: nowrap; }
td.url { word-break: break-all; }
.fail { color: #b3261e; font-weight: bold; }
.pass { color: #1e6b34; }
.charts { text-align: center; }
img.chart { margin: 4pt 6pt; max-width: 100%; }
ul.shares { margin: 2pt 0 8pt; padding-left: 18pt; }
p.more { color: #555; font-size: 9pt; margin: 0 0 8pt; }
)";

// Cells: text escaped by the caller's choice of cell kind.
struct html_cell {
    std::string html; // already escaped
    const char* css = nullptr;
};

html_cell text(std::string_view value) {
    return {escape_html(value), nullptr};
}
html_cell number(const std::string& value) {
    return {escape_html(value), "n"};
}
html_cell link(std::string_view url) {
    return {escape_html(url), "url"};
}

void table(std::ostream& out, const std::vector<std::string>& headers,
           const std::vector<std::vector<html_cell>>& rows) {
    out << "<table>\n<thead><tr>";
    for (const std::string& h : headers)
        out << "<th>" << escape_html(h) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
        out << "<tr>";
        for (const html_cell& c : r)
            out << (c.css ? std::string{"<td class=\""} + c.css + "\">" : std::string{"<td>"})
                << c.html << "</td>";
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

// A horizontal bar chart as an SVG image in a data: URL: self-contained, and an <img> keeps the
// page plain HTML that any parser reads.
struct bar {
    std::string label;
    std::optional<double> percent;
    std::string value_text;
};

std::string bar_chart(const std::string& title, const std::vector<bar>& bars,
                      const std::string& colour) {
    const int width = 330, label_width = 130, bar_width = 130, row = 22, top = 26;
    const int height = top + row * static_cast<int>(bars.size()) + 6;
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
        "\" height=\"" + std::to_string(height) +
        "\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, SimSun, "
        "sans-serif\" font-size=\"11\">";
    svg += "<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"bold\">" + escape_html(title) +
           "</text>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const int y = top + row * static_cast<int>(i);
        const double share = std::clamp(bars[i].percent.value_or(0.0), 0.0, 100.0) / 100.0;
        const int filled = static_cast<int>(share * bar_width + 0.5);
        svg += "<text x=\"0\" y=\"" + std::to_string(y + 13) + "\">" + escape_html(bars[i].label) +
               "</text>";
        svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 2) +
               "\" width=\"" + std::to_string(bar_width) + "\" height=\"14\" fill=\"#eeeeee\"/>";
        svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 2) +
               "\" width=\"" + std::to_string(filled) + "\" height=\"14\" fill=\"" + colour +
               "\"/>";
        svg += "<text x=\"" + std::to_string(label_width + bar_width + 6) + "\" y=\"" +
               std::to_string(y + 13) + "\">" + escape_html(bars[i].value_text) + "</text>";
    }
    svg += "</svg>";
    return "<img class=\"chart\" alt=\"" + escape_html(title) + "\" width=\"" +
           std::to_string(width) + "\" height=\"" + std::to_string(height) +
           "\" src=\"data:image/svg+xml;base64," + base64_encode(svg) + "\">";
}

std::string shown_group(const std::string& group) {
    return platform_name(group);
}

void overview(std::ostream& out, const quarter_summary& s) {
    out << "<h2>一、总体情况</h2>\n";
    std::vector<std::vector<html_cell>> rows;
    for (const auto& [kind, side] : sides_of(s))
        rows.push_back({text(side_name(kind)), number(std::to_string(side->checked.whole)),
                        number(std::to_string(side->checked.part)),
                        number(percent_text(side->checked)),
                        number(std::to_string(side->verdicts.passed)),
                        number(std::to_string(side->verdicts.failed)),
                        number(percent_text(side->verdicts.pass_rate())),
                        number(percent_text(side->previous.pass_rate())),
                        number(points_text(side->change_points))});
    table(out,
          {"类别", "总数", "已检查", "检查比例", "合格", "不合格", "合格率",
           s.context.previous_name + " 合格率", "环比"},
          rows);

    std::vector<bar> bars;
    for (const auto& [kind, side] : sides_of(s)) {
        bars.push_back({side_name(kind) + " " + s.context.previous_name,
                        side->previous.pass_rate().percent(),
                        percent_text(side->previous.pass_rate())});
        bars.push_back({side_name(kind) + " " + s.context.quarter_name,
                        side->verdicts.pass_rate().percent(),
                        percent_text(side->verdicts.pass_rate())});
    }
    out << "<div class=\"charts\">" << bar_chart("合格率", bars, "#2f6f9f") << "</div>\n";

    for (const auto& [kind, side] : sides_of(s)) {
        out << "<h3>" << side_name(kind) << (kind == "site" ? "（按级别）" : "（按平台）")
            << "</h3>\n";
        std::vector<std::vector<html_cell>> groups;
        for (const group_row& g : side->groups)
            groups.push_back({text(shown_group(g.name)), number(std::to_string(g.population)),
                              number(std::to_string(g.verdicts.checked)),
                              number(std::to_string(g.verdicts.passed)),
                              number(std::to_string(g.verdicts.failed)),
                              number(percent_text(g.verdicts.pass_rate()))});
        table(out, {kind == "site" ? "级别" : "平台", "总数", "已检查", "合格", "不合格", "合格率"},
              groups);
    }
}

void problem_types(std::ostream& out, const quarter_summary& s) {
    out << "<h2>二、问题类型</h2>\n";
    std::string charts;
    for (const auto& [kind, side] : sides_of(s)) {
        out << "<h3>" << side_name(kind) << "</h3>\n";
        if (side->problem_types.empty()) {
            out << "<p>未发现问题。</p>\n";
            continue;
        }
        out << "<ul class=\"shares\">\n";
        std::vector<bar> bars;
        for (const problem_share& p : side->problem_types) {
            out << "<li>" << escape_html(share_sentence(p, kind)) << "</li>\n";
            bars.push_back({kind_label(p.kind), p.share.percent(), percent_text(p.share)});
        }
        out << "</ul>\n";
        charts += bar_chart(side_name(kind) + "问题类型占比", bars, "#b3261e");
    }
    if (!charts.empty())
        out << "<div class=\"charts\">" << charts << "</div>\n";
}

std::string evidence(const problem& p) {
    std::string html = escape_html(p.detail);
    if (!p.source.empty() && p.source != p.url)
        html += "<br>所在页面：" + escape_html(p.source);
    return html;
}

std::string since_text(const problem& p) {
    std::string shown = minute_text(p.since);
    if (p.severity_since != p.since)
        shown += "；" + minute_text(p.severity_since) + " 起" + severity_name(p.severity);
    return escape_html(shown);
}

void failing_list(std::ostream& out, const std::string& title, const side_summary& side) {
    out << "<h2>" << escape_html(title) << "</h2>\n";
    if (side.failing.empty()) {
        out << "<p>无。</p>\n";
        return;
    }
    for (const failing_target& f : side.failing) {
        out << "<h3>" << escape_html(f.target.name) << "（" << escape_html(f.target.id)
            << "）</h3>\n";
        out << "<p>主办单位：" << escape_html(f.target.unit) << "；"
            << escape_html(shown_group(f.target.group)) << "；<span class=\"url\">"
            << escape_html(f.target.url) << "</span>";
        if (f.score_tenths)
            out << "；得分 "
                << (*f.score_tenths < passing_score_tenths ? "<span class=\"fail\">" : "<span>")
                << score_text(*f.score_tenths) << "</span>";
        out << "</p>\n";
        std::vector<std::vector<html_cell>> rows;
        for (std::size_t i = 0; i < f.problems.size() && i < problems_shown_per_target; ++i) {
            const problem& p = f.problems[i];
            rows.push_back({text(kind_label(p.kind)),
                            {escape_html(severity_name(p.severity)),
                             p.severity == finding_severity::veto ? "fail" : nullptr},
                            link(p.url),
                            {evidence(p), "url"},
                            {since_text(p), nullptr},
                            text(due_text(p))});
        }
        table(out, {"问题", "性质", "链接", "证据", "发现时间", "整改期限"}, rows);
        if (f.problems.size() > problems_shown_per_target)
            out << "<p class=\"more\">"
                << escape_html(more_text(f.problems.size() - problems_shown_per_target))
                << "</p>\n";
    }
}

void recheck(std::ostream& out, const quarter_summary& s) {
    out << "<h2>五、" << escape_html(s.context.previous_name) << " 问题复核</h2>\n";
    const std::int64_t all = static_cast<std::int64_t>(s.recheck.size());
    out << "<p>" << escape_html(s.context.previous_name) << " " << period_word(s.context)
        << "末未整改问题 " << all << " 项：已整改 " << s.recheck_fixed << " 项（"
        << percent_text({s.recheck_fixed, all}) << "），仍未整改 " << all - s.recheck_fixed
        << " 项。</p>\n";
    if (s.recheck.empty())
        return;
    std::vector<std::vector<html_cell>> rows;
    per_target_cap cap;
    for (const recheck_item& r : s.recheck) {
        if (!cap.admit(r.target.id))
            continue;
        const std::string result =
            r.fixed ? "已整改" + (r.fixed_at ? "（" + day_text(r.fixed_at) + "）" : "")
                    : std::string{"仍未整改"};
        rows.push_back({text(r.target.name + "（" + r.target.id + "）"),
                        text(kind_label(r.was.kind)),
                        link(r.was.url),
                        {evidence(r.was), "url"},
                        text(minute_text(r.was.since)),
                        {escape_html(result), r.fixed ? "pass" : "fail"}});
    }
    table(out, {"对象", "问题", "链接", "证据", "发现时间", "复核结果"}, rows);
    if (cap.left_out())
        out << "<p class=\"more\">" << escape_html(more_text(cap.left_out())) << "</p>\n";
}

void site_table(std::ostream& out, const quarter_summary& s) {
    out << "<h2>六、网站明细</h2>\n";
    std::vector<std::vector<html_cell>> rows;
    for (const site_figures& r : s.site_rows)
        rows.push_back({text(r.target.name + "（" + r.target.id + "）"),
                        text(r.target.group),
                        number(percent_text(r.availability)),
                        number(day_text(r.newest_update)),
                        number(span_text(r.longest_gap_seconds)),
                        number(std::to_string(r.broken_home)),
                        number(std::to_string(r.broken_elsewhere)),
                        number(score_text(r.score_tenths)),
                        {escape_html(!r.checked ? "未检查"
                                     : r.passed ? "合格"
                                                : "不合格"),
                         r.checked && !r.passed ? "fail" : nullptr}});
    table(out,
          {"网站", "级别", "可用率", "最近更新", "最长未更新", "首页错链", "其他错链", "得分",
           "结论"},
          rows);
}

void repeats(std::ostream& out, const quarter_summary& s) {
    out << "<h2>七、多次被通报</h2>\n";
    out << "<p>" << repeat_rule_text(s.context) << " " << s.repeat_targets << " 个。</p>\n";
    if (s.repeats.empty())
        return;
    std::vector<std::vector<html_cell>> rows;
    for (const repeat_offence& r : s.repeats)
        rows.push_back({text(r.target.name + "（" + r.target.id + "）"),
                        text(r.target.unit),
                        text(kind_label(r.kind)),
                        {escape_html(repeat_text(r, s.context)), "fail"}});
    table(out, {"对象", "主办单位", "问题", "情形"}, rows);
}

} // namespace

void write_html_report(const quarter_summary& s, std::ostream& out) {
    const std::string title = title_text(s.context);
    out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        << escape_html(title) << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
    out << "<h1>" << escape_html(title) << "</h1>\n";
    out << "<p class=\"meta\">检查期间 " << day_text(s.context.quarter.from) << " 至 "
        << day_text(s.context.quarter.to - 1) << "；" << escape_html(checkpoint_text(s.context))
        << "；生成于 " << minute_text(s.context.generated_at) << "</p>\n";
    overview(out, s);
    problem_types(out, s);
    failing_list(out, "三、不合格政府网站", s.sites);
    failing_list(out, "四、不合格政务新媒体", s.accounts);
    recheck(out, s);
    site_table(out, s);
    repeats(out, s);
    out << "</body>\n</html>\n";
}

} // namespace govmon
