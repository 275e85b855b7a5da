#include "ipv6_rule.hpp"

namespace govmon {

void judge_ipv6(const std::string& url, const ipv6_facts& ipv6, rule_verdict& verdict) {
    if (!ipv6.has_aaaa)
        return; // the lookup itself failed
    verdict.judged.push_back(finding_kind::ipv6_missing);
    if (!*ipv6.has_aaaa) {
        verdict.candidates.push_back(
            {finding_kind::ipv6_missing, finding_severity::deduct, url, "", "no AAAA record"});
        return;
    }
    if (ipv6.reachable == false)
        verdict.candidates.push_back(
            {finding_kind::ipv6_missing, finding_severity::deduct, url, "",
             "AAAA record but no answer over IPv6" +
                 (ipv6.detail.empty() ? std::string{} : ": " + ipv6.detail)});
}

} // namespace govmon
