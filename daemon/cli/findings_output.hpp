#pragma once

#include "daemon/findings/finding.hpp"

#include <iosfwd>
#include <string>
#include <vector>

namespace govmon {

enum class findings_format { table, jsonl, csv };

// interface.md §3: jsonl and csv carry every field, in the contract's order, times in ISO 8601
// with the process zone's offset; table is for people.
void write_findings(const std::vector<finding>& findings, findings_format format,
                    std::ostream& out);

} // namespace govmon
