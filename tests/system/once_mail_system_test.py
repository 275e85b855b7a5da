"""System test of the mail of `govmon run --once` (a timer-driven deployment has no daemon to mail
for it): each run delivers the mails its cycle planned before it exits, `--no-mail` sends none,
and an SMTP server that is down or hangs costs a bounded wait, the outbox keeping the mail for
the next run, which sends it once. A real SMTP server on loopback; mails parsed, never grepped.

usage: once_mail_system_test.py PATH_TO_GOVMON   (run with Debian's /usr/bin/python3)
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_accounts import DAY, Realm, rss
from fixture_mailbox import Mailbox

GOVMON = None
RSS = "application/rss+xml; charset=utf-8"
UNIT_A = "a@unit-a.gov.cn"
ONCE_WAIT = 4  # seconds: alerts.once_wait of the test's config


class OnceMailSystemTest(unittest.TestCase):
    """The steps share one database and mailbox, and run in name order."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-once-mail-")
        cls.realm = Realm()
        cls.box = Mailbox()
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        cls.feed("a-dormant", 30 * DAY)
        cls.feed("a-stale", 9 * DAY)
        cls.feed("a-late", 40 * DAY)
        cls.write_config(late=False)

    @classmethod
    def tearDownClass(cls):
        cls.box.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def feed(cls, name, age):
        cls.realm.serve(f"/feeds/{name}.xml", 200, RSS, rss(age, age + DAY, now=int(time.time())))

    @classmethod
    def write_config(cls, late):
        base = f"http://feeds.test:{cls.realm.port}"
        late_account = (f"  - {{id: a-late, name: 甲晚报, platform: wechat, "
                        f"feed: '{base}/feeds/a-late.xml', unit: u-a}}\n") if late else ""
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:0
http:
  timeout: 3s
  connect_timeout: 1s
  retries: 0
  per_host_delay: 0ms
  resolve:
    "feeds.test": 127.0.0.1
alerts:
  smtp_url: smtp://127.0.0.1:{cls.box.port}
  from: govmon@prov.gov.cn
  retry_after: 1s
  once_wait: {ONCE_WAIT}s
units:
  - {{id: u-a, name: 甲单位, contacts: [{UNIT_A}]}}
