#pragma once

#include "probes/site/own_page_illicit.hpp"

#include <optional>
#include <string>
#include <vector>

namespace govmon {

// The home page as one kind of visitor got it.
struct page_view {
    bool ok = false; // a 2xx HTML page was read
    int http_status = 0;
    std::string final_url; // after redirects
    std::string title;
    std::optional<own_page_illicit> illicit; // judge_own_page of what it served
};

// How a search engine's visitors are told apart from a person's: Baidu's crawler by its
// User-Agent, a reader arriving from a Baidu search by the Referer.
struct cloaking_variant {
    std::string name;   // "Baiduspider User-Agent", "Baidu Referer"
    std::string header; // "User-Agent", "Referer"
    std::string value;
};

std::vector<cloaking_variant> cloaking_variants(std::string_view site_name_query);

// What a variant got that the normal visit did not (伪装/cloaking): a page judged illicit that
// the normal one is not, or a redirect to another host. Empty when they agree, or when the
// variant did not load (a refusal of a crawler is no sign of tampering).
std::string cloaking_difference(const page_view& normal, const page_view& variant);

} // namespace govmon
