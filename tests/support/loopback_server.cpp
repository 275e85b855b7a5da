#include "tests/support/loopback_server.hpp"

#include "probes/http/net.hpp"

#include <sys/socket.h>

#include <atomic>
#include <list>

namespace govmon::test {

namespace bh = boost::beast::http;
using tcp = asio::ip::tcp;

struct loopback_server::state {
    loopback_options options;
    asio::io_context ioc; // only to own the blocking sockets
    std::unique_ptr<ssl::context> tls;
    tcp::acceptor acceptor{ioc};
    std::map<std::string, loopback_handler> handlers;
    loopback_handler fallback = [](const loopback_request&) {
        loopback_reply r;
        r.status = 404;
        r.body = "not found";
        return r;
    };

    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::vector<int> open_fds;
    std::list<std::thread> workers;
    int connections = 0;
    int active = 0;
    int handled = 0; // requests whose handler ran: recorded once their reply is written
    int max_active = 0;
    std::vector<loopback_request> seen;

    // Sleeps that stop() interrupts; false if stopping.
    bool sleep_for(std::chrono::milliseconds d) {
        std::unique_lock lock{mutex};
        return !wake.wait_for(lock, d, [this] { return stopping; });
    }
};

namespace {

std::string reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

std::string serialize(const loopback_reply& r, bool head) {
    if (!r.raw.empty())
        return r.raw;
    std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
    bool has_length = false;
    for (const auto& [name, value] : r.headers) {
        out += name + ": " + value + "\r\n";
        if (beast::iequals(name, "Content-Length") || beast::iequals(name, "Transfer-Encoding"))
            has_length = true;
    }
    if (!has_length)
        out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
    if (r.close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!head)
        out += r.body;
    return out;
}

template <class Stream> void serve(loopback_server::state& st, Stream& stream, int connection_no) {
    beast::flat_buffer buffer;
    for (int n = 1;; ++n) {
        bh::request_parser<bh::string_body> parser;
        parser.header_limit(1 << 20);
        beast::error_code ec;
        bh::read(stream, buffer, parser, ec);
        if (ec)
            return;
        auto& msg = parser.get();
        loopback_request req;
        req.method = std::string{msg.method_string()};
        req.target = std::string{msg.target()};
        req.host = std::string{msg[bh::field::host]};
        for (const auto& f : msg)
            req.headers.emplace_back(std::string{f.name_string()}, std::string{f.value()});
        req.connection = connection_no;
        req.on_connection = n;
        req.started = std::chrono::steady_clock::now();
        loopback_handler handler;
        {
            std::lock_guard lock{st.mutex};
            auto path = req.target.substr(0, req.target.find('?'));
            auto it = st.handlers.find(path);
            handler = it != st.handlers.end() ? it->second : st.fallback;
            st.max_active = std::max(st.max_active, ++st.active);
            ++st.handled;
        }
        auto reply = handler(req);
        bool alive = true;
        if (reply.hang) {
            std::unique_lock lock{st.mutex};
            st.wake.wait(lock, [&st] { return st.stopping; });
            alive = false;
        }
        if (alive && reply.delay.count() > 0)
            alive = st.sleep_for(reply.delay);
        {
            // Before the answer is written: once the client has read it, it may start its
            // next request, which must not find this one still counted as active.
            std::lock_guard lock{st.mutex};
            --st.active;
        }
        if (alive) {
            auto bytes = serialize(reply, req.method == "HEAD");
            if (reply.dribble.count() > 0) {
                for (std::size_t i = 0; alive && i < bytes.size(); ++i) {
                    asio::write(stream, asio::buffer(bytes.data() + i, 1), ec);
                    alive = !ec && st.sleep_for(reply.dribble);
                }
            } else {
                asio::write(stream, asio::buffer(bytes), ec);
                alive = !ec;
            }
        }
        req.finished = std::chrono::steady_clock::now();
        {
            std::lock_guard lock{st.mutex};
            st.seen.push_back(std::move(req));
        }
        st.wake.notify_all();
        int max_requests = st.options.max_requests_per_connection;
        bool limit_hit = max_requests > 0 && n >= max_requests;
        if (!alive || reply.close || limit_hit || !msg.keep_alive())
            return;
    }
}

// Under the lock, so that stop() never shuts down a descriptor number already reused.
void close_socket(loopback_server::state& st, tcp::socket& socket) {
    std::lock_guard lock{st.mutex};
    std::erase(st.open_fds, socket.native_handle());
    beast::error_code ec;
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

void run_connection(std::shared_ptr<loopback_server::state> st, tcp::socket socket, int number) {
    if (!st->options.read_requests) {
        {
            std::unique_lock lock{st->mutex};
            st->wake.wait(lock, [&st] { return st->stopping; });
        }
        close_socket(*st, socket);
        return;
    }
    if (st->tls) {
        ssl::stream<tcp::socket> stream{std::move(socket), *st->tls};
        beast::error_code ec;
        stream.handshake(ssl::stream_base::server, ec);
        if (!ec)
            serve(*st, stream, number);
        close_socket(*st, stream.next_layer());
    } else {
        serve(*st, socket, number);
        close_socket(*st, socket);
    }
}

void accept_loop(std::shared_ptr<loopback_server::state> st) {
    for (;;) {
        beast::error_code ec;
        tcp::socket socket{st->ioc};
        st->acceptor.accept(socket, ec);
        std::lock_guard lock{st->mutex};
        if (st->stopping)
            return;
        if (ec)
            continue;
        ++st->connections;
        st->wake.notify_all();
        st->open_fds.push_back(socket.native_handle());
        st->workers.emplace_back(run_connection, st, std::move(socket), st->connections);
    }
}

} // namespace

loopback_server::loopback_server(loopback_options options) : state_(std::make_shared<state>()) {
    auto& st = *state_;
    st.options = std::move(options);
    if (!st.options.cert_file.empty()) {
        st.tls = std::make_unique<ssl::context>(ssl::context::tls_server);
        st.tls->use_certificate_chain_file(st.options.cert_file);
        st.tls->use_private_key_file(st.options.key_file, ssl::context::pem);
    }
    tcp::endpoint endpoint{asio::ip::make_address(st.options.address), 0};
    st.acceptor.open(endpoint.protocol());
    st.acceptor.set_option(tcp::acceptor::reuse_address(true));
    st.acceptor.bind(endpoint);
    st.acceptor.listen();
    port_ = st.acceptor.local_endpoint().port();
    acceptor_thread_ = std::thread{accept_loop, state_};
}

loopback_server::~loopback_server() {
    stop();
}

void loopback_server::on(std::string path, loopback_handler handler) {
    std::lock_guard lock{state_->mutex};
    state_->handlers[std::move(path)] = std::move(handler);
}

void loopback_server::otherwise(loopback_handler handler) {
    std::lock_guard lock{state_->mutex};
    state_->fallback = std::move(handler);
}

std::string loopback_server::url(std::string_view path) const {
    const auto& address = state_->options.address;
    auto host = address.find(':') != std::string::npos ? "[" + address + "]" : address;
    return std::string{state_->tls ? "https" : "http"} + "://" + host + ":" +
           std::to_string(port_) + std::string{path};
}

int loopback_server::connections() const {
    std::lock_guard lock{state_->mutex};
    return state_->connections;
}

int loopback_server::requests() const {
    std::lock_guard lock{state_->mutex};
    return static_cast<int>(state_->seen.size());
}

int loopback_server::max_concurrent() const {
    std::lock_guard lock{state_->mutex};
    return state_->max_active;
}

std::vector<loopback_request> loopback_server::seen() const {
    std::lock_guard lock{state_->mutex};
    return state_->seen;
}

bool loopback_server::wait_requests(int n, std::chrono::milliseconds limit) const {
    std::unique_lock lock{state_->mutex};
    return state_->wake.wait_for(lock, limit,
                                 [this, n] { return static_cast<int>(state_->seen.size()) >= n; });
}

bool loopback_server::wait_recorded(std::chrono::milliseconds limit) const {
    std::unique_lock lock{state_->mutex};
    return state_->wake.wait_for(
        lock, limit, [this] { return static_cast<int>(state_->seen.size()) >= state_->handled; });
}

bool loopback_server::wait_connections(int n, std::chrono::milliseconds limit) const {
    std::unique_lock lock{state_->mutex};
    return state_->wake.wait_for(lock, limit, [this, n] { return state_->connections >= n; });
}

void loopback_server::stop() {
    std::list<std::thread> workers;
    {
        std::lock_guard lock{state_->mutex};
        if (state_->stopping)
            return;
        state_->stopping = true;
        // shutdown() wakes threads blocked in accept/read on these descriptors; the sockets
        // themselves are closed by their owners.
        ::shutdown(state_->acceptor.native_handle(), SHUT_RDWR);
        for (int fd : state_->open_fds)
            ::shutdown(fd, SHUT_RDWR);
    }
    state_->wake.notify_all();
    if (acceptor_thread_.joinable())
        acceptor_thread_.join();
    {
        std::lock_guard lock{state_->mutex};
        workers.swap(state_->workers);
    }
    for (auto& t : workers)
        t.join();
    beast::error_code ec;
    state_->acceptor.close(ec);
}

} // namespace govmon::test
