#include "probes/accounts/account_response_classifier.hpp"

#include "probes/accounts/account_json.hpp"
#include "probes/accounts/account_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace govmon {
namespace {

using account_json::int_at;
using account_json::member;
using account_text::contains_icase;
using nlohmann::json;

account_result refusal(int status, std::string detail, error_class error = error_class::blocked,
                       account_outcome outcome = account_outcome::blocked) {
    account_result r;
    r.outcome = outcome;
    r.http_status = status;
    r.error = error;
    r.detail = std::move(detail);
    return r;
}

bool is_own_page(std::string_view source) noexcept {
    return source == "app" || source == "web";
}

std::string_view html_title(std::string_view body) noexcept {
    auto open = account_text::find_icase(body, "<title");
    auto open_end = body.find('>', open == std::string_view::npos ? body.size() : open);
    if (open_end == std::string_view::npos) {
        return {};
    }
    auto close = account_text::find_icase(body, "</title", open_end);
    if (close == std::string_view::npos) {
        return {};
    }
    return body.substr(open_end + 1, close - open_end - 1);
}

// The `"is_need_foe": true` flag of Baijiahao's verification gate, in JSON or in the
// `window.dynamicData=` script of its HTML.
bool baijiahao_needs_verification(std::string_view body) noexcept {
    constexpr std::string_view key = "is_need_foe";
    for (auto pos = body.find(key); pos != std::string_view::npos; pos = body.find(key, pos + 1)) {
        auto rest = body.substr(pos + key.size());
        auto value_at = rest.find_first_not_of("\"' \t\r\n:");
        auto value = rest.substr(std::min(value_at, rest.size()));
        if (value.starts_with("true") || value.starts_with('1')) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> bridge_signature(std::string_view body, bool html) {
    if (contains_icase(body, "need check")) {
        return "Wechat2RSS: need check (rate-limited by WeChat)";
    }
    if (body.find("不存在该feed") != std::string_view::npos) {
        return "WeWe RSS: 不存在该feed (feed id unknown to the bridge)";
    }
    if (html && contains_icase(body, "this route is empty")) {
        return "RSSHub: this route is empty";
    }
    return std::nullopt;
}

std::optional<std::string> platform_page_signature(std::string_view body, std::string_view source,
                                                   bool html) {
    if (source == "wechat" && html) {
        if (body.find("环境异常") != std::string_view::npos ||
            body.find("wappoc_appmsgcaptcha") != std::string_view::npos) {
            return "WeChat 环境异常 / captcha page";
        }
        if (body.find("已被发布者删除") != std::string_view::npos) {
            // One deleted article says nothing about the account: never a not_found.
            return "WeChat article deleted by its publisher (已被发布者删除): account unknown";
        }
    }
    if (source == "douyin" && html && body.find("captcha_container") != std::string_view::npos) {
        return "Douyin captcha page (captcha_container)";
    }
    if (source == "kuaishou" && body.find("请求过快") != std::string_view::npos) {
        return "Kuaishou 请求过快 (rate limited)";
    }
    return std::nullopt;
}

// Captcha, WAF and visitor-system pages: whoever serves them, the probe learned nothing. A feed
// document is never one, and post texts inside JSON may quote anything, so the page markers are
// only looked for in other bodies.
std::optional<std::string> page_signature(std::string_view content_type, std::string_view body,
                                          std::string_view source) {
    if (account_text::looks_like_feed(body)) {
        return std::nullopt;
    }
    bool html = account_text::looks_like_html(content_type, body);
    if (!account_text::looks_like_json(body)) {
        if (contains_icase(body, "Sina Visitor System")) {
            return "Sina Visitor System page (no visitor cookies)";
        }
        if (contains_icase(body, "passport.weibo.com/visitor") ||
            contains_icase(body, "visitor.passport.weibo.cn")) {
            return "Weibo visitor/passport page";
        }
        if (contains_icase(body, "antispider")) {
            return "Sogou antispider captcha";
        }
        if (html && !is_own_page(source) &&
            html_title(body).find("验证") != std::string_view::npos) {
            return "captcha page (title contains 验证)";
        }
    }
    if (baijiahao_needs_verification(body)) {
        return "Baijiahao verification gate (is_need_foe)";
    }
    if (auto sig = platform_page_signature(body, source, html)) {
        return sig;
    }
    if (is_bridge_source(source)) {
        return bridge_signature(body, html);
    }
    return std::nullopt;
}

std::optional<std::string> weibo_refusal(const json& doc) {
    if (int_at(doc, "ok") == -100) {
        return "ok:-100 login wall (session invalid)";
    }
    const json* error = member(doc, "error");
    bool relogin = error && error->is_string() && *error == "relogin!";
    if (int_at(doc, "error_code") == 21301 || relogin) {
        return "21301 relogin!";
    }
    return std::nullopt;
}

std::optional<std::string> bilibili_refusal(const json& doc) {
    auto code = int_at(doc, "code");
    if (code == -352 || code == -412 || code == -799 || code == -401 || code == -403) {
        return "Bilibili code " + std::to_string(*code) + " (risk control)";
    }
    const json* data = member(doc, "data");
    bool voucher_only =
        data && member(*data, "v_voucher") && !member(*data, "list") && !member(*data, "items");
    if (code == 0 && voucher_only) {
        return "Bilibili v_voucher without data (WBI/risk control)";
    }
    return std::nullopt;
}

std::optional<std::string> kuaishou_refusal(const json& doc) {
    const json* data = member(doc, "data");
    auto result = data ? int_at(*data, "result") : std::nullopt;
    if (!result) {
        result = int_at(doc, "result");
    }
    if (result == 2 || result == 400002) {
        return "Kuaishou result " + std::to_string(*result) + " (risk control / captcha)";
    }
    return std::nullopt;
}

std::optional<std::string> wechat_refusal(const json& doc) {
    const json* base = member(doc, "base_resp");
    auto ret = base ? int_at(*base, "ret") : int_at(doc, "ret");
    if (ret == 200013 || ret == 200003 || ret == -3 || ret == -6) {
        return "WeChat ret " + std::to_string(*ret) + " (frequency control / session)";
    }
    return std::nullopt;
}

std::optional<std::string> douyin_refusal(const json& doc) {
    auto status = int_at(doc, "status_code");
    if (status && *status != 0) {
        return "Douyin status_code " + std::to_string(*status);
    }
    const json* list = member(doc, "aweme_list");
    if (status == 0 && (!list || !list->is_array() || list->empty())) {
        // An empty account and a WAF-filtered answer look alike (platforms.md §3).
        return "Douyin empty aweme_list (WAF filter or empty account: unconfirmed)";
    }
    return std::nullopt;
}

std::optional<std::string> json_refusal(std::string_view body, std::string_view source) {
    if (!account_text::looks_like_json(body)) {
        return std::nullopt;
    }
    json doc = account_json::parse_quietly(body);
    if (doc.is_discarded() || !doc.is_object()) {
        return std::nullopt;
    }
    if (source == "weibo") {
        return weibo_refusal(doc);
    }
    if (source == "bilibili") {
        return bilibili_refusal(doc);
    }
    if (source == "kuaishou") {
        return kuaishou_refusal(doc);
    }
    if (source == "wechat") {
        return wechat_refusal(doc);
    }
    if (source == "douyin") {
        return douyin_refusal(doc);
    }
    return std::nullopt;
}

std::string status_text(int status, std::string_view source) {
    std::string text = "HTTP " + std::to_string(status);
    if (is_bridge_source(source)) {
        text += " from bridge";
    }
    return text;
}

account_result not_found_answer(int status, std::string_view body, std::string_view source) {
    if (is_own_page(source)) {
        return refusal(status, "HTTP " + std::to_string(status) + " for the account's page",
                       error_class::not_found, account_outcome::not_found);
    }
    if (account_text::says_account_missing(body)) {
        return refusal(status, status_text(status, source) + ": the user does not exist",
                       error_class::not_found, account_outcome::not_found);
    }
    // A missing route, a moved endpoint or an upstream 404 ("暂未发表作品") is not evidence
    // that the account is gone.
    return refusal(status, status_text(status, source) + " (route or endpoint, not the account)");
}

account_result error_status(int status, std::string_view body, std::string_view source) {
    if (status == 404 || status == 410) {
        return not_found_answer(status, body, source);
    }
    if (status == 429) {
        return refusal(status, status_text(status, source) + " rate limited");
    }
    bool refused = status == 401 || status == 403 || status == 407 || status == 412 ||
                   status == 418 || status == 432 || status == 451;
    if (refused || (status >= 500 && is_bridge_source(source))) {
        return refusal(status, status_text(status, source));
    }
    return refusal(status, status_text(status, source), error_class::http);
}

} // namespace

bool is_bridge_source(std::string_view source) noexcept {
    return source == "rsshub" || source == "wewe" || source == "werss" || source == "wechat2rss" ||
           source == "feed";
}

std::optional<account_result> classify_refusal(int http_status, std::string_view content_type,
                                               std::string_view body, std::string_view source) {
    if (http_status < 100 || http_status > 599) {
        return std::nullopt;
    }
    auto signature = page_signature(content_type, body, source);
    bool success = http_status >= 200 && http_status < 300;
    if (!success) {
        auto r = error_status(http_status, body, source);
        if (signature) {
            r = refusal(http_status, status_text(http_status, source) + ": " + *signature);
        }
        return r;
    }
    if (account_text::trim(body).empty()) {
        return refusal(http_status, "empty body with HTTP " + std::to_string(http_status));
    }
    if (signature) {
        return refusal(http_status, *signature);
    }
    if (auto refused = json_refusal(body, source)) {
        return refusal(http_status, *refused);
    }
    if (!is_own_page(source) && account_text::looks_like_html(content_type, body)) {
        return refusal(http_status, "HTML page where a feed or JSON answer was expected");
    }
    return std::nullopt;
}

} // namespace govmon
