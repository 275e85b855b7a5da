"""System test of 整改 deadlines and contact roles: the daemon against a realm of accounts and a
real SMTP server on loopback (python3-aiosmtpd). A rectification rule of a few seconds makes a
deadline pass within the test, the way a real one of days would: no clock is faked.

usage: rectification_system_test.py PATH_TO_GOVMON   (run with Debian's /usr/bin/python3)
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_accounts import DAY, Realm, rss
from fixture_mailbox import Mailbox
from free_port import free_port

GOVMON = None
RSS = "application/rss+xml; charset=utf-8"
LEADER = "leader@unit-a.gov.cn"
EDITOR = "editor@unit-a.gov.cn"
WATCH = "watch@unit-a.gov.cn"
OWNER = "owner@unit-a.gov.cn"
B_ALL = "all@unit-b.gov.cn"
OPS = "ops@prov.gov.cn"
ESCALATION = "【整改逾期】"


def subject(message):
    return str(message["subject"])


class RectificationSystemTest(unittest.TestCase):
    """The steps share one daemon, database and mailbox, and run in name order."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-rectification-")
        cls.realm = Realm()
        cls.box = Mailbox()
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        now = int(time.time())
        for name, age in (("a-dormant", 30 * DAY), ("b-dormant", 20 * DAY)):
            cls.realm.serve(f"/feeds/{name}.xml", 200, RSS, rss(age, age + DAY, now=now))
        base = f"http://feeds.test:{cls.realm.port}"
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:{free_port()}
schedule:
  accounts_every: 2s
  jitter: 0%
http:
  timeout: 3s
  connect_timeout: 1s
  retries: 0
  per_host: 8
  per_host_delay: 0ms
  resolve:
    "feeds.test": 127.0.0.1
alerts:
  smtp_url: smtp://127.0.0.1:{cls.box.port}
  from: govmon@prov.gov.cn
  to: [{OPS}]
  digest_every: 4s
  retry_after: 1s
rectification:
  rules:
    - {{kind: account_dormant, unit: u-a, within: 3s}}
units:
  - id: u-a
    name: 甲单位
    contacts:
      - {{email: {LEADER}, role: 信息指挥长}}
      - {{email: {EDITOR}, role: 信息采编员}}
      - {{email: {WATCH}, role: 内容监督员}}
  - {{id: u-b, name: 乙单位, contacts: [{B_ALL}]}}
accounts:
  - {{id: a-dormant, name: 甲发布, platform: wechat, feed: '{base}/feeds/a-dormant.xml', unit: u-a,
     owner: 张三, owner_email: {OWNER}}}
  - {{id: b-dormant, name: 乙发布, platform: wechat, feed: '{base}/feeds/b-dormant.xml', unit: u-b}}
