#!/usr/bin/env python3
"""Benchmarks and speed: the conference app, imports and the store, each against a baseline measured in the
same run.

    .venv/bin/python benchmarks/run.py            # full run (a-e about 6 minutes, f hours), writes results.json
    .venv/bin/python benchmarks/run.py --quick    # 2 repetitions each, for CI; writes results_quick.json

Measures (the helpers' docstrings say exactly how):

a. page request → the conference app's first step interactive in headless Chromium, against a bare Voilà
   notebook (one IntSlider) served by the same Voilà process with the same flags (``casekit.serve``), warm
   (preheated pool full) and cold (no preheated pool, ``pool_size=0``) — ``bench_app.py``;
b. one need rating changed on the console's Assessment grid until "saved" is shown, against a bare round trip
   (slider → a Label set by a Python observer) — ``bench_app.py``; also on the large case. In the same server:
   a step change Opening → Assessment (its time, and the kernel messages it costs against ZeroMQ's default
   high-water mark of 1,000), and the room view's follow latency (a step clicked on the console until the room's
   heading names it);
c. ``import casekit`` against ``import pydantic, pandas``, and an app kernel's start-up work
   (``ConsoleApp.from_environment()`` on the demo store) against importing its dependencies
   (``import ipywidgets, pydantic, pandas, sqlalchemy``) — ``bench_app_startup.py``;
d. the store with a case of five years (60 conferences, 1,000 actions …): open and save of one edit, against
   the raw driver calls, on SQLite (and PostgreSQL when ``benchmarks/pgserver.py`` finds a server) —
   ``bench_store_case.py``;
e. the memory (VmRSS) of one app kernel after the large case was opened and its Plan and Review steps shown,
   against a bare kernel (the slider notebook) — ``bench_app.py``;
f. soak: page loads each with an immediate click on "4 Assessment" on a machine loaded by a CPU hog, counting
   steps that never appear (the conference app, and a synthetic step of ~2,000 widget messages against the
   kernels' IOPub high-water mark before the fix) — ``bench_soak.py``; reported apart from the table (counts,
   not times) under ``soak``.

Every figure: min / median / max over the repetitions (full: at least 5; ``--quick``: 2), the baseline's the
same, ratio = median / median, and a target (met or not). The JSON also holds the machine, the command, the
Voilà command lines and where the time goes (navigation timings, import profile, the parts of a save).
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import common  # noqa: E402
from common import ratio, summary  # noqa: E402

DEMO_CASE = "example-family-children-at-risk"
MB = 1024 * 1024 / 1e6  # MiB -> MB (the target is in MB)

FULL = {"a": 5, "a_warmup": 1, "b": 15, "b_warmup": 2, "b_large_case": True, "c": 7, "d": 20, "e": 5,
        "explain": 5, "f": "full"}
#: --quick: 2 repetitions, no unmeasured first page load, no rating round trips on the large case
QUICK = {"a": 2, "a_warmup": 0, "b": 2, "b_warmup": 1, "b_large_case": False, "c": 2, "d": 3, "e": 2,
         "explain": 2, "f": "quick"}


def log(message: str = "") -> None:
    print(message, flush=True)


def figure(title: str, unit: str, subject_label: str, subject: list[float], baseline_label: str,
           baseline: list[float], target: str, met, details: dict | None = None) -> dict:
    s, b = summary(subject), summary(baseline)
    return {"title": title, "unit": unit, "subject": {"label": subject_label, **s},
            "baseline": {"label": baseline_label, **b}, "ratio": ratio(s, b), "target": target, "met": met,
            "details": details or {}}


# -- c: imports ----------------------------------------------------------------------------------------------
def measure_imports(repeat: int, demo_db: str, workdir: Path) -> dict:
    import bench_app_startup as startup

    env = startup.environment(demo_db, workdir)
    out = {}
    t_case, t_base = startup.alternate(startup.IMPORT_CASEKIT, startup.IMPORT_BASE, env, repeat)
    out["c_import"] = figure(
        "c) import casekit (fresh interpreter)", "s", startup.IMPORT_CASEKIT, t_case, startup.IMPORT_BASE, t_base,
        "≤ 1.2× baseline", None, {"import_profile": startup.import_profile(startup.IMPORT_CASEKIT, env)})
    out["c_import"]["met"] = out["c_import"]["ratio"] <= 1.2
    t_app, t_deps = startup.alternate(startup.APP_START, startup.APP_BASE, env, repeat)
    out["c_app_startup"] = figure(
        "c) app kernel start-up work (from_environment, demo store)", "s", startup.APP_START, t_app,
        startup.APP_BASE, t_deps, "— (reported)", None,
        {"import_profile": startup.import_profile(startup.APP_START, env)})
    return out


# -- d: the store --------------------------------------------------------------------------------------------
def store_figures(backend: str, timings: dict, extra: dict) -> dict:
    details = {"document_bytes": timings["document_bytes"], "breakdown_seconds": timings["breakdown"], **extra}
    open_ = figure(f"d) open the 5-year case ({backend})", "s", "store.get(case_id)", timings["open"],
                   "raw SELECT of the JSON + json.loads", timings["open_baseline"], "median ≤ 50 ms", None, details)
    open_["met"] = open_["subject"]["median"] <= 0.050
    save = figure(f"d) save one edit of the 5-year case ({backend})", "s", "store.save(case)", timings["save"],
                  "json.dumps + raw UPDATE of one row + COMMIT", timings["save_baseline"], "median ≤ 20 ms", None,
                  details)
    save["met"] = save["subject"]["median"] <= 0.020
    return {f"d_open_{backend}": open_, f"d_save_{backend}": save}


def measure_store(repeat: int, workdir: Path, postgres: bool) -> tuple[dict, dict]:
    import bench_store_case as big

    out, notes = {}, {}
    url = f"sqlite:///{workdir / 'store-bench.sqlite'}"
    _store, case = big.build_large_store(url, with_assessments=False)
    _store.close()
    shape = {"conferences": len(case.conferences), "actions": len(case.actions), "needs": len(case.needs),
             "actors": len(case.actors), "goals": len(case.goals), "reviews": len(case.reviews),
             "action_changes": sum(len(r.action_changes) for r in case.reviews)}
    notes["large_case"] = shape
    out.update(store_figures("sqlite", big.time_store(url, case, repeat), {"case": shape, "journal": "WAL"}))
    if not postgres:
        notes["postgresql"] = "skipped (--no-postgres)"
        return out, notes
    import pgserver

    if not pgserver.available():
        notes["postgresql"] = "skipped: no PostgreSQL server binaries and no CASEKIT_BENCH_PG_URL"
        return out, notes
    try:
        with pgserver.temporary_server() as server_url:
            pg_url = pgserver.fresh_database(server_url)
            _store, case = big.build_large_store(pg_url, with_assessments=False)
            _store.close()
            out.update(store_figures("postgresql", big.time_store(pg_url, case, repeat),
                                     {"case": shape, "server": "throw-away, fsync off (benchmarks/pgserver.py)"}))
    except Exception as exc:  # noqa: BLE001 - PostgreSQL is optional
        notes["postgresql"] = f"skipped: {type(exc).__name__}: {exc}"[:300]
    return out, notes


# -- a, b, e: the browser ------------------------------------------------------------------------------------
def _apps(workdir: Path) -> Path:
    apps = workdir / "apps"
    common.write_bare_notebook(apps)
    for name in ("conference", "room"):
        shutil.copy(ROOT / "apps" / f"{name}.ipynb", apps / f"{name}.ipynb")
    return apps


def _nav_medians(runs: list[dict]) -> dict:
    import statistics

    keys = sorted({k for r in runs for k, v in r.items() if isinstance(v, (int, float))})
    return {k: statistics.median(r[k] for r in runs if isinstance(r.get(k), (int, float))) for k in keys}


def measure_browser(sizes: dict, workdir: Path, demo_db: str, large_db: str, large_case_id: str,
                    only: set[str]) -> tuple[dict, dict]:
    from playwright.sync_api import sync_playwright

    import bench_app as app

    apps = _apps(workdir)
    out, servers = {}, {}

    def serve(name: str, **kwargs) -> common.Voila:
        log(f"  starting Voilà ({name}) …")
        server = common.Voila(apps, workdir, name=name, **kwargs)
        server.wait_up()
        if server.preheat:
            for notebook in ("bare.ipynb", "conference.ipynb"):
                server.wait_filled(notebook, 1)
        server.wait_quiet()
        servers[name] = server.describe()
        return server

    with sync_playwright() as p:
        browser = common.launch_browser(p)
        try:
            for mode in ("warm", "cold"):
                if "a" not in only:
                    break
                log(f"a) first step interactive, {mode}")
                server = serve(f"a-{mode}", db=demo_db, preheat=mode == "warm")
                try:
                    got = app.first_step(browser, server, [app.BARE, app.APP], sizes["a"], sizes["a_warmup"], log=log)
                finally:
                    server.stop()
                limit = 1.3 if mode == "warm" else 1.5
                ours = [r["interactive"] for r in got["runs"]["app"]]
                bare = [r["interactive"] for r in got["runs"]["bare"]]
                entry = figure(
                    f"a) page request → first step interactive, {mode}"
                    + (" (preheated pool full)" if mode == "warm" else " (no preheated kernel)"),
                    "s", "conference app: step heading visible, step button clickable", ours,
                    "bare notebook: IntSlider handle clickable", bare, f"≤ {limit}× bare", None,
                    {"navigation_medians_app": _nav_medians(got["runs"]["app"]),
                     "navigation_medians_bare": _nav_medians(got["runs"]["bare"]),
                     "runs_app": got["runs"]["app"], "runs_bare": got["runs"]["bare"],
                     "settle_seconds": got["settle_seconds"], "voila": servers[f"a-{mode}"]})
                entry["met"] = entry["ratio"] <= limit
                out[f"a_{mode}"] = entry

            if "b" in only:
                log("b) need rating → saved shown (demo case); step change; the room following the console")
                server = serve("b", db=demo_db, env={"CASEKIT_CASE": DEMO_CASE})
                try:
                    got = app.round_trip(browser, server, sizes["b"], sizes["b_warmup"], log=log)
                    log("b) step change Opening → Assessment (demo case)")
                    steps = app.step_change(browser, server, sizes["a"], log=log)
                    log("b) the room follows the console (demo case)")
                    follow = app.room_follow(browser, server, sizes["b"], log=log)
                finally:
                    server.stop()
                ours = [r["shown"] for r in got["runs"]["app"]]
                bare = [r["shown"] for r in got["runs"]["bare"]]
                entry = figure("b) need rating on the console → saved shown (demo case)", "s",
                               "click a status of the housing row → data-saves + 1 (validated, committed)", ours,
                               "slider ArrowRight → Label set by a Python observer", bare,
                               "≤ 2× bare and median ≤ 150 ms", None,
                               {"dom_updated_app": summary([r["dom"] for r in got["runs"]["app"]]),
                                "dom_updated_bare": summary([r["dom"] for r in got["runs"]["bare"]]),
                                "case": DEMO_CASE, "voila": servers["b"]})
                entry["met"] = entry["ratio"] <= 2 and entry["subject"]["median"] <= 0.150
                out["b_rating"] = entry
                first = steps["first"]
                count = figure("b) step change Opening → Assessment (first build): kernel messages", "msgs",
                               "websocket messages from the kernel until 300 ms quiet, fresh page",
                               [r["messages"] for r in first],
                               "ZeroMQ's default high-water mark (where bursts were lost)", [1000] * len(first),
                               "median ≤ 400", None,
                               {"shown_again_messages": summary([r["messages"] for r in steps["again"]])})
                count["met"] = count["subject"]["median"] <= 400
                out["b_step_messages"] = count
                out["b_step_time"] = figure("b) step change Opening → Assessment (first build): grid shown", "s",
                                            "click '4' → last grid row visible", [r["shown"] for r in first],
                                            "slider ArrowRight → Label (same run)", bare, "— (reported)", None,
                                            {"shown_again_seconds": summary([r["shown"] for r in steps["again"]])})
                room = figure("b) the room follows the console", "s",
                              "click a step on the console → the room's heading names it", follow["runs"],
                              "slider ArrowRight → Label (same run)", bare, "median ≤ 1 s", None)
                room["met"] = room["subject"]["median"] <= 1.0
                out["b_room_follow"] = room

            if "e" in only or ("b" in only and sizes["b_large_case"]):
                server = serve("e", db=large_db, env={"CASEKIT_CASE": large_case_id})
                try:
                    if "e" in only:
                        log("e) memory of one kernel: the 5-year case opened, Plan and Review shown")
                        got = app.memory(browser, server, app.APP_CASE, ("plan", "review"), sizes["e"], log=log)
                        ours = [r["rss_mib"] * MB for r in got["runs"]["app"]]
                        bare = [r["rss_mib"] * MB for r in got["runs"]["bare"]]
                        entry = figure("e) memory (VmRSS) of one app kernel, 5-year case, Plan + Review shown", "MB",
                                       "conference app kernel", ours, "bare kernel (slider notebook)", bare,
                                       "median ≤ 300 MB", None,
                                       {"peak_mb_app": summary([r["peak_mib"] * MB for r in got["runs"]["app"]]),
                                        "peak_mb_bare": summary([r["peak_mib"] * MB for r in got["runs"]["bare"]]),
                                        "plan_step_seconds": summary([r["steps_seconds"]["plan"]
                                                                      for r in got["runs"]["app"]]),
                                        "review_step_seconds": summary([r["steps_seconds"]["review"]
                                                                        for r in got["runs"]["app"]]),
                                        "first_step_interactive_seconds": summary(
                                            [r["interactive"] for r in got["runs"]["app"]]),
                                        "voila": servers["e"]})
                        entry["met"] = entry["subject"]["median"] <= 300
                        out["e_memory"] = entry
                    if "b" in only and sizes["b_large_case"]:
                        log("b) need rating on the 5-year case (120 stored assessments)")
                        got = app.round_trip(browser, server, sizes["b"], sizes["b_warmup"], log=log)
                        ours = [r["shown"] for r in got["runs"]["app"]]
                        bare = [r["shown"] for r in got["runs"]["bare"]]
                        entry = figure("b) need rating on the console → saved shown (5-year case)", "s",
                                       "click a status of the housing row → data-saves + 1", ours,
                                       "slider ArrowRight → Label set by a Python observer", bare,
                                       "median ≤ 150 ms", None,
                                       {"dom_updated_app": summary([r["dom"] for r in got["runs"]["app"]]),
                                        "assessment_step_seconds": got["assessment_step_seconds"],
                                        "voila": servers["e"]})
                        entry["met"] = entry["subject"]["median"] <= 0.150
                        out["b_rating_large_case"] = entry
                finally:
                    server.stop()
        finally:
            browser.close()
    return out, servers


def explain(measures: dict, demo_db: str, large_db: str, large_case_id: str, workdir: Path, repeat: int) -> None:
    """Kernel-side breakdowns, attached to the browser figures they explain."""
    import bench_app_profile as profile

    for key, db, case_id in (("b_rating", demo_db, DEMO_CASE), ("b_rating_large_case", large_db, large_case_id)):
        if key in measures:
            handler = profile.rating_handler(db, case_id, repeat)
            handler["browser_and_transport_seconds"] = measures[key]["subject"]["median"] - handler["handler_seconds"]
            measures[key]["details"]["kernel_handler"] = handler
    if "e_memory" in measures:  # the order of the stages decides what each one is charged
        measures["e_memory"]["details"]["memory_stages_mib"] = profile.memory_stages(large_db, large_case_id, workdir)


# -- the table -----------------------------------------------------------------------------------------------
def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def _cell(side: dict, unit: str) -> str:
    return f"{_fmt(side['median'], unit)} ({_fmt(side['min'], unit)}–{_fmt(side['max'], unit)})"


def table(measures: dict) -> list[str]:
    rows = [("measure", "subject median (min–max)", "baseline median (min–max)", "ratio", "target", "met")]
    for m in measures.values():
        met = "—" if m["met"] is None else ("yes" if m["met"] else "NO")
        rows.append((m["title"], _cell(m["subject"], m["unit"]), _cell(m["baseline"], m["unit"]),
                     f"{m['ratio']:.2f}", m["target"], met))
    return rows


def markdown(rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def plain(rows: list[tuple]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


ORDER = ("a_warm", "a_cold", "b_rating", "b_rating_large_case", "b_step_messages", "b_step_time", "b_room_follow",
         "c_import", "c_app_startup", "d_open_sqlite",
         "d_save_sqlite", "d_open_postgresql", "d_save_postgresql", "e_memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 repetitions each (CI); about 2 minutes")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions of every measure (default: full 5–20)")
    parser.add_argument("--output", type=Path, default=None, help="where to write the JSON results")
    parser.add_argument("--only", default="a,b,c,d,e,f", help="comma-separated measures to run (default: all)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, stores)")
    args = parser.parse_args(argv)
    argv_shown = argv if argv is not None else sys.argv[1:]
    command = shlex.join([common.interpreter(), "benchmarks/run.py", *argv_shown])
    sizes = dict(QUICK if args.quick else FULL)
    if args.repeat:
        sizes.update({k: args.repeat for k in ("a", "b", "c", "d", "e", "explain")})
    only = {part.strip() for part in args.only.split(",") if part.strip()}
    output = args.output or ROOT / "benchmarks" / ("results_quick.json" if args.quick else "results.json")
    began = time.monotonic()
    described = common.machine(command)
    workdir = Path(tempfile.mkdtemp(prefix="casekit-runpy-"))
    measures, notes, elapsed, soak = {}, {}, {}, None
    try:
        from casekit.cli import build_demo_store

        import bench_store_case as big

        demo_path = workdir / "demo.sqlite"
        build_demo_store(demo_path, "en").close()
        demo_db = f"sqlite:///{demo_path}"
        if "c" in only:
            log("c) imports in a fresh interpreter")
            t = time.monotonic()
            measures.update(measure_imports(sizes["c"], demo_db, workdir))
            elapsed["c"] = time.monotonic() - t
        if "d" in only:
            log("d) the store: a case of five years")
            t = time.monotonic()
            found, notes["store"] = measure_store(sizes["d"], workdir, not args.no_postgres)
            measures.update(found)
            elapsed["d"] = time.monotonic() - t
        browser_parts = only & {"a", "b", "e"}
        if browser_parts and not os.path.exists(common.CHROMIUM):
            notes["browser"] = f"skipped: {common.CHROMIUM} is missing (Debian: apt-get install chromium)"
            log(notes["browser"])
        elif browser_parts:
            t = time.monotonic()
            large_path = workdir / "large.sqlite"
            store, case = big.build_large_store(f"sqlite:///{large_path}", with_assessments=True)
            store.close()
            large_db = f"sqlite:///{large_path}"
            found, notes["voila"] = measure_browser(sizes, workdir, demo_db, large_db, case.id, browser_parts)
            measures.update(found)
            elapsed["browser"] = time.monotonic() - t
            t = time.monotonic()
            log("where the time and the memory go (no browser)")
            explain(measures, demo_db, large_db, case.id, workdir, sizes["explain"])
            elapsed["explain"] = time.monotonic() - t
        if "f" in only and os.path.exists(common.CHROMIUM):
            import bench_soak

            log("f) soak: page loads with an immediate step click, CPU hog running")
            t = time.monotonic()
            soak = bench_soak.soak(subjects=bench_soak.QUICK if sizes["f"] == "quick" else bench_soak.FULL,
                                   per_server=bench_soak.PER_SERVER, hog=(os.cpu_count() or 1) + 1, workdir=workdir,
                                   demo_db=demo_db, log=log)
            elapsed["f"] = time.monotonic() - t
    finally:
        if args.keep:
            log(f"kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    measures = {key: measures[key] for key in ORDER if key in measures}
    elapsed["total"] = time.monotonic() - began
    described["load_average_at_end"] = common.load_average()
    rows = table(measures)
    results = {
        "benchmark": "casekit: conference app, imports and store against baselines measured in the same run",
        "quick": args.quick, "command": command, "repetitions": sizes, "machine": described,
        "elapsed_seconds": elapsed, "measures": measures,
        "ratios": {key: m["ratio"] for key, m in measures.items()},
        "targets_met": {key: m["met"] for key, m in measures.items() if m["met"] is not None},
        "notes": notes, "table_markdown": markdown(rows),
    }
    if soak is not None:
        results["soak"] = soak
        results["targets_met"]["f_soak"] = soak["met"]
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log()
    log(plain(rows))
    if soak is not None:
        log("\nf) soak\n" + bench_soak.describe(soak))
    log(f"\n{len(results['targets_met'])} targets, {sum(results['targets_met'].values())} met; "
        f"{elapsed['total']:.0f} s in all; written: {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
