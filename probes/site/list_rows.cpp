#include "probes/site/list_rows.hpp"

#include "probes/dates/calendar.hpp"
#include "probes/dates/date_find.hpp"
#include "probes/dates/date_parse.hpp"
#include "probes/site/node_text.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

namespace govmon {

namespace {

// Text a row may carry besides its link: an index number, an issuing office, a date, a
// source. A block with more is a container (an article body, a panel), not a row.
constexpr std::size_t max_other_chars = 60;
// A date element is short: "2026-11-02 10:00:00", "[11-02]", "二〇二六年十一月二日".
constexpr std::size_t max_date_element_chars = 40;
// libxml2 caps nesting itself; this keeps our own recursion bounded whatever it lets through.
constexpr int max_depth = 512;

bool is_row_kind(const xmlNode* node) noexcept {
    static constexpr std::array<std::string_view, 7> kinds{"li", "tr", "dt", "dd",
                                                           "dl", "p",  "div"};
    return std::any_of(kinds.begin(), kinds.end(),
                       [node](std::string_view kind) { return is_element(node, kind); });
}

struct row_links {
    const xmlNode* first = nullptr;
    std::string href;
    bool several = false;
};

void gather_links(const xmlNode* node, row_links& links, int depth) {
    for (auto* child = node->children; child != nullptr && !links.several; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || depth > max_depth)
            continue;
        if (is_element(child, "a")) {
            const auto href = attribute(child, "href");
            if (href && is_followed_href(*href)) {
                if (links.first == nullptr) {
                    links.first = child;
                    links.href = *href;
                } else if (*href != links.href) {
                    links.several = true;
                }
            }
        }
        gather_links(child, links, depth + 1);
    }
}

bool all_digits(std::string_view text) noexcept {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isdigit(c) != 0; });
}

struct date_element {
    const xmlNode* element = nullptr;
    parsed_date date;
};

// A label some CMSs put before a row's date: TRS search results write "<span>时间：2020-04-21
// </span>", others "发布日期：2026-11-02".
std::string_view without_date_label(std::string_view text) noexcept {
    static constexpr std::array<std::string_view, 5> labels{"发布时间", "发布日期", "更新时间",
                                                            "时间", "日期"};
    for (const auto label : labels) {
        if (!text.starts_with(label))
            continue;
        auto rest = text.substr(label.size());
        if (rest.starts_with("："))
            rest.remove_prefix(std::string_view("：").size());
        else if (rest.starts_with(':'))
            rest.remove_prefix(1);
        else
            return text;
        while (rest.starts_with(' '))
            rest.remove_prefix(1);
        return rest;
    }
    return text;
}

// The date an element states when its whole text is one, a label allowed before it. A bare
// digit run is refused even when it would parse ("20261102"): in a row it is an ID.
std::optional<parsed_date> whole_text_date(std::string_view text, std::int64_t now) {
    if (text.empty() || char_count(text) > max_date_element_chars)
        return std::nullopt;
    text = without_date_label(text);
    if (text.empty() || all_digits(text))
        return std::nullopt;
    return parse_date(text, now);
}

// The first element of the row, other than the link itself, whose whole text is a date.
std::optional<date_element> find_date_element(const xmlNode* node, const xmlNode* link,
                                              std::int64_t now, int depth) {
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || depth > max_depth)
            continue;
        const auto text = visible_text(child, element_gaps::separated);
        if (text.empty())
            continue;
        if (child != link) {
            if (const auto date = whole_text_date(text, now))
                return date_element{child, *date};
        }
        if (auto inner = find_date_element(child, link, now, depth + 1))
            return inner;
    }
    return std::nullopt;
}

// What is left of a title once its date is cut out: "[新闻发布会]标题 []" → "[新闻发布会]标题".
std::string cleaned_title(std::string title) {
    static constexpr std::array<std::string_view, 4> empty_pairs{"[]", "()", "【】", "（）"};
    for (const auto pair : empty_pairs) {
        for (auto pos = title.find(pair); pos != std::string::npos; pos = title.find(pair))
            title.erase(pos, pair.size());
    }
    const auto first = title.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return title.substr(first, title.find_last_not_of(' ') - first + 1);
}

