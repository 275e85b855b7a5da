#include "daemon/runtime/text_rules.hpp"

#include "daemon/metrics/metrics.hpp"
#include "probes/content/content_rules.hpp"
#include "probes/content/text_check.hpp"

#include <fstream>
#include <iterator>
#include <string>

namespace govmon {

std::shared_ptr<const text_checker> text_rules_of(const config& cfg, metrics& stats,
                                                  spdlog::logger& log) {
    content_rule_list all =
        parse_content_rules(shipped_content_rule_text(), shipped_content_rules_name);
    for (const std::string& file : cfg.content.rules) {
        std::ifstream in(file, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        content_rule_list local = parse_content_rules(text, file);
        if (!in || !local.errors.empty()) {
            stats.count_degraded(degraded_mode::content_list_unreadable);
            log.warn("content rules: {} could not be read or has bad lines; not used", file);
            continue;
        }
        std::move(local.rules.begin(), local.rules.end(), std::back_inserter(all.rules));
    }
    log.info("content rules: {} entries from {} list(s)", all.rules.size(),
             cfg.content.rules.size() + 1);
    return std::make_shared<const text_checker>(std::move(all.rules));
}

} // namespace govmon
