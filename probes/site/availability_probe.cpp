#include "probes/site/availability_probe.hpp"

namespace govmon {

asio::awaitable<availability_result> probe_availability(http::client& client, std::string url) {
    // A named request: g++ 12 mishandles a braced temporary inside a co_await expression.
    http::request req;
    req.url = url;
    req.visit = true;
    auto resp = co_await client.fetch(std::move(req));
    availability_result r;
    r.ok = resp.ok();
    r.http_status = resp.status;
    r.latency_ms = resp.elapsed.count();
    r.attempts = resp.attempts;
    r.phases = resp.phases;
    r.error = resp.error;
    r.error_detail = std::move(resp.error_detail);
    r.final_url = resp.final_url.empty() ? url : resp.final_url;
    r.cert_not_after = resp.cert_not_after;
    r.redirects = std::move(resp.redirects);
    r.ipv6 = co_await client.check_ipv6(r.final_url);
    co_return r;
}

} // namespace govmon
