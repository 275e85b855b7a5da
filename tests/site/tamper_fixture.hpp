#pragma once

#include "page_fixture.hpp"
#include "probes/html/link_extract.hpp"
#include "probes/site/key_page_signals.hpp"
#include "probes/site/node_text.hpp"
#include "probes/site/own_page_illicit.hpp"
#include "probes/site/site_scope.hpp"

#include <optional>
#include <string>

namespace govmon::test {

inline std::string title_in(xmlDocPtr doc) {
    std::vector<const xmlNode*> stack{xmlDocGetRootElement(doc)};
    while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (n == nullptr)
            continue;
        if (is_element(n, "title"))
            return visible_text(n, element_gaps::joined);
        for (const xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                stack.push_back(c);
    }
    return {};
}

// A page of the site as the crawler judges it: its title, meta tags and visible text.
inline std::optional<own_page_illicit> judge_html(std::string_view html) {
    const auto doc = parse_page(html);
    const site_scope scope{"www.site.gov.cn", false};
    const page_signals s =
        signals_of(doc.get(), "http://www.site.gov.cn/", title_in(doc.get()), {}, scope);
    const std::string text = visible_text(xmlDocGetRootElement(doc.get()), element_gaps::separated);
    return judge_own_page({s.title, s.keywords, s.description, text});
}

} // namespace govmon::test
