#include "daemon/status/status_html.hpp"

#include "daemon/common/chinese_names.hpp"
#include "daemon/common/html_text.hpp"
#include "daemon/common/probe_kind.hpp"
#include "daemon/common/time_zone.hpp"

#include <cstdio>
#include <string_view>

namespace govmon {
namespace {

constexpr std::string_view style = R"(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 14px; line-height: 1.5;
  color: #1a1a1a; margin: 0 auto; padding: 12px 20px; max-width: 1200px; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 18px; border-bottom: 2px solid #8b1a1a; padding-bottom: 2px; margin: 22px 0 8px; }
h3 { font-size: 16px; margin: 16px 0 6px; }
h4 { font-size: 14px; margin: 12px 0 4px; }
p.meta, span.meta { color: #555; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: 2px 6px; vertical-align: top; text-align: left; }
th { background: #f1ede4; }
td.n { text-align: right; white-space: nowrap; }
td.t { white-space: nowrap; }
td.url, a.url { word-break: break-all; }
tr.veto td { background: #fbe9e7; }
.fail { color: #b3261e; font-weight: bold; }
.pass { color: #1e6b34; }
section.target { border-left: 3px solid #ddd; padding-left: 10px; margin-bottom: 14px; }
section.target.failing { border-left-color: #b3261e; }
p.fresh { margin: 2px 0 6px; font-size: 13px; }
a { color: #1a4d8b; }
)";

std::string two(int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

std::string date_of(std::int64_t epoch, const zone_rules& zone) {
    const local_time t = local_time_of(epoch, zone);
    return std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day);
}

std::string minute_of(std::int64_t epoch, const zone_rules& zone) {
    const local_time t = local_time_of(epoch, zone);
    return date_of(epoch, zone) + " " + two(t.hour) + ":" + two(t.minute);
}

std::string seconds_of(std::int64_t ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
    return buf;
}

std::string_view probe_label(const std::string& probe) {
    switch (parse_probe_kind(probe).value_or(probe_kind::column)) {
    case probe_kind::availability:
        return "首页可用性";
    case probe_kind::crawl:
        return "全站抓取";
    case probe_kind::account:
        return "账号读取";
    case probe_kind::column:
        break;
    }
    return probe;
}

std::string_view kind_label(const std::string& kind) {
    return kind == "account" ? "新媒体账号" : "网站";
}

// Only web addresses become links: whatever else a registry holds stays text.
bool linkable(std::string_view url) {
    return url.starts_with("http://") || url.starts_with("https://");
}

void put_url(std::string& out, const std::string& url) {
    if (url.empty())
        return;
    if (!linkable(url)) {
        out += escape_html(url);
        return;
    }
    out += "<a class=\"url\" rel=\"noreferrer noopener\" href=\"";
    out += escape_html(url);
    out += "\">";
    out += escape_html(url);
    out += "</a>";
}

void put_internal_link(std::string& out, status_scope::level level, const std::string& id,
                       const std::string& text) {
    out += "<a href=\"";
    out += escape_html(status_path(level, id));
    out += "\">";
    out += escape_html(text);
    out += "</a>";
}

void put_cell(std::string& out, std::string_view html, std::string_view css = {}) {
    out += css.empty() ? "<td>" : "<td class=\"" + std::string(css) + "\">";
    out += html;
    out += "</td>";
}

void put_head(std::string& out, std::initializer_list<std::string_view> headers) {
    out += "<table>\n<thead><tr>";
    for (std::string_view h : headers) {
        out += "<th>";
        out += h;
        out += "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
}

// A warning has no deadline; the others show theirs, and 已逾期 once it has passed.
void put_due_cell(std::string& out, const finding_view& f, const zone_rules& zone) {
    if (!f.due) {
        put_cell(out, "—", "t");
        return;
    }
    std::string due = escape_html(minute_of(*f.due, zone));
    if (f.overdue)
        due += "<br><span class=\"fail\">已逾期</span>";
    put_cell(out, due, "t");
}

void put_finding_cells(std::string& out, const finding_view& f, const zone_rules& zone) {
    const finding_kind_info& info = info_of(f.kind);
    put_cell(out, escape_html(severity_name(f.severity)), on_red_list(f) ? "fail" : "");
    put_cell(out, escape_html(info.label) + "<br><span class=\"meta\">" + escape_html(info.name) +
                      "</span>");
    put_cell(out, escape_html(f.detail));
    std::string url;
    put_url(url, f.url);
    put_cell(out, url, "url");
    put_cell(out, escape_html(minute_of(f.first_seen, zone)), "t");
    put_cell(out, escape_html(minute_of(f.last_seen, zone)), "t");
    put_due_cell(out, f, zone);
}

void put_red_list(std::string& out, const status_model& m, const zone_rules& zone) {
    out += "<section id=\"red-list\">\n<h2>单项否决与逾期清单（" +
           std::to_string(m.red_list.size()) + "）</h2>\n";
    if (m.red_list.empty()) {
        out += "<p class=\"pass\">没有单项否决或逾期未整改的问题。</p>\n</section>\n";
        return;
    }
    const std::string* unit = nullptr;
    for (const finding_view& f : m.red_list) {
        if (!unit || *unit != f.unit) {
            if (unit)
                out += "</tbody>\n</table>\n";
            unit = &f.unit;
            std::string name = f.unit;
            for (const unit_view& u : m.units)
                if (u.id == f.unit)
                    name = u.name;
            out += "<h3>";
            put_internal_link(out, status_scope::level::unit, f.unit, name);
            out += "</h3>\n";
            put_head(out, {"监测对象", "严重程度", "指标", "证据", "网址", "首次发现", "最近确认",
                           "整改期限"});
        }
        out += "<tr class=\"veto\">";
        std::string target;
        put_internal_link(target, status_scope::level::target, f.target, f.target_name);
        put_cell(out, target);
        put_finding_cells(out, f, zone);
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

void put_probe_row(std::string& out, const probe_view& p, const zone_rules& zone) {
    out += "<tr>";
    put_cell(out, escape_html(probe_label(p.probe)));
    put_cell(out, escape_html(minute_of(p.time, zone)), "t");
    put_cell(out, p.ok ? "<span class=\"pass\">成功</span>" : "<span class=\"fail\">失败</span>");
    put_cell(out, p.http_status ? std::to_string(*p.http_status) : "—", "n");
    put_cell(out, p.error.empty() ? "—" : escape_html(p.error));
    put_cell(out, seconds_of(p.duration_ms), "n");
    put_cell(out, p.newest_item ? escape_html(date_of(*p.newest_item, zone)) : "—", "t");
    out += "</tr>\n";
}

void put_probes(std::string& out, const std::vector<probe_view>& probes, const zone_rules& zone) {
    put_head(out, {"探测", "时间", "结果", "HTTP", "错误类别", "耗时", "最新内容日期"});
    for (const probe_view& p : probes)
        put_probe_row(out, p, zone);
    out += "</tbody>\n</table>\n";
}

// The newest item dates of the last crawls or account reads, newest first: a site whose
// dates stop moving is going stale before any rule says so.
void put_freshness(std::string& out, const target_view& t, const zone_rules& zone) {
    const std::string probe = t.kind == "account" ? "account" : "crawl";
    std::string dates;
    int shown = 0;
    for (const probe_view& p : t.history) {
        if (p.probe != probe)
            continue;
        if (shown++ > 0)
            dates += " ← ";
        dates += p.newest_item ? escape_html(date_of(*p.newest_item, zone)) : "—";
    }
    out += "<p class=\"fresh\">更新历史（最近 " + std::to_string(shown) + " 次" +
           std::string(probe_label(probe)) + "的最新内容日期）：";
    out += shown ? dates : "尚无记录";
    out += "</p>\n";
}

void put_target(std::string& out, const target_view& t, bool full, const zone_rules& zone) {
    bool failing = false;
    for (const finding_view& f : t.findings)
        failing = failing || on_red_list(f);
    out +=
        failing ? "<section class=\"target failing\">\n<h4>" : "<section class=\"target\">\n<h4>";
    put_internal_link(out, status_scope::level::target, t.id, t.name);
    out += " <span class=\"meta\">" + escape_html(t.id) + " · " +
           escape_html(t.kind == "account" ? platform_name(t.platform)
                                           : std::string(kind_label(t.kind))) +
           "</span> ";
    put_url(out, t.url);
    out += "</h4>\n";
    if (t.latest.empty())
        out += "<p class=\"meta\">尚未探测。</p>\n";
    else
        put_probes(out, full ? t.history : t.latest, zone);
    put_freshness(out, t, zone);
    if (t.findings.empty()) {
        out += "<p class=\"pass\">没有未关闭的问题。</p>\n";
    } else {
        put_head(out, {"严重程度", "指标", "证据", "网址", "首次发现", "最近确认", "整改期限"});
        for (const finding_view& f : t.findings) {
            out += on_red_list(f) ? "<tr class=\"veto\">" : "<tr>";
            put_finding_cells(out, f, zone);
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    out += "</section>\n";
}

void put_units(std::string& out, const status_model& m, const zone_rules& zone) {
    const bool full = m.scope.what == status_scope::level::target;
    out += "<section id=\"targets\">\n<h2>监测对象</h2>\n";
    for (const unit_view& u : m.units) {
        out += "<h3>";
        put_internal_link(out, status_scope::level::unit, u.id, u.name);
        out += " <span class=\"meta\">" + escape_html(u.id) + " · " +
               std::to_string(u.targets.size()) + " 个监测对象</span></h3>\n";
        for (const target_view& t : u.targets)
            put_target(out, t, full, zone);
    }
    out += "</section>\n";
}

void put_document_start(std::string& out, std::string_view title) {
    out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    out += title;
    out += "</title>\n<style>";
    out += style;
    out += "</style>\n</head>\n<body>\n";
}

std::string title_of(const status_model& m) {
    switch (m.scope.what) {
    case status_scope::level::all:
        return "govmon 监测状态";
    case status_scope::level::unit:
        return "govmon 监测状态 · " +
               escape_html(m.units.empty() ? m.scope.id : m.units.front().name);
    case status_scope::level::target:
        return "govmon 监测状态 · " + escape_html(m.units.empty() || m.units.front().targets.empty()
                                                      ? m.scope.id
                                                      : m.units.front().targets.front().name);
    }
    return "govmon";
}

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

} // namespace

std::string status_path(status_scope::level level, const std::string& id) {
    std::string path = level == status_scope::level::unit ? "/unit/" : "/target/";
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const unsigned char c : id) {
        if (unreserved(c)) {
            path += static_cast<char>(c);
        } else {
            path += '%';
            path += hex[c >> 4];
            path += hex[c & 15];
        }
    }
    return path;
}

std::string write_status_html(const status_model& m, const zone_rules& zone) {
    std::string out;
    out.reserve(4096 + 2048 * static_cast<std::size_t>(m.targets));
    const std::string title = title_of(m);
    put_document_start(out, title);
    out += "<h1>" + title + "</h1>\n<p class=\"meta\">" +
           escape_html(minute_of(m.generated_at, zone)) + " · " + std::to_string(m.targets) +
           " 个监测对象 · " + std::to_string(m.open_findings) + " 个未关闭问题 · ";
    if (m.scope.what != status_scope::level::all)
        out += "<a href=\"/\">全部</a> · ";
    out += "<a href=\"/metrics\">/metrics</a></p>\n";
    put_red_list(out, m, zone);
    put_units(out, m, zone);
    out += "</body>\n</html>\n";
    return out;
}

std::string write_not_found_html(const status_scope& scope) {
    std::string out;
    put_document_start(out, "govmon · 404");
    out += "<h1>404</h1>\n<p>";
    out += scope.what == status_scope::level::unit ? "没有这个单位：" : "没有这个监测对象：";
    out += escape_html(scope.id);
    out += "</p>\n<p><a href=\"/\">全部监测对象</a></p>\n</body>\n</html>\n";
    return out;
}

} // namespace govmon
