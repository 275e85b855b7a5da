#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Small byte-level text helpers shared by the account probes. They work on UTF-8 bytes and only
// fold ASCII case, so Chinese markers are matched exactly.
namespace govmon::account_text {

// True when `haystack` contains `needle`, ASCII letters compared case-insensitively.
bool contains_icase(std::string_view haystack, std::string_view needle) noexcept;

// Position of `needle` in `haystack` at or after `from`, ASCII case folded; npos if absent.
std::size_t find_icase(std::string_view haystack, std::string_view needle,
                       std::size_t from = 0) noexcept;

// `text` without leading/trailing ASCII whitespace and without a leading UTF-8 BOM.
std::string_view trim(std::string_view text) noexcept;

// True when the body is an HTML document (by its first bytes, or by a text/html content type
// when the body does not start like XML or JSON).
bool looks_like_html(std::string_view content_type, std::string_view body) noexcept;

// True when the body starts like an RSS, RDF or Atom document (or any XML declaration).
bool looks_like_feed(std::string_view body) noexcept;

// True when the body starts like a JSON object or array.
bool looks_like_json(std::string_view body) noexcept;

// True when the text says the user/account does not exist or was cancelled (用户不存在,
// 账号已注销, "user not found"…): the only wording trusted as evidence of a gone account.
bool says_account_missing(std::string_view text) noexcept;

// RFC 3986 unreserved characters stay, every other byte becomes %XX (upper-case hex).
std::string percent_encode(std::string_view text);

// %XX sequences decoded; malformed escapes are kept as they are.
std::string percent_decode(std::string_view text);

} // namespace govmon::account_text
