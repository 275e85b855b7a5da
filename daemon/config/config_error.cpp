#include "daemon/config/config_loader.hpp"

namespace govmon {

// Line 0 means the problem belongs to the whole file (unreadable, wrong encoding).
std::string format_config_error(const config_error& e) {
    if (e.line <= 0)
        return e.file + ": " + e.message;
    return e.file + ":" + std::to_string(e.line) + ": " + e.message;
}

} // namespace govmon
