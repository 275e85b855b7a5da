#pragma once

#include "probes/accounts/account_result.hpp"

#include <optional>
#include <string_view>

namespace govmon {

// Decides, before any parsing, whether an HTTP answer is a refusal (platforms.md §13): a status
// such as 403/412/418/429/432, a bridge error page, an empty 200 body, a captcha/WAF/visitor
// page, or a platform JSON envelope that refuses (Weibo ok:-100, Bilibili -352/-412/-799/-401
// and v_voucher, Kuaishou result 2/400002, WeChat ret 200013/200003, Douyin empty aweme_list).
//
// `source` names who answered: a platform (weibo, wechat, douyin, toutiao, kuaishou, bilibili,
// baijiahao), "app" / "web" for an account's own page, or a bridge ("rsshub", "wewe", "werss",
// "wechat2rss", "feed" for any configured feed URL).
//
// Returns a blocked or not_found result, or nullopt when the answer should go to the parser.
// not_found is returned only for evidence about the account itself: a 404/410 of the account's
// own page (app/web), or a 404/410 whose body says the user does not exist. A 404 from a bridge
// or a platform API (route missing, endpoint moved, "暂未发表作品") is blocked: when in doubt,
// an account is never reported gone.
std::optional<account_result> classify_refusal(int http_status, std::string_view content_type,
                                               std::string_view body, std::string_view source);

// True for the bridge names above (their errors are "bridge down", not platform answers).
bool is_bridge_source(std::string_view source) noexcept;

} // namespace govmon
