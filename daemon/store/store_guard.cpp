#include "daemon/store/store_guard.hpp"

namespace govmon {

const char* const severity_since_sql = R"(
SELECT finding_id, max(time) FROM finding_events WHERE event IN (?1, ?2, ?3) GROUP BY finding_id)";

std::map<std::string, std::int64_t> read_severity_since(sqlite::statement& q) {
    std::map<std::string, std::int64_t> since;
    q.bind_all(name_of(finding_change::opened), name_of(finding_change::reopened),
               name_of(finding_change::severity_changed));
    while (q.step())
        since.emplace(q.string(0), q.int64(1));
    return since;
}

finding_severity severity_from(std::string_view stored) {
    return parse_finding_severity(stored).value_or(finding_severity::warn);
}

std::optional<finding> read_finding(const sqlite::statement& q, int first) {
    const auto kind = parse_finding_kind(q.text(first + 4));
    const auto severity = parse_finding_severity(q.text(first + 6));
    const auto status = parse_finding_status(q.text(first + 12));
    if (!kind || !severity || !status)
        return std::nullopt;
    finding f;
    f.id = q.string(first + 0);
    f.target = q.string(first + 1);
    f.target_kind = q.string(first + 2);
    f.unit = q.string(first + 3);
    f.kind = *kind;
    f.indicator = q.string(first + 5);
    f.severity = *severity;
    f.url = q.string(first + 7);
    f.source = q.string(first + 8);
    f.detail = q.string(first + 9);
    f.first_seen = q.int64(first + 10);
    f.last_seen = q.int64(first + 11);
    f.status = *status;
    f.resolved_at = q.optional_int64(first + 13).value_or(0);
    return f;
}

std::optional<finding_event> read_finding_event(const sqlite::statement& q, int first) {
    const auto change = parse_finding_change(q.text(first + 2));
    if (!change)
        return std::nullopt;
    return finding_event{q.string(first + 0), q.int64(first + 1), *change,
                         severity_from(q.text(first + 3)), q.string(first + 4)};
}

} // namespace govmon
