#include "account_probe.hpp"

#include "probes/accounts/account_response_classifier.hpp"
#include "probes/accounts/app_page.hpp"
#include "probes/accounts/feed_parser.hpp"
#include "probes/accounts/weibo_parser.hpp"
#include "probes/off_thread.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <cctype>

namespace govmon {
namespace {

std::string charset_of(std::string_view content_type) {
    const std::string lower = lower_ascii(content_type);
    const auto at = lower.find("charset=");
    if (at == std::string::npos)
        return {};
    std::string value = lower.substr(at + 8);
    value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
    if (auto end = value.find_first_of("; "); end != std::string::npos)
        value.resize(end);
    return value;
}

// The bridge or the platform could not be reached at all: freshness unknown.
account_result unreachable_source(const http::response& r, const account_source& source) {
    account_result result;
    result.outcome = account_outcome::blocked;
    result.http_status = r.status;
    result.error = r.error;
    result.detail = (source.answered_by == "rsshub" ? "bridge unreachable: " : "unreachable: ") +
                    r.error_detail;
    return result;
}

bool transport_failed(const http::response& r) {
    return r.status == 0 || r.error == error_class::too_large;
}

std::optional<account_result> refusal_of(const account_source& source, const http::response& r) {
    const std::string content_type{r.header("content-type").value_or("")};
    if (auto refusal = classify_refusal(r.status, content_type, r.body, source.answered_by))
        return refusal;
    if (r.status >= 200 && r.status < 300)
        return std::nullopt;
    account_result result;
    result.outcome = account_outcome::blocked;
    result.error = error_class::http;
    result.detail = "HTTP " + std::to_string(r.status);
    return result;
}

account_result read_feed_or_page(const account_source& source, const http::response& r,
                                 std::int64_t now) {
    const std::string content_type{r.header("content-type").value_or("")};
    if (source.how == account_source::kind::app_page)
        return judge_app_page(r.status, content_type, r.body, now);
    if (auto refusal = refusal_of(source, r))
        return *refusal;
    return parse_feed(r.body, charset_of(content_type), now);
}

http::request request_for(const std::string& url, const account_source& source) {
    http::request req;
    req.url = url;
    if (source.how == account_source::kind::weibo_api)
        for (auto& [name, value] : weibo_request_headers(source.uid))
            req.headers.push_back({name, value});
    return req;
}

// A Weibo list without posts ("这里还没有内容", or ok:1 with no cards) proves nothing on its
// own: only the profile can confirm that the account is empty or gone (two signals).
asio::awaitable<account_result> read_weibo(http::client& client, const account_source& source,
                                           const http::response& r, std::int64_t now) {
    if (auto refusal = refusal_of(source, r))
        co_return *refusal;
    const weibo_listing listing = parse_weibo_listing(r.body, now);
    if (!listing.posts.empty() || !(listing.answered_ok || listing.no_content_message))
        co_return listing.result;
    const http::request profile_req =
        request_for(weibo_profile_url(source.api_base, source.uid), source);
    const http::response profile = co_await client.fetch(profile_req);
    if (transport_failed(profile))
        co_return unreachable_source(profile, source);
    co_return judge_weibo_account(parse_weibo_profile(profile.body), listing);
}

// On `parse_on` when given and the body is large: a large feed parsed there holds no other
// probe of the I/O thread.
asio::awaitable<account_result> read_answer(const std::optional<asio::any_io_executor>& parse_on,
                                            const account_source& source, const http::response& r,
                                            std::int64_t now) {
    if (!parse_on || r.body.size() < large_parse_bytes)
        co_return read_feed_or_page(source, r, now);
    // Started outside the co_await: GCC 12 destroys a temporary of a co_await expression twice
    // (the executor copy here).
    auto reading =
        run_off_thread(*parse_on, [&source, &r, now] { return read_feed_or_page(source, r, now); });
    co_return co_await std::move(reading);
}

} // namespace

asio::awaitable<account_result> probe_account(http::client& client, account_source source,
                                              std::int64_t now,
                                              std::optional<asio::any_io_executor> parse_on) {
    if (source.how == account_source::kind::weibo_api)
        source.url = weibo_container_url(source.api_base, source.uid);
    const http::request req = request_for(source.url, source);
    const http::response r = co_await client.fetch(req);
    if (transport_failed(r))
        co_return unreachable_source(r, source);
    account_result result;
    if (source.how == account_source::kind::weibo_api)
        result = co_await read_weibo(client, source, r, now);
    else
        result = co_await read_answer(parse_on, source, r, now);
    if (result.http_status == 0)
        result.http_status = r.status;
    co_return result;
}

} // namespace govmon
