"""System test of govmon's alert mails: the daemon against a realm of accounts and a real SMTP
server on loopback. Mails are parsed back with Python's MIME parser, never grepped.

usage: alerts_system_test.py PATH_TO_GOVMON   (run with Debian's /usr/bin/python3)
"""
import os
import shutil
import signal
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from fixture_accounts import DAY, Realm, rss
from fixture_mailbox import Mailbox
from free_port import free_port

GOVMON = None
RSS = "application/rss+xml; charset=utf-8"
UNIT_A = "a@unit-a.gov.cn"
UNIT_B = "b@unit-b.gov.cn"
OPS = "ops@prov.gov.cn"


def beijing_day(epoch):
    t = time.gmtime(epoch + 8 * 3600)
    return f"{t.tm_year}年{t.tm_mon}月{t.tm_mday}日"


def subjects(messages):
    return sorted(str(m["subject"]) for m in messages)


class AlertsSystemTest(unittest.TestCase):
    """The steps share one daemon, database and mailbox, and run in name order."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-alerts-")
        cls.realm = Realm()
        cls.box = Mailbox()
        cls.now = int(time.time())
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        cls.metrics_port = free_port()
        cls.feed("a-dormant", 30 * DAY)
        cls.feed("a-stale", 9 * DAY)
        cls.app("a-app")
        cls.app("b-app")
        cls.realm.serve("/api/container/getIndex?type=uid&value=1006&containerid=1076031006",
                        432, "text/html", b"")
        cls.write_config(digest_every="1h")
        cls.daemon = None

    @classmethod
    def tearDownClass(cls):
        if cls.daemon and cls.daemon.poll() is None:
            cls.daemon.kill()
            cls.daemon.wait()
        cls.log.close()
        cls.box.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def feed(cls, name, age):
        cls.realm.serve(f"/feeds/{name}.xml", 200, RSS, rss(age, age + DAY, now=int(time.time())))

    @classmethod
    def app(cls, name):
        cls.realm.serve(f"/app/{name}", 200, "text/html; charset=utf-8",
                        "<html><body>客户端下载</body></html>".encode())

    @classmethod
    def gone(cls, name):
        # A post once seen stays seen, so no account turns dormant within a test; an app's
        # page can vanish (account_unreachable, a veto after two probes in a row).
        cls.realm.serve(f"/app/{name}", 404, "text/html", b"<h1>404 Not Found</h1>")

    @classmethod
    def write_config(cls, digest_every):
        base = f"http://feeds.test:{cls.realm.port}"
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:{cls.metrics_port}
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
platforms:
  weibo: {{api: '{base}'}}
alerts:
  smtp_url: smtp://127.0.0.1:{cls.box.port}
  from: govmon@prov.gov.cn
  to: [{OPS}]
  digest_every: {digest_every}
  retry_after: 1s
units:
  - {{id: u-a, name: 甲单位, contacts: [{UNIT_A}]}}
  - {{id: u-b, name: 乙单位, contacts: [{UNIT_B}]}}
accounts:
  - {{id: a-dormant, name: 甲发布, platform: wechat, feed: '{base}/feeds/a-dormant.xml', unit: u-a}}
  - {{id: a-stale, name: 甲视窗, platform: wechat, feed: '{base}/feeds/a-stale.xml', unit: u-a}}
  - {{id: a-app, name: 甲政务, platform: app, url: '{base}/app/a-app', content: app, unit: u-a}}
  - {{id: b-app, name: 乙发布, platform: app, url: '{base}/app/b-app', content: app, unit: u-b}}
  - {{id: b-blocked, name: 乙微博, platform: weibo, uid: '1006', unit: u-b}}
""")

    @classmethod
    def start_daemon(cls):
        if getattr(cls, "log", None):
            cls.log.close()
        cls.log = open(os.path.join(cls.dir, f"daemon-{time.time()}.log"), "w")
        cls.daemon = subprocess.Popen([GOVMON, "run", "--config", cls.config],
                                      stdout=cls.log, stderr=subprocess.STDOUT)

    def outbox(self, where="1"):
        with sqlite3.connect(self.database) as db:
            return db.execute(f"SELECT kind, audience, message_id, state, attempts FROM "
                              f"alert_outbox WHERE {where} ORDER BY id").fetchall()

    def metric(self, name):
        text = urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics",
                                      timeout=5).read().decode()
        for line in text.splitlines():
            if line.startswith(name + " "):
                return float(line.split()[-1])
        return None

    def assertWellFormed(self, message):
        self.assertTrue(message["Date"])
        self.assertTrue(message["Message-ID"].startswith("<govmon."))
        self.assertEqual(message.get_content_type(), "multipart/alternative")
        plain = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        self.assertIn("govmon", plain)
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        return plain, html

    def test_1_first_cycle_mails_each_unit_what_its_findings_call_for(self):
        self.start_daemon()
        got = self.box.wait_for(lambda rcpt, m: UNIT_A in rcpt and "预警" in str(m["subject"]))
        self.assertTrue(got, "no warning mail for unit A")
        self.box.wait_for(lambda rcpt, m: UNIT_A in rcpt and "单项否决" in str(m["subject"]))
        time.sleep(5)  # two more cycles: nothing else may come
        dormant_on = beijing_day(self.now - 9 * DAY + 14 * DAY)
        self.assertEqual(subjects(self.box.to(UNIT_A)), sorted([
            "【单项否决】甲发布（微信公众号）：账号超过两周未更新（“僵尸”账号）",
            f"【预警】甲视窗（微信公众号）如不更新，将于 {dormant_on} 被判定为“僵尸”账号"]))
        # The blocked weibo account is the platform's doing: nothing goes to its unit.
        self.assertEqual(self.box.to(UNIT_B), [])
        self.assertEqual(self.box.to(OPS), [])
        for message in self.box.to(UNIT_A):
            plain, html = self.assertWellFormed(message)
            self.assertEqual(message["To"], UNIT_A)
            if "预警" in str(message["subject"]):
                self.assertIn(f"{beijing_day(self.now - 9 * DAY)}（距今 9 天）", plain)
                self.assertIn(dormant_on, html)
            else:
                self.assertIn("请立即发布内容", plain)
                self.assertIn("甲发布（微信公众号）", html)

    def test_2_a_second_cycle_with_no_change_sends_nothing(self):
        before = len(self.box.all())
        time.sleep(5)
        self.assertEqual(len(self.box.all()), before)
        self.assertEqual(self.metric('govmon_alert_emails_total{result="sent"}'), before)

    def test_3_a_dormant_account_that_posts_again_brings_a_recovery_notice(self):
        self.feed("a-dormant", 1 * DAY)
        got = self.box.wait_for(lambda rcpt, m: str(m["subject"]).startswith("【已恢复】"))
        self.assertEqual([str(m["subject"]) for m in got],
                         ["【已恢复】甲发布（微信公众号）：账号超过两周未更新（“僵尸”账号）已解除"])
        self.assertWellFormed(got[0])

    def test_4_an_smtp_server_down_for_a_while_loses_nothing(self):
        self.box.stop()
        self.gone("a-app")
        deadline = time.time() + 30
        while time.time() < deadline and not self.outbox("state = 'queued' AND attempts >= 1"):
            time.sleep(0.2)
        self.assertTrue(self.outbox("state = 'queued' AND attempts >= 1"), "no failed attempt")
        self.assertGreaterEqual(self.metric('govmon_alert_emails_total{result="failed"}'), 1)
        self.box.start()
        got = self.box.wait_for(lambda rcpt, m: "甲政务" in str(m["subject"]))
        self.assertEqual(len(got), 1)
        self.assertIn("单项否决", str(got[0]["subject"]))

    def test_5_kill_during_sending_and_restart_send_no_duplicate(self):
        self.box.held.clear()
        self.box.hold = True
        self.gone("b-app")
        self.assertTrue(self.box.held.wait(30), "the daemon never started sending")
        self.daemon.kill()
        self.daemon.wait()
        self.box.hold = False
        queued = self.outbox("state = 'queued'")
        self.assertEqual(len(queued), 1)
        self.start_daemon()
        got = self.box.wait_for(lambda rcpt, m: UNIT_B in rcpt)
        self.assertEqual(len(got), 1)
        self.assertEqual(got[0]["Message-ID"], f"<{queued[0][2]}>")
        time.sleep(3)
        ids = [str(m["Message-ID"]) for _, m in self.box.all()]
        self.assertEqual(len(ids), len(set(ids)), "a mail was delivered twice")
        self.assertEqual(len(self.outbox("state = 'sent'")), len(ids))

    def test_6_digests_group_each_units_open_findings(self):
        self.write_config(digest_every="2s")
        self.daemon.send_signal(signal.SIGHUP)
        ops = self.box.wait_for(lambda rcpt, m: OPS in rcpt)
        unit_b = self.box.wait_for(lambda rcpt, m: UNIT_B in rcpt and "汇总" in str(m["subject"]))
        unit_a = self.box.wait_for(lambda rcpt, m: UNIT_A in rcpt and "汇总" in str(m["subject"]))
        self.assertTrue(ops and unit_a and unit_b)
        ops_text, _ = self.assertWellFormed(ops[0])
        self.assertTrue(str(ops[0]["subject"]).startswith("【汇总】全部单位："))
        for name in ("甲视窗", "甲政务", "乙发布", "乙微博（微博）", "平台拒绝检测"):
            self.assertIn(name, ops_text)
        b_text, _ = self.assertWellFormed(unit_b[0])
        self.assertIn("乙发布", b_text)
        self.assertNotIn("乙微博", b_text)
        a_text, _ = self.assertWellFormed(unit_a[0])
        self.assertLess(a_text.index("甲政务"), a_text.index("甲视窗"), "vetoes come first")
        self.daemon.send_signal(signal.SIGTERM)
        self.assertEqual(self.daemon.wait(timeout=10), 0)

    def test_7_preview_prints_what_a_unit_would_get_now(self):
        out = self.govmon("alerts", "preview", "--unit", "u-a")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn(f"To: {UNIT_A}\nSubject: 【汇总】甲单位：", out.stdout)
        self.assertIn("甲视窗（微信公众号）", out.stdout)
        self.assertNotIn("乙", out.stdout)
        everyone = self.govmon("alerts", "preview", "--unit", "*")
        self.assertIn("乙微博（微博）", everyone.stdout)
        self.assertEqual(self.govmon("alerts", "preview", "--unit", "nobody").returncode, 64)
        self.assertEqual(self.govmon("alerts", "preview").returncode, 64)

    def govmon(self, *args):
        return subprocess.run([GOVMON, *args, "--config", self.config], capture_output=True,
                              text=True, timeout=30)


