#include "probes/site/script_kit.hpp"

#include "probes/site/js_literals.hpp"
#include "text/host_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace govmon {
namespace {

// Names the kits test the User-Agent or referrer for, lower-case.
constexpr std::array<std::string_view, 14> engine_names{
    "baidu", "sogou",  "soso", "so.com", "sm.cn", "360spider", "haosou",
    "yisou", "shenma", "bing", "google", "yahoo", "youdao",    "spider"};
// A name tested by the script opens a string, a regex or one of its alternatives.
constexpr std::string_view literal_openers = "\"'/(|";
// How far after reading the userAgent or referrer the engine test and the title assignment stand.
constexpr std::size_t engine_test_reach = 400;
constexpr std::size_t title_assignment_reach = 400;
constexpr std::size_t max_title_bytes = 300;
constexpr std::size_t max_excerpt_bytes = 160;
// How far after its referrer test a kit moves the visitor: the obfuscated kits keep their
// strings in a table before the code, the overlay kit writes its frame in a function below.
constexpr std::size_t hijack_reach = 2000;

// Hosts that are no target: the engines' own, and the obfuscator that signs its output with
// its URL (sojson.com).
constexpr std::array<std::string_view, 10> bystander_domains{
    "baidu.com", "bdstatic.com", "sogou.com", "so.com",      "sm.cn",
    "bing.com",  "google.com",   "360.cn",    "qihucdn.com", "sojson.com"};

bool tests_engine_name(std::string_view lower, std::size_t from) {
    const std::string_view reach = lower.substr(from, engine_test_reach);
    for (const std::string_view name : engine_names)
        for (std::size_t at = reach.find(name); at != std::string_view::npos;
             at = reach.find(name, at + 1))
            if (from + at > 0 &&
                literal_openers.find(lower[from + at - 1]) != std::string_view::npos)
                return true;
    return false;
}

std::size_t skip_spaces(std::string_view s, std::size_t at) {
    while (at < s.size() && is_ascii_space(s[at]))
        ++at;
    return at;
}

// At s[at] an assignment (=, not == or =>): where its value starts, or npos.
std::size_t assigned_value(std::string_view s, std::size_t at) {
    at = skip_spaces(s, at);
    if (at >= s.size() || s[at] != '=')
        return std::string_view::npos;
    if (at + 1 < s.size() && (s[at + 1] == '=' || s[at + 1] == '>'))
        return std::string_view::npos;
    return skip_spaces(s, at + 1);
}

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A value cut at a byte budget may end inside a character: drop that character's bytes.
void drop_cut_character(std::string& value) {
    std::size_t lead = value.size();
    while (lead > 0 && is_continuation_byte(value[lead - 1]))
        --lead;
    if (lead == 0)
        return;
    const auto first = static_cast<unsigned char>(value[lead - 1]);
    const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (value.size() - (lead - 1) < length)
        value.resize(lead - 1);
}

// The string literal opening at s[at], without its quotes, and where it ends.
std::pair<std::string, std::size_t> literal_at(std::string_view s, std::size_t at) {
    if (at >= s.size() || (s[at] != '"' && s[at] != '\'' && s[at] != '`'))
        return {{}, at};
    const char quote = s[at];
    std::string value;
    std::size_t i = at + 1;
    for (; i < s.size() && s[i] != quote && value.size() < max_title_bytes; ++i) {
        if (s[i] == '\\' && i + 1 < s.size())
            ++i;
        value += s[i];
    }
    drop_cut_character(value);
    return {value, std::min(s.size(), i + 1)};
}

// s[begin, end) as a one-line quote: whitespace runs collapsed, at most max_excerpt_bytes,
// cut on UTF-8 character boundaries.
std::string excerpt_of(std::string_view s, std::size_t begin, std::size_t end) {
    while (begin > 0 && is_continuation_byte(s[begin]))
        --begin;
    end = std::min({end, s.size(), begin + max_excerpt_bytes});
    while (end < s.size() && is_continuation_byte(s[end]))
        ++end;
    std::string out;
    for (const char c : trim_ascii_space(s.substr(begin, end - begin)))
        if (!is_ascii_space(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    return out;
}

// Where the statement reading the userAgent or referrer at `at` starts: its `if`, or the
// expression's first name.
std::size_t statement_start(std::string_view lower, std::size_t at) {
    const std::size_t from = at > 40 ? at - 40 : 0;
    if (const std::size_t cond = lower.substr(from, at - from).rfind("if");
        cond != std::string_view::npos)
        return from + cond;
    while (at > 0 &&
           (lower[at - 1] == '.' || std::isalnum(static_cast<unsigned char>(lower[at - 1]))))
        --at;
    return at;
}

std::optional<title_swap> title_swap_in(std::string_view text, std::string_view lower) {
    constexpr std::string_view agent = "useragent";
    constexpr std::string_view title = "document.title";
    for (std::size_t ua = lower.find(agent); ua != std::string_view::npos;
         ua = lower.find(agent, ua + agent.size())) {
        if (!tests_engine_name(lower, ua + agent.size()))
            continue;
        const std::string_view reach = lower.substr(ua, title_assignment_reach);
        for (std::size_t t = reach.find(title); t != std::string_view::npos;
             t = reach.find(title, t + title.size())) {
            const std::size_t value = assigned_value(lower, ua + t + title.size());
            if (value == std::string_view::npos)
                continue;
            auto [swapped, end] = literal_at(text, value);
            if (end < text.size() && text[end] == '}')
                ++end;
            return title_swap{std::move(swapped),
                              excerpt_of(text, statement_start(lower, ua), std::max(end, value)),
                              1};
        }
    }
    return std::nullopt;
}

// Where the bracket opening s (location[_0x12[10]]) closes, within a short member expression;
// npos when s opens none.
std::size_t closing_bracket(std::string_view s) {
    if (!s.starts_with("["))
        return std::string_view::npos;
    int depth = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(s.size(), 64); ++i)
        if (s[i] == '[')
            ++depth;
        else if (s[i] == ']' && --depth == 0)
            return i;
    return std::string_view::npos;
}

// A value that sends the visitor somewhere the script chose: a string literal, or an element of
// an obfuscator's string table (_0x1a2b[11]); a variable (location.href=u, a link's own target)
// is a page's ordinary navigation.
bool names_destination(std::string_view lower, std::size_t value) {
    if (value >= lower.size())
        return false;
    // A literal, or one escaped inside the string of a script the kit writes (location.href=\"…).
    const std::size_t quote = lower[value] == '\\' ? value + 1 : value;
    if (quote < lower.size() &&
        (lower[quote] == '"' || lower[quote] == '\'' || lower[quote] == '`'))
        return true;
    std::size_t end = value;
    while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) ||
                                  lower[end] == '_' || lower[end] == '$'))
        ++end;
    return end > value && end < lower.size() && lower[end] == '[';
}

