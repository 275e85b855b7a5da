#include "probes/accounts/weibo_parser.hpp"

#include "probes/accounts/account_dates.hpp"
#include "probes/accounts/account_json.hpp"
#include "probes/accounts/account_text.hpp"
#include "probes/accounts/post_markup.hpp"

#include <algorithm>
#include <set>

namespace govmon {
namespace {

using account_json::int_at;
using account_json::member;
using account_json::text_at;
using nlohmann::json;

// Real answers nest card_group one level; anything far deeper is not Weibo's shape.
constexpr int max_card_depth = 16;
constexpr std::string_view default_api = "https://m.weibo.cn";
constexpr std::string_view no_content = "这里还没有内容";

account_result make_result(account_outcome outcome, error_class error, std::string detail) {
    account_result r;
    r.outcome = outcome;
    r.error = error;
    r.detail = std::move(detail);
    return r;
}

account_result blocked(std::string detail) {
    return make_result(account_outcome::blocked, error_class::blocked, std::move(detail));
}

account_result parse_error(std::string detail) {
    return make_result(account_outcome::parse_error, error_class::parse, std::move(detail));
}

account_result not_ok_answer(const json& doc, bool& no_content_message) {
    auto ok = int_at(doc, "ok");
    if (ok == -100) {
        return blocked("ok:-100 login wall (session invalid)");
    }
    const json* error = member(doc, "error");
    bool relogin = error && error->is_string() && *error == "relogin!";
    if (int_at(doc, "error_code") == 21301 || relogin) {
        return blocked("21301 relogin!");
    }
    if (ok != 0) {
        return parse_error(ok ? "unexpected ok:" + std::to_string(*ok) : "no \"ok\" member");
    }
    auto msg = text_at(doc, "msg").value_or("");
    if (account_text::says_account_missing(msg)) {
        return make_result(account_outcome::not_found, error_class::not_found, "ok:0 " + msg);
    }
    if (msg.find(no_content) != std::string::npos) {
        no_content_message = true;
        return blocked("ok:0 这里还没有内容: deleted account or transient empty container "
                       "(unconfirmed)");
    }
    return blocked("ok:0 " + msg);
}

// nullopt when `doc` holds an ok:1 answer; otherwise what the answer amounts to.
std::optional<account_result> read_envelope(std::string_view body, json& doc,
                                            bool& no_content_message) {
    auto text = account_text::trim(body);
    if (text.empty()) {
        return blocked("empty body");
    }
    if (text.starts_with('<')) {
        return blocked(account_text::contains_icase(text, "Sina Visitor System")
                           ? "Sina Visitor System page (no visitor cookies)"
                           : "HTML where JSON was expected (login or visitor redirect)");
    }
    doc = account_json::parse_quietly(text);
    if (doc.is_discarded() || !doc.is_object()) {
        return parse_error("not a JSON object");
    }
    if (int_at(doc, "ok") == 1) {
        return std::nullopt;
    }
    return not_ok_answer(doc, no_content_message);
}

bool is_http_url(std::string_view url) noexcept {
    return account_text::find_icase(url, "http://") == 0 ||
           account_text::find_icase(url, "https://") == 0;
}

// Weibo wraps outside links as weibo.cn/sinaurl?...&u=<encoded target>; the ad rules need the
// target.
std::string unwrap_sinaurl(std::string url) {
    if (url.find("weibo.cn/sinaurl?") == std::string::npos) {
        return url;
    }
    auto at = url.find("?u=");
    if (at == std::string::npos) {
        at = url.find("&u=");
    }
    if (at == std::string::npos) {
        return url;
    }
    auto value = std::string_view(url).substr(at + 3);
    auto target = account_text::percent_decode(value.substr(0, value.find('&')));
    return is_http_url(target) ? target : url;
}

void add_link(std::string url, std::vector<std::string>& links) {
    for (auto pos = url.find("&amp;"); pos != std::string::npos; pos = url.find("&amp;", pos + 1)) {
        url.replace(pos, 5, "&");
    }
    if (url.starts_with("//")) {
        url.insert(0, "https:");
    }
    if (!is_http_url(url)) {
        return; // relative links (/status/…) stay inside Weibo
    }
    url = unwrap_sinaurl(std::move(url));
    if (std::find(links.begin(), links.end(), url) == links.end()) {
        links.push_back(std::move(url));
    }
}

void collect_hrefs(std::string_view html, std::vector<std::string>& links) {
    constexpr std::string_view attr = "href=";
    for (auto pos = html.find(attr); pos != std::string_view::npos; pos = html.find(attr, pos)) {
        pos += attr.size();
        if (pos >= html.size() || (html[pos] != '"' && html[pos] != '\'')) {
            continue;
        }
        auto end = html.find(html[pos], pos + 1);
        if (end == std::string_view::npos) {
            return;
        }
        add_link(std::string(html.substr(pos + 1, end - pos - 1)), links);
        pos = end;
    }
}

// Post text hrefs and the link card (page_info.page_url) of a post and of what it retweets:
// a retweeted ad is still shown by the account.
void collect_post_links(const json& mblog, std::vector<std::string>& links) {
    if (auto text = text_at(mblog, "text")) {
        collect_hrefs(*text, links);
    }
    if (const json* page = member(mblog, "page_info")) {
        if (auto url = text_at(*page, "page_url")) {
            add_link(*url, links);
        }
    }
}

bool is_pinned(const json& card, const json& mblog) {
    auto type_id = text_at(card, "profile_type_id").value_or("");
    const json* title = member(mblog, "title");
    bool titled = title && text_at(*title, "text") == "置顶";
    return type_id.starts_with("proweibotop") || int_at(mblog, "isTop") == 1 || titled ||
           int_at(mblog, "mblogtype") == 2;
}

struct card_walk {
    std::int64_t now = 0;
    std::vector<weibo_post> posts;
    std::vector<post_text> texts;
    std::vector<std::string> links;
    std::string first_unreadable; // created_at text of the first post without a date
    bool too_deep = false;
};

void read_post(const json& card, const json& mblog, card_walk& walk) {
    weibo_post post;
    post.id = text_at(mblog, "idstr").value_or(text_at(mblog, "id").value_or(""));
    post.pinned = is_pinned(card, mblog);
    const json* retweeted = member(mblog, "retweeted_status");
    post.retweet = retweeted && retweeted->is_object();
    auto created_at = text_at(mblog, "created_at");
    post.created = created_at ? post_instant(*created_at, walk.now) : std::nullopt;
    if (!post.created && walk.first_unreadable.empty()) {
        walk.first_unreadable = "post " + post.id + ": created_at '" +
                                created_at.value_or("(missing)") + "' unreadable";
    }
    post_text text;
    text.url = post.id.empty() ? std::string() : "https://m.weibo.cn/detail/" + post.id;
    text.published = post.created;
    text.text = text_of_markup(text_at(mblog, "text").value_or(""), post_text_bytes);
    collect_post_links(mblog, text.links);
    if (post.retweet) {
        text.text +=
            "\n" + text_of_markup(text_at(*retweeted, "text").value_or(""), post_text_bytes);
        collect_post_links(*retweeted, text.links);
    }
    for (const std::string& link : text.links)
        add_link(link, walk.links);
    if (const json* manage = member(mblog, "comment_manage_info")) {
        post.comment_permission = int_at(*manage, "comment_permission_type");
    }
    walk.texts.push_back(std::move(text));
    walk.posts.push_back(std::move(post));
}

void walk_cards(const json& cards, int depth, card_walk& walk) {
    if (depth > max_card_depth) {
        walk.too_deep = true;
        return;
    }
    for (const auto& card : cards) {
        const json* mblog = member(card, "mblog");
        if (mblog && mblog->is_object()) {
            read_post(card, *mblog, walk);
        }
        const json* group = member(card, "card_group");
        if (group && group->is_array()) {
            walk_cards(*group, depth + 1, walk);
        }
    }
}

// The answer's own post count: cardlistInfo.total, else userInfo.statuses_count.
std::optional<std::int64_t> listed_count(const json& data) {
    if (const json* info = member(data, "cardlistInfo")) {
        if (auto total = int_at(*info, "total")) {
            return total;
        }
    }
    if (const json* user = member(data, "userInfo")) {
        return int_at(*user, "statuses_count");
    }
    return std::nullopt;
}

account_result empty_list(const json& data) {
    auto count = listed_count(data);
    if (count == 0) {
        return make_result(account_outcome::ok_empty, error_class::none,
                           "ok:1, no posts, the answer counts 0 posts");
    }
    std::string counted = count ? std::to_string(*count) : std::string("unknown");
    return blocked("ok:1 but no posts listed (count " + counted +
                   "): visibility-restricted or filtered");
}

account_result dated_list(card_walk& walk) {
    account_result r;
    r.items_seen = static_cast<int>(walk.posts.size());
    int pinned = 0;
    for (const auto& post : walk.posts) {
        pinned += post.pinned ? 1 : 0;
        if (post.created) {
            ++r.items_dated;
            r.newest_post = std::max(r.newest_post.value_or(*post.created), *post.created);
            r.post_times.push_back(*post.created);
        }
    }
    if (!walk.first_unreadable.empty()) {
        // An undated post could be the newest one: no verdict from this page.
        r.outcome = account_outcome::parse_error;
        r.error = error_class::parse;
        r.newest_post.reset();
        r.detail = std::move(walk.first_unreadable);
        return r;
    }
    r.outcome = account_outcome::ok;
    r.detail = std::to_string(r.items_seen) + " posts, " + std::to_string(pinned) + " pinned";
    r.links = std::move(walk.links);
    r.posts = std::move(walk.texts);
    r.interaction_off = weibo_comments_off(walk.posts);
    return r;
}

std::string trimmed_base(std::string_view api_base) {
    while (api_base.ends_with('/')) {
        api_base.remove_suffix(1);
    }
    return std::string(api_base.empty() ? default_api : api_base);
}

} // namespace

weibo_listing parse_weibo_listing(std::string_view body, std::int64_t now) {
    weibo_listing out;
    json doc;
    if (auto answer = read_envelope(body, doc, out.no_content_message)) {
        out.result = std::move(*answer);
        return out;
    }
    const json* data = member(doc, "data");
    const json* cards = data ? member(*data, "cards") : nullptr;
    if (!cards || !cards->is_array()) {
        out.result = parse_error("ok:1 without data.cards: not a post list");
        return out;
    }
    out.answered_ok = true;
    card_walk walk;
    walk.now = now;
    walk_cards(*cards, 0, walk);
    if (walk.too_deep) {
        out.result = parse_error("cards nested deeper than " + std::to_string(max_card_depth));
    } else if (walk.posts.empty()) {
        out.result = empty_list(*data);
    } else {
        out.result = dated_list(walk);
    }
    out.posts = std::move(walk.posts);
    return out;
}

account_result parse_weibo_container(std::string_view body, std::int64_t now) {
    return parse_weibo_listing(body, now).result;
}

weibo_profile parse_weibo_profile(std::string_view body) {
    weibo_profile profile;
    json doc;
    if (auto answer = read_envelope(body, doc, profile.no_content_message)) {
        profile.status = std::move(*answer);
        return profile;
    }
    const json* data = member(doc, "data");
    const json* user = data ? member(*data, "userInfo") : nullptr;
    if (!user || !user->is_object()) {
        profile.status = parse_error("ok:1 without data.userInfo: not a profile answer");
        return profile;
    }
    profile.statuses_count = int_at(*user, "statuses_count");
    const json* tabs_info = member(*data, "tabsInfo");
    const json* tabs = tabs_info ? member(*tabs_info, "tabs") : nullptr;
    if (tabs && tabs->is_array()) {
        for (const auto& tab : *tabs) {
            if (text_at(tab, "tab_type") == "weibo") {
                profile.posts_containerid = text_at(tab, "containerid").value_or("");
                break;
            }
        }
    }
    profile.status.outcome = account_outcome::ok;
    profile.status.error = error_class::none;
    profile.status.detail =
        "profile: statuses_count " +
        (profile.statuses_count ? std::to_string(*profile.statuses_count) : "unknown");
    return profile;
}

std::string weibo_comments_off(const std::vector<weibo_post>& posts) {
    std::size_t carrying = 0;
    std::set<std::int64_t> seen;
    for (const weibo_post& post : posts) {
        if (!post.comment_permission) {
            continue;
        }
        if (*post.comment_permission == -1) {
            return {};
        }
        ++carrying;
        seen.insert(*post.comment_permission);
    }
    if (carrying < weibo_min_posts_for_comment_setting) {
        return {};
    }
    std::string values;
    for (const std::int64_t value : seen) {
        values += (values.empty() ? "" : ", ") + std::to_string(value);
    }
    return "comment_manage_info.comment_permission_type " + values + " on all " +
           std::to_string(carrying) + " posts that carry it (posts with open comments carry -1)";
}

account_result judge_weibo_account(const weibo_profile& profile, const weibo_listing& listing) {
    const auto& list = listing.result;
    if (list.outcome == account_outcome::ok) {
        return list;
    }
    if (profile.no_content_message && listing.no_content_message) {
        return make_result(account_outcome::not_found, error_class::not_found,
                           "profile and post list both answer ok:0 这里还没有内容");
    }
    bool list_without_posts =
        listing.answered_ok && listing.posts.empty() &&
        (list.outcome == account_outcome::ok_empty || list.outcome == account_outcome::blocked);
    if (list_without_posts && profile.status.outcome == account_outcome::ok) {
        if (profile.statuses_count == 0) {
            return make_result(account_outcome::ok_empty, error_class::none,
                               "profile counts 0 posts and the post list is empty");
        }
        if (list.outcome == account_outcome::ok_empty) {
            return blocked("post list empty but the profile counts posts");
        }
    }
    return list;
}

std::string weibo_container_url(std::string_view api_base, std::string_view uid) {
    auto id = account_text::percent_encode(uid);
    return trimmed_base(api_base) + "/api/container/getIndex?type=uid&value=" + id +
           "&containerid=107603" + id;
}

std::string weibo_profile_url(std::string_view api_base, std::string_view uid) {
    return trimmed_base(api_base) +
           "/api/container/getIndex?type=uid&value=" + account_text::percent_encode(uid);
}

std::vector<std::pair<std::string, std::string>> weibo_request_headers(std::string_view uid) {
    return {
        {"Accept", "application/json, text/plain, */*"},
        {"MWeibo-Pwa", "1"},
        {"Referer", "https://m.weibo.cn/u/" + account_text::percent_encode(uid)},
        {"X-Requested-With", "XMLHttpRequest"},
        {"User-Agent",
         "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
         "(KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1"},
    };
}

} // namespace govmon
