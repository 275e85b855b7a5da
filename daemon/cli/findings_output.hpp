#pragma once

#include "daemon/findings/finding.hpp"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace govmon {

enum class findings_format { table, jsonl, csv };

// The rectification deadlines of the findings that have one (finding id → due), and the time
// that decides whether they are overdue.
struct finding_deadlines {
    std::map<std::string, std::int64_t> due;
    std::int64_t now = 0;
};

// interface.md §3: jsonl and csv carry every field, in the contract's order, times in ISO 8601
// with the process zone's offset, then the extensions `due` (the rectification deadline,
// empty for warnings) and `overdue` (open and past it); table is for people.
void write_findings(const std::vector<finding>& findings, findings_format format, std::ostream& out,
                    const finding_deadlines& deadlines = {});

} // namespace govmon
