#include "probes/http/http_client.hpp"
#include "tests/http/run_coro.hpp"
#include "tests/support/fast_client_options.hpp"
#include "tests/support/loopback_server.hpp"
#include "tests/support/test_ca.hpp"

#include <doctest/doctest.h>

#include <ctime>
#include <stdexcept>

using namespace govmon;
using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::test::cert_spec;
using govmon::test::loopback_options;
using govmon::test::loopback_reply;
using govmon::test::loopback_request;
using govmon::test::loopback_server;
using govmon::test::run_coro;
using govmon::test::test_ca;

namespace {

client_options tls_options(const test_ca& ca) {
    client_options o = govmon::test::fast_options();
    o.ca_file = ca.ca_file();
    o.resolve["localhost"] = {"127.0.0.1"};
    return o;
}

loopback_options tls_server(const govmon::test::issued_cert& cert) {
    loopback_options lo;
    lo.cert_file = cert.cert_file;
    lo.key_file = cert.key_file;
    return lo;
}

loopback_reply hello(const loopback_request&) {
    loopback_reply r;
    r.body = "secure";
    return r;
}

response get(asio::io_context& ioc, client& c, std::string url) {
    return run_coro(ioc, c.fetch(request{std::move(url), "GET"}));
}

} // namespace

TEST_CASE("TLS with the test CA trusted: ok, certificate expiry reported, connection reused") {
    test_ca ca;
    auto leaf = ca.issue("leaf", cert_spec{});
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    client c{ioc.get_executor(), tls_options(ca)};
    auto url = "https://localhost:" + std::to_string(server.port()) + "/";
    auto r = get(ioc, c, url);
    CHECK(r.ok());
    CHECK(r.body == "secure");
    REQUIRE(r.cert_not_after.has_value());
    CHECK(*r.cert_not_after == leaf.not_after);
    CHECK(*r.cert_not_after > std::time(nullptr) + 29 * 86400);

    auto again = get(ioc, c, url);
    CHECK(again.ok());
    CHECK(again.cert_not_after == leaf.not_after);
    CHECK(server.connections() == 1);

    // An IP literal is checked against the certificate's IP SANs (no SNI).
    auto by_ip = get(ioc, c, server.url("/"));
    CHECK(by_ip.ok());
}

TEST_CASE("TLS: a visit measures its handshake; a pooled connection spends nothing on it") {
    test_ca ca;
    auto leaf = ca.issue("leaf", cert_spec{});
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    client c{ioc.get_executor(), tls_options(ca)};
    auto url = "https://localhost:" + std::to_string(server.port()) + "/";
    request visit{url, "GET"};
    visit.visit = true;
    auto first = run_coro(ioc, c.fetch(visit));
    REQUIRE(first.ok());
    CHECK(first.phases.tls.count() > 0);
    auto pooled = get(ioc, c, url);
    REQUIRE(pooled.ok());
    CHECK(pooled.phases.tls.count() == 0);
    CHECK(pooled.phases.connect.count() == 0);
    auto second_visit = run_coro(ioc, c.fetch(visit));
    CHECK(second_visit.phases.tls.count() > 0);
    CHECK(server.connections() == 2);
}

TEST_CASE("TLS: a self-signed certificate is tls / self-signed") {
    test_ca ca;
    cert_spec spec;
    spec.self_signed = true;
    auto leaf = ca.issue("self", spec);
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    std::vector<std::string> outcomes;
    auto o = tls_options(ca);
    o.on_request = [&outcomes](std::string_view s) { outcomes.emplace_back(s); };
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, "https://localhost:" + std::to_string(server.port()) + "/");
    CHECK(r.error == error_class::tls);
    CHECK_MESSAGE(r.error_detail.find("self-signed") != std::string::npos, r.error_detail);
    CHECK(r.cert_not_after == leaf.not_after);
    CHECK(server.requests() == 0);
    CHECK(outcomes == std::vector<std::string>{"tls"});
}

TEST_CASE("TLS: an expired certificate is tls / expired, with its notAfter in the past") {
    test_ca ca;
    cert_spec spec;
    spec.not_before = -2 * 86400s;
    spec.not_after = -86400s;
    auto leaf = ca.issue("expired", spec);
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    client c{ioc.get_executor(), tls_options(ca)};
    auto r = get(ioc, c, "https://localhost:" + std::to_string(server.port()) + "/");
    CHECK(r.error == error_class::tls);
    CHECK_MESSAGE(r.error_detail.find("expired") != std::string::npos, r.error_detail);
    REQUIRE(r.cert_not_after.has_value());
    CHECK(*r.cert_not_after == leaf.not_after);
    CHECK(*r.cert_not_after < std::time(nullptr));
}

TEST_CASE("TLS: a certificate for another name is tls / hostname mismatch") {
    test_ca ca;
    cert_spec spec;
    spec.common_name = "other.example";
    spec.dns_names = {"other.example"};
    spec.ip_addresses = {"10.9.9.9"};
    auto leaf = ca.issue("other", spec);
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    client c{ioc.get_executor(), tls_options(ca)};
    auto r = get(ioc, c, "https://localhost:" + std::to_string(server.port()) + "/");
    CHECK(r.error == error_class::tls);
    CHECK(r.error_detail == "hostname mismatch");
    CHECK(r.cert_not_after == leaf.not_after);

    auto by_ip = get(ioc, c, server.url("/"));
    CHECK(by_ip.error == error_class::tls);
    CHECK(by_ip.error_detail == "IP address mismatch");
}

TEST_CASE("TLS: without the test CA the chain is untrusted") {
    test_ca ca;
    auto leaf = ca.issue("leaf", cert_spec{});
    loopback_server server{tls_server(leaf)};
    server.on("/", hello);
    asio::io_context ioc;
    auto o = tls_options(ca);
    o.ca_file.clear(); // system store: does not know the test CA
    client c{ioc.get_executor(), o};
    auto r = get(ioc, c, "https://localhost:" + std::to_string(server.port()) + "/");
    CHECK(r.error == error_class::tls);
    CHECK_MESSAGE(r.error_detail.find("local issuer") != std::string::npos, r.error_detail);
}

TEST_CASE("an unreadable ca_file makes the client constructor throw") {
    asio::io_context ioc;
    client_options o;
    o.ca_file = "/nonexistent/ca.pem";
    CHECK_THROWS_AS(client(ioc.get_executor(), o), std::runtime_error);
}
