#include "probes/site/hidden_links.hpp"

#include "probes/site/css_cascade.hpp"
#include "probes/site/illicit_vocabulary.hpp"
#include "text/host_names.hpp"
#include "text/registrable_domain.hpp"

#include <libxml/xmlmemory.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>
#include <utility>

namespace govmon {
namespace {

// Beyond this many pixels to the left or top of the page nothing is on any screen.
constexpr double off_screen = -999;
// Normal marquees step 1–10 pixels; spam ones jump thousands so the text is never readable.
constexpr double unreadable_scroll_step = 1000;

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\f\v";
    const std::size_t begin = text.find_first_not_of(space);
    if (begin == std::string_view::npos) {
        return {};
    }
    return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

std::string_view as_view(const xmlChar* text) {
    return text == nullptr ? std::string_view{} : reinterpret_cast<const char*>(text);
}

struct xml_free {
    void operator()(xmlChar* text) const { xmlFree(text); }
};
using xml_string = std::unique_ptr<xmlChar, xml_free>;

std::optional<std::string> attribute(xmlNodePtr node, const char* name) {
    const xml_string value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
    if (!value) {
        return std::nullopt;
    }
    return std::string(as_view(value.get()));
}

bool is_element(xmlNodePtr node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && as_view(node->name) == name;
}

std::string collapsed_text(xmlNodePtr node) {
    const xml_string content(xmlNodeGetContent(node));
    std::string text;
    bool space = false;
    for (const char c : trim(as_view(content.get()))) {
        const bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (is_space && !space) {
            text.push_back(' ');
        } else if (!is_space) {
            text.push_back(c);
        }
        space = is_space;
    }
    return text;
}

// ---- What hides an element ----

// The properties that can hide a link; the cascade keeps only these.
const std::vector<std::string>& hiding_properties() {
    static const std::vector<std::string> properties{
        "display", "visibility",  "opacity",  "font-size", "overflow", "width",
        "height",  "line-height", "position", "left",      "top",      "text-indent"};
    return properties;
}

std::string_view value_of(const cascaded_style& style, std::string_view property) {
    const auto it = style.find(property);
    return it == style.end() ? std::string_view{} : std::string_view(it->second.value);
}

// The leading number of a length ("-9999px" → -9999); nullopt when there is none.
std::optional<double> leading_number(std::string_view value) {
    value = trim(value);
    double number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end == value.data()) {
        return std::nullopt;
    }
    return number;
}

bool is_zero(std::string_view value) {
    const auto number = leading_number(value);
    return number && *number == 0;
}

// 0, or at most one pixel: a box that small shows nothing readable.
bool is_tiny(std::string_view value) {
    value = trim(value);
    const auto number = leading_number(value);
    const bool pixels =
        value.ends_with("px") || value.find_first_not_of("0123456789.") == std::string_view::npos;
    return number && (*number == 0 || (*number <= 1 && pixels));
}

bool is_far_negative(std::string_view value) {
    const auto number = leading_number(value);
    return number && *number <= off_screen;
}

std::string shown(std::string_view property, std::string_view value) {
    return std::string(property) + ":" + std::string(value);
}

// A hiding declaration and the cascade's word on where it came from.
struct hiding {
    std::string what;   // "display:none", "width:0 with overflow:hidden"
    std::string source; // "inline style", "<style> rule .x"
};

hiding hiding_by(const cascaded_style& style, std::string_view property, std::string what) {
    return {std::move(what), style.at(std::string(property)).source};
}

std::optional<hiding> clipped_box(const cascaded_style& style) {
    const std::string_view overflow = value_of(style, "overflow");
    if (overflow != "hidden" && overflow != "clip") {
        return std::nullopt;
    }
    for (const std::string_view property : {"width", "height"}) {
        if (is_tiny(value_of(style, property))) {
            return hiding_by(style, property,
                             shown(property, value_of(style, property)) + " with overflow:hidden");
        }
    }
    if (is_zero(value_of(style, "line-height"))) {
        return hiding_by(style, "line-height",
                         shown("line-height", value_of(style, "line-height")) +
                             " with overflow:hidden");
    }
    return std::nullopt;
}

std::optional<hiding> off_screen_position(const cascaded_style& style) {
    const std::string_view position = value_of(style, "position");
    if (position == "absolute" || position == "fixed") {
        for (const std::string_view property : {"left", "top"}) {
            if (is_far_negative(value_of(style, property))) {
                return hiding_by(style, property,
                                 shown("position", position) + " " +
                                     shown(property, value_of(style, property)));
            }
        }
    }
    if (is_far_negative(value_of(style, "text-indent"))) {
        return hiding_by(style, "text-indent",
                         shown("text-indent", value_of(style, "text-indent")));
    }
    return std::nullopt;
}

// What hides an element itself, whatever its descendants declare (display, opacity, a clipped
// box and an off-screen position cannot be undone below).
std::optional<hiding> box_hiding(const cascaded_style& style) {
    if (value_of(style, "display") == "none") {
        return hiding_by(style, "display", "display:none");
    }
    if (is_zero(value_of(style, "opacity"))) {
        return hiding_by(style, "opacity", "opacity:0");
    }
    if (auto clipped = clipped_box(style)) {
        return clipped;
    }
    return off_screen_position(style);
}

std::optional<std::string> marquee_hiding(xmlNodePtr node, const cascaded_style& style) {
    if (!is_element(node, "marquee")) {
        return std::nullopt;
    }
    for (const char* property : {"height", "width"}) {
        const std::string size =
            attribute(node, property).value_or(std::string(value_of(style, property)));
        if (is_tiny(size)) {
            return shown(property, size) + " <marquee>";
        }
    }
    const std::string scroll = attribute(node, "scrollamount").value_or("");
    if (const auto step = leading_number(scroll); step && *step >= unreadable_scroll_step) {
        return "scrollamount " + scroll + " <marquee>";
    }
    return std::nullopt;
}

// `<div id=x class=y>`, for the reason a reviewer reads.
std::string describe(xmlNodePtr node) {
    std::string text = "<" + std::string(as_view(node->name));
    for (const char* name : {"id", "class"}) {
        if (const auto value = attribute(node, name)) {
            text += " " + std::string(name) + "=" + std::string(trim(*value));
        }
    }
    return text + ">";
}

std::string reason_text(const hiding& h, xmlNodePtr node, xmlNodePtr link) {
    const std::string by = h.source == "inline style" ? std::string() : " by " + h.source;
    return h.what + by + (node == link ? " on " : " on ancestor ") + describe(node);
}

// Inherited properties: the nearest element that declares one decides, so a child's
// `visibility:visible` or `font-size:14px` undoes what an ancestor set. A relative font size
// (em, %) of a zero size stays zero.
struct inherited_state {
    bool visibility_decided = false;
    bool font_size_decided = false;
};

bool is_relative_size(std::string_view value) {
    return value.ends_with("em") || value.ends_with('%');
}

std::optional<hiding> inherited_hiding(const cascaded_style& style, inherited_state& state) {
    if (const std::string_view v = value_of(style, "visibility");
        !state.visibility_decided && !v.empty() && v != "inherit") {
        state.visibility_decided = true;
        if (v == "hidden" || v == "collapse") {
            return hiding_by(style, "visibility", shown("visibility", v));
        }
    }
    if (const std::string_view size = value_of(style, "font-size");
        !state.font_size_decided && !size.empty() && size != "inherit") {
        if (is_zero(size)) {
            state.font_size_decided = true;
            return hiding_by(style, "font-size", shown("font-size", size));
        }
        state.font_size_decided = !is_relative_size(size);
    }
    return std::nullopt;
}

std::optional<std::string> hidden_reason(xmlNodePtr link, const css_cascade& cascade) {
    inherited_state inherited;
    for (xmlNodePtr node = link; node != nullptr && node->type == XML_ELEMENT_NODE;
         node = node->parent) {
        if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) {
            return "hidden attribute" + std::string(node == link ? " on " : " on ancestor ") +
                   describe(node);
        }
        const cascaded_style style = cascade.style_of(node);
        if (auto h = box_hiding(style)) {
            return reason_text(*h, node, link);
        }
        if (auto marquee = marquee_hiding(node, style)) {
            return *marquee + (node == link ? " on " : " on ancestor ") + describe(node);
        }
        if (auto h = inherited_hiding(style, inherited)) {
            return reason_text(*h, node, link);
        }
    }
    return std::nullopt;
}

