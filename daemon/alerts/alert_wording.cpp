#include "daemon/alerts/alert_wording.hpp"

#include <ctime>

namespace govmon {
std::string problem_name(finding_kind kind) { return std::string(info_of(kind).problem); }

std::string advice_for(finding_kind kind) { return std::string(info_of(kind).advice); }

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
