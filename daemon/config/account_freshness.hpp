#pragma once

#include "daemon/config/config.hpp"

#include <optional>

namespace govmon {

// An account's freshness thresholds as the rules apply them: its own, else its platform's,
// else `thresholds:`. A video account is warned after account_video_warn (default: when it
// turns dormant, as video accounts are expected every two weeks), unless the account or its
// platform sets account_warn.
struct resolved_freshness {
    duration warn;
    duration dormant;
    std::optional<posting_rule> min_posts;
};

resolved_freshness freshness_of(const config& cfg, const account_config& account);

// An app's download page shows a release date, not a post: only its reachability is judged.
bool freshness_judged(const account_config& account);

} // namespace govmon
