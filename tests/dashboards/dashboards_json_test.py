"""The Grafana dashboards and provisioning files have what Grafana needs to load them.

usage: dashboards_json_test.py   (Debian's python3: it needs python3-yaml)
"""
import json
import os
import re
import unittest

import yaml

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DASHBOARDS = os.path.join(SOURCE, "dashboards", "grafana")
PROVISIONING = os.path.join(SOURCE, "dashboards", "provisioning")
EXPECTED = {"overview.json", "sites.json", "accounts.json"}
DATASOURCE_VARIABLE = "${datasource}"
# Grafana 9.0 wrote schemaVersion 36, Grafana 10.x 37 to 39.
SCHEMA_VERSIONS = range(36, 40)
# Metrics with a target: a panel reading one must honour the unit variable.
PER_TARGET = re.compile(r"govmon_(target_failing|last_update_timestamp_seconds|probe_success|"
                        r"probe_duration_seconds|site_\w+|tls_cert_expiry_timestamp_seconds)\b")


def load_yaml(*parts):
    with open(os.path.join(PROVISIONING, *parts), encoding="utf-8") as f:
        return yaml.safe_load(f)


def dashboards():
    out = {}
    for name in sorted(os.listdir(DASHBOARDS)):
        if name.endswith(".json"):
            with open(os.path.join(DASHBOARDS, name), encoding="utf-8") as f:
                out[name] = json.load(f)
    return out


def overlaps(a, b):
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


class DashboardsJsonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.boards = dashboards()
        sources = load_yaml("datasources", "govmon.yaml")["datasources"]
        cls.datasource_uid = sources[0]["uid"]

    def test_the_three_dashboards_exist_with_unique_uids_and_titles(self):
        self.assertEqual(set(self.boards), EXPECTED)
        uids = [b["uid"] for b in self.boards.values()]
        titles = [b["title"] for b in self.boards.values()]
        self.assertEqual(len(set(uids)), len(uids))
        self.assertEqual(len(set(titles)), len(titles))
        for uid in uids:
            self.assertRegex(uid, r"^[A-Za-z0-9_-]{1,40}$")

    def test_dashboard_fields(self):
        for name, board in self.boards.items():
            with self.subTest(name):
                self.assertTrue(board["title"].strip())
                self.assertIn(board["schemaVersion"], SCHEMA_VERSIONS)
                self.assertIsInstance(board["panels"], list)
                self.assertGreater(len(board["panels"]), 3)
                self.assertIn("from", board["time"])

    def test_every_panel_is_complete(self):
        for name, board in self.boards.items():
            ids = [p["id"] for p in board["panels"]]
            self.assertEqual(len(set(ids)), len(ids), name)
            for panel in board["panels"]:
                with self.subTest(dashboard=name, panel=panel.get("title")):
                    self.assertIsInstance(panel["id"], int)
                    self.assertTrue(panel["type"])
                    self.assertTrue(panel["title"].strip())
                    grid = panel["gridPos"]
                    for key in ("x", "y", "w", "h"):
                        self.assertIsInstance(grid[key], int)
                    self.assertLessEqual(grid["x"] + grid["w"], 24)
                    self.assertGreater(grid["w"] * grid["h"], 0)
                    self.check_datasource(panel["datasource"])
                    self.assertTrue(panel["targets"])
                    ref_ids = [t["refId"] for t in panel["targets"]]
                    self.assertEqual(len(set(ref_ids)), len(ref_ids))
                    for target in panel["targets"]:
                        self.assertTrue(target["refId"])
                        self.assertTrue(target["expr"].strip())
                        self.check_datasource(target["datasource"])

    def test_panels_do_not_overlap(self):
        for name, board in self.boards.items():
            panels = board["panels"]
            for i, a in enumerate(panels):
                for b in panels[i + 1:]:
                    self.assertFalse(overlaps(a["gridPos"], b["gridPos"]),
                                     f"{name}: {a['title']} / {b['title']}")

    def check_datasource(self, datasource):
        self.assertEqual(datasource["type"], "prometheus")
        self.assertIn(datasource["uid"], (self.datasource_uid, DATASOURCE_VARIABLE))

    def test_unit_and_platform_variables(self):
        for name, board in self.boards.items():
            variables = {v["name"]: v for v in board["templating"]["list"]}
            for key in ("unit", "platform"):
                with self.subTest(dashboard=name, variable=key):
                    v = variables[key]
                    self.assertEqual(v["type"], "query")
                    self.assertTrue(v["multi"])
                    self.assertTrue(v["includeAll"])
                    self.assertEqual(v["allValue"], ".*")
                    query = v["query"]["query"] if isinstance(v["query"], dict) else v["query"]
                    self.assertRegex(query, rf"^label_values\(.+, {key}\)$")
                    self.check_datasource(v["datasource"])
            exprs = [t["expr"] for p in board["panels"] for t in p["targets"]]
            self.assertTrue(any("$platform" in e for e in exprs), name)
            for expr in exprs:
                if PER_TARGET.search(expr):
                    self.assertIn('unit=~"$unit"', expr, f"{name}: {expr}")
                if "govmon_last_update_timestamp_seconds" in expr:
                    self.assertIn('platform=~"$platform"', expr, f"{name}: {expr}")

    def test_datasource_variable_defaults_to_the_provisioned_source(self):
        for name, board in self.boards.items():
            uses_variable = any(p["datasource"]["uid"] == DATASOURCE_VARIABLE for p in board["panels"])
            if not uses_variable:
                continue
            variables = {v["name"]: v for v in board["templating"]["list"]}
            with self.subTest(name):
                v = variables["datasource"]
                self.assertEqual(v["type"], "datasource")
                self.assertEqual(v["query"], "prometheus")
                self.assertEqual(v["current"]["value"], self.datasource_uid)

    def test_provisioned_datasource(self):
        config = load_yaml("datasources", "govmon.yaml")
        self.assertEqual(config["apiVersion"], 1)
        [source] = config["datasources"]
        self.assertEqual(source["type"], "prometheus")
        self.assertEqual(source["url"], "http://127.0.0.1:9090")
        self.assertEqual(source["access"], "proxy")

    def test_provisioned_dashboard_provider(self):
        config = load_yaml("dashboards", "govmon.yaml")
        self.assertEqual(config["apiVersion"], 1)
        [provider] = config["providers"]
        self.assertEqual(provider["type"], "file")
        # Where the package installs dashboards/grafana/*.json (README: Dashboards and alert rules).
        self.assertEqual(provider["options"]["path"], "/usr/share/govmon/dashboards")
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            self.assertTrue(provider["options"]["path"] in f.read(), "README names the path")


if __name__ == "__main__":
    unittest.main(verbosity=2)
