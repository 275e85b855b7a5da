#include "probes/site/article_date.hpp"

#include "probes/dates/date_find.hpp"
#include "probes/dates/date_parse.hpp"
#include "probes/site/node_text.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <string>
#include <string_view>

namespace govmon {

namespace {

constexpr int max_depth = 512;

// Depth-first over the elements under `node` until `visit` returns true.
const xmlNode* find_element(const xmlNode* node, const std::function<bool(const xmlNode*)>& visit,
                            int depth = 0) {
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
    static constexpr std::array<std::string_view, 9> names{
        "pubdate",        "publishdate", "firstpublishedtime",     "publishtime",
        "pubtime",        "releasedate", "article:published_time", "articletime",
        "og:release_date"};
    if (!is_element(node, "meta"))
        return false;
    const auto is_named = [&](const char* key) {
        const auto name = lower_ascii(attribute(node, key).value_or(""));
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    return is_named("name") || is_named("property");
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
            if (auto date =
                    date_after_label(std::string_view(text).substr(pos + label.size()), now)) {
                earliest = date;
                earliest_at = pos;
                break;
            }
        }
    }
    return earliest;
}

bool is_json_ld(const xmlNode* node) {
    return is_element(node, "script") &&
           lower_ascii(attribute(node, "type").value_or("")) == "application/ld+json";
}

std::string raw_text(const xmlNode* node) {
    std::string out;
    for (auto* child = node->children; child != nullptr; child = child->next)
        if (child->content != nullptr &&
            (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE))
            out += reinterpret_cast<const char*>(child->content);
    return out;
}

// The string value of the first "datePublished" key: read without a JSON parser, as a page's
// JSON-LD is often not valid JSON (trailing commas, unescaped quotes in titles).
std::optional<std::string> date_published_value(std::string_view json) {
    constexpr std::string_view key = "\"datePublished\"";
    const auto at = json.find(key);
    if (at == std::string_view::npos)
        return std::nullopt;
    auto rest = json.substr(at + key.size());
    const auto quote = rest.find('"');
    if (quote == std::string_view::npos ||
        rest.substr(0, quote).find_first_not_of(" \t\r\n:") != std::string_view::npos)
        return std::nullopt;
    rest.remove_prefix(quote + 1);
    const auto end = rest.find('"');
    if (end == std::string_view::npos)
        return std::nullopt;
    return std::string(rest.substr(0, end));
}

std::optional<parsed_date> date_from_json_ld(const xmlNode* root, std::int64_t now) {
    std::optional<parsed_date> date;
    find_element(root, [&](const xmlNode* node) {
        if (!is_json_ld(node))
            return false;
        if (const auto value = date_published_value(raw_text(node)))
            date = parse_date(*value, now);
        return date.has_value();
    });
    return date;
}

// "时间：" alone is too common a label to trust anywhere on a page (opening hours, meeting
// times in a notice); right under the article's heading it is the publish time.
std::optional<parsed_date> date_near_heading(const xmlNode* root, std::int64_t now) {
    const xmlNode* heading =
        find_element(root, [](const xmlNode* node) { return is_element(node, "h1"); });
    if (heading == nullptr || heading->parent == nullptr)
        return std::nullopt;
    constexpr std::string_view label = "时间";
    constexpr std::size_t window = 300;
    const auto text = visible_text(heading->parent, element_gaps::separated);
    const auto title = visible_text(heading, element_gaps::separated);
    const auto start = text.find(title);
    const std::string_view after =
        std::string_view(text).substr(start == std::string::npos ? 0 : start + title.size());
    const auto near = after.substr(0, window);
    for (auto pos = near.find(label); pos != std::string_view::npos;
         pos = near.find(label, pos + label.size())) {
        if (auto date = date_after_label(after.substr(pos + label.size()), now))
            return date;
    }
    return std::nullopt;
}

bool is_source_label(std::string_view text) {
    static constexpr std::array<std::string_view, 4> labels{"来源", "信息来源", "作者", "发布机构"};
    return std::any_of(labels.begin(), labels.end(), [text](std::string_view label) {
        return text.starts_with(label) && (text.substr(label.size()).starts_with("：") ||
                                           text.substr(label.size()).starts_with(":"));
    });
}

// An article byline that states its date without a label: "<li>来源：新华社</li>
// <li>2023-12-01 14:43</li>". The date is a sibling of the source, its element's whole text.
std::optional<parsed_date> date_in_byline(const xmlNode* root, std::int64_t now) {
    constexpr std::size_t max_date_chars = 40;
    std::optional<parsed_date> date;
    find_element(root, [&](const xmlNode* node) {
        if (!is_source_label(visible_text(node, element_gaps::separated)) ||
            node->parent == nullptr)
            return false;
        for (auto* sibling = node->parent->children; sibling != nullptr && !date;
             sibling = sibling->next) {
            if (sibling == node || sibling->type != XML_ELEMENT_NODE)
                continue;
            const auto text = visible_text(sibling, element_gaps::separated);
            if (!text.empty() && char_count(text) <= max_date_chars)
                date = parse_date(text, now);
        }
        return date.has_value();
    });
    return date;
}

bool names_publish_time(const xmlNode* node) {
    static constexpr std::array<std::string_view, 6> hints{"pubdate",     "pubtime", "publishdate",
                                                           "publishtime", "fbsj",    "fbrq"};
    const auto names = lower_ascii(attribute(node, "class").value_or("") + " " +
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
    if (auto date = date_from_json_ld(root, now))
        return date;
    if (auto date = date_from_label(root, now))
        return date;
    if (auto date = date_near_heading(root, now))
        return date;
    if (auto date = date_in_byline(root, now))
        return date;
    return date_from_marked_element(root, now);
}

} // namespace govmon
