#pragma once

// 整改期限: when a veto or deduct finding must be fixed by. A pure function of the finding, the
// moment it took its current severity, the `rectification:` rules and the working-day
// calendar; the store keeps no due dates, so a changed rule applies to every open finding.

#include "daemon/common/work_calendar.hpp"
#include "daemon/common/zone_rules.hpp"
#include "daemon/config/config.hpp"
#include "daemon/findings/finding.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace govmon {

// The end of the deadline counted from `since`: 当天 ends at the next local midnight, N working
// days at the midnight that ends the Nth working day after the day of `since`, a span is
// added as it is.
std::int64_t due_after(std::int64_t since, const rectification_deadline& within,
                       const work_calendar& calendar, const zone_rules& zone);

// The seeds' defaults, after the configured rules: a veto within a week (青岛西海岸新区
// 日常监管指标), a deduction within 10 working days (内蒙古 通报).
rectification_deadline default_deadline(finding_severity severity);

class rectification_plan {
public:
    rectification_plan(const config& cfg, std::shared_ptr<const zone_rules> zone);

    // The deadline that applies to the finding, nothing for a warning.
    std::optional<rectification_deadline> deadline_for(const finding& f) const;
    // When the finding, at its current severity since `since`, is due.
    std::optional<std::int64_t> due_of(const finding& f, std::int64_t since) const;
    // Open, due, and the due time passed.
    bool overdue(const finding& f, std::int64_t since, std::int64_t now) const;

private:
    std::vector<rectification_rule> rules_;
    std::map<std::string, std::string> site_levels_;
    work_calendar calendar_;
    std::shared_ptr<const zone_rules> zone_;
};

// Finding id → deadline, for the findings that have one; `since` as store::severity_since
// gives it (first_seen where it has nothing).
std::map<std::string, std::int64_t> due_dates(const rectification_plan& plan,
                                              const std::vector<finding>& findings,
                                              const std::map<std::string, std::int64_t>& since);

} // namespace govmon
