#include "probes/html/link_extract.hpp"

#include "probes/html/query_encoding.hpp"
#include "probes/http/url_normalize.hpp"
#include "text/ascii_text.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <memory>
#include <unordered_set>

namespace govmon::html {

namespace {

struct xml_free {
    void operator()(xmlChar* p) const { xmlFree(p); }
};

std::optional<std::string> attribute(xmlNodePtr node, const char* name) {
    const std::unique_ptr<xmlChar, xml_free> value{
        xmlGetProp(node, reinterpret_cast<const xmlChar*>(name))};
    if (!value)
        return std::nullopt;
    return std::string{reinterpret_cast<const char*>(value.get())};
}

std::string_view name_of(xmlNodePtr node) {
    return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

// Pre-order over every element without recursion: recovered garbage can nest very deep.
template <class Visit> void for_each_element(xmlDocPtr doc, Visit&& visit) {
    const auto top = reinterpret_cast<xmlNodePtr>(doc);
    xmlNodePtr node = doc ? doc->children : nullptr;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            visit(node);
            if (node->children) {
                node = node->children;
                continue;
            }
        }
        while (node && !node->next)
            node = node->parent == top ? nullptr : node->parent;
        if (node)
            node = node->next;
    }
}

// Page text uses no-break and ideographic spaces for layout; for matching they are spaces.
std::string collapse_whitespace(std::string_view s) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t width = 0;
        if (is_ascii_space(s[i]))
            width = 1;
        else if (s.substr(i).starts_with("\xC2\xA0"))
            width = 2;
        else if (s.substr(i).starts_with("\xE3\x80\x80"))
            width = 3;
        if (width > 0) {
            pending_space = !out.empty();
            i += width;
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += s[i++];
    }
    return out;
}

std::string first_image_alt(xmlNodePtr node) {
    std::string alt;
    for (xmlNodePtr child = node->children; child && alt.empty(); child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        alt = name_of(child) == "img" ? collapse_whitespace(attribute(child, "alt").value_or(""))
                                      : first_image_alt(child);
    }
    return alt;
}

// What a reader sees of the link: an anchor's own text, else the labels an image link has.
std::string element_text(xmlNodePtr node) {
    const bool anchor = name_of(node) == "a";
    if (anchor) {
        const std::unique_ptr<xmlChar, xml_free> content{xmlNodeGetContent(node)};
        if (content) {
            auto text = collapse_whitespace(reinterpret_cast<const char*>(content.get()));
            if (!text.empty())
                return text;
        }
    }
    for (const char* label : {"aria-label", "title", "alt"}) {
        auto text = collapse_whitespace(attribute(node, label).value_or(""));
        if (!text.empty())
            return text;
    }
    return anchor ? first_image_alt(node) : std::string{};
}

// WHATWG "parse a srcset attribute", keeping only the URLs: a URL runs to whitespace and may
// hold commas, trailing commas end it, and a descriptor list ends at a comma outside parens.
std::vector<std::string_view> srcset_urls(std::string_view s) {
    std::vector<std::string_view> urls;
    std::size_t pos = 0;
    while (true) {
        while (pos < s.size() && (is_ascii_space(s[pos]) || s[pos] == ','))
            ++pos;
        if (pos >= s.size())
            return urls;
        const std::size_t start = pos;
        while (pos < s.size() && !is_ascii_space(s[pos]))
            ++pos;
        auto candidate = s.substr(start, pos - start);
        const bool ends_with_comma = candidate.back() == ',';
        while (!candidate.empty() && candidate.back() == ',')
            candidate.remove_suffix(1);
        if (!candidate.empty())
            urls.push_back(candidate);
        if (ends_with_comma)
            continue;
        for (bool in_parens = false; pos < s.size(); ++pos) {
            if (s[pos] == '(')
                in_parens = true;
            else if (s[pos] == ')')
                in_parens = false;
            else if (s[pos] == ',' && !in_parens)
                break;
        }
    }
}

// WHATWG "shared declarative refresh steps": "5; url='x'", "0,URL=x", "3;x", "1.5 url = x".
std::optional<std::string_view> refresh_target(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size() && is_ascii_space(s[pos]))
        ++pos;
    const std::size_t time_start = pos;
    while (pos < s.size() && ((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '.'))
        ++pos;
    if (pos == time_start)
        return std::nullopt;
    while (pos < s.size() && is_ascii_space(s[pos]))
        ++pos;
    if (pos < s.size() && (s[pos] == ';' || s[pos] == ','))
        ++pos;
    auto rest = trim_ascii_space(s.substr(pos));
    if (rest.size() >= 3 && iequals_ascii(rest.substr(0, 3), "url")) {
        auto after = trim_ascii_space(rest.substr(3));
        if (after.starts_with('='))
            rest = trim_ascii_space(after.substr(1));
    }
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
        const char quote = rest.front();
        rest.remove_prefix(1);
        rest = rest.substr(0, rest.find(quote));
    }
    if (rest.empty())
        return std::nullopt; // a refresh of the page itself
    return rest;
}

