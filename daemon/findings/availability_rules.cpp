#include "availability_rules.hpp"

#include "daemon/common/time_zone.hpp"
#include "ipv6_rule.hpp"

#include <cstdio>
#include <optional>
#include <string>

namespace govmon {
namespace {

std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f %%", share * 100.0);
    return text;
}

// "7 days", or hours for a window that is not whole days.
std::string window_text(std::int64_t window) {
    if (window % 86400 == 0)
        return std::to_string(window / 86400) + " days";
    return std::to_string(window / 3600) + " hours";
}

std::string failure_text(const availability_visit& o) {
    if (!o.detail.error_detail.empty())
        return o.detail.error_detail;
    if (o.http_status)
        return "HTTP " + std::to_string(*o.http_status);
    return std::string(to_string(o.error));
}

void judge_reachability(const std::vector<availability_visit>& window,
                        const availability_thresholds& thresholds, rule_verdict& verdict) {
    verdict.judged.push_back(finding_kind::site_unreachable);
    const availability_summary summary = summarize_availability(window);
    if (window.empty())
        return;
    const availability_visit& last = window.back();
    if (last.error == error_class::blocked) {
        // A firewall challenge or a rate limit says nothing of what readers see: the visit is
        // neither a success nor a failure, and the rule's share leaves it out.
        verdict.candidates.push_back(
            {finding_kind::site_unreachable, finding_severity::warn, last.url, "",
             "availability unknown: the last visit was refused by the site's firewall or rate "
             "limit (" +
                 failure_text(last) + "); " + std::to_string(summary.blocked) + " such visits in " +
                 window_text(thresholds.window) + " are counted neither way"});
        return;
    }
    if (summary.probes == 0)
        return;
    const double failed_share = double(summary.failed) / summary.probes;
    const bool veto =
        failed_share >= thresholds.veto_ratio && summary.probes >= thresholds.min_samples_for_veto;
    const bool warn = failed_share >= thresholds.warn_ratio || !last.ok;
    if (!veto && !warn)
        return;
    std::string detail = std::to_string(summary.failed) + " of " + std::to_string(summary.probes) +
                         " home-page probes failed in " + window_text(thresholds.window) + " (" +
                         percent(failed_share) + ")";
    if (!last.ok)
        detail += "; last probe failed: " + failure_text(last);
    verdict.candidates.push_back({finding_kind::site_unreachable,
                                  veto ? finding_severity::veto : finding_severity::warn, last.url,
                                  "", std::move(detail)});
}

void judge_certificate(const availability_visit& last, std::int64_t now,
                       const availability_thresholds& thresholds, rule_verdict& verdict) {
    const bool is_https = last.url.rfind("https://", 0) == 0;
    if (!is_https) {
        verdict.judged.push_back(finding_kind::tls_invalid);
        return;
    }
    if (last.error == error_class::tls) {
        verdict.judged.push_back(finding_kind::tls_invalid);
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::deduct, last.url,
                                      "", "certificate rejected: " + failure_text(last)});
        return;
    }
    if (!last.detail.cert_not_after)
        return; // never got as far as a handshake: cannot judge the certificate
    verdict.judged.push_back(finding_kind::tls_invalid);
    const std::int64_t expiry = *last.detail.cert_not_after;
    if (expiry <= now) {
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::deduct, last.url,
                                      "", "certificate expired " + format_iso8601(expiry)});
    } else if (expiry - now < thresholds.tls_expiry_warning) {
        verdict.candidates.push_back({finding_kind::tls_invalid, finding_severity::warn, last.url,
                                      "", "certificate expires " + format_iso8601(expiry)});
    }
}

} // namespace

availability_summary summarize_availability(const std::vector<availability_visit>& window) {
    availability_summary summary;
    for (const availability_visit& o : window) {
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

rule_verdict judge_availability(const std::vector<availability_visit>& window, std::int64_t now,
                                const availability_thresholds& thresholds) {
    rule_verdict verdict;
    judge_reachability(window, thresholds, verdict);
    if (window.empty())
        return verdict;
    judge_certificate(window.back(), now, thresholds, verdict);
    judge_ipv6(window.back().url, window.back().detail.ipv6, verdict);
    return verdict;
}

} // namespace govmon