// ---- Links ----

struct page_site {
    std::string scheme;
    std::string domain; // registrable domain of the page's host
};

bool starts_with_ascii_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && lower_ascii(text.substr(0, prefix.size())) == prefix;
}

// Absolute http(s) URL of an href; nullopt for relative links (they stay on the page's host)
// and for other schemes.
std::optional<std::string> absolute_href(std::string_view href, const page_site& page) {
    href = trim(href);
    if (starts_with_ascii_nocase(href, "http://") || starts_with_ascii_nocase(href, "https://")) {
        return std::string(href);
    }
    if (href.starts_with("//")) {
        return page.scheme + ":" + std::string(href);
    }
    return std::nullopt;
}

// Hosts of the badges a government page must show in its footer: ICP 备案 (beian.miit.gov.cn,
// the older miitbeian.gov.cn), 公安备案 (beian.gov.cn), 党政机关网站标识 (conac.cn), the
// national 找错 channel (zfwzzc.www.gov.cn, pucha.kaipuyun.cn) and 12377 reporting.
bool is_registration_host(std::string_view host) {
    static constexpr std::array<std::string_view, 7> hosts{
        "beian.miit.gov.cn", "miitbeian.gov.cn",  "beian.gov.cn", "conac.cn",
        "zfwzzc.www.gov.cn", "pucha.kaipuyun.cn", "12377.cn"};
    return std::any_of(hosts.begin(), hosts.end(), [&](std::string_view known) {
        return host == known || (host.size() > known.size() && host.ends_with(known) &&
                                 host[host.size() - known.size() - 1] == '.');
    });
}

