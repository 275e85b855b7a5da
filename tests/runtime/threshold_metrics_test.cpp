#include "daemon/runtime/threshold_metrics.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace govmon;
using std::chrono::hours;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    std::istringstream lines(text);
    for (std::string l; std::getline(lines, l);)
        if (l == line)
            return true;
    return false;
}

account_config account(std::string id, std::string platform, std::string content = "") {
    account_config a;
    a.id = std::move(id);
    a.name = a.id;
    a.platform = std::move(platform);
    a.content = std::move(content);
    return a;
}

} // namespace

TEST_CASE("the thresholds the rules apply are exported, the accounts' after their overrides") {
    config cfg;
    cfg.thresholds.account_warn = hours(24 * 5);
    cfg.thresholds.tls_expiry_warn = hours(24 * 30);
    cfg.thresholds.unreachable_warn_ratio = 0.01;
    cfg.platforms["douyin"].freshness.dormant = hours(24 * 21);
    account_config own = account("gy-wechat", "wechat");
    own.freshness.warn = hours(24 * 3);
    account_config closed = account("closed", "weibo");
    closed.active = false;
    cfg.accounts = {own, account("video", "douyin", "video"), account("app", "app", "app"), closed};
    metrics m("1.0");
    publish_thresholds(cfg, m);
    const std::string text = m.text();
    INFO(text);
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="account_warn"} 432000)"));
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="account_dormant"} 1209600)"));
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="account_video_warn"} 1209600)"));
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="tls_expiry_warn"} 2592000)"));
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="homepage_warn"} 864000)"));
    CHECK(has_line(text, R"(govmon_threshold_seconds{name="availability_window"} 604800)"));
    CHECK(has_line(text, R"(govmon_threshold_ratio{name="unreachable_warn_ratio"} 0.01)"));
    CHECK(has_line(text, R"(govmon_threshold_ratio{name="unreachable_ratio"} 0.05)"));
    CHECK(has_line(text,
                   R"(govmon_account_threshold_seconds{name="warn",target="gy-wechat"} 259200)"));
    CHECK(has_line(
        text, R"(govmon_account_threshold_seconds{name="dormant",target="gy-wechat"} 1209600)"));
    // A video account on douyin: warned when dormant, after douyin's 21 days.
    CHECK(
        has_line(text, R"(govmon_account_threshold_seconds{name="warn",target="video"} 1814400)"));
    CHECK(has_line(text,
                   R"(govmon_account_threshold_seconds{name="dormant",target="video"} 1814400)"));
    CHECK(text.find(R"(target="app")") == std::string::npos);
    CHECK(text.find(R"(target="closed")") == std::string::npos);
}

TEST_CASE("a target that leaves the config takes its account thresholds with it") {
    config cfg;
    cfg.accounts = {account("gone", "weibo")};
    metrics m("1.0");
    publish_thresholds(cfg, m);
    CHECK(m.text().find(R"(target="gone")") != std::string::npos);
    m.forget_target("gone");
    CHECK(m.text().find(R"(target="gone")") == std::string::npos);
}
