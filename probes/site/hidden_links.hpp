#pragma once

#include "probes/site/illicit_vocabulary.hpp"

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// A link to another site that readers of the page cannot see, or whose text is gambling or
// porn vocabulary: what inspections call 暗链 (a veto).
struct hidden_link {
    std::string url;    // absolute
    std::string text;   // anchor text, whitespace collapsed
    std::string reason; // "display:none on ancestor <div class=x>", "anchor text: 百家乐"
    int line = 0;       // of the <a> in the page source
};

// The `<a href>` links of a parsed page (libxml2's HTML parser) that lead off the page's site
// (another registrable domain) and are hidden, as the CSS cascade (css_cascade: inline style,
// <style> rules with simple selectors, !important, specificity, order) decides: `hidden`
// attribute, display:none, opacity:0, a zero or 1px box with overflow:hidden, line-height:0
// with overflow:hidden, position:absolute/fixed at left/top <= -999, text-indent <= -999 on the
// link or an ancestor; visibility:hidden or font-size:0 from the nearest element declaring
// them (a child's visibility:visible or font-size:14px shows it again); a <marquee> 1px high
// or wide or scrolling ≥ 1000 per step. Visible links whose text carries illicit vocabulary
// are reported too. Relative links stay on the page's host and are never reported, and
// neither are the footer's registration badges (ICP/公安备案, 党政机关标识) on style alone.
std::vector<hidden_link> find_hidden_links(xmlDocPtr doc, std::string_view page_url);

} // namespace govmon
