#include "daemon/alerts/alert_wording.hpp"

#include "daemon/common/time_zone.hpp"

namespace govmon {
std::string problem_name(finding_kind kind) {
    return std::string(info_of(kind).problem);
}

std::string advice_for(finding_kind kind) {
    return std::string(info_of(kind).advice);
}

std::string target_label(const std::string& name, const std::string& kind,
                         const std::string& platform) {
    if (kind == "account")
        return name + "（" + platform_name(platform) + "）";
    return name;
}

std::string chinese_day(std::int64_t epoch_seconds, const zone_rules& zone) {
    const local_time local = local_time_of(epoch_seconds, zone);
    return std::to_string(local.year) + "年" + std::to_string(local.month) + "月" +
           std::to_string(local.day) + "日";
}

} // namespace govmon
