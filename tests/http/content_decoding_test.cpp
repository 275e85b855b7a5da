#include "probes/http/content_decoding.hpp"
#include "tests/http/compress.hpp"

#include <doctest/doctest.h>

using govmon::error_class;
using govmon::http::decode_content;
using govmon::test::compress;
using govmon::test::gzip;

namespace {

const std::string page = "<html><body><a href=\"/a\">\xE6\x96\xB0\xE9\x97\xBB</a></body></html>";

} // namespace

TEST_CASE("decode_content reads gzip, x-gzip, zlib and raw deflate") {
    for (const auto& [coding, body] :
         {std::pair{"gzip", gzip(page)}, std::pair{"x-gzip", gzip(page)},
          std::pair{"deflate", compress(page, 15)}, std::pair{"deflate", compress(page, -15)},
          std::pair{" GZIP ", gzip(page)}}) {
        CAPTURE(coding);
        auto d = decode_content(coding, body, 1 << 20);
        CHECK(d.error == error_class::none);
        CHECK(d.body == page);
    }
}

TEST_CASE("decode_content leaves identity alone and undoes stacked codings in reverse") {
    CHECK(decode_content("identity", page, 1 << 20).body == page);
    CHECK(decode_content("", page, 1 << 20).body == page);
    const auto empty = decode_content("gzip", "", 1 << 20);
    CHECK(empty.error == error_class::none);
    CHECK(empty.body.empty());
    auto twice = decode_content("deflate, gzip", gzip(compress(page, 15)), 1 << 20);
    CHECK(twice.error == error_class::none);
    CHECK(twice.body == page);
}

TEST_CASE("decode_content bounds the decoded size: a 1 KB bomb is too_large") {
    const std::string bomb = gzip(std::string(10u << 20, 'a'));
    REQUIRE(bomb.size() < 16 * 1024);
    auto d = decode_content("gzip", bomb, 1 << 20);
    CHECK(d.error == error_class::too_large);
    CHECK(d.body.empty());
    // The limit is on the decoded body: exactly at the limit is fine.
    auto at_limit = decode_content("gzip", gzip(std::string(1 << 20, 'a')), 1 << 20);
    CHECK(at_limit.error == error_class::none);
    CHECK(at_limit.body.size() == 1u << 20);
}

TEST_CASE("decode_content reports corrupt and unknown encodings as parse errors") {
    auto truncated = gzip(page);
    truncated.resize(truncated.size() / 2);
    CHECK(decode_content("gzip", truncated, 1 << 20).error == error_class::parse);
    CHECK(decode_content("gzip", page, 1 << 20).error == error_class::parse);
    auto br = decode_content("br", page, 1 << 20);
    CHECK(br.error == error_class::parse);
    CHECK(br.detail == "unsupported Content-Encoding br");
}
