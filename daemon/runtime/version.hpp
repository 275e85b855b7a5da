#pragma once

#include <string>

namespace govmon {

std::string version_string();

} // namespace govmon
