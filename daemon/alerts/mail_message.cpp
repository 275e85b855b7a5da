#include "daemon/alerts/mail_message.hpp"

#include "daemon/common/base64.hpp"
#include "daemon/common/time_zone.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace govmon {
namespace {

constexpr std::string_view crlf = "\r\n";
constexpr std::size_t base64_line = 76;
// An encoded word is at most 75 characters: "=?UTF-8?B?" + 60 base64 characters + "?=" is 72,
// and 60 base64 characters carry 45 bytes.
constexpr std::size_t encoded_word_bytes = 45;
constexpr std::size_t folded_line_limit = 76;

std::string without_controls(std::string_view value) {
    std::string out(value);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return out;
}

bool needs_encoding(std::string_view text, std::size_t header_name_length) {
    std::size_t word = header_name_length + 2;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x7f || u < 0x20)
            return true;
        word = c == ' ' ? 0 : word + 1;
        if (word > folded_line_limit)
            return true;
    }
    // "=?" in plain text would be read back as the start of an encoded word.
    return text.find("=?") != std::string_view::npos;
}

// The length of the longest prefix of `text` of at most `limit` bytes that ends on a UTF-8
// character boundary (a continuation byte is never the first of a chunk).
std::size_t utf8_chunk(std::string_view text, std::size_t limit) {
    if (text.size() <= limit)
        return text.size();
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return n == 0 ? limit : n;
}

std::string base64_lines(std::string_view bytes) {
    const std::string encoded = base64_encode(bytes);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += base64_line) {
        out += encoded.substr(i, base64_line);
        out += crlf;
    }
    return out;
}

std::string domain_of(std::string_view address) {
    const auto at = address.rfind('@');
    return at == std::string_view::npos ? std::string("govmon.invalid")
                                        : std::string(address.substr(at + 1));
}

// Base64 never contains "=_", so the boundary cannot occur inside an encoded part.
std::string boundary_for(const mail_message& m) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : m.message_id)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    static constexpr char hex[] = "0123456789abcdef";
    std::string b = "=_govmon_";
    for (int i = 0; i < 16; ++i)
        b += hex[(h >> (i * 4)) & 0xF];
    return b;
}

void add_header(std::string& out, std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += crlf;
}

std::string address_list(const std::vector<std::string>& addresses) {
    std::string list;
    for (const std::string& a : addresses) {
        if (!list.empty())
            list += ",\r\n ";
        list += without_controls(a);
    }
    return list;
}

// RFC 2045: text is encoded with CRLF line ends, whatever the composer wrote.
std::string with_crlf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            out += '\r';
        out += text[i];
    }
    return out;
}

void add_part(std::string& out, const std::string& boundary, std::string_view type,
              std::string_view body) {
    out += "--" + boundary + "\r\n";
    add_header(out, "Content-Type", std::string(type) + "; charset=UTF-8");
    add_header(out, "Content-Transfer-Encoding", "base64");
    out += crlf;
    out += base64_lines(with_crlf(body));
}

} // namespace

std::string encode_header_text(std::string_view utf8, std::size_t header_name_length) {
    const std::string clean = without_controls(utf8);
    if (!needs_encoding(clean, header_name_length))
        return clean;
    std::string out;
    std::string_view rest = clean;
    while (!rest.empty()) {
        const std::size_t n = utf8_chunk(rest, encoded_word_bytes);
        if (!out.empty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + base64_encode(rest.substr(0, n)) + "?=";
        rest.remove_prefix(n);
    }
    return out;
}

std::string rfc5322_date(std::int64_t epoch_seconds, const zone_rules& zone) {
    const local_time local = local_time_of(epoch_seconds, zone);
    static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const long offset_minutes =
        (local.offset_seconds < 0 ? -local.offset_seconds : local.offset_seconds) / 60;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
                  days[local.weekday], local.day, months[local.month - 1], local.year, local.hour,
                  local.minute, local.second, local.offset_seconds < 0 ? '-' : '+',
                  offset_minutes / 60, offset_minutes % 60);
    return buffer;
}

std::string render_message(const mail_message& m) {
    const std::string boundary = boundary_for(m);
    std::string out;
    add_header(out, "Date", rfc5322_date(m.date, m.zone ? *m.zone : *default_time_zone()));
    const std::string from = without_controls(m.from_address);
    add_header(out, "From",
               m.from_name.empty() ? from : encode_display_name(m.from_name) + " <" + from + ">");
    add_header(out, "To", address_list(m.to));
    add_header(out, "Subject", encode_header_text(m.subject, 7));
    add_header(out, "Message-ID", "<" + without_controls(m.message_id) + ">");
    add_header(out, "MIME-Version", "1.0");
    add_header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
    add_header(out, "Auto-Submitted", "auto-generated");
    out += crlf;
    add_part(out, boundary, "text/plain", m.text);
    add_part(out, boundary, "text/html", m.html);
    out += "--" + boundary + "--\r\n";
    return out;
}

std::string message_id_domain(std::string_view from_address) {
    return domain_of(from_address);
}

std::string encode_display_name(std::string_view utf8) {
    for (char c : utf8)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != ' ' && c != '-' && c != '_')
            return "=?UTF-8?B?" + base64_encode(without_controls(utf8)) + "?=";
    return std::string(utf8);
}

} // namespace govmon
