#include "daemon/runtime/threshold_metrics.hpp"

#include "daemon/common/finding_kind.hpp"
#include "daemon/config/account_freshness.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace govmon {
namespace {

double seconds_of(duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

void publish_thresholds(const config& cfg, metrics& stats) {
    const thresholds_config& t = cfg.thresholds;
    const std::pair<std::string_view, duration> durations[] = {
        {name_of(finding_kind::homepage_stale), t.homepage_stale},
        {"homepage_warn", t.homepage_warn},
        {"column_stale_news", t.column_stale.news},
        {"column_stale_notice", t.column_stale.notice},
        {"column_stale_personnel", t.column_stale.personnel},
        {"account_warn", t.account_warn},
        {name_of(finding_kind::account_dormant), t.account_dormant},
        {"account_video_warn", t.account_video_warn.value_or(t.account_dormant)},
        {"availability_window", t.availability_window},
        {"tls_expiry_warn", t.tls_expiry_warn},
    };
    for (const auto& [name, value] : durations)
        stats.set_threshold_seconds(std::string(name), seconds_of(value));
    stats.set_threshold_ratio("unreachable_ratio", t.unreachable_ratio);
    stats.set_threshold_ratio("unreachable_warn_ratio", t.unreachable_warn_ratio);
    for (const account_config& account : cfg.accounts) {
        // No series where the daemon does not judge freshness: the alert rules match on it.
        if (!account.active || !freshness_judged(account))
            continue;
        const resolved_freshness f = freshness_of(cfg, account);
        stats.set_account_thresholds(account.id, seconds_of(f.warn), seconds_of(f.dormant));
    }
}

} // namespace govmon