struct link_walk {
    const page_site& page;
    const css_cascade& cascade;
    std::vector<hidden_link>& found;
};

void check_link(xmlNodePtr link, const link_walk& walk) {
    const auto href = attribute(link, "href");
    const auto url = href ? absolute_href(*href, walk.page) : std::nullopt;
    if (!url) {
        return;
    }
    const std::string host = host_of(*url);
    if (host.empty() || registrable_domain(host) == walk.page.domain) {
        return;
    }
    std::string text = collapsed_text(link);
    // A headline that reports on the trade (全国公安机关打击治理跨境赌博工作…) is news, however
    // plainly it names it.
    const auto term =
        reports_on_the_trade(lower_ascii(text)) ? std::nullopt : find_illicit_term(text);
    // A page's registration and identity badges (ICP 备案, 公安备案, 党政机关标识) are required in
    // its footer; a style sheet that seems to hide them is a cascade govmon misread, never a 暗链.
    std::optional<std::string> reason =
        is_registration_host(host) ? std::nullopt : hidden_reason(link, walk.cascade);
    if (term) {
        reason = (reason ? *reason + "; " : std::string()) + "anchor text: " + std::string(*term);
    }
    if (reason) {
        walk.found.push_back(
            {*url, std::move(text), std::move(*reason), static_cast<int>(xmlGetLineNo(link))});
    }
}

void walk_links(xmlNodePtr node, const link_walk& walk) {
    for (; node != nullptr; node = node->next) {
        if (is_element(node, "a")) {
            check_link(node, walk);
        }
        if (node->type == XML_ELEMENT_NODE) {
            walk_links(node->children, walk);
        }
    }
}

} // namespace

std::vector<hidden_link> find_hidden_links(xmlDocPtr doc, std::string_view page_url) {
    std::vector<hidden_link> found;
    const xmlNodePtr root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc);
    if (root == nullptr) {
        return found;
    }
    const std::size_t scheme_end = page_url.find("://");
    const page_site page{
        lower_ascii(page_url.substr(0, scheme_end == std::string_view::npos ? 0 : scheme_end)),
        std::string(registrable_domain(host_of(page_url)))};
    const css_cascade cascade(root, hiding_properties());
    walk_links(root, link_walk{page, cascade, found});
    return found;
}

} // namespace govmon
