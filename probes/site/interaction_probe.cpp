#include "probes/site/interaction_probe.hpp"

#include "probes/html/html_decode.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/site/cms_records.hpp"
#include "probes/site/interaction_channels.hpp"
#include "probes/site/message_list.hpp"
#include "probes/site/page_renderer.hpp"
#include "text/utf8_reader.hpp"

#include <algorithm>
#include <deque>
#include <set>

namespace govmon {
namespace {

// Channels a hub page links to, at most: 领导信箱, 部门信箱, 政务咨询, 在线留言…
constexpr std::size_t hub_links_kept = 8;
// Channel pages rendered per site: a 我要写信 form lists nothing however it is loaded, and a
// browser costs seconds.
constexpr int max_renders = 2;

// A list page as HTML: a jact data answer (`dataStore = [ "<tr…>", … ];`) is its rows' table.
std::string list_markup(const channel_page& page) {
    if (auto rows = read_datastore_array(page.utf8))
        return "<html><body><table>" + *rows + "</table></body></html>";
    return page.utf8;
}

// Where a list that shows no row as served gets them from: a person checking the reading can
// tell a list filled by script (jact's dataproxy POST, EVECOM's JSON) from an empty channel.
std::string script_source_of_rows(std::string_view source) {
    constexpr std::string_view proxy = "dataproxy";
    if (const auto at = source.find(proxy); at != std::string_view::npos) {
        constexpr std::string_view stops = "\"' ()<>;,";
        const auto start = source.find_last_of(stops, at);
        const auto begin = start == std::string_view::npos ? 0 : start + 1;
        const auto end = std::min(source.find_first_of(stops, at), source.size());
        return "rows come by a script's request to " +
               std::string{bounded_text(source.substr(begin, end - begin), 120)} +
               " (not sent: the platform takes it by POST)";
    }
    for (std::string_view call : {".ajax(", "$.post(", "$.get(", ".getJSON(", "XMLHttpRequest"})
        if (source.find(call) != std::string_view::npos)
            return "rows come by a script's request (" + std::string{call} + "), not sent";
    return {};
}

class interaction_reader {
public:
    interaction_reader(markup_source& source, interaction_options options, page_renderer* renderer,
                       std::int64_t now)
        : source_(source), options_(std::move(options)), renderer_(renderer), now_(now),
          details_left_(options_.max_details) {}

    asio::awaitable<interaction_reading> run(std::vector<channel_link> found,
                                             std::size_t home_links) {
        interaction_reading reading;
        reading.read_at = now_;
        reading.home_links = home_links;
        reading.elsewhere = options_.elsewhere;
        reading.configured = !options_.channels.empty();
        if (!reading.elsewhere.empty())
            co_return reading;
        if (reading.configured) {
            found.clear();
            for (const std::string& url : options_.channels)
                found.push_back({"", url});
        }
        std::deque<channel_link> queue(found.begin(), found.end());
        for (const channel_link& c : found)
            seen_.insert(c.url);
        while (!queue.empty() && reading.channels.size() < options_.max_channels) {
            channel_link channel = std::move(queue.front());
            queue.pop_front();
            channel_reading read =
                co_await read_channel(std::move(channel), reading.configured, queue);
            reading.channels.push_back(std::move(read));
        }
        co_return reading;
    }

private:
    asio::awaitable<channel_reading> read_channel(channel_link channel, bool configured,
                                                  std::deque<channel_link>& queue) {
        channel_reading read{std::move(channel), configured};
        const channel_page page = co_await source_.fetch_channel_page(read.channel.url);
        read.ok = page.ok;
        read.http_status = page.http_status;
        read.error = page.error;
        read.error_detail = page.error_detail;
        if (!page.ok)
            co_return read;
        read.list_pages = 1;
        message_list list;
        bool hub = false;
        {
            const html::html_document doc(list_markup(page), page.final_url);
            list = read_message_list(doc, page.final_url, now_);
            if (list.rows.empty()) {
                note_empty_list(page.utf8, read);
                hub = !configured && queue_hub_links(doc, page.final_url, queue);
                if (hub)
                    read.attempts.push_back("hub page: links to further channels");
            }
        }
        if (list.rows.empty() && !hub)
            co_await render_list(page.final_url, read, list);
        adopt(list, read);
        co_await follow_next_pages(list.next_page, read);
        co_await open_details(read);
        co_return read;
    }

