#include "daemon/findings/rectification_due.hpp"

namespace govmon {
namespace {

constexpr std::int64_t day_seconds = 86400;

int local_day_of(std::int64_t t, const zone_rules& zone) {
    const std::int64_t local = t + zone.offset_at(t);
    return static_cast<int>(local >= 0 ? local / day_seconds
                                       : (local - day_seconds + 1) / day_seconds);
}

std::int64_t midnight_ending(int day, const zone_rules& zone) {
    return zone.utc_of_local((static_cast<std::int64_t>(day) + 1) * day_seconds);
}

bool matches(const rectification_rule& rule, const finding& f, const std::string& level) {
    return (!rule.kind || *rule.kind == f.kind) &&
           (!rule.severity || *rule.severity == f.severity) &&
           (rule.unit.empty() || rule.unit == f.unit) &&
           (rule.level.empty() || rule.level == level);
}

} // namespace

std::int64_t due_after(std::int64_t since, const rectification_deadline& within,
                       const work_calendar& calendar, const zone_rules& zone) {
    using measure = rectification_deadline::measure;
    if (within.how == measure::span)
        return since + std::chrono::duration_cast<std::chrono::seconds>(within.span).count();
    int day = local_day_of(since, zone);
    for (int counted = 0; within.how == measure::working_days && counted < within.working_days;)
        if (calendar.is_working_day(++day))
            ++counted;
    return midnight_ending(day, zone);
}

rectification_deadline default_deadline(finding_severity severity) {
    using measure = rectification_deadline::measure;
    if (severity == finding_severity::veto)
        return {measure::span, 0, std::chrono::hours(24 * 7)};
    return {measure::working_days, 10, duration{0}};
}

rectification_plan::rectification_plan(const config& cfg, std::shared_ptr<const zone_rules> zone)
    : rules_(cfg.rectification.rules), calendar_(china_work_calendar()), zone_(std::move(zone)) {
    for (const site_config& s : cfg.sites)
        site_levels_.emplace(s.id, s.level);
    for (int day : cfg.rectification.holidays)
        calendar_.add_holiday(day);
    for (int day : cfg.rectification.workdays)
        calendar_.add_workday(day);
}

std::optional<rectification_deadline> rectification_plan::deadline_for(const finding& f) const {
    if (f.severity == finding_severity::warn)
        return std::nullopt;
    const auto level = site_levels_.find(f.target);
    const std::string& site_level = level == site_levels_.end() ? std::string() : level->second;
    for (const rectification_rule& rule : rules_)
        if (matches(rule, f, site_level))
            return rule.within;
    return default_deadline(f.severity);
}

std::optional<std::int64_t> rectification_plan::due_of(const finding& f, std::int64_t since) const {
    const auto within = deadline_for(f);
    if (!within)
        return std::nullopt;
    return due_after(since, *within, calendar_, *zone_);
}

std::map<std::string, std::int64_t> due_dates(const rectification_plan& plan,
                                              const std::vector<finding>& findings,
                                              const std::map<std::string, std::int64_t>& since) {
    std::map<std::string, std::int64_t> due;
    for (const finding& f : findings) {
        const auto started = since.find(f.id);
        if (auto d = plan.due_of(f, started == since.end() ? f.first_seen : started->second))
            due.emplace(f.id, *d);
    }
    return due;
}

bool rectification_plan::overdue(const finding& f, std::int64_t since, std::int64_t now) const {
    if (f.status != finding_status::open)
        return false;
    const auto due = due_of(f, since);
    return due && *due <= now;
}

} // namespace govmon
