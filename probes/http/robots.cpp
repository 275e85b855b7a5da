#include "robots.hpp"

#include "text/ascii_text.hpp"

#include <algorithm>
#include <cctype>

namespace govmon::http {
namespace {

// The product token of "govmon/1.0 (+https://…)" is "govmon".
std::string product_token(std::string_view user_agent) {
    const auto end = user_agent.find_first_of("/ ");
    return lower_ascii(user_agent.substr(0, end));
}

// `*` matches any run of characters; a final `$` anchors the end.
bool matches(std::string_view pattern, std::string_view path) {
    const bool anchored = !pattern.empty() && pattern.back() == '$';
    if (anchored)
        pattern.remove_suffix(1);
    std::size_t p = 0, s = 0, star = std::string_view::npos, resume = 0;
    while (s < path.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = s;
        } else if (p < pattern.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
        } else if (p == pattern.size() && !anchored) {
            return true;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

struct group {
    std::vector<std::string> agents;
    std::vector<std::pair<std::string, bool>> rules;
};

std::vector<group> read_groups(std::string_view text) {
    std::vector<group> groups;
    bool last_was_agent = false;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string key = lower_ascii(trim_ascii_space(line.substr(0, colon)));
        const std::string_view value = trim_ascii_space(line.substr(colon + 1));
        if (key == "user-agent") {
            if (!last_was_agent)
                groups.emplace_back();
            groups.back().agents.push_back(lower_ascii(value));
            last_was_agent = true;
            continue;
        }
        last_was_agent = false;
        if (groups.empty() || (key != "allow" && key != "disallow"))
            continue;
        if (key == "disallow" && value.empty())
            continue; // "Disallow:" with nothing allows everything
        groups.back().rules.emplace_back(std::string(value), key == "allow");
    }
    return groups;
}

} // namespace

robots_rules robots_rules::parse(std::string_view text, std::string_view user_agent) {
    const std::string token = product_token(user_agent);
    const std::vector<group> groups = read_groups(text);
    std::size_t best_length = 0;
    bool found_specific = false;
    robots_rules chosen;
    robots_rules wildcard;
    for (const group& g : groups) {
        for (const std::string& agent : g.agents) {
            const bool is_wildcard = agent == "*";
            const bool is_ours = !is_wildcard && !agent.empty() && token.rfind(agent, 0) == 0;
            robots_rules* target = nullptr;
            if (is_ours && agent.size() >= best_length) {
                if (agent.size() > best_length)
                    chosen.rules_.clear();
                best_length = agent.size();
                found_specific = true;
                target = &chosen;
            } else if (is_wildcard) {
                target = &wildcard;
            }
            if (target)
                for (const auto& [pattern, allow] : g.rules)
                    target->rules_.push_back({pattern, allow});
        }
    }
    return found_specific ? chosen : wildcard;
}

bool robots_rules::allows(std::string_view path) const {
    std::size_t best = 0;
    bool allowed = true;
    bool any = false;
    for (const rule& r : rules_) {
        if (!matches(r.pattern, path))
            continue;
        const std::size_t length = r.pattern.size();
        if (!any || length > best || (length == best && r.allow)) {
            best = length;
            allowed = r.allow;
            any = true;
        }
    }
    return allowed;
}

} // namespace govmon::http
