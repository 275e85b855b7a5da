#include "daemon/store/probe_detail_json.hpp"

#include <nlohmann/json.hpp>

namespace govmon {
namespace {

using json = nlohmann::json;

std::string dumped(const json& detail) {
    return detail.dump(-1, ' ', false, json::error_handler_t::replace);
}

json optional_bool(const std::optional<bool>& value) {
    return value ? json(*value) : json(nullptr);
}

json object_of(std::string_view text) {
    json detail = json::parse(text, nullptr, /*allow_exceptions=*/false);
    return detail.is_object() ? detail : json::object();
}

std::string text_field(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

int int_field(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : 0;
}

std::optional<bool> tri_state(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_boolean())
        return std::nullopt;
    return it->get<bool>();
}

ipv6_facts ipv6_of(const json& detail) {
    const auto it = detail.find("ipv6");
    if (it == detail.end() || !it->is_object())
        return {};
    return {tri_state(*it, "aaaa"), tri_state(*it, "reachable"), text_field(*it, "detail")};
}

std::vector<std::string> texts_of(const json& detail, const char* key) {
    std::vector<std::string> texts;
    const auto it = detail.find(key);
    if (it != detail.end() && it->is_array())
        for (const json& item : *it)
            if (item.is_string())
                texts.push_back(item.get<std::string>());
    return texts;
}

std::vector<std::pair<std::string, double>> phases_of(const json& detail) {
    std::vector<std::pair<std::string, double>> phases;
    const auto it = detail.find("phases_ms");
    if (it != detail.end() && it->is_object())
        for (const auto& [phase, ms] : it->items())
            if (ms.is_number())
                phases.emplace_back(phase, ms.get<double>());
    return phases;
}

} // namespace

std::string detail_json(const availability_detail& d) {
    json detail = json::object();
    if (!d.error_detail.empty())
        detail["error_detail"] = d.error_detail;
    if (!d.final_url.empty())
        detail["final_url"] = d.final_url;
    if (!d.redirects.empty())
        detail["redirects"] = d.redirects;
    if (d.cert_not_after)
        detail["cert_not_after"] = *d.cert_not_after;
    detail["attempts"] = d.attempts;
    json phases = json::object();
    for (const auto& [phase, ms] : d.phases_ms)
        phases[phase] = ms;
    detail["phases_ms"] = std::move(phases);
    detail["ipv6"] = {{"aaaa", optional_bool(d.ipv6.has_aaaa)},
                      {"reachable", optional_bool(d.ipv6.reachable)}};
    if (!d.ipv6.detail.empty())
        detail["ipv6"]["detail"] = d.ipv6.detail;
    return dumped(detail);
}

std::string detail_json(const account_detail& d) {
    json detail = {{"outcome", d.outcome ? std::string(to_string(*d.outcome)) : std::string{}},
                   {"items_seen", d.items_seen},
                   {"items_dated", d.items_dated}};
    if (!d.why.empty())
        detail["detail"] = d.why;
    return dumped(detail);
}

std::string detail_json(const crawl_detail& d) {
    json detail = {{"pages", d.pages},
                   {"links_checked", d.links_checked},
                   {"broken_home", d.broken_home},
                   {"broken_other", d.broken_other},
                   {"blocked_links", d.blocked_links},
                   {"ad_links", d.ad_links},
                   {"hidden_links", d.hidden_links},
                   {"columns", d.columns}};
    if (d.home_items) {
        detail["home_items"] = *d.home_items;
        if (!d.home_attempts.empty())
            detail["home_attempts"] = d.home_attempts;
    }
    if (d.error_detail)
        detail["error_detail"] = *d.error_detail;
    return dumped(detail);
}

std::string detail_json(const column_detail& d) {
    json detail = {{"name", d.name},   {"category", d.category},
                   {"items", d.items}, {"undated_items", d.undated_items},
                   {"html", d.html},   {"blank", d.blank}};
    if (!d.attempts.empty())
        detail["attempts"] = d.attempts;
    return dumped(detail);
}

availability_detail availability_detail_of(std::string_view json_text) {
    const json detail = object_of(json_text);
    availability_detail d;
    d.error_detail = text_field(detail, "error_detail");
    d.final_url = text_field(detail, "final_url");
    d.redirects = texts_of(detail, "redirects");
    if (const auto it = detail.find("cert_not_after");
        it != detail.end() && it->is_number_integer())
        d.cert_not_after = it->get<std::int64_t>();
    d.attempts = int_field(detail, "attempts");
    d.phases_ms = phases_of(detail);
    d.ipv6 = ipv6_of(detail);
    return d;
}

account_detail account_detail_of(std::string_view json_text) {
    const json detail = object_of(json_text);
    return {parse_account_outcome(text_field(detail, "outcome")),
            int_field(detail, "items_seen"),
            int_field(detail, "items_dated"),
            text_field(detail, "detail"),
            {}};
}

availability_visit availability_visit_of(const observation& o) {
    return {o.url, o.ok, o.http_status, o.error, availability_detail_of(o.detail)};
}

account_visit account_visit_of(const observation& o) {
    return {o.url, account_detail_of(o.detail)};
}

} // namespace govmon
