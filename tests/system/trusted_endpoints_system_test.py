"""System test: the shipped example config, with its RSSHub bridge on 127.0.0.1, probes that
bridge although it says `allow_private: false` (issue 11 item 9: the config's own endpoints are
trusted). A tiny RSSHub-like server stands in for the bridge; the example's internet hosts are
pointed at a closed local port through `http.resolve` so that nothing leaves the machine.

usage: trusted_endpoints_system_test.py PATH_TO_GOVMON
"""
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from fixture_accounts import DAY, Realm, rss
from free_port import free_port

GOVMON = None
EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples")
RSS = "application/rss+xml; charset=utf-8"
BRIDGE_ROUTES = [
    "/wechat/ce/595a5b14d7164e53908f1606",
    "/douyin/user/hubeifabu",
    "/toutiao/user/hubeifabu",
    "/bilibili/user/video/hubeifabu",
    "/wechat/ce/zhengfuwang",
]
BRIDGE_ACCOUNTS = ["hb-wechat", "hb-douyin", "hb-toutiao", "hb-bilibili", "gov-cn-wechat"]
INTERNET_HOSTS = ["www.gov.cn", "www.hubei.gov.cn", "m.weibo.cn", "example.gov.cn"]


class TrustedEndpointsSystemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-trusted-")
        cls.realm = Realm()
        now = int(time.time())
        for route in BRIDGE_ROUTES:
            cls.realm.serve(route, 200, RSS, rss(1 * DAY, 3 * DAY, now=now))
        cls.realm.serve("/portal/", 200, "text/html; charset=utf-8",
                        "<html><body><a href='/portal/a.html'>要闻</a></body></html>".encode())
        cls.metrics_port = free_port()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        cls.write_example_copy()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def write_example_copy(cls):
        bridge = f"127.0.0.1:{cls.realm.port}"
        with open(os.path.join(EXAMPLES, "govmon.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace("127.0.0.1:1200", bridge)
        text = text.replace("listen: 127.0.0.1:9464", f"listen: 127.0.0.1:{cls.metrics_port}")
        # One site of our own, so that a visit that succeeds has phases to show.
        text = text.replace("\nsites:\n", "\nsites:\n  - {id: local-portal, name: 本地门户, "
                            f"url: 'http://{bridge}/portal/', unit: gov-office}}\n", 1)
        text = re.sub(r"(?m)^database: \S+", "database: govmon.db", text)
        text = re.sub(r"(?m)^  smtp_url: \S+", "  smtp_url: smtp://127.0.0.1:9", text)
        resolve = "".join(f"    {host}: 127.0.0.1\n" for host in INTERNET_HOSTS)
        text = re.sub(r"(?m)^(  allow_private: false.*\n)", lambda m: m.group(1) + "  resolve:\n"
                      + resolve, text, count=1)
        assert "allow_private: false" in text and bridge in text
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(EXAMPLES, "accounts.csv"), encoding="utf-8-sig") as f:
            registry = f.read().replace("127.0.0.1:1200", bridge)
        with open(os.path.join(cls.dir, "accounts.csv"), "w", encoding="utf-8-sig") as f:
            f.write(registry)

    def govmon(self, *args):
        return subprocess.run([GOVMON, *args, "--config", self.config], capture_output=True,
                              text=True, timeout=240)

    def export_rows(self):
        since = time.strftime("%Y-%m-%d", time.localtime(time.time() - 2 * DAY))
        until = time.strftime("%Y-%m-%d", time.localtime(time.time() + 2 * DAY))
        export = self.govmon("export", "--from", since, "--to", until, "--format", "jsonl")
        self.assertEqual(export.returncode, 0, export.stderr)
        return [json.loads(line) for line in export.stdout.splitlines()]

    def test_1_bridge_accounts_are_probed_not_refused(self):
        out = self.govmon("run", "--once")
        self.assertNotIn("refused private address", out.stderr + out.stdout)

        rows = self.export_rows()
        accounts = {r["target"]: r for r in rows if r["probe"] == "account"}
        for target in BRIDGE_ACCOUNTS:
            with self.subTest(target=target):
                self.assertIn(target, accounts)
                self.assertEqual(accounts[target]["error"], "", accounts[target])
                self.assertEqual(accounts[target]["ok"], 1, accounts[target])
                self.assertIsNotNone(accounts[target]["last_update"])
        # The example's internet sites were pointed at a closed port: unreachable, not refused.
        sites = {r["target"]: r for r in rows if r["probe"] == "availability"}
        self.assertEqual(sites["gov-cn"]["error"], "connect", sites["gov-cn"])
        self.assertEqual(sites["gov-cn"]["detail"]["attempts"], 1)
        self.assertIn("phases_ms", sites["gov-cn"]["detail"])
        local = sites["local-portal"]
        self.assertEqual(local["ok"], 1, local)
        self.assertEqual(local["detail"]["attempts"], 1)
        self.assertEqual(sorted(local["detail"]["phases_ms"]),
                         ["connect", "dns", "first_byte", "tls", "total", "transfer"])
        self.assertGreater(local["detail"]["phases_ms"]["first_byte"], 0)

        findings = self.govmon("findings", "--format", "jsonl")
        open_findings = [json.loads(line) for line in findings.stdout.splitlines()]
        self.assertEqual([f for f in open_findings if f["target"] in BRIDGE_ACCOUNTS], [])

    def test_2_phase_times_in_metrics(self):
        with sqlite3.connect(os.path.join(self.dir, "govmon.db")) as db:
            db.execute("update schedule set next_due = 0")
        daemon = subprocess.Popen([GOVMON, "run", "--config", self.config],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        series = 'govmon_probe_http_duration_seconds{phase="first_byte",target="local-portal"}'
        metrics, value = "", 0.0
        try:
            end = time.time() + 30
            while time.time() < end and value <= 0:
                time.sleep(0.5)
                try:
                    metrics = urllib.request.urlopen(
                        f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=2).read().decode()
                except OSError:
                    continue
                line = next((l for l in metrics.splitlines() if l.startswith(series)), "")
                value = float(line.split()[-1]) if line else 0.0
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.communicate(timeout=15)
        self.assertGreater(value, 0, metrics)
        for phase in ["dns", "connect", "tls", "transfer", "total"]:
            self.assertIn(f'govmon_probe_http_duration_seconds{{phase="{phase}",target="gov-cn"}}',
                          metrics)
        lint = subprocess.run(["promtool", "check", "metrics"], input=metrics,
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stdout + lint.stderr)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main()