// Reads the row's date and title; returns the text the date was read from.
std::string read_date_and_title(list_row& row, std::int64_t now) {
    if (const auto element = find_date_element(row.element, row.link, now, 0)) {
        row.date = element->date;
        row.title = visible_text(row.link, element_gaps::joined, element->element);
        return visible_text(element->element, element_gaps::separated);
    }
    row.title = visible_text(row.link, element_gaps::joined);
    const auto outside = visible_text(row.element, element_gaps::separated, row.link);
    if (const auto found = find_dates(outside, now); !found.empty()) {
        row.date = found.front().date;
        return outside.substr(found.front().offset, found.front().length);
    }
    // Last resort, the link text itself: the date trails a title far more often than it leads.
    if (const auto found = find_dates(row.title, now); !found.empty()) {
        row.date = found.back().date;
        auto text = row.title.substr(found.back().offset, found.back().length);
        row.title.erase(found.back().offset, found.back().length);
        return text;
    }
    return {};
}

bool is_heading(const xmlNode* node) noexcept {
    static constexpr std::array<std::string_view, 6> headings{"h1", "h2", "h3", "h4", "h5", "h6"};
    return std::any_of(headings.begin(), headings.end(),
                       [node](std::string_view h) { return is_element(node, h); });
}

// A heading that is only a year ("2024", "2024年"): archive pages of static generators group
// their MM-DD rows under one per year.
std::optional<int> heading_year(const xmlNode* heading) {
    auto text = visible_text(heading, element_gaps::joined);
    if (text.ends_with("年"))
        text.resize(text.size() - std::string_view("年").size());
    if (text.size() != 4 || !all_digits(text))
        return std::nullopt;
    return std::stoi(text);
}

// The year heading nearest before the row: among the earlier siblings of the row and of its
// ancestors, the first heading met decides.
std::optional<int> year_of_heading_before(const xmlNode* row) {
    constexpr int max_levels = 4;
    constexpr int max_siblings = 64;
    const xmlNode* node = row;
    for (int level = 0; level < max_levels && node != nullptr; ++level, node = node->parent) {
        int seen = 0;
        for (auto* sibling = node->prev; sibling != nullptr && seen < max_siblings;
             sibling = sibling->prev, ++seen) {
            if (is_heading(sibling))
                return heading_year(sibling);
        }
    }
    return std::nullopt;
}

// Four full-width digits in a row (U+FF10–U+FF19, EF BC 90–99 in UTF-8): "２０２６－１１－１９".
bool has_wide_year(std::string_view text) noexcept {
    int run = 0;
    for (std::size_t i = 0; i + 2 < text.size();) {
        const auto b = static_cast<unsigned char>(text[i + 2]);
        if (text[i] == '\xEF' && text[i + 1] == '\xBC' && b >= 0x90 && b <= 0x99) {
            if (++run == 4)
                return true;
            i += 3;
        } else {
            run = 0;
            ++i;
        }
    }
    return false;
}

// Whether a date's text names its year; year-less ones (11-02, 11月2日) are read against now.
bool states_year(std::string_view text) noexcept {
    if (text.find("年") != std::string_view::npos)
        return true;
    int run = 0;
    for (const char c : text) {
        run = std::isdigit(static_cast<unsigned char>(c)) != 0 ? run + 1 : 0;
        if (run == 4)
            return true;
    }
    return has_wide_year(text);
}

parsed_date in_year(const parsed_date& date, int year) {
    const auto day = beijing_day_number(date.instant);
    civil_date civil = civil_from_days(day);
    if (!is_valid_civil_date(year, civil.month, civil.day))
        return date;
    civil.year = year;
    const auto into_day = date.instant - beijing_day_start(day);
    return {beijing_day_start(days_from_civil(civil)) + into_day, date.precision};
}

// A year-less row date under a year heading belongs to that year, not to the latest one.
void apply_heading_year(list_row& row, std::string_view date_text) {
    if (!row.date || states_year(date_text))
        return;
    if (const auto year = year_of_heading_before(row.element))
        row.date = in_year(*row.date, *year);
}

