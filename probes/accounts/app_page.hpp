#pragma once

#include "probes/accounts/account_result.hpp"

#include <cstdint>
#include <string_view>

namespace govmon {

// A self-built government app (platforms.md §8), probed through its configured page (download
// page, H5 news list, or a JSON endpoint):
//   - a refusal (captcha, 403/432/429, 5xx, empty 200 body) → the classifier's blocked result;
//   - 404/410 → not_found (the account's own page is gone);
//   - 2xx → ok. newest_post is the newest date the page shows, if any: JSON members named like
//     updateTime / releaseDate / publishTime / versionDate / pubDate (strings or Unix seconds /
//     milliseconds), or HTML text after a label (更新时间：2026-11-02, 发布日期, 上线时间).
//     With no date the app only proves it is reachable: ok with newest_post nullopt, and its
//     freshness is not judged.
// Caution for the rule layer: a download page's date is usually a release date, which
// platforms.md §8 says must not drive the 14-day rule for content.
account_result judge_app_page(int http_status, std::string_view content_type, std::string_view body,
                              std::int64_t now);

} // namespace govmon