    bool queue_hub_links(const html::html_document& doc, const std::string& url,
                         std::deque<channel_link>& queue) {
        bool any = false;
        for (channel_link& c :
             find_interaction_channels(html::extract_links(doc, url), url, hub_links_kept))
            if (seen_.insert(c.url).second) {
                queue.push_back(std::move(c));
                any = true;
            }
        return any;
    }

    static void note_empty_list(std::string_view source, channel_reading& read) {
        read.attempts.push_back("page as served: no message rows");
        if (std::string loader = script_source_of_rows(source); !loader.empty())
            read.attempts.push_back(std::move(loader));
    }

    asio::awaitable<void> render_list(const std::string& url, channel_reading& read,
                                      message_list& list) {
        if (!renderer_) {
            read.attempts.push_back("not rendered: no browser (crawl.render)");
            co_return;
        }
        if (renders_ >= max_renders) {
            read.attempts.push_back("not rendered: the site's " + std::to_string(max_renders) +
                                    " browser renders are used");
            co_return;
        }
        ++renders_;
        const rendered_page page = co_await renderer_->render(url);
        if (page.result == render_result::ok) {
            const html::decoded_html decoded =
                html::decode_html(page.html, "text/html; charset=utf-8");
            const html::html_document doc(decoded.utf8, url);
            list = read_message_list(doc, url, now_);
        }
        read.attempts.push_back(render_attempt(page, list.rows.size()));
    }

    static void adopt(message_list& list, channel_reading& read) {
        read.reply_times_shown = read.reply_times_shown || list.reply_times_shown;
        for (message_row& row : list.rows)
            read.messages.push_back(std::move(row));
        list.rows.clear();
    }

    asio::awaitable<void> follow_next_pages(std::string next, channel_reading& read) {
        while (!next.empty() && read.list_pages < options_.max_list_pages &&
               seen_.insert(next).second) {
            const channel_page page = co_await source_.fetch_channel_page(next);
            if (!page.ok)
                break;
            ++read.list_pages;
            const html::html_document doc(list_markup(page), page.final_url);
            message_list list = read_message_list(doc, page.final_url, now_);
            next = list.next_page;
            adopt(list, read);
        }
    }

    // Messages the list leaves open to doubt: no answer state, or answered without a date.
    static bool worth_opening(const message_row& row) {
        return !row.url.empty() && (row.state == reply_state::unknown ||
                                    row.state == reply_state::probably_unanswered ||
                                    (row.state == reply_state::answered && !row.replied));
    }

    asio::awaitable<void> open_details(channel_reading& read) {
        for (message_row& row : read.messages) {
            if (details_left_ <= 0)
                break;
            if (!worth_opening(row))
                continue;
            --details_left_;
            const channel_page page = co_await source_.fetch_channel_page(row.url);
            if (!page.ok)
                continue;
            ++read.details_opened;
            const html::html_document doc(page.utf8, page.final_url);
            const message_facts facts = read_message_detail(doc, now_);
            if (!row.asked)
                row.asked = facts.asked;
            if (facts.replied) {
                row.replied = facts.replied;
                row.state = reply_state::answered;
            } else if (facts.state != reply_state::unknown) {
                row.state = facts.state;
                row.status = facts.status;
            }
            row.dated = row.dated || facts.asked || facts.replied;
        }
        if (read.details_opened > 0)
            read.attempts.push_back(std::to_string(read.details_opened) + " message pages opened");
    }

    markup_source& source_;
    interaction_options options_;
    page_renderer* renderer_;
    std::int64_t now_;
    int details_left_;
    int renders_ = 0;
    std::set<std::string> seen_;
};

} // namespace

asio::awaitable<interaction_reading>
read_interaction(markup_source& source, std::vector<channel_link> found, std::size_t home_links,
                 interaction_options options, page_renderer* renderer, std::int64_t now) {
    interaction_reader reader(source, std::move(options), renderer, now);
    co_return co_await reader.run(std::move(found), home_links);
}

} // namespace govmon
