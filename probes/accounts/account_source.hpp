#pragma once

#include <optional>
#include <string>

namespace govmon {

// Where an account's freshness is read from.
struct account_source {
    enum class kind { feed, weibo_api, app_page };
    kind how = kind::feed;
    std::string url;
    std::string answered_by; // for classify_refusal: "rsshub", "feed", "weibo", "app", "web"
    std::string uid;         // weibo_api only
    std::string api_base;    // weibo_api only
};

struct account_spec {
    std::string platform;
    std::string uid;
    std::string url;
    std::string feed;
};

struct account_endpoints {
    std::string rsshub;    // bridges.rsshub
    std::string weibo_api; // platforms.weibo.api; empty: Weibo goes through the bridge
};

// An account's own `feed:` always wins; then Weibo's API when one is configured; then the
// bridge's route for the platform; apps and web accounts are read from their page. nullopt
// when none applies (the caller records why and never judges the account's freshness).
std::optional<account_source> source_of(const account_spec& account,
                                        const account_endpoints& endpoints);

} // namespace govmon
