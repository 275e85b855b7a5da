#include "probes/site/hidden_links.hpp"

#include "probes/ads/host_names.hpp"

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

// ---- CSS: just enough to read the declarations that hide, not a CSS engine ----

struct declaration {
    std::string property;
    std::string value;
};
using declarations = std::vector<declaration>;

declarations parse_declarations(std::string_view css) {
    declarations parsed;
    while (!css.empty()) {
        const std::size_t semicolon = css.find(';');
        const std::string_view item = css.substr(0, semicolon);
        css = semicolon == std::string_view::npos ? std::string_view{} : css.substr(semicolon + 1);
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        std::string value = lower_ascii(trim(item.substr(colon + 1)));
        if (const std::size_t important = value.find("!important");
            important != std::string::npos) {
            value = std::string(trim(std::string_view(value).substr(0, important)));
        }
        parsed.push_back({lower_ascii(trim(item.substr(0, colon))), std::move(value)});
    }
    return parsed;
}

// The last declaration wins, as in CSS.
std::string_view value_of(const declarations& css, std::string_view property) {
    const auto it = std::find_if(css.rbegin(), css.rend(),
                                 [&](const declaration& d) { return d.property == property; });
    return it == css.rend() ? std::string_view{} : std::string_view(it->value);
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

std::optional<std::string> clipped_box(const declarations& css) {
    const std::string_view overflow = value_of(css, "overflow");
    if (overflow != "hidden" && overflow != "clip") {
        return std::nullopt;
    }
    for (const std::string_view property : {"width", "height"}) {
        if (is_tiny(value_of(css, property))) {
            return shown(property, value_of(css, property)) + " with overflow:hidden";
        }
    }
    if (is_zero(value_of(css, "line-height"))) {
        return shown("line-height", value_of(css, "line-height")) + " with overflow:hidden";
    }
    return std::nullopt;
}

std::optional<std::string> off_screen_position(const declarations& css) {
    const std::string_view position = value_of(css, "position");
    if (position == "absolute" || position == "fixed") {
        for (const std::string_view property : {"left", "top"}) {
            if (is_far_negative(value_of(css, property))) {
                return shown("position", position) + " " + shown(property, value_of(css, property));
            }
        }
    }
    if (is_far_negative(value_of(css, "text-indent"))) {
        return shown("text-indent", value_of(css, "text-indent"));
    }
    return std::nullopt;
}

// Why a set of declarations hides its element, in CSS words; nullopt when it does not.
std::optional<std::string> hiding_declaration(const declarations& css) {
    if (value_of(css, "display") == "none") {
        return "display:none";
    }
    if (const std::string_view v = value_of(css, "visibility"); v == "hidden" || v == "collapse") {
        return shown("visibility", v);
    }
    if (is_zero(value_of(css, "opacity"))) {
        return "opacity:0";
    }
    if (is_zero(value_of(css, "font-size"))) {
        return shown("font-size", value_of(css, "font-size"));
    }
    if (auto clipped = clipped_box(css)) {
        return clipped;
    }
    return off_screen_position(css);
}

// One compound selector: an optional tag, then any .class and #id parts.
struct compound_selector {
    std::string tag;
    std::string id;
    std::vector<std::string> classes;
};

// A `<style>` rule that hides: descendant chain (outermost first), its text, and why.
struct hiding_rule {
    std::vector<compound_selector> chain;
    std::string selector;
    std::string hiding;
};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::optional<compound_selector> parse_compound(std::string_view text) {
    compound_selector compound;
    std::size_t i = 0;
    while (i < text.size() && is_name_char(text[i])) {
        ++i;
    }
    compound.tag = lower_ascii(text.substr(0, i));
    while (i < text.size()) {
        const char kind = text[i++];
        const std::size_t begin = i;
        while (i < text.size() && is_name_char(text[i])) {
            ++i;
        }
        if ((kind != '.' && kind != '#') || i == begin) {
            return std::nullopt; // attribute selectors, pseudo-classes, combinators: not read
        }
        const std::string_view name = text.substr(begin, i - begin);
        if (kind == '.') {
            compound.classes.emplace_back(name);
        } else {
            compound.id = std::string(name);
        }
    }
    if (compound.tag.empty() && compound.id.empty() && compound.classes.empty()) {
        return std::nullopt;
    }
    return compound;
}

// `div.a .b` → [div.a, .b]; nullopt for anything beyond descendant chains of compounds.
std::optional<std::vector<compound_selector>> parse_selector(std::string_view selector) {
    std::vector<compound_selector> chain;
    while (!(selector = trim(selector)).empty()) {
        const std::size_t end = selector.find_first_of(" \t\r\n");
        const auto compound = parse_compound(selector.substr(0, end));
        if (!compound) {
            return std::nullopt;
        }
        chain.push_back(*compound);
        selector = end == std::string_view::npos ? std::string_view{} : selector.substr(end);
    }
    if (chain.empty()) {
        return std::nullopt;
    }
    return chain;
}

void add_hiding_rules(std::string_view selectors, const std::string& hiding,
                      std::vector<hiding_rule>& rules) {
    while (!selectors.empty()) {
        const std::size_t comma = selectors.find(',');
        const std::string_view selector = trim(selectors.substr(0, comma));
        selectors =
            comma == std::string_view::npos ? std::string_view{} : selectors.substr(comma + 1);
        if (auto chain = parse_selector(selector)) {
            rules.push_back({std::move(*chain), std::string(selector), hiding});
        }
    }
}

// CSS comments, and the `<!-- -->` old pages wrap style sheets in.
std::string without_comments(std::string_view css) {
    std::string text;
    std::size_t pos = 0;
    while (pos < css.size()) {
        if (css.substr(pos).starts_with("/*")) {
            const std::size_t end = css.find("*/", pos + 2);
            pos = end == std::string_view::npos ? css.size() : end + 2;
            text.push_back(' ');
        } else if (css.substr(pos).starts_with("<!--") || css.substr(pos).starts_with("-->")) {
            pos += css[pos] == '<' ? 4 : 3;
            text.push_back(' ');
        } else {
            text.push_back(css[pos++]);
        }
    }
    return text;
}

std::size_t after_block(std::string_view css, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < css.size(); ++i) {
        depth += css[i] == '{' ? 1 : css[i] == '}' ? -1 : 0;
        if (depth == 0) {
            return i + 1;
        }
    }
    return css.size();
}

