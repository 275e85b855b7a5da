#include "daemon/config/account_freshness.hpp"

#include <algorithm>

namespace govmon {

resolved_freshness freshness_of(const config& cfg, const account_config& account) {
    const thresholds_config& t = cfg.thresholds;
    account_freshness platform;
    if (auto it = cfg.platforms.find(account.platform); it != cfg.platforms.end())
        platform = it->second.freshness;
    const account_freshness& own = account.freshness;
    resolved_freshness r;
    r.dormant = own.dormant.value_or(platform.dormant.value_or(t.account_dormant));
    if (own.warn || platform.warn)
        r.warn = own.warn.value_or(platform.warn.value_or(t.account_warn));
    else if (account.content == "video")
        r.warn = std::min(t.account_video_warn.value_or(r.dormant), r.dormant);
    else
        r.warn = t.account_warn;
    r.min_posts = own.min_posts ? own.min_posts
                                : (platform.min_posts ? platform.min_posts : t.account_min_posts);
    return r;
}

bool freshness_judged(const account_config& account) {
    return account.platform != "app" && account.content != "app";
}

} // namespace govmon
