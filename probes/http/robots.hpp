#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace govmon::http {

// A robots.txt (RFC 9309) reduced to what one user agent may fetch. Groups are chosen by the
// longest user-agent token that is a prefix of our product token, else `*`; within a group the
// longest matching Allow/Disallow pattern wins and Allow wins a tie. `*` and a final `$` work as
// in the RFC. An unreadable or missing robots.txt allows everything.
class robots_rules {
public:
    robots_rules() = default;
    static robots_rules parse(std::string_view text, std::string_view user_agent);

    // `path_and_query` as sent in the request line ("/a/b?c").
    bool allows(std::string_view path_and_query) const;

private:
    struct rule {
        std::string pattern;
        bool allow = false;
    };
    std::vector<rule> rules_;
};

} // namespace govmon::http
