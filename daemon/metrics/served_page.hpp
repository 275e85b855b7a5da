#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace govmon {

// An answer of the metrics listener besides /metrics (the status page).
struct served_page {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
};

// Asked for every GET or HEAD on the metrics listener with the request's decoded path: an
// answer, or nothing to let prometheus-cpp answer (/metrics). Runs on the listener's threads.
using page_source = std::function<std::optional<served_page>(std::string_view path)>;

} // namespace govmon
