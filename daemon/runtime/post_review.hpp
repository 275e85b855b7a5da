#pragma once

#include "daemon/findings/post_rules.hpp"
#include "probes/accounts/account_result.hpp"

#include <string>

namespace govmon {

class filter_engine;
class text_checker;

// Applies the crawler's ad rules to the links inside an account's posts, the illicit-vocabulary
// rule to their text and the wrong-forms lists to their text and date. Either rule set may be
// null (not loaded): its check then finds nothing.
post_review review_posts(const account_result& result, const std::string& account_url,
                         const filter_engine* ad_rules, const text_checker* text_rules);

} // namespace govmon
