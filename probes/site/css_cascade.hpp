#pragma once

// Just enough of the CSS cascade to tell what a browser shows: the declared value of a few
// properties on an element, from its inline style and the page's <style> sheets, ranked as
// browsers rank them (!important first, then inline style, then selector specificity, then
// order). Selectors: descendant chains of tag, .class and #id compounds; a rule with any other
// selector is skipped (never guessed at), and so is an external style sheet (never fetched).

#include <libxml/tree.h>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace govmon {

struct css_declaration {
    std::string property; // lower case
    std::string value;    // lower case, without "!important"
    bool important = false;
};

std::vector<css_declaration> parse_css_declarations(std::string_view css);

// A property's value on one element after the cascade, and what set it, for evidence:
// "inline style", "<style> rule .footer a", "hidden attribute".
struct cascaded_value {
    std::string value;
    std::string source;
};
using cascaded_style = std::map<std::string, cascaded_value, std::less<>>;

class css_cascade {
public:
    // Reads every <style> element of the document, in document order. Only declarations of
    // `properties` are kept: the rest cannot change what the caller asks.
    css_cascade(xmlNodePtr root, std::vector<std::string> properties);

    // The cascaded values of the kept properties declared for `node` (inherited values are
    // the caller's business: walk the ancestors).
    cascaded_style style_of(xmlNodePtr node) const;

    struct compound {
        std::string tag;
        std::string id;
        std::vector<std::string> classes;
    };
    struct rule {
        std::vector<compound> chain; // outermost first
        std::string selector;
        std::vector<css_declaration> declarations;
        int specificity = 0; // ids * 10000 + classes * 100 + tags
        int order = 0;
    };

private:
    struct element_keys {
        std::string id;
        std::vector<std::string> classes;
    };
    const element_keys& keys_of(xmlNodePtr node) const;
    bool matches(const compound& c, xmlNodePtr node) const;
    bool matches(const rule& r, xmlNodePtr node) const;

    std::vector<std::string> properties_;
    std::vector<rule> rules_;
    mutable std::unordered_map<const xmlNode*, element_keys> keys_;
};

} // namespace govmon
