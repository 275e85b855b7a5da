#include "daemon/cli/output_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace govmon;

TEST_CASE("--output naming a directory gets the file name a timer can rely on") {
    const auto dir = std::filesystem::temp_directory_path();
    CHECK(output_path(dir.string(), output_file_name("2026Q3", "report", "html")) ==
          (dir / "govmon-2026Q3-report.html").string());
    CHECK(output_path(dir.string(), output_file_name("2026Q3", "observations", "csv")) ==
          (dir / "govmon-2026Q3-observations.csv").string());
    CHECK(output_file_name("2026-07-01_2026-10-01", "observations", "jsonl") ==
          "govmon-2026-07-01_2026-10-01-observations.jsonl");
}

TEST_CASE("--output naming a file (existing or not) is used as it is") {
    const auto file = std::filesystem::temp_directory_path() / "govmon-no-such-dir" / "x.html";
    CHECK(output_path(file.string(), "govmon-2026Q3-report.html") == file.string());
    CHECK(output_path("/dev/null", "govmon-2026Q3-report.html") == "/dev/null");
}
