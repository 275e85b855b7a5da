#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// Builders for m.weibo.cn getIndex answers shaped as platforms.md §1.1 documents them.
namespace govmon::test {

// 2026-11-22 12:00:00 +08:00, the probe time of every synthetic fixture.
inline constexpr std::int64_t fixture_now = 1795320000;
inline constexpr std::int64_t day = 86400;

enum class pin { none, profile_type_id, is_top, title, mblogtype };

inline nlohmann::json mblog(std::string_view id, std::string_view created_at, pin p = pin::none) {
    nlohmann::json m = {{"id", std::string(id)},
                        {"idstr", std::string(id)},
                        {"mid", std::string(id)},
                        {"bid", "PzX9qA1bc"},
                        {"created_at", created_at},
                        {"text", "政务信息发布"},
                        {"mblogtype", 0},
                        {"isLongText", false},
                        {"user", {{"id", 2418542712}, {"screen_name", "湖北发布"}}}};
    if (p == pin::is_top) {
        m["isTop"] = 1;
    } else if (p == pin::title) {
        m["title"] = {{"text", "置顶"}, {"base_color", 1}};
    } else if (p == pin::mblogtype) {
        m["mblogtype"] = 2;
    }
    return m;
}

inline nlohmann::json card(nlohmann::json m, pin p = pin::none) {
    std::string id = m["id"].get<std::string>();
    std::string type_id = p == pin::profile_type_id ? "proweibotop_" : "proweibo_" + id;
    return {{"card_type", 9},
            {"profile_type_id", type_id},
            {"itemid", "1076032418542712_-_" + id},
            {"scheme", "https://m.weibo.cn/status/PzX9qA1bc"},
            {"mblog", std::move(m)}};
}

inline nlohmann::json post_card(std::string_view id, std::string_view created_at,
                                pin p = pin::none) {
    return card(mblog(id, created_at, p), p);
}

inline std::string listing(nlohmann::json cards, nlohmann::json total = 1200) {
    nlohmann::json info = {{"containerid", "1076032418542712"},
                           {"v_p", 42},
                           {"show_style", 1},
                           {"since_id", 4646131823281332}};
    if (!total.is_null()) {
        info["total"] = std::move(total);
    }
    nlohmann::json data = {{"cardlistInfo", std::move(info)},
                           {"cards", std::move(cards)},
                           {"scheme", "sinaweibo://cardlist?containerid=1076032418542712"}};
    return nlohmann::json{{"ok", 1}, {"data", std::move(data)}}.dump();
}

} // namespace govmon::test
