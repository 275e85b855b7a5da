// The wrong-forms list parser and the text check on arbitrary bytes: the input checked against
// the shipped list, undated and dated; then, split at its first blank line, a local list
// (before) added to the shipped one and checked on the text after it. A listed form or a near
// miss found in the text must stand in it as reported, at least once.
#include "probes/content/content_rules.hpp"
#include "probes/content/text_check.hpp"
#include "text/utf8_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

// 2026-11-20 10:00 Beijing: a fixed date keeps every run reproducible.
constexpr std::int64_t dated = 1795140000;

const govmon::text_checker& shipped() {
    static const govmon::text_checker checker(
        govmon::parse_content_rules(govmon::shipped_content_rule_text(),
                                    govmon::shipped_content_rules_name)
            .rules);
    return checker;
}

void require_found_in(const std::vector<govmon::text_problem>& problems, std::string_view text) {
    for (const govmon::text_problem& p : problems) {
        if (p.found.empty() || p.occurrences < 1 || text.find(p.found) == std::string_view::npos)
            __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input{reinterpret_cast<const char*>(data), size};
    require_found_in(shipped().check(input), input);
    require_found_in(shipped().check(input, dated), input);
    (void)govmon::bounded_text(input, size / 2);

    const auto blank_line = input.find("\n\n");
    if (blank_line == std::string_view::npos)
        return 0;
    auto rules = govmon::parse_content_rules(govmon::shipped_content_rule_text(),
                                             govmon::shipped_content_rules_name)
                     .rules;
    auto local = govmon::parse_content_rules(input.substr(0, blank_line), "fuzz.rules");
    rules.insert(rules.end(), local.rules.begin(), local.rules.end());
    const govmon::text_checker checker(std::move(rules));
    (void)checker.check(input.substr(blank_line + 2), dated);
    return 0;
}
