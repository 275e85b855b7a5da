"""The report and export commands of the built binary: exit codes and --output DIR names.

usage: report_cli_test.py PATH_TO_GOVMON
"""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zoneinfo

GOVMON = None
ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")


def quarter_name(day):
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def last_quarter_name(day):
    first_month = 3 * ((day.month - 1) // 3) + 1
    return quarter_name(day.replace(month=first_month, day=1) - datetime.timedelta(days=1))


class ReportCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="govmon-report-cli-")
        cls.database = os.path.join(cls.dir, "govmon.db")
        cls.config = cls.write_config("govmon.yaml", cls.database)
        # An empty cycle creates and migrates the database.
        out = subprocess.run([GOVMON, "run", "--once", "--config", cls.config],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        cls.seed()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def write_config(cls, name, database, extra=""):
        path = os.path.join(cls.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"timezone: Asia/Shanghai\ndatabase: {database}\n"
                    f"metrics:\n  listen: 127.0.0.1:0\n{extra}")
        return path

    @classmethod
    def seed(cls):
        now = int(datetime.datetime.now(tz=ZONE).timestamp())
        july = int(datetime.datetime(2026, 8, 1, 12, tzinfo=ZONE).timestamp())
        with sqlite3.connect(cls.database) as db:
            db.execute("INSERT INTO targets VALUES ('s1', 'site', '测试网站', 'web', 'u', "
                       "'https://s1.example.gov.cn/', 1, ?, ?)", (july, july))
            for t in (july, now - 60):
                db.execute("INSERT INTO observations (time, target, target_kind, probe, url, ok, "
                           "http_status, latency_ms) VALUES (?, 's1', 'site', 'availability', "
                           "'https://s1.example.gov.cn/', 1, 200, 50)", (t,))

    def govmon(self, *args, config=None):
        return subprocess.run([GOVMON, *args, "--config", config or self.config],
                              capture_output=True, text=True, timeout=60)

    def output_dir(self):
        return tempfile.mkdtemp(dir=self.dir)

    def test_report_to_stdout_is_html(self):
        out = self.govmon("report", "--quarter", "2026Q3")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertTrue(out.stdout.startswith("<!DOCTYPE html>"))
        self.assertIn("测试网站", out.stdout)

    def test_report_into_a_directory_takes_the_quarter_name(self):
        folder = self.output_dir()
        for fmt in ("html", "md", "csv"):
            out = self.govmon("report", "--quarter", "2026Q3", "--format", fmt, "--output", folder)
            self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(sorted(os.listdir(folder)),
                         ["govmon-2026Q3-report.csv", "govmon-2026Q3-report.html",
                          "govmon-2026Q3-report.md"])

    def test_month_and_window_reports_are_named_after_their_period(self):
        folder = self.output_dir()
        runs = [("--month", "2026-08"), ("--month", "2026-08", "--format", "md"),
                ("--from", "2026-07-27", "--to", "2026-08-10")]
        for args in runs:
            out = self.govmon("report", *args, "--output", folder)
            self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(sorted(os.listdir(folder)),
                         ["govmon-2026-07-27_2026-08-10-report.html", "govmon-2026-08-report.html",
                          "govmon-2026-08-report.md"])
        with open(os.path.join(folder, "govmon-2026-08-report.md"), encoding="utf-8") as f:
            self.assertTrue(f.read().startswith("# 2026年8月 政府网站与政务新媒体月度自查\n"))
        with open(os.path.join(folder, "govmon-2026-07-27_2026-08-10-report.html"),
                  encoding="utf-8") as f:
            html = f.read()
        self.assertIn("<title>2026-07-27至2026-08-09 政府网站与政务新媒体检查通报</title>", html)
        self.assertIn("测试网站", html)

    def test_last_month_resolves_to_its_name(self):
        today = datetime.datetime.now(tz=ZONE).date()
        last = today.replace(day=1) - datetime.timedelta(days=1)
        folder = self.output_dir()
        self.assertEqual(self.govmon("report", "--month", "last", "--output", folder).returncode, 0)
        self.assertEqual(os.listdir(folder), [f"govmon-{last.year}-{last.month:02d}-report.html"])

    def test_last_and_current_resolve_to_quarter_names(self):
        today = datetime.datetime.now(tz=ZONE).date()
        folder = self.output_dir()
        self.assertEqual(self.govmon("report", "--quarter", "last", "--output", folder).returncode, 0)
        self.assertEqual(self.govmon("export", "--quarter", "current", "--output", folder).returncode, 0)
        self.assertEqual(sorted(os.listdir(folder)),
                         sorted([f"govmon-{last_quarter_name(today)}-report.html",
                                 f"govmon-{quarter_name(today)}-observations.csv"]))
        with open(os.path.join(folder, f"govmon-{quarter_name(today)}-observations.csv"),
                  encoding="utf-8-sig") as f:
            self.assertEqual(len(f.read().splitlines()), 2)  # header and this quarter's probe

    def test_export_into_a_directory(self):
        folder = self.output_dir()
        runs = [("--quarter", "2026Q3"), ("--quarter", "2026Q3", "--format", "jsonl"),
                ("--from", "2026-07-01", "--to", "2026-10-01")]
        for args in runs:
            out = self.govmon("export", *args, "--output", folder)
            self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(sorted(os.listdir(folder)),
                         ["govmon-2026-07-01_2026-10-01-observations.csv",
                          "govmon-2026Q3-observations.csv", "govmon-2026Q3-observations.jsonl"])

    def test_usage_errors_exit_64(self):
        for args in (["report"], ["report", "--quarter", "2026Q5"],
                     ["report", "--quarter", "2026Q3", "--format", "pdf"],
                     ["export", "--quarter", "previous"],
                     ["report", "--month", "2026-13"], ["report", "--month", "2026-11",
                                                        "--quarter", "2026Q3"],
                     ["report", "--from", "2026-09-27", "--to", "2026-09-13"],
                     ["report", "--from", "2026-09-13"]):
            out = self.govmon(*args)
            self.assertEqual(out.returncode, 64, (args, out.stderr))

    def test_bad_config_exits_78(self):
        config = self.write_config("bad.yaml", self.database, "no_such_key: 1\n")
        self.assertEqual(self.govmon("report", "--quarter", "2026Q3", config=config).returncode, 78)

    def test_store_failures_exit_1(self):
        config = self.write_config("missing.yaml", os.path.join(self.dir, "missing.db"))
        out = self.govmon("report", "--quarter", "2026Q3", config=config)
        self.assertEqual(out.returncode, 1)
        self.assertIn("missing.db", out.stderr)
        out = self.govmon("report", "--quarter", "2026Q3", "--output",
                          os.path.join(self.dir, "no", "such", "dir", "r.html"))
        self.assertEqual(out.returncode, 1)


if __name__ == "__main__":
    GOVMON = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
