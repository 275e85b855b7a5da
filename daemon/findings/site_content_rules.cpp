#include "site_content_rules.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/text_rules.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace govmon {
namespace {

std::string days_ago(std::int64_t when, std::int64_t now) {
    return format_iso8601(when) + ", " + std::to_string((now - when) / 86400) + " days ago";
}

std::string broken_detail(const broken_link& b) {
    std::string what =
        b.status.detail.empty() ? "HTTP " + std::to_string(b.status.http_status) : b.status.detail;
    return what + " (on " + std::to_string(b.page_count) +
           (b.page_count == 1 ? " page)" : " pages)");
}

void judge_links(const crawl_result& crawl, const std::string& home_url, rule_verdict& v) {
    v.judged.insert(v.judged.end(),
                    {finding_kind::broken_link, finding_kind::ad_link, finding_kind::hidden_link});
    for (const broken_link& b : crawl.broken)
        v.candidates.push_back({finding_kind::broken_link, finding_severity::deduct, b.url,
                                b.on_home ? home_url : (b.pages.empty() ? "" : b.pages.front()),
                                broken_detail(b)});
    for (const flagged_link& ad : crawl.ads)
        v.candidates.push_back(
            {finding_kind::ad_link, finding_severity::deduct, ad.url, ad.page, ad.reason});
    for (const flagged_link& h : crawl.hidden)
        v.candidates.push_back(
            {finding_kind::hidden_link, finding_severity::veto, h.url, h.page, h.reason});
    judge_text_problems(crawl.text_problems, home_url, v);
}

std::vector<dated_item> homepage_items(const crawl_result& crawl) {
    std::vector<dated_item> items = crawl.home_reading->items;
    if (crawl.home_reading->looks_like_navigation_only)
        for (const column_reading& c : crawl.columns)
            items.insert(items.end(), c.reading.items.begin(), c.reading.items.end());
    return items;
}

const dated_item* newest_of(const std::vector<dated_item>& items) {
    const auto it =
        std::max_element(items.begin(), items.end(), [](const dated_item& a, const dated_item& b) {
            return a.published < b.published;
        });
    return it == items.end() ? nullptr : &*it;
}

// "newest item 2026-11-20T10:00:00+08:00, 14 days ago (list row: 标题 https://…/a.html)": the
// date, and where a person finds it.
std::string newest_detail(const dated_item& item, std::int64_t now) {
    std::string where(origin_name(item.origin));
    if (!item.title.empty())
        where += ": " + item.title;
    if (!item.url.empty())
        where += " " + item.url;
    return "newest item " + days_ago(item.published, now) + " (" + where + ")";
}

std::string article_detail(std::int64_t published, std::int64_t now) {
    return "newest item " + days_ago(published, now) + " (the page's own publish date)";
}

// Nothing on the page gives a date: the inspection counts undated items as no update, but
// govmon may simply not have found where the site shows its dates, so it says what it tried.
std::string undatable_detail(const page_reading& reading, std::string_view subject) {
    std::string detail = "更新时间无法判定: no dated item on " + std::string(subject) +
                         "; tried: " + "list rows (" + std::to_string(reading.items.size()) +
                         " dated, " + std::to_string(reading.undated_items) + " undated titles)";
    for (const std::string& attempt : reading.attempts)
        detail += ", " + attempt;
    return detail;
}

void judge_homepage(const crawl_result& crawl, const std::string& home_url, std::int64_t now,
                    const site_content_thresholds& t, rule_verdict& v) {
    v.judged.insert(v.judged.end(),
                    {finding_kind::homepage_stale, finding_kind::homepage_low_volume});
    const auto items = homepage_items(crawl);
    const dated_item* latest = newest_of(items);
    if (!latest) {
        v.candidates.push_back({finding_kind::homepage_stale, finding_severity::warn, home_url, "",
                                undatable_detail(*crawl.home_reading, "the home page")});
        return; // neither is there evidence of a low volume
    }
    const std::int64_t age = now - latest->published;
    if (age > t.homepage_stale || age > t.homepage_warn)
        v.candidates.push_back(
            {finding_kind::homepage_stale,
             age > t.homepage_stale ? finding_severity::veto : finding_severity::warn, home_url, "",
             newest_detail(*latest, now)});
    const auto recent = std::count_if(items.begin(), items.end(), [&](const dated_item& i) {
        return i.published >= now - t.homepage_stale;
    });
    if (recent < t.homepage_min_items)
        v.candidates.push_back(
            {finding_kind::homepage_low_volume, finding_severity::deduct, home_url, "",
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

struct stale_column {
    const column_reading* column;
    std::string why;
    bool dated; // false: no date found at all, a warning that counts towards no veto
};

// The column's freshness, when it is stale or cannot be dated.
std::optional<stale_column> staleness(const column_reading& c, std::int64_t now,
                                      const site_content_thresholds& t) {
    const dated_item* latest = newest_of(c.reading.items);
    if (latest) {
        if (now - latest->published <= threshold_of(c.column.category, t))
            return std::nullopt;
        return stale_column{&c, newest_detail(*latest, now), true};
    }
    if (c.reading.article_date) {
        if (now - *c.reading.article_date <= threshold_of(c.column.category, t))
            return std::nullopt;
        return stale_column{&c, article_detail(*c.reading.article_date, now), true};
    }
    return stale_column{&c, undatable_detail(c.reading, "the column page"), false};
}

void judge_columns(const crawl_result& crawl, std::int64_t now, const site_content_thresholds& t,
                   const std::set<std::string>& blank_before, rule_verdict& v) {
    v.judged.insert(v.judged.end(), {finding_kind::column_stale, finding_kind::blank_column});
    std::vector<stale_column> stale;
    std::vector<const column_reading*> blank;
    int dated_news_notice = 0;
    int dated_all = 0;
    for (const column_reading& c : crawl.columns) {
        // A broken link is reported as such; an attachment or a non-HTML answer is no column.
        if (!c.status.ok || !c.html_page)
            continue;
        if (is_blank_column(c)) {
            if (blank_before.contains(c.column.url))
                blank.push_back(&c);
            continue; // a first blank reading waits for the next crawl to agree
        }
        if (auto s = staleness(c, now, t)) {
            dated_all += s->dated ? 1 : 0;
            dated_news_notice += s->dated && c.column.category != "personnel" ? 1 : 0;
            stale.push_back(std::move(*s));
        }
    }
    const bool stale_veto =
        dated_news_notice >= t.stale_news_notice_veto || dated_all >= t.stale_all_veto;
    for (const stale_column& s : stale)
        v.candidates.push_back(
            {finding_kind::column_stale,
             !s.dated     ? finding_severity::warn
             : stale_veto ? finding_severity::veto
                          : finding_severity::deduct,
             s.column->column.url, "",
             s.column->column.name + " (" + s.column->column.category + "): " + s.why});
    const bool blank_veto = static_cast<int>(blank.size()) >= t.blank_veto;
    for (const column_reading* c : blank)
        v.candidates.push_back(
            {finding_kind::blank_column,
             blank_veto ? finding_severity::veto : finding_severity::deduct, c->column.url, "",
             c->column.name + ": no items at all, on this crawl and the one before"});
}

} // namespace

std::optional<std::int64_t> homepage_newest(const crawl_result& crawl) {
    if (!crawl.home_reading)
        return std::nullopt;
    const auto items = homepage_items(crawl);
    const dated_item* latest = newest_of(items);
    return latest ? std::optional<std::int64_t>(latest->published) : std::nullopt;
}

bool is_blank_column(const column_reading& c) {
    return c.status.ok && c.html_page && c.reading.items.empty() && c.reading.undated_items == 0 &&
           !c.reading.article_date;
}

rule_verdict judge_site_content(const crawl_result& crawl, const std::string& home_url,
                                std::int64_t now, const site_content_thresholds& thresholds,
                                const std::set<std::string>& blank_before) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.home_reading)
        return v;
    judge_links(crawl, home_url, v);
    judge_homepage(crawl, home_url, now, thresholds, v);
    judge_columns(crawl, now, thresholds, blank_before, v);
    return v;
}

} // namespace govmon
