#include "daemon/common/chinese_names.hpp"

#include <map>

namespace govmon {
namespace {

std::string lookup(const std::map<std::string, std::string>& names, const std::string& key) {
    auto it = names.find(key);
    return it == names.end() ? key : it->second;
}

} // namespace

std::string platform_name(const std::string& platform) {
    static const std::map<std::string, std::string> names{
        {"web", "网站"},          {"weibo", "微博"},       {"wechat", "微信公众号"},
        {"douyin", "抖音"},       {"toutiao", "今日头条"}, {"kuaishou", "快手"},
        {"bilibili", "哔哩哔哩"}, {"baijiahao", "百家号"}, {"app", "移动客户端"},
        {"feed", "订阅源"}};
    return lookup(names, platform);
}

std::string severity_name(finding_severity severity) {
    switch (severity) {
    case finding_severity::veto:
        return "单项否决";
    case finding_severity::deduct:
        return "扣分";
    case finding_severity::warn:
        return "预警";
    }
    return "预警";
}

} // namespace govmon
