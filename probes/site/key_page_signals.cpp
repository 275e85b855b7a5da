#include "probes/site/key_page_signals.hpp"

#include "probes/site/node_text.hpp"
#include "text/host_names.hpp"

#include <vector>

namespace govmon {
namespace {

// Collapses the whitespace of an attribute value as a reader of the tag would see it.
std::string collapsed(std::string_view value) {
    std::string out;
    bool gap = false;
    for (const char c : value) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            gap = !out.empty();
            continue;
        }
        if (gap)
            out += ' ';
        gap = false;
        out += c;
    }
    return out;
}

void read_meta(xmlDocPtr doc, page_signals& signals) {
    std::vector<const xmlNode*> stack;
    if (const xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr)
        stack.push_back(root);
    while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (is_element(n, "meta")) {
            const std::string name = lower_ascii(attribute(n, "name").value_or(""));
            std::string* into = name == "keywords"      ? &signals.keywords
                                : name == "description" ? &signals.description
                                                        : nullptr;
            if (into && into->empty())
                *into = collapsed(attribute(n, "content").value_or(""));
            continue;
        }
        if (is_element(n, "body"))
            continue; // meta tags belong in the head; a body is large
        for (const xmlNode* child = n->last; child; child = child->prev)
            if (child->type == XML_ELEMENT_NODE)
                stack.push_back(child);
    }
}

} // namespace

page_signals signals_of(xmlDocPtr doc, std::string url, std::string title,
                        const std::vector<html::page_link>& links, const site_scope& scope) {
    page_signals signals;
    signals.url = std::move(url);
    signals.title = std::move(title);
    read_meta(doc, signals);
    for (const html::page_link& link : links) {
        if (!link.resolved)
            continue;
        const std::string host = host_of(link.url);
        if (host.empty() || scope.contains(host))
            continue;
        const std::string& e = link.element;
        if (e == "script")
            signals.script_hosts.insert(host);
        else if (e == "iframe" || e == "frame" || e == "embed" || e == "object")
            signals.iframe_hosts.insert(host);
        else if ((e == "a" || e == "area") && signals.outbound_hosts.size() < max_outbound_hosts)
            signals.outbound_hosts.insert(host);
    }
    return signals;
}

} // namespace govmon