// The argument of the call whose name ends just before s[at] (location.replace(…)).
bool call_names_destination(std::string_view lower, std::size_t at) {
    return at < lower.size() && lower[at] == '(' &&
           names_destination(lower, skip_spaces(lower, at + 1));
}

// The ways a script moves a visitor by location or window.open to an address it names, or by an
// iframe it writes, in this order.
std::string moves_visitor(std::string_view lower) {
    std::string actions;
    const auto add = [&](std::string_view action) {
        if (actions.find(action) == std::string::npos)
            actions += (actions.empty() ? "" : ", ") + std::string(action);
    };
    constexpr std::string_view location = "location";
    for (std::size_t at = lower.find(location); at != std::string_view::npos;
         at = lower.find(location, at + location.size())) {
        const std::size_t next = skip_spaces(lower, at + location.size());
        const std::string_view rest = lower.substr(next);
        if (rest.starts_with(".href") && names_destination(lower, assigned_value(lower, next + 5)))
            add("location.href");
        else if (rest.starts_with(".replace(") && call_names_destination(lower, next + 8))
            add("location.replace");
        else if (rest.starts_with(".assign(") && call_names_destination(lower, next + 7))
            add("location.assign");
        else if (names_destination(lower, assigned_value(lower, next)))
            add("location");
        else if (const std::size_t close = closing_bracket(rest);
                 close != std::string_view::npos &&
                 names_destination(lower, assigned_value(lower, next + close + 1)))
            add("location[…]");
    }
    constexpr std::string_view open = "window.open";
    if (const std::size_t at = lower.find(open);
        at != std::string_view::npos && call_names_destination(lower, at + open.size()))
        add("window.open");
    // Markup of a frame written into the page, not a script's handle on one (videoIframe).
    if (lower.find("<iframe") != std::string_view::npos)
        add("iframe");
    return actions;
}

