#pragma once

#include "daemon/common/finding_kind.hpp"
#include "daemon/store/status_rows.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// The status page's model: a pure function of the rows the store reads, so that what the page
// says is tested without HTTP or a database. The HTML writer reads nothing else.
namespace govmon {

class rectification_plan;

// What the page says of one open finding. Every column the page shows comes from here, so
// that a new one is a field and a cell.
struct finding_view {
    std::string target;
    std::string target_name;
    std::string unit;
    finding_kind kind = finding_kind::site_unreachable;
    finding_severity severity = finding_severity::warn;
    std::string url;
    std::string detail;
    std::int64_t first_seen = 0;
    std::int64_t last_seen = 0;
    std::optional<std::int64_t> due; // 整改期限; none for a warning
    bool overdue = false;            // past `due` (every finding the page shows is open)
};

// The red list: what fails the unit's inspection now, and what is past its deadline.
bool on_red_list(const finding_view& f) noexcept;

struct probe_view {
    std::string probe; // availability, crawl, account
    std::int64_t time = 0;
    bool ok = false;
    std::optional<int> http_status;
    std::string error; // the error class, "" when none
    std::int64_t duration_ms = 0;
    std::optional<std::int64_t> newest_item; // the newest item date the probe saw
    std::string url;
};

struct target_view {
    std::string id;
    std::string kind; // site, account
    std::string name;
    std::string platform;
    std::string unit;
    std::string url;
    std::vector<finding_view> findings; // vetoes first
    std::vector<probe_view> latest;     // the newest of each probe
    std::vector<probe_view> history;    // every probe read, newest first
};

struct unit_view {
    std::string id;
    std::string name; // the config's name, else the id
    std::vector<target_view> targets;
};

struct status_scope {
    enum class level { all, unit, target };
    level what = level::all;
    std::string id; // of the unit or target
};

// Whether the page of `scope` shows the target.
bool in_scope(const target_row& target, const status_scope& scope) noexcept;

struct status_model {
    status_scope scope;
    std::int64_t generated_at = 0;
    std::vector<finding_view> red_list; // vetoes and overdue findings, by unit, then target
    std::vector<unit_view> units;       // by id; only those with a target in scope
    int targets = 0;
    int open_findings = 0;
    // false: the scope names a unit or target that is not there (the page answers 404).
    bool found = true;
};

// Due dates as `govmon findings` computes them, from `rectification` (none: no due dates shown).
status_model build_status_model(const status_rows& rows,
                                const std::map<std::string, std::string>& unit_names,
                                const rectification_plan* rectification, const status_scope& scope,
                                std::int64_t now);

} // namespace govmon
