#include "daemon/alerts/smtp_credentials.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace govmon {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

void strip_line_end(std::string& line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();
}

std::optional<smtp_credentials> read_file(const std::string& path, std::string& error) {
    std::ifstream in(path);
    smtp_credentials c;
    if (!in || !std::getline(in, c.user) || !std::getline(in, c.password)) {
        error = "SMTP credentials file " + path +
                " cannot be read or lacks its two lines (user, then password)";
        return std::nullopt;
    }
    strip_line_end(c.user);
    strip_line_end(c.password);
    return c;
}

} // namespace

std::optional<smtp_credentials> load_smtp_credentials(const std::string& credentials_file,
                                                      std::string& error) {
    if (const std::string user = environment("GOVMON_SMTP_USER"); !user.empty())
        return smtp_credentials{user, environment("GOVMON_SMTP_PASSWORD")};
    if (!credentials_file.empty())
        return read_file(credentials_file, error);
    if (const std::string dir = environment("CREDENTIALS_DIRECTORY"); !dir.empty()) {
        const std::string path = dir + "/smtp";
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec))
            return read_file(path, error);
    }
    return smtp_credentials{};
}

} // namespace govmon
