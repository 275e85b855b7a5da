#include "daemon/config/contacts_reader.hpp"

#include "daemon/config/nearest_word.hpp"
#include "daemon/config/value_checks.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace govmon {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> chinese_roles{{
    {"信息指挥长", "leader"},
    {"信息采编员", "editor"},
    {"政策解读员", "interpreter"},
    {"内容监督员", "supervisor"},
}};

// Besides the roles, a route may name the target's owner, the whole unit, or alerts.to.
const std::vector<std::string>& route_targets() {
    static const std::vector<std::string> targets = [] {
        std::vector<std::string> all = contact_roles();
        all.insert(all.end(), {"owner", "contacts", "office"});
        return all;
    }();
    return targets;
}

std::optional<std::string> check_role(const std::string& text) {
    if (canonical_role(text))
        return std::nullopt;
    return "unknown role '" + text + "'" + did_you_mean(text, contact_roles()) + " (one of " +
           join(contact_roles(), ", ") + ", or 信息指挥长, 信息采编员, 政策解读员, 内容监督员)";
}

std::optional<std::string> check_route_target(const std::string& text) {
    const auto& known = route_targets();
    if (std::find(known.begin(), known.end(), text) != known.end() || canonical_role(text))
        return std::nullopt;
    return "unknown recipient '" + text + "'" + did_you_mean(text, known) + " (one of " +
           join(known, ", ") + ")";
}

// One person may hold two roles (a small county's 信息指挥长 is often its 内容监督员 too): the
// roster keeps both, the address list once, so that no mail lists a recipient twice.
void add_contact(unit_config& unit, unit_contact contact) {
    if (std::find(unit.contacts.begin(), unit.contacts.end(), contact.email) == unit.contacts.end())
        unit.contacts.push_back(contact.email);
    unit.roster.push_back(std::move(contact));
}

void read_contact(const yaml_reader& reader, const yaml_value& item, unit_config& unit) {
    unit_contact contact;
    if (item.node.IsScalar()) {
        if (reader.read_text(item, contact.email, check_owner_email))
            add_contact(unit, std::move(contact));
        return;
    }
    field_lines lines{reader.at(item), {}};
    std::string role;
    if (!reader.read_fields(
            item,
            {
                {"email", [&](auto& v) { reader.read_text(v, contact.email, check_owner_email); }},
                {"role", [&](auto& v) { reader.read_text(v, role, check_role); }},
            },
            item.path, &lines))
        return;
    if (contact.email.empty()) {
        if (lines.lines.find("email") == lines.lines.end())
            reader.error(item, "a contact needs an email");
        return;
    }
    contact.role = canonical_role(role).value_or("");
    add_contact(unit, std::move(contact));
}

} // namespace

const std::vector<std::string>& contact_roles() {
    static const std::vector<std::string> roles{"leader", "editor", "interpreter", "supervisor"};
    return roles;
}

std::optional<std::string> canonical_role(std::string_view written) {
    const auto& roles = contact_roles();
    if (std::find(roles.begin(), roles.end(), written) != roles.end())
        return std::string(written);
    for (const auto& [chinese, english] : chinese_roles)
        if (chinese == written)
            return std::string(english);
    return std::nullopt;
}

const std::vector<std::string>& routed_mails() {
    static const std::vector<std::string> mails{"veto", "warning", "recovery", "digest",
                                                "escalation"};
    return mails;
}

void read_unit_contacts(const yaml_reader& reader, const yaml_value& list, unit_config& unit) {
    if (!list.node.IsNull() && !list.node.IsSequence()) {
        reader.for_each_item(list, [](const yaml_value&) {}); // reports the wrong type
        return;
    }
    unit.contacts.clear();
    unit.roster.clear();
    reader.for_each_item(list, [&](const yaml_value& item) { read_contact(reader, item, unit); });
}

void read_alert_routes(const yaml_reader& reader, const yaml_value& section,
                       std::map<std::string, std::vector<std::string>>& routes) {
    std::vector<yaml_field> fields;
    for (const std::string& mail : routed_mails())
        fields.push_back({mail, [&reader, &routes, mail](const yaml_value& v) {
                              std::vector<std::string> targets;
                              reader.read_text_list(v, targets, check_route_target);
                              for (std::string& t : targets)
                                  t = canonical_role(t).value_or(t);
                              routes[mail] = std::move(targets);
                          }});
    reader.read_fields(section, fields, "alerts.routes");
}

std::optional<std::string> check_owner_email(const std::string& text) {
    if (is_email_address(text))
        return std::nullopt;
    return "'" + text + "' does not look like an email address";
}

} // namespace govmon
