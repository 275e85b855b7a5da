#include "probes/site/link_status.hpp"

#include "text/ascii_text.hpp"

#include <functional>
#include <set>
#include <string>

namespace govmon {

link_status status_of(const http::response& r) {
    link_status s;
    s.http_status = r.status;
    // A large attachment, or a body in an encoding we cannot decode, that answered 2xx exists:
    // only its body could not be read.
    if ((r.error == error_class::too_large || r.error == error_class::parse) && r.status >= 200 &&
        r.status < 300)
        return s;
    s.ok = r.ok();
    s.error = r.error;
    s.detail = r.ok() ? std::string{} : r.error_detail;
    if (!s.ok && s.detail.empty())
        s.detail = "HTTP " + std::to_string(r.status);
    return s;
}

bool has_resource_extension(std::string_view url) {
    const auto query = url.find('?');
    std::string_view path = url.substr(0, query);
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos)
        return false;
    const std::string ext = lower_ascii(path.substr(dot + 1));
    static const std::set<std::string, std::less<>> resources{
        "jpg", "jpeg", "png", "gif",  "bmp", "webp", "svg", "ico", "css", "js",   "pdf",
        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip", "rar", "7z",  "mp3",  "mp4",
        "avi", "flv",  "wmv", "wps",  "txt", "xml",  "swf", "ofd", "tif", "tiff", "csv"};
    return resources.count(ext) > 0;
}

} // namespace govmon
