#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// The tiers of content-rules/misstatements.txt (its header explains each).
enum class content_rule_type { serious, wrong, outdated, misspelt, name, allow };

std::string_view to_string(content_rule_type type) noexcept;

// One line of a wrong-forms list.
struct content_rule {
    content_rule_type type = content_rule_type::wrong;
    std::string form;    // the wrong (or, for allow, the healthy longer) form; empty for name
    std::string correct; // what it should read; the canonical name for name
    // For outdated: the first instant (Beijing time) the form no longer stood; a text dated
    // before it is fine.
    std::optional<std::int64_t> ended;
    std::string ended_text; // ENDED as written: 2018-04-10
    std::string source;
    std::string list_name;
    int line = 0;
};

// A line the parser could not use, for the config's error report.
struct content_rule_error {
    int line = 0;
    std::string message;
};

struct content_rule_list {
    std::vector<content_rule> rules;
    std::vector<content_rule_error> errors;
};

// Reads the list format; bad lines are reported, the good ones kept.
content_rule_list parse_content_rules(std::string_view text, std::string_view list_name);

// The list govmon ships (content-rules/misstatements.txt, compiled in).
std::string_view shipped_content_rule_text();
inline constexpr std::string_view shipped_content_rules_name = "misstatements.txt";

} // namespace govmon
