#include "probes/http/retry_policy.hpp"

#include <doctest/doctest.h>

using namespace govmon::http;
using namespace std::chrono_literals;
using govmon::error_class;

TEST_CASE("Retry-After: delay-seconds and the three HTTP-date forms") {
    // 1994-11-06T08:49:37Z
    auto now = std::chrono::system_clock::time_point{std::chrono::seconds{784111777 - 30}};
    CHECK(parse_retry_after("120", now) == std::chrono::milliseconds{120000});
    CHECK(parse_retry_after(" 0 ", now) == 0ms);
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == 30000ms);
    CHECK(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == 30000ms);
    CHECK(parse_retry_after("Sun Nov  6 08:49:37 1994", now) == 30000ms);
    auto later = now + std::chrono::hours{1};
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", later) == 0ms);
    CHECK_FALSE(parse_retry_after("", now));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("-5", now));
    CHECK_FALSE(parse_retry_after("12abc", now));
    CHECK_FALSE(parse_retry_after("Sun, 06 Foo 1994 08:49:37 GMT", now));
    CHECK(parse_retry_after("99999999999999999999999", now) == std::chrono::milliseconds::max());
    CHECK(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
}

TEST_CASE("retry policy: what is retried, how often, how long to wait") {
    retry_input in;
    in.max_retries = 2;
    in.backoff = 500ms;

    in.error = error_class::timeout;
    CHECK(next_retry_delay(in) == 500ms);
    in.attempts_done = 2;
    CHECK(next_retry_delay(in) == 1000ms);
    in.attempts_done = 3;
    CHECK_FALSE(next_retry_delay(in));

    in.attempts_done = 1;
    in.error = error_class::http;
    in.status = 502;
    CHECK(next_retry_delay(in) == 500ms);
    in.status = 404;
    CHECK_FALSE(next_retry_delay(in));
    in.error = error_class::dns;
    in.status = 0;
    CHECK_FALSE(next_retry_delay(in));
    in.error = error_class::tls;
    CHECK_FALSE(next_retry_delay(in));
    in.error = error_class::none;
    in.status = 200;
    CHECK_FALSE(next_retry_delay(in));
}

TEST_CASE("retry policy: Retry-After on 429/503, capped by max_retry_after") {
    retry_input in;
    in.max_retries = 2;
    in.error = error_class::http;
    in.status = 429;
    in.retry_after = 1000ms;
    in.max_retry_after = 5000ms;
    CHECK(next_retry_delay(in) == 1000ms);
    in.status = 503;
    CHECK(next_retry_delay(in) == 1000ms);
    in.status = 500; // Retry-After only means something on 429 and 503
    CHECK(next_retry_delay(in) == in.backoff);
    in.status = 429;
    in.retry_after = 6000ms;
    CHECK_FALSE(next_retry_delay(in));
    in.retry_after.reset();
    CHECK(next_retry_delay(in) == in.backoff);
    in.max_retries = 0;
    in.retry_after = 10ms;
    CHECK_FALSE(next_retry_delay(in));
}
