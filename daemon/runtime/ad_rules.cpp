#include "daemon/runtime/ad_rules.hpp"

#include "daemon/metrics/metrics.hpp"
#include "probes/ads/filter_engine.hpp"
#include "probes/ads/rule_sources.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace govmon {
namespace {

bool same_text_as_file(std::string_view text, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    const std::string contents{std::istreambuf_iterator<char>(in), {}};
    return contents == text;
}

} // namespace

std::shared_ptr<const filter_engine> ad_rules_of(const config& cfg, metrics& stats,
                                                 spdlog::logger& log) {
    auto engine = std::make_shared<filter_engine>();
    const std::string_view shipped = shipped_ad_rule_text();
    engine->add_list(shipped, "cn-ad-networks.txt");
    std::vector<std::string> files;
    for (const std::string& file : cfg.ads.rules)
        if (!same_text_as_file(shipped, file))
            files.push_back(file);
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::string(debian_easylist_path), ec))
        files.emplace_back(debian_easylist_path);
    for (const std::string& file : files) {
        std::string error;
        if (!engine->load_file(file, error)) {
            stats.count_degraded(degraded_mode::ad_list_unreadable);
            log.warn("ad rules: {}", error);
        }
    }
    log.info("ad rules: {} network rules from {} list(s)", engine->stats().network_rules(),
             files.size() + 1);
    return engine;
}

} // namespace govmon
