#include "daemon/config/csv_reader.hpp"

#include <algorithm>

namespace govmon {

namespace {

class csv_scanner {
public:
    explicit csv_scanner(std::string_view text) : text_(text) {}

    csv_document read_all() {
        while (pos_ < text_.size())
            read_record();
        return std::move(document_);
    }

private:
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }
    bool at_line_end() const { return !at_end() && (peek() == '\n' || peek() == '\r'); }

    // Consumes LF, CRLF or a lone CR and counts the line.
    void consume_line_end() {
        if (peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n')
            ++pos_;
        ++pos_;
        ++line_;
    }

    void read_record() {
        csv_record record;
        record.line = line_;
        while (true) {
            record.fields.push_back(read_field());
            if (at_end())
                break;
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            consume_line_end();
            break;
        }
        if (!is_blank(record))
            document_.records.push_back(std::move(record));
    }

    std::string read_field() {
        if (!at_end() && peek() == '"')
            return read_quoted_field();
        std::string field;
        while (!at_end() && peek() != ',' && !at_line_end())
            field += text_[pos_++];
        return field;
    }

    std::string read_quoted_field() {
        const int start_line = line_;
        ++pos_; // opening quote
        std::string field;
        while (true) {
            if (at_end()) {
                document_.problems.push_back(
                    {start_line, "quoted field is never closed (a missing '\"')"});
                return field;
            }
            const char c = peek();
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (c == '\r' || c == '\n') {
                // Inside quotes a line break is data; keep it as '\n' whatever the file used.
                consume_line_end();
                field += '\n';
                continue;
            }
            field += c;
            ++pos_;
        }
        if (!at_end() && peek() != ',' && !at_line_end()) {
            document_.problems.push_back(
                {line_, "unexpected text after a closing quote (write \"\" for a quote)"});
            while (!at_end() && peek() != ',' && !at_line_end())
                field += text_[pos_++];
        }
        return field;
    }

    static bool is_blank(const csv_record& record) {
        return std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) {
            return f.find_first_not_of(" \t") == std::string::npos;
        });
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    csv_document document_;
};

} // namespace

csv_document read_csv(std::string_view text) {
    return csv_scanner(text).read_all();
}

} // namespace govmon
