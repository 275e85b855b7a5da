#include "probes/accounts/feed_parser.hpp"

#include "probes/accounts/post_markup.hpp"
#include "probes/dates/date_parse.hpp"
#include "text/ascii_text.hpp"
#include "text/charset_names.hpp"
#include "text/iconv_converter.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <exception>
#include <iterator>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

namespace govmon {
namespace {

// RECOVER reads the sloppy feeds real servers send. No NOENT and no DTDLOAD: entities are never
// substituted and no DTD is fetched (XXE, billion laughs). IGNORE_ENC because the body is
// already UTF-8 when libxml2 sees it.
constexpr int xml_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;

constexpr std::size_t detail_excerpt_bytes = 80;

// ---------------------------------------------------------------------------------------------
// Text helpers

std::size_t find_ignoring_case(std::string_view s, std::string_view needle,
                               std::size_t from = 0) noexcept {
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i)
        if (starts_with_nocase(s, i, needle))
            return i;
    return std::string_view::npos;
}

// At most `bytes` bytes, cut on a UTF-8 character boundary, for details people read.
std::string excerpt(std::string_view s, std::size_t bytes = detail_excerpt_bytes) {
    s = trim_ascii_space(s);
    if (s.size() <= bytes)
        return std::string(s);
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(s.substr(0, cut)) + "…";
}

// ---------------------------------------------------------------------------------------------
// Encodings

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// Always valid UTF-8 out: every byte the charset cannot explain becomes U+FFFD, so one broken
// byte never costs a feed (libxml2 stops at the first invalid UTF-8 sequence). An unknown
// charset name is read as UTF-8: the bytes may well be.
std::string transcode_to_utf8(std::string_view bytes, const std::string& charset) {
    iconv_converter named("UTF-8", charset);
    if (named.valid())
        return convert_with_replacements(named, bytes, truncated_tail::replace_each_byte);
    iconv_converter utf8("UTF-8", "UTF-8");
    if (!utf8.valid())
        return std::string(bytes);
    return convert_with_replacements(utf8, bytes, truncated_tail::replace_each_byte);
}

// The iconv name of a declared charset, quotes dropped; UTF-8 when none is declared.
std::string canonical_charset(std::string_view name) {
    std::string label;
    for (char c : trim_ascii_space(name))
        if (c != '"' && c != '\'')
            label += ascii_lower(c);
    if (label.empty())
        return "UTF-8";
    if (auto known = whatwg_encoding(label))
        return iconv_name(*known);
    return label;
}

// The encoding="…" of an XML declaration at the start of the body, or "".
std::string_view declared_encoding(std::string_view body) {
    if (!body.starts_with("<?xml"))
        return {};
    const std::string_view declaration = body.substr(0, body.find("?>"));
    std::size_t pos = declaration.find("encoding");
    if (pos == std::string_view::npos)
        return {};
    pos = declaration.find_first_of("\"'", pos);
    if (pos == std::string_view::npos)
        return {};
    const std::size_t end = declaration.find(declaration[pos], pos + 1);
    return end == std::string_view::npos ? std::string_view{}
                                         : declaration.substr(pos + 1, end - pos - 1);
}

std::string body_as_utf8(std::string_view body, std::string_view http_charset) {
    if (body.starts_with(utf8_bom))
        return transcode_to_utf8(body.substr(utf8_bom.size()), "UTF-8");
    if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF"))
        return transcode_to_utf8(body, "UTF-16"); // iconv reads the BOM itself
    const std::string_view declared = declared_encoding(trim_ascii_space(body));
    return transcode_to_utf8(body, canonical_charset(declared.empty() ? http_charset : declared));
}

// ---------------------------------------------------------------------------------------------
// What a feed item says, whatever the format

struct feed_item {
    std::vector<std::string> published; // date texts of the publication
    std::vector<std::string> updated;   // date texts of later edits
    std::vector<std::string> links;
    std::string url;  // the item's own address
    std::string text; // title and content as a reader sees them
};

void append_item_text(feed_item& item, std::string_view markup) {
    if (item.text.size() >= post_text_bytes)
        return;
    if (!item.text.empty())
        item.text += '\n';
    item.text += text_of_markup(markup, post_text_bytes - item.text.size());
}

class link_collector {
public:
    void add(std::string_view url, std::vector<std::string>& links) {
        url = trim_ascii_space(url);
        if (url.empty() || url.front() == '#' || starts_with_nocase(url, "javascript:"))
            return;
        std::string decoded(url);
        for (std::size_t at = decoded.find("&amp;"); at != std::string::npos;
             at = decoded.find("&amp;", at + 1))
            decoded.replace(at, 5, "&");
        if (seen_.insert(decoded).second)
            links.push_back(std::move(decoded));
    }

private:
    std::unordered_set<std::string> seen_;
};

// The value of an HTML attribute starting at `pos` (after "href" or "src"), quoted or not.
std::string_view attribute_value(std::string_view html, std::size_t pos) {
    while (pos < html.size() && is_ascii_space(html[pos]))
        ++pos;
    if (pos >= html.size() || html[pos] != '=')
        return {};
    ++pos;
    while (pos < html.size() && is_ascii_space(html[pos]))
        ++pos;
    if (pos >= html.size())
        return {};
    if (html[pos] == '"' || html[pos] == '\'') {
        const std::size_t end = html.find(html[pos], pos + 1);
        return end == std::string_view::npos ? std::string_view{}
                                             : html.substr(pos + 1, end - pos - 1);
    }
    std::size_t end = pos;
    while (end < html.size() && !is_ascii_space(html[end]) && html[end] != '>')
        ++end;
    return html.substr(pos, end - pos);
}

bool is_name_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// href="…" and src="…" in item HTML: a simple scan is enough to hand URLs to the ad rules.
std::vector<std::string_view> html_urls(std::string_view html) {
    std::vector<std::string_view> urls;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (i > 0 && is_name_char(html[i - 1]))
            continue;
        const std::size_t name = starts_with_nocase(html.substr(i), "href")  ? 4
                                 : starts_with_nocase(html.substr(i), "src") ? 3
                                                                             : 0;
        if (name == 0)
            continue;
        if (const std::string_view value = attribute_value(html, i + name); !value.empty())
            urls.push_back(value);
        i += name - 1;
    }
    return urls;
}

