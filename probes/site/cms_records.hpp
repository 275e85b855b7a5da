#pragma once

// Lists a CMS keeps inside a page's scripts instead of its HTML, where a browser, not a
// reader of the source, turns them into rows: 大汉 (Hanweb) JCMS's <script type="text/xml">
// <datastore> records and the document.write('…') lists of TRS WCM and older templates.

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

struct cms_list {
    std::string html; // the list's rows as an HTML fragment
    int line = 0;     // of the script in the page source, for evidence
    // Hanweb's next group of records (dataproxy.jsp), as written in <nextgroup>; empty if none.
    std::string next_group;
};

// Every script-held list of the page, in document order.
std::vector<cms_list> find_cms_lists(const xmlDoc* doc);

// The records of a Hanweb <datastore> (an inline script's text or a dataproxy.jsp answer),
// joined into one fragment, and its <nextgroup> link.
cms_list read_datastore(std::string_view text);

// The rows of a jact (Hanweb) list's data answer, dataproxy_mailpublist.do's
// `dataStore = [ "<tr class='tr_css'>…</tr>", … ];`, joined into one fragment; nullopt when
// `text` is not such an answer (an answer holds nothing else, so only its start is looked at).
std::optional<std::string> read_datastore_array(std::string_view text);

// What the document.write / document.writeln calls of a script write, in order: string
// literals with their JavaScript escapes decoded and concatenations joined; an expression
// that is not a literal writes nothing (its value is not known without running the script).
std::string document_written_html(std::string_view script);

} // namespace govmon
