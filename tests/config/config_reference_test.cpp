// docs/configuration.md against the loader, so that the reference cannot drift from the code:
// every documented key loads with its example, every key of examples/govmon.yaml is documented,
// and a key the tables do not know is refused.
#include "daemon/config/config_loader.hpp"
#include "daemon/config/registry_csv.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using govmon::load_config;
using govmon::test::all_errors;
using govmon::test::temp_dir;

namespace {

const std::string source_dir = GOVMON_SOURCE_DIR;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string without_backticks(const std::string& cell) {
    const std::string text = trimmed(cell);
    if (text.size() >= 2 && text.front() == '`' && text.back() == '`')
        return text.substr(1, text.size() - 2);
    return text;
}

// The cells of a markdown table row; `\|` stays inside its cell.
std::vector<std::string> table_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(trimmed(cell));
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return cells;
}

// The body rows of every table of `text` whose header row is exactly `header`.
std::vector<std::vector<std::string>> table_rows(const std::string& text,
                                                 const std::string& header) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text);
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (line == header) {
            in_table = true;
            std::getline(lines, line); // the |---| separator
            continue;
        }
        if (in_table && line.rfind("|", 0) == 0)
            rows.push_back(table_cells(line));
        else
            in_table = false;
    }
    return rows;
}

struct key_row {
    std::string key;
    std::string type;
    std::string example;
};

std::vector<key_row> documented_keys() {
    const std::string doc = read_text(fs::path(source_dir) / "docs" / "configuration.md");
    std::vector<key_row> keys;
    for (const auto& cells : table_rows(doc, "| key | type | default | example | meaning |")) {
        REQUIRE(cells.size() == 5);
        keys.push_back({without_backticks(cells[0]), cells[1], without_backticks(cells[3])});
    }
    return keys;
}

std::vector<std::string> split_key(const std::string& key) {
    std::vector<std::string> parts;
    std::istringstream in(key);
    std::string part;
    while (std::getline(in, part, '.'))
        parts.push_back(part);
    return parts;
}

// What the test writes for a placeholder segment of a key.
const std::map<std::string, std::string> placeholder_values{
    {"<host>", "www.example.gov.cn"},
    {"<platform>", "weibo"},
};

// Keys an item or section needs besides the one under test for the config to load cleanly.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>> companions{
    {"units[]", {{"id", "u1"}, {"name", "单位"}}},
    {"sites[]", {{"id", "s1"}, {"name", "网站"}, {"url", "https://www.example.gov.cn/"}}},
    {"sites[].columns[]",
     {{"name", "要闻"}, {"url", "https://www.example.gov.cn/yw/"}, {"category", "news"}}},
    {"accounts[]",
     {{"id", "a1"},
      {"name", "账号"},
      {"platform", "feed"},
      {"feed", "https://www.example.gov.cn/feed.xml"}}},
    {"alerts", {{"from", "govmon@example.gov.cn"}}},
    {"units[].contacts[]", {{"email", "web@hubei.gov.cn"}}},
    {"rectification.rules[]", {{"within", "7d"}}},
};

// Block YAML holding `value` at `key`, with the companions of every enclosing section.
std::string yaml_for(const std::vector<std::string>& parts, const std::string& value) {
    std::string yaml;
    std::string indent;
    std::string path;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const bool is_list = parts[i].size() > 2 && parts[i].ends_with("[]");
        const std::string name = is_list ? parts[i].substr(0, parts[i].size() - 2) : parts[i];
        const auto placeholder = placeholder_values.find(name);
        const std::string written =
            placeholder == placeholder_values.end() ? name : "\"" + placeholder->second + "\"";
        if (i + 1 == parts.size()) {
            yaml += indent + written + ": " + value + "\n";
            break;
        }
        yaml += indent + written + ":\n";
        path += (path.empty() ? "" : ".") + parts[i];
        const std::string& next = parts[i + 1];
        const std::string next_name = next.ends_with("[]") ? next.substr(0, next.size() - 2) : next;
        std::string item_indent = indent + "  ";
        if (is_list) {
            yaml += indent + "  -\n";
            item_indent = indent + "    ";
        }
        if (const auto extra = companions.find(path); extra != companions.end())
            for (const auto& [field, field_value] : extra->second)
                if (field != next_name)
                    yaml += item_indent + field + ": " + field_value + "\n";
        indent = item_indent;
    }
    return yaml;
}

// Every unit a site or account may name, unless the key under test declares units itself.
std::string unit_declaration(const std::string& key) {
    if (key.rfind("units", 0) == 0)
        return {};
    return "units:\n  - id: hb-gov-office\n    name: 湖北省人民政府办公厅\n";
}