// ---------------------------------------------------------------------------------------------
// XML feeds

struct xml_doc_deleter {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using xml_document = std::unique_ptr<xmlDoc, xml_doc_deleter>;

enum class date_role { none, published, updated };

std::string_view name_of(const xmlNode* node) noexcept {
    return node->name ? reinterpret_cast<const char*>(node->name) : std::string_view{};
}

bool named(const xmlNode* node, std::string_view name) noexcept {
    return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

// Matched on local names, so RSS in a namespace, dc:date, dcterms:issued/created/modified and
// Atom 0.3 issued/created/modified need no namespace tables.
date_role role_of(const xmlNode* element) noexcept {
    constexpr std::array<std::string_view, 5> published{"pubDate", "published", "issued", "created",
                                                        "date"};
    constexpr std::array<std::string_view, 2> updated{"updated", "modified"};
    const std::string_view name = name_of(element);
    const auto is = [&](std::string_view candidate) {
        return candidate.size() == name.size() && starts_with_nocase(name, candidate);
    };
    if (std::any_of(published.begin(), published.end(), is))
        return date_role::published;
    if (std::any_of(updated.begin(), updated.end(), is))
        return date_role::updated;
    return date_role::none;
}

// Text and CDATA only: entity references (never substituted, see xml_options) are skipped.
void append_text(const xmlNode* node, std::string& out, bool descend) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
            child->content)
            out += reinterpret_cast<const char*>(child->content);
        else if (descend && child->type == XML_ELEMENT_NODE)
            append_text(child, out, descend);
    }
}

std::string text_of(const xmlNode* element) {
    std::string text;
    append_text(element, text, false);
    return text;
}

std::string_view attribute(const xmlNode* element, std::string_view name) noexcept {
    for (const xmlAttr* a = element->properties; a; a = a->next)
        if (a->name && reinterpret_cast<const char*>(a->name) == name && a->children &&
            a->children->content)
            return reinterpret_cast<const char*>(a->children->content);
    return {};
}

bool holds_item_html(const xmlNode* element) noexcept {
    return named(element, "description") || named(element, "encoded") ||
           named(element, "content") || named(element, "summary");
}

void collect_attribute_urls(const xmlNode* element, link_collector& collector,
                            std::vector<std::string>& links) {
    for (const xmlNode* child = element->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE) {
            collector.add(attribute(child, "href"), links);
            collector.add(attribute(child, "src"), links);
            collect_attribute_urls(child, collector, links);
        }
}

