"""Renders docs/status.png: the status page of a small made-up province, served by the daemon.

usage: docs/sample_status.py PATH_TO_GOVMON     (needs chromium and a CJK font such as
                                                 fonts-wqy-microhei)

The rows go straight into the database, every probe scheduled a day ahead, so that the daemon
serves them without probing anything (the names and addresses are made up).
"""
import datetime
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

UNITS = {"hb-office": "湖北省人民政府办公厅", "xy-office": "襄阳市人民政府办公室",
         "yc-office": "宜昌市人民政府办公室"}
SITES = [  # id, name, unit
    ("hb-portal", "湖北省人民政府门户网站", "hb-office"),
    ("hb-edu", "湖北省教育厅", "hb-office"),
    ("xy-portal", "襄阳市人民政府", "xy-office"),
    ("bk-portal", "保康县人民政府", "xy-office"),
    ("yc-portal", "宜昌市人民政府", "yc-office"),
]
ACCOUNTS = [("xy-wechat", "襄阳发布", "wechat", "xy-office"),
            ("yc-weibo", "宜昌发布", "weibo", "yc-office")]
DAY = 86400


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def config_text(db_path, port):
    units = "\n".join(f"  - {{id: {uid}, name: {name}}}" for uid, name in UNITS.items())
    sites = "\n".join(f"  - {{id: {sid}, name: {name}, url: 'https://www.{sid}.gov.cn/', "
                      f"unit: {unit}}}" for sid, name, unit in SITES)
    accounts = "\n".join(f"  - {{id: {aid}, name: {name}, platform: {platform}, "
                         f"feed: 'https://rss.example.gov.cn/{aid}', unit: {unit}}}"
                         for aid, name, platform, unit in ACCOUNTS)
    return (f"timezone: Asia/Shanghai\ndatabase: {db_path}\nmetrics:\n"
            f"  listen: 127.0.0.1:{port}\nunits:\n{units}\nsites:\n{sites}\n"
            f"accounts:\n{accounts}\n")


def day_of(epoch):
    zone = datetime.timezone(datetime.timedelta(hours=8))
    return datetime.datetime.fromtimestamp(epoch, zone).strftime("%Y-%m-%d")


def fill(db, now):
    failing = {"xy-portal"}
    for sid, _, _ in SITES:
        url = f"https://www.{sid}.gov.cn/"
        stale = sid == "hb-edu"
        for k in range(8):
            down = sid in failing and k % 3 != 2
            db.execute("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                       "http_status, latency_ms, error, last_update) VALUES "
                       "(?, ?, 'site', 'availability', ?, ?, ?, ?, ?, ?)",
                       (now - 600 - k * 3600, sid, url, int(not down), None if down else 200,
                        30000 if down else 180 + 37 * k, "timeout" if down else "",
                        now - (19 if stale else k // 3) * DAY))
            db.execute("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                       "http_status, latency_ms, error, last_update) VALUES "
                       "(?, ?, 'site', 'crawl', ?, 1, 200, ?, '', ?)",
                       (now - 7200 - k * DAY, sid, url, 41000 + 900 * k,
                        now - ((19 + k) if stale else (k + k // 2)) * DAY))
        for probe in ("availability", "crawl"):
            db.execute("INSERT INTO schedule VALUES (?, ?, ?, ?)", (sid, probe, now + DAY, now))
    for aid, _, _, _ in ACCOUNTS:
        for k in range(8):
            db.execute("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                       "http_status, latency_ms, error, last_update) VALUES "
                       "(?, ?, 'account', 'account', ?, 1, 200, ?, '', ?)",
                       (now - 900 - k * 6 * 3600, aid, f"https://rss.example.gov.cn/{aid}",
                        350 + 11 * k, now - (9 if aid == "yc-weibo" else 1) * DAY))
        db.execute("INSERT INTO schedule VALUES (?, 'account', ?, ?)", (aid, now + DAY, now))
    findings = [
        ("xy-portal", "site", "xy-office", "site_unreachable", "site.availability", "veto",
         "https://www.xy-portal.gov.cn/",
         "最近 24 次首页探测失败 16 次（66.7 %）；最近一次：timeout reading response header", 3),
        ("hb-edu", "site", "hb-office", "homepage_stale", "site.homepage", "veto",
         "https://www.hb-edu.gov.cn/",
         f"首页最新信息日期 {day_of(now - 19 * DAY)}（19 天未更新）："
         "“关于做好2026年秋季学期资助工作的通知”", 5),
        ("hb-edu", "site", "hb-office", "column_stale", "site.columns", "deduct",
         "https://www.hb-edu.gov.cn/zwgk/tzgg/", f"栏目“通知公告”最新信息 {day_of(now - 38 * DAY)}，超过 30 天", 7),
        ("bk-portal", "site", "xy-office", "broken_link", "site.links", "deduct",
         "https://www.bk-portal.gov.cn/zwgk/2026/0412.html",
         "首页链接“保康县2026年政府工作报告”返回 HTTP 404", 20),  # past its 10 working days
        ("yc-weibo", "account", "yc-office", "account_stale", "account.freshness", "warn",
         "https://rss.example.gov.cn/yc-weibo",
         f"最新发布 {day_of(now - 9 * DAY)}，已 9 天未更新（两周内须更新）", 1),
    ]
    for target, kind_of, unit, kind, indicator, severity, url, detail, days in findings:
        db.execute("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL)",
                   (f"{target}/{kind}", target, kind_of, unit, kind, indicator, severity, url,
                    url, detail, now - days * DAY, now - 600))


def main():
    govmon = os.path.abspath(sys.argv[1])
    docs = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="govmon-sample-status-")
    try:
        db_path = os.path.join(work, "govmon.db")
        config = os.path.join(work, "govmon.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"timezone: Asia/Shanghai\ndatabase: {db_path}\n")
        subprocess.run([govmon, "run", "--once", "--config", config], check=True,
                       capture_output=True)
        with sqlite3.connect(db_path) as db:
            fill(db, int(time.time()))
        port = free_port()
        with open(config, "w", encoding="utf-8") as f:
            f.write(config_text(db_path, port))
        daemon = subprocess.Popen([govmon, "run", "--config", config], stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.1)
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                            "--hide-scrollbars",
                            f"--screenshot={os.path.join(docs, 'status.png')}",
                            "--window-size=1240,1900", f"http://127.0.0.1:{port}/"],
                           check=True, capture_output=True)
        finally:
            daemon.terminate()
            daemon.wait(timeout=20)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
