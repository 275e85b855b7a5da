#include "probes/ads/ad_keywords.hpp"

#include "text/host_names.hpp"

#include <algorithm>

namespace govmon {
bool is_ad_keyword_link(std::string_view anchor_text, std::string_view link_host,
                        std::string_view page_host, const std::vector<std::string>& keywords) {
    const std::string host = lower_ascii(link_host);
    if (host.empty() || host == lower_ascii(page_host) || is_government_host(host)) {
        return false;
    }
    const std::string text = lower_ascii(anchor_text);
    return std::any_of(keywords.begin(), keywords.end(), [&](const std::string& keyword) {
        return !keyword.empty() && text.find(lower_ascii(keyword)) != std::string::npos;
    });
}

} // namespace govmon
