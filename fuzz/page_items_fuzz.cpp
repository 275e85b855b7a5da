// The page reader on arbitrary bytes: parsed by libxml2 as the crawler parses a page, then read
// for dated rows, CMS records and an article date; the same bytes read as a Hanweb
// dataproxy.jsp answer and as a script's document.write calls.
#include "probes/html/html_document.hpp"
#include "probes/site/cms_records.hpp"
#include "probes/site/page_items.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
// A fixed "now" (2026-11-20 10:00 Beijing) keeps every run reproducible.
constexpr std::int64_t now = 1795140000;
constexpr std::string_view page_url = "http://www.example.gov.cn/col/col123/index.html";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    const govmon::html::html_document page{text, page_url};
    if (page.get() != nullptr) {
        const auto reading = govmon::read_page(page.get(), page_url, now);
        if (reading.undated_entries.size() > govmon::max_undated_entries) {
            __builtin_trap();
        }
        (void)govmon::newest(reading);
    }
    (void)govmon::read_datastore_answer(text, page_url, now);
    (void)govmon::document_written_html(text);
    return 0;
}
