#include "crawl_job.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/findings/date_rules.hpp"
#include "daemon/findings/disclosure_rules.hpp"
#include "daemon/findings/interaction_rules.hpp"
#include "daemon/findings/page_baseline.hpp"
#include "daemon/findings/site_content_rules.hpp"
#include "daemon/findings/tamper_rules.hpp"
#include "daemon/runtime/job_recording.hpp"
#include "daemon/runtime/schedule_plan.hpp"
#include "daemon/store/probe_detail_json.hpp"
#include "probes/ads/filter_engine.hpp"
#include "probes/content/text_check.hpp"
#include "probes/site/crawler.hpp"
#include "probes/site/page_renderer.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace govmon {
namespace {

using std::chrono::duration_cast;
using std::chrono::seconds;

std::int64_t seconds_of(duration d) {
    return duration_cast<seconds>(d).count();
}

crawl_options options_of(const daemon_state& state, const site_config& site) {
    const config& cfg = state.cfg;
    crawl_options o;
    o.max_pages = cfg.crawl.max_pages;
    o.max_depth = cfg.crawl.max_depth;
    o.check_external = cfg.crawl.check_external;
    o.respect_robots = cfg.crawl.respect_robots;
    o.subhosts = site.crawl_subhosts.value_or(cfg.crawl.subhosts);
    o.target_pages_read = cfg.crawl.target_pages_read;
    for (const std::string& pattern : cfg.crawl.exclude)
        o.exclude.emplace_back(pattern, std::regex::ECMAScript | std::regex::optimize);
    o.workers = std::max(1, std::min(8, cfg.http.per_host * 2));
    o.ad_keywords = cfg.ads.keywords;
    o.ad_rules = state.ad_rules.get();
    o.text_rules = state.text_rules.get();
    o.renderer = state.renderer.get();
    o.parse_on = state.parse_on;
    o.interaction.channels = site.interaction_channels;
    o.interaction.elsewhere = site.interaction_elsewhere;
    return o;
}

std::vector<configured_column> columns_of(const site_config& site) {
    std::vector<configured_column> columns;
    for (const column_config& c : site.columns)
        columns.push_back({c.name, c.url, c.category});
    return columns;
}

site_content_thresholds thresholds_of(const config& cfg) {
    site_content_thresholds t;
    t.homepage_stale = seconds_of(cfg.thresholds.homepage_stale);
    t.news_stale = seconds_of(cfg.thresholds.column_stale.news);
    t.notice_stale = seconds_of(cfg.thresholds.column_stale.notice);
    t.personnel_stale = seconds_of(cfg.thresholds.column_stale.personnel);
    t.homepage_warn = seconds_of(cfg.thresholds.homepage_warn);
    t.homepage_min_items = cfg.thresholds.homepage_min_items;
    t.stale_news_notice_veto = cfg.thresholds.stale_columns_veto;
    t.stale_all_veto = cfg.thresholds.stale_columns_all_veto;
    t.blank_veto = cfg.thresholds.blank_columns_veto;
    return t;
}

void add_verdict(rule_verdict& into, rule_verdict more) {
    into.judged.insert(into.judged.end(), more.judged.begin(), more.judged.end());
    for (finding_candidate& c : more.candidates)
        into.candidates.push_back(std::move(c));
}

int broken_on_home(const crawl_result& r) {
    return static_cast<int>(std::count_if(r.broken.begin(), r.broken.end(),
                                          [](const broken_link& b) { return b.on_home; }));
}

crawl_detail crawl_detail_of(const crawl_result& r) {
    crawl_detail d;
    const int home_broken = broken_on_home(r);
    d.pages = r.pages_crawled;
    d.links_checked = r.links_checked;
    d.broken_home = home_broken;
    d.broken_other = static_cast<int>(r.broken.size()) - home_broken;
    d.blocked_links = r.blocked_links;
    d.ad_links = r.ads.size();
    d.hidden_links = r.hidden.size();
    d.columns = r.columns.size();
    if (r.home_reading) {
        d.home_items = r.home_reading->items.size();
        d.home_attempts = r.home_reading->attempts;
    }
    if (!r.home.ok)
        d.error_detail = r.home.detail;
    return d;
}

observation crawl_observation(const site_config& site, const crawl_result& r, std::int64_t started,
                              std::int64_t latency_ms) {
    observation o = observation_head(site.id, "site", probe_kind::crawl, site.url, started);
    o.ok = r.home.ok;
    if (r.home.http_status > 0)
        o.http_status = r.home.http_status;
    o.latency_ms = latency_ms;
    o.error = r.home.ok ? error_class::none : r.home.error;
    o.last_update = homepage_newest(r);
    o.detail = detail_json(crawl_detail_of(r));
    return o;
}

observation column_observation(const site_config& site, const column_reading& c,
                               std::int64_t started) {
    observation o = observation_head(site.id, "site", probe_kind::column, c.column.url, started);
    o.ok = c.status.ok;
    if (c.status.http_status > 0)
        o.http_status = c.status.http_status;
    o.error = c.status.ok ? error_class::none : c.status.error;
    o.last_update = newest(c.reading);
    o.detail = detail_json(column_detail{c.column.name, c.column.category, c.reading.items.size(),
                                         c.reading.undated_items, c.html_page, is_blank_column(c),
                                         c.reading.attempts});
    return o;
}

// What a crawl's site had before it: the input of the content, tamper and date rules.
struct site_history {
    std::set<std::string> blank_before;
    std::map<std::string, page_baseline> baselines;
    item_history items;
};

// The item sightings and list pages the crawl adds to the site's history.
void record_items(const site_config& site, const crawl_result& r, const item_history& known,
                  std::int64_t now, write_batch& batch) {
    if (!r.home.ok || !r.home_reading)
        return;
    const auto add_page = [&](const std::string& page, const page_reading& reading) {
        batch.pages_read.push_back({site.id, page, now});
        const std::int64_t read_before = list_read_before(page, reading, known);
        for (const dated_item& item : reading.items)
            if (!known.first_seen.contains(item.url))
                batch.sightings.push_back(
                    {site.id, item.url, page, item.published, now, read_before});
    };
    add_page(site.url, *r.home_reading);
    for (const column_reading& c : r.columns)
        if (c.status.ok && c.html_page)
            add_page(c.column.url, c.reading);
}

// The verdicts of every rule over one crawl (links and freshness, 互动回应, the home page's
// disclosures, tampering, dates), merged: each judges kinds of its own.
rule_verdict judge_crawl(const site_config& site, const crawl_result& r, const site_history& h,
                         const config& cfg, std::int64_t now, write_batch& batch) {
    rule_verdict verdict = judge_site_content(r, site.url, now, thresholds_of(cfg), h.blank_before);
    baseline_judgement baselines;
    if (r.home.ok)
        baselines = judge_baselines(r.key_pages, h.baselines);
    for (std::size_t i = 0; i < baselines.baselines.size(); ++i)
        batch.baselines.push_back({site.id, baselines.baselines[i], r.key_pages[i]});
    add_verdict(verdict, judge_interaction(r, site.url, now, interaction_thresholds{}));
    add_verdict(verdict, judge_disclosures(r, site.url, now, site.site_code));
    add_verdict(verdict, judge_tampering(r, site.url, baselines.candidates));
    add_verdict(verdict, judge_dates(r, site.url, h.items, now));
    record_items(site, r, h.items, now, batch);
    return verdict;
}

} // namespace

