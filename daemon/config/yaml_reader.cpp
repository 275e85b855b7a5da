#include "daemon/config/yaml_reader.hpp"

#include "daemon/config/nearest_word.hpp"
#include "daemon/config/quantity_parse.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace govmon {

namespace {

std::string child_path(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string item_path(const std::string& parent, std::size_t index) {
    return parent + "[" + std::to_string(index) + "]";
}

// "in schedule" / "at the top level", for unknown-key messages.
std::string where_in(std::string_view what) {
    return what.empty() ? std::string("at the top level") : "in " + std::string(what);
}

} // namespace

void yaml_reader::error(const yaml_value& value, std::string message) const {
    context_.error(at(value), value.path.empty() ? std::move(message)
                                                 : value.path + ": " + std::move(message));
}

int yaml_reader::line_of(const YAML::Node& node) {
    const int line = node.Mark().line;
    return line < 0 ? 0 : line + 1;
}

std::string yaml_reader::node_kind(const YAML::Node& node) {
    if (node.IsMap())
        return "a mapping";
    if (node.IsSequence())
        return "a list";
    if (node.IsNull())
        return "nothing";
    return "'" + node.Scalar() + "'";
}

bool yaml_reader::read_fields(const yaml_value& value, const std::vector<yaml_field>& fields,
                              std::string_view what, field_lines* lines) const {
    if (value.node.IsNull())
        return true;
    if (!value.node.IsMap()) {
        error(value, "expected a mapping (key: value lines), got " + node_kind(value.node));
        return false;
    }
    std::vector<std::string> known;
    for (const auto& field : fields)
        known.push_back(field.key);
    std::set<std::string> seen;
    // yaml-cpp's iterator yields a temporary pair: copy the nodes (cheap handles), never bind
    // references to its members.
    for (const auto& pair : value.node) {
        const YAML::Node key = pair.first;
        const int key_line = line_of(key);
        if (!key.IsScalar()) {
            context_.error(at(key_line), "a key " + where_in(what) + " must be a plain word");
            continue;
        }
        const std::string& name = key.Scalar();
        if (!seen.insert(name).second) {
            context_.error(at(key_line), "key '" + name + "' repeated " + where_in(what));
            continue;
        }
        const auto field = std::find_if(fields.begin(), fields.end(),
                                        [&](const yaml_field& f) { return f.key == name; });
        if (field == fields.end()) {
            context_.error(at(key_line), "unknown key '" + name + "' " + where_in(what) +
                                             did_you_mean(name, known));
            continue;
        }
        const YAML::Node item = pair.second;
        const int line = item.IsNull() ? key_line : line_of(item);
        if (lines)
            lines->lines[name] = line;
        field->read({item, child_path(value.path, name), line});
    }
    return true;
}

void yaml_reader::for_each_item(const yaml_value& value,
                                const std::function<void(const yaml_value&)>& read) const {
    if (value.node.IsNull())
        return;
    if (!value.node.IsSequence()) {
        error(value, "expected a list, got " + node_kind(value.node) +
                         (value.node.IsScalar() ? " (write [" + value.node.Scalar() + "])" : ""));
        return;
    }
    std::size_t index = 0;
    for (const auto& item : value.node) {
        const int line = item.IsNull() ? value.line : line_of(item);
        read({item, item_path(value.path, index++), line});
    }
}

void yaml_reader::for_each_entry(
    const yaml_value& value,
    const std::function<void(const yaml_value&, const yaml_value&)>& read) const {
    if (value.node.IsNull())
        return;
    if (!value.node.IsMap()) {
        error(value, "expected a mapping, got " + node_kind(value.node));
        return;
    }
    std::set<std::string> seen;
    for (const auto& pair : value.node) {
        const int key_line = line_of(pair.first);
        const yaml_value key{pair.first, value.path, key_line};
        const auto name = scalar(key);
        if (!name)
            continue;
        if (!seen.insert(*name).second) {
            error(key, "key '" + *name + "' repeated");
            continue;
        }
        const int line = pair.second.IsNull() ? key_line : line_of(pair.second);
        read(key, {pair.second, child_path(value.path, *name), line});
    }
}

std::optional<std::string> yaml_reader::scalar(const yaml_value& value) const {
    if (value.node.IsNull()) {
        error(value, "has no value");
        return std::nullopt;
    }
    if (!value.node.IsScalar()) {
        error(value, "expected a single value, got " + node_kind(value.node));
        return std::nullopt;
    }
    return value.node.Scalar();
}

bool yaml_reader::read_text(const yaml_value& value, std::string& out,
                            const text_check& check) const {
    auto text = scalar(value);
    if (!text)
        return false;
    if (check) {
        if (auto problem = check(*text)) {
            error(value, *problem);
            return false;
        }
    }
    out = std::move(*text);
    return true;
}

void yaml_reader::read_bool(const yaml_value& value, bool& out) const {
    const auto text = scalar(value);
    if (!text)
        return;
    const std::string word = lower_ascii(*text);
    if (word == "true" || word == "yes")
        out = true;
    else if (word == "false" || word == "no")
        out = false;
    else
        error(value, "expected true or false, got '" + *text + "'");
}

void yaml_reader::read_int(const yaml_value& value, int& out, int minimum) const {
    const auto text = scalar(value);
    if (!text)
        return;
    const auto number = parse_integer(*text);
    if (!number) {
        error(value, number.error);
        return;
    }
    if (*number.value > std::numeric_limits<int>::max()) {
        error(value, "number '" + *text + "' is too large");
        return;
    }
    if (*number.value < minimum) {
        error(value, minimum == 1
                         ? "must be at least 1, got " + *text
                         : "must be at least " + std::to_string(minimum) + ", got " + *text);
        return;
    }
    out = static_cast<int>(*number.value);
}

void yaml_reader::read_duration(const yaml_value& value, duration& out, bool zero_allowed) const {
    std::optional<duration> parsed_value;
    read_optional_duration(value, parsed_value, zero_allowed);
    if (parsed_value)
        out = *parsed_value;
}

void yaml_reader::read_optional_duration(const yaml_value& value, std::optional<duration>& out,
                                         bool zero_allowed) const {
    const auto text = scalar(value);
    if (!text)
        return;
    const auto parsed_value = parse_duration(*text);
    if (!parsed_value) {
        error(value, parsed_value.error);
        return;
    }
    if (!zero_allowed && parsed_value.value->count() == 0) {
        error(value, "must be longer than zero");
        return;
    }
    out = parsed_value.value;
}

void yaml_reader::read_size(const yaml_value& value, std::uint64_t& out) const {
    const auto text = scalar(value);
    if (!text)
        return;
    const auto parsed_value = parse_size(*text);
    if (!parsed_value) {
        error(value, parsed_value.error);
        return;
    }
    if (*parsed_value.value == 0) {
        error(value, "must be larger than zero");
        return;
    }
    out = *parsed_value.value;
}

void yaml_reader::read_share(const yaml_value& value, double& out, bool open_interval) const {
    const auto text = scalar(value);
    if (!text)
        return;
    const auto parsed_value = parse_fraction(*text);
    if (!parsed_value) {
        error(value, parsed_value.error);
        return;
    }
    const double share = *parsed_value.value;
    const bool inside =
        open_interval ? (share > 0.0 && share < 1.0) : (share >= 0.0 && share <= 1.0);
    if (!inside) {
        error(value, "'" + *text + "' is out of range: must be " +
                         (open_interval ? "strictly between 0 and 1 (0%..100%, exclusive)"
                                        : "between 0 and 1 (0%..100%)"));
        return;
    }
    out = share;
}

void yaml_reader::read_text_list(const yaml_value& value, std::vector<std::string>& out,
                                 const text_check& check) const {
    if (!value.node.IsNull() && !value.node.IsSequence()) {
        for_each_item(value, [](const yaml_value&) {}); // reports the wrong type
        return;
    }
    std::vector<std::string> items;
    for_each_item(value, [&](const yaml_value& item) {
        std::string text;
        if (read_text(item, text, check))
            items.push_back(std::move(text));
    });
    out = std::move(items);
}

} // namespace govmon
