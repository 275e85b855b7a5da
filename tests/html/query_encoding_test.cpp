#include "probes/html/query_encoding.hpp"

#include <doctest/doctest.h>

using govmon::html::encode_query_for_document;

TEST_CASE("a query on a GBK page is percent-encoded in GB18030, the path is left to UTF-8") {
    CHECK(encode_query_for_document("search.jsp?q=湖北", "gb18030") == "search.jsp?q=%BA%FE%B1%B1");
    CHECK(encode_query_for_document("/新闻/list.jsp?lm=湖北&p=2#第二页", "gb18030") ==
          "/新闻/list.jsp?lm=%BA%FE%B1%B1&p=2#第二页");
    // Characters beyond GBK take GB18030's four-byte form, as browsers' gb18030 encoder does.
    CHECK(encode_query_for_document("?z=𠀀", "gb18030") == "?z=%95%32%82%36");
}

TEST_CASE("queries of UTF-8, UTF-16 and unknown encodings, and ASCII queries, stay as written") {
    CHECK(encode_query_for_document("search.jsp?q=湖北", "utf-8") == "search.jsp?q=湖北");
    CHECK(encode_query_for_document("search.jsp?q=湖北", "utf-16le") == "search.jsp?q=湖北");
    CHECK(encode_query_for_document("search.jsp?q=湖北", "no-such-charset") == "search.jsp?q=湖北");
    CHECK(encode_query_for_document("search.jsp?q=hubei", "gb18030") == "search.jsp?q=hubei");
    CHECK(encode_query_for_document("/湖北/#?q=湖北", "gb18030") == "/湖北/#?q=湖北");
}

TEST_CASE("a character the page's encoding lacks is sent as an escaped character reference") {
    CHECK(encode_query_for_document("?q=湖€", "windows-1252") == "?q=%26%2328246%3B%80");
}
