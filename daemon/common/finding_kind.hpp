#pragma once

// The vocabulary of findings (interface.md §3): every kind and severity, and one descriptor per
// kind that the rules, the store, alert mails, the report, the CLI and the metrics all read.
// A kind's name is spelled here and nowhere else.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace govmon {

enum class finding_kind {
    site_unreachable,
    homepage_stale,
    homepage_low_volume,
    column_stale,
    blank_column,
    broken_link,
    ad_link,
    hidden_link,
    tls_invalid,
    ipv6_missing,
    account_stale,
    account_dormant,
    account_unreachable,
    account_blocked,
    interaction_missing,
    interaction_unanswered,
    interaction_slow,
    annual_report_missing,
    site_identity_missing,
    tampered,
    date_suspect,
    illicit_content,
    misstatement,
    typo,
    interaction_off,
};

enum class finding_severity { veto, deduct, warn };

enum class finding_target { site, account, either };

struct finding_kind_info {
    finding_kind kind;
    std::string_view name;      // the contract's name: findings output, store, metric label
    std::string_view indicator; // site.availability, account.freshness, ...
    finding_target target;
    std::uint8_t severities; // bit per finding_severity the kind can have
    std::string_view label; // the report's name of the indicator: 首页不更新（两周无更新）
    std::string_view problem; // alert mails' name of the problem: 首页长期未更新
    std::string_view advice;  // what a unit should do, in alert mails
};

// Every kind, in the order of the contract's table.
std::span<const finding_kind_info> finding_kinds() noexcept;
const finding_kind_info& info_of(finding_kind kind) noexcept;

std::string_view name_of(finding_kind kind) noexcept;
std::optional<finding_kind> parse_finding_kind(std::string_view name) noexcept;

std::string_view name_of(finding_severity severity) noexcept; // veto, deduct, warn
std::optional<finding_severity> parse_finding_severity(std::string_view name) noexcept;
constexpr std::uint8_t bit_of(finding_severity s) noexcept {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
}
bool can_have(finding_kind kind, finding_severity severity) noexcept;

} // namespace govmon