// A reference the crawler has nothing to fetch for: the page itself or a place in it.
bool same_page(std::string_view reference) {
    while (!reference.empty() && static_cast<unsigned char>(reference.front()) <= 0x20)
        reference.remove_prefix(1);
    return reference.empty() || reference.front() == '#';
}

// An href with a scheme of its own other than http(s) leads outside the web a crawler reads.
bool foreign_scheme(std::string_view reference) {
    reference = trim_ascii_space(reference);
    const auto colon = reference.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::isalpha(static_cast<unsigned char>(reference[0])))
        return false;
    const auto scheme = reference.substr(0, colon);
    const bool is_scheme = std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
    });
    return is_scheme && !iequals_ascii(scheme, "http") && !iequals_ascii(scheme, "https");
}

// Origin hints, not resources: their href is a bare host nobody fetches a page from.
bool connection_hint(xmlNodePtr link) {
    const auto rel = attribute(link, "rel").value_or("");
    std::string lower(rel.size(), '\0');
    std::transform(rel.begin(), rel.end(), lower.begin(), ascii_lower);
    return lower.find("dns-prefetch") != std::string::npos ||
           lower.find("preconnect") != std::string::npos;
}

struct link_attribute {
    std::string_view element;
    const char* attribute;
};

constexpr std::array<link_attribute, 19> link_attributes{{
    {"a", "href"},
    {"area", "href"},
    {"link", "href"},
    {"img", "src"},
    {"script", "src"},
    {"iframe", "src"},
    {"frame", "src"},
    {"embed", "src"},
    {"source", "src"},
    {"video", "src"},
    {"video", "poster"},
    {"audio", "src"},
    {"object", "data"},
    // Table-layout sites still paint with background="..."; browsers load it.
    {"body", "background"},
    {"table", "background"},
    {"td", "background"},
    {"th", "background"},
    {"img", "srcset"},
    {"source", "srcset"},
}};

class link_collector {
public:
    link_collector(http::url base, std::string_view charset)
        : base_(std::move(base)), charset_(charset) {}

    void visit(xmlNodePtr node) {
        const auto element = name_of(node);
        if (element == "meta") {
            visit_meta(node);
            return;
        }
        if (element == "link" && connection_hint(node))
            return;
        for (const auto& source : link_attributes) {
            if (source.element != element)
                continue;
            const auto value = attribute(node, source.attribute);
            if (!value)
                continue;
            if (std::string_view{source.attribute} == "srcset") {
                for (auto candidate : srcset_urls(*value))
                    add(node, candidate, "srcset");
            } else {
                add(node, *value, element);
            }
        }
    }

    std::vector<page_link> take() { return std::move(links_); }

private:
    void visit_meta(xmlNodePtr node) {
        if (!iequals_ascii(trim_ascii_space(attribute(node, "http-equiv").value_or("")), "refresh"))
            return;
        const auto content = attribute(node, "content");
        if (!content)
            return;
        if (auto target = refresh_target(*content))
            add(node, *target, "meta-refresh");
    }

    void add(xmlNodePtr node, std::string_view reference, std::string_view element) {
        if (same_page(reference))
            return;
        auto absolute =
            http::resolve_and_normalize(base_, encode_query_for_document(reference, charset_));
        if (!absolute && foreign_scheme(reference))
            return;
        const bool resolved = absolute.has_value();
        links_.push_back(
            {resolved ? std::move(*absolute) : std::string{trim_ascii_space(reference)},
             std::string{element}, element_text(node), static_cast<int>(xmlGetLineNo(node)),
             resolved});
    }

    http::url base_;
    std::string_view charset_;
    std::vector<page_link> links_;
};

} // namespace

std::optional<http::url> document_base_url(const html_document& doc, std::string_view page_url,
                                           std::string_view charset) {
    auto page = http::parse_url(page_url);
    if (!page)
        return std::nullopt;
    std::optional<std::string> href;
    for_each_element(doc.get(), [&](xmlNodePtr node) {
        if (!href && name_of(node) == "base")
            href = attribute(node, "href");
    });
    if (!href)
        return page;
    // A base that does not resolve to http(s) is ignored, as a browser falls back to the page.
    const auto base = http::resolve_and_normalize(*page, encode_query_for_document(*href, charset));
    return base ? http::parse_url(*base) : page;
}

std::vector<page_link> extract_links(const html_document& doc, std::string_view page_url,
                                     std::string_view charset) {
    auto base = document_base_url(doc, page_url, charset);
    if (!base)
        return {};
    link_collector collector{std::move(*base), charset};
    for_each_element(doc.get(), [&](xmlNodePtr node) { collector.visit(node); });
    return collector.take();
}

std::vector<std::string> unique_urls(const std::vector<page_link>& links) {
    std::vector<std::string> urls;
    std::unordered_set<std::string_view> seen;
    for (const auto& link : links)
        if (seen.insert(link.url).second)
            urls.push_back(link.url);
    return urls;
}

} // namespace govmon::html
