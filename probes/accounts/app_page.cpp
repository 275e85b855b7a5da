#include "probes/accounts/app_page.hpp"

#include "probes/accounts/account_dates.hpp"
#include "probes/accounts/account_json.hpp"
#include "probes/accounts/account_response_classifier.hpp"
#include "probes/accounts/account_text.hpp"
#include "probes/dates/date_find.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace govmon {
namespace {

using nlohmann::json;

constexpr int max_json_depth = 32;
constexpr std::size_t label_window = 64; // bytes after a label where its date must start

// Member names, lower-cased, that app endpoints use for content or release dates.
constexpr std::array<std::string_view, 20> date_keys = {
    "updatetime",  "update_time",  "updatedat",    "updated_at",   "updatedate",
    "update_date", "releasedate",  "release_date", "releasetime",  "release_time",
    "publishtime", "publish_time", "publishdate",  "publish_date", "pubdate",
    "pub_date",    "versiondate",  "version_date", "createtime",   "create_time"};

constexpr std::array<std::string_view, 6> html_labels = {"更新时间", "更新日期", "发布时间",
                                                         "发布日期", "上线时间", "上线日期"};

bool is_date_key(std::string_view key) {
    auto lowered = lower_ascii(key);
    return std::find(date_keys.begin(), date_keys.end(), lowered) != date_keys.end();
}

std::optional<std::int64_t> json_date(const json& value, std::int64_t now) {
    if (value.is_number_integer()) {
        return post_instant_from_unix(value.get<std::int64_t>(), now);
    }
    if (!value.is_string()) {
        return std::nullopt;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (auto d = post_instant(text, now)) {
        return d;
    }
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc{} && end == text.data() + text.size()) {
        return post_instant_from_unix(number, now); // "1793586000" sent as a string
    }
    return std::nullopt;
}

void walk_json(const json& node, int depth, std::int64_t now, std::vector<std::int64_t>& dates) {
    if (depth > max_json_depth) {
        return;
    }
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) {
            if (is_date_key(key)) {
                if (auto d = json_date(value, now)) {
                    dates.push_back(*d);
                }
            }
            walk_json(value, depth + 1, now, dates);
        }
    } else if (node.is_array()) {
        for (const auto& value : node) {
            walk_json(value, depth + 1, now, dates);
        }
    }
}

// Skips what sits between a label and its value: colons (ASCII and full-width), spaces,
// &nbsp; and tags (<span>更新时间：</span><span>2026-11-02</span>).
std::string_view skip_separators(std::string_view text) {
    constexpr std::array<std::string_view, 6> separators = {":",  "：",     " ",
                                                            "\t", "&nbsp;", "\xC2\xA0"};
    for (std::size_t guard = 0; guard < 64 && !text.empty(); ++guard) {
        bool skipped = false;
        for (auto sep : separators) {
            if (text.starts_with(sep)) {
                text.remove_prefix(sep.size());
                skipped = true;
            }
        }
        if (!skipped && text.starts_with('<')) {
            auto close = text.find('>');
            text.remove_prefix(close == std::string_view::npos ? text.size() : close + 1);
            skipped = true;
        }
        if (!skipped) {
            break;
        }
    }
    return text;
}

// The date written right after a label, if any.
std::optional<std::int64_t> date_after(std::string_view rest, std::int64_t now) {
    auto value = skip_separators(rest);
    auto found = find_dates(value.substr(0, std::min(value.size(), label_window)), now);
    if (found.empty() || found.front().offset != 0) {
        return std::nullopt;
    }
    return std::min(latest_instant(found.front().date), now);
}

void labelled_dates(std::string_view body, std::int64_t now, std::vector<std::int64_t>& dates) {
    for (auto label : html_labels) {
        for (auto pos = body.find(label); pos != std::string_view::npos;
             pos = body.find(label, pos + label.size())) {
            if (auto d = date_after(body.substr(pos + label.size()), now)) {
                dates.push_back(*d);
            }
        }
    }
}

// The page's visible text: tags, scripts and styles become spaces, so dates inside URLs and
// code do not count.
std::string visible_text(std::string_view html) {
    std::string text;
    text.reserve(html.size());
    std::size_t pos = 0;
    while (pos < html.size()) {
        if (html[pos] != '<') {
            text.push_back(html[pos++]);
            continue;
        }
        std::string_view closing;
        if (account_text::find_icase(html.substr(pos, 7), "<script") == 0) {
            closing = "</script";
        } else if (account_text::find_icase(html.substr(pos, 6), "<style") == 0) {
            closing = "</style";
        }
        auto end = closing.empty() ? pos : account_text::find_icase(html, closing, pos);
        end = end == std::string_view::npos ? end : html.find('>', end);
        pos = end == std::string_view::npos ? html.size() : end + 1;
        text.push_back(' ');
    }
    return text;
}

// Labelled dates when the page has them; otherwise every date of the visible text (an H5 news
// list shows bare dates next to its items).
void html_dates(std::string_view body, std::int64_t now, std::vector<std::int64_t>& dates) {
    labelled_dates(body, now, dates);
    if (!dates.empty()) {
        return;
    }
    for (const auto& found : find_dates(visible_text(body), now)) {
        dates.push_back(std::min(latest_instant(found.date), now));
    }
}

account_result reachable(int http_status, const std::vector<std::int64_t>& dates) {
    account_result r;
    r.outcome = account_outcome::ok;
    r.http_status = http_status;
    r.items_seen = static_cast<int>(dates.size());
    r.items_dated = r.items_seen;
    if (dates.empty()) {
        r.detail = "app page reachable, no date shown: freshness not judged";
    } else {
        r.newest_post = *std::max_element(dates.begin(), dates.end());
        r.detail = "app page reachable, " + std::to_string(dates.size()) + " dates";
    }
    return r;
}

} // namespace

account_result judge_app_page(int http_status, std::string_view content_type, std::string_view body,
                              std::int64_t now) {
    if (auto refused = classify_refusal(http_status, content_type, body, "app")) {
        return *refused;
    }
    if (http_status < 200 || http_status > 299) {
        account_result r;
        r.outcome = account_outcome::blocked;
        r.http_status = http_status;
        r.error = error_class::http;
        r.detail = "no HTTP answer";
        return r;
    }
    std::vector<std::int64_t> dates;
    if (account_text::looks_like_json(body)) {
        json doc = account_json::parse_quietly(account_text::trim(body));
        if (!doc.is_discarded()) {
            walk_json(doc, 0, now, dates);
        }
    } else {
        html_dates(body, now, dates);
    }
    return reachable(http_status, dates);
}

} // namespace govmon
