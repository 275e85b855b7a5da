#include "daemon/common/finding_kind.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

constexpr std::uint8_t veto = bit_of(finding_severity::veto);
constexpr std::uint8_t deduct = bit_of(finding_severity::deduct);
constexpr std::uint8_t warn = bit_of(finding_severity::warn);

constexpr std::array<finding_kind_info, 25> kinds{{
    {finding_kind::site_unreachable, "site_unreachable", "site.availability", finding_target::site,
     veto | warn, "站点无法访问", "网站无法访问",
     "请检查服务器、网络线路和域名解析，确保首页在 15 秒内可以打开；"
     "七天内失败比例达到 5% 即为单项否决。"},
    {finding_kind::homepage_stale, "homepage_stale", "site.homepage", finding_target::site,
     veto | warn, "首页不更新（两周无更新）", "首页长期未更新",
     "请在首页发布新的、注明发布日期的信息；首页两周无更新即为单项否决。"},
    {finding_kind::homepage_low_volume, "homepage_low_volume", "site.homepage",
     finding_target::site, deduct, "首页更新量不足", "首页更新量不足（两周少于 10 条）",
     "请保证首页两周内至少更新 10 条注明发布日期的信息。"},
    {finding_kind::column_stale, "column_stale", "site.columns", finding_target::site,
     veto | deduct | warn, "栏目不更新", "栏目未按期更新",
     "请更新该栏目，或将不再维护的栏目归并、下线。"},
    {finding_kind::blank_column, "blank_column", "site.columns", finding_target::site,
     veto | deduct | warn, "空白栏目", "空白栏目", "请为该栏目补充内容，或删除空白栏目。"},
    {finding_kind::broken_link, "broken_link", "site.links", finding_target::either, deduct,
     "链接不可用", "链接不可用", "请修复或删除该链接（包括图片、附件和外部链接）。"},
    {finding_kind::ad_link, "ad_link", "site.ads", finding_target::either, deduct, "商业广告",
     "含商业广告", "请删除商业广告链接或嵌入内容。"},
    {finding_kind::hidden_link, "hidden_link", "site.security", finding_target::site, veto,
     "暗链或链接不良内容", "暗链或链接不良内容",
     "请立即排查网页是否被篡改，删除暗链和不良链接，并检查服务器安全；此项为单项否决。"},
    {finding_kind::tls_invalid, "tls_invalid", "site.tls", finding_target::site, deduct | warn,
     "证书无效", "HTTPS 证书无效或即将过期",
     "请更换有效的 HTTPS 证书（证书过期、不受信任或域名不符）。"},
    {finding_kind::ipv6_missing, "ipv6_missing", "site.ipv6", finding_target::either, deduct,
     "不支持 IPv6", "不支持 IPv6 访问",
     "请为首页（移动应用的下载或介绍页面）域名配置 AAAA 记录并开通 IPv6 访问。"},
    {finding_kind::account_stale, "account_stale", "account.freshness", finding_target::account,
     warn, "更新不及时", "账号更新不及时（超过一周未发布）",
     "请尽快发布内容，保持每周至少更新一次。"},
    {finding_kind::account_dormant, "account_dormant", "account.freshness", finding_target::account,
     veto, "内容不更新（两周无更新）", "账号超过两周未更新（“僵尸”账号）",
     "请立即发布内容；如账号已不再使用，请按规定办理关停注销并更新备案信息。"},
    {finding_kind::account_unreachable, "account_unreachable", "account.reachability",
     finding_target::account, veto, "账号无法访问", "账号无法访问（已删除、封禁或改名）",
     "请核实账号是否被删除、封禁或改名；如已关停注销，请更新备案信息。"},
    {finding_kind::account_blocked, "account_blocked", "account.probe", finding_target::account,
     warn, "平台拒绝探测", "平台拒绝检测，账号更新情况未知",
     "平台拒绝了检测请求（验证码、登录墙或桥接服务故障），请运维人员检查检测通道。"},
    {finding_kind::interaction_missing, "interaction_missing", "site.interaction",
     finding_target::site, veto | warn, "未提供有效咨询建言渠道", "未发现网上咨询建言渠道",
     "请在首页提供政务咨询、领导信箱等咨询建言渠道并保证可以使用；渠道设在上级平台的，"
     "请在首页链接该渠道（并在 govmon 配置中注明）。此项为单项否决。"},
    {finding_kind::interaction_unanswered, "interaction_unanswered", "site.interaction",
     finding_target::site, veto | warn, "互动回应差（留言超过3个月未答复）",
     "网民留言超过3个月未答复",
     "请尽快答复该渠道中超过3个月未答复的有效留言并公开答复时间；此项为单项否决。"},
    {finding_kind::interaction_slow, "interaction_slow", "site.interaction", finding_target::site,
     deduct, "留言答复不及时或未公开时间", "留言答复未及时更新或未公开时间",
     "请及时答复网民留言，公开每条留言的留言时间和答复时间，保证2个月内有答复更新。"},
    {finding_kind::annual_report_missing, "annual_report_missing", "site.disclosure",
     finding_target::site, deduct, "未公开政府网站工作年度报表",
     "首页未公开上一年度网站工作年度报表",
     "请于每年1月31日前在首页公开上一年度的政府网站工作年度报表。"},
    {finding_kind::site_identity_missing, "site_identity_missing", "site.disclosure",
     finding_target::site, deduct, "页脚未标注网站标识码或ICP备案号",
     "首页页脚缺少网站标识码或ICP备案号",
     "请在首页页脚标注网站标识码和ICP备案编号（与备案信息一致）。"},
    {finding_kind::tampered, "tampered", "site.security", finding_target::site, warn,
     "疑似被篡改（挂马、SEO 劫持、伪装）", "网页疑似被篡改",
     "请立即核对所列页面和证据（标题、关键词、脚本或框架来源、搜索引擎访问所见、外链目标），"
     "排查网站是否被入侵；确属正常改版的，请运维人员执行 govmon baseline accept 接受新基线。"},
    {finding_kind::date_suspect, "date_suspect", "site.dates", finding_target::site, warn,
     "疑似伪造发稿日期", "发稿日期疑似不实",
     "请核对所列信息显示的发布日期与网址中的日期、文档编号顺序和首次发现时间；"
     "如为正常修订，请在标题中注明“更新”。"},
    {finding_kind::illicit_content, "illicit_content", "account.security", finding_target::account,
     warn, "发布不良内容（疑似）", "疑似发布赌博、色情等不良内容",
     "请立即核查该条内容及账号安全（是否被盗用），删除不良内容；经核实属实的为单项否决。"},
    {finding_kind::misstatement, "misstatement", "content.misstatement", finding_target::either,
     veto | warn, "严重表述错误", "表述错误（国名、机构名称或提法）",
     "请核对并更正该处表述；国名、党和国家机构名称、领导人姓名等严重表述错误为单项否决。"},
    {finding_kind::typo, "typo", "content.typo", finding_target::either, deduct, "错别字", "错别字",
     "请更正该处错别字，并加强发布前的校对审核。"},
    {finding_kind::interaction_off, "interaction_off", "account.interaction",
     finding_target::account, warn, "未提供有效互动功能（疑似）", "疑似关闭评论或私信",
     "请核实账号是否关闭了评论或私信功能；政务新媒体应提供有效的互动渠道。"},
}};

