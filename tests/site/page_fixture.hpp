#pragma once

#include "probes/dates/calendar.hpp"

#include <libxml/HTMLparser.h>

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace govmon::test {

struct doc_deleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using parsed_page = std::unique_ptr<xmlDoc, doc_deleter>;

// As the crawler parses a page once probes/html/ has decoded it to UTF-8.
inline parsed_page parse_page(std::string_view html) {
    return parsed_page(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
}

inline std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// A fixture of tests/site/fixtures, written in the shape of a real page.
inline std::string site_fixture(std::string_view name) {
    return file_text(std::string(GOVMON_SOURCE_DIR) + "/tests/site/fixtures/" + std::string(name));
}

// Every corpus page is UTF-8 (each declares it and `file` agrees), so no iconv step is needed.
inline std::string corpus_page(std::string_view name) {
    return file_text(std::string(GOVMON_SHARED_DIR) + "/corpora/realworld/pages/" +
                     std::string(name));
}

inline std::int64_t beijing(int year, int month, int day, int hour = 0, int minute = 0,
                            int second = 0) {
    return days_from_civil({year, month, day}) * seconds_per_day + hour * 3600 + minute * 60 +
           second - beijing_utc_offset;
}

// latest_instant of a day-precision date: 23:59:59 Beijing.
inline std::int64_t end_of_day(int year, int month, int day) {
    return beijing(year, month, day, 23, 59, 59);
}

} // namespace govmon::test
