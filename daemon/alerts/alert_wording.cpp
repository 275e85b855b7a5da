#include "daemon/alerts/alert_wording.hpp"

#include <ctime>
#include <map>

namespace govmon {
namespace {

std::string lookup(const std::map<std::string, std::string>& words, const std::string& key) {
    auto it = words.find(key);
    return it == words.end() ? key : it->second;
}

} // namespace

std::string problem_name(const std::string& kind) {
    static const std::map<std::string, std::string> names{
        {"site_unreachable", "网站无法访问"},
        {"homepage_stale", "首页长期未更新"},
        {"homepage_low_volume", "首页更新量不足（两周少于 10 条）"},
        {"column_stale", "栏目未按期更新"},
        {"blank_column", "空白栏目"},
        {"broken_link", "链接不可用"},
        {"ad_link", "含商业广告"},
        {"hidden_link", "暗链或链接不良内容"},
        {"tls_invalid", "HTTPS 证书无效或即将过期"},
        {"ipv6_missing", "不支持 IPv6 访问"},
        {"account_stale", "账号更新不及时（超过一周未发布）"},
        {"account_dormant", "账号超过两周未更新（“僵尸”账号）"},
        {"account_unreachable", "账号无法访问（已删除、封禁或改名）"},
        {"account_blocked", "平台拒绝检测，账号更新情况未知"}};
    return lookup(names, kind);
}

std::string advice_for(const std::string& kind) {
    static const std::map<std::string, std::string> advice{
        {"site_unreachable",
         "请检查服务器、网络线路和域名解析，确保首页在 15 秒内可以打开；"
         "七天内失败比例达到 5% 即为单项否决。"},
        {"homepage_stale",
         "请在首页发布新的、注明发布日期的信息；首页两周无更新即为单项否决。"},
        {"homepage_low_volume", "请保证首页两周内至少更新 10 条注明发布日期的信息。"},
        {"column_stale", "请更新该栏目，或将不再维护的栏目归并、下线。"},
        {"blank_column", "请为该栏目补充内容，或删除空白栏目。"},
        {"broken_link", "请修复或删除该链接（包括图片、附件和外部链接）。"},
        {"ad_link", "请删除商业广告链接或嵌入内容。"},
        {"hidden_link",
         "请立即排查网页是否被篡改，删除暗链和不良链接，并检查服务器安全；此项为单项否决。"},
        {"tls_invalid", "请更换有效的 HTTPS 证书（证书过期、不受信任或域名不符）。"},
        {"ipv6_missing", "请为首页域名配置 AAAA 记录并开通 IPv6 访问。"},
        {"account_stale", "请尽快发布内容，保持每周至少更新一次。"},
        {"account_dormant",
         "请立即发布内容；如账号已不再使用，请按规定办理关停注销并更新备案信息。"},
        {"account_unreachable",
         "请核实账号是否被删除、封禁或改名；如已关停注销，请更新备案信息。"},
        {"account_blocked",
         "平台拒绝了检测请求（验证码、登录墙或桥接服务故障），请运维人员检查检测通道。"}};
    return lookup(advice, kind);
}

std::string target_label(const std::string& name, const std::string& kind,
                         const std::string& platform) {
    if (kind == "account")
        return name + "（" + platform_name(platform) + "）";
    return name;
}

std::string chinese_day(std::int64_t epoch_seconds) {
    const std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    return std::to_string(local.tm_year + 1900) + "年" + std::to_string(local.tm_mon + 1) + "月" +
           std::to_string(local.tm_mday) + "日";
}

} // namespace govmon
