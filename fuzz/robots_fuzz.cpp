// The robots.txt reader on arbitrary text, then the verdict for a few paths and for the input's
// last line read as a path.
#include "probes/http/robots.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto rules =
        govmon::http::robots_rules::parse(text, "govmon/0.1 (+https://example.gov.cn)");
    const auto last_line =
        text.substr(text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1);
    for (const std::string_view path : {std::string_view{"/"}, std::string_view{"/index.html?a=b"},
                                        std::string_view{"/a/b/c$"}, last_line}) {
        (void)rules.allows(path);
    }
    return 0;
}
