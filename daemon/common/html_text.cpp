#include "daemon/common/html_text.hpp"

#include "text/utf8_reader.hpp"

namespace govmon {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            out.append(replacement_character);
            ++i;
            continue;
        }
        const char c = text[i];
        switch (c) {
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        case '\'':
            out.append("&#39;");
            break;
        default:
            if (length == 1 && static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
                c != '\r')
                out.append(replacement_character);
            else
                out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

} // namespace govmon
