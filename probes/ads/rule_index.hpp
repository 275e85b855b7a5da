#pragma once

#include "probes/ads/filter_rule.hpp"
#include "text/host_names.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace govmon {

// Where a rule can be found from a URL without scanning the list, as uBlock Origin and Brave
// do: `||host^` rules by their host, which a URL's host suffixes look up label by label; other
// rules by one literal token that every URL they match must contain as a whole token; the few
// rules without such a token in a small bucket every URL scans.
class rule_index {
public:
    void add(const network_rule& rule, std::uint32_t id);

    // Every rule that might match the URL (lower-cased) with this host, each once, in no
    // particular order; the caller still tests each one.
    void candidates(std::string_view lower_url, host_span host,
                    std::vector<std::uint32_t>& out) const;

private:
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_host_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_token_;
    std::vector<std::uint32_t> tokenless_;
};

} // namespace govmon
