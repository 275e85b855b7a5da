#include "daemon/common/zone_rules.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace govmon;

namespace {

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct scratch_file {
    std::string path = (std::filesystem::temp_directory_path() / "govmon-zone-rules-test").string();
    ~scratch_file() { std::filesystem::remove(path); }
    void write(const std::string& bytes) const { std::ofstream(path, std::ios::binary) << bytes; }
};

} // namespace

TEST_CASE("zones read from the tz database give their offsets") {
    const auto kolkata = zone_rules::load("Asia/Kolkata");
    REQUIRE(kolkata);
    CHECK(kolkata->name() == "Asia/Kolkata");
    CHECK(kolkata->offset_at(1795305600) == 5 * 3600 + 1800);
    const auto utc = zone_rules::load("Etc/UTC");
    REQUIRE(utc);
    CHECK(utc->offset_at(-4'000'000'000) == 0);
    CHECK(utc->offset_at(4'000'000'000) == 0);
    const auto new_york = zone_rules::load("America/New_York");
    REQUIRE(new_york);
    CHECK(new_york->offset_at(1784073600) == -4 * 3600); // 2026-07-15
    CHECK(new_york->offset_at(1768435200) == -5 * 3600); // 2026-01-15
    CHECK(new_york->offset_at(2509920000) == -4 * 3600); // 2049-07-15, past the table
    CHECK(new_york->offset_at(2494281600) == -5 * 3600); // 2049-01-15
}

TEST_CASE("a file that is not a whole TZif file is no zone, never a crash") {
    const scratch_file file;
    const std::string whole = contents("/usr/share/zoneinfo/America/New_York");
    REQUIRE(whole.size() > 100);
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{4}, std::size_t{44}, std::size_t{100}, whole.size() / 2}) {
        CAPTURE(size);
        file.write(whole.substr(0, size));
        CHECK_FALSE(zone_rules::load_file("cut", file.path));
    }
    file.write("not a zone\n");
    CHECK_FALSE(zone_rules::load_file("text", file.path));
    CHECK_FALSE(zone_rules::load_file("missing", file.path + ".missing"));
    CHECK_FALSE(zone_rules::load("Mars/Olympus"));
    CHECK_FALSE(zone_rules::load("../../etc/passwd"));
    CHECK_FALSE(zone_rules::load(""));
}
