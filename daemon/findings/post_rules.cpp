#include "post_rules.hpp"

#include "daemon/findings/text_rules.hpp"

namespace govmon {

rule_verdict judge_posts(const post_review& review) {
    rule_verdict v;
    v.judged = {finding_kind::ad_link, finding_kind::illicit_content,
                finding_kind::interaction_off};
    for (const flagged_link& ad : review.ads)
        v.candidates.push_back(
            {finding_kind::ad_link, finding_severity::deduct, ad.url, ad.page, ad.reason});
    if (review.broken) {
        v.judged.push_back(finding_kind::broken_link);
        for (const broken_link& b : *review.broken)
            v.candidates.push_back({finding_kind::broken_link, finding_severity::deduct, b.url,
                                    b.pages.empty() ? review.account_url : b.pages.front(),
                                    b.status.detail + " (in a post)"});
    }
    for (const flagged_link& post : review.illicit)
        v.candidates.push_back({finding_kind::illicit_content, finding_severity::warn, post.url,
                                review.account_url, post.reason});
    if (!review.interaction_off.empty())
        v.candidates.push_back({finding_kind::interaction_off, finding_severity::warn,
                                review.account_url, "", "疑似关闭评论：" + review.interaction_off});
    judge_text_problems(review.text, "", v);
    return v;
}

} // namespace govmon
