#include "output_file.hpp"

#include <filesystem>

namespace govmon {

std::string output_path(const std::string& given, const std::string& default_name) {
    std::error_code ec;
    if (!std::filesystem::is_directory(given, ec))
        return given;
    return (std::filesystem::path{given} / default_name).string();
}

std::string output_file_name(const std::string& period, const std::string& what,
                             const std::string& extension) {
    return "govmon-" + period + "-" + what + "." + extension;
}

} // namespace govmon
