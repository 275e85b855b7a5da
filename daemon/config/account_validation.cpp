#include "daemon/config/account_validation.hpp"

#include "daemon/config/nearest_word.hpp"
#include "daemon/config/value_checks.hpp"

namespace govmon {

namespace {

std::string describe(const account_config& account) {
    return account.id.empty() ? std::string("account") : "account '" + account.id + "'";
}

void check_required(const account_config& account, const field_lines& lines,
                    load_context& context) {
    if (account.id.empty())
        context.error(lines.of("id"), "account has no id");
    if (account.name.empty())
        context.error(lines.of("name"), describe(account) + " has no name");
    if (account.platform.empty())
        context.error(lines.of("platform"), describe(account) + " has no platform (one of " +
                                                join(known_platforms(), ", ") + ")");
}

void check_enumerations(const account_config& account, const field_lines& lines,
                        load_context& context) {
    if (!account.platform.empty() && !is_known_platform(account.platform))
        context.error(lines.of("platform"), "unknown platform '" + account.platform + "' for " +
                                                describe(account) +
                                                did_you_mean(account.platform, known_platforms()) +
                                                "; one of " + join(known_platforms(), ", "));
    if (!is_known_content(account.content))
        context.error(lines.of("content"), "unknown content '" + account.content + "' for " +
                                               describe(account) + " (one of text, video, app)");
}

void check_urls(const account_config& account, const field_lines& lines, load_context& context) {
    if (!account.url.empty() && !is_http_url(account.url))
        context.error(lines.of("url"), "url of " + describe(account) + " '" + account.url +
                                           "' is not an absolute http(s) URL");
    if (!account.feed.empty() && !is_http_url(account.feed))
        context.error(lines.of("feed"), "feed of " + describe(account) + " '" + account.feed +
                                            "' is not an absolute http(s) URL");
    if (!account.owner_email.empty() && !is_email_address(account.owner_email))
        context.error(lines.of("owner_email"), "owner_email of " + describe(account) + " '" +
                                                   account.owner_email +
                                                   "' does not look like an email address");
}

// Only accounts that are probed need a way to probe them; a closed account is kept for its
// history whatever the registry still knows about it.
void check_probe_source(const account_config& account, const field_lines& lines,
                        load_context& context) {
    if (!account.active)
        return;
    if (account.platform == "feed" && account.feed.empty())
        context.error(lines.of("platform"),
                      describe(account) + " has platform feed but no feed URL");
    if (account.platform == "weibo" && account.uid.empty() && account.feed.empty())
        context.error(lines.of("platform"),
                      describe(account) + " is a weibo account without uid (or feed)");
}

} // namespace

void validate_account(const account_config& account, const field_lines& lines,
                      load_context& context) {
    check_required(account, lines, context);
    check_enumerations(account, lines, context);
    check_urls(account, lines, context);
    check_probe_source(account, lines, context);
    if (!account.id.empty())
        context.targets.push_back({account.id, "account", lines.of("id")});
    if (!account.unit.empty())
        context.unit_references.push_back({account.unit, describe(account), lines.of("unit")});
}

} // namespace govmon
