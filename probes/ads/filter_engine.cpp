#include "probes/ads/filter_engine.hpp"

#include "probes/ads/url_pattern.hpp"
#include "text/host_names.hpp"
#include "text/registrable_domain.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace govmon {
namespace {

void count(load_stats& stats, line_kind kind, bool exception) {
    switch (kind) {
    case line_kind::network:
        ++(exception ? stats.exceptions : stats.blocking);
        break;
    case line_kind::comment:
        ++stats.comments;
        break;
    case line_kind::element_hiding:
        ++stats.element_hiding;
        break;
    case line_kind::regex:
        ++stats.regex;
        break;
    case line_kind::unsupported_option:
        ++stats.unsupported_options;
        break;
    case line_kind::malformed:
        ++stats.malformed;
        break;
    case line_kind::blank:
        break;
    }
}

bool under_any(std::string_view host, const std::vector<std::string>& domains) {
    return std::any_of(domains.begin(), domains.end(),
                       [&](const std::string& domain) { return host_is_under(host, domain); });
}

bool pattern_matches_host_anchored(const network_rule& rule, std::string_view text,
                                   host_span host) {
    const std::string_view host_text = text.substr(host.begin, host.size);
    for (std::size_t label = 0; label < host_text.size();) {
        if (pattern_matches_at(rule.pattern, text, host.begin + label, rule.right_anchor)) {
            return true;
        }
        const std::size_t dot = host_text.find('.', label);
        label = dot == std::string_view::npos ? host_text.size() : dot + 1;
    }
    return false;
}

bool pattern_matches_anywhere(const network_rule& rule, std::string_view text) {
    if (rule.pattern.empty()) {
        return true;
    }
    const char first = rule.pattern.front();
    for (std::size_t at = 0; at < text.size(); ++at) {
        // A literal first character rules out most starting points without a full attempt.
        if (first != '^') {
            at = text.find(first, at);
            if (at == std::string_view::npos) {
                return false;
            }
        }
        if (pattern_matches_at(rule.pattern, text, at, rule.right_anchor)) {
            return true;
        }
    }
    return false;
}

} // namespace

struct filter_engine::prepared_request {
    std::string_view url;
    std::string lower_url;
    host_span host;
    std::string page_host;
    resource_type type = resource_type::other;
    bool page_known = false;
    bool third_party = false;
};

void filter_engine::add_list(std::string_view text, std::string_view list_name) {
    const auto list = static_cast<std::uint32_t>(list_names_.size());
    list_names_.emplace_back(list_name);
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        parsed_line parsed = parse_filter_line(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        count(stats_, parsed.kind, parsed.rule.exception);
        if (parsed.kind != line_kind::network) {
            continue;
        }
        const auto id = static_cast<std::uint32_t>(rules_.size());
        parsed.rule.list = list;
        (parsed.rule.exception ? exceptions_ : blocking_).add(parsed.rule, id);
        rules_.push_back(std::move(parsed.rule));
    }
}

bool filter_engine::load_file(const std::filesystem::path& path, std::string& error) {
    std::error_code code;
    const std::filesystem::file_status status = std::filesystem::status(path, code);
    if (!std::filesystem::is_regular_file(status)) {
        const bool missing = status.type() == std::filesystem::file_type::not_found;
        error = path.string() + ": " +
                (missing ? "no such file"
                 : code  ? code.message()
                         : "not a regular file");
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in) {
        error = path.string() + ": " + std::strerror(errno);
        return false;
    }
    add_list(text, path.filename().string());
    return true;
}

filter_engine::prepared_request filter_engine::prepare(const request_context& request) const {
    prepared_request prepared;
    prepared.url = request.url;
    prepared.lower_url = lower_ascii(request.url);
    prepared.host = find_host(request.url);
    prepared.page_host = lower_ascii(request.page_host);
    prepared.type = request.type;
    prepared.page_known = !prepared.page_host.empty();
    const std::string_view host =
        std::string_view(prepared.lower_url).substr(prepared.host.begin, prepared.host.size);
    prepared.third_party = registrable_domain(host) != registrable_domain(prepared.page_host);
    return prepared;
}

bool filter_engine::rule_applies(const network_rule& rule, const prepared_request& request) {
    if ((rule.types & type_bit(request.type)) == 0) {
        return false;
    }
    if (rule.party != party_filter::any &&
        (!request.page_known || request.third_party != (rule.party == party_filter::third_party))) {
        return false;
    }
    if ((!rule.include_domains.empty() && !under_any(request.page_host, rule.include_domains)) ||
        under_any(request.page_host, rule.exclude_domains)) {
        return false;
    }
    const std::string_view text = rule.match_case ? request.url : request.lower_url;
    switch (rule.anchor) {
    case left_anchor::host:
        return pattern_matches_host_anchored(rule, text, request.host);
    case left_anchor::url_start:
        return pattern_matches_at(rule.pattern, text, 0, rule.right_anchor);
    case left_anchor::none:
        return pattern_matches_anywhere(rule, text);
    }
    return false;
}

const network_rule* filter_engine::first_match(const rule_index& index,
                                               const prepared_request& request) const {
    std::vector<std::uint32_t> ids;
    index.candidates(request.lower_url, request.host, ids);
    for (const std::uint32_t id : ids) {
        if (rule_applies(rules_[id], request)) {
            return &rules_[id];
        }
    }
    return nullptr;
}

std::optional<filter_match> filter_engine::matches(const request_context& request) const {
    const prepared_request prepared = prepare(request);
    const network_rule* blocking = first_match(blocking_, prepared);
    if (blocking == nullptr || first_match(exceptions_, prepared) != nullptr) {
        return std::nullopt;
    }
    return filter_match{blocking->text, list_names_[blocking->list]};
}

std::size_t filter_engine::rules_examined(const request_context& request) const {
    const prepared_request prepared = prepare(request);
    std::vector<std::uint32_t> ids;
    blocking_.candidates(prepared.lower_url, prepared.host, ids);
    std::size_t examined = ids.size();
    exceptions_.candidates(prepared.lower_url, prepared.host, ids);
    return examined + ids.size();
}

} // namespace govmon
