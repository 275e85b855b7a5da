#pragma once

// Who a mail goes to (alerts.routes): the unit's contacts with the routed roles (a contact
// without a role has every role), the owners (责任人) of the targets it is about, the whole
// unit, or alerts.to. Nobody routed means the unit's contacts, then alerts.to, so that no
// problem is mailed to nobody.

#include "daemon/alerts/alert_mails.hpp"

#include <string>
#include <vector>

namespace govmon {

std::vector<std::string> routed_recipients(const std::string& mail, const std::string& unit,
                                           const std::vector<const finding*>& about,
                                           const alert_directory& d);

} // namespace govmon
