#include "probes/site/url_date.hpp"

#include <regex>

namespace govmon {
namespace {

std::optional<civil_date> valid(int year, int month, int day) {
    if (year < 1995 || year > 2100 || !is_valid_civil_date(year, month, day))
        return std::nullopt;
    return civil_date{year, month, day};
}

int number(const std::csub_match& m) {
    return std::stoi(m.str());
}

// The path of a URL: a date in a query string is a search parameter, not a publishing date.
std::string_view path_of(std::string_view url) {
    const auto scheme = url.find("://");
    const auto start = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (start == std::string_view::npos)
        return {};
    const auto end = url.find_first_of("?#", start);
    return url.substr(start, end == std::string_view::npos ? url.size() - start : end - start);
}

// The path with every run of digits made one '#': dates in directories and the number itself
// vary inside a family, the words of the path do not.
std::string family_of(std::string_view path) {
    std::string family;
    for (const char c : path) {
        const bool digit = c >= '0' && c <= '9';
        if (!digit)
            family += c;
        else if (family.empty() || family.back() != '#')
            family += '#';
    }
    return family;
}

} // namespace

std::optional<civil_date> date_in_url(std::string_view url) {
    const std::string path(path_of(url));
    static const std::regex trs{R"(/t((?:19|20)\d\d)(\d\d)(\d\d)_\d+)"};
    static const std::regex hanweb{R"(/art/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/art_)"};
    static const std::regex split{R"(/((?:19|20)\d\d)-?/?(\d\d)/?(\d\d)/)"};
    std::cmatch m;
    for (const std::regex* pattern : {&trs, &hanweb, &split})
        if (std::regex_search(path.c_str(), m, *pattern))
            return valid(number(m[1]), number(m[2]), number(m[3]));
    return std::nullopt;
}

std::optional<document_id> document_id_in_url(std::string_view url) {
    const std::string path(path_of(url));
    static const std::regex trs{R"(/t\d{8}_(\d+)\.s?html?$)"};
    static const std::regex hanweb{R"(/art_\d+_(\d+)\.s?html?$)"};
    static const std::regex content{R"(/content_(\d+)\.s?html?$)"};
    static const std::regex digits{R"(/(\d{3,})\.s?html?$)"};
    std::cmatch m;
    for (const std::regex* pattern : {&trs, &hanweb, &content, &digits})
        if (std::regex_search(path.c_str(), m, *pattern)) {
            if (m.length(1) > 15)
                return std::nullopt;
            return document_id{std::stoll(m[1].str()), family_of(path)};
        }
    return std::nullopt;
}

} // namespace govmon
