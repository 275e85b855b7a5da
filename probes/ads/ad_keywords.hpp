#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// A link whose text says it is an ad (广告, 推广, 赞助 … from `ads.keywords`) and that leads to
// another host which is not a government one: a commercial link even when no filter list knows
// the host. Hosts are compared lower-case; ASCII keywords match in any case.
bool is_ad_keyword_link(std::string_view anchor_text, std::string_view link_host,
                        std::string_view page_host, const std::vector<std::string>& keywords);

} // namespace govmon
