"""Start-up costs in a fresh interpreter (a subprocess each time; wall time of the whole process, so the
interpreter's own start is in both figures):

- ``import casekit`` against ``import pydantic, pandas``;
- the start-up work of an app kernel, ``from casekit.widgets.console import ConsoleApp;
  ConsoleApp.from_environment()`` (``CASEKIT_DB`` = the demo store, no case: the Start step with its case
  list) against importing its dependencies, ``import ipywidgets, pydantic, pandas, sqlalchemy``.

Alternating, after one warm-up run of each (the OS file cache). ``import_profile`` runs one ``-X importtime``
and returns the modules with the largest cumulative import time, to show where the time goes.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

IMPORT_CASEKIT = "import casekit"
IMPORT_BASE = "import pydantic, pandas"
APP_START = "from casekit.widgets.console import ConsoleApp; ConsoleApp.from_environment()"
APP_BASE = "import ipywidgets, pydantic, pandas, sqlalchemy"


def _run(code: str, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)
    return time.perf_counter() - start


def environment(db: str, workdir) -> dict:
    env = dict(os.environ)
    env.update({"CASEKIT_DB": db, "CASEKIT_USER": "bench", "CASEKIT_WARMUP": "0",
                "CASEKIT_LOG": str(workdir / "startup-casekit.log"), "PYTHONDONTWRITEBYTECODE": "1"})
    for key in ("CASEKIT_CASE", "CASEKIT_CONFERENCE"):
        env.pop(key, None)
    return env


def alternate(subject: str, baseline: str, env: dict, repeat: int, warmup: int = 1) -> tuple[list, list]:
    t_subject, t_base = [], []
    for n in range(warmup + repeat):
        pair = ((subject, t_subject), (baseline, t_base)) if n % 2 == 0 else ((baseline, t_base), (subject, t_subject))
        for code, bucket in pair:
            value = _run(code, env)
            if n >= warmup:
                bucket.append(value)
    return t_subject, t_base


def import_profile(code: str, env: dict, top: int = 10) -> dict:
    """One ``-X importtime`` run: the top-level imports by cumulative time and the modules with the largest
    own (self) time, in ms."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    rows = []
    for line in run.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        head, cumulative_us, name = line.split("|", 2)
        self_us = head.split(":", 1)[1].strip()
        rows.append({"module": name.strip(), "self_ms": int(self_us) / 1000,
                     "cumulative_ms": int(cumulative_us.strip()) / 1000,
                     "depth": (len(name.rstrip()) - len(name.strip()) - 1) // 2})
    top_level = sorted((r for r in rows if r["depth"] == 0), key=lambda r: r["cumulative_ms"], reverse=True)
    own = sorted(rows, key=lambda r: r["self_ms"], reverse=True)
    return {"total_ms": sum(r["self_ms"] for r in rows), "top_level": top_level[:top], "self": own[:top]}
