#pragma once

#include "probes/content/text_check.hpp"
#include "probes/error_class.hpp"
#include "probes/site/home_facts.hpp"
#include "probes/site/interaction_reading.hpp"
#include "probes/site/own_page_illicit.hpp"
#include "probes/site/page_items.hpp"
#include "probes/site/page_signals.hpp"
#include "probes/site/script_kit.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

struct configured_column {
    std::string name;
    std::string url;
    std::string category;
};

// The outcome of checking one URL, shared by every page that links to it.
struct link_status {
    bool ok = true;
    int http_status = 0;
    error_class error = error_class::none;
    std::string detail;
    // The gambling or porn terms of the page an external link leads to, when that page is
    // judged illicit (illicit_page_terms): the link is a 暗链 whatever it looks like.
    std::vector<std::string> illicit_terms;
    // The phrase that shows the page an external link leads to is a parked domain or one for
    // sale (parked_domain_phrase): the domain lapsed, and may be taken over.
    std::string parked;
};

// External URLs are checked once per cycle across all sites: the daemon keeps this map for the
// cycle and hands it to every crawl.
using external_link_cache = std::map<std::string, link_status>;

struct broken_link {
    std::string url;
    link_status status;
    bool on_home = false;
    std::vector<std::string> pages; // a few pages that have it, the home page first if it does
    int page_count = 0;
};

struct flagged_link {
    std::string url;
    std::string page;
    std::string reason;
};

// A page of the site whose own content reads as a gambling or porn page (judge_own_page).
struct illicit_own_page {
    std::string url;
    own_page_illicit why;
};

// A page of the site whose inline scripts carry the search-engine tampering kit
// (find_script_kit).
struct kit_page {
    std::string url;
    std::string title; // the <title> served, which search engines index
    script_kit kit;
};

// The home page fetched as a search engine's visitor, when it got what a person does not.
struct cloaked_fetch {
    std::string variant; // cloaking_variant::name
    std::string request; // "User-Agent: Mozilla/5.0 (compatible; Baiduspider/2.0; …)"
    std::string difference;
};

// A wrong form (or a near miss of an official name) in a crawled page's title or text.
struct page_text_problem {
    std::string page;
    text_problem problem;
};

struct column_reading {
    configured_column column;
    link_status status;
    page_reading reading;
    // The column answered 200 with an HTML page that was read: only such a page can be a blank
    // column (an attachment, a redirect to a download, a non-HTML type is something else).
    bool html_page = false;
};

struct crawl_result {
    link_status home;
    std::optional<page_reading> home_reading;
    int pages_crawled = 0;
    int links_checked = 0;
    std::vector<broken_link> broken;
    // Links a firewall challenge or a rate limit answered (error blocked, a refused private
    // address too): unknown, so never in `broken`.
    int blocked_links = 0;
    std::vector<flagged_link> ads;
    std::vector<flagged_link> hidden;
    std::vector<column_reading> columns;
    // The footer's identifiers and the links to annual reports and channels; none when the
    // home page was not read.
    std::optional<home_facts> home_details;
    std::optional<interaction_reading> interaction; // none when the home page was not read
    std::vector<illicit_own_page> illicit_pages;
    std::vector<kit_page> script_kits;
    // The home page's, then each column page's that was read: what a baseline compares.
    std::vector<page_signals> key_pages;
    std::vector<cloaked_fetch> cloaking;
    // External links whose target is a parked domain or one for sale, on one page each.
    std::vector<flagged_link> parked;
    std::vector<page_text_problem> text_problems;
    // What a crawl worker threw: the crawl went on with the others, and its result may miss
    // what that worker was checking.
    std::vector<std::string> worker_errors;
};

} // namespace govmon
