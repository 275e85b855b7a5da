#include "site_content_rules.hpp"

#include "daemon/common/time_zone.hpp"

#include <algorithm>
#include <string>

namespace govmon {
namespace {

std::string days_ago(std::int64_t when, std::int64_t now) {
    return format_iso8601(when) + ", " + std::to_string((now - when) / 86400) + " days ago";
}

std::string broken_detail(const broken_link& b) {
    std::string what = b.status.detail.empty() ? "HTTP " + std::to_string(b.status.http_status)
                                               : b.status.detail;
    return what + " (on " + std::to_string(b.page_count) +
           (b.page_count == 1 ? " page)" : " pages)");
}

void judge_links(const crawl_result& crawl, const std::string& home_url, rule_verdict& v) {
    v.judged.insert(v.judged.end(), {"broken_link", "ad_link", "hidden_link"});
    for (const broken_link& b : crawl.broken)
        v.candidates.push_back({"broken_link", "site.links", "deduct", b.url,
                                b.on_home ? home_url : (b.pages.empty() ? "" : b.pages.front()),
                                broken_detail(b)});
    for (const flagged_link& ad : crawl.ads)
        v.candidates.push_back({"ad_link", "site.ads", "deduct", ad.url, ad.page, ad.reason});
    for (const flagged_link& h : crawl.hidden)
        v.candidates.push_back({"hidden_link", "site.security", "veto", h.url, h.page, h.reason});
}

std::vector<dated_item> homepage_items(const crawl_result& crawl) {
    std::vector<dated_item> items = crawl.home_reading->items;
    if (crawl.home_reading->looks_like_navigation_only)
        for (const column_reading& c : crawl.columns)
            items.insert(items.end(), c.reading.items.begin(), c.reading.items.end());
    return items;
}

void judge_homepage(const crawl_result& crawl, const std::string& home_url, std::int64_t now,
                    const site_content_thresholds& t, rule_verdict& v) {
    v.judged.insert(v.judged.end(), {"homepage_stale", "homepage_low_volume"});
    const auto latest = homepage_newest(crawl);
    if (!latest) {
        v.candidates.push_back({"homepage_stale", "site.homepage", "veto", home_url, "",
                                "no dated item on the home page (undated items do not count)"});
    } else if (now - *latest > t.homepage_stale) {
        v.candidates.push_back({"homepage_stale", "site.homepage", "veto", home_url, "",
                                "newest item " + days_ago(*latest, now)});
    } else if (now - *latest > t.homepage_warn) {
        v.candidates.push_back({"homepage_stale", "site.homepage", "warn", home_url, "",
                                "newest item " + days_ago(*latest, now)});
    }
    const auto items = homepage_items(crawl);
    const auto recent = std::count_if(items.begin(), items.end(), [&](const dated_item& i) {
        return i.published >= now - t.homepage_stale;
    });
    if (recent < t.homepage_min_items)
        v.candidates.push_back({"homepage_low_volume", "site.homepage", "deduct", home_url, "",
                                std::to_string(recent) + " new dated items in 14 days (fewer than " +
                                    std::to_string(t.homepage_min_items) + ")"});
}

std::int64_t threshold_of(const std::string& category, const site_content_thresholds& t) {
    if (category == "notice")
        return t.notice_stale;
    if (category == "personnel")
        return t.personnel_stale;
    return t.news_stale;
}

bool is_blank(const column_reading& c) {
    return c.status.ok && c.reading.items.empty() && c.reading.undated_items == 0 &&
           !c.reading.article_date;
}

void judge_columns(const crawl_result& crawl, std::int64_t now, const site_content_thresholds& t,
                   rule_verdict& v) {
    v.judged.insert(v.judged.end(), {"column_stale", "blank_column"});
    std::vector<std::pair<const column_reading*, std::string>> stale;
    std::vector<const column_reading*> blank;
    int stale_news_notice = 0;
    for (const column_reading& c : crawl.columns) {
        if (!c.status.ok)
            continue; // a broken link, reported as such
        if (is_blank(c)) {
            blank.push_back(&c);
            continue;
        }
        const auto latest = newest(c.reading);
        if (latest && now - *latest <= threshold_of(c.column.category, t))
            continue;
        stale.emplace_back(&c, latest ? "newest item " + days_ago(*latest, now)
                                      : std::string("no dated item"));
        stale_news_notice += c.column.category != "personnel" ? 1 : 0;
    }
    const bool stale_veto = stale_news_notice >= t.stale_news_notice_veto ||
                            static_cast<int>(stale.size()) >= t.stale_all_veto;
    for (const auto& [c, why] : stale)
        v.candidates.push_back({"column_stale", "site.columns", stale_veto ? "veto" : "deduct",
                                c->column.url, "",
                                c->column.name + " (" + c->column.category + "): " + why});
    const bool blank_veto = static_cast<int>(blank.size()) >= t.blank_veto;
    for (const column_reading* c : blank)
        v.candidates.push_back({"blank_column", "site.columns", blank_veto ? "veto" : "deduct",
                                c->column.url, "", c->column.name + ": no items at all"});
}

} // namespace

std::optional<std::int64_t> homepage_newest(const crawl_result& crawl) {
    if (!crawl.home_reading)
        return std::nullopt;
    std::optional<std::int64_t> latest;
    for (const dated_item& item : homepage_items(crawl))
        latest = std::max(latest.value_or(item.published), item.published);
    return latest;
}

rule_verdict judge_site_content(const crawl_result& crawl, const std::string& home_url,
                                std::int64_t now, const site_content_thresholds& thresholds) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.home_reading)
        return v;
    judge_links(crawl, home_url, v);
    judge_homepage(crawl, home_url, now, thresholds, v);
    judge_columns(crawl, now, thresholds, v);
    return v;
}

} // namespace govmon
