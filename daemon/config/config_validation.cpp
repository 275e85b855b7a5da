#include "daemon/config/config_validation.hpp"

#include "daemon/config/nearest_word.hpp"
#include "daemon/config/quantity_parse.hpp"

#include <algorithm>
#include <unordered_map>

namespace govmon {

namespace {

std::string with_article(const std::string& kind) {
    return (kind == "account" ? "an " : "a ") + kind;
}

std::string place(const source_location& first, const source_location& here) {
    if (first.file == here.file)
        return "line " + std::to_string(first.line);
    return first.file + ":" + std::to_string(first.line);
}

void report_duplicates(const std::vector<id_declaration>& declarations, load_context& context) {
    std::unordered_map<std::string, const id_declaration*> first_by_id;
    for (const auto& declaration : declarations) {
        const auto [it, inserted] = first_by_id.emplace(declaration.id, &declaration);
        if (inserted)
            continue;
        const id_declaration& first = *it->second;
        context.error(declaration.where, "duplicate " + declaration.kind + " id '" +
                                             declaration.id + "' (first used by " +
                                             with_article(first.kind) + " at " +
                                             place(first.where, declaration.where) + ")");
    }
}

void report_unknown_units(load_context& context) {
    std::vector<std::string> unit_ids;
    for (const auto& unit : context.units)
        unit_ids.push_back(unit.id);
    for (const auto& reference : context.unit_references) {
        if (std::find(unit_ids.begin(), unit_ids.end(), reference.unit) != unit_ids.end())
            continue;
        context.error(reference.where, "unknown unit '" + reference.unit + "' in " +
                                           reference.referrer +
                                           did_you_mean(reference.unit, unit_ids));
    }
}

} // namespace

void check_cross_references(load_context& context) {
    report_duplicates(context.units, context);
    report_duplicates(context.targets, context);
    report_unknown_units(context);
}

void check_threshold_order(const config& cfg, const source_location& where, load_context& context) {
    const auto& t = cfg.thresholds;
    if (t.account_warn > t.account_dormant)
        context.error(where, "thresholds.account_warn (" + format_duration(t.account_warn) +
                                 ") is longer than thresholds.account_dormant (" +
                                 format_duration(t.account_dormant) +
                                 "): the warning would come after the veto");
}

} // namespace govmon
