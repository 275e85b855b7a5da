#include "probes/http/address_policy.hpp"
#include "probes/http/request_outcome.hpp"

#include <doctest/doctest.h>

using namespace govmon::http;
using govmon::error_class;

TEST_CASE("address policy: private, loopback, link-local, CGNAT and mapped forms are refused") {
    for (const char* a : {"127.0.0.1",
                          "127.255.0.9",
                          "10.1.2.3",
                          "172.16.0.1",
                          "172.31.255.255",
                          "192.168.1.1",
                          "169.254.169.254",
                          "100.64.0.1",
                          "100.127.255.255",
                          "0.0.0.0",
                          "::1",
                          "::",
                          "fc00::1",
                          "fd12:3456::1",
                          "fe80::1",
                          "fe80::1%lo",
                          "::ffff:127.0.0.1",
                          "::ffff:10.0.0.1",
                          "::ffff:169.254.1.1",
                          "not an address"}) {
        CAPTURE(a);
        CHECK(is_private_address(a));
    }
    for (const char* a :
         {"8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255", "192.169.0.1",
          "2001:db8::1", "2400:3200::1", "::ffff:8.8.8.8", "11.0.0.1"}) {
        CAPTURE(a);
        CHECK_FALSE(is_private_address(a));
    }
}

TEST_CASE("address policy: helpers") {
    CHECK(first_private_address({"8.8.8.8", "10.0.0.1", "127.0.0.1"}) == "10.0.0.1");
    CHECK(first_private_address({"8.8.8.8"}).empty());
    CHECK(host_in_list("Intranet.Example", {"a", "intranet.example"}));
    CHECK_FALSE(host_in_list("intranet.example.com", {"intranet.example"}));
    CHECK(is_ip_literal("127.0.0.1"));
    CHECK(is_ip_literal("::1"));
    CHECK_FALSE(is_ip_literal("www.gov.cn"));
    CHECK_FALSE(is_ip_literal("[::1]"));
}

TEST_CASE("request outcome labels") {
    CHECK(request_outcome(error_class::none, 200) == "ok");
    CHECK(request_outcome(error_class::none, 302) == "ok");
    CHECK(request_outcome(error_class::http, 404) == "http_4xx");
    CHECK(request_outcome(error_class::http, 503) == "http_5xx");
    CHECK(request_outcome(error_class::http, 0) == "http_5xx");
    CHECK(request_outcome(error_class::timeout, 0) == "timeout");
    CHECK(request_outcome(error_class::timeout, 200) == "timeout");
    CHECK(request_outcome(error_class::too_large, 200) == "too_large");
    CHECK(request_outcome(error_class::blocked, 0) == "blocked");
    CHECK(request_outcome(error_class::dns, 0) == "dns");
    CHECK(request_outcome(error_class::connect, 0) == "connect");
    CHECK(request_outcome(error_class::tls, 0) == "tls");
}
