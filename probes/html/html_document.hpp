#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string_view>

namespace govmon::html {

// A page parsed by libxml2's HTML parser from UTF-8 (see decode_html), in recovery mode: any
// byte sequence gives a document, possibly an empty one (get() == nullptr). The 2.9 parser is
// HTML4-era, so unknown and misnested tags land where a browser might not put them; walk the
// tree through get() with that in mind.
class html_document {
public:
    // `url` becomes the document's URL (doc->URL); it is not fetched and not used for links.
    explicit html_document(std::string_view utf8, std::string_view url = {});

    xmlDocPtr get() const { return doc_.get(); }
    // The <html> element, or nullptr for an empty document.
    xmlNodePtr root() const;

private:
    struct doc_free {
        void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
    };
    std::unique_ptr<xmlDoc, doc_free> doc_;
};

} // namespace govmon::html
