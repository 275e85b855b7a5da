#include "daemon/common/time_zone.hpp"
#include "daemon/findings/availability_rules.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace govmon;

namespace {

constexpr std::int64_t now = 1795305600;
const std::string home = "https://www.hubei.gov.cn/";

availability_visit probe(bool ok, availability_detail detail = {},
                         error_class error = error_class::none) {
    availability_visit o;
    o.url = home;
    o.ok = ok;
    o.http_status = ok ? std::optional<int>(200) : std::nullopt;
    o.error = ok ? error_class::none : error;
    o.detail = std::move(detail);
    return o;
}

availability_detail failed_because(std::string why) {
    availability_detail d;
    d.error_detail = std::move(why);
    return d;
}

availability_detail certificate_until(std::int64_t not_after) {
    availability_detail d;
    d.cert_not_after = not_after;
    return d;
}

availability_detail ipv6(std::optional<bool> has_aaaa, std::optional<bool> reachable = {},
                         std::string why = "") {
    availability_detail d;
    d.ipv6 = {has_aaaa, reachable, std::move(why)};
    return d;
}

std::vector<availability_visit> hourly(int total, int failed, bool last_ok = true) {
    std::vector<availability_visit> window;
    for (int i = 0; i < total; ++i) {
        const bool is_last = i == total - 1;
        const bool ok = is_last ? last_ok : i >= failed - (last_ok ? 0 : 1);
        window.push_back(probe(ok, {}, error_class::timeout));
    }
    return window;
}

const finding_candidate* find_kind(const rule_verdict& v, const std::string& kind) {
    for (const auto& c : v.candidates)
        if (c.kind == kind)
            return &c;
    return nullptr;
}

} // namespace

TEST_CASE("a site that always answers has no availability finding") {
    auto verdict = judge_availability(hourly(168, 0), now, {});
    CHECK(verdict.candidates.empty());
    CHECK(verdict.judged.front() == "site_unreachable");
}

TEST_CASE("5 % failed over 7 days is a veto, 3 % an early warning") {
    auto veto = judge_availability(hourly(100, 5), now, {});
    auto* c = find_kind(veto, "site_unreachable");
    REQUIRE(c);
    CHECK(c->severity == "veto");
    CHECK(c->url == home);
    CHECK(c->detail.find("5 of 100") != std::string::npos);

    auto warn = judge_availability(hourly(100, 3), now, {});
    REQUIRE(find_kind(warn, "site_unreachable"));
    CHECK(find_kind(warn, "site_unreachable")->severity == "warn");

    CHECK_FALSE(find_kind(judge_availability(hourly(100, 2), now, {}), "site_unreachable"));
}

TEST_CASE("the last probe failing is an early warning even below 3 %") {
    auto verdict = judge_availability(hourly(168, 1, /*last_ok=*/false), now, {});
    auto* c = find_kind(verdict, "site_unreachable");
    REQUIRE(c);
    CHECK(c->severity == "warn");
    CHECK(c->detail.find("last probe failed: timeout") != std::string::npos);
}

TEST_CASE("too few samples never fail a site outright") {
    auto verdict = judge_availability(hourly(1, 1, false), now, {});
    auto* c = find_kind(verdict, "site_unreachable");
    REQUIRE(c);
    CHECK(c->severity == "warn");
    auto day = judge_availability(hourly(20, 20, false), now, {});
    CHECK(find_kind(day, "site_unreachable")->severity == "veto");
}

TEST_CASE("certificates: rejected, expired, expiring soon, fine, unknown") {
    set_default_time_zone("Asia/Shanghai");
    auto rejected = judge_availability(
        {probe(false, failed_because("hostname mismatch"), error_class::tls)}, now, {});
    REQUIRE(find_kind(rejected, "tls_invalid"));
    CHECK(find_kind(rejected, "tls_invalid")->severity == "deduct");
    CHECK(find_kind(rejected, "tls_invalid")->detail.find("hostname mismatch") !=
          std::string::npos);

    auto soon = judge_availability({probe(true, certificate_until(now + 3 * 86400))}, now, {});
    REQUIRE(find_kind(soon, "tls_invalid"));
    CHECK(find_kind(soon, "tls_invalid")->severity == "warn");

    auto fine = judge_availability({probe(true, certificate_until(now + 90 * 86400))}, now, {});
    CHECK_FALSE(find_kind(fine, "tls_invalid"));
    CHECK(std::count(fine.judged.begin(), fine.judged.end(), "tls_invalid") == 1);

    auto unreachable = judge_availability({probe(false, {}, error_class::connect)}, now, {});
    CHECK_FALSE(find_kind(unreachable, "tls_invalid"));
    CHECK(std::count(unreachable.judged.begin(), unreachable.judged.end(), "tls_invalid") == 0);
}

TEST_CASE("IPv6: no AAAA, AAAA without an answer, fine, unknown") {
    auto none = judge_availability({probe(true, ipv6(false))}, now, {});
    REQUIRE(find_kind(none, "ipv6_missing"));
    CHECK(find_kind(none, "ipv6_missing")->detail == "no AAAA record");

    auto silent = judge_availability({probe(true, ipv6(true, false, "timeout"))}, now, {});
    REQUIRE(find_kind(silent, "ipv6_missing"));
    CHECK(find_kind(silent, "ipv6_missing")->detail.find("timeout") != std::string::npos);

    auto fine = judge_availability({probe(true, ipv6(true, true))}, now, {});
    CHECK_FALSE(find_kind(fine, "ipv6_missing"));
    CHECK(std::count(fine.judged.begin(), fine.judged.end(), "ipv6_missing") == 1);

    auto unknown = judge_availability({probe(true, ipv6(std::nullopt))}, now, {});
    CHECK(std::count(unknown.judged.begin(), unknown.judged.end(), "ipv6_missing") == 0);
}

TEST_CASE("visits a firewall challenge answered count neither as successes nor as failures") {
    // 100 hourly visits, 10 of them answered by a challenge page: 0 of 90 failed, no veto.
    auto window = hourly(100, 0);
    for (int i = 0; i < 10; ++i) {
        window[i * 9].ok = false;
        window[i * 9].error = error_class::blocked;
    }
    const auto summary = summarize_availability(window);
    CHECK(summary.probes == 90);
    CHECK(summary.failed == 0);
    CHECK(summary.blocked == 10);
    CHECK(summary.ratio_ok() == 1.0);
    CHECK_FALSE(find_kind(judge_availability(window, now, {}), "site_unreachable"));

    // When the newest visit was challenged, availability is unknown: a warning, never a veto.
    window.back().ok = false;
    window.back().error = error_class::blocked;
    window.back().http_status = 521;
    const auto verdict = judge_availability(window, now, {});
    const auto* c = find_kind(verdict, "site_unreachable");
    REQUIRE(c);
    CHECK(c->severity == "warn");
    CHECK(c->detail.starts_with("availability unknown"));
}
