#pragma once

#include "probes/ads/filter_rule.hpp"
#include "probes/ads/rule_index.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// One request as the page makes it.
struct request_context {
    std::string_view url;       // absolute
    std::string_view page_host; // the host of the page holding the link; empty when unknown
    resource_type type = resource_type::other;
};

// The blocking rule that matched, for the finding's evidence.
struct filter_match {
    std::string rule;
    std::string list_name;
};

// What add_list made of its lines. Everything that is not a network rule is skipped, never
// an error.
struct load_stats {
    std::size_t blocking = 0;
    std::size_t exceptions = 0;
    std::size_t comments = 0;
    std::size_t element_hiding = 0;
    std::size_t regex = 0;
    std::size_t unsupported_options = 0;
    std::size_t malformed = 0;

    std::size_t network_rules() const { return blocking + exceptions; }
    std::size_t skipped() const { return element_hiding + regex + unsupported_options + malformed; }
};

// The network-rule subset of Adblock Plus filter lists: `||host^`, `|` anchors, `^`, `*`,
// `@@` exceptions, $third-party, $domain=, type options and $match-case. Rules are compiled
// into indexes, so testing a URL looks at a handful of rules however long the lists are.
class filter_engine {
public:
    void add_list(std::string_view text, std::string_view list_name);

    // Reads and adds a list file, named by its file name. False, with the reason in `error`,
    // when it cannot be read.
    [[nodiscard]] bool load_file(const std::filesystem::path& path, std::string& error);

    // The blocking rule a request hits, unless an exception rule lets it through.
    std::optional<filter_match> matches(const request_context& request) const;

    // How many rules matches() would test for this request: what the indexes keep small.
    std::size_t rules_examined(const request_context& request) const;

    load_stats stats() const { return stats_; }

private:
    struct prepared_request;
    prepared_request prepare(const request_context& request) const;
    static bool rule_applies(const network_rule& rule, const prepared_request& request);
    const network_rule* first_match(const rule_index& index, const prepared_request& request) const;

    std::vector<network_rule> rules_;
    std::vector<std::string> list_names_;
    rule_index blocking_;
    rule_index exceptions_;
    load_stats stats_;
};

} // namespace govmon
