// The WHATWG URL parser, the RFC 3986 resolver and the crawler's normaliser on arbitrary text.
// The input is split at its first newline: an absolute URL to parse and use as the base, and a
// reference (an href, a Location value) to resolve against it and against a fixed base.
#include "probes/http/url.hpp"
#include "probes/http/url_normalize.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void resolve_everything(const govmon::http::url& base, std::string_view reference) {
    if (const auto resolved = govmon::http::resolve_url(base, reference)) {
        (void)govmon::http::parse_url(resolved->str());
    }
    if (const auto normal = govmon::http::resolve_and_normalize(base, reference)) {
        // A normalised URL is an absolute URL the crawler fetches: it must parse again.
        if (!govmon::http::parse_url(*normal)) {
            __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const auto newline = text.find('\n');
    const auto first = text.substr(0, newline);
    const auto second = newline == std::string_view::npos ? text : text.substr(newline + 1);

    (void)govmon::http::remove_dot_segments(text);
    (void)govmon::http::normalize_url(text);
    static const auto fixed_base =
        govmon::http::parse_url("https://www.example.gov.cn/a/b/c.html?q=1");
    resolve_everything(*fixed_base, second);
    if (const auto base = govmon::http::parse_url(first)) {
        (void)base->str();
        resolve_everything(*base, second);
    }
    return 0;
}
