#pragma once

#include "daemon/report/report_input.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The quarterly inspection summary (indicators.md 季度检查通报), computed from plain rows: every
// figure the writers print is here, so the figures are tested once for all formats.
namespace govmon {

struct fraction {
    std::int64_t part = 0;
    std::int64_t whole = 0;
    // part / whole in percent; nothing when whole is 0.
    std::optional<double> percent() const;
};

// 合格 / 不合格 among the targets checked in a quarter.
struct verdict_counts {
    std::int64_t checked = 0;
    std::int64_t passed = 0;
    std::int64_t failed = 0;
    fraction pass_rate() const { return {passed, checked}; }
};

// Population of one level (sites) or platform (accounts).
struct group_row {
    std::string name;
    std::int64_t population = 0;
    verdict_counts verdicts;
};

// A problem open at the quarter's end, with its evidence.
struct problem {
    finding_kind kind = finding_kind::site_unreachable;
    finding_severity severity = finding_severity::warn;
    std::string url;
    std::string source;
    std::string detail;
    std::int64_t since = 0;          // opened (this open period)
    std::int64_t severity_since = 0; // e.g. when the early warning became a veto
    std::optional<std::int64_t> due; // the rectification deadline (整改期限)
};

struct target_heading {
    std::string id;
    std::string kind;
    std::string name;
    std::string unit;  // the unit's name when the config has it, else its id
    std::string group; // level or platform
    std::string url;
};

struct failing_target {
    target_heading target;
    bool vetoed = false;
    std::optional<int> score_tenths; // sites only
    std::vector<problem> problems;   // veto and deduct findings, vetoes first
};

// How many problem targets (at least one veto or deduct finding open) have one kind of problem.
struct problem_share {
    finding_kind kind = finding_kind::site_unreachable;
    fraction share; // targets with the kind / problem targets
};

struct side_summary {
    fraction checked; // targets with an observation in the quarter / population
    verdict_counts verdicts;
    verdict_counts previous;
    // 合格率 now minus 合格率 in the previous quarter, in percentage points.
    std::optional<double> change_points;
    std::int64_t problem_targets = 0;
    std::vector<group_row> groups;
    std::vector<problem_share> problem_types; // most frequent first
    std::vector<failing_target> failing;
};

// A veto or deduct finding open at the previous quarter's end.
struct recheck_item {
    target_heading target;
    problem was;
    bool fixed = false; // not open at this quarter's end
    std::optional<std::int64_t> fixed_at;
};

// 多次被通报: a target with the same kind of problem at the end of the previous quarter and of
// this one, or whose problem of that kind came back (reopened) within this quarter.
struct repeat_offence {
    target_heading target;
    finding_kind kind = finding_kind::site_unreachable;
    bool previous_quarter = false;
    int reopened = 0; // reopenings within the quarter
};

struct site_figures {
    target_heading target;
    bool checked = false;
    fraction availability; // successful home-page probes / all, over the quarter
    std::optional<std::int64_t> newest_update;
    std::optional<std::int64_t> longest_gap_seconds;
    std::int64_t broken_home = 0;
    std::int64_t broken_elsewhere = 0;
    int score_tenths = 0;
    bool vetoed = false;
    bool passed = false;
};

struct quarter_summary {
    report_context context;
    side_summary sites;
    side_summary accounts;
    std::vector<recheck_item> recheck;
    std::int64_t recheck_fixed = 0;
    std::vector<site_figures> site_rows;
    std::vector<repeat_offence> repeats; // by target kind, target, kind
    std::int64_t repeat_targets = 0;
};

quarter_summary summarize_quarter(const report_rows& rows, const report_context& context);

// Longest time between consecutive updates, counting the silence from the newest update to
// the last check: a site that stopped in mid-quarter shows it. Nothing without updates.
std::optional<std::int64_t> longest_gap(const std::vector<std::int64_t>& sorted_updates,
                                        std::int64_t last_check);

} // namespace govmon
