#include "page_baseline.hpp"

#include "probes/site/illicit_vocabulary.hpp"
#include "text/host_names.hpp"

namespace govmon {
namespace {

std::string joined(const std::set<std::string>& hosts) {
    std::string out;
    for (const std::string& h : hosts)
        out += (out.empty() ? "" : ", ") + h;
    return out.empty() ? "none" : out;
}

std::set<std::string> unknown_hosts(const std::set<std::string>& now,
                                    const std::set<std::string>& before) {
    std::set<std::string> fresh;
    for (const std::string& host : now)
        if (!before.contains(host) && !is_government_host(host))
            fresh.insert(host);
    return fresh;
}

void learn(page_baseline& b, const page_signals& now) {
    b.signals.url = now.url;
    b.signals.title = now.title;
    b.signals.keywords = now.keywords;
    b.signals.description = now.description;
    b.signals.script_hosts.insert(now.script_hosts.begin(), now.script_hosts.end());
    b.signals.iframe_hosts.insert(now.iframe_hosts.begin(), now.iframe_hosts.end());
    for (const std::string& host : now.outbound_hosts)
        if (b.signals.outbound_hosts.size() < max_outbound_hosts)
            b.signals.outbound_hosts.insert(host);
    ++b.crawls;
}

// A field that became spam: it carries illicit vocabulary now and did not before.
void compare_field(const char* name, const std::string& before, const std::string& now,
                   std::vector<std::string>& changes) {
    if (before == now)
        return;
    const auto term = find_illicit_term(now);
    if (!term || find_illicit_term(before))
        return;
    changes.push_back(std::string(name) + " changed from \"" + before + "\" to \"" + now + "\" (" +
                      std::string(*term) + ")");
}

std::vector<std::string> deviations(const page_signals& before, const page_signals& now) {
    std::vector<std::string> changes;
    compare_field("title", before.title, now.title, changes);
    compare_field("meta keywords", before.keywords, now.keywords, changes);
    compare_field("meta description", before.description, now.description, changes);
    if (const auto fresh = unknown_hosts(now.script_hosts, before.script_hosts); !fresh.empty())
        changes.push_back("scripts from new host " + joined(fresh) +
                          " (baseline: " + joined(before.script_hosts) + ")");
    if (const auto fresh = unknown_hosts(now.iframe_hosts, before.iframe_hosts); !fresh.empty())
        changes.push_back("frames from new host " + joined(fresh) +
                          " (baseline: " + joined(before.iframe_hosts) + ")");
    return changes;
}

} // namespace

baseline_judgement judge_baselines(const std::vector<page_signals>& pages,
                                   const std::map<std::string, page_baseline>& stored) {
    baseline_judgement j;
    for (const page_signals& page : pages) {
        const auto it = stored.find(page.url);
        page_baseline b = it == stored.end() ? page_baseline{} : it->second;
        if (b.crawls < baseline_learning_crawls) {
            learn(b, page);
            j.baselines.push_back(std::move(b));
            continue;
        }
        const std::vector<std::string> changes = deviations(b.signals, page);
        if (!changes.empty()) {
            std::string detail = "疑似被篡改: the page differs from its baseline: ";
            for (std::size_t i = 0; i < changes.size(); ++i)
                detail += (i ? "; " : "") + changes[i];
            j.candidates.push_back(
                {finding_kind::tampered, finding_severity::warn, page.url, "", std::move(detail)});
        }
        j.baselines.push_back(std::move(b));
    }
    return j;
}

} // namespace govmon
