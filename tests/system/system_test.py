"""System test of the built govmon binary against a realm of local sites.

usage: system_test.py PATH_TO_GOVMON
"""
import csv
import io
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

from fixture_sites import Realm
from free_port import free_port

GOVMON = None
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EASYLIST = ("/usr/share/chromium/extensions/ublock-origin/assets/thirdparties/easylist/"
            "easylist.txt")



class SystemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-system-")
        cls.realm = Realm(cls.dir)
        cls.metrics_port = free_port()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.write_config(cls.config, availability_every="1h")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def write_config(cls, path, availability_every):
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for _, host, _ in cls.realm.sites())
        sites = "\n".join(
            f"  - {{id: {sid}, name: 站点{sid}, url: '{url}', unit: hb-office}}"
            for sid, _, url in cls.realm.sites())
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:{cls.metrics_port}
schedule:
  availability_every: {availability_every}
  jitter: 0%
http:
  timeout: 2s
  connect_timeout: 1s
  retries: 0
  per_host_delay: 0ms
  resolve:
{resolve}
ads:
  rules: ['{os.path.join(SOURCE_DIR, "ad-rules", "cn-ad-networks.txt")}']
units:
  - {{id: hb-office, name: 湖北省人民政府办公厅, contacts: [web@hubei.gov.cn]}}
