#include "daemon/config/registry_csv.hpp"

#include "daemon/config/account_validation.hpp"
#include "daemon/config/csv_reader.hpp"
#include "daemon/config/nearest_word.hpp"
#include "daemon/config/text_encoding.hpp"
#include "daemon/config/value_checks.hpp"
#include "text/ascii_text.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace govmon {

namespace {

// Column name -> index in the row.
using column_map = std::map<std::string, std::size_t, std::less<>>;

std::optional<std::string> read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

int line_of_offset(std::string_view bytes, std::size_t offset) {
    const auto end = bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size()));
    return 1 + static_cast<int>(std::count(bytes.begin(), end, '\n'));
}

// Reads the header row; nullopt when the rows cannot be interpreted at all.
std::optional<column_map> read_header(const csv_record& header, const std::string& path,
                                      load_context& context) {
    column_map columns;
    const source_location where{path, header.line};
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = lower_ascii(trimmed(header.fields[i]));
        const auto& known = registry_columns();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            context.error(where, "unknown column '" + name + "'" + did_you_mean(name, known) +
                                     "; columns are " + join(known, ", "));
            continue;
        }
        if (!columns.emplace(name, i).second)
            context.error(where, "column '" + name + "' appears twice");
    }
    bool complete = true;
    for (const char* required : {"id", "name", "platform"}) {
        if (columns.find(required) != columns.end())
            continue;
        context.error(where, std::string("the header has no '") + required + "' column");
        complete = false;
    }
    return complete ? std::optional<column_map>(std::move(columns)) : std::nullopt;
}

std::string field(const csv_record& row, const column_map& columns, std::string_view name) {
    const auto it = columns.find(name);
    return it == columns.end() ? std::string() : trimmed(row.fields[it->second]);
}

void read_row(const csv_record& row, const column_map& columns, std::size_t header_width,
              const std::string& path, std::vector<account_config>& accounts,
              load_context& context) {
    const source_location where{path, row.line};
    if (row.fields.size() != header_width) {
        context.error(where, "row has " + std::to_string(row.fields.size()) +
                                 " fields, the header has " + std::to_string(header_width));
        return;
    }
    account_config account;
    account.id = field(row, columns, "id");
    account.name = field(row, columns, "name");
    account.platform = lower_ascii(field(row, columns, "platform"));
    account.uid = field(row, columns, "uid");
    account.url = field(row, columns, "url");
    account.feed = field(row, columns, "feed");
    account.unit = field(row, columns, "unit");
    account.content = lower_ascii(field(row, columns, "content"));
    account.owner = field(row, columns, "owner");
    account.owner_email = field(row, columns, "owner_email");
    account.where = where;
    const std::string status = field(row, columns, "status");
    if (const auto active = parse_account_status(lower_ascii(status)))
        account.active = *active;
    else
        context.error(where, "unknown status '" + status +
                                 "' (正常/active, or 关停/注销/closed; empty means active)");
    validate_account(account, field_lines{where, {}}, context);
    accounts.push_back(std::move(account));
}

} // namespace

const std::vector<std::string>& registry_columns() {
    static const std::vector<std::string> columns{"id",     "name",  "platform",   "uid",
                                                  "url",    "feed",  "unit",       "content",
                                                  "status", "owner", "owner_email"};
    return columns;
}

void load_registry_csv(const std::string& path, std::vector<account_config>& accounts,
                       load_context& context) {
    const auto bytes = read_file_bytes(path);
    if (!bytes) {
        context.error({path, 0}, "cannot read the registry file");
        return;
    }
    const decoded_text text = decode_utf8_or_gbk(*bytes);
    if (!text.utf8) {
        context.error({path, line_of_offset(*bytes, text.error_offset)},
                      "the registry file " + text.error);
        return;
    }
    const csv_document document = read_csv(*text.utf8);
    for (const auto& problem : document.problems)
        context.error({path, problem.line}, problem.message);
    if (document.records.empty()) {
        context.error({path, 1}, "the registry file is empty (expected a header row: " +
                                     join(registry_columns(), ",") + ")");
        return;
    }
    const csv_record& header = document.records.front();
    const auto columns = read_header(header, path, context);
    if (!columns)
        return;
    for (std::size_t i = 1; i < document.records.size(); ++i)
        read_row(document.records[i], *columns, header.fields.size(), path, accounts, context);
}

} // namespace govmon
