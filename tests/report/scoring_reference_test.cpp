// docs/scoring.md's deduction table against deduction_tenths, so that the published rules
// cannot drift from the score the report computes.
#include "daemon/report/deduction_score.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using govmon::finding;
using govmon::finding_kind;
using govmon::finding_severity;

namespace {

const std::string home_url = "https://www.example.gov.cn/";

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::istringstream in(line.substr(1));
    std::string cell;
    while (std::getline(in, cell, '|')) {
        const auto first = cell.find_first_not_of(' ');
        cells.push_back(first == std::string::npos
                            ? std::string()
                            : cell.substr(first, cell.find_last_not_of(' ') - first + 1));
    }
    return cells;
}

struct deduction_row {
    std::string kind;
    std::string where;
    std::string points;
};

std::vector<deduction_row> documented_deductions() {
    std::istringstream lines(
        read_text(std::filesystem::path(GOVMON_SOURCE_DIR) / "docs" / "scoring.md"));
    std::vector<deduction_row> rows;
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (line == "| kind | where | points | source of the figure |") {
            in_table = true;
            std::getline(lines, line); // the |---| separator
        } else if (in_table && line.rfind("| `", 0) == 0) {
            const auto cells = cells_of(line);
            REQUIRE(cells.size() >= 3);
            rows.push_back({cells[0].substr(1, cells[0].size() - 2), cells[1], cells[2]});
        } else {
            in_table = false;
        }
    }
    return rows;
}

// The finding a row's "where" describes.
finding finding_for(finding_kind kind, const std::string& where) {
    finding f;
    f.kind = kind;
    f.target = "hb-portal";
    f.target_kind = "site";
    static const std::map<std::string, std::pair<std::string, std::string>> places{
        // where -> {source, detail}
        {"", {"", ""}},
        {"on the home page", {home_url, ""}},
        {"elsewhere", {home_url + "zwgk/index.html", ""}},
        {"news column", {"", "要闻 (news): newest item 30 days ago"}},
        {"notice column", {"", "通知公告 (notice): newest item 200 days ago"}},
        {"personnel column", {"", "人事信息 (personnel): newest item 400 days ago"}},
        {"column of unknown category", {"", "专题: newest item 30 days ago"}},
    };
    const auto place = places.find(where);
    REQUIRE_MESSAGE(place != places.end(), "unknown where: " << where);
    f.source = place->second.first;
    f.detail = place->second.second;
    return f;
}

// "0.1" -> 1, "5" -> 50.
int tenths_of(const std::string& points) {
    const auto dot = points.find('.');
    const int whole = std::stoi(points.substr(0, dot));
    return whole * 10 + (dot == std::string::npos ? 0 : std::stoi(points.substr(dot + 1, 1)));
}

} // namespace

TEST_CASE("docs/scoring.md's deductions are what the report deducts") {
    const auto rows = documented_deductions();
    REQUIRE(rows.size() >= 10);
    std::set<std::string> documented_kinds;
    for (const auto& row : rows) {
        CAPTURE(row.kind);
        CAPTURE(row.where);
        const auto kind = govmon::parse_finding_kind(row.kind);
        REQUIRE(kind);
        documented_kinds.insert(row.kind);
        const finding f = finding_for(*kind, row.where);
        for (const auto severity : {finding_severity::veto, finding_severity::deduct}) {
            if (govmon::can_have(*kind, severity))
                CHECK(govmon::deduction_tenths(f, severity, home_url) == tenths_of(row.points));
        }
        CHECK(govmon::deduction_tenths(f, finding_severity::warn, home_url) == 0);
    }
    for (const auto& info : govmon::finding_kinds()) {
        if (documented_kinds.count(std::string(info.name)))
            continue;
        CAPTURE(info.name);
        for (const char* source : {"", "https://www.example.gov.cn/"})
            for (const auto severity : {finding_severity::veto, finding_severity::deduct}) {
                finding f = finding_for(info.kind, "");
                f.source = source;
                CHECK(govmon::deduction_tenths(f, severity, home_url) == 0);
            }
    }
}
