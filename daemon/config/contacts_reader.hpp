#pragma once

// Who answers for what: unit contacts with their roles, and which of them each kind of mail
// goes to (alerts.routes). Kept apart from the rest of the loader so that the roles can grow
// without touching it.

#include "daemon/config/config.hpp"
#include "daemon/config/yaml_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// leader, editor, interpreter, supervisor.
const std::vector<std::string>& contact_roles();
// A role as written in the config (English or 信息指挥长, 信息采编员, 政策解读员, 内容监督员)
// → its English name.
std::optional<std::string> canonical_role(std::string_view written);

// The mails that alerts.routes routes: veto, warning, recovery, digest, escalation.
const std::vector<std::string>& routed_mails();

// `contacts: [a@x.gov.cn, {email: b@x.gov.cn, role: 信息指挥长}]`.
void read_unit_contacts(const yaml_reader& reader, const yaml_value& list, unit_config& unit);

// `routes: {veto: [leader, owner], digest: [editor]}`; a mail left out keeps its default.
void read_alert_routes(const yaml_reader& reader, const yaml_value& section,
                       std::map<std::string, std::vector<std::string>>& routes);

// An owner e-mail of a site or account (YAML or registry row); an error message or nothing.
std::optional<std::string> check_owner_email(const std::string& text);

} // namespace govmon
