#include "text_rules.hpp"

#include "probes/accounts/account_text.hpp"

#include <map>
#include <set>

namespace govmon {
namespace {

struct grouped_problem {
    const text_problem* first = nullptr;
    std::set<std::string> pages;
    int occurrences = 0;
};

finding_kind kind_of(content_rule_type type) {
    return type == content_rule_type::misspelt ? finding_kind::typo : finding_kind::misstatement;
}

finding_severity severity_of(content_rule_type type) {
    switch (type) {
    case content_rule_type::serious:
        return finding_severity::veto;
    case content_rule_type::misspelt:
        return finding_severity::deduct;
    default:
        return finding_severity::warn;
    }
}

std::string what_of(const text_problem& p) {
    const std::string found = "〈" + p.found + "〉";
    const std::string correct = "〈" + p.correct + "〉";
    switch (p.type) {
    case content_rule_type::serious:
        return "严重表述错误：" + found + "应为" + correct;
    case content_rule_type::outdated:
        return "疑似使用已停用的名称或提法：" + found + "自 " + p.ended + " 起应为" + correct +
               "（文中日期不早于该日或无法判定；“原”字头、旧法规引用不计）";
    case content_rule_type::name:
        return "疑似表述错误：" + found + "与" + correct + "相差一字";
    case content_rule_type::misspelt:
        return "错别字：" + found + "应为" + correct;
    default:
        return "疑似表述错误：" + found + "应为" + correct;
    }
}

std::string detail_of(const grouped_problem& g) {
    const text_problem& p = *g.first;
    std::string detail = what_of(p) + " — “" + p.excerpt + "”";
    detail += " (" + std::to_string(g.occurrences) +
              (g.occurrences == 1 ? " time on " : " times on ") + std::to_string(g.pages.size()) +
              (g.pages.size() == 1 ? " page" : " pages");
    if (!p.source.empty())
        detail += "; list: " + p.source;
    return detail + ")";
}

} // namespace

void judge_text_problems(const std::vector<page_text_problem>& problems, const std::string& prefer,
                         rule_verdict& verdict) {
    verdict.judged.insert(verdict.judged.end(), {finding_kind::misstatement, finding_kind::typo});
    std::map<std::string, grouped_problem> groups;
    for (const page_text_problem& p : problems) {
        grouped_problem& g = groups[p.problem.found];
        if (!g.first)
            g.first = &p.problem;
        g.pages.insert(p.page);
        g.occurrences += p.problem.occurrences;
    }
    for (const auto& [found, g] : groups) {
        const std::string page = g.pages.contains(prefer) ? prefer : *g.pages.begin();
        const std::string url = page + "#:~:text=" + account_text::percent_encode(found);
        verdict.candidates.push_back(
            {kind_of(g.first->type), severity_of(g.first->type), url, page, detail_of(g)});
    }
}

} // namespace govmon
