#include "text/charset_names.hpp"

#include "text/ascii_text.hpp"

#include <algorithm>
#include <array>

namespace govmon {
namespace {

struct charset_label {
    std::string_view label;
    std::string_view encoding;
};

// The WHATWG label table, for the encodings Chinese sites use (plus "euc-cn", which they send).
constexpr std::array<charset_label, 50> known_labels{{
    {"utf-8", "utf-8"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"gb18030", "gb18030"},
    {"gbk", "gb18030"},
    {"gb2312", "gb18030"},
    {"gb_2312", "gb18030"},
    {"gb_2312-80", "gb18030"},
    {"x-gbk", "gb18030"},
    {"chinese", "gb18030"},
    {"csgb2312", "gb18030"},
    {"iso-ir-58", "gb18030"},
    {"csiso58gb231280", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"windows-936", "gb18030"},
    {"euc-cn", "gb18030"},
    {"big5", "big5"},
    {"big5-hkscs", "big5"},
    {"cn-big5", "big5"},
    {"csbig5", "big5"},
    {"x-x-big5", "big5"},
    {"utf-16", "utf-16le"},
    {"utf-16le", "utf-16le"},
    {"unicode", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"csunicode", "utf-16le"},
    {"iso-10646-ucs-2", "utf-16le"},
    {"unicodefeff", "utf-16le"},
    {"utf-16be", "utf-16be"},
    {"unicodefffe", "utf-16be"},
    {"windows-1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"l1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
}};

} // namespace

std::optional<std::string_view> whatwg_encoding(std::string_view label) {
    const std::string name = lower_ascii(trim_ascii_space(label));
    const auto known = std::find_if(known_labels.begin(), known_labels.end(),
                                    [&](const charset_label& l) { return l.label == name; });
    if (known == known_labels.end())
        return std::nullopt;
    return known->encoding;
}

std::string iconv_name(std::string_view encoding) {
    if (encoding == "gb18030")
        return "GB18030";
    if (encoding == "big5")
        return "BIG5-HKSCS"; // WHATWG's big5 is Big5-HKSCS
    if (encoding == "windows-1252")
        return "CP1252";
    return std::string{encoding};
}

} // namespace govmon
