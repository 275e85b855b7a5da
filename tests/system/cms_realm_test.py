"""System test: verdicts on sites in the list shapes of real government CMSs.

Every shape of fixture_cms_sites is served fresh and stale. A fresh site must get no freshness
finding at all; a stale one exactly the stale home page (veto), its low volume and its stale
column. Nothing may call an attachment a column or a page blank.

usage: cms_realm_test.py PATH_TO_GOVMON
"""
import os
import shutil
import sys
import tempfile
import unittest

from fixture_cms_sites import SHAPES, CmsRealm
from govmon_cli import open_findings, run_once

GOVMON = None
FRESHNESS = {"homepage_stale", "homepage_low_volume", "column_stale", "blank_column"}


class CmsRealmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-cms-")
        cls.realm = CmsRealm()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for _, host, _ in cls.realm.sites())
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
  check_external: false
units:
  - {{id: county, name: 某某县人民政府办公室}}
sites:
{sites}
""")
        cls.run_log = run_once(GOVMON, cls.config)
        cls.findings = open_findings(GOVMON, cls.config)

    @classmethod
    def tearDownClass(cls):
        cls.realm.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def freshness_of(self, target):
        return sorted((f["kind"], f["severity"]) for f in self.findings
                      if f["target"] == target and f["kind"] in FRESHNESS)

    def test_fresh_sites_have_no_freshness_finding(self):
        for shape in SHAPES:
            with self.subTest(shape=shape):
                self.assertEqual(self.freshness_of(f"fresh-{shape}"), [],
                                 [f["detail"] for f in self.findings
                                  if f["target"] == f"fresh-{shape}"])

    def test_stale_sites_are_stale_home_page_low_volume_and_stale_column(self):
        for shape in SHAPES:
            with self.subTest(shape=shape):
                self.assertEqual(self.freshness_of(f"stale-{shape}"), [
                    ("column_stale", "deduct"),
                    ("homepage_low_volume", "deduct"),
                    ("homepage_stale", "veto"),
                ], [f["detail"] for f in self.findings if f["target"] == f"stale-{shape}"])

    def test_freshness_details_name_where_the_date_was_read(self):
        origins = {"plain": "list row", "trs": "list row", "hanweb": "CMS record",
                   "docwrite": "CMS record", "xhr": "rendered page", "linked": "linked article"}
        for shape, origin in origins.items():
            with self.subTest(shape=shape):
                stale = [f for f in self.findings
                         if f["target"] == f"stale-{shape}" and f["kind"] == "homepage_stale"]
                self.assertEqual(len(stale), 1)
                self.assertIn(f"({origin}: ", stale[0]["detail"])

    def test_no_interaction_or_disclosure_finding(self):
        # Every site shows a 领导信箱 answered in time, last year's annual report and its footer.
        kinds = {"interaction_missing", "interaction_unanswered", "interaction_slow",
                 "annual_report_missing", "site_identity_missing"}
        self.assertEqual([f for f in self.findings if f["kind"] in kinds], [])

    def test_no_broken_link_and_no_attachment_column(self):
        self.assertEqual([f for f in self.findings if f["kind"] == "broken_link"], [])
        self.assertFalse(any("stats.xls" in f["url"] for f in self.findings))

    def test_no_site_is_suspected_of_tampering_or_faked_dates(self):
        self.assertEqual([f["detail"] for f in self.findings
                          if f["kind"] in ("tampered", "date_suspect")], [])


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
