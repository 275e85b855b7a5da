#include "probes/site/cloaking.hpp"

#include "text/host_names.hpp"

namespace govmon {
namespace {

// Baidu's published desktop crawler string (content-checks.md §3.3).
constexpr std::string_view baiduspider =
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)";

std::string terms_of(const own_page_illicit& illicit) {
    std::string out;
    for (const std::string& term : illicit.terms)
        out += (out.empty() ? "" : ", ") + term;
    return out;
}

} // namespace

std::vector<cloaking_variant> cloaking_variants(std::string_view site_name_query) {
    return {
        {"Baiduspider User-Agent", "User-Agent", std::string(baiduspider)},
        {"Baidu Referer", "Referer", "https://www.baidu.com/s?wd=" + std::string(site_name_query)}};
}

std::string cloaking_difference(const page_view& normal, const page_view& variant) {
    if (!variant.ok || !normal.ok)
        return {};
    std::string difference;
    const std::string normal_host = host_of(normal.final_url);
    const std::string variant_host = host_of(variant.final_url);
    if (!variant_host.empty() && variant_host != normal_host)
        difference = "redirected to " + variant.final_url + " (title \"" + variant.title +
                     "\"), where the normal visit ends at " + normal.final_url;
    if (variant.illicit && !normal.illicit)
        difference += (difference.empty() ? "" : ", and ") + std::string("served a page whose ") +
                      variant.illicit->field + " carries gambling/porn vocabulary (" +
                      terms_of(*variant.illicit) + "): \"" + variant.illicit->excerpt +
                      "\"; the normal visit's title is \"" + normal.title + "\"";
    return difference;
}

} // namespace govmon
