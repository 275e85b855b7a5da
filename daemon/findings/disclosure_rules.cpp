#include "disclosure_rules.hpp"

#include "daemon/common/time_zone.hpp"

namespace govmon {
namespace {

// The report is due by 31 January: the rule speaks from February on.
constexpr int first_judged_month = 2;

void judge_annual_report(const home_facts& facts, const std::string& home_url, std::int64_t now,
                         rule_verdict& v) {
    v.judged.push_back(finding_kind::annual_report_missing);
    const local_time local = local_time_of(now, *default_time_zone());
    if (local.month < first_judged_month)
        return;
    const int due_year = local.year - 1;
    std::string seen;
    for (const annual_report_link& link : facts.annual_reports) {
        if (!link.year || *link.year >= due_year)
            return;
        seen += (seen.empty() ? "" : "；") + ("《" + link.text + "》 " + link.url);
    }
    std::string detail = "首页未发现" + std::to_string(due_year) +
                         "年度政府网站工作年度报表的链接（应于" + std::to_string(local.year) +
                         "年1月31日前公开）；";
    detail += seen.empty()
                  ? "首页" + std::to_string(facts.links) + "个链接中没有名为“年度报表”的链接"
                  : "首页的年度报表链接只有：" + seen;
    v.candidates.push_back(
        {finding_kind::annual_report_missing, finding_severity::deduct, home_url, "", detail});
}

void judge_identity(const site_identity& identity, const std::string& home_url,
                    const std::string& expected_site_code, rule_verdict& v) {
    v.judged.push_back(finding_kind::site_identity_missing);
    std::string problems;
    const auto add = [&](const std::string& p) { problems += (problems.empty() ? "" : "；") + p; };
    if (!identity.site_code)
        add("首页页脚未标注网站标识码");
    else if (!expected_site_code.empty() && *identity.site_code != expected_site_code)
        add("页脚网站标识码“" + *identity.site_code + "”与登记的“" + expected_site_code +
            "”不一致");
    if (!identity.icp)
        add("首页页脚未标注ICP备案号");
    if (problems.empty())
        return;
    std::string shown;
    if (identity.site_code)
        shown += "网站标识码：" + *identity.site_code;
    if (identity.icp)
        shown += (shown.empty() ? "" : "，") + ("ICP备案号：" + *identity.icp);
    problems += shown.empty() ? "（在首页源代码中查找“网站标识码”和“ICP备”，均未找到）"
                              : "（页脚已标注" + shown + "）";
    v.candidates.push_back(
        {finding_kind::site_identity_missing, finding_severity::deduct, home_url, "", problems});
}

} // namespace

rule_verdict judge_disclosures(const crawl_result& crawl, const std::string& home_url,
                               std::int64_t now, const std::string& expected_site_code) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.home_details)
        return v;
    judge_annual_report(*crawl.home_details, home_url, now, v);
    judge_identity(crawl.home_details->identity, home_url, expected_site_code, v);
    return v;
}

} // namespace govmon
