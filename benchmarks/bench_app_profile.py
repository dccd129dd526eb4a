"""Where the time of a rating change and the memory of an app kernel go, measured without a browser.

- :func:`rating_handler`: the conference app built in this process on a store (``ConferenceApp(store,
  case_id=…)``, Assessment step shown), then the first need's status set on the form's widget as a browser
  would (``widget.value = …``; no asyncio loop runs, so no chart warm-up is scheduled), which runs the whole kernel-side handler (save of the assessment record,
  reflection into the case and its save, the needs star and the comparison table drawn again). Timed as is,
  and again with the star's SVG replaced by a constant (the rest of the handler), and the star alone.
- :func:`memory_stages`: a fresh interpreter does, step by step, what an app kernel does, and reports its
  VmRSS after each step: the kernel's own imports, the app's imports, the case opened, the charts drawn
  ahead (as the warm-up does), the Assessment, Network, Plan and Review steps built; and whether Altair,
  vl-convert, pandas or numpy were loaded at the end (the app's charts are plain SVG: they should not be).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def rating_handler(db: str, case_id: str, repeat: int = 5) -> dict:
    from casekit.store import open_store
    from casekit.widgets.conference import ConferenceApp
    from casekit.widgets.conference import visuals

    store = open_store(db, user="bench")
    try:
        app = ConferenceApp(store, case_id=case_id, lang="en")
        app.go("assessment")
        view = app.view("assessment")
        widget = view.form.widget_for(view.instrument.domains[0].items[0].id)
        values = [option[1] if isinstance(option, tuple) else option for option in widget.options]

        def trip(n: int) -> float:
            start = time.perf_counter()
            widget.value = values[1 + n % 2]
            return time.perf_counter() - start

        for n in range(2):
            trip(n)
        whole = [trip(n) for n in range(repeat)]
        real = visuals.needs_star_html
        star = []

        def timed_star(*args, **kwargs):
            start = time.perf_counter()
            html = real(*args, **kwargs)
            star.append(time.perf_counter() - start)
            return html

        visuals.needs_star_html = timed_star
        try:
            for n in range(repeat):
                trip(n)
            visuals.needs_star_html = lambda *args, **kwargs: "<div class='casekit-chart'><svg></svg></div>"
            rest = [trip(n) for n in range(repeat)]
        finally:
            visuals.needs_star_html = real
        return {"handler_seconds": statistics.median(whole), "star_chart_seconds": statistics.median(star),
                "handler_without_star_seconds": statistics.median(rest),
                "stored_assessments": len(store.assessments(case_id=case_id))}
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
    from casekit.widgets.conference import ConferenceApp
    state["cls"] = ConferenceApp
stage("import casekit.widgets.conference (pydantic, SQLAlchemy, the model)", app_import)
stage("ConferenceApp.from_environment(): the case opened", lambda: state.update(app=state["cls"].from_environment()))
stage("app.prepare_charts() (ecomap, GAS trajectory as SVG, the warm-up's work)", lambda: state["app"].prepare_charts())
stage("Assessment step built and shown (the needs star)", lambda: state["app"].go("assessment"))
stage("Network step built and shown (the ecomap)", lambda: state["app"].go("network"))
stage("Plan step built and shown", lambda: state["app"].go("plan"))
stage("Review step built and shown", lambda: state["app"].go("review"))
out[-1]["heavy_modules_loaded"] = sorted(m for m in ("altair", "vl_convert", "pandas", "numpy") if m in sys.modules)
print(json.dumps(out))
'''


def memory_stages(db: str, case_id: str, workdir: Path) -> list[dict]:
    env = dict(os.environ)
    env.update({"CASEKIT_DB": db, "CASEKIT_CASE": case_id, "CASEKIT_WARMUP": "0", "CASEKIT_USER": "bench",
                "CASEKIT_LOG": str(workdir / "memory-stages-casekit.log")})
    run = subprocess.run([sys.executable, "-c", _STAGES], env=env, capture_output=True, text=True, check=True)
    stages = json.loads(run.stdout.strip().splitlines()[-1])
    previous = 0.0
    for stage in stages:
        stage["added_mib"] = stage["rss_mib"] - previous
        previous = stage["rss_mib"]
    return stages