// Escaped HTML (RSS description, Atom type="html") and inline XHTML (Atom type="xhtml").
void collect_content_urls(const xmlNode* element, link_collector& collector,
                          std::vector<std::string>& links) {
    std::string html;
    append_text(element, html, true);
    for (const std::string_view url : html_urls(html))
        collector.add(url, links);
    collect_attribute_urls(element, collector, links);
}

// Only the item's own children: an Atom <source><updated> dates the source feed, not the post.
feed_item read_xml_item(const xmlNode* item, link_collector& collector) {
    feed_item result;
    for (const xmlNode* child = item->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        switch (role_of(child)) {
        case date_role::published:
            result.published.push_back(text_of(child));
            break;
        case date_role::updated:
            result.updated.push_back(text_of(child));
            break;
        case date_role::none:
            break;
        }
        if (named(child, "link")) {
            const std::string_view href = attribute(child, "href"); // Atom; RSS has text
            const std::string url = href.empty() ? text_of(child) : std::string(href);
            if (result.url.empty())
                result.url = trim_ascii_space(url);
            collector.add(url, result.links);
        } else if (holds_item_html(child)) {
            collect_content_urls(child, collector, result.links);
            std::string html;
            append_text(child, html, true);
            append_item_text(result, html);
        } else if (named(child, "title")) {
            append_item_text(result, text_of(child));
        }
    }
    return result;
}

// RSS items sit in <channel> (sometimes, wrongly, in <rss>); RDF items beside <channel>.
void append_xml_items(const xmlNode* parent, std::string_view item_name,
                      std::vector<const xmlNode*>& items) {
    for (const xmlNode* child = parent->children; child; child = child->next) {
        if (named(child, item_name))
            items.push_back(child);
        else if (named(child, "channel"))
            append_xml_items(child, item_name, items);
    }
}

// A bridge's error page is HTML; say so instead of "unknown root element".
bool looks_like_html(std::string_view text) {
    std::size_t pos = 0;
    while ((pos = text.find('<', pos)) != std::string_view::npos) {
        const std::string_view rest = text.substr(pos);
        if (rest.starts_with("<?") || rest.starts_with("<!--")) {
            const std::size_t end = text.find(rest.starts_with("<?") ? "?>" : "-->", pos);
            if (end == std::string_view::npos)
                return false;
            pos = end;
            continue;
        }
        if (starts_with_nocase(rest, "<!doctype")) {
            const std::string_view type = trim_ascii_space(rest.substr(9, 5));
            return starts_with_nocase(type, "html");
        }
        return starts_with_nocase(rest, "<html");
    }
    return false;
}

std::string html_title(std::string_view html) {
    const std::size_t open = find_ignoring_case(html, "<title");
    const std::size_t start = open == std::string_view::npos ? open : html.find('>', open);
    if (start == std::string_view::npos)
        return {};
    const std::size_t end = find_ignoring_case(html, "</title", start);
    return end == std::string_view::npos ? std::string{}
                                         : excerpt(html.substr(start + 1, end - start - 1));
}

// ---------------------------------------------------------------------------------------------
// Results

account_result parse_error(std::string detail) {
    account_result r;
    r.outcome = account_outcome::parse_error;
    r.error = error_class::parse;
    r.detail = std::move(detail);
    return r;
}

struct item_time {
    std::optional<std::int64_t> latest; // the latest instant the date allows
    bool in_future = false;             // stated after `now`, not merely "today"
    std::string unreadable;             // a date text present but not understood
};

// The latest instant any readable text states, day precision widened to the day's end.
item_time latest_of(const std::vector<std::string>& texts, std::int64_t now) {
    item_time t;
    for (const std::string& text : texts) {
        if (trim_ascii_space(text).empty())
            continue;
        const auto parsed = parse_date(text, now);
        if (!parsed) {
            if (t.unreadable.empty())
                t.unreadable = text;
            continue;
        }
        if (!t.latest || latest_instant(*parsed) > *t.latest) {
            t.latest = latest_instant(*parsed);
            t.in_future = parsed->instant > now;
        }
    }
    return t;
}

// An edit is not a new post: the update date only stands in when no publication date is read.
item_time post_time(const feed_item& item, std::int64_t now) {
    item_time published = latest_of(item.published, now);
    if (published.latest)
        return published;
    item_time updated = latest_of(item.updated, now);
    if (updated.latest)
        return updated;
    return published.unreadable.empty() ? updated : published;
}

