#pragma once

#include "daemon/config/config.hpp"
#include "daemon/config/config_loader.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// An id as it was declared, kept in reading order so that a duplicate can name the first one.
struct id_declaration {
    std::string id;
    std::string kind; // "unit", "site", "account"
    source_location where;
};

struct unit_reference {
    std::string unit;
    std::string referrer; // "site 'hb-portal'"
    source_location where;
};

// What one load collects on its way: every error, and the ids and references that can only be
// checked once every file has been read.
struct load_context {
    std::vector<config_error> errors;
    std::vector<id_declaration> units;
    std::vector<id_declaration> targets; // sites and accounts share one id space
    std::vector<unit_reference> unit_references;

    void error(const source_location& where, std::string message) {
        errors.push_back({where.file, where.line, std::move(message)});
    }
};

// The line of each field of one entry: YAML knows them per key, a CSV row only as a whole.
struct field_lines {
    source_location entry;
    std::map<std::string, int, std::less<>> lines;

    source_location of(std::string_view field) const {
        const auto it = lines.find(field);
        return it == lines.end() ? entry : source_location{entry.file, it->second};
    }
};

} // namespace govmon
