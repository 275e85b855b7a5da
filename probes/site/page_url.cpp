#include "probes/site/page_url.hpp"

#include "text/ascii_text.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace govmon {

namespace {

// "http" for "http://…", nothing for relative references ("a/b:c" has no scheme).
std::optional<std::string> scheme_of(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    const auto head = url.substr(0, colon);
    const bool valid = std::isalpha(static_cast<unsigned char>(head.front())) &&
                       std::all_of(head.begin(), head.end(), [](unsigned char c) {
                           return std::isalnum(c) || c == '+' || c == '-' || c == '.';
                       });
    if (!valid)
        return std::nullopt;
    return lower_ascii(head);
}

std::string_view without_fragment(std::string_view url) {
    return url.substr(0, std::min(url.find('#'), url.size()));
}

// "https://host:8080" of an absolute URL, or empty.
std::string_view origin_of(std::string_view url) {
    const auto start = url.find("://");
    if (start == std::string_view::npos)
        return {};
    const auto end = url.find_first_of("/?#", start + 3);
    return url.substr(0, std::min(end, url.size()));
}

// RFC 3986 §5.2.4 on the path; the query is carried through untouched.
std::string remove_dot_segments(std::string_view path_and_query) {
    const auto query_start = std::min(path_and_query.find('?'), path_and_query.size());
    const auto path = path_and_query.substr(0, query_start);
    std::vector<std::string_view> kept;
    std::size_t pos = 1; // the path always starts with '/'
    while (pos <= path.size()) {
        const auto end = std::min(path.find('/', pos), path.size());
        const auto segment = path.substr(pos, end - pos);
        const bool last = end == path.size();
        if (segment == "..") {
            if (!kept.empty())
                kept.pop_back();
            if (last)
                kept.emplace_back();
        } else if (segment == ".") {
            if (last)
                kept.emplace_back();
        } else {
            kept.push_back(segment);
        }
        pos = end + 1;
    }
    std::string out;
    for (const auto segment : kept) {
        out += '/';
        out += segment;
    }
    if (out.empty())
        out = "/";
    out += path_and_query.substr(query_start);
    return out;
}

// What follows the origin, without the fragment: "/a/b?q", "?q" or "".
std::string_view path_of(std::string_view url) {
    return without_fragment(url.substr(origin_of(url).size()));
}

// The directory of the page's path, ending in '/', to which a relative path is appended.
std::string base_directory(std::string_view page_url) {
    auto path = path_of(page_url);
    path = path.substr(0, std::min(path.find('?'), path.size()));
    const auto slash = path.rfind('/');
    if (slash == std::string_view::npos)
        return "/";
    return std::string(path.substr(0, slash + 1));
}

} // namespace

std::optional<std::string> resolve_link(std::string_view href, std::string_view page_url) {
    href = trim_ascii_space(href);
    if (href.empty() || href.front() == '#')
        return std::nullopt;
    if (const auto scheme = scheme_of(href)) {
        if (*scheme != "http" && *scheme != "https")
            return std::nullopt;
        const auto origin = origin_of(href);
        if (origin.size() <= scheme->size() + 3)
            return std::nullopt; // "http://" without a host
        const auto rest = path_of(href);
        return std::string(origin) + remove_dot_segments(rest.starts_with('/')
                                                             ? std::string(rest)
                                                             : "/" + std::string(rest));
    }
    const auto page_origin = origin_of(page_url);
    if (page_origin.empty())
        return std::nullopt;
    const auto link = without_fragment(href);
    if (link.starts_with("//")) {
        const auto page_scheme = scheme_of(page_url).value_or("http");
        return resolve_link(page_scheme + ":" + std::string(link), page_url);
    }
    if (link.starts_with('/'))
        return std::string(page_origin) + remove_dot_segments(link);
    if (link.starts_with('?')) {
        auto path = path_of(page_url);
        path = path.substr(0, std::min(path.find('?'), path.size()));
        return std::string(page_origin) + (path.empty() ? "/" : std::string(path)) +
               std::string(link);
    }
    return std::string(page_origin) +
           remove_dot_segments(base_directory(page_url) + std::string(link));
}

std::string authority_of(std::string_view url) {
    const auto origin = origin_of(url);
    if (origin.empty())
        return {};
    auto authority = origin.substr(origin.find("://") + 3);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos)
        authority.remove_prefix(at + 1);
    return lower_ascii(authority);
}

} // namespace govmon