std::string dating_detail(int dated, int seen, int unreadable, const std::string& first_unreadable,
                          int future) {
    std::string detail = std::to_string(dated) + " of " + std::to_string(seen) + " items dated";
    if (unreadable > 0)
        detail += ", " + std::to_string(unreadable) + " with an unreadable date (\"" +
                  excerpt(first_unreadable) + "\")";
    if (future > 0)
        detail += ", " + std::to_string(future) + " dated in the future counted as now";
    return detail;
}

account_result summarize(std::vector<feed_item> items, std::int64_t now) {
    account_result r;
    r.items_seen = static_cast<int>(items.size());
    int future = 0;
    int unreadable = 0;
    std::string first_unreadable;
    for (feed_item& item : items) {
        const item_time t = post_time(item, now);
        if (t.latest) {
            ++r.items_dated;
            future += t.in_future ? 1 : 0;
            const std::int64_t counted = std::min(*t.latest, now);
            r.newest_post = std::max(r.newest_post.value_or(counted), counted);
            r.post_times.push_back(counted);
        } else if (!t.unreadable.empty() && unreadable++ == 0) {
            first_unreadable = t.unreadable;
        }
        std::copy(item.links.begin(), item.links.end(), std::back_inserter(r.links));
        r.posts.push_back({std::move(item.url), std::move(item.text),
                           t.latest ? std::optional(std::min(*t.latest, now)) : std::nullopt,
                           std::move(item.links)});
    }
    // An item whose date is there but unreadable could be the newest post: the others can then
    // prove the account fresh, never stale.
    r.outcome = items.empty()        ? account_outcome::ok_empty
                : r.items_dated == 0 ? account_outcome::no_timestamp
                : unreadable > 0     ? account_outcome::partial
                                     : account_outcome::ok;
    if (r.outcome == account_outcome::partial)
        r.error = error_class::parse;
    r.detail = items.empty() ? std::string("feed without items")
                             : dating_detail(r.items_dated, r.items_seen, unreadable,
                                             first_unreadable, future);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Formats

// libxml2 must be initialised once before threads use it; a function-local static is.
void init_libxml2_once() {
    [[maybe_unused]] static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
}

bool has_child(const xmlNode* parent, std::string_view name) {
    for (const xmlNode* child = parent->children; child; child = child->next)
        if (named(child, name))
            return true;
    return false;
}

account_result read_xml_feed(const xmlDoc* doc, std::int64_t now) {
    const xmlNode* root = xmlDocGetRootElement(doc);
    if (!root)
        return parse_error("not a feed: no XML document");
    const std::string_view root_name = name_of(root);
    std::vector<const xmlNode*> elements;
    if (root_name == "rss" || root_name == "RDF")
        append_xml_items(root, "item", elements);
    else if (root_name == "feed")
        append_xml_items(root, "entry", elements);
    else
        return parse_error("not a feed: root element <" + excerpt(root_name) + ">");
    // An RSS document holds its items in a channel: one without any is a broken answer, not
    // an account without posts.
    if (root_name != "feed" && elements.empty() && !has_child(root, "channel"))
        return parse_error("not a feed: <" + std::string(root_name) + "> without a <channel>");
    link_collector collector;
    std::vector<feed_item> items;
    for (const xmlNode* element : elements)
        items.push_back(read_xml_item(element, collector));
    return summarize(std::move(items), now);
}

// Start tags of `name` in the raw text ("<item>", "<item rdf:about=…>"), to tell a repair that
// kept every item from one that lost some.
int count_start_tags(std::string_view text, std::string_view name) {
    int count = 0;
    const std::string open = "<" + std::string(name);
    for (auto at = text.find(open); at != std::string_view::npos; at = text.find(open, at + 1)) {
        const std::size_t after = at + open.size();
        if (after < text.size() && (text[after] == '>' || text[after] == '/' ||
                                    std::isspace(static_cast<unsigned char>(text[after]))))
            ++count;
    }
    return count;
}

// A document libxml2 could read only by repairing it may have lost any part, the newest post
// included. When it still holds every item the text starts, each with its date (a stray '&' or
// an undeclared &nbsp; costs a character, not a post), it is read as it is; otherwise what it
// shows can prove an account fresh and nothing else.
account_result read_repaired_feed(const xmlDoc* doc, std::string_view text, std::int64_t now) {
    account_result r = doc ? read_xml_feed(doc, now) : parse_error("not a feed: no XML document");
    const int started = count_start_tags(text, "item") + count_start_tags(text, "entry");
    if (r.outcome == account_outcome::parse_error) {
        r.detail = "malformed XML: " + r.detail;
    } else if (r.items_seen > 0 && r.items_seen == started && r.items_dated == r.items_seen) {
        r.detail += " (malformed XML repaired, every item read)";
    } else if (r.outcome == account_outcome::ok || r.outcome == account_outcome::partial) {
        r.outcome = account_outcome::partial;
        r.error = error_class::parse;
        r.detail = "malformed XML read by repair, " + std::to_string(r.items_seen) + " of " +
                   std::to_string(started) + " items: " + r.detail;
    } else {
        r = parse_error("malformed XML: repair read no dated item (" + r.detail + ")");
    }
    return r;
}

account_result parse_xml_feed(const std::string& utf8, std::int64_t now) {
    if (looks_like_html(utf8)) {
        const std::string title = html_title(utf8);
        return parse_error("not a feed: HTML page" +
                           (title.empty() ? std::string() : " (title: " + title + ")"));
    }
    if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return parse_error("not a feed: larger than libxml2 can read");
    init_libxml2_once();
    const int size = static_cast<int>(utf8.size());
    if (const xml_document doc(xmlReadMemory(utf8.data(), size, nullptr, "UTF-8", xml_options));
        doc)
        return read_xml_feed(doc.get(), now);
    const xml_document repaired(
        xmlReadMemory(utf8.data(), size, nullptr, "UTF-8", xml_options | XML_PARSE_RECOVER));
    return read_repaired_feed(repaired.get(), utf8, now);
}

const nlohmann::json* string_member(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? &*it : nullptr;
}

feed_item read_json_item(const nlohmann::json& item, link_collector& collector) {
    feed_item result;
    if (!item.is_object())
        return result;
    if (const auto* published = string_member(item, "date_published"))
        result.published.push_back(published->get<std::string>());
    if (const auto* modified = string_member(item, "date_modified"))
        result.updated.push_back(modified->get<std::string>());
    for (const char* key : {"url", "external_url"})
        if (const auto* url = string_member(item, key)) {
            if (result.url.empty())
                result.url = url->get<std::string>();
            collector.add(url->get<std::string>(), result.links);
        }
    if (const auto* title = string_member(item, "title"))
        append_item_text(result, title->get_ref<const std::string&>());
    if (const auto* html = string_member(item, "content_html")) {
        for (const std::string_view url : html_urls(html->get_ref<const std::string&>()))
            collector.add(url, result.links);
        append_item_text(result, html->get_ref<const std::string&>());
    } else if (const auto* text = string_member(item, "content_text")) {
        append_item_text(result, text->get_ref<const std::string&>());
    }
    return result;
}

account_result parse_json_feed(const std::string& utf8, std::int64_t now) {
    const auto doc = nlohmann::json::parse(utf8, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return parse_error("not a feed: invalid JSON");
    if (!doc.is_object())
        return parse_error("not a feed: JSON that is not an object");
    const auto* version = string_member(doc, "version");
    const bool declared =
        version && version->get_ref<const std::string&>().find("jsonfeed.org") != std::string::npos;
    const auto items = doc.find("items");
    const bool has_items = items != doc.end() && items->is_array();
    if (!has_items)
        return parse_error(declared ? "JSON Feed without an items array"
                                    : "not a feed: JSON without a JSON Feed version or items");
    link_collector collector;
    std::vector<feed_item> result;
    for (const auto& item : *items)
        result.push_back(read_json_item(item, collector));
    return summarize(std::move(result), now);
}

account_result parse_any_feed(std::string_view body, std::string_view http_charset,
                              std::int64_t now) {
    const std::string utf8 = body_as_utf8(body, http_charset);
    const std::string_view content = trim_ascii_space(utf8);
    if (content.empty())
        return parse_error("not a feed: empty body");
    if (content.front() == '{')
        return parse_json_feed(utf8, now);
    if (content.front() != '<')
        return parse_error("not a feed: starts with \"" + excerpt(content, 24) + "\"");
    return parse_xml_feed(utf8, now);
}

} // namespace

account_result parse_feed(std::string_view body, std::string_view http_charset, std::int64_t now) {
    try {
        return parse_any_feed(body, http_charset, now);
    } catch (const std::exception& e) {
        // Only allocation can fail here; an answer too big to hold is still not a verdict.
        return parse_error(std::string("feed parser failed: ") + e.what());
    }
}

} // namespace govmon
