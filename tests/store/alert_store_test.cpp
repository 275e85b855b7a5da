#include "daemon/store/alert_store.hpp"
#include "store_fixture.hpp"
#include "tests/support/finding_vocabulary.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using govmon::test::temp_dir;

namespace {

finding open_finding(const std::string& id, const std::string& kind) {
    finding f;
    f.id = id;
    f.target = "hb-weibo";
    f.target_kind = "account";
    f.unit = "u-a";
    f.kind = *parse_finding_kind(kind);
    f.indicator = "account.freshness";
    f.severity = finding_severity::veto;
    f.url = "https://weibo.com/u/1";
    f.first_seen = 100;
    f.last_seen = 100;
    return f;
}

void record_event(store& db, const std::string& id, const std::string& event, std::int64_t time) {
    write_batch b;
    b.findings.push_back(open_finding(id, "account_dormant"));
    b.events.push_back({id, time, *parse_finding_change(event), finding_severity::veto, "detail"});
    db.write(b);
}

outbox_mail mail(const std::string& message_id, std::int64_t created) {
    outbox_mail m;
    m.kind = "veto";
    m.audience = "u-a";
    m.message_id = message_id;
    m.recipients = {"web@hubei.gov.cn", "ops@example.gov.cn"};
    m.subject = "【单项否决】湖北发布";
    m.message = "Subject: x\r\n\r\nbody\r\n";
    m.created_at = created;
    return m;
}

} // namespace

TEST_CASE("the alert cursor starts at the newest event, then reads only later ones") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    record_event(*db, "f1", "opened", 100);
    auto outbox = alert_store::open(dir.file("govmon.db"));
    CHECK(outbox->event_cursor() == 0);
    const std::int64_t start = outbox->start_event_cursor();
    CHECK(start > 0);
    CHECK(outbox->start_event_cursor() == start); // placed once, never moved back
    CHECK(outbox->events_after(start, 10).empty());

    record_event(*db, "f2", "opened", 200);
    const auto events = outbox->events_after(start, 10);
    REQUIRE(events.size() == 1);
    CHECK(events[0].event.finding_id == "f2");
    CHECK(events[0].current.kind == "account_dormant");
    CHECK(events[0].current.url == "https://weibo.com/u/1");

    CHECK(outbox->queue_planned({mail("m1@x", 200)}, start, events[0].event_id));
    CHECK(outbox->event_cursor() == events[0].event_id);
    // A second planner that read the old position queues nothing.
    CHECK_FALSE(outbox->queue_planned({mail("m2@x", 200)}, start, events[0].event_id));
    CHECK(outbox->due_mails(200, 10).size() == 2);
    // A second process sees the same position: planning survives a restart.
    CHECK(alert_store::open(dir.file("govmon.db"))->event_cursor() == events[0].event_id);
}

