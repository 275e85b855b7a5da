#pragma once

// Tests name finding kinds and severities as the contract spells them ("broken_link", "veto"),
// so that an assertion reads like the findings output it stands for. Only tests compare the
// typed vocabulary with text: the code never does.

#include "daemon/common/finding_kind.hpp"

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
inline std::ostream& operator<<(std::ostream& out, finding_kind kind) {
    return out << name_of(kind);
}
inline std::ostream& operator<<(std::ostream& out, finding_severity severity) {
    return out << name_of(severity);
}

// "account_dormant/veto"
inline std::string kind_and_severity(finding_kind kind, finding_severity severity) {
    return std::string(name_of(kind)) + "/" + std::string(name_of(severity));
}

} // namespace govmon
