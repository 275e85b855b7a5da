#include "probes/site/page_items.hpp"

#include "probes/dates/calendar.hpp"
#include "probes/dates/parsed_date.hpp"
#include "probes/site/article_date.hpp"
#include "probes/site/cms_records.hpp"
#include "probes/site/list_rows.hpp"
#include "probes/site/node_text.hpp"
#include "probes/site/page_url.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <memory>
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

struct fragment_deleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};

// Parses a list a CMS keeps in a script as the HTML parser reads the page itself.
std::unique_ptr<xmlDoc, fragment_deleter> parse_fragment(const std::string& html) {
    constexpr int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    return std::unique_ptr<xmlDoc, fragment_deleter>(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
}

// Adds rows to a reading: dated ones as items (once per url and date), undated article-like
// ones as entries a later step may date through the article they link to.
class row_collector {
public:
    row_collector(page_reading& reading, std::string_view page_url, std::int64_t now)
        : reading_(reading), page_url_(page_url), now_(now) {}

    void add(std::vector<list_row> rows, date_origin origin, int line = 0) {
        for (auto& row : rows) {
            auto url = resolve_link(row.href, page_url_).value_or(row.href);
            if (row.date && !is_plausible(*row.date, now_) &&
                reading_.future_items.size() < max_undated_entries)
                reading_.future_items.push_back(
                    {row.title, url, latest_instant(*row.date),
                     line != 0 ? line : static_cast<int>(xmlGetLineNo(row.element)), origin});
            if (!row.date || !is_plausible(*row.date, now_)) {
                add_undated(std::move(row.title), std::move(url));
                continue;
            }
            const int row_line = line != 0 ? line : static_cast<int>(xmlGetLineNo(row.element));
            dated_item item{std::move(row.title), std::move(url), latest_instant(*row.date),
                            row_line, origin};
            if (seen_.emplace(item.url, item.published).second)
                reading_.items.push_back(std::move(item));
        }
    }

    void add_cms_list(const cms_list& list) {
        if (!list.html.empty()) {
            const auto fragment = parse_fragment(list.html);
            add(find_list_rows(fragment.get(), now_), date_origin::cms_record, list.line);
        }
        if (reading_.cms_next_group.empty() && !list.next_group.empty())
            reading_.cms_next_group =
                resolve_link(list.next_group, page_url_).value_or(std::string{});
    }

private:
    void add_undated(std::string title, std::string url) {
        if (char_count(title) <= menu_label_max_chars)
            return;
        ++reading_.undated_items;
        auto& entries = reading_.undated_entries;
        const bool known = std::any_of(entries.begin(), entries.end(),
                                       [&url](const undated_entry& e) { return e.url == url; });
        if (!known && entries.size() < max_undated_entries)
            entries.push_back({std::move(title), std::move(url)});
    }

    page_reading& reading_;
    std::string_view page_url_;
    std::int64_t now_;
    std::set<std::pair<std::string, std::int64_t>> seen_;
};

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
    row_collector collector{reading, page_url, now};
    collector.add(find_list_rows(doc, now), date_origin::list_row);
    const auto cms_lists = find_cms_lists(doc);
    for (const auto& list : cms_lists)
        collector.add_cms_list(list);
    if (reading.items.empty())
        reading.attempts.push_back(cms_lists.empty()
                                       ? std::string("CMS records: none")
                                       : "CMS records: " + std::to_string(cms_lists.size()) +
                                             " script lists, 0 dated");
    if (const auto date = find_article_date(doc, now); date && is_plausible(*date, now))
        reading.article_date = latest_instant(*date);
    reading.looks_like_navigation_only = looks_like_navigation(doc, reading);
    return reading;
}

page_reading read_datastore_answer(std::string_view body, std::string_view page_url,
                                   std::int64_t now) {
    page_reading reading;
    row_collector collector{reading, page_url, now};
    collector.add_cms_list(read_datastore(body));
    return reading;
}

std::optional<std::int64_t> newest(const page_reading& reading) {
    if (reading.items.empty())
        return reading.article_date;
    return std::max_element(
               reading.items.begin(), reading.items.end(),
               [](const dated_item& a, const dated_item& b) { return a.published < b.published; })
        ->published;
}

int items_since(const page_reading& reading, std::int64_t since) {
    return static_cast<int>(
        std::count_if(reading.items.begin(), reading.items.end(),
                      [since](const dated_item& item) { return item.published >= since; }));
}

} // namespace govmon
