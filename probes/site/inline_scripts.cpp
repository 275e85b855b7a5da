#include "probes/site/inline_scripts.hpp"

#include "probes/site/node_text.hpp"

#include <algorithm>

namespace govmon {

std::vector<std::string> inline_scripts(xmlDocPtr doc) {
    std::vector<std::string> scripts;
    std::size_t total = 0;
    std::vector<const xmlNode*> stack;
    if (const xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr)
        stack.push_back(root);
    while (!stack.empty() && scripts.size() < max_inline_scripts &&
           total < max_inline_scripts_total_bytes) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (is_element(n, "script")) {
            if (attribute(n, "src"))
                continue;
            const std::size_t limit =
                std::min(max_inline_script_bytes, max_inline_scripts_total_bytes - total);
            std::string body = script_text(n, limit);
            total += body.size();
            if (!body.empty())
                scripts.push_back(std::move(body));
            continue;
        }
        for (const xmlNode* child = n->last; child; child = child->prev)
            if (child->type == XML_ELEMENT_NODE)
                stack.push_back(child);
    }
    return scripts;
}

} // namespace govmon
