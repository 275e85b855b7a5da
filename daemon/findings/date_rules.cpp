#include "date_rules.hpp"

#include "daemon/common/time_zone.hpp"
#include "probes/dates/calendar.hpp"
#include "probes/site/url_date.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

struct list_page {
    std::string url;
    const page_reading* reading;
    bool news;
};

std::vector<list_page> list_pages_of(const crawl_result& crawl, const std::string& home_url) {
    std::vector<list_page> pages{{home_url, &*crawl.home_reading, false}};
    for (const column_reading& c : crawl.columns)
        if (c.status.ok && c.html_page)
            pages.push_back({c.column.url, &c.reading, c.column.category == "news"});
    return pages;
}

bool says_updated(std::string_view title) {
    constexpr std::array<std::string_view, 5> words{"更新", "修订", "修正", "重新发布", "再次发布"};
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return title.find(w) != std::string_view::npos; });
}

std::int64_t day_of(std::int64_t instant) {
    return beijing_day_number(instant);
}

std::string day_text(std::int64_t day) {
    const civil_date d = civil_from_days(day);
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    return out;
}

std::string item_text(const dated_item& item) {
    return "\"" + item.title + "\" shows " + day_text(day_of(item.published));
}

class date_signs {
public:
    void add(const dated_item& item, const std::string& page, std::string sign) {
        auto [it, fresh] = signs_.try_emplace(item.url, page, std::vector<std::string>{});
        if (std::find(it->second.second.begin(), it->second.second.end(), sign) ==
            it->second.second.end())
            it->second.second.push_back(std::move(sign));
        if (fresh)
            order_.push_back(item.url);
    }

    void into(rule_verdict& v) const {
        for (const std::string& url : order_) {
            const auto& [page, signs] = signs_.at(url);
            std::string detail = "疑似伪造发稿日期: ";
            for (std::size_t i = 0; i < signs.size(); ++i)
                detail += (i ? "; " : "") + signs[i];
            detail += " (list " + page + ")";
            v.candidates.push_back(
                {finding_kind::date_suspect, finding_severity::warn, url, page, std::move(detail)});
        }
    }

private:
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> signs_;
    std::vector<std::string> order_;
};

void judge_url_dates(const list_page& page, std::int64_t gap_days, date_signs& signs) {
    for (const dated_item& item : page.reading->items) {
        const auto in_url = date_in_url(item.url);
        if (!in_url || says_updated(item.title))
            continue;
        const std::int64_t shown = day_of(item.published);
        const std::int64_t url_day = days_from_civil(*in_url);
        const std::int64_t ahead = shown - url_day;
        if (ahead > gap_days || (page.news && -ahead > gap_days))
            signs.add(item, page.url,
                      item_text(item) + ", its URL " + day_text(url_day) + " (" +
                          std::to_string(ahead > 0 ? ahead : -ahead) + " days " +
                          (ahead > 0 ? "later" : "earlier") + " than the URL)");
    }
}

struct numbered {
    const dated_item* item;
    std::int64_t number;
    std::int64_t day;
};

void judge_document_order(const list_page& page, std::int64_t gap_days, date_signs& signs) {
    std::map<std::string, std::vector<numbered>> families;
    for (const dated_item& item : page.reading->items)
        if (const auto id = document_id_in_url(item.url))
            families[id->family].push_back({&item, id->number, day_of(item.published)});
    for (auto& [family, docs] : families) {
        std::sort(docs.begin(), docs.end(),
                  [](const numbered& a, const numbered& b) { return a.number < b.number; });
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const numbered& d = docs[i];
            if (says_updated(d.item->title))
                continue;
            // Two later documents at least: one of them alone may be the odd one.
            if (docs.size() - i - 1 >= 2) {
                const auto newest = std::max_element(
                    docs.begin() + static_cast<std::ptrdiff_t>(i) + 1, docs.end(),
                    [](const numbered& a, const numbered& b) { return a.day < b.day; });
                if (d.day > newest->day + gap_days)
                    signs.add(*d.item, page.url,
                              item_text(*d.item) + " but document number " +
                                  std::to_string(d.number) + " is older than " +
                                  std::to_string(docs.size() - i - 1) +
                                  " documents of the list dated up to " + day_text(newest->day) +
                                  " (" + newest->item->url + ")");
            }
            if (page.news && i >= 2) {
                const auto oldest = std::min_element(
                    docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(i),
                    [](const numbered& a, const numbered& b) { return a.day < b.day; });
                if (d.day + gap_days < oldest->day)
                    signs.add(*d.item, page.url,
                              item_text(*d.item) + " but document number " +
                                  std::to_string(d.number) + " is newer than " + std::to_string(i) +
                                  " documents of the list dated from " + day_text(oldest->day) +
                                  " (" + oldest->item->url + ")");
            }
        }
    }
}

void judge_future(const list_page& page, std::int64_t now, date_signs& signs) {
    for (const dated_item& item : page.reading->future_items)
        signs.add(item, page.url,
                  item_text(item) + ", " + std::to_string(day_of(item.published) - day_of(now)) +
                      " days after the check (" + format_iso8601(now) + ")");
}

void judge_first_seen(const list_page& page, const item_history& history, std::int64_t now,
                      const date_rule_thresholds& t, date_signs& signs) {
    if (!page.news)
        return;
    const std::int64_t read_now = list_read_before(page.url, *page.reading, history, t);
    for (const dated_item& item : page.reading->items) {
        const auto known = history.first_seen.find(item.url);
        const item_sighting_time seen =
            known != history.first_seen.end() ? known->second : item_sighting_time{now, read_now};
        if (seen.read_before == 0 || seen.first_seen - item.published <= t.backdated ||
            seen.read_before <= item.published + 86400)
            continue;
        signs.add(item, page.url,
                  item_text(item) + " but was first listed on " + format_iso8601(seen.first_seen) +
                      ", " + std::to_string((seen.first_seen - item.published) / 86400) +
                      " days later; the list was read on " + format_iso8601(seen.read_before) +
                      " without it");
    }
}

} // namespace

std::int64_t list_read_before(const std::string& page, const page_reading& reading,
                              const item_history& history, const date_rule_thresholds& t) {
    const auto read = history.last_read.find(page);
    if (read == history.last_read.end())
        return 0;
    const auto fresh =
        std::count_if(reading.items.begin(), reading.items.end(), [&](const dated_item& item) {
            return !history.first_seen.contains(item.url);
        });
    const bool migrated =
        static_cast<double>(fresh) > t.migrated_share * static_cast<double>(reading.items.size());
    return migrated ? 0 : read->second;
}

rule_verdict judge_dates(const crawl_result& crawl, const std::string& home_url,
                         const item_history& history, std::int64_t now,
                         const date_rule_thresholds& t) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.home_reading)
        return v;
    v.judged.push_back(finding_kind::date_suspect);
    const std::int64_t gap_days = t.gap / 86400;
    date_signs signs;
    for (const list_page& page : list_pages_of(crawl, home_url)) {
        judge_url_dates(page, gap_days, signs);
        judge_document_order(page, gap_days, signs);
        judge_future(page, now, signs);
        judge_first_seen(page, history, now, t, signs);
    }
    signs.into(v);
    return v;
}

} // namespace govmon
