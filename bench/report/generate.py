"""A province-sized quarter for the report benchmark, written straight into a govmon database.

usage: generate.py DATABASE CONFIG [SITES] [ACCOUNTS]

DATABASE must exist with govmon's schema (bench/report/run makes it with an empty
`govmon run --once`). Writes 2026Q2 and 2026Q3: SITES sites probed hourly (plus a daily crawl
and a daily column reading), ACCOUNTS accounts probed four times a day, and findings with their
events; then CONFIG, a config naming the sites with their levels, for `govmon report`.
"""
import datetime
import json
import random
import sqlite3
import sys
import zoneinfo

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
PLATFORMS = ["weibo", "wechat", "douyin", "toutiao", "kuaishou", "bilibili", "baijiahao"]
LEVELS = ["省级", "市级", "县级"]


def epoch(year, month, day):
    return int(datetime.datetime(year, month, day, tzinfo=ZONE).timestamp())


def site_rows(sites, start, end):
    """Hourly availability, daily crawl and column readings, oldest first per day."""
    rng = random.Random(1)
    for hour in range(start, end, 3600):
        for s in range(sites):
            ok = rng.random() > 0.02
            detail = ('{"error_detail":"","final_url":"https://s%d.example.gov.cn/","redirects":0,'
                      '"cert_not_after":1830000000,"ipv6":{"aaaa":true,"reachable":true,'
                      '"detail":""}}' % s)
            yield (hour + s, f"s{s}", "site", "availability", f"https://s{s}.example.gov.cn/",
                   int(ok), 200 if ok else None, 180, "" if ok else "timeout", None, detail)
        if (hour - start) % 86400 == 3 * 3600:
            for s in range(sites):
                update = hour - rng.randrange(0, 20) * 86400
                yield (hour + 1800 + s, f"s{s}", "site", "crawl", f"https://s{s}.example.gov.cn/",
                       1, 200, 42000, "", update, '{"pages":800,"links":9000,"broken":3}')
                yield (hour + 1900 + s, f"s{s}", "site", "column",
                       f"https://s{s}.example.gov.cn/yw/", 1, 200, 300, "", update, "{}")


def account_rows(accounts, start, end):
    rng = random.Random(2)
    for quarter_day in range(start, end, 6 * 3600):
        for a in range(accounts):
            yield (quarter_day + 600 + a % 3600, f"a{a}", "account", "account",
                   f"https://rsshub.example/a{a}", 1, 200, 350, "",
                   quarter_day - rng.randrange(0, 30) * 86400, '{"source":"feed","items":20}')


def finding_rows(sites, accounts, q2_start, q3_start, q3_end):
    rng = random.Random(3)
    findings, events = [], []

    def add(target, kind_of_target, kind, url, source, severity, opened, resolved=None,
            veto_at=None):
        fid = f"{target}/{kind}/{url}"
        first = "warn" if veto_at else severity
        events.append((fid, opened, "opened", first, "generated"))
        if veto_at:
            events.append((fid, veto_at, "severity_changed", "veto", "generated"))
        if resolved:
            events.append((fid, resolved, "resolved", severity, "no longer seen"))
        findings.append((fid, target, kind_of_target, "u", kind, "x", severity, url, source,
                         "generated", opened, resolved or q3_end - 60,
                         "resolved" if resolved else "open", resolved))

    def some_time(start, end):
        return rng.randrange(start, end)

    for s in range(sites):
        home = f"https://s{s}.example.gov.cn/"
        for b in range(rng.randrange(0, 12)):
            opened = some_time(q2_start, q3_end)
            resolved = some_time(opened, q3_end + 86400 * 30)
            add(f"s{s}", "site", "broken_link", f"{home}b{b}.html",
                home if b % 4 == 0 else f"{home}list.html", "deduct", opened,
                resolved if resolved < q3_end else None)
        if s % 10 == 0:
            opened = some_time(q2_start, q3_start)
            add(f"s{s}", "site", "homepage_stale", home, "", "veto", opened,
                veto_at=some_time(opened, q3_end))
        if s % 25 == 0:
            add(f"s{s}", "site", "site_unreachable", home, "", "veto",
                some_time(q2_start, q3_start), resolved=some_time(q3_start, q3_end))
    for a in range(accounts):
        if a % 8 == 0:
            add(f"a{a}", "account", "account_dormant", f"https://rsshub.example/a{a}", "", "veto",
                some_time(q2_start, q3_end))
        elif a % 13 == 0:
            add(f"a{a}", "account", "account_stale", f"https://rsshub.example/a{a}", "", "warn",
                some_time(q2_start, q3_end))
    return findings, events


def main():
    database, config = sys.argv[1], sys.argv[2]
    sites = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    accounts = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    q2, q3, q4 = epoch(2026, 4, 1), epoch(2026, 7, 1), epoch(2026, 10, 1)
    db = sqlite3.connect(database)
    db.execute("PRAGMA synchronous = OFF")
    with db:
        db.executemany(
            "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
            [(f"s{s}", "site", f"站点{s}", "web", f"u{s % 50}", f"https://s{s}.example.gov.cn/",
              q2, q2) for s in range(sites)] +
            [(f"a{a}", "account", f"账号{a}", PLATFORMS[a % len(PLATFORMS)], f"u{a % 50}",
              f"https://rsshub.example/a{a}", q2, q2) for a in range(accounts)])
        insert = ("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                  "http_status, latency_ms, error, last_update, detail) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        # The previous quarter only needs to say who was checked: one day of probes.
        db.executemany(insert, site_rows(sites, q2, q2 + 86400))
        db.executemany(insert, account_rows(accounts, q2, q2 + 86400))
        db.executemany(insert, site_rows(sites, q3, q4))
        db.executemany(insert, account_rows(accounts, q3, q4))
        findings, events = finding_rows(sites, accounts, q2, q3, q4)
        db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       findings)
        db.executemany("INSERT INTO finding_events (finding_id, time, event, severity, detail) "
                       "VALUES (?, ?, ?, ?, ?)", events)
    quarter_rows = db.execute("SELECT count(*) FROM observations WHERE time >= ? AND time < ?",
                              (q3, q4)).fetchone()[0]
    db.close()
    with open(config, "w", encoding="utf-8") as f:
        f.write(f"timezone: Asia/Shanghai\ndatabase: {database}\nmetrics:\n  listen: 127.0.0.1:0\n")
        f.write("units:\n" + "".join(f"  - {{id: u{u}, name: 单位{u}}}\n" for u in range(50)))
        f.write("sites:\n" + "".join(
            f"  - {{id: s{s}, name: 站点{s}, url: 'https://s{s}.example.gov.cn/', unit: u{s % 50}, "
            f"level: {LEVELS[0] if s < 5 else LEVELS[1] if s < 60 else LEVELS[2]}}}\n"
            for s in range(sites)))
    print(json.dumps({"observations_2026Q3": quarter_rows, "findings": len(findings),
                      "events": len(events)}))


if __name__ == "__main__":
    main()