""")
        cls.log = None
        cls.daemon = None

    @classmethod
    def tearDownClass(cls):
        if cls.daemon and cls.daemon.poll() is None:
            cls.daemon.kill()
            cls.daemon.wait()
        if cls.log:
            cls.log.close()
        cls.box.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def start_daemon(cls):
        if cls.log:
            cls.log.close()
        cls.log = open(os.path.join(cls.dir, f"daemon-{time.time()}.log"), "w")
        cls.daemon = subprocess.Popen([GOVMON, "run", "--config", cls.config],
                                      stdout=cls.log, stderr=subprocess.STDOUT)

    def stop_daemon(self):
        self.daemon.send_signal(signal.SIGTERM)
        self.assertEqual(self.daemon.wait(timeout=15), 0)

    def escalations_to(self, address):
        return [m for m in self.box.to(address) if subject(m).startswith(ESCALATION)]

    def escalation_rows(self):
        with sqlite3.connect(self.database) as db:
            return db.execute("SELECT finding_id, since, due, message_id FROM "
                              "rectification_escalations").fetchall()

    def test_1_a_veto_goes_to_the_leader_and_the_owner_at_once(self):
        self.start_daemon()
        got = self.box.wait_for(lambda rcpt, m: "单项否决" in subject(m) and "甲发布" in subject(m))
        self.assertTrue(got, "no veto mail for 甲发布")
        time.sleep(1)
        vetoes = [(rcpt, m) for rcpt, m in self.box.all() if "单项否决" in subject(m)
                  and "甲发布" in subject(m)]
        self.assertEqual(sorted(r for rcpt, _ in vetoes for r in rcpt), sorted([LEADER, OWNER]))
        # One message, one Message-ID, addressed to both.
        self.assertEqual(len({str(m["Message-ID"]) for _, m in vetoes}), 1)
        self.assertEqual(sorted(a.addr_spec for a in vetoes[0][1]["To"].addresses),
                         sorted([LEADER, OWNER]))
        plain = vetoes[0][1].get_body(("plain",)).get_content()
        self.assertIn("整改期限", plain)
        for address in (EDITOR, WATCH):
            self.assertEqual([m for m in self.box.to(address) if "单项否决" in subject(m)], [])
        # A unit whose contacts have no role gets its veto as before.
        self.assertTrue(self.box.wait_for(
            lambda rcpt, m: B_ALL in rcpt and "单项否决" in subject(m)))

    def test_2_the_passed_deadline_brings_one_escalation_to_the_supervising_contacts(self):
        got = self.box.wait_for(lambda rcpt, m: subject(m).startswith(ESCALATION), timeout=40)
        self.assertTrue(got, "no escalation mail")
        time.sleep(2)
        self.assertEqual(len(self.escalations_to(WATCH)), 1)
        self.assertEqual(len(self.escalations_to(OPS)), 1)
        for address in (LEADER, EDITOR, OWNER, B_ALL):
            self.assertEqual(self.escalations_to(address), [], address)
        message = self.escalations_to(WATCH)[0]
        self.assertEqual(subject(message)[:len(ESCALATION) + 3], ESCALATION + "甲发布")
        plain = message.get_body(("plain",)).get_content()
        self.assertIn("已超过整改期限", plain)
        self.assertIn("（已逾期）", plain)
        rows = self.escalation_rows()
        self.assertEqual(len(rows), 1)
        self.assertEqual(f"<{rows[0][3]}>", message["Message-ID"])
        self.assertLessEqual(rows[0][2] - rows[0][1], 3)

    def test_3_digests_go_to_the_editor(self):
        got = self.box.wait_for(lambda rcpt, m: EDITOR in rcpt and "汇总" in subject(m))
        self.assertTrue(got, "no digest for the editor")
        self.assertIn("已逾期", got[0].get_body(("plain",)).get_content())
        for address in (LEADER, WATCH, OWNER):
            self.assertEqual([m for m in self.box.to(address) if "汇总" in subject(m)], [], address)

    def test_4_no_second_escalation_over_time_nor_across_a_restart(self):
        time.sleep(12)  # more than one escalation check (every 10 s)
        self.assertEqual(len(self.escalations_to(WATCH)), 1)
        self.stop_daemon()
        self.start_daemon()
        time.sleep(15)
        self.assertEqual(self.daemon.poll(), None, "the daemon stopped")
        self.assertEqual(len(self.escalations_to(WATCH)), 1)
        self.assertEqual(len(self.escalations_to(OPS)), 1)
        self.assertEqual(len(self.escalation_rows()), 1)
        self.stop_daemon()

    def test_5_findings_show_the_due_date_and_the_overdue_flag(self):
        out = subprocess.run([GOVMON, "findings", "--format", "jsonl", "--config", self.config],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = {r["target"]: r for r in map(json.loads, out.stdout.splitlines())}
        a = rows["a-dormant"]
        self.assertEqual(a["kind"], "account_dormant")
        self.assertEqual(a["status"], "open")
        self.assertTrue(a["overdue"])
        self.assertTrue(a["due"].endswith("+08:00"))
        # u-b has the default deadline for a veto: a week.
        b = rows["b-dormant"]
        self.assertFalse(b["overdue"])
        self.assertEqual(list(b)[-2:], ["due", "overdue"])


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
