#pragma once

// The two identifiers a government home page shows in its footer: the 网站标识码 issued by the
// national site register and the ICP 备案号 of the MIIT filing.

#include <optional>
#include <string>
#include <string_view>

namespace govmon {

struct site_identity {
    std::optional<std::string> site_code; // 网站标识码: 10 characters, 3200000001 or bm01000001
    std::optional<std::string> icp;       // 苏ICP备12345678号, 京ICP备05029117号-1
};

// Reads both from a page's markup (UTF-8). Tags, whitespace and &nbsp; are taken out first:
// footers split the numbers over spans (京<span>ICP</span>备…) and pad them with spaces, and a
// footer written by document.write still counts, as a reader sees it.
site_identity read_site_identity(std::string_view markup);

} // namespace govmon
