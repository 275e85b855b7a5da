#include "probes/accounts/post_markup.hpp"

#include "text/ascii_text.hpp"
#include "text/utf8_reader.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace govmon {
namespace {

// The entity at `html[at]` ('&'), appended to `out`; the bytes it took, 0 when it is none.
std::size_t decode_entity(std::string_view html, std::size_t at, std::string& out) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> named{{
        {"&amp;", "&"},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&quot;", "\""},
        {"&apos;", "'"},
        {"&nbsp;", " "},
    }};
    const std::string_view rest = html.substr(at);
    for (const auto& [entity, text] : named)
        if (rest.starts_with(entity)) {
            out += text;
            return entity.size();
        }
    if (!rest.starts_with("&#"))
        return 0;
    const bool hex = rest.size() > 2 && (rest[2] == 'x' || rest[2] == 'X');
    const std::size_t digits = hex ? 3 : 2;
    const std::size_t semi = rest.find(';');
    if (semi == std::string_view::npos || semi <= digits || semi > digits + 7)
        return 0;
    std::uint32_t cp = 0;
    const auto [end, ec] =
        std::from_chars(rest.data() + digits, rest.data() + semi, cp, hex ? 16 : 10);
    if (ec != std::errc{} || end != rest.data() + semi || cp == 0 || cp > 0x10FFFF)
        return 0;
    append_utf8(out, static_cast<char32_t>(cp));
    return semi + 1;
}

bool breaks_line(std::string_view tag) {
    const std::string name = lower_ascii(tag.substr(0, tag.find_first_of(" \t\r\n/>")));
    return name == "br" || name == "p" || name == "/p" || name == "div" || name == "/div" ||
           name == "li";
}

} // namespace

std::string text_of_markup(std::string_view html, std::size_t max_bytes) {
    std::string out;
    for (std::size_t i = 0; i < html.size() && out.size() < max_bytes;) {
        if (html[i] == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos)
                break;
            if (breaks_line(html.substr(i + 1, close - i - 1)))
                out += '\n';
            i = close + 1;
        } else if (html[i] == '&') {
            const std::size_t used = decode_entity(html, i, out);
            if (used == 0)
                out += '&';
            i += used == 0 ? 1 : used;
        } else {
            out += html[i++];
        }
    }
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    return out;
}

} // namespace govmon
