"""System test: 互动回应, the annual report, the footer's identifiers and an app's IPv6.

fixture_interaction_sites plants each problem once on a site of its own, beside a healthy twin;
one `run --once` must give exactly the expected findings of these kinds, each with evidence a
person can check (the channel, the message, its dates, the URLs).

usage: interaction_realm_test.py PATH_TO_GOVMON
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from fixture_interaction_sites import SITES, InteractionRealm, ago, today
from govmon_cli import open_findings, run_once

GOVMON = None
KINDS = {"interaction_missing", "interaction_unanswered", "interaction_slow",
         "annual_report_missing", "site_identity_missing", "ipv6_missing"}


class InteractionRealmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-interaction-")
        cls.realm = InteractionRealm()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for host in cls.realm.hosts())
        extra = {
            "gone": f", interaction_channels: ['{cls.realm.url('gone', '/hd/closed/')}']",
            "elsewhere": ", interaction_elsewhere: 'https://www.province.gov.cn/hd/12345/'",
            "healthy": ", site_code: '3200000001'",
        }
        sites = "\n".join(f"  - {{id: {name}, name: 站点{name}, url: '{cls.realm.url(name)}', "
                          f"unit: county{extra.get(name, '')}}}" for name in SITES)
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
  check_external: false
units:
  - {{id: county, name: 某某县人民政府办公室}}
sites:
{sites}
accounts:
  - {{id: county-app, name: 某某通, platform: app, url: '{cls.realm.url('healthy', '/news/app.html')}', content: app, unit: county}}
""")
        cls.run_log = run_once(GOVMON, cls.config)
        cls.findings = open_findings(GOVMON, cls.config)

    @classmethod
    def tearDownClass(cls):
        cls.realm.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def of(self, target, kind):
        found = [f for f in self.findings if f["target"] == target and f["kind"] == kind]
        self.assertEqual(len(found), 1, [f for f in self.findings if f["target"] == target])
        return found[0]

    def test_exactly_the_planted_problems(self):
        got = sorted((f["target"], f["kind"], f["severity"]) for f in self.findings
                     if f["kind"] in KINDS - {"ipv6_missing"})
        expected = [
            ("detail", "interaction_unanswered", "veto"),
            ("gone", "interaction_missing", "veto"),
            ("no-channel", "interaction_missing", "warn"),
            ("no-code", "site_identity_missing", "deduct"),
            ("slow", "interaction_slow", "deduct"),
            ("unanswered", "interaction_unanswered", "veto"),
        ]
        # The report is due by 31 January: judged from February on.
        if today().month >= 2:
            expected.append(("no-report", "annual_report_missing", "deduct"))
        self.assertEqual(got, sorted(expected), self.run_log[-2000:])

    def test_details_carry_the_evidence(self):
        unanswered = self.of("unanswered", "interaction_unanswered")
        self.assertEqual(unanswered["url"], self.realm.url("unanswered", "/hd/szxx/"))
        self.assertIn(f"〈市长信箱〉1条留言超过3个月未答复（最早{ago(127)}，127天", unanswered["detail"])
        self.assertIn("《道路施工噪音扰民》", unanswered["detail"])
        self.assertIn("状态“办理中”", unanswered["detail"])
        self.assertIn("读取于", unanswered["detail"])

        detail = self.of("detail", "interaction_unanswered")
        self.assertIn("《反映供暖问题》", detail["detail"])
        self.assertIn("transactId=1101", detail["detail"])
        self.assertIn("答复时间：暂无", detail["detail"])

        self.assertIn(f"最近一次答复为{ago(75)}（75天前）", self.of("slow", "interaction_slow")["detail"])
        self.assertIn("疑似", self.of("no-channel", "interaction_missing")["detail"])
        gone = self.of("gone", "interaction_missing")
        self.assertIn("/hd/closed/", gone["detail"])
        self.assertIn("HTTP 404", gone["detail"])
        code = self.of("no-code", "site_identity_missing")["detail"]
        self.assertIn("未标注网站标识码", code)
        self.assertIn("苏ICP备12345678号-1", code)
        self.assertNotIn("未标注ICP备案号", code)
        if today().month >= 2:
            report = self.of("no-report", "annual_report_missing")["detail"]
            self.assertIn(f"首页未发现{today().year - 1}年度政府网站工作年度报表的链接", report)

    def test_the_app_page_is_judged_for_ipv6_as_its_account(self):
        app = self.of("county-app", "ipv6_missing")
        self.assertEqual(app["target_kind"], "account")
        self.assertEqual(app["severity"], "deduct")
        self.assertEqual(app["detail"], "no AAAA record")

    def test_report_and_digest_name_the_kinds_in_chinese(self):
        quarter = f"{today().year}Q{(today().month - 1) // 3 + 1}"
        out = subprocess.run([GOVMON, "report", "--quarter", quarter, "--format", "md",
                              "--config", self.config], capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("互动回应差（留言超过3个月未答复）", out.stdout)
        self.assertIn("页脚未标注网站标识码或ICP备案号", out.stdout)
        out = subprocess.run([GOVMON, "alerts", "preview", "--unit", "county", "--config",
                              self.config], capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("网民留言超过3个月未答复", out.stdout)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
