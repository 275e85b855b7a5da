// docs/metrics.md against what /metrics exposes, so that the list of series cannot drift.
#include "daemon/metrics/metrics.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using govmon::metrics;

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// Family name -> type, from the exposition's `# TYPE name type` lines.
std::map<std::string, std::string> exposed_families(const std::string& exposition) {
    std::map<std::string, std::string> families;
    std::istringstream lines(exposition);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("# TYPE ", 0) != 0)
            continue;
        std::istringstream words(line.substr(7));
        std::string name;
        std::string type;
        words >> name >> type;
        families[name] = type;
    }
    return families;
}

// Metric name -> type, from the rows of docs/metrics.md's `| metric | type | labels | meaning |`
// table: a row's first cell is the name in backticks.
std::map<std::string, std::string> documented_families(const std::string& doc) {
    std::map<std::string, std::string> families;
    std::istringstream lines(doc);
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (line == "| metric | type | labels | meaning |") {
            in_table = true;
            std::getline(lines, line); // the |---| separator
            continue;
        }
        if (!in_table || line.rfind("| `", 0) != 0) {
            in_table = false;
            continue;
        }
        const auto name_end = line.find('`', 3);
        const auto type_start = line.find("| ", name_end) + 2;
        const auto type_end = line.find(" |", type_start);
        families[line.substr(3, name_end - 3)] = line.substr(type_start, type_end - type_start);
    }
    return families;
}

} // namespace

TEST_CASE("docs/metrics.md lists exactly the families /metrics exposes, with their types") {
    metrics m("1.0");
    m.declare_site("hb-portal", "hb-gov-office");
    m.declare_account("hb-weibo", "weibo", "hb-gov-office");
    // A certificate's expiry has no meaningful 0: the series appears with the first TLS visit.
    m.set_tls_expiry("hb-portal", 1800000000);
    m.set_threshold_seconds("account_warn", 7 * 86400);
    m.set_threshold_ratio("unreachable_ratio", 0.05);
    m.set_account_thresholds("hb-weibo", 7 * 86400, 14 * 86400);
    const auto exposed = exposed_families(m.text());
    const auto documented = documented_families(
        read_text(std::filesystem::path(GOVMON_SOURCE_DIR) / "docs" / "metrics.md"));
    REQUIRE(exposed.size() > 15);
    for (const auto& [name, type] : exposed) {
        CAPTURE(name);
        REQUIRE(documented.count(name) == 1);
        CHECK(documented.at(name) == type);
    }
    for (const auto& [name, type] : documented) {
        CAPTURE(name);
        CHECK(exposed.count(name) == 1);
    }
}
