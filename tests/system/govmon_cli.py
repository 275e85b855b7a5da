"""The govmon commands the realm tests run: one cycle, then the open findings."""
import json
import subprocess


def run_once(govmon, config, timeout=240):
    """Runs one full cycle; returns its log. A failed cycle fails the test that asked."""
    out = subprocess.run([govmon, "run", "--once", "--config", config],
                         capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise AssertionError(f"run --once exited {out.returncode}: {out.stderr[-3000:]}")
    return out.stderr


def open_findings(govmon, config):
    """`govmon findings --format jsonl`, one dict per finding."""
    out = subprocess.run([govmon, "findings", "--format", "jsonl", "--config", config],
                         capture_output=True, text=True, timeout=60)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
