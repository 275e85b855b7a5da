#pragma once

#include <string>
#include <utility>
#include <vector>

namespace govmon {

// What an alert mail says, before it is written out as text and as HTML: both parts of a
// mail come from the same structure, so they never disagree.
struct mail_entry {
    std::string title;    // 湖北发布（微博）：超过 14 天未更新
    std::string severity; // 单项否决 / 预警 / 扣分 / 已恢复
    std::vector<std::pair<std::string, std::string>> facts; // 链接 → https://…
    std::string advice;                                     // what to do
    bool links_clickable = true; // false: URLs shown as text (gambling, ads)
};

struct mail_section {
    std::string heading;
    std::vector<mail_entry> entries;
    std::string note; // e.g. "另有 12 项未列出"
};

struct mail_body {
    std::string opening;
    std::vector<mail_section> sections;
    std::string closing;
};

std::string render_text(const mail_body& body);
// A complete HTML document with inline styles only (mail clients drop <style> blocks and
// never load external resources); every value is escaped.
std::string render_html(const mail_body& body, const std::string& title);

} // namespace govmon
