#include "crawler.hpp"

#include "probes/ads/ad_keywords.hpp"
#include "probes/ads/filter_engine.hpp"
#include "probes/content/text_check.hpp"
#include "probes/dates/calendar.hpp"
#include "probes/html/html_decode.hpp"
#include "probes/html/html_document.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/http/robots.hpp"
#include "probes/http/url.hpp"
#include "probes/off_thread.hpp"
#include "probes/site/annual_report_links.hpp"
#include "probes/site/article_date.hpp"
#include "probes/site/cloaking.hpp"
#include "probes/site/cms_records.hpp"
#include "probes/site/column_discovery.hpp"
#include "probes/site/hidden_links.hpp"
#include "probes/site/illicit_page.hpp"
#include "probes/site/inline_scripts.hpp"
#include "probes/site/interaction_channels.hpp"
#include "probes/site/interaction_probe.hpp"
#include "probes/site/key_page_signals.hpp"
#include "probes/site/link_status.hpp"
#include "probes/site/message_page.hpp"
#include "probes/site/node_text.hpp"
#include "probes/site/own_page_illicit.hpp"
#include "probes/site/page_renderer.hpp"
#include "probes/site/parked_domain.hpp"
#include "probes/site/script_kit.hpp"
#include "probes/site/site_identity.hpp"
#include "probes/site/site_scope.hpp"
#include "probes/site/soft_404.hpp"
#include "text/host_names.hpp"
#include "text/utf8_reader.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <random>
#include <set>
#include <unordered_set>

