#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

const std::vector<std::string>& known_platforms();   // web weibo wechat ... feed
const std::vector<std::string>& known_contents();    // "" text video app
const std::vector<std::string>& column_categories(); // news notice personnel
const std::vector<std::string>& site_levels();       // 省级 市级 县级 其他

bool is_known_platform(std::string_view name);
bool is_known_content(std::string_view name);
bool is_column_category(std::string_view name);
bool is_site_level(std::string_view name);

// Absolute http:// or https:// URL with a host (and a port in range, if any).
bool is_http_url(std::string_view url);

// Also true for smtp:// and smtps:// when `schemes` says so.
bool is_absolute_url(std::string_view url, const std::vector<std::string_view>& schemes);

// Good enough to catch typos and pasted names: local@domain.tld, no spaces, one '@'.
bool is_email_address(std::string_view text);

bool is_ip_address(std::string_view text); // IPv4 or IPv6 literal, no brackets

// "127.0.0.1:9464", "[::1]:9464", "localhost:9464", "0.0.0.0:9464".
bool is_host_port(std::string_view text);

// "host" or "host:port", as in curl --resolve.
bool is_host_with_optional_port(std::string_view text);

// Registry status: 正常/active/"" -> true, 关停/注销/closed -> false, anything else nullopt.
std::optional<bool> parse_account_status(std::string_view status);

std::string join(const std::vector<std::string>& words, std::string_view separator);

} // namespace govmon
