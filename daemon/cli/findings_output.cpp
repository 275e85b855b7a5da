#include "findings_output.hpp"

#include "daemon/common/csv_field.hpp"
#include "daemon/common/time_zone.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <ostream>

namespace govmon {
namespace {

using json = nlohmann::ordered_json; // keys in the order of interface.md §3

std::string shown_time(std::int64_t t) {
    return t == 0 ? std::string{} : format_iso8601(t);
}

std::int64_t due_of(const finding& f, const finding_deadlines& d) {
    const auto it = d.due.find(f.id);
    return it == d.due.end() ? 0 : it->second;
}

bool overdue(const finding& f, const finding_deadlines& d) {
    const std::int64_t due = due_of(f, d);
    return f.status == finding_status::open && due != 0 && due <= d.now;
}

std::array<std::string, 15> fields_of(const finding& f, const finding_deadlines& d) {
    return {f.id,
            f.target,
            f.target_kind,
            f.unit,
            std::string(name_of(f.kind)),
            f.indicator,
            std::string(name_of(f.severity)),
            f.url,
            f.source,
            f.detail,
            shown_time(f.first_seen),
            shown_time(f.last_seen),
            std::string(name_of(f.status)),
            shown_time(due_of(f, d)),
            overdue(f, d) ? "1" : "0"};
}

constexpr std::array<const char*, 15> field_names{
    "id",     "target", "target_kind", "unit",      "kind",   "indicator", "severity", "url",
    "source", "detail", "first_seen",  "last_seen", "status", "due",       "overdue"};
constexpr std::size_t overdue_field = 14;

void write_jsonl(const std::vector<finding>& findings, std::ostream& out,
                 const finding_deadlines& d) {
    for (const finding& f : findings) {
        const auto values = fields_of(f, d);
        json row = json::object();
        for (std::size_t i = 0; i < overdue_field; ++i)
            row[field_names[i]] = values[i];
        row[field_names[overdue_field]] = overdue(f, d);
        out << row.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    }
}

void write_csv(const std::vector<finding>& findings, std::ostream& out,
               const finding_deadlines& d) {
    for (std::size_t i = 0; i < field_names.size(); ++i)
        out << (i ? "," : "") << field_names[i];
    out << "\r\n";
    std::string line;
    for (const finding& f : findings) {
        line.clear();
        const auto values = fields_of(f, d);
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i)
                line.push_back(',');
            append_csv_field(line, values[i]);
        }
        out << line << "\r\n";
    }
}

// Display width that counts CJK characters as two columns, so that tables line up in a
// terminal.
std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

void write_table(const std::vector<finding>& findings, std::ostream& out,
                 const finding_deadlines& d) {
    const std::array<const char*, 7> headers{"SEVERITY", "KIND",   "TARGET", "SINCE",
                                             "URL",      "DETAIL", "DUE"};
    std::vector<std::array<std::string, 7>> rows;
    for (const finding& f : findings)
        rows.push_back({std::string(name_of(f.severity)) +
                            (f.status == finding_status::open ? "" : " (resolved)"),
                        std::string(name_of(f.kind)), f.target, shown_time(f.first_seen), f.url,
                        f.detail, shown_time(due_of(f, d)) + (overdue(f, d) ? " (overdue)" : "")});
    std::array<std::size_t, 7> widths{};
    for (std::size_t i = 0; i < headers.size(); ++i)
        widths[i] = display_width(headers[i]);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    auto print = [&](const auto& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string cell = cells[i];
            out << cell;
            if (i + 1 < cells.size())
                out << std::string(widths[i] - display_width(cell) + 2, ' ');
        }
        out << '\n';
    };
    print(headers);
    for (const auto& row : rows)
        print(row);
    out << findings.size() << " finding(s)\n";
}

} // namespace

void write_findings(const std::vector<finding>& findings, findings_format format, std::ostream& out,
                    const finding_deadlines& deadlines) {
    switch (format) {
    case findings_format::jsonl:
        write_jsonl(findings, out, deadlines);
        break;
    case findings_format::csv:
        write_csv(findings, out, deadlines);
        break;
    case findings_format::table:
        write_table(findings, out, deadlines);
        break;
    }
}

} // namespace govmon
