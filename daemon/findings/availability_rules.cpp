#include "availability_rules.hpp"

#include "daemon/common/time_zone.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>

namespace govmon {
namespace {

using json = nlohmann::json;

json detail_of(const observation& o) {
    json detail = json::parse(o.detail, nullptr, /*allow_exceptions=*/false);
    return detail.is_object() ? detail : json::object();
}

std::string text_field(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::optional<bool> tri_state(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_boolean())
        return std::nullopt;
    return it->get<bool>();
}

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f %%", share * 100.0);
    return text;
}

std::string failure_text(const observation& o) {
    const std::string reason = text_field(detail_of(o), "error_detail");
    if (!reason.empty())
        return reason;
    if (o.http_status)
        return "HTTP " + std::to_string(*o.http_status);
    return std::string(to_string(o.error));
}

void judge_reachability(const std::vector<observation>& window,
                        const availability_thresholds& thresholds, rule_verdict& verdict) {
    verdict.judged.push_back(finding_kind::site_unreachable);
    const availability_summary summary = summarize_availability(window);
    if (window.empty())
        return;
    const observation& last = window.back();
    if (last.error == error_class::blocked) {
        // A firewall challenge or a rate limit says nothing of what readers see: the visit is
        // neither a success nor a failure, and the rule's share leaves it out.
        verdict.candidates.push_back(
            {finding_kind::site_unreachable, finding_severity::warn, last.url, "",
             "availability unknown: the last visit was refused by the site's firewall or rate "
             "limit (" + failure_text(last) + "); " + std::to_string(summary.blocked) +
                 " such visits in 7 days are counted neither way"});
        return;
    }
    if (summary.probes == 0)
        return;
    const double failed_share = double(summary.failed) / summary.probes;
    const bool veto = failed_share >= thresholds.veto_ratio &&
                      summary.probes >= thresholds.min_samples_for_veto;
    const bool warn = failed_share >= thresholds.warn_ratio || !last.ok;
    if (!veto && !warn)
        return;
    std::string detail = std::to_string(summary.failed) + " of " +
                         std::to_string(summary.probes) + " home-page probes failed in 7 days (" +
                         percent(failed_share) + ")";
    if (!last.ok)
        detail += "; last probe failed: " + failure_text(last);
    verdict.candidates.push_back({finding_kind::site_unreachable, veto ? finding_severity::veto : finding_severity::warn,
                                  last.url, "", std::move(detail)});
}

void judge_certificate(const observation& last, std::int64_t now,
                       const availability_thresholds& thresholds, rule_verdict& verdict) {
    const bool is_https = last.url.rfind("https://", 0) == 0;
    if (!is_https) {
        verdict.judged.push_back(finding_kind::tls_invalid);
        return;
    }
    const json detail = detail_of(last);
    if (last.error == error_class::tls) {
        verdict.judged.push_back(finding_kind::tls_invalid);
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::deduct, last.url, "",
                                      "certificate rejected: " + failure_text(last)});
        return;
    }
    auto not_after = detail.find("cert_not_after");
    if (not_after == detail.end() || !not_after->is_number_integer())
        return; // never got as far as a handshake: cannot judge the certificate
    verdict.judged.push_back(finding_kind::tls_invalid);
    const std::int64_t expiry = not_after->get<std::int64_t>();
    if (expiry <= now) {
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::deduct, last.url, "",
                                      "certificate expired " + format_iso8601(expiry)});
    } else if (expiry - now < thresholds.tls_expiry_warning) {
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::warn, last.url, "",
                                      "certificate expires " + format_iso8601(expiry)});
    }
}

void judge_ipv6(const observation& last, rule_verdict& verdict) {
    const json detail = detail_of(last);
    auto ipv6 = detail.find("ipv6");
    if (ipv6 == detail.end() || !ipv6->is_object())
        return;
    const std::optional<bool> has_aaaa = tri_state(*ipv6, "aaaa");
    if (!has_aaaa)
        return; // the lookup itself failed
    verdict.judged.push_back(finding_kind::ipv6_missing);
    if (!*has_aaaa) {
        verdict.candidates.push_back(
            {finding_kind::ipv6_missing, finding_severity::deduct, last.url, "", "no AAAA record"});
        return;
    }
    const std::optional<bool> reachable = tri_state(*ipv6, "reachable");
    if (reachable == false) {
        std::string why = text_field(*ipv6, "detail");
        verdict.candidates.push_back({finding_kind::ipv6_missing, finding_severity::deduct, last.url, "",
                                      "AAAA record but no answer over IPv6" +
                                          (why.empty() ? std::string{} : ": " + why)});
    }
}

} // namespace

availability_summary summarize_availability(const std::vector<observation>& window) {
    availability_summary summary;
    for (const observation& o : window) {
        if (o.error == error_class::blocked) {
            ++summary.blocked;
            continue;
        }
        ++summary.probes;
        if (!o.ok)
            ++summary.failed;
    }
    return summary;
}

rule_verdict judge_availability(const std::vector<observation>& window, std::int64_t now,
                                const availability_thresholds& thresholds) {
    rule_verdict verdict;
    judge_reachability(window, thresholds, verdict);
    if (window.empty())
        return verdict;
    judge_certificate(window.back(), now, thresholds, verdict);
    judge_ipv6(window.back(), verdict);
    return verdict;
}

} // namespace govmon
