"""Renders docs/report.png: the HTML report of a small made-up province quarter.

usage: docs/sample_report.py PATH_TO_GOVMON     (needs chromium and a CJK font)
"""
import datetime
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import zoneinfo

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
SITES = [  # id, name, level, unit, failing kind
    ("hb-portal", "湖北省人民政府门户网站", "省级", "hb-office", None),
    ("hb-edu", "湖北省教育厅", "省级", "hb-edu", "homepage_stale"),
    ("wh-portal", "武汉市人民政府", "市级", "wh-office", None),
    ("yc-portal", "宜昌市人民政府", "市级", "yc-office", None),
    ("xy-portal", "襄阳市人民政府", "市级", "xy-office", "site_unreachable"),
    ("zx-portal", "秭归县人民政府", "县级", "yc-office", None),
    ("yx-portal", "远安县人民政府", "县级", "yc-office", "column_stale"),
    ("bk-portal", "保康县人民政府", "县级", "xy-office", None),
]
ACCOUNTS = [  # id, name, platform, dormant
    ("hb-weibo", "湖北发布", "weibo", False), ("hb-wechat", "湖北发布", "wechat", False),
    ("wh-weibo", "武汉发布", "weibo", False), ("wh-douyin", "武汉发布", "douyin", False),
    ("yc-wechat", "宜昌发布", "wechat", True), ("xy-wechat", "襄阳发布", "wechat", False),
    ("xy-toutiao", "襄阳发布", "toutiao", True), ("zg-wechat", "秭归发布", "wechat", False),
    ("ya-wechat", "远安发布", "wechat", False), ("bk-weibo", "保康发布", "weibo", True),
]
UNITS = {"hb-office": "湖北省人民政府办公厅", "hb-edu": "湖北省教育厅",
         "wh-office": "武汉市人民政府办公厅", "yc-office": "宜昌市人民政府办公室",
         "xy-office": "襄阳市人民政府办公室"}


def at(month, day, hour=10):
    return int(datetime.datetime(2026, month, day, hour, tzinfo=ZONE).timestamp())


