#include "account_source.hpp"

#include "probes/accounts/bridge_routes.hpp"

namespace govmon {

std::optional<account_source> source_of(const account_spec& account,
                                        const account_endpoints& endpoints) {
    if (!account.feed.empty())
        return account_source{account_source::kind::feed, account.feed, "feed", "", ""};
    if (account.platform == "feed")
        return std::nullopt;
    if (account.platform == "app" || account.platform == "web") {
        if (account.url.empty())
            return std::nullopt;
        return account_source{account_source::kind::app_page, account.url, account.platform, "",
                              ""};
    }
    if (account.platform == "weibo" && !endpoints.weibo_api.empty() && !account.uid.empty())
        return account_source{account_source::kind::weibo_api, "", "weibo", account.uid,
                              endpoints.weibo_api};
    if (auto route = bridge_feed_url(endpoints.rsshub, account.platform, account.uid))
        return account_source{account_source::kind::feed, *route, "rsshub", "", ""};
    return std::nullopt;
}

} // namespace govmon
