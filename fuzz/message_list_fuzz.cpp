// A consultation channel's pages on arbitrary bytes: parsed by libxml2 as the crawler parses a
// page, then read as a home page for its channels, as a message list and as a message's own
// page; the bytes read as jact's dataStore answer and as a page's text whose office's part is
// looked for.
#include "probes/html/html_document.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/site/cms_records.hpp"
#include "probes/site/interaction_channels.hpp"
#include "probes/site/message_list.hpp"
#include "probes/site/message_page.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {
// A fixed "now" (2026-11-20 10:00 Beijing) keeps every run reproducible.
constexpr std::int64_t now = 1795140000;
constexpr std::string_view page_url = "http://www.example.gov.cn/hdjl/zxly/index.html";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    (void)govmon::read_datastore_array(text);
    if (const auto office = govmon::office_written_text(text); office && office->size() > 2 * size)
        __builtin_trap();
    const govmon::html::html_document page{text, page_url};
    if (page.get() == nullptr)
        return 0;
    const auto links = govmon::html::extract_links(page, page_url);
    if (govmon::find_interaction_channels(links, page_url, 8).size() > 8)
        __builtin_trap();
    (void)govmon::read_message_list(page, page_url, now);
    (void)govmon::read_message_detail(page, now);
    return 0;
}
