#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// One CSV record and the physical line (1-based) where it starts; a quoted field may carry
// newlines, so records and lines are not the same thing.
struct csv_record {
    int line = 0;
    std::vector<std::string> fields;
};

struct csv_problem {
    int line = 0;
    std::string message;
};

struct csv_document {
    std::vector<csv_record> records; // blank lines (and rows of empty fields) left out
    std::vector<csv_problem> problems;
};

// RFC 4180 as spreadsheets write it: comma separator, "quoted" fields with "" for a quote,
// commas and line breaks inside quotes, LF, CRLF or CR line ends. A quote inside an unquoted
// field is kept as a character, as Excel does.
csv_document read_csv(std::string_view text);

} // namespace govmon