sites:
{sites}
""")

    def govmon(self, *args, timeout=60):
        return subprocess.run([GOVMON, *args, "--config", self.config], capture_output=True,
                              text=True, timeout=timeout)

    def findings(self):
        out = self.govmon("findings", "--format", "jsonl")
        self.assertEqual(out.returncode, 0, out.stderr)
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    def observation_count(self, probe="availability"):
        with sqlite3.connect(self.database) as db:
            return db.execute("select count(*) from observations where probe = ?",
                              (probe,)).fetchone()[0]

    def start_daemon(self):
        return subprocess.Popen([GOVMON, "run", "--config", self.config], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def scrape(self, deadline=10):
        end = time.time() + deadline
        while True:
            try:
                url = f"http://127.0.0.1:{self.metrics_port}/metrics"
                return urllib.request.urlopen(url, timeout=2).read().decode()
            except OSError:
                if time.time() > end:
                    raise
                time.sleep(0.1)

    def stop(self, daemon, sig=signal.SIGTERM):
        daemon.send_signal(sig)
        started = time.time()
        _, err = daemon.communicate(timeout=10)
        return daemon.returncode, time.time() - started, err

    def test_1_check_config_good_and_bad(self):
        out = self.govmon("check-config")
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("1 units, 4 sites, 0 accounts", out.stdout)

        bad = os.path.join(self.dir, "bad.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("timezone: Asia/Shanghai\n"
                    "database: x.db\n"
                    "schedule:\n"
                    "  availabilty_every: 1h\n"
                    "http:\n"
                    "  timeout: fast\n"
                    "sites:\n"
                    "  - {id: a, name: A, url: 'https://a.gov.cn/', unit: nobody}\n")
        out = subprocess.run([GOVMON, "check-config", "--config", bad], capture_output=True,
                             text=True, timeout=30)
        self.assertEqual(out.returncode, 78)
        self.assertIn(f"{bad}:4: ", out.stdout)
        self.assertIn(f"{bad}:6: ", out.stdout)
        self.assertIn(f"{bad}:8: ", out.stdout)
        out = subprocess.run([GOVMON, "run", "--once", "--config", bad], capture_output=True,
                             text=True, timeout=30)
        self.assertEqual(out.returncode, 78)

    def test_2_run_once_findings_and_export(self):
        out = self.govmon("run", "--once")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(self.observation_count(), 4)
        # The config names the installed copy of the compiled-in list: it is not loaded twice.
        lists = 2 if os.path.isfile(EASYLIST) else 1
        self.assertIn(f"network rules from {lists} list(s)", out.stderr)

        got = sorted((f["target"], f["kind"], f["severity"]) for f in self.findings())
        self.assertEqual(got, [
            ("badtls", "ipv6_missing", "deduct"),
            ("badtls", "site_unreachable", "warn"),
            ("badtls", "tls_invalid", "deduct"),
            ("down", "ipv6_missing", "deduct"),
            ("down", "site_unreachable", "warn"),
            ("hang", "ipv6_missing", "deduct"),
            ("hang", "site_unreachable", "warn"),
            ("up", "ipv6_missing", "deduct"),
        ])
        for f in self.findings():
            self.assertTrue(f["first_seen"].endswith("+08:00"))
            self.assertEqual(f["status"], "open")
            self.assertEqual(f["unit"], "hb-office")
        tls = [f for f in self.findings() if f["kind"] == "tls_invalid"][0]
        self.assertIn("self-signed", tls["detail"])

        today = time.strftime("%Y-%m-%d", time.localtime(time.time()))
        tomorrow = time.strftime("%Y-%m-%d", time.localtime(time.time() + 2 * 86400))
        yesterday = time.strftime("%Y-%m-%d", time.localtime(time.time() - 2 * 86400))
        out = subprocess.run([GOVMON, "export", "--from", yesterday, "--to", tomorrow,
                              "--config", self.config], capture_output=True, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith(b"\xef\xbb\xbf"))
        rows = [r for r in csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig")))
                if r["probe"] == "availability"]
        self.assertEqual(len(rows), 4)
        by_target = {r["target"]: r for r in rows}
        self.assertEqual(by_target["up"]["ok"], "1")
        self.assertEqual(by_target["up"]["http_status"], "200")
        self.assertEqual(by_target["down"]["error"], "connect")
        self.assertEqual(by_target["hang"]["error"], "timeout")
        self.assertEqual(by_target["badtls"]["error"], "tls")
        self.assertEqual(by_target["up"]["probe"], "availability")
        self.assertEqual(by_target["up"]["unit"], "hb-office")
        self.assertEqual(by_target["up"]["platform"], "web")
        self.assertEqual(by_target["up"]["target_kind"], "site")
        self.assertGreaterEqual(int(by_target["hang"]["latency_ms"]), 1900)
        json.loads(by_target["up"]["detail"])

        out = self.govmon("export", "--from", yesterday, "--to", today, "--format", "jsonl")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout, "")
        out = self.govmon("export", "--from", yesterday, "--to", tomorrow, "--format", "jsonl")
        lines = [json.loads(line) for line in out.stdout.splitlines()]
        self.assertEqual(len([r for r in lines if r["probe"] == "availability"]), 4)
        crawls = {r["target"]: r for r in lines if r["probe"] == "crawl"}
        self.assertEqual(sorted(crawls), ["badtls", "down", "hang", "up"])
        self.assertEqual(crawls["up"]["ok"], 1)
        self.assertGreaterEqual(crawls["up"]["detail"]["pages"], 13)
        self.assertEqual(crawls["up"]["detail"]["broken_home"], 0)
        self.assertTrue(crawls["up"]["last_update"].startswith(today))
        self.assertEqual(crawls["down"]["ok"], 0)

    def test_3_second_cycle_keeps_finding_ids(self):
        before = {(f["target"], f["kind"]): f["id"] for f in self.findings()}
        out = self.govmon("run", "--once")
        self.assertEqual(out.returncode, 0, out.stderr)
        after = {(f["target"], f["kind"]): f["id"] for f in self.findings()}
        self.assertEqual(before, after)
        self.assertEqual(self.observation_count(), 8)

    def test_4_daemon_resumes_schedule_serves_metrics_and_stops(self):
        # Every site was probed moments ago and is due again in an hour: a restarted daemon
        # must not probe again now.
        daemon = self.start_daemon()
        try:
            metrics = self.scrape()
            time.sleep(2)
        finally:
            code, took, err = self.stop(daemon)
        self.assertEqual(code, 0, err)
        self.assertLess(took, 5)
        self.assertEqual(self.observation_count(), 8)
        self.assertIn('govmon_build_info{version="', metrics)
        self.assertIn('govmon_probe_success{kind="site",probe="availability",target="up"}', metrics)
        self.assertIn('govmon_findings{kind="site_unreachable",severity="veto"} 0', metrics)
        self.assertIn('govmon_http_requests_total{result="ok"}', metrics)
        lint = subprocess.run(["promtool", "check", "metrics"], input=metrics,
                              capture_output=True, text=True)
        self.assertEqual(lint.returncode, 0, lint.stdout + lint.stderr)
        self.assertEqual(lint.stdout + lint.stderr, "")

    def test_5_sighup_with_a_bad_config_keeps_the_old_one(self):
        fast = os.path.join(self.dir, "fast.yaml")
        self.write_config(fast, availability_every="1s")
        shutil.copy(fast, self.config)
        with sqlite3.connect(self.database) as db:
            db.execute("update schedule set next_due = 0")
        daemon = self.start_daemon()
        try:
            self.scrape()
            with open(self.config, "a", encoding="utf-8") as f:
                f.write("bogus_key: 1\n")
            daemon.send_signal(signal.SIGHUP)
            time.sleep(3)
            self.assertIsNone(daemon.poll())
            metrics = self.scrape()
            self.assertIn('target="up"', metrics)
            self.assertIn('govmon_degraded_total{mode="reload_refused"} 1', metrics)
            # The hanging site keeps a probe in flight: SIGTERM must not wait for it.
        finally:
            code, took, err = self.stop(daemon)
        self.assertEqual(code, 0, err)
        self.assertLess(took, 5)
        self.assertIn("reload refused", err)
        self.assertIn("bogus_key", err)
        self.assertGreater(self.observation_count(), 8)
        shutil.copy(fast, self.config)

    def test_6_kill_9_leaves_a_sound_database(self):
        with sqlite3.connect(self.database) as db:
            db.execute("update schedule set next_due = 0")
        daemon = self.start_daemon()
        self.scrape()
        time.sleep(2.5)
        daemon.kill()
        daemon.communicate(timeout=10)
        with sqlite3.connect(self.database) as db:
            self.assertEqual(db.execute("pragma integrity_check").fetchone()[0], "ok")
        before = self.observation_count()
        out = self.govmon("run", "--once")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(self.observation_count(), before + 4)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
