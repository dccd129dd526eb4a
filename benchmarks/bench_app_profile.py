"""Where the time of a rating change and the memory of an app kernel go, measured without a browser.

- :func:`rating_handler`: the console built in this process on a store (``ConsoleApp(store, case_id=…)``, the
  case's latest conference, Assessment step shown), then the housing row's status set on the grid's buttons as a
  browser would (``widget.value = …``; no asyncio loop runs, so the save happens at once), which runs the whole
  kernel-side handler: the rating checked, the assessment record and the case saved in one transaction, the
  disagreement marks and the saved indicator drawn again. Timed as the median of ``repeat`` changes.
- :func:`memory_stages`: a fresh interpreter does, step by step, what an app kernel does, and reports its
  VmRSS after each step: the kernel's own imports, the app's imports, the case opened, the Assessment,
  Network, Plan and Review steps built; and whether Altair, vl-convert, pandas or numpy were loaded at the end
  (the apps' charts are plain SVG: they should not be).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _latest_conference(store, case_id: str) -> str:
    case = store.get(case_id)
    return max(case.conferences, key=lambda c: (c.date, c.id)).id


def rating_handler(db: str, case_id: str, repeat: int = 5) -> dict:
    from casekit.store import open_store
    from casekit.widgets.console import ConsoleApp

    store = open_store(db, user="bench")
    try:
        app = ConsoleApp(store, case_id=case_id, conference_id=_latest_conference(store, case_id), lang="en")
        if not app.go("assessment"):
            raise RuntimeError(f"the Assessment step did not open: {app.message.text}")
        grid = app.screen("assessment").grid
        _label, status, _severity = grid.rows["housing"]
        before = store.get(case_id).version
        # alternate between two statuses, starting with the one the row does not have (the browser benchmark ran
        # on the same store first and left either): every change is a change, saved once
        values = (1, 2) if status.value != 1 else (2, 1)

        def trip(n: int) -> float:
            start = time.perf_counter()
            status.value = values[n % 2]
            return time.perf_counter() - start

        for n in range(2):
            trip(n)
        whole = [trip(n) for n in range(repeat)]
        saves = store.get(case_id).version - before
        if saves != 2 + repeat:  # every change saved once, or the timing means nothing
            raise RuntimeError(f"{2 + repeat} ratings made {saves} saves: {app.message.text}")
        return {"handler_seconds": statistics.median(whole), "handler_max_seconds": max(whole),
                "stored_assessments": len(store.assessments(case_id=case_id)), "saves": saves}
    finally:
        store.close()


_STAGES = r'''
import gc, json, os, sys, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
out = []
def stage(name, fn=None):
    t = time.perf_counter()
    if fn is not None:
        fn()
    gc.collect()
    out.append({"stage": name, "rss_mib": rss(), "seconds": time.perf_counter() - t})
stage("python")
stage("import ipykernel.kernelapp (what every kernel imports)", lambda: __import__("ipykernel.kernelapp"))
stage("import ipywidgets", lambda: __import__("ipywidgets"))
state = {}
def app_import():
    from casekit.widgets.console import ConsoleApp
    state["cls"] = ConsoleApp
stage("import casekit.widgets.console (pydantic, SQLAlchemy, the model)", app_import)
stage("ConsoleApp.from_environment(): the case and its latest conference opened",
      lambda: state.update(app=state["cls"].from_environment(follow=False)))
stage("Assessment step built and shown (the grid)", lambda: state["app"].go("assessment"))
stage("Network step built and shown", lambda: state["app"].go("network"))
stage("Plan step built and shown", lambda: state["app"].go("plan"))
stage("Review step built and shown", lambda: state["app"].go("review"))
out[-1]["heavy_modules_loaded"] = sorted(m for m in ("altair", "vl_convert", "pandas", "numpy") if m in sys.modules)
print(json.dumps(out))
'''


def memory_stages(db: str, case_id: str, workdir: Path) -> list[dict]:
    from casekit.store import open_store

    store = open_store(db, user="bench")
    try:
        conference_id = _latest_conference(store, case_id)
    finally:
        store.close()
    env = dict(os.environ)
    env.update({"CASEKIT_DB": db, "CASEKIT_CASE": case_id, "CASEKIT_CONFERENCE": conference_id, "CASEKIT_USER": "bench",
                "CASEKIT_LOG": str(workdir / "memory-stages-casekit.log")})
    run = subprocess.run([sys.executable, "-c", _STAGES], env=env, capture_output=True, text=True, check=True)
    stages = json.loads(run.stdout.strip().splitlines()[-1])
    previous = 0.0
    for stage in stages:
        stage["added_mib"] = stage["rss_mib"] - previous
        previous = stage["rss_mib"]
    return stages