namespace govmon {
namespace {

// A page keeps this many of the pages a broken link stands on; the count is kept exactly.
constexpr std::size_t pages_kept_per_link = 5;
// Of a link target read for illicit vocabulary, this much of the body: a gambling page shows
// its wares at the top, and the check must not cost a full parse of a large page.
constexpr std::size_t target_bytes_read = 256 * 1024;
// Consultation channels taken from the home page; hubs they lead to add more (interaction_probe).
constexpr std::size_t max_home_channels = 8;
// Of the visible text of a page of the site other than the home page, this much is judged for
// gambling and porn vocabulary, and of every crawled page this much is checked for wrong forms:
// injected spam stands at the top, an article's body fits, and a huge page costs no more than a
// large one.
constexpr std::size_t page_text_judged = 64 * 1024;

enum class work_kind { page, check };

struct work_item {
    std::string url;
    int depth = 0;
    work_kind kind = work_kind::check;
    bool resource = false; // images, scripts, attachments: HEAD first
    bool external = false;
};

// What the crawl learns of each scheme://host:port it reads pages from, before reading them.
struct origin_rules {
    bool ready = false;
    std::unique_ptr<asio::steady_timer> loaded; // cancelled once ready: wakes those who wait
    http::robots_rules robots;
    std::optional<page_signature> not_found;
};

std::string origin_of(const http::url& u) {
    return u.scheme + "://" + u.authority();
}

struct link_use {
    std::vector<std::string> pages;
    int count = 0;
    bool on_home = false;
};

bool is_navigation_element(std::string_view element) {
    return element == "a" || element == "area" || element == "iframe" || element == "frame" ||
           element == "meta-refresh";
}

bool is_html(const http::response& r) {
    const auto type = lower_ascii(r.header("content-type").value_or(""));
    return type.empty() || type.find("html") != std::string::npos;
}

// A reader who clicks an href no browser can resolve ("//////", "http://localhost]") lands
// nowhere: a broken link, named by its text.
link_status unresolvable_href(const std::string& href) {
    link_status s;
    s.ok = false;
    s.error = error_class::parse;
    s.detail = "href does not resolve to a URL: " + href;
    return s;
}

std::string title_of(xmlDocPtr doc) {
    const xmlNode* node = doc ? xmlDocGetRootElement(doc) : nullptr;
    std::vector<const xmlNode*> stack;
    if (node)
        stack.push_back(node);
    while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (is_element(n, "title"))
            return visible_text(n, element_gaps::joined);
        for (const xmlNode* child = n->last; child; child = child->prev)
            if (child->type == XML_ELEMENT_NODE)
                stack.push_back(child);
    }
    return {};
}

// Whether a 200 page is the site's not-found page (软404): like the origin's answer to a URL
// that cannot exist, or titled as an error and listing no dated rows (read only then: rare).
bool is_soft_404(const std::string& title, const std::string& text, const origin_rules* rules,
                 xmlDocPtr doc, const std::string& url, std::int64_t now) {
    if (rules && rules->not_found && looks_like(signature_of(title, text), *rules->not_found))
        return true;
    if (!says_not_found(title, text))
        return false;
    return text_says_not_found(text) || read_page(doc, url, now).items.empty();
}

home_facts home_facts_of(std::string_view utf8, const std::vector<html::page_link>& links,
                         std::string_view page_url) {
    home_facts facts;
    facts.identity = read_site_identity(utf8);
    facts.annual_reports = find_annual_report_links(links);
    facts.channels = find_interaction_channels(links, page_url, max_home_channels);
    facts.links = static_cast<std::size_t>(
        std::count_if(links.begin(), links.end(), [](const html::page_link& l) {
            return l.element == "a" || l.element == "area";
        }));
    return facts;
}

// What the crawl takes from a fetched HTML page; computed off the I/O thread, from nothing
// but the response and the origin's rules (ready, so no longer written).
struct parsed_page {
    bool soft_404 = false;
    std::string title;
    std::optional<page_reading> home_reading;  // the home page's only
    std::vector<discovered_column> discovered; // the home page's only
    std::optional<home_facts> facts;           // the home page's only
    std::vector<html::page_link> links;
    std::vector<hidden_link> hidden;
    std::optional<own_page_illicit> illicit;
    script_kit kit;
    std::optional<page_signals> signals; // the home page's only
    std::vector<text_problem> text_problems;
};

// The page's title and text against the wrong-forms lists; on a consultation channel's page,
// only its office's answer (the public's letters are not the site's text). Its own publish date
// is looked for only when an outdated name occurs: an article written before the name ended is
// fine.
std::vector<text_problem> text_problems_of(const text_checker& checker, xmlDocPtr doc,
                                           const std::string& title, const std::string& text,
                                           std::int64_t now) {
    const std::string_view judged = bounded_text(text, page_text_judged);
    std::optional<std::string> office = office_written_text(judged);
    const std::string checked = office ? std::move(*office) : title + "\n" + std::string(judged);
    if (checked.empty())
        return {};
    std::vector<text_problem> problems = checker.check(checked);
    const bool outdated = std::any_of(problems.begin(), problems.end(), [](const text_problem& p) {
        return p.type == content_rule_type::outdated;
    });
    if (outdated)
        if (const auto date = find_article_date(doc, now))
            return checker.check(checked, date->instant);
    return problems;
}

// The page's own content judged (judge_own_page); `signals` gives its title and meta tags.
std::optional<own_page_illicit> judge_signals(const page_signals& signals, std::string_view text) {
    return judge_own_page({signals.title, signals.keywords, signals.description, text});
}

parsed_page parse_page(const http::response& r, const std::string& page, const origin_rules* rules,
                       bool is_home, const site_scope& scope, const text_checker* text_rules,
                       std::int64_t now) {
    parsed_page parsed;
    const html::decoded_html decoded =
        html::decode_html(r.body, r.header("content-type").value_or(""));
    const html::html_document doc(decoded.utf8, r.final_url);
    const std::string text = visible_text(xmlDocGetRootElement(doc.get()), element_gaps::separated);
    parsed.title = title_of(doc.get());
    if (!is_home && is_soft_404(parsed.title, text, rules, doc.get(), r.final_url, now)) {
        parsed.soft_404 = true;
        return parsed;
    }
    if (is_home) {
        parsed.home_reading = read_page(doc.get(), r.final_url, now);
        parsed.discovered = discover_columns(doc.get(), r.final_url);
    }
    parsed.links = html::extract_links(doc, r.final_url, decoded.charset);
    parsed.hidden = find_hidden_links(doc.get(), page);
    if (is_home)
        parsed.facts = home_facts_of(decoded.utf8, parsed.links, r.final_url);
    page_signals signals =
        signals_of(doc.get(), page, parsed.title,
                   is_home ? parsed.links : std::vector<html::page_link>{}, scope);
    parsed.illicit = judge_signals(signals, is_home ? std::string_view{text}
                                                    : bounded_text(text, page_text_judged));
    parsed.kit = find_script_kit(inline_scripts(doc.get()));
    if (is_home)
        parsed.signals = std::move(signals);
    if (text_rules)
        parsed.text_problems = text_problems_of(*text_rules, doc.get(), parsed.title, text, now);
    return parsed;
}

// The title of an on-site 200 page that is the site's not-found page; none for a real page.
std::optional<std::string> soft_404_title(const http::response& r, const origin_rules* rules,
                                          std::int64_t now) {
    const html::decoded_html decoded =
        html::decode_html(r.body, r.header("content-type").value_or(""));
    const html::html_document doc(decoded.utf8, r.final_url);
    std::string title = title_of(doc.get());
    if (!is_soft_404(title, visible_text(xmlDocGetRootElement(doc.get()), element_gaps::separated),
                     rules, doc.get(), r.final_url, now))
        return std::nullopt;
    return title;
}

std::string what_of(std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        return ex.what();
    } catch (...) {
        return "unknown exception";
    }
}

