#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// What a request loads, as far as ABP's type options care. `other` stands for anything else,
// including a plain link the crawler follows: it is hit only by rules without a type option.
enum class resource_type : std::uint8_t {
    other,
    script,
    image,
    stylesheet,
    subdocument,
    object,
    media,
    xmlhttprequest,
    font,
    ping,
    websocket,
};

constexpr std::uint32_t type_bit(resource_type type) {
    return 1U << static_cast<unsigned>(type);
}
inline constexpr std::uint32_t all_resource_types = (1U << 11) - 1;

enum class party_filter : std::uint8_t { any, first_party, third_party };
enum class left_anchor : std::uint8_t { none, url_start, host };

// One network rule, compiled from its line.
struct network_rule {
    std::string text;    // the line as written, reported in findings
    std::string pattern; // between the anchors; lower-case unless match_case; no leading/trailing *
    left_anchor anchor = left_anchor::none;
    bool right_anchor = false;
    bool exception = false;
    bool match_case = false;
    party_filter party = party_filter::any;
    std::uint32_t types = all_resource_types;
    std::vector<std::string> include_domains; // $domain= without ~
    std::vector<std::string> exclude_domains; // $domain=~…
    std::uint32_t list = 0;                   // index of the list it came from, set by the engine
};

enum class line_kind : std::uint8_t {
    network,
    blank,
    comment,            // `!` and `[Adblock Plus …]` headers
    element_hiding,     // `##`, `#@#`, `#?#` and the other cosmetic separators
    regex,              // `/…/`: not supported
    unsupported_option, // an option this engine does not implement (popup, csp, redirect …)
    malformed,
};

struct parsed_line {
    line_kind kind = line_kind::blank;
    network_rule rule; // meaningful only when kind is network
};

// Never throws and never rejects a line by crashing: anything it does not understand is
// classified and counted by the caller.
parsed_line parse_filter_line(std::string_view line);

} // namespace govmon
