#pragma once

#include <string>

namespace govmon {

// --output names a file, or an existing directory: then the file is `default_name` inside it,
// so that a timer can drop each quarter's files into one folder under stable names
// (govmon-2026Q3-observations.csv, govmon-2026Q3-report.html).
std::string output_path(const std::string& given, const std::string& default_name);

// govmon-<period>-<what>.<extension>
std::string output_file_name(const std::string& period, const std::string& what,
                             const std::string& extension);

} // namespace govmon
