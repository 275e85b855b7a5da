"""System test of the status page: the built daemon serves it beside /metrics, in Chromium.

A cycle of `run --once` over the local realm (sites up, down, hanging, with bad TLS, and one
whose name is hostile markup) leaves findings. Then the daemon runs on the same database with
one more site that hangs for two minutes, so that a cycle is running while the page is asked for.
The page must show every finding, render the hostile name as text (Chromium's DOM has no
element the name tried to inject), and answer /metrics on the same port. A deduction has a
second to be fixed (`rectification:`): the page shows every due date `govmon findings` gives,
and the deductions as 已逾期 on the red list, until a reload gives them 100 days.

usage: status_page_system_test.py PATH_TO_GOVMON
"""
import html.parser
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
import urllib.request

from fixture_cms_sites import CmsRealm
from fixture_sites import Realm
from free_port import free_port

GOVMON = None
# Quotes, CR/LF, a script, an image with a handler, an element of its own.
HOSTILE = ("<script>document.title='pwned'</script>\"' onmouseover=\"x\"\r\n"
           "<img src=x onerror=\"document.body.dataset.pwned=1\"><b id=injected>县</b>")


class _Dom(html.parser.HTMLParser):
    """Tags, attributes and text of a serialised DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def dom_of(serialised):
    dom = _Dom()
    dom.feed(serialised)
    return dom


def yaml_string(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


class StatusPageSystemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-status-")
        cls.realm = Realm(cls.dir)
        cls.cms = CmsRealm()
        cls.port = free_port()
        cls.database = os.path.join(cls.dir, "govmon.db")
        sites = cls.realm.sites()
        cms = {sid: (host, url) for sid, host, url in cls.cms.sites()}
        cls.sites = [(sid, f"站点{sid}", url) for sid, _, url in sites]
        # A stale site (a veto on the red list) under a hostile name, and a fresh one.
        cls.sites += [("hostile", HOSTILE, cms["stale-plain"][1]),
                      ("fresh", "新鲜站", cms["fresh-plain"][1])]
        cls.hosts = [host for _, host, _ in sites] + [cms["stale-plain"][0],
                                                      cms["fresh-plain"][0]]
        once = cls.write_config("once.yaml", cls.sites, timeout="2s")
        out = subprocess.run([GOVMON, "run", "--once", "--config", once], capture_output=True,
                             text=True, timeout=240)
        if out.returncode not in (0, 1):
            raise AssertionError(f"run --once exited {out.returncode}: {out.stderr[-3000:]}")
        out = subprocess.run([GOVMON, "findings", "--format", "jsonl", "--config", once],
                             capture_output=True, text=True, timeout=60, check=True)
        cls.findings = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        hang_url = next(url for sid, _, url in sites if sid == "hang")
        slow = ("slow", "慢站", hang_url.replace("hang.", "slow."))
        cls.hosts.append("slow.example.gov.cn")
        cls.daemon_sites = cls.sites + [slow]
        cls.daemon_config = cls.write_config("daemon.yaml", cls.daemon_sites, timeout="120s")

    @classmethod
    def tearDownClass(cls):
        cls.cms.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def write_config(cls, name, sites, timeout, deduct_within="1s"):
        path = os.path.join(cls.dir, name)
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for host in cls.hosts)
        listed = "\n".join(f"  - {{id: {sid}, name: {yaml_string(title)}, url: '{url}', "
                           f"unit: hb-office}}" for sid, title, url in sites)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:{cls.port}
schedule:
  availability_every: 1h
  jitter: 0%
http:
  timeout: {timeout}
  connect_timeout: 1s
  retries: 0
  per_host_delay: 0ms
  resolve:
{resolve}
crawl:
  render: never
rectification:
  rules:
    - {{severity: deduct, within: {deduct_within}}}
units:
  - {{id: hb-office, name: {yaml_string("湖北省人民政府办公厅" + HOSTILE)}}}
sites:
{listed}
""")
        return path

    def get(self, path, deadline=10):
        end = time.time() + deadline
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}",
                                            timeout=5) as answer:
                    return answer.status, dict(answer.headers), answer.read().decode()
            except urllib.error.HTTPError as e:
                return e.code, dict(e.headers), e.read().decode()
            except OSError:
                if time.time() > end:
                    raise
                time.sleep(0.1)

    def chromium(self, *args):
        out = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                              "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                              f"--user-data-dir={os.path.join(self.dir, 'chromium')}",
                              *args, f"http://127.0.0.1:{self.port}/"],
                             capture_output=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr.decode(errors="replace")[-2000:])
        return out.stdout.decode()

    def test_the_page_while_a_cycle_runs(self):
        vetoes = [f for f in self.findings if f["severity"] == "veto"]
        self.assertTrue(any(f["target"] == "hostile" for f in vetoes), self.findings)
        held_before = len(self.realm.hang.held)
        daemon = subprocess.Popen([GOVMON, "run", "--config", self.daemon_config],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            status, headers, page = self.get("/")
            # The slow site's probe is in flight: its server holds the connection, unanswered.
            end = time.time() + 20
            while len(self.realm.hang.held) == held_before and time.time() < end:
                time.sleep(0.1)
            self.assertGreater(len(self.realm.hang.held), held_before)
            started = time.time()
            status, headers, page = self.get("/")
            self.assertLess(time.time() - started, 5)
            self.assertEqual(status, 200)
            self.assertIn("text/html", headers["Content-Type"])
            self.assertIn("default-src 'none'", headers["Content-Security-Policy"])
            metrics_status, _, metrics = self.get("/metrics")
            self.assertEqual(metrics_status, 200)
            self.assertIn('govmon_build_info{version="', metrics)
            unit_status, _, unit_page = self.get("/unit/hb-office")
            self.assertEqual(unit_status, 200)
            target_status, _, target_page = self.get("/target/hostile")
            self.assertEqual(target_status, 200)
            self.assertEqual(self.get("/target/nobody")[0], 404)

            dom_text = self.chromium("--dump-dom")
            screenshot = os.path.join(self.dir, "status.png")
            self.chromium(f"--screenshot={screenshot}", "--window-size=1280,2400")
            # Still mid-cycle: the slow site's probe has recorded nothing yet.
            with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as db:
                self.assertEqual(db.execute("select count(*) from observations "
                                            "where target = 'slow'").fetchone()[0], 0)
            # A reload re-reads the rules: given 100 days, no deduction is overdue any more.
            self.assertIn("已逾期", page)
            self.write_config("daemon.yaml", self.daemon_sites, timeout="120s",
                              deduct_within="100d")
            daemon.send_signal(signal.SIGHUP)
            end = time.time() + 20
            while "已逾期" in self.get("/")[2] and time.time() < end:
                time.sleep(0.2)
            self.assertNotIn("已逾期", self.get("/")[2])
        finally:
            daemon.send_signal(signal.SIGTERM)
            _, err = daemon.communicate(timeout=20)
        self.assertEqual(daemon.returncode, 0, err[-3000:])

        dom = dom_of(dom_text)
        text = "".join(dom.text)
        # Every finding of the realm is on the page, with its evidence.
        for f in self.findings:
            with self.subTest(finding=f["id"]):
                self.assertIn(f["detail"].replace("\r", "").replace("\n", ""),
                              text.replace("\r", "").replace("\n", ""))
                self.assertIn(f["target"], text)
        # A veto shows twice: on the red list and under its target.
        for f in vetoes:
            self.assertGreaterEqual(text.count(f["detail"]), 2, f)
        # The page's 整改期限 are those of `govmon findings`, to the minute in the same zone.
        self.assertIn("单项否决与逾期清单", text)
        for f in self.findings:
            with self.subTest(due=f["id"]):
                self.assertEqual(f["due"] == "", f["severity"] == "warn", f)
                if f["due"]:
                    self.assertIn(f["due"][:16].replace("T", " "), text)
        # Past their second, the deductions are overdue: on the red list too.
        deductions = [f for f in self.findings if f["severity"] == "deduct"]
        self.assertTrue(deductions, self.findings)
        self.assertIn("已逾期", text)
        for f in deductions:
            self.assertGreaterEqual(text.count(f["detail"]), 2, f)
        # The hostile name is text; nothing it tried to inject exists.
        self.assertEqual(dom.tags.count("script"), 0)
        self.assertEqual(dom.tags.count("img"), 0)
        self.assertEqual(dom.tags.count("b"), 0)
        self.assertNotIn(("id", "injected"), dom.attributes)
        self.assertFalse([a for a, _ in dom.attributes if a.startswith("on")], dom.attributes)
        self.assertNotIn("data-pwned", dom_text)
        self.assertIn("<script>document.title='pwned'</script>", text)
        self.assertIn("govmon 监测状态", dom_text)
        # Chromium rendered it: a PNG of a real page.
        with open(screenshot, "rb") as f:
            png = f.read()
        self.assertTrue(png.startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertGreater(len(png), 20000)
        for page_text in (unit_page, target_page):
            self.assertNotIn("<script>", page_text)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