constexpr std::array<std::string_view, 3> severity_names{"veto", "deduct", "warn"};

} // namespace

std::span<const finding_kind_info> finding_kinds() noexcept {
    return kinds;
}

const finding_kind_info& info_of(finding_kind kind) noexcept {
    return kinds[static_cast<std::size_t>(kind)];
}

std::string_view name_of(finding_kind kind) noexcept {
    return info_of(kind).name;
}

std::optional<finding_kind> parse_finding_kind(std::string_view name) noexcept {
    const auto it = std::find_if(kinds.begin(), kinds.end(),
                                 [&](const finding_kind_info& k) { return k.name == name; });
    return it == kinds.end() ? std::nullopt : std::optional(it->kind);
}

std::string_view name_of(finding_severity severity) noexcept {
    return severity_names[static_cast<std::size_t>(severity)];
}

std::optional<finding_severity> parse_finding_severity(std::string_view name) noexcept {
    const auto it = std::find(severity_names.begin(), severity_names.end(), name);
    if (it == severity_names.end())
        return std::nullopt;
    return static_cast<finding_severity>(it - severity_names.begin());
}

bool can_have(finding_kind kind, finding_severity severity) noexcept {
    return (info_of(kind).severities & bit_of(severity)) != 0;
}

} // namespace govmon
