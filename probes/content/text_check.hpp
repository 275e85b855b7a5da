#pragma once

#include "probes/content/content_rules.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// What a text shows against the wrong-forms lists.
struct text_problem {
    // serious, wrong, outdated or misspelt for a listed form; name for a near miss of a canonical
    // name (always only suspected).
    content_rule_type type = content_rule_type::wrong;
    std::string found;   // the text as it stands: 中华人民共合国
    std::string correct; // 中华人民共和国
    std::string ended;   // outdated: the date the form ended, as the list writes it
    std::string source;  // the list entry's source
    std::string excerpt; // up to 20 characters either side, whitespace folded
    int occurrences = 0;
};

// Finds the listed wrong forms and near misses of canonical names in one text, in one pass
// over its characters: each position looks up only the entries starting with its character.
// Healthy twins raise nothing: an allow form containing the hit, a listed form inside a longer
// one at the same place (judged as the longer), and an outdated name that is told as such —
// right after 原 or 前; before 令 or in the list of issuers before it; after 不再保留 or 撤销, or
// in a sentence that 组建s the new body; in a text dated (`dated`, UTC epoch seconds) before the
// day after the name ended; within 30 characters of a date or a year before it (a list row of an
// old article, a sentence about the past).
// A near miss changes, drops or adds one CJK character inside a name of six or more
// characters, keeping its first and last; a listed form or another canonical name is no near
// miss. Each distinct form is reported once, with its count.
class text_checker {
public:
    explicit text_checker(std::vector<content_rule> rules);
    ~text_checker();
    text_checker(text_checker&&) noexcept;
    text_checker& operator=(text_checker&&) noexcept;

    std::vector<text_problem> check(std::string_view utf8,
                                    std::optional<std::int64_t> dated = std::nullopt) const;

    std::size_t size() const noexcept;

private:
    struct index;
    std::unique_ptr<index> index_;
};

} // namespace govmon
