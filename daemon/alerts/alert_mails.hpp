#pragma once

#include "daemon/alerts/alert_planner.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/alert_store.hpp"
#include "daemon/store/store.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace govmon {

// What mails are written from, besides the findings themselves.
struct alert_directory {
    std::string from;
    std::vector<std::string> ops; // alerts.to
    std::map<std::string, unit_config> units;
    std::map<std::string, target_row> targets;
    std::map<std::string, std::int64_t> newest_posts; // account id → newest post seen
    std::int64_t dormant_after = 14 * 86400;          // thresholds.account_dormant, seconds
    std::shared_ptr<const zone_rules> zone = default_time_zone(); // times in mails are shown in it
    std::map<std::string, std::vector<std::string>> routes;       // alerts.routes
    std::map<std::string, std::string> owners;                    // target id → owner_email
    std::map<std::string, std::int64_t> due_dates; // finding id → its rectification deadline
};

// Open findings whose rectification deadline passed, of one unit: one escalation mail.
struct planned_escalation {
    std::string unit;
    std::vector<finding> findings;
    std::vector<escalation_row> rows; // the same order as `findings`
};

// A mail ready for the outbox, and its text part as a person reads it (for previews).
struct composed_mail {
    outbox_mail mail;
    std::string text;
};

// A unit's contacts; alerts.to when the unit has none (or is unknown), so that no problem is
// mailed to nobody.
std::vector<std::string> recipients_of(const std::string& unit, const alert_directory& d);

// The mail for one planned alert. Its recipients are empty when neither the unit nor
// alerts.to has an address.
composed_mail compose_alert(const planned_alert& plan, const alert_directory& d, std::int64_t now);

// The digest of `audience` (a unit id, or "*" for alerts.to: every unit) over its open
// findings; nothing when there is nothing open. A unit's digest leaves out account_blocked.
std::optional<composed_mail> compose_digest(const std::string& audience,
                                            const std::vector<finding>& open,
                                            const alert_directory& d, std::int64_t now);

// The escalation (督办) of findings past their deadline, to the routed supervising contacts.
composed_mail compose_escalation(const planned_escalation& plan, const alert_directory& d,
                                 std::int64_t now);

// A mail that shows what alert mails look like (`govmon alerts test`).
composed_mail compose_sample(const std::string& to, const alert_directory& d, std::int64_t now);

} // namespace govmon