class site_crawl : public markup_source {
public:
    site_crawl(http::client& client, std::string home, crawl_options options,
               external_link_cache& external, std::int64_t now)
        : client_(client), home_(std::move(home)), options_(std::move(options)),
          external_(external), now_(now), wake_(nullptr), site_host_(host_of_url(home_)),
          scope_(site_host_, options_.subhosts) {}

    asio::awaitable<crawl_result> run(std::vector<configured_column> columns) {
        asio::steady_timer wake{co_await asio::this_coro::executor};
        wake_ = &wake;
        // The home page first: when it does not load there is nothing to crawl, and robots.txt
        // and the not-found probe would only wait for the same dead host.
        const http::request home_req = get(home_);
        const http::response home = co_await client_.fetch(home_req);
        if (!status_of(home).ok) {
            record(home_, status_of(home), true);
            co_return std::move(result_);
        }
        const origin_rules* home_rules = nullptr;
        if (const auto parsed = http::parse_url(home_))
            home_rules = co_await rules_for(*parsed);
        seen_.insert(std::hash<std::string>{}(home_));
        ++pages_scheduled_;
        const work_item home_item{home_, 0, work_kind::page, false, false};
        co_await read_fetched_page(home_item, home, home_rules);
        co_await run_workers();
        collect_broken_links();
        collect_illicit_targets();
        if (result_.home_reading)
            co_await date_undated_page(home.final_url, *result_.home_reading);
        co_await read_columns(std::move(columns));
        co_await read_interaction_channels();
        co_await compare_search_engine_views();
        co_return std::move(result_);
    }

    // A channel or message page for the 互动回应 reader: on-site pages as robots.txt allows,
    // channels on other hosts (a subdomain, a provincial platform) as links are checked.
    asio::awaitable<channel_page> fetch_channel_page(std::string url) override {
        channel_page out;
        const auto parsed = http::parse_url(url);
        if (!parsed || excluded(url)) {
            out.error = error_class::parse;
            out.error_detail = "not read: excluded by crawl.exclude or not a URL";
            co_return out;
        }
        if (on_site(*parsed) && co_await allowed_by_robots(url) == nullptr) {
            out.error = error_class::blocked;
            out.error_detail = "not read: robots.txt forbids it";
            co_return out;
        }
        const http::request req = get(url);
        const http::response r = co_await client_.fetch(req);
        const link_status status = status_of(r);
        out.http_status = r.status;
        out.error = status.error;
        out.error_detail = status.detail;
        // jact serves its list rows as a script's data (dataStore = [...]), whatever its type.
        if (!r.ok() || !(is_html(r) || read_datastore_array(r.body))) {
            if (r.ok())
                out.error_detail = "not an HTML page";
            co_return out;
        }
        html::decoded_html decoded =
            html::decode_html(r.body, r.header("content-type").value_or(""));
        out.ok = true;
        out.utf8 = std::move(decoded.utf8);
        out.final_url = r.final_url;
        co_return out;
    }

private:
    http::request get(const std::string& url, const char* method = "GET") const {
        http::request req;
        req.url = url;
        req.method = method;
        return req;
    }

    static std::string host_of_url(const std::string& url) {
        const auto parsed = http::parse_url(url);
        return parsed ? parsed->host : std::string{};
    }

