#pragma once

#include "daemon/store/migrations.hpp"
#include "daemon/store/sqlite.hpp"
#include "daemon/store/store.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// Adds the database file and the operation to a failure, and turns it into a store_error.
template <typename F>
auto guarded(const std::string& path, std::string_view what, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const sqlite::error& e) {
        throw store_error(path + ": " + std::string{what} + ": " + e.what());
    } catch (const schema::version_error& e) {
        throw store_error(path + ": " + e.what());
    }
}

// A findings row from `first` on, in the column order of the findings table; nothing for a row
// whose kind, severity or status this build does not know (written by a newer govmon): it is left
// alone, never misread.
std::optional<finding> read_finding(const sqlite::statement& q, int first = 0);

// A finding_events row (finding_id, time, event, severity, detail) from `first` on; nothing
// for an event this build does not know, which is left alone like an unknown finding.
std::optional<finding_event> read_finding_event(const sqlite::statement& q, int first = 0);

// Finding id → when it took its current severity (its latest opening, reopening or change of
// severity): where its rectification deadline counts from. Read by the store and the status
// page, so that both count from the same moment.
extern const char* const severity_since_sql;
std::map<std::string, std::int64_t> read_severity_since(sqlite::statement& q);

// A stored severity; one this build does not know reads as a warning, never as a veto.
finding_severity severity_from(std::string_view stored);

} // namespace govmon
