"""Every panel query of every Grafana dashboard, and every alert rule, against a real Prometheus
scraping a real govmon daemon that watches a local realm of sites and accounts.

The realm has a case for every panel: a stale site with a broken and an ad link, a site with a
certificate, unreachable sites, fresh, quiet, dormant and refused accounts on several platforms,
in two units. A query that returns nothing there would show an empty panel to an operator.

usage: dashboards_prometheus_test.py PATH_TO_GOVMON PATH_TO_PROMETHEUS
"""
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SOURCE, "tests", "system"))

from fixture_accounts import DAY, Realm as AccountRealm, atom, rdf, rss, weibo_list, weibo_paths  # noqa: E402
from fixture_sites import Realm as SiteRealm  # noqa: E402
from free_port import free_port  # noqa: E402

GOVMON = PROMETHEUS = None
DASHBOARDS = os.path.join(SOURCE, "dashboards", "grafana")
ALERTS = os.path.join(SOURCE, "dashboards", "alerts.yml")
DEADLINE = 50  # seconds from the daemon's start for every query to have data
RSS = "application/rss+xml; charset=utf-8"

# What Grafana puts in place of its variables: "All" is `.*` for both template variables.
SUBSTITUTIONS = [("${unit:regex}", ".*"), ("${platform:regex}", ".*"), ("$unit", ".*"),
                 ("$platform", ".*"), ("$__rate_interval", "1m"), ("$__interval", "15s"),
                 ("$__range", "5m")]



def panel_queries():
    """(dashboard file, panel title, expr) of every panel target."""
    out = []
    for name in sorted(os.listdir(DASHBOARDS)):
        if name.endswith(".json"):
            with open(os.path.join(DASHBOARDS, name), encoding="utf-8") as f:
                for panel in json.load(f)["panels"]:
                    for target in panel.get("targets", []):
                        expr = target["expr"]
                        for variable, value in SUBSTITUTIONS:
                            expr = expr.replace(variable, value)
                        out.append((name, panel["title"], expr))
    return out


def stale_site_handler():
    """A portal whose newest item is 40 days old, with a broken link and an ad on its home page."""
    old = time.strftime("%Y-%m-%d", time.localtime(time.time() - 40 * DAY))

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path == "/":
                items = "".join(f"<li><a href=/news/{i}.html>通知公告第{i}号</a><span>{old}</span></li>"
                                for i in range(3))
                content = (f"<ul>{items}</ul><a href=/gone.html>已删除的页面</a>"
                           "<a href='https://cpro.baidu.com/cpro/ui/c.js'>推荐</a>")
                status = 200
            elif self.path.startswith("/news/"):
                content, status = f"<h1>{self.path}</h1><p>发布时间：{old}</p>", 200
            else:
                content, status = "<h1>404 页面不存在</h1>", 404
            body = ("<html><head><meta charset=utf-8><title>武汉市人民政府</title></head>"
                    f"<body>{content}</body></html>").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(b"" if self.command == "HEAD" else body)

        do_HEAD = do_GET

        def log_message(self, *args):
            pass

    return Handler


class DashboardsPrometheusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-dashboards-")
        cls.processes = []
        try:
            cls.start_realm()
            cls.metrics_port = free_port()
            cls.write_config()
            cls.daemon = cls.start([GOVMON, "run", "--config", cls.config], "govmon.log")
            cls.started = time.time()
            cls.prometheus_port = free_port()
            cls.start_prometheus()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for process in reversed(cls.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if getattr(cls, "stale", None):
            cls.stale.shutdown()
            cls.stale.server_close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def start(cls, argv, log):
        with open(os.path.join(cls.dir, log), "w") as stderr:
            process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr)
        cls.processes.append(process)
        return process

    @classmethod
    def log(cls, name):
        with open(os.path.join(cls.dir, name), encoding="utf-8", errors="replace") as f:
            return f.read()[-3000:]

    @classmethod
    def start_realm(cls):
        cls.sites = SiteRealm(cls.dir)
        cls.stale = http.server.ThreadingHTTPServer(("127.0.0.1", 0), stale_site_handler())
        cls.stale.daemon_threads = True
        threading.Thread(target=cls.stale.serve_forever, daemon=True).start()

        now = int(time.time())
        accounts = cls.accounts = AccountRealm()
        accounts.serve("/feeds/fresh.xml", 200, RSS, rss(2 * DAY, 5 * DAY, now=now))
        accounts.serve("/feeds/quiet.xml", 200, RSS, rss(9 * DAY, now=now))
        accounts.serve("/feeds/dormant.atom", 200, "application/atom+xml", atom(30 * DAY, now=now))
        accounts.serve("/feeds/rdf.xml", 200, "application/rdf+xml", rdf(16 * DAY, now=now))
        accounts.serve("/douyin/user/MS4wLjABAAAAfresh", 200, RSS, rss(1 * DAY, now=now))
        accounts.serve("/toutiao/user/token/MS4wLjABAAAAdown", 503, "text/html", b"<html></html>")
        listing, _ = weibo_paths("1001")
        accounts.serve(listing, 200, "application/json", weibo_list([(1 * DAY, False)], now))
        listing, _ = weibo_paths("1006")
        accounts.serve(listing, 432, "text/html", b"")

    @classmethod
    def write_config(cls):
        cls.config = os.path.join(cls.dir, "govmon.yaml")
        stale_url = f"http://stale.example.gov.cn:{cls.stale.server_port}/"
        sites = [(sid, host, url, "hb-office") for sid, host, url in cls.sites.sites()]
        sites.append(("stale", "stale.example.gov.cn", stale_url, "wh-office"))
        resolve = "\n".join(f'    "{host}": 127.0.0.1' for _, host, _, _ in sites)
        site_lines = "\n".join(f"  - {{id: {sid}, name: 站点{sid}, url: '{url}', unit: {unit}}}"
                               for sid, _, url, unit in sites)
        base = f"http://bridge.test:{cls.accounts.port}"
        accounts = [
            ("wx-fresh", "wechat", f"feed: '{base}/feeds/fresh.xml'", "hb-office"),
            ("wx-quiet", "wechat", f"feed: '{base}/feeds/quiet.xml'", "hb-office"),
            ("wx-dormant", "wechat", f"feed: '{base}/feeds/dormant.atom'", "wh-office"),
            ("feed-rdf", "feed", f"feed: '{base}/feeds/rdf.xml'", "wh-office"),
            ("dy-fresh", "douyin", "uid: MS4wLjABAAAAfresh", "wh-office"),
            ("tt-bridge-down", "toutiao", "uid: MS4wLjABAAAAdown", "hb-office"),
            ("wb-fresh", "weibo", "uid: '1001'", "hb-office"),
            ("wb-432", "weibo", "uid: '1006'", "wh-office"),
        ]
        account_lines = "\n".join(
            f"  - {{id: {i}, name: 账号{i}, platform: {p}, {extra}, unit: {unit}}}"
            for i, p, extra, unit in accounts)
        with open(cls.config, "w", encoding="utf-8") as f:
            f.write(f"""timezone: Asia/Shanghai
database: {os.path.join(cls.dir, "govmon.db")}
metrics:
  listen: 127.0.0.1:{cls.metrics_port}
schedule:
  availability_every: 2s
  crawl_every: 10s
  accounts_every: 3s
  jitter: 0%
http:
  timeout: 2s
  connect_timeout: 1s
  retries: 0
  per_host: 8
  per_host_delay: 0ms
  resolve:
{resolve}
    "bridge.test": 127.0.0.1
crawl:
  check_external: false
bridges:
  rsshub: {base}
platforms:
  weibo: {{api: '{base}'}}
units:
  - {{id: hb-office, name: 湖北省人民政府办公厅, contacts: [web@hubei.gov.cn]}}
  - {{id: wh-office, name: 武汉市人民政府办公厅, contacts: [web@wuhan.gov.cn]}}
sites:
{site_lines}
accounts:
{account_lines}
""")

    @classmethod
    def start_prometheus(cls):
        config = os.path.join(cls.dir, "prometheus.yml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(f"""global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: ['{ALERTS}']
scrape_configs:
  - job_name: govmon
    static_configs:
      - targets: ['127.0.0.1:{cls.metrics_port}']
""")
        cls.start([PROMETHEUS, f"--config.file={config}",
                   f"--storage.tsdb.path={os.path.join(cls.dir, 'tsdb')}",
                   f"--web.listen-address=127.0.0.1:{cls.prometheus_port}"], "prometheus.log")
        end = time.time() + 20
        while True:
            try:
                urllib.request.urlopen(cls.url("/-/ready"), timeout=2).read()
                return
            except OSError:
                if time.time() > end:
                    raise AssertionError("prometheus not ready:\n" + cls.log("prometheus.log"))
                time.sleep(0.2)

    @classmethod
    def url(cls, path):
        return f"http://127.0.0.1:{cls.prometheus_port}{path}"

    def api(self, path, **params):
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        with urllib.request.urlopen(self.url(path + query), timeout=10) as answer:
            body = json.load(answer)
        self.assertEqual(body["status"], "success", body)
        return body["data"]

    def query(self, expr):
        data = self.api("/api/v1/query", query=expr)
        self.assertEqual(data["resultType"], "vector", expr)
        return data["result"]

    def scrapes(self):
        counts = self.query("count_over_time(govmon_build_info[1m])")
        return int(counts[0]["value"][1]) if counts else 0

    def wait_for_data(self, queries):
        """Queries that are still empty once a few scrapes happened and every query has data,
        or the deadline passed."""
        while True:
            empty = [q for q in queries if not self.query(q[2])]
            if (not empty and self.scrapes() >= 5) or time.time() - self.started > DEADLINE:
                return empty
            self.assertIsNone(self.daemon.poll(), self.log("govmon.log"))
            time.sleep(1)

    def test_1_every_panel_query_has_data(self):
        queries = panel_queries()
        self.assertGreater(len(queries), 20)
        empty = self.wait_for_data(queries)
        self.assertEqual(empty, [], "panels without data")
        self.assertGreaterEqual(self.scrapes(), 5)

    def test_2_panels_show_the_realm(self):
        self.wait_for_data(panel_queries())

        def labels(expr, key="target"):
            return sorted(r["metric"].get(key) for r in self.query(expr))

        def value(expr, target):
            return [float(r["value"][1]) for r in self.query(expr) if r["metric"]["target"] == target][0]

        days = '(time() - (govmon_last_update_timestamp_seconds{kind="account"} > 0)) / 86400'
        self.assertEqual(labels(f"{days} > 14"), ["feed-rdf", "wx-dormant"])
        self.assertIn("stale", labels("govmon_target_failing == 1"))
        self.assertIn("wx-dormant", labels("govmon_target_failing == 1"))
        self.assertAlmostEqual(
            value("(govmon_tls_cert_expiry_timestamp_seconds - time()) / 86400", "badtls"), 30, delta=1)
        self.assertAlmostEqual(
            value('(time() - govmon_last_update_timestamp_seconds{kind="site"}) / 86400', "stale"), 40, delta=1)
        self.assertEqual(value('govmon_site_broken_links{page="home"}', "stale"), 1)
        self.assertEqual(value("govmon_site_ad_links", "stale"), 1)
        self.assertEqual(labels("govmon_cycle_last_success_timestamp_seconds > 0", "schedule"),
                         ["accounts", "availability", "crawl"])
        # Only this unit's targets remain when the unit variable picks it.
        accounts_dashboard = [q for q in panel_queries() if q[0] == "accounts.json"][0][2]
        self.assertIn('unit=~".*"', accounts_dashboard)
        wuhan = accounts_dashboard.replace('unit=~".*"', 'unit=~"wh-office"')
        self.assertEqual(labels(wuhan), ["dy-fresh", "feed-rdf", "wx-dormant"])
        # The weibo accounts share the platform's politeness delay: the refused one may be
        # probed a few seconds after the panel first has data.
        refused_query = [q for q in panel_queries() if "Failed or refused" in q[1]][0][2]
        deadline = time.time() + 20
        while True:
            refused = {r["metric"]["platform"] for r in self.query(refused_query)}
            if refused == {"toutiao", "weibo"} or time.time() > deadline:
                break
            time.sleep(0.5)
        self.assertEqual(refused, {"toutiao", "weibo"})

    def test_3_every_alert_rule_evaluates(self):
        self.wait_for_data(panel_queries())
        deadline = time.time() + 10
        while True:
            rules = [r for g in self.api("/api/v1/rules")["groups"] for r in g["rules"]]
            if all(r.get("lastEvaluation", "").startswith("20") for r in rules) or time.time() > deadline:
                break
            time.sleep(0.5)
        self.assertGreaterEqual(len(rules), 10)
        for rule in rules:
            self.assertEqual(rule["health"], "ok", rule)
            self.assertFalse(rule["lastEvaluation"].startswith("0001"), rule)
        active = {(a["labels"]["alertname"], a["labels"].get("target"))
                  for r in rules for a in r.get("alerts", [])}
        self.assertIn(("GovAccountDormant", "wx-dormant"), active)
        self.assertIn(("GovAccountNotUpdatedWeekly", "wx-quiet"), active)
        self.assertNotIn(("GovAccountDormant", "wx-fresh"), active)


if __name__ == "__main__":
    PROMETHEUS = os.path.abspath(sys.argv.pop(2))
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
