#include "probes/site/node_text.hpp"

#include "text/utf8_reader.hpp"

#include <strings.h>

namespace govmon {

namespace {

bool is_ascii_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_invisible(const xmlNode* node) noexcept {
    return is_element(node, "script") || is_element(node, "style") ||
           is_element(node, "noscript") || is_element(node, "template");
}

void append_collapsed(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (!is_ascii_space(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
}

// libxml2 caps nesting itself; this keeps our own recursion bounded whatever it lets through.
constexpr int max_depth = 512;

void collect(const xmlNode* node, element_gaps gaps, const xmlNode* skip, int depth,
             std::string& out) {
    if (depth > max_depth)
        return;
    for (auto* child = node->children; child != nullptr; child = child->next) {
        if (child == skip)
            continue;
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content != nullptr)
                append_collapsed(out, reinterpret_cast<const char*>(child->content));
        } else if (child->type == XML_ELEMENT_NODE && !is_invisible(child)) {
            if (gaps == element_gaps::separated)
                append_collapsed(out, " ");
            collect(child, gaps, skip, depth + 1, out);
            if (gaps == element_gaps::separated)
                append_collapsed(out, " ");
        }
    }
}

} // namespace

std::string visible_text(const xmlNode* node, element_gaps gaps, const xmlNode* skip) {
    std::string out;
    if (node == nullptr || node == skip)
        return out;
    if (node->type == XML_TEXT_NODE && node->content != nullptr)
        append_collapsed(out, reinterpret_cast<const char*>(node->content));
    else
        collect(node, gaps, skip, 0, out);
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool is_element(const xmlNode* node, std::string_view name) noexcept {
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr)
        return false;
    const std::string_view actual(reinterpret_cast<const char*>(node->name));
    return actual.size() == name.size() &&
           strncasecmp(actual.data(), name.data(), name.size()) == 0;
}

std::optional<std::string> attribute(const xmlNode* node, const char* name) {
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return std::nullopt;
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr)
        return std::nullopt;
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::size_t char_count(std::string_view utf8) noexcept {
    std::size_t count = 0;
    for (const char c : utf8)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

std::string script_text(const xmlNode* script, std::size_t limit) {
    std::string code;
    for (const xmlNode* child = script->children; child && code.size() < limit; child = child->next)
        if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
            child->content)
            code += reinterpret_cast<const char*>(child->content);
    code.resize(bounded_text(code, limit).size());
    return code;
}

} // namespace govmon
