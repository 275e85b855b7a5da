#pragma once

#include "probes/accounts/account_result.hpp"
#include "probes/http/http_client.hpp"
#include "probes/site/crawl_result.hpp"

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace govmon {

// Links inside one account's posts checked per probe: a province's thousands of accounts must
// not turn the account round into a crawl of what they link to.
inline constexpr std::size_t post_links_checked = 5;

// Checks the first `budget` distinct links inside the posts that leave the platform (its own
// hosts answer visitors with logins and captchas, and the platform keeps its links alive),
// other than a post's own address and the links in `skip` (those already reported as ads), as
// the crawl checks a link that leaves a site: HEAD first for images and attachments (GET when
// HEAD fails), GET otherwise; a 2xx too large to read or in an unknown encoding exists. A link
// checked this round already (the crawl round's `checked` cache, shared with every site and
// account) is not fetched again. Returns the broken ones, each with the post that has it in
// `pages`; a blocked answer (firewall challenge, rate limit) counts neither way.
asio::awaitable<std::vector<broken_link>> check_post_links(http::client& client,
                                                           const account_result& result,
                                                           const std::set<std::string>& skip,
                                                           external_link_cache& checked,
                                                           std::size_t budget);

} // namespace govmon
