#pragma once

// Columns (栏目) govmon finds on its own from a home page's navigation, categorised by name as
// indicators.md says, so that each gets the inspection's update window.

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

struct discovered_column {
    std::string name;     // the link text, whitespace collapsed
    std::string url;      // absolute
    std::string category; // "news" (14 d), "notice" (183 d) or "personnel" (365 d)
};

// 动态/要闻/新闻 → news; 人事/任免/规划/计划/机构/领导/财政/统计 → personnel; 通知/公告/政策/
// 文件 → notice; checked in that order ("人事任免公告" is personnel, "人事动态" news). Names of
// interaction channels (领导信箱, 在线咨询, 留言, 访谈, 征集, 投诉) have no category: they are
// judged by other rules, not by update windows. Neither have agency names (市财政局, 市统计局):
// they lead to a department's section, not to a column.
std::optional<std::string> category_of_column_name(std::string_view name);

// Links of the page's host whose text is a short column name with a category; not links of
// dated list entries (an article titled 关于…的通知 is not a column), not article URLs (a last
// path segment with a long numeric id, content_5748955.htm). De-duplicated by url, page order.
std::vector<discovered_column> discover_columns(xmlDocPtr doc, std::string_view page_url);

} // namespace govmon
