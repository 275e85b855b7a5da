"""System test of the content checks (issue #13 items 2 and 3): `run --once` against a site and
accounts with each problem planted once beside its healthy twin, then the findings of the
content kinds must be exactly the expected ones, each with its evidence.

Planted: a serious misstatement (中华人民共合国), an outdated name in a 2025 article, a near miss
of the country's name, an ordinary typo on the site; in posts an ad link, a dead link, a
gambling promotion, an outdated name, a typo and comments switched off. Healthy twins: the same outdated name in a
2016 article and after 原, a police warning about 赌博, a post linking a live page, posts with
open comments, and a letter of the public on the site's 县长信箱 whose own slips (a typo, an
outdated name) are not the site's.

usage: content_realm_test.py PATH_TO_GOVMON
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from fixture_accounts import DAY, Realm, rfc822, weibo_created_at, weibo_paths
from govmon_cli import open_findings, run_once

GOVMON = None
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
CONTENT_KINDS = {"misstatement", "typo", "illicit_content", "interaction_off", "ad_link",
                 "broken_link"}


def page(title, body, date=None):
    dated = f"<p>发布时间：{date}</p>" if date else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1>{dated}<div>{body}</div></body></html>").encode()


def weibo_list(posts, now, permission):
    cards = []
    for i, text in enumerate(posts):
        mblog = {"id": str(5000 + i), "created_at": weibo_created_at(now - (i + 1) * 3600),
                 "text": text, "comment_manage_info": {"comment_permission_type": permission,
                                                       "approval_comment_type": 0}}
        cards.append({"card_type": 9, "profile_type_id": f"proweibo_{i}", "mblog": mblog})
    return json.dumps({"ok": 1, "data": {"cardlistInfo": {"total": len(cards)}, "cards": cards}},
                      ensure_ascii=False).encode()


class ContentRealmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-content-")
        cls.realm = Realm()
        cls.now = int(time.time())
        cls.serve_site()
        cls.serve_accounts()
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        base = f"http://content.test:{cls.realm.port}"
        cls.home = base + "/"
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {os.path.join(cls.dir, "govmon.db")}
http:
  timeout: 5s
  retries: 0
  per_host: 4
  per_host_delay: 0ms
  resolve:
    "content.test": 127.0.0.1
crawl:
  check_external: false
bridges:
  rsshub: {base}
platforms:
  weibo: {{api: '{base}'}}
units:
  - {{id: county, name: 某某县人民政府办公室}}
sites:
  - {{id: content-site, name: 某某县人民政府, url: '{cls.home}', unit: county}}
accounts:
  - {{id: wb-planted, name: 某某发布, platform: weibo, uid: '3001', unit: county}}
  - {{id: wb-healthy, name: 某某警方, platform: weibo, uid: '3002', unit: county}}
  - {{id: feed-planted, name: 某某公众号, platform: wechat, feed: '{base}/feeds/planted.xml', unit: county}}
""")
        run_once(GOVMON, cls.config)
        cls.findings = [f for f in open_findings(GOVMON, cls.config)
                        if f["kind"] in CONTENT_KINDS]

    @classmethod
    def tearDownClass(cls):
        cls.realm.server.shutdown()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def serve_site(cls):
        serve = cls.realm.serve
        links = "".join(f'<li><a href="/{p}.html">{t}</a><span>2026-01-0{i + 1}</span></li>'
                        for i, (p, t) in enumerate([("a", "宪法宣传"), ("b", "市场监管"),
                                                    ("c", "旧闻回顾"), ("d", "资金下达"),
                                                    ("e", "国庆献礼")]))
        serve("/", 200, HTML, page("某某县人民政府", "<ul>" + links + "</ul>"
                                   "<p>原国家工商总局的职责已划入国家市场监督管理总局。</p>"
                                   '<a href="/hdjl/1.html">关于道路维修的咨询</a>'))
        # A letter of the public on the site's 县长信箱: its slips (人民检查院, 国家工商总局) are
        # the writer's, not the site's; the office's answer below is judged and is correct.
        serve("/hdjl/1.html", 200, HTML, page("关于道路维修的咨询", (
            "<table><tr><th>来信时间：</th><td>2026-01-02</td></tr>"
            "<tr><th>来信内容：</th><td>我向人民检查院反映过，国家工商总局也管不了。</td></tr>"
            "<tr><th>办理状态：</th><td>已办结</td></tr>"
            "<tr><th>答复内容：</th><td>您好，您反映的问题已转交县市场监督管理局办理。</td></tr>"
            "<tr><th>答复时间：</th><td>2026-01-05</td></tr></table>")))
        serve("/a.html", 200, HTML, page("宪法宣传周", "学习《中华人民共合国宪法》。", "2026-01-01"))
        serve("/b.html", 200, HTML, page("市场监管", "国家工商行政管理总局发布通知。", "2025-03-01"))
        serve("/c.html", 200, HTML, page("旧闻回顾", "国家工商行政管理总局发布通知。", "2016-05-01"))
        serve("/d.html", 200, HTML, page("资金下达", "财政拔款已经到位。", "2026-01-04"))
        serve("/e.html", 200, HTML, page("国庆献礼", "庆祝中华人共和国成立。", "2026-01-05"))

    @classmethod
    def serve_accounts(cls):
        now, serve = cls.now, cls.realm.serve
        base = f"http://content.test:{cls.realm.port}"
        serve("/ok-in-post.html", 200, HTML, page("政策解读", "正文"))
        planted, _ = weibo_paths("3001")
        serve(planted, 200, JSON, weibo_list([
            '限时推广 <a href="https://pos.baidu.com/s?id=1">点击领取</a>',
            "澳门新葡京线上娱乐城开业，百家乐、真人视讯注册就送88元",
            "国家质检总局发布抽检结果",
            f'原文链接 <a href="{base}/gone-in-post.html">点击查看</a>',
        ], now, 1))
        healthy, _ = weibo_paths("3002")
        serve(healthy, 200, JSON, weibo_list([
            "【警方提醒】远离网络赌博，百家乐、六合彩都是骗局",
            "原国家工商总局的职责已划入国家市场监督管理总局",
            f'详见 <a href="{base}/ok-in-post.html">政策解读</a>',
        ], now, -1))
        item = ("<item><title>{title}</title><link>https://mp.weixin.qq.com/s/{n}</link>"
                "<description><![CDATA[{body}]]></description><pubDate>{date}</pubDate></item>")
        items = (item.format(title="安全生产", n=1, body="警钟常鸣，常抓不懈。",
                             date=rfc822(now - DAY))
                 + item.format(title="便民", n=2,
                               body='<a href="https://cpro.baidu.com/cpro/ui/c.js">广告</a>',
                               date=rfc822(now - 2 * DAY)))
        serve("/feeds/planted.xml", 200, RSS,
              ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
               f"<title>某某公众号</title><link>https://example.gov.cn/</link>{items}"
               "</channel></rss>").encode())

    def kinds_of(self, target):
        return sorted((f["kind"], f["severity"]) for f in self.findings if f["target"] == target)

    def detail_of(self, target, kind, severity):
        return [f["detail"] for f in self.findings
                if (f["target"], f["kind"], f["severity"]) == (target, kind, severity)]

    def test_site_gets_each_planted_problem_once_and_nothing_for_its_twins(self):
        self.assertEqual(self.kinds_of("content-site"), [
            ("misstatement", "veto"),
            ("misstatement", "warn"),
            ("misstatement", "warn"),
            ("typo", "deduct"),
        ], self.findings)
        veto = [f for f in self.findings if f["target"] == "content-site"
                and f["severity"] == "veto"][0]
        self.assertIn("中华人民共合国", veto["detail"])
        self.assertIn("中华人民共和国", veto["detail"])
        self.assertEqual(veto["source"], self.home + "a.html")
        self.assertTrue(veto["url"].startswith(self.home + "a.html#:~:text="), veto["url"])
        warnings = " ".join(self.detail_of("content-site", "misstatement", "warn"))
        self.assertIn("国家工商行政管理总局", warnings)
        self.assertIn("2018-04-10", warnings)
        self.assertIn("中华人共和国", warnings)
        self.assertNotIn("c.html", " ".join(f["url"] for f in self.findings))
        self.assertIn("财政拔款", self.detail_of("content-site", "typo", "deduct")[0])

    def test_planted_weibo_account_gets_ad_illicit_outdated_name_and_comments_off(self):
        self.assertEqual(self.kinds_of("wb-planted"), [
            ("ad_link", "deduct"),
            ("broken_link", "deduct"),
            ("illicit_content", "warn"),
            ("interaction_off", "warn"),
            ("misstatement", "warn"),
        ], self.findings)
        ad = [f for f in self.findings if f["target"] == "wb-planted" and f["kind"] == "ad_link"][0]
        self.assertEqual(ad["url"], "https://pos.baidu.com/s?id=1")
        self.assertEqual(ad["source"], "https://m.weibo.cn/detail/5000")
        self.assertIn("百家乐", self.detail_of("wb-planted", "illicit_content", "warn")[0])
        self.assertIn("comment_permission_type 1",
                      self.detail_of("wb-planted", "interaction_off", "warn")[0])
        self.assertIn("国家质检总局", self.detail_of("wb-planted", "misstatement", "warn")[0])
        broken = [f for f in self.findings
                  if f["target"] == "wb-planted" and f["kind"] == "broken_link"][0]
        self.assertTrue(broken["url"].endswith("/gone-in-post.html"), broken)
        self.assertEqual(broken["source"], "https://m.weibo.cn/detail/5003")
        self.assertIn("in a post", broken["detail"])

    def test_healthy_twin_account_gets_nothing(self):
        self.assertEqual(self.kinds_of("wb-healthy"), [], self.findings)

    def test_feed_account_gets_its_typo_and_ad_link(self):
        self.assertEqual(self.kinds_of("feed-planted"), [("ad_link", "deduct"), ("typo", "deduct")],
                         self.findings)
        self.assertIn("警钟常鸣", self.detail_of("feed-planted", "typo", "deduct")[0])


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
