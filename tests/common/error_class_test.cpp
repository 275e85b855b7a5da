#include "probes/error_class.hpp"

#include <doctest/doctest.h>

using namespace govmon;

TEST_CASE("error classes round-trip through their export spelling") {
    for (auto e : {error_class::none, error_class::dns, error_class::connect, error_class::tls,
                   error_class::timeout, error_class::http, error_class::too_large,
                   error_class::blocked, error_class::parse, error_class::not_found}) {
        CHECK(error_class_from_string(to_string(e)) == e);
    }
    CHECK(to_string(error_class::none).empty());
    CHECK(to_string(error_class::too_large) == "too_large");
    CHECK_FALSE(error_class_from_string("bogus"));
}