// A script that writes a script into the page: the kits' payloads write their redirect so, the
// referrer test inside what they write.
bool writes_a_script(std::string_view lower) {
    const bool writes = lower.find("document.write") != std::string_view::npos ||
                        lower.find("[\"write") != std::string_view::npos ||
                        lower.find("['write") != std::string_view::npos;
    return writes && lower.find("<script") != std::string_view::npos;
}

// The ways the kits move a visitor: moves_visitor in the part of the script after its referrer
// test (`controlled`), or a script it writes, anywhere in it (`lower`).
std::string hijack_actions(std::string_view controlled, std::string_view lower) {
    std::string actions = moves_visitor(controlled);
    if (writes_a_script(lower))
        actions += (actions.empty() ? "" : ", ") + std::string("document.write of a script");
    return actions;
}

bool is_bystander(std::string_view host) {
    return std::any_of(bystander_domains.begin(), bystander_domains.end(),
                       [&](std::string_view d) { return host_is_under(host, d); });
}

std::string first_target_host(std::string_view lower) {
    for (std::size_t at = lower.find("http"); at != std::string_view::npos;
         at = lower.find("http", at + 4)) {
        const std::string_view rest = lower.substr(at);
        if (!rest.starts_with("http://") && !rest.starts_with("https://"))
            continue;
        const std::string host = host_of(rest.substr(0, rest.find_first_of("\"' )<>\\")));
        if (!host.empty() && !is_bystander(host))
            return host;
    }
    return {};
}

// Where the statement holding s[at] begins, looking back a short way; a long statement is
// quoted from a little before `at`.
std::size_t statement_begin(std::string_view s, std::size_t at) {
    constexpr std::size_t reach = 60;
    const std::size_t from = at > reach ? at - reach : 0;
    const std::size_t end = s.substr(from, at - from).find_last_of(";{}\n");
    if (end != std::string_view::npos)
        return from + end + 1;
    return at > 24 ? at - 24 : 0;
}

std::optional<referrer_hijack> referrer_hijack_in(std::string_view text, std::string_view lower) {
    constexpr std::string_view referrer = "referrer";
    for (std::size_t ref = lower.find(referrer); ref != std::string_view::npos;
         ref = lower.find(referrer, ref + referrer.size())) {
        if (!tests_engine_name(lower, ref + referrer.size()))
            continue;
        const std::string_view controlled = lower.substr(ref, hijack_reach);
        std::string actions = hijack_actions(controlled, lower);
        if (actions.empty())
            continue;
        const std::size_t begin = statement_begin(lower, ref);
        return referrer_hijack{std::move(actions), first_target_host(lower),
                               excerpt_of(text, begin, begin + max_excerpt_bytes)};
    }
    return std::nullopt;
}

// JavaScript names navigator.userAgent and document.referrer in this case only; a script that
// names neither and hides nothing behind escapes is no kit, and costs no decoding.
bool may_be_kit(std::string_view script) {
    return script.find('\\') != std::string_view::npos ||
           script.find("userAgent") != std::string_view::npos ||
           script.find("referrer") != std::string_view::npos;
}

} // namespace

script_kit find_script_kit(const std::vector<std::string>& scripts) {
    script_kit kit;
    for (const std::string& script : scripts) {
        if (!may_be_kit(script))
            continue;
        const std::string text = readable_script(script);
        const std::string lower = lower_ascii(text);
        if (auto swap = title_swap_in(text, lower)) {
            const int seen = kit.swap ? kit.swap->scripts : 0;
            if (!kit.swap)
                kit.swap = std::move(swap);
            kit.swap->scripts = seen + 1;
        }
        if (!kit.hijack)
            kit.hijack = referrer_hijack_in(text, lower);
    }
    return kit;
}

} // namespace govmon
