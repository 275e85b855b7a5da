#include "daemon/alerts/contact_routing.hpp"

#include <algorithm>

namespace govmon {
namespace {

// A unit built without a roster (contacts only) has contacts without roles.
std::vector<unit_contact> roster_of(const unit_config& unit) {
    if (!unit.roster.empty())
        return unit.roster;
    std::vector<unit_contact> roster;
    for (const std::string& address : unit.contacts)
        roster.push_back({address, ""});
    return roster;
}

void add(std::vector<std::string>& out, const std::string& address) {
    if (!address.empty() && std::find(out.begin(), out.end(), address) == out.end())
        out.push_back(address);
}

void add_route(std::vector<std::string>& out, const std::string& route, const unit_config* unit,
               const std::vector<const finding*>& about, const alert_directory& d) {
    if (route == "owner") {
        for (const finding* f : about)
            if (auto it = d.owners.find(f->target); it != d.owners.end())
                add(out, it->second);
        return;
    }
    if (route == "office") {
        for (const std::string& address : d.ops)
            add(out, address);
        return;
    }
    if (!unit)
        return;
    for (const unit_contact& c : roster_of(*unit))
        if (route == "contacts" || c.role.empty() || c.role == route)
            add(out, c.email);
}

} // namespace

std::vector<std::string> routed_recipients(const std::string& mail, const std::string& unit,
                                           const std::vector<const finding*>& about,
                                           const alert_directory& d) {
    const auto known = d.units.find(unit);
    const unit_config* u = known == d.units.end() ? nullptr : &known->second;
    std::vector<std::string> out;
    if (const auto route = d.routes.find(mail); route != d.routes.end())
        for (const std::string& r : route->second)
            add_route(out, r, u, about, d);
    return out.empty() ? recipients_of(unit, d) : out;
}

} // namespace govmon