def main():
    govmon = os.path.abspath(sys.argv[1])
    docs = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="govmon-sample-")
    db_path = os.path.join(work, "govmon.db")
    config = os.path.join(work, "govmon.yaml")
    head = f"timezone: Asia/Shanghai\ndatabase: {db_path}\nmetrics:\n  listen: 127.0.0.1:0\n"
    with open(config, "w", encoding="utf-8") as f:
        f.write(head)
    subprocess.run([govmon, "run", "--once", "--config", config], check=True,
                   capture_output=True)
    rng = random.Random(7)
    db = sqlite3.connect(db_path)
    findings, events = [], []

    def finding(target, kind_of_target, kind, url, source, severity, detail, opened,
                resolved=None, veto_at=None):
        fid = f"{target}/{kind}/{url}"
        events.append((fid, opened, "opened", "warn" if veto_at else severity, detail))
        if veto_at:
            events.append((fid, veto_at, "severity_changed", "veto", detail))
        if resolved:
            events.append((fid, resolved, "resolved", severity, "no longer seen"))
        findings.append((fid, target, kind_of_target, "u", kind, "x", severity, url, source,
                         detail, opened, resolved or at(9, 30), "resolved" if resolved else "open",
                         resolved))

    with db:
        for sid, name, _, unit, failing in SITES:
            url = f"https://www.{sid}.gov.cn/"
            db.execute("INSERT INTO targets VALUES (?, 'site', ?, 'web', ?, ?, 1, 0, 0)",
                       (sid, name, unit, url))
            for start, days in ((at(4, 1, 0), 91), (at(7, 1, 0), 92)):
                for hour in range(0, days * 24, 3):
                    ok = rng.random() > (0.12 if failing == "site_unreachable" else 0.01)
                    db.execute("INSERT INTO observations (time, target, target_kind, probe, url, "
                               "ok, latency_ms, last_update) VALUES (?, ?, 'site', "
                               "'availability', ?, ?, 200, NULL)",
                               (start + hour * 3600, sid, url, int(ok)))
                for d in range(0, days, 1):
                    quiet = failing == "homepage_stale" and start > at(6, 1) and d > 40
                    update = start + (40 if quiet else d - rng.randrange(0, 3)) * 86400
                    db.execute("INSERT INTO observations (time, target, target_kind, probe, url, "
                               "ok, latency_ms, last_update) VALUES (?, ?, 'site', 'crawl', ?, "
                               "1, 30000, ?)", (start + d * 86400 + 7200, sid, url, update))
            for b in range(rng.randrange(1, 6)):
                home = b == 0
                finding(sid, "site", "broken_link", f"{url}xxgk/{b}.html",
                        url if home else f"{url}xxgk/index.html", "deduct",
                        "HTTP 404 (on 1 page)", at(rng.choice([5, 8]), rng.randrange(1, 28)),
                        resolved=at(9, 12) if b == 3 else None)
        finding("hb-edu", "site", "homepage_stale", "https://www.hb-edu.gov.cn/", "", "veto",
                "newest item 2026-08-10, 51 days ago", at(8, 21), veto_at=at(8, 25))
        finding("xy-portal", "site", "site_unreachable", "https://www.xy-portal.gov.cn/", "",
                "veto", "39 of 672 home-page probes failed in 7 days (5.80 %)", at(9, 3))
        finding("wh-portal", "site", "site_unreachable", "https://www.wh-portal.gov.cn/", "",
                "veto", "41 of 672 home-page probes failed in 7 days", at(6, 2),
                resolved=at(7, 18))
        for i, (column, category) in enumerate([("工作动态", "news"), ("部门动态", "news"),
                                                 ("通知公告", "notice"), ("政策文件", "notice"),
                                                 ("人事信息", "personnel"), ("规划计划", "personnel"),
                                                 ("财政信息", "personnel"), ("统计数据", "personnel"),
                                                 ("机构职能", "personnel"), ("领导信息", "personnel"),
                                                 ("要闻", "news")]):
            finding("yx-portal", "site", "column_stale", f"https://www.yx-portal.gov.cn/c{i}/", "",
                    "deduct", f"{column} ({category}): newest item 2025-06-0{i % 9 + 1}",
                    at(7, 3))
        finding("yx-portal", "site", "homepage_low_volume", "https://www.yx-portal.gov.cn/", "",
                "deduct", "6 new dated items in 14 days (fewer than 10)", at(8, 14))
        finding("bk-portal", "site", "ipv6_missing", "https://www.bk-portal.gov.cn/", "", "deduct",
                "no AAAA record", at(4, 2))
        for aid, name, platform, dormant in ACCOUNTS:
            db.execute("INSERT INTO targets VALUES (?, 'account', ?, ?, 'hb-office', ?, 1, 0, 0)",
                       (aid, name, platform, f"https://example.com/{aid}"))
            for t in (at(5, 10), at(8, 10), at(9, 20)):
                db.execute("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                           "latency_ms) VALUES (?, ?, 'account', 'account', ?, 1, 300)",
                           (t, aid, f"https://example.com/{aid}"))
            if dormant:
                finding(aid, "account", "account_dormant", f"https://example.com/{aid}", "", "veto",
                        "newest post 2026-08-30, 17 days ago", at(9, 16))
        finding("yc-wechat", "account", "account_dormant", "https://example.com/yc-wechat-old",
                "", "veto", "newest post 2026-05-02", at(5, 20), resolved=at(7, 9))
        finding("wh-douyin", "account", "ad_link", "https://ad.example.com/1",
                "https://example.com/wh-douyin", "deduct", "ad network in a post", at(8, 2))
        db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       findings)
        db.executemany("INSERT INTO finding_events (finding_id, time, event, severity, detail) "
                       "VALUES (?, ?, ?, ?, ?)", events)
    db.close()
    with open(config, "w", encoding="utf-8") as f:
        f.write(head + "units:\n" + "".join(f"  - {{id: {u}, name: {n}}}\n"
                                            for u, n in UNITS.items()))
        f.write("sites:\n" + "".join(
            f"  - {{id: {sid}, name: {name}, url: 'https://www.{sid}.gov.cn/', unit: {unit}, "
            f"level: {level}}}\n" for sid, name, level, unit, _ in SITES))
    subprocess.run([govmon, "report", "--quarter", "2026Q3", "--output", work, "--config", config],
                   check=True)
    html = os.path.join(work, "govmon-2026Q3-report.html")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", f"--screenshot={os.path.join(docs, 'report.png')}",
                    "--window-size=1240,1754", f"file://{html}"], check=True,
                   capture_output=True)
    print(html)


if __name__ == "__main__":
    main()
