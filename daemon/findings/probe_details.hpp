#pragma once

// What one probe established, typed. The jobs build these from the probe's result; the store
// keeps them as the observation's detail JSON (daemon/store/probe_detail_json.hpp), read back
// only for the history the availability and account rules look at.

#include "probes/accounts/account_result.hpp"
#include "probes/error_class.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace govmon {

struct ipv6_facts {
    std::optional<bool> has_aaaa;  // nullopt: the lookup itself failed
    std::optional<bool> reachable; // nullopt: not tried
    std::string detail;
};

struct availability_detail {
    std::string error_detail;
    std::string final_url; // empty when the visit ended where it started
    std::vector<std::string> redirects;
    std::optional<std::int64_t> cert_not_after;
    int attempts = 0;
    // Phase name (dns, connect, tls, first_byte, transfer, total) and milliseconds.
    std::vector<std::pair<std::string, double>> phases_ms;
    ipv6_facts ipv6;
};

// One home-page visit as the availability rule counts it.
struct availability_visit {
    std::string url;
    bool ok = false;
    std::optional<int> http_status;
    error_class error = error_class::none;
    availability_detail detail;
};

struct account_detail {
    std::optional<account_outcome> outcome; // nullopt: recorded by a build that named it otherwise
    int items_seen = 0;
    int items_dated = 0;
    std::string why; // for people: "HTTP 432", "ok:-100 login wall"
    // The dated posts' times of the probe just made (not recorded: only it is judged by them).
    std::vector<std::int64_t> post_times;
};

// One account probe as the account rules read it.
struct account_visit {
    std::string url;
    account_detail detail;
};

// A crawl's figures; the content rules judge the crawl itself, so these are only recorded.
struct crawl_detail {
    int pages = 0;
    int links_checked = 0;
    int broken_home = 0;
    int broken_other = 0;
    int blocked_links = 0;
    std::size_t ad_links = 0;
    std::size_t hidden_links = 0;
    std::size_t columns = 0;
    std::optional<std::size_t> home_items;   // nullopt: the home page was not read
    std::vector<std::string> home_attempts;  // how its items were found, when that took tries
    std::optional<std::string> error_detail; // only when the home page failed
};

// One column page's reading, recorded for each crawl.
struct column_detail {
    std::string name;
    std::string category;
    std::size_t items = 0;
    int undated_items = 0;
    bool html = false;
    bool blank = false;
    std::vector<std::string> attempts;
};

} // namespace govmon
