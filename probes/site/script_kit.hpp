#pragma once

#include <optional>
#include <string>
#include <vector>

namespace govmon {

// The first half of the page-tampering kit found on tens of thousands of hacked Chinese sites:
// the page's <title> (and meta tags) are a gambling site's, and an inline script puts the
// site's own title back for every visitor whose User-Agent does not name a search engine —
//   if(navigator.userAgent.toLocaleLowerCase().indexOf("baidu") == -1){document.title ="…"}
//   if(!navigator.userAgent.match(/baiduspider|sogou|360spider|yisou/i)){document.title ='…'}
// so the owner never sees what Baidu indexes.
struct title_swap {
    std::string swapped_title; // the literal assigned to document.title; empty when not a literal
    std::string excerpt;       // the script from its userAgent test, decoded (readable_script)
    int scripts = 0;           // the page's inline scripts that carry it
};

// The second half: a script that sends a visitor arriving from a search engine (its
// document.referrer names one) to the gambling site — by location, window.open, a
// document.write of a script, or an iframe laid over the page.
struct referrer_hijack {
    std::string actions;     // "location.href", "window.open", "document.write", "iframe" …
    std::string target_host; // of the script's first literal URL off the search engines' hosts
    std::string excerpt;     // the script from its referrer test, decoded
};

struct script_kit {
    std::optional<title_swap> swap;
    std::optional<referrer_hijack> hijack;

    bool found() const { return swap || hijack; }
};

// Reads a page's inline scripts (inline_scripts) for the kit, each decoded first
// (readable_script). Both halves need a search engine's name as a literal the script tests
// ("baidu", /baiduspider|sogou/) close after the userAgent or referrer it reads: the analytics
// and push snippets that load hm.baidu.com or zz.bdstatic.com name no engine so, and scripts
// that read the referrer for statistics send no one anywhere.
script_kit find_script_kit(const std::vector<std::string>& scripts);

} // namespace govmon
