#include "daemon/common/zone_rules.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace govmon {
namespace {

constexpr std::size_t header_size = 44;

std::int64_t big_endian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    if (width == 4)
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
}

struct tzif_counts {
    std::size_t isut, isstd, leap, time, type, chars;

    std::size_t data_size(std::size_t time_width) const {
        return time * time_width + time + type * 6 + chars + leap * (time_width + 4) + isstd + isut;
    }
};

std::optional<tzif_counts> counts_at(std::string_view file, std::size_t at) {
    if (file.size() < at + header_size || file.substr(at, 4) != "TZif")
        return std::nullopt;
    auto count = [&](int i) {
        return static_cast<std::size_t>(big_endian(file, at + 20 + 4 * i, 4));
    };
    return tzif_counts{count(0), count(1), count(2), count(3), count(4), count(5)};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A POSIX TZ footer such as "EST5EDT,M3.2.0,M11.1.0" names a daylight-saving rule; "CST-8" has
// none, and the last offset of the table then holds for ever.
bool footer_has_rule(std::string_view file, std::size_t footer_at) {
    if (footer_at >= file.size())
        return false;
    const std::string_view footer = file.substr(footer_at);
    const std::size_t end = footer.find('\n', 1);
    return footer.substr(0, end).find(',') != std::string_view::npos;
}

// 28 Gregorian years without a skipped leap day: the same weekdays on the same dates, so a rule
// such as "second Sunday of March" falls on the same day 28 years earlier (exact 1901-2099).
constexpr std::int64_t calendar_cycle = 28LL * 365 * 86400 + 7LL * 86400;

} // namespace

std::optional<zone_rules> zone_rules::load(const std::string& name) {
    if (name.empty() || name.find("..") != std::string::npos || name.front() == '/')
        return std::nullopt;
    return load_file(name, "/usr/share/zoneinfo/" + name);
}

std::optional<zone_rules> zone_rules::load_file(const std::string& name, const std::string& path) {
    const std::string file = read_file(path);
    const auto v1 = counts_at(file, 0);
    if (!v1)
        return std::nullopt;
    // Version 2 and later repeat the data with 64-bit times after the 32-bit block.
    std::size_t at = 0, width = 4;
    tzif_counts counts = *v1;
    if (file[4] >= '2') {
        at = header_size + v1->data_size(4);
        const auto v2 = counts_at(file, at);
        if (!v2)
            return std::nullopt;
        counts = *v2;
        width = 8;
    }
    const std::size_t data = at + header_size;
    if (file.size() < data + counts.data_size(width) || counts.type == 0)
        return std::nullopt;
    const std::size_t type_indices = data + counts.time * width;
    const std::size_t types = type_indices + counts.time;
    auto offset_of_type = [&](std::size_t type) -> std::optional<long> {
        if (type >= counts.type)
            return std::nullopt;
        return static_cast<long>(big_endian(file, types + type * 6, 4));
    };

    zone_rules rules;
    rules.name_ = name;
    rules.first_offset_ = *offset_of_type(0);
    for (std::size_t i = 0; i < counts.time; ++i) {
        const auto offset = offset_of_type(static_cast<unsigned char>(file[type_indices + i]));
        if (!offset)
            return std::nullopt;
        rules.transitions_.push_back(big_endian(file, data + i * width, width));
        rules.offsets_.push_back(*offset);
    }
    rules.repeats_after_last_ = width == 8 && !rules.transitions_.empty() &&
                                footer_has_rule(file, data + counts.data_size(width));
    return rules;
}

zone_rules zone_rules::utc() {
    zone_rules rules;
    rules.name_ = "UTC";
    return rules;
}

long zone_rules::offset_at(std::int64_t utc_seconds) const noexcept {
    if (transitions_.empty() || utc_seconds < transitions_.front())
        return first_offset_;
    // Past the table (fat TZif files end in 2037) a zone with a daylight-saving rule goes on
    // as it did one calendar cycle earlier.
    while (repeats_after_last_ && utc_seconds >= transitions_.back() + 86400)
        utc_seconds -= calendar_cycle;
    const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), utc_seconds);
    return offsets_[static_cast<std::size_t>(after - transitions_.begin()) - 1];
}

std::int64_t zone_rules::utc_of_local(std::int64_t local_seconds) const noexcept {
    const long guess = offset_at(local_seconds);
    const long offset = offset_at(local_seconds - guess);
    if (offset_at(local_seconds - offset) == offset)
        return local_seconds - offset;
    return local_seconds - guess;
}

} // namespace govmon