// A path-typed example names files the loader requires to exist: create them (a registry
// needs its header row, a browser must be executable).
void create_named_files(const temp_dir& dir, const key_row& row) {
    if (row.type.find("path") == std::string::npos)
        return;
    const YAML::Node example = YAML::Load(row.example);
    std::vector<std::string> names;
    if (example.IsSequence())
        for (const auto& item : example)
            names.push_back(item.as<std::string>());
    else
        names.push_back(example.as<std::string>());
    // A wrong-forms list is read by the loader; a registry header is no line of it.
    const std::string text = row.key == "content.rules"
                                 ? "wrong | 攻府 | 政府 | | example\n"
                                 : "id,name,platform,uid,url,feed,unit,content,status\n";
    for (const auto& name : names) {
        const std::string file = dir.write(name, text);
        fs::permissions(file, fs::perms::owner_all);
    }
}

// Dotted keys of a YAML document, lists of maps as `name[]`, free names under a section as
// the placeholder the documented keys use there.
void collect_keys(const YAML::Node& node, const std::string& path,
                  const std::set<std::string>& documented, std::set<std::string>& out) {
    if (node.IsMap()) {
        for (const auto& entry : node) {
            const std::string name = entry.first.as<std::string>();
            std::string child = path.empty() ? name : path + "." + name;
            const bool known_prefix =
                std::any_of(documented.begin(), documented.end(), [&](const std::string& key) {
                    return key == child || key.rfind(child + ".", 0) == 0 ||
                           key.rfind(child + "[].", 0) == 0;
                });
            if (!known_prefix)
                for (const auto& [placeholder, value] : placeholder_values)
                    if (std::any_of(documented.begin(), documented.end(),
                                    [&](const std::string& key) {
                                        const std::string p = path + "." + placeholder;
                                        return key == p || key.rfind(p + ".", 0) == 0;
                                    }))
                        child = path + "." + placeholder;
            collect_keys(entry.second, child, documented, out);
        }
    } else if (node.IsSequence() && node.size() > 0 && node[0].IsMap()) {
        for (const auto& item : node)
            collect_keys(item, path + "[]", documented, out);
    } else {
        out.insert(path);
    }
}

} // namespace

TEST_CASE("every key of docs/configuration.md loads with its example") {
    const auto keys = documented_keys();
    REQUIRE(keys.size() > 60);
    for (const auto& row : keys) {
        CAPTURE(row.key);
        const temp_dir dir;
        create_named_files(dir, row);
        const std::string yaml =
            unit_declaration(row.key) + yaml_for(split_key(row.key), row.example);
        CAPTURE(yaml);
        const auto result = load_config(dir.write("govmon.yaml", yaml));
        INFO(all_errors(result));
        CHECK(result.errors.empty());
    }
}

TEST_CASE("every key of examples/govmon.yaml is documented") {
    std::set<std::string> documented;
    for (const auto& row : documented_keys())
        documented.insert(row.key);
    std::set<std::string> used;
    collect_keys(YAML::LoadFile(source_dir + "/examples/govmon.yaml"), "", documented, used);
    REQUIRE(used.size() > 40);
    for (const auto& key : used) {
        CAPTURE(key);
        CHECK(documented.count(key) == 1);
    }
}

TEST_CASE("a key the tables do not document is refused in every documented section") {
    std::set<std::vector<std::string>> sections{{}};
    for (const auto& row : documented_keys()) {
        auto parts = split_key(row.key);
        if (placeholder_values.count(parts.back()))
            continue; // a free name (a host) is a value there, not a key
        parts.pop_back();
        sections.insert(parts);
    }
    for (auto parts : sections) {
        parts.push_back("undocumented_key");
        std::string key;
        for (const auto& part : parts)
            key += (key.empty() ? "" : ".") + part;
        CAPTURE(key);
        const temp_dir dir;
        const auto result =
            load_config(dir.write("govmon.yaml", unit_declaration(key) + yaml_for(parts, "1")));
        INFO(all_errors(result));
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("unknown key 'undocumented_key'") != std::string::npos);
    }
}

TEST_CASE("the registry column table is the loader's column list") {
    const std::string doc = read_text(fs::path(source_dir) / "docs" / "configuration.md");
    std::vector<std::string> documented;
    for (const auto& cells : table_rows(doc, "| column | meaning |"))
        documented.push_back(without_backticks(cells.at(0)));
    CHECK(documented == govmon::registry_columns());
}
