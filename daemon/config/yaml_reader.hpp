#pragma once

#include "daemon/config/load_context.hpp"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// A node with the dotted path that leads to it ("http.resolve", "sites[2].columns[0]"), for
// messages, and the line to blame: a key with no value has no line of its own, so it is the
// key's line.
struct yaml_value {
    YAML::Node node;
    std::string path;
    int line = 0;
};

struct yaml_field {
    std::string key;
    std::function<void(const yaml_value&)> read;
};

// Returns an error message, or nothing when the text is acceptable.
using text_check = std::function<std::optional<std::string>(const std::string&)>;

// Typed reading of YAML nodes into config values. Every reader reports what is wrong into the
// load context and leaves the target untouched, so one bad value never hides the next one.
class yaml_reader {
public:
    yaml_reader(std::string file, load_context& context)
        : file_(std::move(file)), context_(context) {}

    const std::string& file() const { return file_; }
    source_location at(int line) const { return {file_, line}; }
    source_location at(const yaml_value& value) const { return at(value.line); }
    void error(const yaml_value& value, std::string message) const;

    static int line_of(const YAML::Node& node);
    yaml_value root(const YAML::Node& node) const { return {node, "", line_of(node)}; }

    // Calls the reader of each key present; unknown and repeated keys are errors. Returns
    // false when `value` is not a mapping at all. A null value reads as an empty mapping.
    // `lines`, when given, learns the line of each key present.
    bool read_fields(const yaml_value& value, const std::vector<yaml_field>& fields,
                     std::string_view what, field_lines* lines = nullptr) const;

    // Each element of a sequence (a null value reads as an empty one).
    void for_each_item(const yaml_value& value,
                       const std::function<void(const yaml_value&)>& read) const;

    // Each key: value pair of a mapping whose keys are data, not fixed field names.
    void for_each_entry(
        const yaml_value& value,
        const std::function<void(const yaml_value& key, const yaml_value& item)>& read) const;

    std::optional<std::string> scalar(const yaml_value& value) const;

    bool read_text(const yaml_value& value, std::string& out, const text_check& check = {}) const;
    void read_bool(const yaml_value& value, bool& out) const;
    void read_int(const yaml_value& value, int& out, int minimum) const;
    void read_duration(const yaml_value& value, duration& out, bool zero_allowed) const;
    void read_optional_duration(const yaml_value& value, std::optional<duration>& out,
                                bool zero_allowed) const;
    void read_size(const yaml_value& value, std::uint64_t& out) const;
    // A share such as "10%" or 0.1, within [0, 1], or (0, 1) when `open_interval`.
    void read_share(const yaml_value& value, double& out, bool open_interval) const;
    void read_text_list(const yaml_value& value, std::vector<std::string>& out,
                        const text_check& check = {}) const;

private:
    static std::string node_kind(const YAML::Node& node);

    std::string file_;
    load_context& context_;
};

} // namespace govmon
