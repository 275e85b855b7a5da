#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace govmon::test {

// One request as the server saw it.
struct loopback_request {
    std::string method;
    std::string target; // path + query
    std::string host;   // the Host header
    std::vector<std::pair<std::string, std::string>> headers;
    int connection = 0;    // 1-based number of the accepted connection
    int on_connection = 0; // 1-based number of the request on its connection
    std::chrono::steady_clock::time_point started{};
    std::chrono::steady_clock::time_point finished{}; // reply written (or given up)
};

// What to send back. By default a 200 with `body` and a Content-Length.
struct loopback_reply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string raw;                      // if set: sent as is, in one write, instead
    std::chrono::milliseconds delay{0};   // wait before answering
    std::chrono::milliseconds dribble{0}; // if set: one byte per interval
    bool hang = false;                    // never answer; hold the connection until stop()
    bool close = false;                   // close the connection after this reply
};

using loopback_handler = std::function<loopback_reply(const loopback_request&)>;

struct loopback_options {
    std::string address = "127.0.0.1"; // or "::1"
    std::string cert_file;             // both set: TLS
    std::string key_file;
    int max_requests_per_connection = 0; // > 0: close silently after that many (no header)
    bool read_requests = true;           // false: accept and never read nor answer
};

// An HTTP/1.1 (optionally TLS) server on a loopback port chosen by the kernel, one blocking
// thread per connection, scripted by path. For tests only: no internet, no fixed ports.
class loopback_server {
public:
    explicit loopback_server(loopback_options options = {});
    ~loopback_server();
    loopback_server(const loopback_server&) = delete;
    loopback_server& operator=(const loopback_server&) = delete;

    // Handler for an exact path (target without the query); `otherwise` for the rest (default:
    // 404). Register before the first request.
    void on(std::string path, loopback_handler handler);
    void otherwise(loopback_handler handler);

    std::uint16_t port() const { return port_; }
    // "http://127.0.0.1:port/path" (https when TLS; brackets for IPv6).
    std::string url(std::string_view path = "/") const;

    int connections() const;
    int requests() const;
    int max_concurrent() const; // most requests being answered at the same time
    std::vector<loopback_request> seen() const;
    // A request is recorded after its reply is written, so a client can see the reply first;
    // wait until `n` requests are recorded (or `limit` passes). True if they are.
    bool wait_requests(int n, std::chrono::milliseconds limit = std::chrono::seconds{2}) const;
    // Wait until every request the server has begun answering is recorded (or `limit` passes).
    bool wait_recorded(std::chrono::milliseconds limit = std::chrono::seconds{2}) const;
    // The client's connect can complete before the accepting thread has counted it.
    bool wait_connections(int n, std::chrono::milliseconds limit = std::chrono::seconds{2}) const;

    void stop();

    struct state; // implementation detail, public only for the file-local worker functions

private:
    std::shared_ptr<state> state_;
    std::uint16_t port_ = 0;
    std::thread acceptor_thread_;
};

} // namespace govmon::test
