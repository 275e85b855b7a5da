#include "csv_field.hpp"

namespace govmon {

namespace {

bool needs_quotes(std::string_view field) {
    for (char c : field)
        if (c == ',' || c == '"' || c == '\r' || c == '\n')
            return true;
    return false;
}

} // namespace

// Export writes millions of fields: one pass to decide, then whole runs between quotes.
void append_csv_field(std::string& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (std::size_t quote; (quote = field.find('"')) != std::string_view::npos;) {
        out.append(field.substr(0, quote + 1));
        out.push_back('"');
        field.remove_prefix(quote + 1);
    }
    out.append(field);
    out.push_back('"');
}

} // namespace govmon
