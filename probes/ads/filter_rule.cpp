#include "probes/ads/filter_rule.hpp"

#include "text/host_names.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace govmon {
namespace {

struct type_name {
    std::string_view name;
    resource_type type;
};

// ABP's names, plus uBlock Origin's short aliases that EasyList also uses.
constexpr std::array<type_name, 14> type_names{{
    {"script", resource_type::script},
    {"image", resource_type::image},
    {"stylesheet", resource_type::stylesheet},
    {"css", resource_type::stylesheet},
    {"subdocument", resource_type::subdocument},
    {"frame", resource_type::subdocument},
    {"object", resource_type::object},
    {"media", resource_type::media},
    {"xmlhttprequest", resource_type::xmlhttprequest},
    {"xhr", resource_type::xmlhttprequest},
    {"font", resource_type::font},
    {"ping", resource_type::ping},
    {"websocket", resource_type::websocket},
    {"other", resource_type::other},
}};

std::optional<resource_type> find_type(std::string_view name) {
    const auto it = std::find_if(type_names.begin(), type_names.end(),
                                 [&](const type_name& t) { return t.name == name; });
    return it == type_names.end() ? std::nullopt : std::optional(it->type);
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n";
    const std::size_t begin = text.find_first_not_of(space);
    if (begin == std::string_view::npos) {
        return {};
    }
    return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

// `example.com##.ad`, `#@#`, `#?#`, `#$#`, `#%#` and their `@` forms. The part before the
// first `#` is a domain list (`*` only in uBO's `example.*`), which never holds the characters
// that mark URL patterns.
bool is_element_hiding(std::string_view line) {
    const std::size_t hash = line.find('#');
    if (hash == std::string_view::npos ||
        line.substr(0, hash).find_first_of("/|@\"!$^") != std::string_view::npos) {
        return false;
    }
    std::size_t i = hash + 1;
    if (i < line.size() && line[i] == '@') {
        ++i;
    }
    if (i < line.size() && (line[i] == '?' || line[i] == '$' || line[i] == '%')) {
        ++i;
    }
    return i < line.size() && line[i] == '#';
}

// The outcome of reading one option; only `unsupported` and `malformed` reject the rule.
enum class option_result { ok, unsupported, malformed };

option_result read_domains(std::string_view value, network_rule& rule) {
    while (!value.empty()) {
        const std::size_t bar = value.find('|');
        std::string_view entry = value.substr(0, bar);
        value = bar == std::string_view::npos ? std::string_view{} : value.substr(bar + 1);
        const bool negated = entry.starts_with('~');
        entry.remove_prefix(negated ? 1 : 0);
        if (entry.empty()) {
            return option_result::malformed;
        }
        if (entry.ends_with(".*") || entry.starts_with('/')) {
            return option_result::unsupported; // uBO's entity and regex domains
        }
        (negated ? rule.exclude_domains : rule.include_domains).push_back(lower_ascii(entry));
    }
    return rule.include_domains.empty() && rule.exclude_domains.empty() ? option_result::malformed
                                                                        : option_result::ok;
}

struct type_options {
    std::uint32_t wanted = 0;   // positive type options
    std::uint32_t unwanted = 0; // ~type options
};

option_result read_option(std::string_view option, network_rule& rule, type_options& types) {
    if (option == "third-party" || option == "3p" || option == "~first-party") {
        rule.party = party_filter::third_party;
    } else if (option == "~third-party" || option == "~3p" || option == "first-party" ||
               option == "1p") {
        rule.party = party_filter::first_party;
    } else if (option == "match-case") {
        rule.match_case = true;
    } else if (option.starts_with("domain=")) {
        return read_domains(option.substr(7), rule);
    } else {
        const bool negated = option.starts_with('~');
        const std::optional<resource_type> type = find_type(option.substr(negated ? 1 : 0));
        if (!type) {
            return option_result::unsupported;
        }
        (negated ? types.unwanted : types.wanted) |= type_bit(*type);
    }
    return option_result::ok;
}

option_result read_options(std::string_view options, network_rule& rule) {
    if (options.empty()) {
        return option_result::malformed;
    }
    type_options types;
    while (!options.empty()) {
        const std::size_t comma = options.find(',');
        const std::string_view option = trim(options.substr(0, comma));
        options = comma == std::string_view::npos ? std::string_view{} : options.substr(comma + 1);
        if (option.empty()) {
            return option_result::malformed;
        }
        const option_result result = read_option(option, rule, types);
        if (result != option_result::ok) {
            return result;
        }
    }
    rule.types = (types.wanted == 0 ? all_resource_types : types.wanted) & ~types.unwanted;
    return rule.types == 0 ? option_result::malformed : option_result::ok;
}

// Anchors and leading/trailing wildcards: `|*x` is no anchor at all, `x*|` neither.
void read_pattern(std::string_view body, network_rule& rule) {
    if (body.starts_with("||")) {
        rule.anchor = left_anchor::host;
        body.remove_prefix(2);
    } else if (body.starts_with('|')) {
        rule.anchor = left_anchor::url_start;
        body.remove_prefix(1);
    }
    if (body.ends_with('|')) {
        rule.right_anchor = true;
        body.remove_suffix(1);
    }
    if (body.starts_with('*')) {
        rule.anchor = left_anchor::none;
    }
    if (body.ends_with('*')) {
        rule.right_anchor = false;
    }
    const std::size_t begin = body.find_first_not_of('*');
    body = begin == std::string_view::npos
               ? std::string_view{}
               : body.substr(begin, body.find_last_not_of('*') - begin + 1);
    rule.pattern.clear();
    for (const char c : body) {
        if (c != '*' || rule.pattern.empty() || rule.pattern.back() != '*') {
            rule.pattern.push_back(c);
        }
    }
    if (!rule.match_case) {
        rule.pattern = lower_ascii(rule.pattern);
    }
}

bool is_regex(std::string_view body) {
    return body.size() >= 2 && body.starts_with('/') && body.ends_with('/');
}

// A rule that would hit every request of every page is a broken line, not a filter.
bool matches_everything(const network_rule& rule) {
    return rule.pattern.empty() && rule.types == all_resource_types &&
           rule.party == party_filter::any && rule.include_domains.empty();
}

bool has_control_character(std::string_view line) {
    return std::any_of(line.begin(), line.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7f;
    });
}

line_kind read_network_rule(std::string_view line, network_rule& rule) {
    if (has_control_character(line)) {
        return line_kind::malformed; // binary junk, or a file that is not a filter list
    }
    std::string_view body = line;
    rule.exception = body.starts_with("@@");
    body.remove_prefix(rule.exception ? 2 : 0);
    if (is_regex(body)) {
        return line_kind::regex;
    }
    if (const std::size_t dollar = body.rfind('$'); dollar != std::string_view::npos) {
        const option_result result = read_options(body.substr(dollar + 1), rule);
        if (result != option_result::ok) {
            return result == option_result::unsupported ? line_kind::unsupported_option
                                                        : line_kind::malformed;
        }
        body = body.substr(0, dollar);
        if (is_regex(body)) {
            return line_kind::regex;
        }
    }
    if (body.find_first_of(" \t") != std::string_view::npos) {
        return line_kind::malformed;
    }
    read_pattern(body, rule);
    return matches_everything(rule) ? line_kind::malformed : line_kind::network;
}

} // namespace

parsed_line parse_filter_line(std::string_view line) {
    parsed_line parsed;
    line = trim(line);
    if (line.empty()) {
        parsed.kind = line_kind::blank;
    } else if (line.starts_with('!') || line.starts_with('[')) {
        parsed.kind = line_kind::comment;
    } else if (is_element_hiding(line)) {
        parsed.kind = line_kind::element_hiding;
    } else {
        parsed.rule.text = std::string(line);
        parsed.kind = read_network_rule(line, parsed.rule);
    }
    return parsed;
}

} // namespace govmon
