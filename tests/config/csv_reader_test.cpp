#include "daemon/config/csv_reader.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("CSV records keep the line they start on") {
    const auto doc = read_csv("a,b\r\n\"x\ny\",\"q\"\"q\"\n\n,\nlast,\"\"");
    CHECK(doc.problems.empty());
    REQUIRE(doc.records.size() == 3);
    CHECK(doc.records[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(doc.records[1].line == 2);
    CHECK(doc.records[1].fields == std::vector<std::string>{"x\ny", "q\"q"});
    CHECK(doc.records[2].line == 6);
    CHECK(doc.records[2].fields == std::vector<std::string>{"last", ""});
}

TEST_CASE("CSV: text after a closing quote and an unclosed quote are problems") {
    const auto stray = read_csv("a,\"b\"c\n");
    REQUIRE(stray.problems.size() == 1);
    CHECK(stray.problems[0].line == 1);
    const auto open = read_csv("a\n\"b\nc\n");
    REQUIRE(open.problems.size() == 1);
    CHECK(open.problems[0].line == 2);
    CHECK(read_csv("a,b\"c\n").records[0].fields[1] == "b\"c"); // as Excel reads it
}
