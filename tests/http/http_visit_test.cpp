// Availability visits as the inspection counts them: one attempt, one 15 s limit for the whole
// visit (DNS, connect, TLS, header, body), the phases measured. These run at the real figures
// (15 s, 16 s, 6 s): the point is what the default limits do.
#include "probes/http/http_client.hpp"
#include "probes/site/availability_probe.hpp"
#include "tests/http/run_coro.hpp"
#include "tests/support/loopback_server.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace govmon;
using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::test::loopback_reply;
using govmon::test::loopback_request;
using govmon::test::loopback_server;
using govmon::test::run_coro;

namespace {

// The shipped defaults (timeout 15 s, connect_timeout 5 s, 2 retries), loopback allowed.
client_options default_options() {
    client_options o;
    o.per_host_delay = 0ms;
    o.allow_private = true;
    return o;
}

// A server whose TCP handshake completes only after `delay`: its listen queue (backlog 0) is
// kept full by a connection of its own, so the kernel drops the client's SYNs until the server
// accepts that filler; the client's SYN retransmission then gets through. On loopback an
// ordinary listener completes the handshake before accept(), so this is how to make the
// connect itself slow without root. Answers one request with 200 "up" and closes.
class slow_handshake_server {
public:
    explicit slow_handshake_server(std::chrono::milliseconds delay) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(listener_, 0) == 0);
        socklen_t len = sizeof addr;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        filler_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(::connect(filler_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        thread_ = std::thread([this, delay] { serve(delay); });
    }
    ~slow_handshake_server() {
        finish();
        ::close(filler_);
        ::close(listener_);
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
    // Waits for the serving thread: the client may read the reply before the thread records it.
    bool answered() {
        finish();
        return answered_;
    }

private:
    void finish() {
        if (thread_.joinable())
            thread_.join();
    }

    int accept_within(int timeout_ms) {
        pollfd p{listener_, POLLIN, 0};
        return ::poll(&p, 1, timeout_ms) == 1 ? ::accept(listener_, nullptr, nullptr) : -1;
    }

    void serve(std::chrono::milliseconds delay) {
        std::this_thread::sleep_for(delay);
        if (int filler = accept_within(1000); filler >= 0)
            ::close(filler);
        int client = accept_within(20000);
        if (client < 0)
            return;
        std::string request;
        char buf[1024];
        while (request.find("\r\n\r\n") == std::string::npos) {
            auto n = ::read(client, buf, sizeof buf);
            if (n <= 0)
                break;
            request.append(buf, static_cast<std::size_t>(n));
        }
        const std::string reply = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                  "Content-Length: 2\r\nConnection: close\r\n\r\nup";
        answered_ =
            ::write(client, reply.data(), reply.size()) == static_cast<ssize_t>(reply.size());
        ::close(client);
    }

    int listener_ = -1;
    int filler_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> answered_{false};
    std::thread thread_;
};

} // namespace

TEST_CASE("a server that answers after 16 s is one failed visit with attempts 1") {
    loopback_server server;
    server.on("/", [](const loopback_request&) {
        loopback_reply r;
        r.delay = 16s;
        r.body = "late";
        return r;
    });
    asio::io_context ioc;
    client c{ioc.get_executor(), default_options()};
    auto r = run_coro(ioc, probe_availability(c, server.url("/")), 40s);
    CHECK_FALSE(r.ok);
    CHECK(r.error == error_class::timeout);
    CHECK(r.attempts == 1);
    CHECK(server.connections() == 1);  // no retry on a second connection
    CHECK(r.phases.first_byte >= 14s); // the whole 15 s went to waiting for the header
    server.stop();
}

TEST_CASE("a server that accepts the connection after 6 s and answers at once is a success") {
    slow_handshake_server server{6s};
    asio::io_context ioc;
    client c{ioc.get_executor(), default_options()};
    auto r = run_coro(ioc, probe_availability(c, server.url()), 40s);
    CHECK(r.ok);
    CHECK(r.http_status == 200);
    CHECK(r.attempts == 1);
    // Longer than the 5 s connect_timeout a crawl keeps: a visit has no limit of its own there.
    CHECK(r.phases.connect > default_options().connect_timeout);
    CHECK(server.answered());
}

TEST_CASE("a crawl's fetch keeps the separate connect limit") {
    slow_handshake_server server{6s};
    asio::io_context ioc;
    auto o = default_options();
    o.retries = 0;
    client c{ioc.get_executor(), o};
    auto r = run_coro(ioc, c.fetch(request{server.url(), "GET"}), 40s);
    CHECK(r.error == error_class::timeout);
    CHECK(r.error_detail == "connect timeout");
    CHECK_FALSE(server.answered());
}

TEST_CASE("a visit is never retried and never starts on a pooled connection") {
    loopback_server server;
    int calls = 0;
    server.on("/", [&calls](const loopback_request&) {
        loopback_reply r;
        r.status = ++calls == 1 ? 200 : 503;
        r.body = "x";
        return r;
    });
    asio::io_context ioc;
    auto o = default_options();
    o.retry_backoff = 10ms;
    client c{ioc.get_executor(), o};
    CHECK(run_coro(ioc, c.fetch(request{server.url("/"), "GET"})).ok()); // pools a connection
    auto visit = run_coro(ioc, probe_availability(c, server.url("/")));
    CHECK_FALSE(visit.ok);
    CHECK(visit.http_status == 503);
    CHECK(visit.attempts == 1);
    CHECK(server.connections() == 2);
    auto crawl = run_coro(ioc, c.fetch(request{server.url("/"), "GET"}));
    CHECK(crawl.attempts == 3); // a crawl's fetch keeps its two retries
}

TEST_CASE("a visit records its phases, summed over redirects") {
    loopback_server server;
    server.on("/", [](const loopback_request&) {
        loopback_reply r;
        r.status = 302;
        r.headers.emplace_back("Location", "/home");
        return r;
    });
    server.on("/home", [](const loopback_request&) {
        loopback_reply r;
        r.body = std::string(100000, 'x');
        return r;
    });
    asio::io_context ioc;
    client c{ioc.get_executor(), default_options()};
    auto r = run_coro(ioc, probe_availability(c, server.url("/")));
    REQUIRE(r.ok);
    CHECK(r.attempts == 1);
    CHECK(r.redirects.size() == 1);
    CHECK(r.phases.first_byte.count() > 0);
    CHECK(r.phases.dns.count() >= 0);
    CHECK(r.phases.tls.count() == 0); // plain http
    auto sum =
        r.phases.dns + r.phases.connect + r.phases.tls + r.phases.first_byte + r.phases.transfer;
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(sum).count() <= r.latency_ms);
}
