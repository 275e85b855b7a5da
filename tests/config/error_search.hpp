#pragma once

#include "daemon/config/config_loader.hpp"

#include <string>
#include <string_view>

namespace govmon::test {

// Every error as `FILE:LINE: message`, one a line, for INFO() when a check fails.
inline std::string all_errors(const config_load_result& result) {
    std::string text;
    for (const auto& e : result.errors)
        text += format_config_error(e) + "\n";
    return text;
}

// True when an error on `line` contains `fragment`.
inline bool has_error(const config_load_result& result, int line, std::string_view fragment) {
    for (const auto& e : result.errors)
        if (e.line == line && e.message.find(fragment) != std::string::npos)
            return true;
    return false;
}

inline const account_config* find_account(const config& cfg, std::string_view id) {
    for (const auto& a : cfg.accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

} // namespace govmon::test
