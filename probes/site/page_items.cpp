#include "probes/site/page_items.hpp"

#include "probes/dates/calendar.hpp"
#include "probes/dates/parsed_date.hpp"
#include "probes/site/article_date.hpp"
#include "probes/site/list_rows.hpp"
#include "probes/site/node_text.hpp"
#include "probes/site/page_url.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace govmon {

namespace {

// "Few" dated items: a navigation page may still show a date or two (a notice banner).
constexpr std::size_t navigation_max_items = 2;
// Below this many links a page is a shell (an anti-bot challenge, a JS app), not a menu.
constexpr int navigation_min_links = 5;
// At most one link in five may read as an article title on a navigation-only page.
constexpr int navigation_max_title_share_inverse = 5;
constexpr int max_depth = 512;

bool is_plausible(const parsed_date& date, std::int64_t now) {
    return latest_instant(date) <= now + seconds_per_day;
}

struct link_census {
    int links = 0;
    int title_like = 0;
};

void count_links(const xmlNode* node, link_census& census, int depth) {
    if (depth > max_depth)
        return;
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(child, "a") && is_followed_href(attribute(child, "href").value_or(""))) {
            ++census.links;
            const auto text = visible_text(child, element_gaps::joined);
            census.title_like += char_count(text) > menu_label_max_chars;
        }
        count_links(child, census, depth + 1);
    }
}

bool looks_like_navigation(const xmlDoc* doc, const page_reading& reading) {
    if (reading.article_date || reading.items.size() > navigation_max_items)
        return false;
    link_census census;
    if (const auto* root = xmlDocGetRootElement(doc))
        count_links(root, census, 0);
    return census.links >= navigation_min_links &&
           census.title_like * navigation_max_title_share_inverse <= census.links;
}

} // namespace

std::string_view origin_name(date_origin origin) noexcept {
    switch (origin) {
    case date_origin::list_row:
        return "list row";
    case date_origin::cms_record:
        return "CMS record";
    case date_origin::rendered_page:
        return "rendered page";
    case date_origin::linked_article:
        return "linked article";
    }
    return "list row";
}

page_reading read_page(xmlDocPtr doc, std::string_view page_url, std::int64_t now) {
    page_reading reading;
    if (doc == nullptr)
        return reading;
    std::set<std::pair<std::string, std::int64_t>> seen;
    for (auto& row : find_list_rows(doc, now)) {
        if (!row.date || !is_plausible(*row.date, now)) {
            reading.undated_items += char_count(row.title) > menu_label_max_chars;
            continue;
        }
        dated_item item{std::move(row.title), resolve_link(row.href, page_url).value_or(row.href),
                        latest_instant(*row.date), static_cast<int>(xmlGetLineNo(row.element))};
        if (seen.emplace(item.url, item.published).second)
            reading.items.push_back(std::move(item));
    }
    if (const auto date = find_article_date(doc, now); date && is_plausible(*date, now))
        reading.article_date = latest_instant(*date);
    reading.looks_like_navigation_only = looks_like_navigation(doc, reading);
    return reading;
}

std::optional<std::int64_t> newest(const page_reading& reading) {
    if (reading.items.empty())
        return reading.article_date;
    return std::max_element(reading.items.begin(), reading.items.end(),
                            [](const dated_item& a, const dated_item& b) {
                                return a.published < b.published;
                            })
        ->published;
}

int items_since(const page_reading& reading, std::int64_t since) {
    return static_cast<int>(std::count_if(reading.items.begin(), reading.items.end(),
                                          [since](const dated_item& item) {
                                              return item.published >= since;
                                          }));
}

} // namespace govmon