    // robots.txt and the not-found page of the origin of `u`, read once per crawl (the home
    // page's before anything else, a sub-host's when the crawl first goes there).
    asio::awaitable<const origin_rules*> rules_for(const http::url& u) {
        const auto [it, fresh] = origins_.try_emplace(origin_of(u));
        origin_rules& rules = it->second;
        if (fresh) {
            rules.loaded = std::make_unique<asio::steady_timer>(
                co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
            if (options_.respect_robots)
                rules.robots = co_await read_robots(it->first);
            rules.not_found = co_await learn_not_found_page(it->first);
            rules.ready = true;
            rules.loaded->cancel();
        }
        while (!rules.ready) {
            boost::system::error_code ec;
            co_await rules.loaded->async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        co_return &rules;
    }

    asio::awaitable<http::robots_rules> read_robots(const std::string& origin) {
        const http::request req = get(origin + "/robots.txt");
        const http::response r = co_await client_.fetch(req);
        if (r.ok())
            co_return http::robots_rules::parse(r.body, client_.options().user_agent);
        co_return http::robots_rules{};
    }

    // The origin's answer to a URL that cannot exist: a page served with 200 that looks like
    // it is the site's not-found page (软404).
    asio::awaitable<std::optional<page_signature>> learn_not_found_page(const std::string& origin) {
        std::mt19937_64 random{static_cast<std::uint64_t>(now_)};
        const std::string probe_url =
            origin + "/govmon-not-found-" + std::to_string(random()) + ".html";
        const http::request req = get(probe_url);
        const http::response r = co_await client_.fetch(req);
        if (!r.ok() || !is_html(r))
            co_return std::nullopt;
        const html::decoded_html decoded =
            html::decode_html(r.body, r.header("content-type").value_or(""));
        const html::html_document doc(decoded.utf8, r.final_url);
        co_return signature_of(title_of(doc.get()), visible_text(xmlDocGetRootElement(doc.get()),
                                                                 element_gaps::separated));
    }

    bool excluded(const std::string& url) const {
        return std::any_of(options_.exclude.begin(), options_.exclude.end(),
                           [&](const std::regex& re) { return std::regex_search(url, re); });
    }

    bool on_site(const http::url& u) const { return scope_.contains(u.host); }

    // Known now to be forbidden by its origin's robots.txt; an origin not read yet is asked
    // when the URL's turn comes (allowed_by_robots).
    bool known_disallowed(const http::url& u) const {
        const auto rules = origins_.find(origin_of(u));
        return rules != origins_.end() && rules->second.ready &&
               !rules->second.robots.allows(u.target);
    }

    void schedule(work_item item) {
        if (!seen_.insert(std::hash<std::string>{}(item.url)).second)
            return;
        if (item.kind == work_kind::page)
            ++pages_scheduled_;
        queue_.push_back(std::move(item));
        wake_->cancel();
    }

    void consider_link(const html::page_link& link, const std::string& page, int depth) {
        if (excluded(link.url))
            return;
        auto& use = uses_[link.url];
        ++use.count;
        if (page == home_ && !use.on_home) {
            use.on_home = true;
            use.pages.insert(use.pages.begin(), page);
        } else if (use.pages.size() < pages_kept_per_link &&
                   std::find(use.pages.begin(), use.pages.end(), page) == use.pages.end()) {
            use.pages.push_back(page);
        }
        if (!link.resolved) {
            if (!checks_.count(link.url))
                record(link.url, unresolvable_href(link.url), false);
            return;
        }
        const auto parsed = http::parse_url(link.url);
        if (!parsed)
            return;
        const bool resource =
            !is_navigation_element(link.element) || has_resource_extension(link.url);
        if (!on_site(*parsed)) {
            if (options_.check_external)
                schedule({link.url, depth + 1, work_kind::check, resource, true});
            return;
        }
        // A URL robots.txt forbids is neither crawled nor checked: fetching it is what the
        // site asked us not to do.
        if (known_disallowed(*parsed))
            return;
        const bool crawlable =
            !resource && depth + 1 <= options_.max_depth && pages_scheduled_ < options_.max_pages;
        schedule(
            {link.url, depth + 1, crawlable ? work_kind::page : work_kind::check, resource, false});
    }

    void flag_ads_and_hidden(const parsed_page& parsed, const std::string& page) {
        const std::vector<html::page_link>& links = parsed.links;
        for (const html::page_link& link : links) {
            const std::string link_host = host_of(link.url);
            if (options_.ad_rules) {
                const request_context request{link.url, site_host_,
                                              is_navigation_element(link.element)
                                                  ? resource_type::other
                                                  : resource_type::image};
                if (auto match = options_.ad_rules->matches(request)) {
                    result_.ads.push_back({link.url, page, "ad rule " + match->rule});
                    continue;
                }
            }
            if (is_ad_keyword_link(link.text, link_host, site_host_, options_.ad_keywords))
                result_.ads.push_back({link.url, page, "ad keyword in \"" + link.text + "\""});
        }
        for (const hidden_link& h : parsed.hidden)
            result_.hidden.push_back({h.url, page, h.reason});
    }

    // The rules of an on-site URL's origin, or null when its robots.txt forbids fetching it.
    asio::awaitable<const origin_rules*> allowed_by_robots(const std::string& url) {
        const auto parsed = http::parse_url(url);
        if (!parsed)
            co_return nullptr;
        const origin_rules* rules = co_await rules_for(*parsed);
        co_return rules->robots.allows(parsed->target) ? rules : nullptr;
    }

    asio::awaitable<void> process_page(work_item item) {
        const origin_rules* rules = co_await allowed_by_robots(item.url);
        if (!rules)
            co_return;
        const http::request req = get(item.url);
        const http::response r = co_await client_.fetch(req);
        co_await read_fetched_page(item, r, rules);
    }

    // On options_.parse_on when the crawl has it and the body is large: a 5 MB page parsed there
    // holds no other probe of the I/O thread. `work` must read nothing the crawl may change
    // meanwhile.
    template <typename F>
    asio::awaitable<std::invoke_result_t<F&>> on_parse_pool(const http::response& r, F work) {
        if (!options_.parse_on || r.body.size() < large_parse_bytes)
            co_return work();
        // Started outside the co_await: GCC 12 destroys a temporary of a co_await expression
        // twice (the executor copy here).
        auto running = run_off_thread(*options_.parse_on, std::move(work));
        co_return co_await std::move(running);
    }

    asio::awaitable<void> read_fetched_page(const work_item& item, const http::response& r,
                                            const origin_rules* rules) {
        link_status status = status_of(r);
        const bool is_home = item.url == home_;
        if (!status.ok || !is_html(r)) {
            record(item.url, status, is_home);
            co_return;
        }
        parsed_page parsed = co_await on_parse_pool(
            r, [&r, &item, rules, is_home, this, text_rules = options_.text_rules, now = now_] {
                return parse_page(r, item.url, rules, is_home, scope_, text_rules, now);
            });
        if (parsed.soft_404) {
            status.ok = false;
            status.error = error_class::http;
            status.detail =
                "soft 404: HTTP " + std::to_string(r.status) + " page \"" + parsed.title + "\"";
            record(item.url, status, is_home);
            co_return;
        }
        record(item.url, status, is_home);
        ++result_.pages_crawled;
        if (is_home) {
            result_.home_reading = std::move(parsed.home_reading);
            result_.home_details = std::move(parsed.facts);
            discovered_ = std::move(parsed.discovered);
            home_view_ = {true, r.status, r.final_url, parsed.title, parsed.illicit};
        }
        if (parsed.signals)
            result_.key_pages.push_back(std::move(*parsed.signals));
        if (parsed.illicit)
            result_.illicit_pages.push_back({item.url, std::move(*parsed.illicit)});
        if (parsed.kit.found())
            result_.script_kits.push_back({item.url, parsed.title, std::move(parsed.kit)});
        flag_ads_and_hidden(parsed, item.url);
        for (text_problem& problem : parsed.text_problems)
            result_.text_problems.push_back({item.url, std::move(problem)});
        for (const html::page_link& link : parsed.links)
            consider_link(link, item.url, item.depth);
    }

    // External pages of non-government hosts, as many as the crawl may read: a government
    // page that writes about gambling is the government's business, not a 暗链.
    bool worth_reading_target(const work_item& item, const http::response& r) const {
        return !item.resource && is_html(r) && target_pages_read_ < options_.target_pages_read &&
               !is_government_host(host_of(item.url));
    }

    // What an external target now serves: gambling or porn, or a parked domain's page.
    void read_target(const http::response& r, link_status& status) {
        ++target_pages_read_;
        const std::string_view body =
            std::string_view{r.body}.substr(0, std::min(r.body.size(), target_bytes_read));
        const html::decoded_html decoded =
            html::decode_html(body, r.header("content-type").value_or(""));
        const html::html_document doc(decoded.utf8, r.final_url);
        const std::string title = title_of(doc.get());
        const std::string text =
            visible_text(xmlDocGetRootElement(doc.get()), element_gaps::separated);
        status.illicit_terms = illicit_page_terms(title, text);
        if (status.illicit_terms.empty())
            status.parked = parked_domain_phrase(title, text).value_or("");
    }

    asio::awaitable<void> process_check(work_item item) {
        if (item.external)
            if (auto cached = external_.find(item.url); cached != external_.end()) {
                record(item.url, cached->second, false);
                co_return;
            }
        const origin_rules* rules = nullptr;
        if (!item.external && !(rules = co_await allowed_by_robots(item.url)))
            co_return;
        http::response r;
        if (item.resource) {
            const http::request head = get(item.url, "HEAD");
            r = co_await client_.fetch(head);
            // Many servers refuse or mishandle HEAD: only GET tells.
            if (!r.ok()) {
                const http::request full = get(item.url);
                r = co_await client_.fetch(full);
            }
        } else {
            const http::request full = get(item.url);
            r = co_await client_.fetch(full);
        }
        link_status status = status_of(r);
        if (status.ok && !item.resource && !item.external && is_html(r)) {
            const std::optional<std::string> not_found = co_await on_parse_pool(
                r, [&r, rules, now = now_] { return soft_404_title(r, rules, now); });
            if (not_found) {
                status.ok = false;
                status.error = error_class::http;
                status.detail = "soft 404: page \"" + *not_found + "\"";
            }
        }
        if (status.ok && item.external && worth_reading_target(item, r))
            read_target(r, status);
        if (item.external)
            external_[item.url] = status;
        record(item.url, status, false);
    }

    void record(const std::string& url, const link_status& status, bool is_home) {
        ++result_.links_checked;
        checks_[url] = status;
        if (is_home)
            result_.home = status;
    }

    asio::awaitable<void> worker() {
        for (;;) {
            if (!queue_.empty()) {
                work_item item = std::move(queue_.front());
                queue_.pop_front();
                ++in_flight_;
                co_await process_guarded(std::move(item));
                --in_flight_;
                wake_->cancel();
                continue;
            }
            if (in_flight_ == 0)
                co_return;
            wake_->expires_at(asio::steady_timer::time_point::max());
            boost::system::error_code ec;
            co_await wake_->async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    // One work item, whatever it throws (only allocation can): the error is kept for the crawl's
    // log and counter, and the worker takes the next item, so that the crawl still ends.
    asio::awaitable<void> process_guarded(work_item item) {
        std::exception_ptr failure;
        try {
            if (item.kind == work_kind::page)
                co_await process_page(std::move(item));
            else
                co_await process_check(std::move(item));
        } catch (...) {
            failure = std::current_exception();
        }
        if (failure)
            result_.worker_errors.push_back(what_of(failure));
    }

    asio::awaitable<void> run_workers() {
        const auto executor = co_await asio::this_coro::executor;
        asio::steady_timer all_done{executor, asio::steady_timer::time_point::max()};
        int alive = std::max(1, options_.workers);
        for (int i = 0, n = alive; i < n; ++i)
            asio::co_spawn(executor, worker(), [this, &alive, &all_done](std::exception_ptr e) {
                if (e)
                    result_.worker_errors.push_back(what_of(e));
                if (--alive == 0)
                    all_done.cancel();
            });
        boost::system::error_code ec;
        co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }

    void collect_broken_links() {
        for (auto& [url, use] : uses_) {
            auto status = checks_.find(url);
            if (status == checks_.end() || status->second.ok)
                continue;
            if (status->second.error == error_class::blocked) {
                ++result_.blocked_links;
                continue;
            }
            result_.broken.push_back({url, status->second, use.on_home, use.pages, use.count});
        }
    }

    // A link to a gambling or porn page is a 暗链 on every page that carries it, hidden or not.
    void collect_illicit_targets() {
        for (const auto& [url, use] : uses_) {
            const auto status = checks_.find(url);
            if (status == checks_.end() || status->second.illicit_terms.empty())
                continue;
            std::string reason = "target page carries gambling/porn vocabulary:";
            for (const std::string& term : status->second.illicit_terms)
                reason += (reason.back() == ':' ? " " : ", ") + term;
            for (const std::string& page : use.pages)
                flag_hidden(url, page, reason);
        }
        for (const auto& [url, use] : uses_) {
            const auto status = checks_.find(url);
            if (status != checks_.end() && !status->second.parked.empty() && !use.pages.empty())
                result_.parked.push_back({url, use.pages.front(),
                                          "target page says \"" + status->second.parked + "\" (" +
                                              std::to_string(use.count) +
                                              (use.count == 1 ? " link)" : " links)")});
        }
    }

    void flag_hidden(const std::string& url, const std::string& page, const std::string& reason) {
        const auto same =
            std::find_if(result_.hidden.begin(), result_.hidden.end(),
                         [&](const flagged_link& h) { return h.url == url && h.page == page; });
        if (same != result_.hidden.end())
            same->reason += "; " + reason;
        else
            result_.hidden.push_back({url, page, reason});
    }

    asio::awaitable<void> read_columns(std::vector<configured_column> configured) {
        std::set<std::string> urls;
        std::vector<configured_column> all;
        for (auto& c : configured)
            if (urls.insert(c.url).second)
                all.push_back(std::move(c));
        for (const discovered_column& d : discovered_)
            if (urls.insert(d.url).second)
                all.push_back({d.name, d.url, d.category});
        for (configured_column& column : all) {
            const http::request req = get(column.url);
            const http::response r = co_await client_.fetch(req);
            column_reading reading{std::move(column), status_of(r), {}};
            const bool readable = r.ok() && is_html(r);
            bool error_page = false;
            if (readable) {
                const html::decoded_html decoded =
                    html::decode_html(r.body, r.header("content-type").value_or(""));
                const html::html_document doc(decoded.utf8, r.final_url);
                reading.reading = read_page(doc.get(), r.final_url, now_);
                reading.html_page = r.status == 200;
                const std::string title = title_of(doc.get());
                const std::string text =
                    visible_text(xmlDocGetRootElement(doc.get()), element_gaps::separated);
                error_page = reading.reading.items.empty() && says_not_found(title, text);
                if (!error_page)
                    judge_key_page(doc, reading.column.url, r.final_url, title, text,
                                   decoded.charset);
            }
            if (readable && !error_page)
                co_await date_undated_page(r.final_url, reading.reading);
            else if (error_page && options_.renderer)
                reading.reading.attempts.emplace_back(
                    "browser render: not tried, the page says it is not found");
            result_.columns.push_back(std::move(reading));
        }
    }

    // The consultation channels the home page links to (or the config names), read once the
    // crawl is done so that their pages do not compete with it.
    asio::awaitable<void> read_interaction_channels() {
        if (!result_.home_details)
            co_return;
        std::vector<channel_link> found = result_.home_details->channels;
        const std::size_t home_links = result_.home_details->links;
        result_.interaction = co_await read_interaction(
            *this, std::move(found), home_links, options_.interaction, options_.renderer, now_);
    }

    // A column page as a key page: its signals for the baseline, its content and scripts judged.
    void judge_key_page(const html::html_document& doc, const std::string& url,
                        const std::string& final_url, const std::string& title,
                        const std::string& text, const std::string& charset) {
        const std::vector<html::page_link> links = html::extract_links(doc, final_url, charset);
        page_signals signals = signals_of(doc.get(), url, title, links, scope_);
        const bool known = std::any_of(result_.illicit_pages.begin(), result_.illicit_pages.end(),
                                       [&](const illicit_own_page& p) { return p.url == url; });
        if (auto illicit = judge_signals(signals, text); illicit && !known)
            result_.illicit_pages.push_back({url, std::move(*illicit)});
        const bool kit_known = std::any_of(result_.script_kits.begin(), result_.script_kits.end(),
                                           [&](const kit_page& p) { return p.url == url; });
        if (script_kit kit = find_script_kit(inline_scripts(doc.get())); kit.found() && !kit_known)
            result_.script_kits.push_back({url, title, std::move(kit)});
        result_.key_pages.push_back(std::move(signals));
    }

    // The home page as Baidu's crawler and as a reader from a Baidu search get it, against the
    // normal visit: once per crawl, two fetches.
    asio::awaitable<void> compare_search_engine_views() {
        if (!options_.cloaking_check || !home_view_.ok)
            co_return;
        for (const cloaking_variant& variant : cloaking_variants(site_host_)) {
            http::request req = get(home_);
            req.headers.push_back({variant.header, variant.value});
            const http::response r = co_await client_.fetch(req);
            page_view view{r.ok() && is_html(r), r.status, r.final_url, {}, {}};
            if (view.ok) {
                const html::decoded_html decoded =
                    html::decode_html(r.body, r.header("content-type").value_or(""));
                const html::html_document doc(decoded.utf8, r.final_url);
                view.title = title_of(doc.get());
                const page_signals signals = signals_of(doc.get(), home_, view.title, {}, scope_);
                view.illicit = judge_signals(signals, visible_text(xmlDocGetRootElement(doc.get()),
                                                                   element_gaps::separated));
            }
            std::string difference = cloaking_difference(home_view_, view);
            if (!difference.empty())
                result_.cloaking.push_back(
                    {variant.name, variant.header + ": " + variant.value, std::move(difference)});
        }
    }

    // The steps an inspector takes when a home or column page's lists show no date: the CMS's
    // next list group, the page as a browser renders it, the articles it links to. Each runs
    // only while the page still has no dated item, so pages with dated rows cost nothing.
    // `url` is where the page was found after redirects.
    asio::awaitable<void> date_undated_page(const std::string& url, page_reading& reading) {
        co_await date_from_cms_next_group(reading);
        co_await render_if_undated(url, reading);
        co_await date_from_linked_articles(reading);
    }

    struct fetched_markup {
        std::string utf8;
        std::string final_url;
    };

    // An on-site page robots.txt lets us read, when it answers 2xx with HTML (or XML, which
    // dataproxy.jsp answers are, with `xml_too`).
    asio::awaitable<std::optional<fetched_markup>> fetch_on_site_markup(const std::string& url,
                                                                        bool xml_too) {
        const auto parsed = http::parse_url(url);
        if (!parsed || !on_site(*parsed) || excluded(url))
            co_return std::nullopt;
        if (co_await allowed_by_robots(url) == nullptr)
            co_return std::nullopt;
        const http::request req = get(url);
        const http::response r = co_await client_.fetch(req);
        const bool xml =
            lower_ascii(r.header("content-type").value_or("")).find("xml") != std::string::npos;
        if (!r.ok() || !(is_html(r) || (xml_too && xml)))
            co_return std::nullopt;
        html::decoded_html decoded =
            html::decode_html(r.body, r.header("content-type").value_or(""));
        co_return fetched_markup{std::move(decoded.utf8), r.final_url};
    }

    // Hanweb's further list group (dataproxy.jsp), when the page's own group had no dated
    // record: one fetch per page.
    asio::awaitable<void> date_from_cms_next_group(page_reading& reading) {
        if (!reading.items.empty() || reading.cms_next_group.empty())
            co_return;
        const auto answer = co_await fetch_on_site_markup(reading.cms_next_group, true);
        if (!answer) {
            reading.attempts.push_back("CMS next group: not read");
            co_return;
        }
        page_reading group = read_datastore_answer(answer->utf8, answer->final_url, now_);
        reading.attempts.push_back("CMS next group: " + std::to_string(group.items.size()) +
                                   " dated records");
        reading.items = std::move(group.items);
        reading.undated_items += group.undated_items;
        for (auto& entry : group.undated_entries)
            if (reading.undated_entries.size() < max_undated_entries)
                reading.undated_entries.push_back(std::move(entry));
    }

    // The publish dates of the first articles an undated list links to (on-site, robots
    // permitting), as an inspector opens them to see when the list was last updated.
    asio::awaitable<void> date_from_linked_articles(page_reading& reading) {
        if (!reading.items.empty() || reading.undated_entries.empty())
            co_return;
        int opened = 0;
        for (const undated_entry& entry : reading.undated_entries) {
            if (has_resource_extension(entry.url))
                continue;
            const auto article = co_await fetch_on_site_markup(entry.url, false);
            if (!article)
                continue;
            ++opened;
            const html::html_document doc(article->utf8, article->final_url);
            const auto date = find_article_date(doc.get(), now_);
            if (date && latest_instant(*date) <= now_ + seconds_per_day)
                reading.items.push_back({entry.title, entry.url, latest_instant(*date), 0,
                                         date_origin::linked_article});
        }
        reading.attempts.push_back("linked articles: " + std::to_string(opened) + " opened, " +
                                   std::to_string(reading.items.size()) + " dated");
    }

    // A page that shows no dated item may fill its lists by script: the page as a browser
    // renders it is read by the same reader, and its items say so. `url` is where the page was
    // found after redirects: the base of the rendered DOM's relative links.
    asio::awaitable<void> render_if_undated(const std::string& url, page_reading& reading) {
        if (!options_.renderer || !reading.items.empty())
            co_return;
        const rendered_page page = co_await options_.renderer->render(url);
        std::size_t dated = 0;
        if (page.result == render_result::ok) {
            page_reading rendered = read_rendered(page.html, url);
            dated = rendered.items.size();
            adopt_rendered(reading, std::move(rendered));
        }
        reading.attempts.push_back(render_attempt(page, dated));
    }

    // The browser writes the DOM as UTF-8 whatever the page's <meta charset> still says.
    page_reading read_rendered(const std::string& dom, const std::string& url) const {
        const html::decoded_html decoded = html::decode_html(dom, "text/html; charset=utf-8");
        const html::html_document doc(decoded.utf8, url);
        page_reading rendered = read_page(doc.get(), url, now_);
        for (dated_item& item : rendered.items)
            item.origin = date_origin::rendered_page;
        return rendered;
    }

    // The rendered page is what readers see; what the served page already told is kept.
    static void adopt_rendered(page_reading& reading, page_reading rendered) {
        reading.items = std::move(rendered.items);
        reading.undated_items = std::max(reading.undated_items, rendered.undated_items);
        if (!reading.article_date)
            reading.article_date = rendered.article_date;
        reading.looks_like_navigation_only = rendered.looks_like_navigation_only;
        if (reading.undated_entries.empty())
            reading.undated_entries = std::move(rendered.undated_entries);
    }

    http::client& client_;
    std::string home_;
    crawl_options options_;
    external_link_cache& external_;
    std::int64_t now_;
    asio::steady_timer* wake_;
    std::string site_host_;
    site_scope scope_;
    std::map<std::string, origin_rules> origins_;
    std::deque<work_item> queue_;
    std::unordered_set<std::size_t> seen_;
    std::map<std::string, link_use> uses_;
    std::map<std::string, link_status> checks_;
    std::vector<discovered_column> discovered_;
    page_view home_view_; // the normal visit of the home page, once read
    int pages_scheduled_ = 0;
    int target_pages_read_ = 0;
    int in_flight_ = 0;
    crawl_result result_;
};

} // namespace

asio::awaitable<crawl_result> crawl_site(http::client& client, std::string home_url,
                                         crawl_options options,
                                         std::vector<configured_column> columns,
                                         external_link_cache& external, std::int64_t now) {
    site_crawl crawl(client, std::move(home_url), std::move(options), external, now);
    co_return co_await crawl.run(std::move(columns));
}

} // namespace govmon
