"""System test: tampering and faked dates, each planted once beside a healthy twin.

The realm (fixture_tamper_sites) is crawled three times while the key pages' baselines are
learned, then once more after it has moved on (a new script host, a backdated item): exactly the
planted problems must be open as `tampered` and `date_suspect` warnings, each with its evidence.
`govmon baseline accept` then adopts the changed page, and the next crawl resolves its finding.

usage: tamper_realm_test.py PATH_TO_GOVMON
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from fixture_tamper_sites import TamperRealm, redated_path
from govmon_cli import open_findings, run_once

GOVMON = None
NEW_KINDS = {"tampered", "date_suspect"}
LEARNING_CRAWLS = 3


class TamperRealmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-tamper-")
        cls.realm = TamperRealm()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for host in cls.realm.hosts())
        sites = "\n".join(f"  - {{id: {sid}, name: 站点{sid}, url: '{url}', unit: county}}"
                          for sid, _, url in cls.realm.sites())
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {os.path.join(cls.dir, "govmon.db")}
http:
  timeout: 5s
  retries: 0
  per_host_delay: 0ms
  resolve:
{resolve}
crawl:
  render: never
units:
  - {{id: county, name: 某某县人民政府办公室}}
sites:
{sites}
""")
        for _ in range(LEARNING_CRAWLS):
            cls.run_once()
        cls.realm.set_phase(2)
        cls.run_once()
        cls.findings = cls.new_kind_findings()
        out = subprocess.run([GOVMON, "baseline", "accept", "--site", "baseline", "--config",
                              cls.config], capture_output=True, text=True, timeout=60)
        cls.accept = out
        cls.run_once()
        cls.after_accept = cls.new_kind_findings()

    @classmethod
    def run_once(cls):
        run_once(GOVMON, cls.config)

    @classmethod
    def new_kind_findings(cls):
        return [f for f in open_findings(GOVMON, cls.config) if f["kind"] in NEW_KINDS]

    @classmethod
    def tearDownClass(cls):
        cls.realm.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def found(self, findings):
        return sorted((f["target"], f["kind"], f["severity"], f["url"]) for f in findings)

    def detail(self, target, url):
        [f] = [f for f in self.findings if f["target"] == target and f["url"] == url]
        return f["detail"]

    def test_exactly_the_planted_problems_are_found(self):
        r = self.realm
        expected = sorted([
            ("baseline", "tampered", "warn", r.url("baseline", "/")),
            ("casino", "tampered", "warn", r.url("casino", "/")),
            ("cloak", "tampered", "warn", r.url("cloak", "/")),
            ("parked", "tampered", "warn", r.ext_url("old-partner.example.com")),
        ] + [("dates", "date_suspect", "warn", r.url("dates", path)) for path in (
            "/xwdt/late/backdated.html", "/xwdt/yugao.html", redated_path())])
        self.assertEqual(self.found(self.findings), expected,
                         [f["detail"] for f in self.findings])

    def test_every_finding_says_suspected_and_quotes_its_evidence(self):
        r = self.realm
        for f in self.findings:
            self.assertTrue(f["detail"].startswith("疑似"), f["detail"])
        self.assertIn("澳门金沙博彩娱乐平台_百家乐官网", self.detail("casino", r.url("casino", "/")))
        cloak = self.detail("cloak", r.url("cloak", "/"))
        self.assertIn("Baiduspider", cloak)
        self.assertIn("澳门新葡京娱乐城", cloak)
        self.assertIn("某某县人民政府", cloak)
        self.assertIn("this domain may be for sale",
                      self.detail("parked", r.ext_url("old-partner.example.com")))
        self.assertIn("scripts from new host js.unknown-cdn.example.com",
                      self.detail("baseline", r.url("baseline", "/")))
        backdated = self.detail("dates", r.url("dates", "/xwdt/late/backdated.html"))
        self.assertIn("first listed on", backdated)
        self.assertIn("the list was read on", backdated)
        self.assertIn("days after the check", self.detail("dates", r.url("dates", "/xwdt/yugao.html")))

    def test_an_accepted_baseline_resolves_its_finding(self):
        self.assertEqual(self.accept.returncode, 0, self.accept.stderr)
        self.assertIn("accepted the baseline of", self.accept.stdout)
        open_now = self.found(self.after_accept)
        self.assertNotIn(("baseline", "tampered", "warn", self.realm.url("baseline", "/")),
                         open_now)
        self.assertEqual(len(open_now), len(self.findings) - 1, open_now)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
