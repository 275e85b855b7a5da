#include "daemon/config/rectification_reader.hpp"

#include "daemon/common/work_calendar.hpp"
#include "daemon/config/value_checks.hpp"

#include <array>

namespace govmon {
namespace {

constexpr std::array<std::string_view, 5> working_day_suffixes{" working days", " working day",
                                                               " workdays", "个工作日", "工作日"};

std::optional<int> leading_count(std::string_view text, std::string_view suffix) {
    if (text.size() <= suffix.size() || text.substr(text.size() - suffix.size()) != suffix)
        return std::nullopt;
    const auto number = parse_integer(text.substr(0, text.size() - suffix.size()));
    if (!number || *number.value < 1 || *number.value > 366)
        return std::nullopt;
    return static_cast<int>(*number.value);
}

std::optional<std::string> check_kind(const std::string& text) {
    const auto kind = parse_finding_kind(text);
    if (!kind)
        return "unknown finding kind '" + text + "'";
    if (!can_have(*kind, finding_severity::veto) && !can_have(*kind, finding_severity::deduct))
        return "'" + text + "' is only ever a warning: warnings have no rectification deadline";
    return std::nullopt;
}

std::optional<std::string> check_severity(const std::string& text) {
    if (text == "veto" || text == "deduct")
        return std::nullopt;
    return "severity '" + text + "' has no rectification deadline (veto or deduct)";
}

std::optional<std::string> check_level(const std::string& text) {
    if (is_site_level(text))
        return std::nullopt;
    return "unknown site level '" + text + "' (one of 省级, 市级, 县级, 其他)";
}

void read_rule(const yaml_reader& reader, const yaml_value& item, rectification_config& out) {
    rectification_rule rule;
    rule.where = reader.at(item);
    field_lines lines{rule.where, {}};
    std::string kind;
    std::string severity;
    bool deadline_ok = false;
    if (!reader.read_fields(
            item,
            {
                {"kind", [&](auto& v) { reader.read_text(v, kind, check_kind); }},
                {"severity", [&](auto& v) { reader.read_text(v, severity, check_severity); }},
                {"unit", [&](auto& v) { reader.read_text(v, rule.unit); }},
                {"level", [&](auto& v) { reader.read_text(v, rule.level, check_level); }},
                {"within",
                 [&](auto& v) {
                     const auto text = reader.scalar(v);
                     if (!text)
                         return;
                     const auto deadline = parse_rectification_deadline(*text);
                     if (!deadline) {
                         reader.error(v, deadline.error);
                         return;
                     }
                     rule.within = *deadline.value;
                     deadline_ok = true;
                 }},
            },
            item.path, &lines))
        return;
    if (lines.lines.find("within") == lines.lines.end()) {
        reader.error(item, "a rectification rule needs `within` (当天, 7d, 10 working days)");
        return;
    }
    if (!deadline_ok)
        return;
    rule.kind = parse_finding_kind(kind);
    rule.severity = parse_finding_severity(severity);
    out.rules.push_back(std::move(rule));
}

void read_days(const yaml_reader& reader, const yaml_value& list, std::vector<int>& out) {
    reader.for_each_item(list, [&](const yaml_value& item) {
        std::string text;
        if (!reader.read_text(item, text))
            return;
        if (const auto day = parse_day(text))
            out.push_back(*day);
        else
            reader.error(item, "'" + text + "' is not a date (YYYY-MM-DD)");
    });
}

} // namespace

parsed<rectification_deadline> parse_rectification_deadline(std::string_view text) {
    using result = parsed<rectification_deadline>;
    if (text == "当天" || text == "same_day")
        return result::ok({});
    for (std::string_view suffix : working_day_suffixes)
        if (const auto count = leading_count(text, suffix))
            return result::ok({rectification_deadline::measure::working_days, *count, duration{0}});
    const auto span = parse_duration(text);
    if (!span || span.value->count() <= 0)
        return result::fail("'" + std::string(text) +
                            "' is not a deadline (当天, a duration such as 7d, or N working days "
                            "from 1 to 366)");
    return result::ok({rectification_deadline::measure::span, 0, *span.value});
}

void read_rectification(const yaml_reader& reader, const yaml_value& section,
                        rectification_config& out) {
    reader.read_fields(section,
                       {
                           {"rules",
                            [&](auto& v) {
                                reader.for_each_item(v, [&](const yaml_value& item) {
                                    read_rule(reader, item, out);
                                });
                            }},
                           {"holidays", [&](auto& v) { read_days(reader, v, out.holidays); }},
                           {"workdays", [&](auto& v) { read_days(reader, v, out.workdays); }},
                       },
                       "rectification");
}

} // namespace govmon
