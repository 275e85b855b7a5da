#include "daemon/alerts/mail_body.hpp"

#include "daemon/common/html_text.hpp"

namespace govmon {
namespace {

bool looks_like_link(const std::string& value) {
    return value.rfind("http://", 0) == 0 || value.rfind("https://", 0) == 0;
}

void append_entry_text(std::string& out, const mail_entry& e) {
    out += "■ ";
    if (!e.severity.empty())
        out += "【" + e.severity + "】";
    out += e.title + "\n";
    for (const auto& [label, value] : e.facts)
        out += "    " + label + "：" + value + "\n";
    if (!e.advice.empty())
        out += "    处理建议：" + e.advice + "\n";
    out += "\n";
}

std::string severity_colour(const std::string& severity) {
    if (severity == "单项否决")
        return "#b3261e";
    if (severity == "预警")
        return "#9a6700";
    if (severity == "已恢复")
        return "#1a7f37";
    return "#57606a";
}

void append_entry_html(std::string& out, const mail_entry& e) {
    out += "<div style=\"margin:0 0 14px 0;padding:8px 12px;border-left:4px solid " +
           severity_colour(e.severity) + ";background:#f6f8fa\">";
    out += "<div style=\"font-weight:bold\">";
    if (!e.severity.empty())
        out += "<span style=\"color:" + severity_colour(e.severity) + "\">【" +
               escape_html(e.severity) + "】</span>";
    out += escape_html(e.title) + "</div><table style=\"border-collapse:collapse;margin-top:4px\">";
    for (const auto& [label, value] : e.facts) {
        out += "<tr><td style=\"color:#57606a;padding:1px 12px 1px 0;white-space:nowrap;"
               "vertical-align:top\">" +
               escape_html(label) + "</td><td style=\"padding:1px 0;word-break:break-all\">";
        if (e.links_clickable && looks_like_link(value))
            out += "<a href=\"" + escape_html(value) + "\">" + escape_html(value) + "</a>";
        else
            out += escape_html(value);
        out += "</td></tr>";
    }
    out += "</table>";
    if (!e.advice.empty())
        out += "<div style=\"margin-top:4px\">处理建议：" + escape_html(e.advice) + "</div>";
    out += "</div>";
}

} // namespace

std::string render_text(const mail_body& body) {
    std::string out = body.opening + "\n\n";
    for (const mail_section& s : body.sections) {
        out += "== " + s.heading + " ==\n\n";
        for (const mail_entry& e : s.entries)
            append_entry_text(out, e);
        if (!s.note.empty())
            out += s.note + "\n\n";
    }
    out += "-- \n" + body.closing + "\n";
    return out;
}

std::string render_html(const mail_body& body, const std::string& title) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" +
        escape_html(title) +
        "</title></head><body style=\"font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK "
        "SC',sans-serif;font-size:14px;line-height:1.6;color:#1f2328;max-width:760px\">";
    out += "<p>" + escape_html(body.opening) + "</p>";
    for (const mail_section& s : body.sections) {
        out +=
            "<h3 style=\"margin:18px 0 8px 0;font-size:16px\">" + escape_html(s.heading) + "</h3>";
        for (const mail_entry& e : s.entries)
            append_entry_html(out, e);
        if (!s.note.empty())
            out += "<p style=\"color:#57606a\">" + escape_html(s.note) + "</p>";
    }
    out += "<hr style=\"border:none;border-top:1px solid #d0d7de\"><p style=\"color:#57606a;"
           "font-size:12px\">" +
           escape_html(body.closing) + "</p></body></html>\n";
    return out;
}

} // namespace govmon
