#pragma once

// The observation's detail JSON (interface.md §4): the one place that writes it and the one
// place that reads it back.

#include "daemon/findings/probe_details.hpp"
#include "probes/observation.hpp"

#include <string>
#include <string_view>

namespace govmon {

std::string detail_json(const availability_detail& detail);
std::string detail_json(const account_detail& detail);
std::string detail_json(const crawl_detail& detail);
std::string detail_json(const column_detail& detail);

// A detail that is not JSON, or lacks a field, reads as the field's empty value.
availability_detail availability_detail_of(std::string_view json_text);
account_detail account_detail_of(std::string_view json_text);

// A stored observation as the rules read it.
availability_visit availability_visit_of(const observation& o);
account_visit account_visit_of(const observation& o);

} // namespace govmon
