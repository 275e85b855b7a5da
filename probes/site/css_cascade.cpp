#include "probes/site/css_cascade.hpp"

#include "text/ascii_text.hpp"
#include "text/host_names.hpp"

#include <libxml/xmlmemory.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>

namespace govmon {
namespace {

struct xml_free {
    void operator()(xmlChar* text) const { xmlFree(text); }
};
using xml_string = std::unique_ptr<xmlChar, xml_free>;

std::string_view as_view(const xmlChar* text) {
    return text == nullptr ? std::string_view{} : reinterpret_cast<const char*>(text);
}

std::optional<std::string> attribute(xmlNodePtr node, const char* name) {
    const xml_string value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
    if (!value)
        return std::nullopt;
    return std::string(as_view(value.get()));
}

bool is_element(const xmlNode* node, std::string_view name) {
    return node->type == XML_ELEMENT_NODE && as_view(node->name) == name;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

std::optional<css_cascade::compound> parse_compound(std::string_view text) {
    css_cascade::compound compound;
    std::size_t i = 0;
    while (i < text.size() && is_name_char(text[i]))
        ++i;
    compound.tag = lower_ascii(text.substr(0, i));
    if (compound.tag.empty() && text.starts_with('*'))
        i = 1; // the universal selector: any tag
    while (i < text.size()) {
        const char kind = text[i++];
        const std::size_t begin = i;
        while (i < text.size() && is_name_char(text[i]))
            ++i;
        if ((kind != '.' && kind != '#') || i == begin)
            return std::nullopt; // attribute selectors, pseudo-classes, combinators: not read
        const std::string_view name = text.substr(begin, i - begin);
        if (kind == '.')
            compound.classes.emplace_back(name);
        else
            compound.id = std::string(name);
    }
    if (compound.tag.empty() && compound.id.empty() && compound.classes.empty() &&
        !text.starts_with('*'))
        return std::nullopt;
    return compound;
}

// `div.a .b` → [div.a, .b]; nullopt for anything beyond descendant chains of compounds.
std::optional<std::vector<css_cascade::compound>> parse_selector(std::string_view selector) {
    std::vector<css_cascade::compound> chain;
    while (!(selector = trim_ascii_space(selector)).empty()) {
        const std::size_t end = selector.find_first_of(" \t\r\n\f");
        const auto compound = parse_compound(selector.substr(0, end));
        if (!compound)
            return std::nullopt;
        chain.push_back(*compound);
        selector = end == std::string_view::npos ? std::string_view{} : selector.substr(end);
    }
    if (chain.empty())
        return std::nullopt;
    return chain;
}

int specificity_of(const std::vector<css_cascade::compound>& chain) {
    int specificity = 0;
    for (const auto& c : chain)
        specificity += (c.id.empty() ? 0 : 10000) + static_cast<int>(c.classes.size()) * 100 +
                       (c.tag.empty() ? 0 : 1);
    return specificity;
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
        if (depth == 0)
            return i + 1;
    }
    return css.size();
}

bool is_kept(const std::vector<std::string>& properties, std::string_view property) {
    return std::find(properties.begin(), properties.end(), property) != properties.end();
}

std::vector<css_declaration> kept_declarations(std::string_view body,
                                               const std::vector<std::string>& properties) {
    std::vector<css_declaration> kept;
    for (css_declaration& d : parse_css_declarations(body))
        if (is_kept(properties, d.property))
            kept.push_back(std::move(d));
    return kept;
}

void add_rules(std::string_view selectors, const std::vector<css_declaration>& declarations,
               std::vector<css_cascade::rule>& rules) {
    while (!selectors.empty()) {
        const std::size_t comma = selectors.find(',');
        const std::string_view selector = trim_ascii_space(selectors.substr(0, comma));
        selectors =
            comma == std::string_view::npos ? std::string_view{} : selectors.substr(comma + 1);
        if (auto chain = parse_selector(selector)) {
            const int specificity = specificity_of(*chain);
            const int order = static_cast<int>(rules.size());
            rules.push_back(
                {std::move(*chain), std::string(selector), declarations, specificity, order});
        }
    }
}

// The rules inside @media and @supports count as if unconditional: a page that hides a link
// on some screens is hiding it.
void read_style_sheet(std::string_view sheet, const std::vector<std::string>& properties,
                      std::vector<css_cascade::rule>& rules) {
    const std::string text = without_comments(sheet);
    const std::string_view css = text;
    std::size_t pos = 0;
    while (pos < css.size()) {
        const std::size_t open = css.find('{', pos);
        if (open == std::string_view::npos)
            return;
        std::string_view prelude = css.substr(pos, open - pos);
        // A `}` closing an @media block, or an `@import …;`, may stand before the selector.
        if (const std::size_t cut = prelude.find_last_of("};"); cut != std::string_view::npos)
            prelude.remove_prefix(cut + 1);
        prelude = trim_ascii_space(prelude);
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
        if (auto declarations = kept_declarations(body, properties); !declarations.empty())
            add_rules(prelude, declarations, rules);
        pos = close == std::string_view::npos ? css.size() : close + 1;
    }
}

void collect_rules(xmlNodePtr node, const std::vector<std::string>& properties,
                   std::vector<css_cascade::rule>& rules) {
    for (; node != nullptr; node = node->next) {
        if (is_element(node, "style")) {
            const xml_string content(xmlNodeGetContent(node));
            read_style_sheet(as_view(content.get()), properties, rules);
        } else if (node->type == XML_ELEMENT_NODE) {
            collect_rules(node->children, properties, rules);
        }
    }
}

std::vector<std::string> class_list(std::string_view classes) {
    std::vector<std::string> list;
    while (!(classes = trim_ascii_space(classes)).empty()) {
        const std::size_t end = classes.find_first_of(" \t\r\n\f");
        list.emplace_back(classes.substr(0, end));
        classes = end == std::string_view::npos ? std::string_view{} : classes.substr(end);
    }
    return list;
}

// Cascade order of one declaration: !important beats everything normal, inline style beats
// any selector within the same importance, then specificity, then the later rule.
using rank = std::tuple<bool, bool, int, int>;

} // namespace

std::vector<css_declaration> parse_css_declarations(std::string_view css) {
    std::vector<css_declaration> parsed;
    while (!css.empty()) {
        const std::size_t semicolon = css.find(';');
        const std::string_view item = css.substr(0, semicolon);
        css = semicolon == std::string_view::npos ? std::string_view{} : css.substr(semicolon + 1);
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string value = lower_ascii(trim_ascii_space(item.substr(colon + 1)));
        bool important = false;
        if (const std::size_t bang = value.find("!important"); bang != std::string::npos) {
            value = std::string(trim_ascii_space(std::string_view(value).substr(0, bang)));
            important = true;
        }
        parsed.push_back(
            {lower_ascii(trim_ascii_space(item.substr(0, colon))), std::move(value), important});
    }
    return parsed;
}

css_cascade::css_cascade(xmlNodePtr root, std::vector<std::string> properties)
    : properties_(std::move(properties)) {
    collect_rules(root, properties_, rules_);
}

const css_cascade::element_keys& css_cascade::keys_of(xmlNodePtr node) const {
    const auto [it, fresh] = keys_.try_emplace(node);
    if (fresh) {
        it->second.id = attribute(node, "id").value_or("");
        it->second.classes = class_list(attribute(node, "class").value_or(""));
    }
    return it->second;
}

bool css_cascade::matches(const compound& c, xmlNodePtr node) const {
    if (!c.tag.empty() && !is_element(node, c.tag))
        return false;
    if (c.id.empty() && c.classes.empty())
        return true;
    const element_keys& keys = keys_of(node);
    return (c.id.empty() || keys.id == c.id) &&
           std::all_of(c.classes.begin(), c.classes.end(), [&](const std::string& wanted) {
               return std::find(keys.classes.begin(), keys.classes.end(), wanted) !=
                      keys.classes.end();
           });
}

// The last compound names the element itself, the others some ancestors in order.
bool css_cascade::matches(const rule& r, xmlNodePtr node) const {
    auto compound = r.chain.rbegin();
    if (!matches(*compound++, node))
        return false;
    for (xmlNodePtr up = node->parent; up != nullptr && compound != r.chain.rend(); up = up->parent)
        if (up->type == XML_ELEMENT_NODE && matches(*compound, up))
            ++compound;
    return compound == r.chain.rend();
}

cascaded_style css_cascade::style_of(xmlNodePtr node) const {
    cascaded_style style;
    std::map<std::string, rank, std::less<>> ranks;
    const auto offer = [&](const css_declaration& d, const rank& r, const std::string& source) {
        const auto known = ranks.find(d.property);
        if (known != ranks.end() && known->second > r)
            return;
        ranks[d.property] = r;
        style[d.property] = {d.value, source};
    };
    for (const rule& r : rules_)
        if (matches(r, node))
            for (const css_declaration& d : r.declarations)
                offer(d, rank{d.important, false, r.specificity, r.order},
                      "<style> rule " + r.selector);
    if (const auto inline_style = attribute(node, "style"))
        for (const css_declaration& d : parse_css_declarations(*inline_style))
            if (is_kept(properties_, d.property))
                offer(d, rank{d.important, true, 0, 0}, "inline style");
    return style;
}

} // namespace govmon