asio::awaitable<void> run_crawl_job(daemon_state& state, site_config site) {
    const std::int64_t started = now_epoch_seconds();
    const auto clock_start = std::chrono::steady_clock::now();
    std::shared_ptr<http::client> client = state.client;
    // options_of hands the crawl a plain pointer to these rules: a reload must not free them.
    const std::shared_ptr<const filter_engine> ad_rules = state.ad_rules;
    const std::shared_ptr<const text_checker> text_rules = state.text_rules;
    const std::shared_ptr<page_renderer> renderer = state.renderer;
    const crawl_result result =
        co_await crawl_site(*client, site.url, options_of(state, site), columns_of(site),
                            state.external_links, started);
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - clock_start);
    const std::int64_t now = now_epoch_seconds();
    state.log->info(
        "crawl target={} ok={} pages={} links={} broken={} ads={} hidden={} channels={} ms={}",
        site.id, result.home.ok, result.pages_crawled, result.links_checked, result.broken.size(),
        result.ads.size(), result.hidden.size(),
        result.interaction ? result.interaction->channels.size() : 0, latency.count());

    note_worker_failures(state, site.id, result.worker_errors);

    write_batch batch;
    batch.observations.push_back(crawl_observation(site, result, started, latency.count()));
    for (const column_reading& c : result.columns)
        batch.observations.push_back(column_observation(site, c, started));
    schedule_row next{site.id, probe_name(probe_kind::crawl),
                      next_due(started, state.cfg.schedule.crawl_every, state.cfg.schedule.jitter,
                               state.spread()),
                      started};
    batch.schedule.push_back(next);

    bool failing = false;
    try {
        const site_history history = co_await state.db.run([&](store& db) {
            return site_history{db.blank_columns_of_last_crawl(site.id),
                                db.page_baselines_of(site.id), db.item_history_of(site.id)};
        });
        // Named: GCC 12 destroys a temporary of a co_await expression twice (P7).
        const target_identity identity{site.id, "site", site.unit};
        const rule_verdict verdict = judge_crawl(site, result, history, state.cfg, now, batch);
        failing = co_await write_with_findings(state, identity, verdict, std::move(batch), now);
    } catch (const store_error& e) {
        note_store_failure(state, site.id, probe_kind::crawl, e);
    }

    state.stats.record_probe(site.id, "site", probe_name(probe_kind::crawl), result.home.ok,
                             std::chrono::duration<double>(latency).count());
    state.stats.count_crawl_work(result.pages_crawled, result.links_checked);
    if (result.home.ok) {
        const int home_broken = broken_on_home(result);
        state.stats.set_site_links(site.id, home_broken,
                                   static_cast<int>(result.broken.size()) - home_broken,
                                   static_cast<int>(result.ads.size()));
        if (const auto newest_item = homepage_newest(result))
            state.stats.set_last_update(site.id, "site", "web", site.unit, *newest_item);
    }
    state.stats.set_target_failing(site.id, "site", site.unit, failing);
    complete_probe(state, {site.id, probe_kind::crawl}, next.next_due, now);
}

} // namespace govmon