accounts:
  - {{id: a-dormant, name: 甲发布, platform: wechat, feed: '{base}/feeds/a-dormant.xml', unit: u-a}}
  - {{id: a-stale, name: 甲视窗, platform: wechat, feed: '{base}/feeds/a-stale.xml', unit: u-a}}
{late_account}""")

    def run_once(self, *extra):
        """Runs one cycle; returns (exit code, seconds it took, its log)."""
        started = time.monotonic()
        out = subprocess.run([GOVMON, "run", "--once", *extra, "--config", self.config],
                             capture_output=True, text=True, timeout=120)
        return out.returncode, time.monotonic() - started, out.stderr

    def outbox(self, where="1"):
        with sqlite3.connect(self.database) as db:
            return db.execute(f"SELECT kind, message_id, state, attempts FROM alert_outbox "
                              f"WHERE {where} ORDER BY id").fetchall()

    def assertDeliveredOnce(self):
        ids = [str(m["Message-ID"]) for _, m in self.box.all()]
        self.assertEqual(len(ids), len(set(ids)), "a mail was delivered twice")
        self.assertEqual(len(self.outbox("state = 'sent'")), len(ids))

    def test_1_a_cycle_delivers_the_mails_it_planned_before_it_exits(self):
        code, _, log = self.run_once()
        self.assertEqual(code, 0, log)
        # No waiting: the mails are in the mailbox when the process has exited.
        mails = self.box.all()
        self.assertEqual(len(mails), 2, log)
        subjects = sorted(str(m["subject"]) for _, m in mails)
        self.assertEqual(subjects[0], "【单项否决】甲发布（微信公众号）：账号超过两周未更新（“僵尸”账号）")
        self.assertTrue(subjects[1].startswith("【预警】甲视窗（微信公众号）如不更新，将于 "), subjects[1])
        for rcpt, message in mails:
            self.assertEqual(rcpt, [UNIT_A])
            self.assertEqual(message["To"], UNIT_A)
            self.assertTrue(message["Message-ID"].startswith("<govmon."))
            self.assertEqual(message.get_content_type(), "multipart/alternative")
            self.assertIn("govmon", message.get_body(("plain",)).get_content())
        self.assertEqual(self.outbox("state != 'sent'"), [])
        self.assertDeliveredOnce()

    def test_2_a_second_cycle_with_no_change_sends_nothing(self):
        code, _, log = self.run_once()
        self.assertEqual(code, 0, log)
        self.assertEqual(len(self.box.all()), 2)

    def test_3_no_mail_plans_and_sends_none(self):
        self.feed("a-dormant", 1 * DAY)  # it posts again: a recovery, recorded by this run
        before = self.outbox()
        code, _, log = self.run_once("--no-mail")
        self.assertEqual(code, 0, log)
        self.assertEqual(len(self.box.all()), 2)
        self.assertEqual(self.outbox(), before)
        self.assertIn("--no-mail", log)

    def test_4_smtp_down_costs_a_bounded_wait_and_the_mail_stays_queued(self):
        self.box.stop()
        # The recovery --no-mail recorded is planned by this run, the next that mails.
        code, took, log = self.run_once()
        self.assertEqual(code, 0, log)
        self.assertLess(took, ONCE_WAIT + 10, log)
        queued = self.outbox("state = 'queued'")
        self.assertEqual(len(queued), 1, log)
        self.assertEqual(queued[0][0], "recovery")
        self.assertGreaterEqual(queued[0][3], 1, "no attempt was made")

    def test_5_the_next_run_sends_the_queued_mail_once(self):
        self.box.start()
        time.sleep(1.5)  # alerts.retry_after: 1s
        code, _, log = self.run_once()
        self.assertEqual(code, 0, log)
        recoveries = [m for _, m in self.box.all() if str(m["subject"]).startswith("【已恢复】")]
        self.assertEqual(len(recoveries), 1, log)
        self.assertEqual(str(recoveries[0]["subject"]),
                         "【已恢复】甲发布（微信公众号）：账号超过两周未更新（“僵尸”账号）已解除")
        code, _, log = self.run_once()
        self.assertEqual(code, 0, log)
        self.assertEqual(len(self.box.all()), 3)
        self.assertDeliveredOnce()

    def test_6_a_hanging_server_is_left_after_once_wait_and_its_mail_sent_next_time(self):
        self.write_config(late=True)  # a new dormant account: one more veto mail
        self.box.held.clear()
        self.box.hold = True
        try:
            code, took, log = self.run_once()
        finally:
            self.box.hold = False
        self.assertEqual(code, 0, log)
        self.assertTrue(self.box.held.is_set(), "the run never started sending")
        self.assertGreaterEqual(took, ONCE_WAIT, log)
        self.assertLess(took, ONCE_WAIT + 10, log)
        self.assertIn("alerts.once_wait", log)
        queued = self.outbox("state = 'queued'")
        self.assertEqual([row[0] for row in queued], ["veto"])
        code, _, log = self.run_once()
        self.assertEqual(code, 0, log)
        late = [m for _, m in self.box.all() if "甲晚报" in str(m["subject"])]
        self.assertEqual(len(late), 1, log)
        self.assertEqual(late[0]["Message-ID"], f"<{queued[0][1]}>")
        self.assertDeliveredOnce()

    def test_7_a_run_beside_a_mailing_daemon_leaves_delivery_to_it(self):
        daemon_log = open(os.path.join(self.dir, "daemon.log"), "w")
        daemon = subprocess.Popen([GOVMON, "run", "--config", self.config],
                                  stdout=daemon_log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + 30
            while time.time() < deadline and not os.path.exists(self.database + ".mail-lock"):
                time.sleep(0.1)
            time.sleep(2)  # the daemon's first rounds: it holds the delivery lock
            code, _, log = self.run_once()
            self.assertEqual(code, 0, log)
            self.assertIn("another govmon delivers this database's mail", log)
        finally:
            daemon.terminate()
            self.assertEqual(daemon.wait(timeout=20), 0)
            daemon_log.close()
        self.assertDeliveredOnce()


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
