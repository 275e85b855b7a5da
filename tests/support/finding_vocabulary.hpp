#pragma once

// Tests name finding kinds, severities, statuses and events as the contract spells them
// ("broken_link", "veto"), so that an assertion reads like the findings output it stands for. Only
// tests compare the typed vocabulary with text: the code never does.

#include "daemon/common/finding_kind.hpp"
#include "daemon/common/finding_status.hpp"

#include <ostream>
#include <string>
#include <string_view>

namespace govmon {

inline bool operator==(finding_kind kind, std::string_view name) {
    return name_of(kind) == name;
}
inline bool operator==(finding_severity severity, std::string_view name) {
    return name_of(severity) == name;
}
inline bool operator==(finding_status status, std::string_view name) {
    return name_of(status) == name;
}
inline bool operator==(finding_change change, std::string_view name) {
    return name_of(change) == name;
}
inline std::ostream& operator<<(std::ostream& out, finding_kind kind) {
    return out << name_of(kind);
}
inline std::ostream& operator<<(std::ostream& out, finding_severity severity) {
    return out << name_of(severity);
}

inline std::ostream& operator<<(std::ostream& out, finding_status status) {
    return out << name_of(status);
}
inline std::ostream& operator<<(std::ostream& out, finding_change change) {
    return out << name_of(change);
}

// "account_dormant/veto"
inline std::string kind_and_severity(finding_kind kind, finding_severity severity) {
    return std::string(name_of(kind)) + "/" + std::string(name_of(severity));
}

} // namespace govmon
