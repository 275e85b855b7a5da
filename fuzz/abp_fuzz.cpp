// The Adblock Plus rule parser and engine on arbitrary text: every line but the last is a
// filter rule, the last line a request URL tested against them as each resource type.
#include "probes/ads/filter_engine.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto last_newline = text.rfind('\n');
    const auto rules = last_newline == std::string_view::npos ? text : text.substr(0, last_newline);
    const auto url = last_newline == std::string_view::npos ? text : text.substr(last_newline + 1);

    govmon::filter_engine engine;
    engine.add_list(rules, "fuzz");
    for (unsigned type = 0; type <= static_cast<unsigned>(govmon::resource_type::websocket);
         ++type) {
        const govmon::request_context request{url, "www.example.gov.cn",
                                              static_cast<govmon::resource_type>(type)};
        (void)engine.matches(request);
        (void)engine.rules_examined(request);
        (void)engine.matches({url, {}, static_cast<govmon::resource_type>(type)});
    }
    return 0;
}