bool has_followed_link(const xmlNode* node) {
    row_links links;
    gather_links(node, links, 0);
    return links.first != nullptr || (is_element(node, "a") && attribute(node, "href"));
}

// A date the row's layout puts after it: TRS search results write the title in <p><a>, the
// summary in the next <p> and "<span>时间：2020-04-21</span>" after that. Only elements without
// links count, up to the next row, and only for an article-like title: a menu entry next to
// a date banner is not dated by it.
std::optional<parsed_date> date_after_row(const list_row& row, std::int64_t now) {
    if (char_count(row.title) <= menu_label_max_chars)
        return std::nullopt;
    constexpr int max_siblings = 3;
    int seen = 0;
    for (auto* sibling = row.element->next; sibling != nullptr && seen < max_siblings;
         sibling = sibling->next) {
        if (sibling->type != XML_ELEMENT_NODE)
            continue;
        ++seen;
        if (has_followed_link(sibling))
            return std::nullopt;
        const auto text = visible_text(sibling, element_gaps::separated);
        if (const auto date = whole_text_date(text, now))
            return date;
        if (const auto inner = find_date_element(sibling, nullptr, now, 0))
            return inner->date;
    }
    return std::nullopt;
}

void settle_title(list_row& row) {
    row.title = cleaned_title(std::move(row.title));
    if (row.title.empty())
        row.title = cleaned_title(visible_text(row.link, element_gaps::separated));
    if (row.title.empty())
        row.title = attribute(row.link, "title").value_or("");
}

// A row with more text than a date and a source carries a summary (search results, news
// lists with a lead). It stays a row only when its date stands in an element of its own and
// its title reads as an article's: an article body or a footer with one link has neither.
std::optional<list_row> as_summary_row(const xmlNode* element, const row_links& links,
                                       std::int64_t now) {
    const auto date = find_date_element(element, links.first, now, 0);
    if (!date)
        return std::nullopt;
    list_row row{element, links.first, links.href, {}, date->date};
    row.title = visible_text(row.link, element_gaps::joined, date->element);
    settle_title(row);
    if (char_count(row.title) <= menu_label_max_chars)
        return std::nullopt;
    apply_heading_year(row, visible_text(date->element, element_gaps::separated));
    return row;
}

std::optional<list_row> as_row(const xmlNode* element, const row_links& links, std::int64_t now) {
    const auto other = visible_text(element, element_gaps::separated, links.first);
    if (char_count(other) > max_other_chars)
        return as_summary_row(element, links, now);
    list_row row{element, links.first, links.href, {}, std::nullopt};
    const auto date_text = read_date_and_title(row, now);
    settle_title(row);
    if (!row.date)
        row.date = date_after_row(row, now);
    else
        apply_heading_year(row, date_text);
    return row;
}

void collect_rows(const xmlNode* node, std::int64_t now, int depth, std::vector<list_row>& rows) {
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || depth > max_depth)
            continue;
        if (is_row_kind(child)) {
            row_links links;
            gather_links(child, links, 0);
            if (links.first == nullptr)
                continue; // nothing below can be a row either
            if (!links.several) {
                if (auto row = as_row(child, links, now)) {
                    rows.push_back(std::move(*row));
                    continue;
                }
            }
        }
        collect_rows(child, now, depth + 1, rows);
    }
}

} // namespace

bool is_followed_href(std::string_view href) noexcept {
    while (!href.empty() && std::isspace(static_cast<unsigned char>(href.front())))
        href.remove_prefix(1);
    if (href.empty() || href.front() == '#')
        return false;
    static constexpr std::array<std::string_view, 4> unfollowed{
        "javascript:", "mailto:", "tel:", "data:"};
    return std::none_of(unfollowed.begin(), unfollowed.end(), [href](std::string_view scheme) {
        return starts_with_nocase(href, scheme);
    });
}

std::vector<list_row> find_list_rows(const xmlDoc* doc, std::int64_t now) {
    std::vector<list_row> rows;
    if (doc == nullptr)
        return rows;
    if (const auto* root = xmlDocGetRootElement(doc))
        collect_rows(root, now, 0, rows);
    return rows;
}

} // namespace govmon
