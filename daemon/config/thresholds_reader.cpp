#include "daemon/config/thresholds_reader.hpp"

#include "daemon/common/finding_kind.hpp"
#include "daemon/config/account_freshness.hpp"
#include "daemon/config/config_validation.hpp"
#include "daemon/config/quantity_parse.hpp"

#include <sstream>

namespace govmon {
namespace {

// A threshold named after the kind it raises takes the kind's one spelling.
std::string kind_key(finding_kind kind) {
    return std::string(name_of(kind));
}

void read_column_stale(const yaml_reader& reader, const yaml_value& section, column_thresholds& c) {
    reader.read_fields(
        section,
        {
            {"news", [&](auto& v) { reader.read_duration(v, c.news, false); }},
            {"notice", [&](auto& v) { reader.read_duration(v, c.notice, false); }},
            {"personnel", [&](auto& v) { reader.read_duration(v, c.personnel, false); }},
        },
        "thresholds.column_stale");
}

void read_column_veto(const yaml_reader& reader, const yaml_value& section, thresholds_config& t) {
    reader.read_fields(
        section,
        {
            {"news_notice", [&](auto& v) { reader.read_int(v, t.stale_columns_veto, 1); }},
            {"all", [&](auto& v) { reader.read_int(v, t.stale_columns_all_veto, 1); }},
        },
        "thresholds.column_veto");
}

void read_posting_rule(const yaml_reader& reader, const yaml_value& section,
                       std::optional<posting_rule>& out) {
    posting_rule rule;
    if (reader.read_fields(
            section,
            {
                {"count", [&](auto& v) { reader.read_int(v, rule.count, 1); }},
                {"within", [&](auto& v) { reader.read_duration(v, rule.within, false); }},
            },
            section.path))
        out = rule;
}

std::string percent(double share) {
    std::ostringstream text;
    text << share * 100 << '%';
    return std::move(text).str();
}

// Only a warning the config sets is checked against its veto: a veto set below a default warning
// (homepage_stale: 7d) was always valid, and the rules then veto without warning first.
void check_warnings_set(const thresholds_config& t, const field_lines& lines,
                        load_context& context) {
    const auto set = [&lines](const char* key) { return lines.lines.count(key) > 0; };
    const std::string after = "): the warning would come after the veto";
    if (set("homepage_warn") && t.homepage_warn > t.homepage_stale)
        context.error(lines.of("homepage_warn"),
                      "thresholds.homepage_warn (" + format_duration(t.homepage_warn) +
                          ") is longer than thresholds.homepage_stale (" +
                          format_duration(t.homepage_stale) + after);
    if (set("account_video_warn") && t.account_video_warn &&
        *t.account_video_warn > t.account_dormant)
        context.error(lines.of("account_video_warn"),
                      "thresholds.account_video_warn (" + format_duration(*t.account_video_warn) +
                          ") is longer than thresholds.account_dormant (" +
                          format_duration(t.account_dormant) + after);
    if (set("unreachable_warn_ratio") && t.unreachable_warn_ratio > t.unreachable_ratio)
        context.error(lines.of("unreachable_warn_ratio"),
                      "thresholds.unreachable_warn_ratio (" + percent(t.unreachable_warn_ratio) +
                          ") is above thresholds.unreachable_ratio (" +
                          percent(t.unreachable_ratio) + after);
}

std::string account_what(const account_config& a) {
    return "account '" + a.id + "'";
}

void check_order(duration warn, duration dormant, const std::string& what,
                 const source_location& where, load_context& context) {
    if (warn > dormant)
        context.error(where, what + ": account_warn (" + format_duration(warn) +
                                 ") is longer than account_dormant (" + format_duration(dormant) +
                                 "): the warning would come after the veto");
}

} // namespace

void read_thresholds(const yaml_reader& reader, const yaml_value& section, config& cfg,
                     load_context& context) {
    auto& t = cfg.thresholds;
    field_lines lines{reader.at(section), {}};
    const bool is_map = reader.read_fields(
        section,
        {
            {kind_key(finding_kind::homepage_stale),
             [&](auto& v) { reader.read_duration(v, t.homepage_stale, false); }},
            {"homepage_warn", [&](auto& v) { reader.read_duration(v, t.homepage_warn, false); }},
            {"homepage_min_items", [&](auto& v) { reader.read_int(v, t.homepage_min_items, 0); }},
            {kind_key(finding_kind::column_stale),
             [&](auto& v) { read_column_stale(reader, v, t.column_stale); }},
            {"column_veto", [&](auto& v) { read_column_veto(reader, v, t); }},
            {"blank_column_veto", [&](auto& v) { reader.read_int(v, t.blank_columns_veto, 1); }},
            {"account_warn", [&](auto& v) { reader.read_duration(v, t.account_warn, false); }},
            {kind_key(finding_kind::account_dormant),
             [&](auto& v) { reader.read_duration(v, t.account_dormant, false); }},
            {"account_video_warn",
             [&](auto& v) { reader.read_optional_duration(v, t.account_video_warn, false); }},
            {"account_min_posts",
             [&](auto& v) { read_posting_rule(reader, v, t.account_min_posts); }},
            {"unreachable_ratio",
             [&](auto& v) { reader.read_share(v, t.unreachable_ratio, true); }},
            {"unreachable_warn_ratio",
             [&](auto& v) { reader.read_share(v, t.unreachable_warn_ratio, true); }},
            {"unreachable_min_probes",
             [&](auto& v) { reader.read_int(v, t.unreachable_min_probes, 1); }},
            {"availability_window",
             [&](auto& v) { reader.read_duration(v, t.availability_window, false); }},
            {"tls_expiry_warn",
             [&](auto& v) { reader.read_duration(v, t.tls_expiry_warn, false); }},
        },
        "thresholds", &lines);
    if (!is_map)
        return;
    check_threshold_order(cfg, reader.at(section), context);
    check_warnings_set(t, lines, context);
}

std::vector<yaml_field> account_freshness_fields(const yaml_reader& reader,
                                                 account_freshness& out) {
    const auto noted = [&reader, &out](const yaml_value& v) {
        if (out.where.line == 0)
            out.where = reader.at(v);
    };
    return {
        {"account_warn",
         [&reader, &out, noted](const yaml_value& v) {
             noted(v);
             reader.read_optional_duration(v, out.warn, false);
         }},
        {kind_key(finding_kind::account_dormant),
         [&reader, &out, noted](const yaml_value& v) {
             noted(v);
             reader.read_optional_duration(v, out.dormant, false);
         }},
        {"account_min_posts",
         [&reader, &out, noted](const yaml_value& v) {
             noted(v);
             read_posting_rule(reader, v, out.min_posts);
         }},
    };
}

void check_account_freshness(const config& cfg, load_context& context) {
    const thresholds_config& t = cfg.thresholds;
    for (const auto& [name, platform] : cfg.platforms) {
        const account_freshness& f = platform.freshness;
        if (f.warn || f.dormant)
            check_order(f.warn.value_or(t.account_warn), f.dormant.value_or(t.account_dormant),
                        "platform " + name, f.where, context);
    }
    for (const account_config& account : cfg.accounts) {
        const account_freshness& f = account.freshness;
        if (!f.warn && !f.dormant)
            continue;
        const resolved_freshness r = freshness_of(cfg, account);
        check_order(r.warn, r.dormant, account_what(account), f.where, context);
    }
}

} // namespace govmon
