"""System test of govmon's account probes: `run --once` against a realm of accounts across
platforms and formats, then the findings must be exactly the expected set.

usage: accounts_system_test.py PATH_TO_GOVMON
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_accounts import (DAY, Realm, atom, json_feed, rdf, rss, weibo_list, weibo_paths,
                              weibo_profile)

GOVMON = None
RSS = "application/rss+xml; charset=utf-8"
JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"


class AccountsSystemTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-accounts-")
        cls.realm = Realm()
        cls.now = int(time.time())
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        cls.serve_everything()
        cls.write_config()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def weibo(cls, uid, status=200, ctype=JSON, body=b"", profile=None):
        listing, profile_path = weibo_paths(uid)
        cls.realm.serve(listing, status, ctype, body)
        if profile is not None:
            cls.realm.serve(profile_path, 200, JSON, profile)

    @classmethod
    def serve_everything(cls):
        now, serve = cls.now, cls.realm.serve
        cls.weibo("1001", body=weibo_list([(1 * DAY, False), (3 * DAY, False)], now))
        cls.weibo("1002", body=weibo_list([(100 * DAY, True), (2 * DAY, False)], now))
        cls.weibo("1003", body=weibo_list([(100 * DAY, True), (20 * DAY, False), (25 * DAY, False)], now))
        cls.weibo("1004", body=weibo_list([(1 * DAY, True), (30 * DAY, False)], now))
        cls.weibo("1005", body=weibo_list([(9 * DAY, False)], now))
        cls.weibo("1006", status=432, ctype=HTML, body=b"")
        cls.weibo("1007", body=json.dumps({"ok": -100, "url": "https://passport.weibo.com/sso/signin?r=x"}).encode())
        cls.weibo("1008", ctype=HTML, body="<html><head><title>Sina Visitor System</title></head></html>".encode())
        cls.weibo("1009", body=json.dumps({"ok": 1, "data": {"cards": []}}).encode(),
                  profile=weibo_profile("1009", 0))
        cls.weibo("1010", body=weibo_list([(13 * DAY, False)], now))
        serve("/feeds/wechat-fresh.xml", 200, RSS, rss(2 * DAY, 5 * DAY, now=now))
        serve("/feeds/wechat-dormant.atom", 200, "application/atom+xml", atom(30 * DAY, 40 * DAY, now=now))
        serve("/douyin/user/MS4wLjABAAAAfresh", 200, RSS, rss(1 * DAY, now=now))
        serve("/douyin/user/MS4wLjABAAAAvideo", 200, RSS, rss(10 * DAY, now=now))
        serve("/bilibili/user/dynamic/2001", 200, "application/feed+json", json_feed(3 * DAY, now=now))
        serve("/kuaishou/profile/3x_undated", 200, RSS, rss(1 * DAY, 2 * DAY, now=now, dated=False))
        serve("/toutiao/user/token/MS4wLjABAAAAdown", 503, HTML, b"<html><body>Looks like something went wrong</body></html>")
        serve("/baidu/baijiahao/empty200", 200, RSS, b"")
        serve("/feeds/gb2312.xml", 200, "text/xml", rss(1 * DAY, now=now, encoding="GB2312"))
        serve("/feeds/rdf.xml", 200, "application/rdf+xml", rdf(16 * DAY, 20 * DAY, now=now))
        serve("/feeds/unsorted.xml", 200, RSS, rss(30 * DAY, 1 * DAY, 60 * DAY, now=now))
        serve("/feeds/future.xml", 200, RSS, rss(-5 * DAY, 40 * DAY, now=now))
        serve("/feeds/closed.xml", 200, RSS, rss(300 * DAY, now=now))
        serve("/app/download", 200, HTML, "<html><body>鄂汇办 更新时间：2025-01-02</body></html>".encode())

    @classmethod
    def write_config(cls):
        base = f"http://bridge.test:{cls.realm.port}"
        accounts = [
            ("wb-fresh", "weibo", "uid: '1001'"),
            ("wb-pinned-old-over-fresh", "weibo", "uid: '1002'"),
            ("wb-pinned-old-dormant", "weibo", "uid: '1003'"),
            ("wb-pinned-is-newest", "weibo", "uid: '1004'"),
            ("wb-stale", "weibo", "uid: '1005'"),
            ("wb-432", "weibo", "uid: '1006'"),
            ("wb-login-wall", "weibo", "uid: '1007'"),
            ("wb-visitor-page", "weibo", "uid: '1008'"),
            ("wb-empty", "weibo", "uid: '1009'"),
            ("wb-was-fresh", "weibo", "uid: '1010'"),
            ("wx-fresh", "wechat", f"feed: '{base}/feeds/wechat-fresh.xml'"),
            ("wx-dormant", "wechat", f"feed: '{base}/feeds/wechat-dormant.atom'"),
            ("dy-fresh", "douyin", "uid: MS4wLjABAAAAfresh"),
            ("dy-video", "douyin", "uid: MS4wLjABAAAAvideo, content: video"),
            ("bili-json", "bilibili", "uid: '2001'"),
            ("ks-undated", "kuaishou", "uid: 3x_undated"),
            ("tt-bridge-down", "toutiao", "uid: MS4wLjABAAAAdown"),
            ("bjh-empty-body", "baijiahao", "uid: empty200"),
            ("feed-gb2312", "feed", f"feed: '{base}/feeds/gb2312.xml'"),
            ("feed-rdf", "feed", f"feed: '{base}/feeds/rdf.xml'"),
            ("feed-unsorted", "feed", f"feed: '{base}/feeds/unsorted.xml'"),
            ("feed-future", "feed", f"feed: '{base}/feeds/future.xml'"),
            ("app-ok", "app", f"url: '{base}/app/download', content: app"),
            ("app-gone", "app", f"url: '{base}/app/gone', content: app"),
        ]
        lines = "\n".join(f"  - {{id: {i}, name: 账号{i}, platform: {p}, {extra}, unit: hb-office}}"
                          for i, p, extra in accounts)
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {cls.database}
metrics:
  listen: 127.0.0.1:0
http:
  timeout: 3s
  connect_timeout: 1s
  retries: 0
  per_host: 8
  per_host_delay: 0ms
  resolve:
    "bridge.test": 127.0.0.1
bridges:
  rsshub: {base}
platforms:
  weibo: {{api: '{base}', concurrency: 4}}
units:
  - {{id: hb-office, name: 湖北省人民政府办公厅, contacts: [xinmeiti@hubei.gov.cn]}}
accounts:
{lines}
registry: [accounts.csv]
""")
        with open(os.path.join(cls.dir, "accounts.csv"), "w", encoding="utf-8-sig") as f:
            f.write("status,id,name,platform,feed,unit\n"
                    f"关停,closed-feed,已关停账号,feed,{base}/feeds/closed.xml,hb-office\n"
                    f"正常,csv-fresh,登记账号,feed,{base}/feeds/wechat-fresh.xml,hb-office\n")
        cls.account_count = len(accounts) + 1

    def run_once(self):
        out = subprocess.run([GOVMON, "run", "--once", "--config", self.config],
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        return out

    def findings(self):
        out = subprocess.run([GOVMON, "findings", "--format", "jsonl", "--config", self.config],
                             capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        return {(f["target"], f["kind"], f["severity"])
                for f in map(json.loads, out.stdout.splitlines())}

    def test_1_first_cycle(self):
        self.run_once()
        with sqlite3.connect(self.database) as db:
            probed = db.execute("select count(distinct target) from observations").fetchone()[0]
            closed = db.execute("select count(*) from observations where target='closed-feed'").fetchone()[0]
        self.assertEqual(probed, self.account_count)
        self.assertEqual(closed, 0)
        self.assertEqual(self.findings(), {
            ("wb-pinned-old-dormant", "account_dormant", "veto"),
            ("wb-stale", "account_stale", "warn"),
            ("wb-432", "account_blocked", "warn"),
            ("wb-login-wall", "account_blocked", "warn"),
            ("wb-visitor-page", "account_blocked", "warn"),
            ("wb-was-fresh", "account_stale", "warn"),
            ("wx-dormant", "account_dormant", "veto"),
            ("ks-undated", "account_blocked", "warn"),
            ("tt-bridge-down", "account_blocked", "warn"),
            ("bjh-empty-body", "account_blocked", "warn"),
            ("feed-rdf", "account_dormant", "veto"),
            ("app-gone", "account_blocked", "warn"),
            # An app's page is judged for IPv6 as a home page is: 127.0.0.1 has no AAAA.
            ("app-ok", "ipv6_missing", "deduct"),
            ("app-gone", "ipv6_missing", "deduct"),
        })

    def test_2_second_cycle_confirms_absence_and_keeps_blocked_accounts_alive(self):
        # wb-was-fresh posted 13 days ago; two days pass (the test moves its history back, past
        # the store's append-only guard) and the platform now refuses the probe:
        # its last known post is 15 days old, yet a refused probe must never make it dormant.
        with sqlite3.connect(self.database) as db:
            triggers = [r[0] for r in db.execute(
                "select name from sqlite_master where type='trigger' and tbl_name='observations'")]
            for t in triggers:
                db.execute(f"drop trigger {t}")
            db.execute("update observations set last_update = last_update - 2 * 86400 "
                       "where target = 'wb-was-fresh'")
        self.weibo("1010", status=432, ctype=HTML, body=b"")
        self.run_once()
        self.assertEqual(self.findings(), {
            ("wb-pinned-old-dormant", "account_dormant", "veto"),
            ("wb-stale", "account_stale", "warn"),
            ("wb-432", "account_blocked", "warn"),
            ("wb-login-wall", "account_blocked", "warn"),
            ("wb-visitor-page", "account_blocked", "warn"),
            ("wb-empty", "account_dormant", "veto"),
            ("wb-was-fresh", "account_stale", "warn"),
            ("wb-was-fresh", "account_blocked", "warn"),
            ("wx-dormant", "account_dormant", "veto"),
            ("ks-undated", "account_blocked", "warn"),
            ("tt-bridge-down", "account_blocked", "warn"),
            ("bjh-empty-body", "account_blocked", "warn"),
            ("feed-rdf", "account_dormant", "veto"),
            ("app-gone", "account_unreachable", "veto"),
            ("app-ok", "ipv6_missing", "deduct"),
            ("app-gone", "ipv6_missing", "deduct"),
        })

    def test_3_export_has_the_newest_post_times(self):
        day = time.strftime("%Y-%m-%d", time.localtime(self.now - 2 * DAY))
        later = time.strftime("%Y-%m-%d", time.localtime(self.now + 2 * DAY))
        out = subprocess.run([GOVMON, "export", "--from", day, "--to", later, "--format", "jsonl",
                              "--config", self.config], capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = [json.loads(line) for line in out.stdout.splitlines()]
        fresh = [r for r in rows if r["target"] == "wb-pinned-old-over-fresh"]
        self.assertEqual(len(fresh), 2)
        self.assertEqual(fresh[0]["probe"], "account")
        self.assertEqual(fresh[0]["platform"], "weibo")
        self.assertEqual(fresh[0]["ok"], 1)
        self.assertTrue(fresh[0]["last_update"].endswith("+08:00"))
        future = [r for r in rows if r["target"] == "feed-future"][0]
        self.assertEqual(future["error"], "")
        blocked = [r for r in rows if r["target"] == "wb-432"][0]
        self.assertEqual(blocked["ok"], 0)
        self.assertIsNone(blocked["last_update"])
        self.assertEqual(blocked["detail"]["outcome"], "blocked")


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
