#include "daemon/metrics/page_routes.hpp"

#include <CivetServer.h>
#include <civetweb.h>

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace govmon {
namespace {

struct page_registry {
    std::mutex mutex;
    std::map<int, std::shared_ptr<const page_source>> by_port;
};

page_registry& registry() {
    static page_registry r;
    return r;
}

std::shared_ptr<const page_source> source_of(int port) {
    page_registry& r = registry();
    std::lock_guard lock(r.mutex);
    const auto it = r.by_port.find(port);
    return it == r.by_port.end() ? nullptr : it->second;
}

void send(mg_connection* conn, const served_page& page, bool head) {
    const std::string length = std::to_string(page.body.size());
    mg_response_header_start(conn, page.status);
    mg_response_header_add(conn, "Content-Type", page.content_type.c_str(), -1);
    mg_response_header_add(conn, "Content-Length", length.c_str(), -1);
    mg_response_header_add(conn, "Cache-Control", "no-store", -1);
    // Whatever a page holds, the browser runs no script and fetches nothing: escaping is the
    // first defence, this the second.
    mg_response_header_add(conn, "Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'; img-src data:", -1);
    mg_response_header_add(conn, "X-Content-Type-Options", "nosniff", -1);
    mg_response_header_send(conn);
    if (!head)
        mg_write(conn, page.body.data(), page.body.size());
}

int begin_request(mg_connection* conn) {
    const mg_request_info* request = mg_get_request_info(conn);
    if (!request || !request->local_uri || !request->request_method)
        return 0;
    const bool head = std::strcmp(request->request_method, "HEAD") == 0;
    if (!head && std::strcmp(request->request_method, "GET") != 0)
        return 0;
    const auto pages = source_of(request->server_port);
    if (!pages)
        return 0;
    const std::optional<served_page> page = (*pages)(request->local_uri);
    if (!page)
        return 0;
    send(conn, *page, head);
    return page->status;
}

CivetCallbacks make_callbacks() {
    CivetCallbacks callbacks;
    callbacks.begin_request = begin_request;
    return callbacks;
}

} // namespace

const CivetCallbacks& page_callbacks() {
    static const CivetCallbacks callbacks = make_callbacks();
    return callbacks;
}

void add_page_source(int port, page_source pages) {
    page_registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.by_port[port] = std::make_shared<const page_source>(std::move(pages));
}

void remove_page_source(int port) {
    page_registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.by_port.erase(port);
}

} // namespace govmon
