#include "tamper_rules.hpp"

#include <map>

namespace govmon {
namespace {

std::string terms_of(const own_page_illicit& why) {
    std::string out;
    for (const std::string& term : why.terms)
        out += (out.empty() ? "" : ", ") + term;
    return out;
}

std::string title_swap_sign(const std::string& title, const title_swap& swap) {
    const std::string swapped =
        swap.swapped_title.empty() ? "changes it" : "sets it to \"" + swap.swapped_title + "\"";
    std::string sign = "search engines are shown the <title> \"" + title +
                       "\" and an inline script that tests the User-Agent for a search engine " +
                       swapped + " for everyone else";
    if (swap.scripts > 1)
        sign += " (" + std::to_string(swap.scripts) + " such scripts)";
    return sign + ": \"" + swap.excerpt + "\"";
}

std::string hijack_sign(const referrer_hijack& hijack) {
    std::string sign = "an inline script sends visitors arriving from a search engine "
                       "(document.referrer) elsewhere by " +
                       hijack.actions;
    if (!hijack.target_host.empty())
        sign += ", to " + hijack.target_host;
    return sign + ": \"" + hijack.excerpt + "\" (escapes decoded)";
}

class tamper_signs {
public:
    void add(const std::string& url, const std::string& source, const std::string& sign) {
        auto [it, fresh] = signs_.try_emplace(url, source, std::vector<std::string>{});
        it->second.second.push_back(sign);
        if (fresh)
            order_.push_back(url);
    }

    void into(rule_verdict& v) const {
        for (const std::string& url : order_) {
            const auto& [source, signs] = signs_.at(url);
            std::string detail = "疑似被篡改: ";
            for (std::size_t i = 0; i < signs.size(); ++i)
                detail += (i ? "; " : "") + signs[i];
            v.candidates.push_back(
                {finding_kind::tampered, finding_severity::warn, url, source, std::move(detail)});
        }
    }

private:
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> signs_;
    std::vector<std::string> order_;
};

constexpr std::string_view baseline_prefix = "疑似被篡改: ";

} // namespace

rule_verdict judge_tampering(const crawl_result& crawl, const std::string& home_url,
                             const std::vector<finding_candidate>& baseline_candidates) {
    rule_verdict v;
    if (!crawl.home.ok || !crawl.home_reading)
        return v;
    v.judged.push_back(finding_kind::tampered);
    tamper_signs signs;
    for (const illicit_own_page& page : crawl.illicit_pages)
        signs.add(page.url, "",
                  "the page's " + page.why.field + " carries gambling/porn vocabulary (" +
                      terms_of(page.why) + "): \"" + page.why.excerpt + "\"");
    for (const kit_page& page : crawl.script_kits) {
        if (page.kit.swap)
            signs.add(page.url, "", title_swap_sign(page.title, *page.kit.swap));
        if (page.kit.hijack)
            signs.add(page.url, "", hijack_sign(*page.kit.hijack));
    }
    for (const cloaked_fetch& c : crawl.cloaking)
        signs.add(home_url, "",
                  "fetched with " + c.request + " (" + c.variant + "), the home page " +
                      c.difference);
    for (const flagged_link& p : crawl.parked)
        signs.add(p.url, p.page,
                  "the external link's domain looks lapsed, parked or for sale: " + p.reason);
    for (const finding_candidate& c : baseline_candidates) {
        std::string sign = c.detail;
        if (sign.starts_with(baseline_prefix))
            sign.erase(0, baseline_prefix.size());
        signs.add(c.url, c.source, sign);
    }
    signs.into(v);
    return v;
}

} // namespace govmon
