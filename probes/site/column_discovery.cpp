#include "probes/site/column_discovery.hpp"

#include "probes/site/list_rows.hpp"
#include "probes/site/node_text.hpp"
#include "probes/site/page_url.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <set>

namespace govmon {

namespace {

// 2199-12-31T23:59:59Z: discovery only asks whether a row has a date, not which.
constexpr std::int64_t any_time = 7'258'118'399;
// An id this long in a file name marks an article (content_5748955.htm, t20200802_1352104.html).
constexpr std::size_t article_id_digits = 5;
constexpr int max_depth = 512;

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [text](std::string_view word) {
        return text.find(word) != std::string_view::npos;
    });
}

// 市财政局, 市统计局, 市退役军人事务局 (人事!): links to a department's section, not columns.
bool names_an_agency(std::string_view name) {
    static constexpr std::array<std::string_view, 5> suffixes{"局", "委", "厅", "署", "办"};
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [name](std::string_view suffix) { return name.ends_with(suffix); });
}

bool is_article_url(std::string_view url) {
    auto path = url.substr(0, std::min(url.find('?'), url.size()));
    const auto last_segment = path.substr(path.rfind('/') + 1);
    std::size_t run = 0;
    for (const char c : last_segment) {
        run = std::isdigit(static_cast<unsigned char>(c)) ? run + 1 : 0;
        if (run >= article_id_digits)
            return true;
    }
    return false;
}

// A link to a file a reader downloads (统计表（XLS） → /attach/stats.xls), not to a page of
// items: by its path's extension, or by the file type its text names.
bool is_attachment(std::string_view url, std::string_view name) {
    static constexpr std::array<std::string_view, 18> file_types{
        "xls", "xlsx", "doc", "docx", "pdf",  "wps", "et",  "ofd", "csv",
        "zip", "rar",  "7z",  "ppt",  "pptx", "txt", "jpg", "png", "xml"};
    const auto path = url.substr(0, std::min(url.find_first_of("?#"), url.size()));
    const auto last_segment = path.substr(path.rfind('/') + 1);
    const auto dot = last_segment.rfind('.');
    std::string extension(dot == std::string_view::npos ? std::string_view{}
                                                        : last_segment.substr(dot + 1));
    std::string lowered_name(name);
    for (std::string* text : {&extension, &lowered_name})
        std::transform(text->begin(), text->end(), text->begin(), ascii_lower);
    return std::any_of(file_types.begin(), file_types.end(), [&](std::string_view type) {
        return extension == type || lowered_name.ends_with("(" + std::string(type) + ")") ||
               lowered_name.ends_with("（" + std::string(type) + "）");
    });
}

std::set<const xmlNode*> dated_row_elements(const xmlDoc* doc) {
    std::set<const xmlNode*> elements;
    for (const auto& row : find_list_rows(doc, any_time)) {
        if (row.date)
            elements.insert(row.element);
    }
    return elements;
}

bool inside_any(const xmlNode* node, const std::set<const xmlNode*>& elements) {
    for (; node != nullptr; node = node->parent) {
        if (elements.contains(node))
            return true;
    }
    return false;
}

struct discovery {
    std::string page_host;
    std::string_view page_url;
    std::set<const xmlNode*> dated_rows;
    std::set<std::string> seen_urls;
    std::vector<discovered_column> columns;
};

void consider_link(const xmlNode* anchor, discovery& state) {
    if (inside_any(anchor, state.dated_rows))
        return;
    const auto url = resolve_link(attribute(anchor, "href").value_or(""), state.page_url);
    if (!url || authority_of(*url) != state.page_host || is_article_url(*url))
        return;
    auto name = visible_text(anchor, element_gaps::joined);
    if (name.empty())
        name = attribute(anchor, "title").value_or("");
    if (name.empty() || char_count(name) > menu_label_max_chars || is_attachment(*url, name))
        return;
    auto category = category_of_column_name(name);
    if (category && state.seen_urls.insert(*url).second)
        state.columns.push_back({std::move(name), *url, std::move(*category)});
}

void visit_links(const xmlNode* node, discovery& state, int depth) {
    if (depth > max_depth)
        return;
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(child, "a"))
            consider_link(child, state);
        visit_links(child, state, depth + 1);
    }
}

} // namespace

std::optional<std::string> category_of_column_name(std::string_view name) {
    if (contains_any(name, {"信箱", "咨询", "留言", "访谈", "征集", "投诉"}) ||
        names_an_agency(name))
        return std::nullopt;
    if (contains_any(name, {"动态", "要闻", "新闻"}))
        return "news";
    if (contains_any(name, {"人事", "任免", "规划", "计划", "机构", "领导", "财政", "统计"}))
        return "personnel";
    if (contains_any(name, {"通知", "公告", "政策", "文件"}))
        return "notice";
    return std::nullopt;
}

std::vector<discovered_column> discover_columns(xmlDocPtr doc, std::string_view page_url) {
    const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
    if (root == nullptr)
        return {};
    discovery state{authority_of(page_url), page_url, dated_row_elements(doc), {}, {}};
    if (state.page_host.empty())
        return {};
    visit_links(root, state, 0);
    return std::move(state.columns);
}

} // namespace govmon