class AlertsTestCommandTest(unittest.TestCase):
    """`govmon alerts test` through a server that demands STARTTLS and a login."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-alerts-tls-")
        cls.cert = os.path.join(cls.dir, "cert.pem")
        key = os.path.join(cls.dir, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cls.cert], check=True, capture_output=True)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cls.cert, key)
        cls.box = Mailbox(tls_context=context, login=("govmon", "s3cret"))
        cls.credentials = os.path.join(cls.dir, "smtp.credentials")
        with open(cls.credentials, "w") as f:
            f.write("govmon\ns3cret\n")

    @classmethod
    def tearDownClass(cls):
        cls.box.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def config(self, smtp_url, credentials_file=None):
        path = os.path.join(self.dir, "govmon.yaml")
        extra = f"\n  credentials_file: {credentials_file}" if credentials_file else ""
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""database: {self.dir}/govmon.db
http:
  ca_file: {self.cert}
alerts:
  smtp_url: {smtp_url}
  from: govmon@prov.gov.cn{extra}
""")
        return path

    def alerts_test(self, config, env):
        return subprocess.run([GOVMON, "alerts", "test", "--to", OPS, "--config", config],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, **env})

    def test_a_sample_mail_goes_through_starttls_with_the_login_from_the_environment(self):
        config = self.config(f"smtp://127.0.0.1:{self.box.port}")
        out = self.alerts_test(config, {"GOVMON_SMTP_USER": "govmon",
                                        "GOVMON_SMTP_PASSWORD": "s3cret"})
        self.assertEqual(out.returncode, 0, out.stderr)
        got = self.box.wait_for(lambda rcpt, m: "【测试】" in str(m["subject"]))
        self.assertEqual(len(got), 1)
        self.assertIn("正常阅读这段中文", got[0].get_body(("plain",)).get_content())
        self.assertEqual(self.box.sessions[-1], (True, "govmon"))

    def test_the_login_can_come_from_a_credentials_file(self):
        before = len(self.box.all())
        config = self.config(f"smtp://127.0.0.1:{self.box.port}", self.credentials)
        out = self.alerts_test(config, {})
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(len(self.box.all()), before + 1)

    def test_a_refused_login_is_reported_and_nothing_is_sent(self):
        before = len(self.box.all())
        config = self.config(f"smtp://127.0.0.1:{self.box.port}")
        out = self.alerts_test(config, {"GOVMON_SMTP_USER": "govmon",
                                        "GOVMON_SMTP_PASSWORD": "wrong"})
        self.assertEqual(out.returncode, 1)
        self.assertIn("not sent", out.stderr)
        self.assertEqual(len(self.box.all()), before)

    def test_a_password_in_the_smtp_url_is_a_config_error(self):
        config = self.config(f"smtp://govmon:s3cret@127.0.0.1:{self.box.port}")
        out = subprocess.run([GOVMON, "check-config", "--config", config], capture_output=True,
                             text=True, timeout=30)
        self.assertEqual(out.returncode, 78)
        self.assertIn("must not hold a user or password", out.stdout)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