TEST_CASE("queued mails come back whole, are retried when due, and end sent or failed") {
    temp_dir dir;
    store::open(dir.file("govmon.db"));
    auto outbox = alert_store::open(dir.file("govmon.db"));
    REQUIRE(outbox->queue_planned({mail("m1@x", 100), mail("m2@x", 100)}, 0, 0));

    // Two mails of two recipients each: a row per recipient, the same bytes and Message-ID.
    auto due = outbox->due_mails(100, 10);
    REQUIRE(due.size() == 4);
    CHECK(due[0].message_id == "m1@x");
    CHECK(due[0].recipients == std::vector<std::string>{"web@hubei.gov.cn"});
    CHECK(due[1].message_id == "m1@x");
    CHECK(due[1].recipients == std::vector<std::string>{"ops@example.gov.cn"});
    CHECK(due[0].subject == "【单项否决】湖北发布");
    CHECK(due[1].message == "Subject: x\r\n\r\nbody\r\n");
    CHECK_FALSE(due[0].first_attempt);

    outbox->mark_retry(due[0].id, 1, 160, "Connection refused", 100);
    outbox->mark_sent(due[1].id, 100);
    outbox->mark_sent(due[2].id, 100);
    outbox->mark_sent(due[3].id, 100);
    CHECK(outbox->due_mails(159, 10).empty());
    due = outbox->due_mails(160, 10);
    REQUIRE(due.size() == 1);
    CHECK(due[0].attempts == 1);
    CHECK(due[0].first_attempt == 100);
    outbox->mark_retry(due[0].id, 2, 200, "Connection refused", 160);
    CHECK(outbox->due_mails(200, 10).at(0).first_attempt == 100);

    outbox->mark_failed(due[0].id, 3, "gave up");
    CHECK(outbox->due_mails(10'000, 10).empty());
    CHECK(outbox->mails_in_state("sent").size() == 3);
    CHECK(outbox->mails_in_state("failed").size() == 1);
}

TEST_CASE("a Message-ID is queued only once per recipient") {
    temp_dir dir;
    store::open(dir.file("govmon.db"));
    auto outbox = alert_store::open(dir.file("govmon.db"));
    REQUIRE(outbox->queue_planned({mail("m1@x", 100)}, 0, 5));
    CHECK_THROWS_AS(outbox->queue_planned({mail("m1@x", 100)}, 5, 6), store_error);
    // The failed batch moved nothing: the cursor stays where the last good one left it.
    CHECK(outbox->event_cursor() == 5);
    CHECK(outbox->due_mails(100, 10).size() == 2);
}

TEST_CASE("pruning deletes old delivered and failed mails, never queued ones") {
    temp_dir dir;
    store::open(dir.file("govmon.db"));
    auto outbox = alert_store::open(dir.file("govmon.db"));
    REQUIRE(outbox->queue_planned({mail("old@x", 100), mail("new@x", 900)}, 0, 0));
    const auto rows = outbox->due_mails(1000, 10);
    REQUIRE(rows.size() == 4);
    outbox->mark_sent(rows[0].id, 100);      // old, sent
    outbox->mark_failed(rows[1].id, 9, "x"); // old, failed
    outbox->mark_sent(rows[2].id, 900);      // new, sent
    CHECK(outbox->prune(500) == 2);
    CHECK(outbox->mails_in_state("sent").size() == 1);
    CHECK(outbox->mails_in_state("failed").empty());
    CHECK(outbox->mails_in_state("queued").size() == 1);
}

TEST_CASE("the digest clock is kept per audience") {
    temp_dir dir;
    store::open(dir.file("govmon.db"));
    auto outbox = alert_store::open(dir.file("govmon.db"));
    CHECK_FALSE(outbox->digest_last_run("u-a"));
    outbox->queue_digest(std::nullopt, "u-a", 100);
    outbox->queue_digest(mail("d1@x", 200), "*", 200);
    CHECK(outbox->digest_last_run("u-a") == 100);
    CHECK(outbox->digest_last_run("*") == 200);
    CHECK(outbox->due_mails(200, 10).size() == 2);
}

TEST_CASE("an escalation is recorded with its mail once, and never queued twice") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    auto outbox = alert_store::open(dir.file("govmon.db"));
    outbox_mail m = mail("govmon.escalation.1@example.gov.cn", 500);
    m.kind = "escalation";
    const std::vector<escalation_row> rows{{"f1", 100, 400}, {"f2", 100, 450}};
    CHECK(outbox->queue_escalation(m, rows, 500));
    CHECK(outbox->escalations() ==
          std::set<std::pair<std::string, std::int64_t>>{{"f1", 100}, {"f2", 100}});
    CHECK(outbox->mails_in_state("queued").size() == 2); // one row per recipient

    // Another process (or a restart that lost its memory) plans f2 again: nothing is queued.
    outbox_mail again = mail("govmon.escalation.2@example.gov.cn", 600);
    again.kind = "escalation";
    CHECK_FALSE(outbox->queue_escalation(again, {{"f3", 100, 450}, {"f2", 100, 450}}, 600));
    CHECK(outbox->mails_in_state("queued").size() == 2);
    CHECK(outbox->escalations().count({"f3", 100}) == 0);

    // Reopened later, the finding has a deadline of its own.
    CHECK(outbox->queue_escalation(again, {{"f2", 900, 1200}}, 1300));
    auto reopened = alert_store::open(dir.file("govmon.db"));
    CHECK(reopened->escalations().size() == 3);
}

TEST_CASE("severity_since is the latest opening or change of severity") {
    temp_dir dir;
    auto db = store::open(dir.file("govmon.db"));
    record_event(*db, "f1", "opened", 100);
    record_event(*db, "f1", "severity_changed", 300);
    record_event(*db, "f1", "resolved", 400);
    record_event(*db, "f2", "opened", 150);
    const auto since = db->severity_since();
    CHECK(since.at("f1") == 300);
    CHECK(since.at("f2") == 150);
}
