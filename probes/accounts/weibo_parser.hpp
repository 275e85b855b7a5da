#pragma once

#include "probes/accounts/account_result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The m.weibo.cn container API (platforms.md §1.1): step 1 the profile container, step 2 the
// post list `containerid=107603{uid}`.
namespace govmon {

// One mblog of the post list. A retweet is a post of the account: `created` is the account's own
// mblog.created_at, never the retweeted_status's.
struct weibo_post {
    std::string id;
    std::optional<std::int64_t> created; // latest instant of created_at, capped at `now`
    bool pinned = false; // proweibotop card, isTop 1, title.text 置顶, or mblogtype 2
    bool retweet = false;
    // mblog.comment_manage_info.comment_permission_type, when the answer carries it.
    std::optional<std::int64_t> comment_permission;
};

struct weibo_listing {
    account_result result;
    std::vector<weibo_post> posts; // in page order; pinned ones included
    bool answered_ok = false;      // an ok:1 answer with data.cards
    bool no_content_message = false; // ok:0 "这里还没有内容": deleted, or a transient empty box
};

// Parses a post-list answer. `now` (UTC epoch seconds) anchors relative display strings
// (刚刚, N分钟前, 昨天 HH:MM, MM-DD) and caps future dates.
//   ok          at least one mblog, every mblog dated; newest_post = max over ALL of them
//               (pinned posts included: a pinned post that really is newest is a genuine post);
//               posts holds each mblog's text (its retweet's too), address and links, and
//               interaction_off the evidence of weibo_comments_off()
//   ok_empty    ok:1, no mblog, and the answer itself counts 0 posts (cardlistInfo.total or
//               userInfo.statuses_count == 0): two signals agree
//   blocked     empty body, HTML (visitor system, passport redirect), ok:-100, 21301 relogin!,
//               ok:0 with any message but an explicit "user does not exist" (这里还没有内容
//               alone is unconfirmed: see judge_weibo_account), ok:1 with no posts while the
//               count is not 0 or unknown (visibility-restricted or filtered)
//   not_found   ok:0 whose msg says the user does not exist / is cancelled (用户不存在, 已注销)
//   parse_error anything else: invalid JSON, data.cards missing, an mblog whose created_at is
//               missing or unreadable (its post could be the newest), cards nested too deep
weibo_listing parse_weibo_listing(std::string_view body, std::int64_t now);

// parse_weibo_listing(body, now).result.
account_result parse_weibo_container(std::string_view body, std::int64_t now);

// Evidence that the account switched comments off, from the posts' comment settings: at least
// `weibo_min_posts_for_comment_setting` posts carry comment_manage_info.comment_permission_type
// and not one of them has -1, the value every post with open comments carries in the real
// answers govmon was tested on. The field is undocumented: the finding it feeds is a suspicion.
// Empty when the posts show no such thing.
inline constexpr std::size_t weibo_min_posts_for_comment_setting = 3;
std::string weibo_comments_off(const std::vector<weibo_post>& posts);

// Step 1, the profile container `type=uid&value={uid}`.
struct weibo_profile {
    account_result status;                      // ok, blocked, not_found or parse_error; no dates
    std::optional<std::int64_t> statuses_count; // userInfo.statuses_count
    std::string posts_containerid;              // tabsInfo.tabs[tab_type == "weibo"].containerid
    bool no_content_message = false;
};

weibo_profile parse_weibo_profile(std::string_view body);

// Combines both steps into the probe's verdict (platforms.md §13: not_found and ok_empty need
// two independent signals):
//   - a dated post list wins;
//   - profile and list both answering ok:0 这里还没有内容 → not_found;
//   - a list without posts and a profile counting 0 posts → ok_empty;
//     a profile counting posts while the list says ok_empty → blocked (the two disagree);
//   - otherwise the list's own result.
account_result judge_weibo_account(const weibo_profile& profile, const weibo_listing& listing);

// https://m.weibo.cn/api/container/getIndex?type=uid&value={uid}&containerid=107603{uid}
// with `api_base` (platforms.<weibo>.api, default https://m.weibo.cn) in front.
std::string weibo_container_url(std::string_view api_base, std::string_view uid);

// https://m.weibo.cn/api/container/getIndex?type=uid&value={uid} (step 1).
std::string weibo_profile_url(std::string_view api_base, std::string_view uid);

// Headers RSSHub's apiHeaders send (platforms.md §1.1): Referer https://m.weibo.cn/u/{uid},
// MWeibo-Pwa: 1, X-Requested-With: XMLHttpRequest, an iPhone Safari User-Agent, Accept JSON.
// Visitor cookies (SUB, SUBP) are the caller's: they come from the visitor flow.
std::vector<std::pair<std::string, std::string>> weibo_request_headers(std::string_view uid);

} // namespace govmon
