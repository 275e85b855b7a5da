#pragma once

#include "probes/http/header_field.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

// Why an error response says nothing about the resource it answers for: a firewall asked the
// client to prove it is a browser (Cloudflare's 403/503 `cf-mitigated: challenge`, 加速乐's 521
// JavaScript cookie page, 瑞数-style 412 script pages, 安全狗 and 云锁 interstitials) or the
// server rate-limited it (429). A reader's browser passes these, so a link answered this way is
// "unknown / blocked", never broken. nullopt for an ordinary answer and for every 1xx-3xx.
// `body` is the decoded body (its first bytes suffice).
std::optional<std::string> block_reason(int status, const std::vector<header_field>& headers,
                                        std::string_view body);

} // namespace govmon::http
