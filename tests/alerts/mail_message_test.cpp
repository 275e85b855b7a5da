#include "daemon/alerts/mail_message.hpp"
#include "daemon/common/base64.hpp"
#include "daemon/common/time_zone.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace govmon;

namespace {

std::string base64_decode(const std::string& text) {
    static const std::string alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    int bits = 0;
    std::uint32_t value = 0;
    for (char c : text) {
        const auto pos = alphabet.find(c);
        if (pos == std::string::npos)
            continue;
        value = value << 6 | static_cast<std::uint32_t>(pos);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>(value >> bits & 0xFF);
        }
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& message) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = message.find("\r\n", start)) != std::string::npos; start = end + 2)
        lines.push_back(message.substr(start, end - start));
    return lines;
}

// The header block, unfolded: one entry per header.
std::vector<std::string> headers_of(const std::string& message) {
    std::vector<std::string> headers;
    for (const std::string& line : lines_of(message)) {
        if (line.empty())
            break;
        if (line[0] == ' ' || line[0] == '\t')
            headers.back() += line;
        else
            headers.push_back(line);
    }
    return headers;
}

std::string decode_words(const std::string& value) {
    std::string out;
    std::size_t pos = 0;
    while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
        const auto end = value.find("?=", pos + 10);
        out += base64_decode(value.substr(pos + 10, end - pos - 10));
        pos = end + 2;
    }
    return out;
}

mail_message sample() {
    mail_message m;
    m.from_address = "govmon@example.gov.cn";
    m.from_name = "govmon 政务监测";
    m.to = {"web@hubei.gov.cn", "ops@example.gov.cn"};
    m.subject = "【单项否决】湖北发布（微博）：账号超过两周未更新（“僵尸”账号）";
    m.date = 1795500000;
    m.message_id = "govmon.veto.1.abc@example.gov.cn";
    m.text = "湖北发布已 15 天未更新。\n";
    m.html = "<p>湖北发布已 15 天未更新。</p>";
    return m;
}

} // namespace

TEST_CASE("base64 matches RFC 4648 test vectors") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foo") == "Zm9v");
    CHECK(base64_encode("foobar") == "Zm9vYmFy");
}

TEST_CASE("a Chinese subject becomes encoded words that decode back and fit the line limit") {
    const std::string subject = sample().subject;
    const std::string encoded = encode_header_text(subject, 7);
    CHECK(decode_words(encoded) == subject);
    std::istringstream lines(encoded);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        CHECK(line.size() <= 76);
    }
}

TEST_CASE("plain ASCII subjects stay readable; '=?' in plain text is encoded") {
    CHECK(encode_header_text("Weekly digest", 7) == "Weekly digest");
    CHECK(encode_header_text("a =?b", 7).rfind("=?UTF-8?B?", 0) == 0);
}

TEST_CASE("CR and LF in header values can never start a header of their own") {
    mail_message m = sample();
    m.subject = "x\r\nBcc: victim@example.com";
    m.from_name = "ops\nBcc: victim@example.com";
    m.message_id = "id\r\nBcc: victim@example.com@example.gov.cn";
    m.to = {"web@hubei.gov.cn\r\nBcc: victim@example.com"};
    for (const std::string& header : headers_of(render_message(m)))
        CHECK(header.rfind("Bcc:", 0) != 0);
}

TEST_CASE("a rendered message has the headers clients need and two base64 parts") {
    set_default_time_zone("Asia/Shanghai");
    const std::string message = render_message(sample());
    const auto headers = headers_of(message);
    auto header = [&](const std::string& name) {
        for (const std::string& h : headers)
            if (h.rfind(name + ": ", 0) == 0)
                return h.substr(name.size() + 2);
        return std::string();
    };
    CHECK(header("Date") == "Tue, 24 Nov 2026 14:00:00 +0800");
    CHECK(header("Message-ID") == "<govmon.veto.1.abc@example.gov.cn>");
    CHECK(header("MIME-Version") == "1.0");
    CHECK(header("To") == "web@hubei.gov.cn, ops@example.gov.cn");
    CHECK(decode_words(header("Subject")) == sample().subject);
    CHECK(decode_words(header("From")) == "govmon 政务监测");
    CHECK(header("From").find("<govmon@example.gov.cn>") != std::string::npos);
    CHECK(header("Content-Type").find("multipart/alternative") == 0);
    CHECK(message.find("Content-Type: text/plain; charset=UTF-8") != std::string::npos);
    CHECK(message.find("Content-Type: text/html; charset=UTF-8") != std::string::npos);
    CHECK(message.find(base64_encode("湖北发布已 15 天未更新。\r\n")) != std::string::npos);
    for (const std::string& line : lines_of(message))
        CHECK(line.size() <= 998);
    CHECK(message.find('\n') == message.find("\r\n") + 1);
}

TEST_CASE("text parts are encoded with CRLF line ends") {
    mail_message m = sample();
    m.text = "a\nb\r\nc";
    CHECK(render_message(m).find(base64_encode("a\r\nb\r\nc")) != std::string::npos);
}

TEST_CASE("a display name with a comma or quote is always encoded") {
    CHECK(encode_display_name("govmon") == "govmon");
    CHECK(encode_display_name("ops, \"team\"").rfind("=?UTF-8?B?", 0) == 0);
}

TEST_CASE("a message's Date is in its own zone, whatever the default zone is") {
    REQUIRE(set_default_time_zone("UTC"));
    mail_message m = sample();
    m.zone = load_time_zone("Asia/Shanghai");
    CHECK(render_message(m).find("Date: Tue, 24 Nov 2026 14:00:00 +0800\r\n") != std::string::npos);
    CHECK(rfc5322_date(m.date, *load_time_zone("America/New_York")) ==
          "Tue, 24 Nov 2026 01:00:00 -0500");
    REQUIRE(set_default_time_zone("Asia/Shanghai"));
}
