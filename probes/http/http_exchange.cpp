#include "probes/http/http_exchange.hpp"

#include "probes/http/content_decoding.hpp"

namespace govmon::http {

namespace {

namespace bh = boost::beast::http;
using steady = std::chrono::steady_clock;
using error_code = boost::system::error_code;

std::chrono::microseconds since(steady::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(steady::now() - start);
}

// A pooled connection the server closed while idle shows up as one of these before the first
// byte of the response.
bool is_closed_error(const error_code& ec) {
    return ec == bh::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::connection_aborted || ec == ssl::error::stream_truncated ||
           ec == bh::error::partial_message;
}

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1024 * 1024) == 0)
        return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes % 1024 == 0)
        return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// Beast sets `timeout` when the stream's expiry fires; on Boost 1.74 an op started after
// expiry can also fail otherwise (P14), hence the check against our own deadline.
hop_result classify_io(const error_code& ec, steady::time_point deadline, const char* phase,
                       const client_options& options) {
    if (ec == beast::error::timeout || steady::now() >= deadline)
        return hop_failure(error_class::timeout, std::string{"timeout "} + phase);
    if (ec == bh::error::body_limit)
        return hop_failure(error_class::too_large, "body over " + size_text(options.max_body));
    if (ec == bh::error::header_limit || ec == bh::error::buffer_overflow)
        return hop_failure(error_class::too_large, "header over " + size_text(options.max_header));
    if (is_closed_error(ec))
        return hop_failure(error_class::connect, std::string{"connection closed "} + phase);
    if (ec.category() == bh::make_error_code(bh::error::bad_version).category())
        return hop_failure(error_class::http, "malformed response: " + ec.message());
    return hop_failure(error_class::connect, ec.message() + " " + phase);
}

bh::request<bh::empty_body> make_request(const exchange_request& req,
                                         const client_options& options) {
    bh::request<bh::empty_body> out{req.method == "HEAD" ? bh::verb::head : bh::verb::get,
                                    req.target.target, 11};
    out.set(bh::field::host, req.target.authority());
    out.set(bh::field::user_agent, options.user_agent);
    out.set(bh::field::accept, "*/*");
    // decode_body reads these; they save the sites' bandwidth on every page of a crawl.
    out.set(bh::field::accept_encoding, "gzip, deflate");
    for (const header_field& h : req.headers)
        if (!beast::iequals(h.name, "accept-encoding"))
            out.set(h.name, h.value);
    return out;
}

// Servers compress even when asked for identity, so whatever they name is decoded. A redirect's
// body is never read; an error answer whose body cannot be decoded keeps its HTTP error.
void decode_body(const std::string& method, hop_result& hop, std::uint64_t max_body) {
    auto coding = find_header(hop.headers, "content-encoding");
    if (!coding || method == "HEAD" || (hop.status >= 300 && hop.status < 400))
        return;
    auto decoded = decode_content(*coding, std::move(hop.body), max_body);
    hop.body = std::move(decoded.body);
    if (decoded.error != error_class::none && hop.status < 400) {
        hop.error = decoded.error;
        hop.detail = std::move(decoded.detail);
    }
}

template <class Stream>
asio::awaitable<void>
read_body(Stream& stream, connection& conn, bh::response_parser<bh::string_body>& parser,
          const exchange_request& req, const client_options& options, exchange_result& out) {
    error_code ec;
    co_await bh::async_read(stream, conn.buffer, parser,
                            asio::redirect_error(asio::use_awaitable, ec));
    // A body delimited by EOF over TLS ends in stream_truncated when the server skips
    // close_notify (P11); the message itself is complete.
    if (ec == ssl::error::stream_truncated && parser.need_eof()) {
        ec = {};
        parser.put_eof(ec);
    }
    if (ec) {
        int status = out.hop.status;
        out.hop = classify_io(ec, req.deadline, "reading response body", options);
        out.hop.status = status;
    }
}

void take_message(bh::response_parser<bh::string_body>& parser, const exchange_request& req,
                  const client_options& options, exchange_result& out) {
    auto& msg = parser.get();
    for (const auto& field : msg)
        out.hop.headers.push_back(
            header_field{std::string{field.name_string()}, std::string{field.value()}});
    out.keep_alive = msg.keep_alive() && parser.is_done();
    out.hop.body = std::move(msg.body());
    decode_body(req.method, out.hop, options.max_body);
    classify_answer(out.hop);
}

template <class Stream>
asio::awaitable<exchange_result> exchange_on(Stream& stream, connection& conn, exchange_request req,
                                             const client_options& options, phase_times& phases) {
    exchange_result out;
    if (steady::now() >= req.deadline) {
        out.hop = hop_failure(error_class::timeout, "timeout before request");
        co_return out;
    }
    auto message = make_request(req, options);
    error_code ec;
    conn.lowest().expires_at(req.deadline);
    auto request_start = steady::now();
    co_await bh::async_write(stream, message, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        // Whatever a reused connection fails with before the deadline is taken for a close.
        if (req.reused && steady::now() < req.deadline && ec != beast::error::timeout)
            out.stale = true;
        else
            out.hop = classify_io(ec, req.deadline, "sending request", options);
        co_return out;
    }
    bh::response_parser<bh::string_body> parser;
    parser.header_limit(options.max_header);
    // Never boost::none on 1.74 (Beast v301 fixed an error with an unlimited body).
    parser.body_limit(options.max_body);
    if (req.method == "HEAD")
        parser.skip(true);
    co_await bh::async_read_header(stream, conn.buffer, parser,
                                   asio::redirect_error(asio::use_awaitable, ec));
    phases.first_byte = since(request_start);
    if (ec) {
        if (req.reused && !parser.got_some() && conn.buffer.size() == 0 && is_closed_error(ec) &&
            steady::now() < req.deadline)
            out.stale = true;
        else
            out.hop = classify_io(ec, req.deadline, "reading response header", options);
        co_return out;
    }
    out.hop.status = static_cast<int>(parser.get().result_int());
    if (!parser.is_done()) {
        auto body_start = steady::now();
        if (body_start >= req.deadline) {
            out.hop = hop_failure(error_class::timeout, "timeout reading response body");
            co_return out;
        }
        co_await read_body(stream, conn, parser, req, options, out);
        phases.transfer = since(body_start);
        if (out.hop.error != error_class::none)
            co_return out;
    }
    take_message(parser, req, options, out);
    co_return out;
}

} // namespace

asio::awaitable<exchange_result> exchange(connection& conn, exchange_request req,
                                          const client_options& options, phase_times& phases) {
    if (conn.tls)
        co_return co_await exchange_on(*conn.tls, conn, req, options, phases);
    co_return co_await exchange_on(*conn.plain, conn, req, options, phases);
}

} // namespace govmon::http
