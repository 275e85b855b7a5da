#pragma once

#include <string_view>

namespace govmon {

// EasyList as Debian's webext-ublock-origin-chromium package installs it (1.67.0 in bookworm;
// a regular file, not a link into another package). The daemon loads it when it is there.
inline constexpr std::string_view debian_easylist_path =
    "/usr/share/chromium/extensions/ublock-origin/assets/thirdparties/easylist/easylist.txt";

// The list govmon ships, relative to the project root; its text is compiled in.
inline constexpr std::string_view shipped_ad_rules = "ad-rules/cn-ad-networks.txt";
std::string_view shipped_ad_rule_text();

} // namespace govmon
