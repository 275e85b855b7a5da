#include "probes/content/content_rules.hpp"

#include "probes/dates/calendar.hpp"
#include "text/ascii_text.hpp"

#include <array>
#include <charconv>

namespace govmon {
namespace {

constexpr std::array<std::string_view, 6> type_names{"serious",  "wrong", "outdated",
                                                     "misspelt", "name",  "allow"};

std::optional<content_rule_type> type_of(std::string_view name) {
    for (std::size_t i = 0; i < type_names.size(); ++i)
        if (type_names[i] == name)
            return static_cast<content_rule_type>(i);
    return std::nullopt;
}

std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> fields;
    for (;;) {
        const std::size_t bar = line.find('|');
        fields.push_back(trim_ascii_space(line.substr(0, bar)));
        if (bar == std::string_view::npos)
            return fields;
        line.remove_prefix(bar + 1);
    }
}

std::optional<int> number_of(std::string_view digits) {
    int value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

// YYYY-MM-DD: that day's start in Beijing; YYYY-MM: the next month's start, so that a text of
// any day of the month the name ended in passes.
std::optional<std::int64_t> ended_instant(std::string_view text) {
    const auto year = number_of(text.substr(0, 4));
    if (!year || text.size() < 7 || text[4] != '-')
        return std::nullopt;
    const auto month = number_of(text.substr(5, 2));
    if (!month)
        return std::nullopt;
    civil_date date{*year, *month, 1};
    if (text.size() == 7) {
        date = *month == 12 ? civil_date{*year + 1, 1, 1} : civil_date{*year, *month + 1, 1};
    } else {
        const auto day =
            text.size() == 10 && text[7] == '-' ? number_of(text.substr(8, 2)) : std::nullopt;
        if (!day)
            return std::nullopt;
        date.day = *day;
    }
    if (!is_valid_civil_date(date.year, date.month, date.day))
        return std::nullopt;
    return beijing_day_start(days_from_civil(date));
}

// Counts UTF-8 characters (lead bytes).
std::size_t characters_in(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

constexpr std::size_t min_name_characters = 6;

std::optional<std::string> problem_of(const content_rule& rule) {
    const bool needs_form = rule.type != content_rule_type::name;
    if (needs_form && rule.form.empty())
        return "FORM is empty";
    if (rule.type == content_rule_type::name) {
        if (characters_in(rule.correct) < min_name_characters)
            return "a name needs six or more characters in CORRECT";
        return std::nullopt;
    }
    if (rule.type != content_rule_type::allow && rule.correct.empty())
        return "CORRECT is empty";
    if (rule.type == content_rule_type::outdated && !rule.ended)
        return "outdated needs ENDED as YYYY-MM-DD or YYYY-MM";
    return std::nullopt;
}

} // namespace

std::string_view to_string(content_rule_type type) noexcept {
    return type_names[static_cast<std::size_t>(type)];
}

content_rule_list parse_content_rules(std::string_view text, std::string_view list_name) {
    content_rule_list list;
    int number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = trim_ascii_space(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++number;
        if (line.empty() || line.front() == '#')
            continue;
        const auto fields = fields_of(line);
        const auto type = type_of(fields[0]);
        if (!type) {
            list.errors.push_back(
                {number, "unknown type \"" + std::string(fields[0]) +
                             "\" (serious, wrong, outdated, misspelt, name, allow)"});
            continue;
        }
        content_rule rule;
        rule.type = *type;
        rule.form = fields.size() > 1 ? std::string(fields[1]) : std::string();
        rule.correct = fields.size() > 2 ? std::string(fields[2]) : std::string();
        rule.ended_text = fields.size() > 3 ? std::string(fields[3]) : std::string();
        if (!rule.ended_text.empty())
            rule.ended = ended_instant(rule.ended_text);
        rule.source = fields.size() > 4 ? std::string(fields[4]) : std::string();
        rule.list_name = std::string(list_name);
        rule.line = number;
        if (auto problem = problem_of(rule)) {
            list.errors.push_back({number, *problem});
            continue;
        }
        list.rules.push_back(std::move(rule));
    }
    return list;
}

} // namespace govmon
