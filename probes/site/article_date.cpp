#include "probes/site/article_date.hpp"

#include "probes/dates/date_find.hpp"
#include "probes/dates/date_parse.hpp"
#include "probes/site/node_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <string>
#include <string_view>

namespace govmon {

namespace {

constexpr int max_depth = 512;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Depth-first over the elements under `node` until `visit` returns true.
const xmlNode* find_element(const xmlNode* node,
                            const std::function<bool(const xmlNode*)>& visit, int depth = 0) {
    if (depth > max_depth)
        return nullptr;
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (visit(child))
            return child;
        if (const auto* found = find_element(child, visit, depth + 1))
            return found;
    }
    return nullptr;
}

// TRS writes "2007-08-20-23:59:59", a hyphen where the space belongs.
std::optional<parsed_date> parse_meta_date(std::string content, std::int64_t now) {
    if (auto date = parse_date(content, now))
        return date;
    if (content.size() > 10 && content[10] == '-') {
        content[10] = ' ';
        return parse_date(content, now);
    }
    return std::nullopt;
}

bool is_publish_meta(const xmlNode* node) {
    static constexpr std::array<std::string_view, 7> names{
        "pubdate",     "publishdate", "firstpublishedtime",     "publishtime",
        "pubtime",     "releasedate", "article:published_time"};
    if (!is_element(node, "meta"))
        return false;
    const auto name = lower(attribute(node, "name").value_or(attribute(node, "property")
                                                                 .value_or("")));
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<parsed_date> date_from_meta(const xmlNode* root, std::int64_t now) {
    std::optional<parsed_date> date;
    find_element(root, [&](const xmlNode* node) {
        if (!is_publish_meta(node))
            return false;
        date = parse_meta_date(attribute(node, "content").value_or(""), now);
        return date.has_value();
    });
    return date;
}

// The date right after "label：" (full-width or ASCII colon, spaces allowed around it).
std::optional<parsed_date> date_after_label(std::string_view text, std::int64_t now) {
    while (text.starts_with(' '))
        text.remove_prefix(1);
    if (text.starts_with("："))
        text.remove_prefix(std::string_view("：").size());
    else if (text.starts_with(':'))
        text.remove_prefix(1);
    else
        return std::nullopt; // a table header "发布日期" over a column of dates
    constexpr std::size_t window = 80;
    const auto found = find_dates(text.substr(0, window), now);
    if (found.empty() || found.front().offset > 3)
        return std::nullopt;
    return found.front().date;
}

std::optional<parsed_date> date_from_label(const xmlNode* root, std::int64_t now) {
    static constexpr std::array<std::string_view, 5> labels{"发布时间", "发布日期", "成文日期",
                                                            "发文日期", "公开日期"};
    const auto text = visible_text(root, element_gaps::separated);
    std::optional<parsed_date> earliest;
    std::size_t earliest_at = std::string::npos;
    for (const auto label : labels) {
        for (auto pos = text.find(label); pos != std::string::npos && pos < earliest_at;
             pos = text.find(label, pos + label.size())) {
            if (auto date = date_after_label(std::string_view(text).substr(pos + label.size()),
                                             now)) {
                earliest = date;
                earliest_at = pos;
                break;
            }
        }
    }
    return earliest;
}

bool names_publish_time(const xmlNode* node) {
    static constexpr std::array<std::string_view, 6> hints{"pubdate",     "pubtime", "publishdate",
                                                           "publishtime", "fbsj",    "fbrq"};
    const auto names = lower(attribute(node, "class").value_or("") + " " +
                             attribute(node, "id").value_or(""));
    return std::any_of(hints.begin(), hints.end(), [&names](std::string_view hint) {
        return names.find(hint) != std::string::npos;
    });
}

std::optional<parsed_date> date_from_marked_element(const xmlNode* root, std::int64_t now) {
    std::optional<parsed_date> date;
    find_element(root, [&](const xmlNode* node) {
        if (!names_publish_time(node))
            return false;
        const auto found = find_dates(visible_text(node, element_gaps::separated), now);
        if (!found.empty())
            date = found.front().date;
        return date.has_value();
    });
    return date;
}

} // namespace

std::optional<parsed_date> find_article_date(const xmlDoc* doc, std::int64_t now) {
    const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
    if (root == nullptr)
        return std::nullopt;
    if (auto date = date_from_meta(root, now))
        return date;
    if (auto date = date_from_label(root, now))
        return date;
    return date_from_marked_element(root, now);
}

} // namespace govmon
