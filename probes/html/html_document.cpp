#include "probes/html/html_document.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <string>

namespace govmon::html {

namespace {

// libxml2 wants xmlInitParser before first use from any thread; tests and tools never call
// main's initialisation, so the parser makes sure itself.
void init_libxml_once() {
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialised;
}

// IGNORE_ENC: the text is UTF-8 already, so the <meta charset=gbk> still in it must not make
// libxml2 switch decoders. HUGE: without it libxml2 drops everything nested deeper than 256
// elements, and a list whose every item leaves a <font> open gets there. No NOIMPLIED: the
// implied <html><body> give every page one shape.
constexpr int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                              XML_PARSE_HUGE;

} // namespace

html_document::html_document(std::string_view utf8, std::string_view url) {
    init_libxml_once();
    // Bodies are capped far below this by the HTTP client; the cap only keeps the cast honest.
    const auto size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT_MAX));
    const std::string url_text{url};
    doc_.reset(htmlReadMemory(utf8.empty() ? "" : utf8.data(), size,
                              url_text.empty() ? nullptr : url_text.c_str(), "UTF-8",
                              parse_options));
}

xmlNodePtr html_document::root() const {
    return doc_ ? xmlDocGetRootElement(doc_.get()) : nullptr;
}

} // namespace govmon::html
