#include "daemon/config/account_freshness.hpp"
#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using std::chrono::hours;

namespace {

constexpr auto day = hours(24);

config_load_result load(std::string_view yaml) {
    test::temp_dir dir;
    return load_config(dir.write("govmon.yaml", yaml));
}

const account_config& account(const config& cfg, std::string_view id) {
    const account_config* found = test::find_account(cfg, id);
    REQUIRE(found);
    return *found;
}

} // namespace

TEST_CASE("with no thresholds set, every one is the figure of indicators.md") {
    const auto result = load("database: t.db\n");
    REQUIRE_MESSAGE(result.errors.empty(), test::all_errors(result));
    const thresholds_config& t = result.cfg.thresholds;
    CHECK(t.homepage_stale == 14 * day);
    CHECK(t.homepage_warn == 10 * day);
    CHECK(t.homepage_min_items == 10);
    CHECK(t.column_stale.news == 14 * day);
    CHECK(t.column_stale.notice == 183 * day);
    CHECK(t.column_stale.personnel == 365 * day);
    CHECK(t.stale_columns_veto == 5);
    CHECK(t.stale_columns_all_veto == 10);
    CHECK(t.blank_columns_veto == 5);
    CHECK(t.account_warn == 7 * day);
    CHECK(t.account_dormant == 14 * day);
    CHECK_FALSE(t.account_video_warn);
    CHECK_FALSE(t.account_min_posts);
    CHECK(t.unreachable_ratio == doctest::Approx(0.05));
    CHECK(t.unreachable_warn_ratio == doctest::Approx(0.03));
    CHECK(t.unreachable_min_probes == 20);
    CHECK(t.availability_window == 7 * day);
    CHECK(t.tls_expiry_warn == 14 * day);
}

TEST_CASE("every threshold can be set away from its default") {
    const auto result = load(R"(database: t.db
thresholds:
  homepage_stale: 21d
  homepage_warn: 12d
  homepage_min_items: 4
  column_veto: {news_notice: 3, all: 8}
  blank_column_veto: 2
  account_warn: 5d
  account_dormant: 30d
  account_video_warn: 20d
  account_min_posts: {count: 2, within: 7d}
  unreachable_ratio: 10%
  unreachable_warn_ratio: 6%
  unreachable_min_probes: 48
  availability_window: 3d
  tls_expiry_warn: 30d
)");
    REQUIRE_MESSAGE(result.errors.empty(), test::all_errors(result));
    const thresholds_config& t = result.cfg.thresholds;
    CHECK(t.homepage_stale == 21 * day);
    CHECK(t.homepage_warn == 12 * day);
    CHECK(t.homepage_min_items == 4);
    CHECK(t.stale_columns_veto == 3);
    CHECK(t.stale_columns_all_veto == 8);
    CHECK(t.blank_columns_veto == 2);
    CHECK(t.account_warn == 5 * day);
    CHECK(t.account_dormant == 30 * day);
    CHECK(t.account_video_warn == 20 * day);
    REQUIRE(t.account_min_posts);
    CHECK(t.account_min_posts->count == 2);
    CHECK(t.account_min_posts->within == 7 * day);
    CHECK(t.unreachable_ratio == doctest::Approx(0.10));
    CHECK(t.unreachable_warn_ratio == doctest::Approx(0.06));
    CHECK(t.unreachable_min_probes == 48);
    CHECK(t.availability_window == 3 * day);
    CHECK(t.tls_expiry_warn == 30 * day);
}

TEST_CASE("an account's thresholds: its own, else its platform's, else the global ones") {
    const auto result = load(R"(database: t.db
thresholds:
  account_min_posts: {count: 1, within: 3d}
platforms:
  douyin: {account_warn: 10d, account_dormant: 21d}
  wechat: {account_min_posts: {count: 2, within: 7d}}
accounts:
  - {id: gy-wechat, name: 贵阳发布, platform: wechat, feed: 'https://f.example/1', account_min_posts: {count: 3, within: 7d}}
  - {id: wx, name: 公众号, platform: wechat, feed: 'https://f.example/2'}
  - {id: dy, name: 抖音号, platform: douyin, feed: 'https://f.example/3', content: video}
  - {id: wb, name: 微博, platform: weibo, uid: '1', account_warn: 3d}
  - {id: video, name: 视频号, platform: weibo, uid: '2', content: video}
)");
    REQUIRE_MESSAGE(result.errors.empty(), test::all_errors(result));
    const config& cfg = result.cfg;
    const resolved_freshness own = freshness_of(cfg, account(cfg, "gy-wechat"));
    REQUIRE(own.min_posts);
    CHECK(own.min_posts->count == 3);
    CHECK(own.warn == 7 * day);
    const resolved_freshness platform = freshness_of(cfg, account(cfg, "wx"));
    REQUIRE(platform.min_posts);
    CHECK(platform.min_posts->count == 2);
    // The platform's account_warn holds for its video accounts too: it was set for them.
    const resolved_freshness douyin = freshness_of(cfg, account(cfg, "dy"));
    CHECK(douyin.warn == 10 * day);
    CHECK(douyin.dormant == 21 * day);
    const resolved_freshness weibo = freshness_of(cfg, account(cfg, "wb"));
    CHECK(weibo.warn == 3 * day);
    CHECK(weibo.dormant == 14 * day);
    REQUIRE(weibo.min_posts);
    CHECK(weibo.min_posts->within == 3 * day);
    // A video account with nothing of its own is warned only when it turns dormant.
    const resolved_freshness video = freshness_of(cfg, account(cfg, "video"));
    CHECK(video.warn == 14 * day);
    CHECK(video.dormant == 14 * day);
}

TEST_CASE("a warning after its veto is an error on the line that sets it") {
    const auto result = load(R"(database: t.db
thresholds:
  homepage_warn: 15d
  unreachable_warn_ratio: 6%
  account_video_warn: 20d
platforms:
  douyin:
    account_warn: 20d
accounts:
  - {id: wb, name: 微博, platform: weibo, uid: '1', account_dormant: 5d}
  - {id: ok, name: 好, platform: weibo, uid: '2', account_warn: 3d, account_dormant: 5d}
)");
    INFO(test::all_errors(result));
    CHECK(result.errors.size() == 5);
    CHECK(test::has_error(result, 3, "thresholds.homepage_warn (15d) is longer than"));
    CHECK(test::has_error(result, 4, "thresholds.unreachable_warn_ratio (6%) is above"));
    CHECK(test::has_error(result, 5, "thresholds.account_video_warn (20d) is longer"));
    CHECK(test::has_error(result, 8, "platform douyin: account_warn (20d) is longer"));
    CHECK(test::has_error(result, 10,
                          "account 'wb': account_warn (7d) is longer than "
                          "account_dormant (5d)"));
}

TEST_CASE("a veto set below a default warning stays valid, as it always was") {
    const auto result = load("database: t.db\nthresholds:\n  homepage_stale: 7d\n"
                             "  unreachable_ratio: 2%\n");
    CHECK_MESSAGE(result.errors.empty(), test::all_errors(result));
}

TEST_CASE("a posting rule wants a count of at least 1 and a period") {
    const auto result = load(R"(database: t.db
thresholds:
  account_min_posts: {count: 0, within: 0s}
  column_veto: {news_notice: 0, sum: 3}
)");
    INFO(test::all_errors(result));
    CHECK(test::has_error(result, 3, "count"));
    CHECK(test::has_error(result, 3, "within"));
    CHECK(test::has_error(result, 4, "news_notice"));
    CHECK(test::has_error(result, 4, "sum"));
}