// The hiding rules of one style sheet. The rules inside @media and @supports count as if
// unconditional: a page that hides a link on some screens is hiding it.
void read_style_sheet(std::string_view sheet, std::vector<hiding_rule>& rules) {
    const std::string text = without_comments(sheet);
    const std::string_view css = text;
    std::size_t pos = 0;
    while (pos < css.size()) {
        const std::size_t open = css.find('{', pos);
        if (open == std::string_view::npos) {
            return;
        }
        std::string_view prelude = css.substr(pos, open - pos);
        // A `}` closing an @media block, or an `@import …;`, may stand before the selector.
        if (const std::size_t cut = prelude.find_last_of("};"); cut != std::string_view::npos) {
            prelude.remove_prefix(cut + 1);
        }
        prelude = trim(prelude);
        if (prelude.starts_with("@media") || prelude.starts_with("@supports")) {
            pos = open + 1;
            continue;
        }
        if (prelude.starts_with('@')) {
            pos = after_block(css, open);
            continue;
        }
        const std::size_t close = css.find('}', open);
        const std::string_view body = css.substr(
            open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
        if (const auto hiding = hiding_declaration(parse_declarations(body))) {
            add_hiding_rules(prelude, *hiding, rules);
        }
        pos = close == std::string_view::npos ? css.size() : close + 1;
    }
}

void collect_hiding_rules(xmlNodePtr node, std::vector<hiding_rule>& rules) {
    for (; node != nullptr; node = node->next) {
        if (is_element(node, "style")) {
            const xml_string content(xmlNodeGetContent(node));
            read_style_sheet(as_view(content.get()), rules);
        } else if (node->type == XML_ELEMENT_NODE) {
            collect_hiding_rules(node->children, rules);
        }
    }
}

// ---- Matching elements ----

bool has_class(xmlNodePtr node, std::string_view wanted) {
    const std::string classes = attribute(node, "class").value_or("");
    std::string_view rest = classes;
    while (!(rest = trim(rest)).empty()) {
        const std::size_t end = rest.find_first_of(" \t\r\n\f");
        if (rest.substr(0, end) == wanted) {
            return true;
        }
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    return false;
}

bool matches(const compound_selector& compound, xmlNodePtr node) {
    return (compound.tag.empty() || is_element(node, compound.tag)) &&
           (compound.id.empty() || attribute(node, "id") == compound.id) &&
           std::all_of(compound.classes.begin(), compound.classes.end(),
                       [&](const std::string& c) { return has_class(node, c); });
}

// The last compound names the element itself, the others some ancestors in order.
bool matches(const hiding_rule& rule, xmlNodePtr node) {
    auto compound = rule.chain.rbegin();
    if (!matches(*compound++, node)) {
        return false;
    }
    for (xmlNodePtr up = node->parent; up != nullptr && compound != rule.chain.rend();
         up = up->parent) {
        if (up->type == XML_ELEMENT_NODE && matches(*compound, up)) {
            ++compound;
        }
    }
    return compound == rule.chain.rend();
}

std::optional<std::string> marquee_hiding(xmlNodePtr node) {
    if (!is_element(node, "marquee")) {
        return std::nullopt;
    }
    const declarations css = parse_declarations(attribute(node, "style").value_or(""));
    for (const char* property : {"height", "width"}) {
        const std::string size =
            attribute(node, property).value_or(std::string(value_of(css, property)));
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

std::optional<std::string> element_hiding(xmlNodePtr node, const std::vector<hiding_rule>& rules) {
    if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) {
        return "hidden attribute";
    }
    if (const auto style = attribute(node, "style")) {
        if (auto hiding = hiding_declaration(parse_declarations(*style))) {
            return hiding;
        }
    }
    if (auto hiding = marquee_hiding(node)) {
        return hiding;
    }
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const hiding_rule& r) { return matches(r, node); });
    if (rule != rules.end()) {
        return rule->hiding + " by <style> rule " + rule->selector;
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

std::optional<std::string> hidden_reason(xmlNodePtr link, const std::vector<hiding_rule>& rules) {
    for (xmlNodePtr node = link; node != nullptr && node->type == XML_ELEMENT_NODE;
         node = node->parent) {
        if (const auto hiding = element_hiding(node, rules)) {
            return *hiding + (node == link ? " on " : " on ancestor ") + describe(node);
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

struct link_walk {
    const page_site& page;
    const std::vector<hiding_rule>& rules;
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
    const auto term = find_illicit_term(text);
    std::optional<std::string> reason = hidden_reason(link, walk.rules);
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
    std::vector<hiding_rule> rules;
    collect_hiding_rules(root, rules);
    walk_links(root, link_walk{page, rules, found});
    return found;
}

} // namespace govmon
