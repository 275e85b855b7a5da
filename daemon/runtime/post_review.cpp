#include "post_review.hpp"

#include "probes/ads/filter_engine.hpp"
#include "probes/content/illicit_post.hpp"
#include "probes/content/text_check.hpp"
#include "text/host_names.hpp"
#include "text/utf8_reader.hpp"

#include <set>

namespace govmon {
namespace {

constexpr std::size_t post_excerpt_bytes = 120;

void flag_ads(const post_text& post, const std::string& page, const filter_engine& rules,
              std::set<std::string>& seen, std::vector<flagged_link>& out) {
    const std::string page_host = host_of(page);
    for (const std::string& link : post.links) {
        if (seen.contains(link))
            continue;
        const request_context request{link, page_host, resource_type::other};
        if (auto match = rules.matches(request)) {
            seen.insert(link);
            out.push_back({link, page, "ad rule " + match->rule + " in a post"});
        }
    }
}

std::string illicit_reason(const std::vector<std::string>& terms, const post_text& post) {
    std::string reason = "疑似不良内容，帖文含赌博/色情词汇:";
    for (const std::string& term : terms)
        reason += (reason.back() == ':' ? " " : ", ") + term;
    return reason + " — “" + std::string(bounded_text(post.text, post_excerpt_bytes)) + "”";
}

} // namespace

post_review review_posts(const account_result& result, const std::string& account_url,
                         const filter_engine* ad_rules, const text_checker* text_rules) {
    post_review review;
    review.account_url = account_url;
    review.interaction_off = result.interaction_off;
    std::set<std::string> seen_links;
    for (const post_text& post : result.posts) {
        const std::string& page = post.url.empty() ? account_url : post.url;
        if (ad_rules)
            flag_ads(post, page, *ad_rules, seen_links, review.ads);
        if (const auto terms = illicit_post_terms(post.text); !terms.empty())
            review.illicit.push_back({page, "", illicit_reason(terms, post)});
        if (text_rules)
            for (text_problem& problem : text_rules->check(post.text, post.published))
                review.text.push_back({page, std::move(problem)});
    }
    return review;
}

} // namespace govmon
