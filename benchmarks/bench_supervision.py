"""The supervision app's first render in headless Chromium, against a bare Voilà notebook under the same flags.

    .venv/bin/python benchmarks/bench_supervision.py            # 7 repetitions, demo store + 300 synthetic cases
    .venv/bin/python benchmarks/bench_supervision.py --quick    # 2 repetitions, demo store only (CI)

Measured: page request → caseload dashboard interactive, i.e. from the navigation start of the request to the
first animation frame in which the per-case table and the worker filter are rendered with text and the "Case
summary" view button is clickable (visible, enabled, not covered; the filter itself sits below the worker table,
outside a 1280×720 viewport, so "clickable" is asked of the button). The baseline is the bare notebook of ``common.BARE_SOURCE`` (one
``IntSlider``): its handle clickable. Both notebooks are served by one standalone Voilà with casekit's production
flags (``casekit.serve``: preheated pool of one kernel per notebook, full before each request; after each request
we wait for the refill and for idleness), requests alternate between the two, a fresh browser context each
(no cache); the timing code is :func:`bench_app.first_step` (the conference app's harness).

Stores: the demo store (the five example cases), and optionally a larger synthetic one
(:func:`casekit.caseload.synthetic.synthetic_cases`, ``--large-cases``, default 300) with its own Voilà.
Results go to ``benchmarks/results_supervision.json`` (``--output``): min/median/max of every side, the ratio of
the medians, the machine and the command.
"""
from __future__ import annotations

import argparse
import json
import shlex
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import common  # noqa: E402
from common import ratio, summary  # noqa: E402

NOTEBOOK = "supervision.ipynb"


def log(message: str = "") -> None:
    print(message, flush=True)


def dashboard_side():
    from bench_app import Side

    return Side("app", NOTEBOOK, [(".casekit-sv-cases table", "visible"),
                                  (".casekit-sv-filter-worker select", "visible"),
                                  (".casekit-sv-view-button-case", "clickable")],
                {"widgets": ".casekit-sv-app"})


def _apps(workdir: Path) -> Path:
    apps = workdir / "apps"
    common.write_bare_notebook(apps)
    shutil.copy(ROOT / "apps" / NOTEBOOK, apps / NOTEBOOK)
    return apps


def _demo_store(workdir: Path) -> str:
    from casekit.cli import build_demo_store

    path = workdir / "demo.sqlite"
    build_demo_store(path, "en").close()
    return f"sqlite:///{path}"


def _large_store(workdir: Path, n: int) -> str:
    from casekit import open_store
    from casekit.caseload.synthetic import synthetic_cases

    url = f"sqlite:///{workdir / f'large-{n}.sqlite'}"
    store = open_store(url, user="bench")
    for case in synthetic_cases(n, seed=2026, as_of=date(2026, 11, 25)):
        store.save(case)
    store.close()
    return url


def measure(browser, apps: Path, workdir: Path, db: str, name: str, repeat: int, warmup: int) -> dict:
    import bench_app

    log(f"  starting Voilà ({name}) …")
    server = common.Voila(apps, workdir, db=db, name=name, env={"CASEKIT_LANG": "en"})
    try:
        server.wait_up()
        for notebook in ("bare.ipynb", NOTEBOOK):
            server.wait_filled(notebook, 1)
        server.wait_quiet()
        got = bench_app.first_step(browser, server, [bench_app.BARE, dashboard_side()], repeat, warmup, log=log)
        described = server.describe()
    finally:
        server.stop()
    ours = [r["interactive"] for r in got["runs"]["app"]]
    bare = [r["interactive"] for r in got["runs"]["bare"]]
    s, b = summary(ours), summary(bare)
    return {"title": f"page request → caseload dashboard interactive, preheated pool full ({name})", "unit": "s",
            "subject": {"label": "supervision app: case table visible, worker filter clickable", **s},
            "baseline": {"label": "bare notebook: IntSlider handle clickable", **b},
            "ratio": ratio(s, b), "runs_app": got["runs"]["app"], "runs_bare": got["runs"]["bare"],
            "settle_seconds": got["settle_seconds"], "voila": described}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 repetitions, demo store only (CI); about a minute")
    parser.add_argument("--repeat", type=int, default=None, help="repetitions per side (default 7; quick 2)")
    parser.add_argument("--large-cases", type=int, default=None,
                        help="cases of the synthetic store (default 300; quick: none; 0 = none)")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results_supervision.json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, stores)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (2 if args.quick else 7)
    warmup = 1
    large = args.large_cases if args.large_cases is not None else (0 if args.quick else 300)
    command = " ".join([common.interpreter(), "benchmarks/bench_supervision.py", *map(shlex.quote, argv or sys.argv[1:])])
    if not Path(common.CHROMIUM).exists():
        log("Chromium is not installed (Debian: apt-get install chromium)")
        return 2
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="casekit-bench-sv-"))
    results = {"command": command, "quick": args.quick, "repeat": repeat, "warmup": warmup,
               "machine": common.machine(command), "measures": {}}
    try:
        apps = _apps(workdir)
        stores = {"demo store (5 cases)": _demo_store(workdir)}
        if large:
            log(f"building a synthetic store of {large} cases …")
            stores[f"synthetic store ({large} cases)"] = _large_store(workdir, large)
        with sync_playwright() as p:
            browser = common.launch_browser(p)
            try:
                for key, (name, db) in zip(("demo", "large"), stores.items()):
                    log(f"dashboard first render, {name}")
                    results["measures"][key] = measure(browser, apps, workdir, db, name, repeat, warmup)
            finally:
                browser.close()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            log(f"kept {workdir}")
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    log("")
    log(f"{'measure':<60} {'min':>7} {'median':>7} {'max':>7}  ratio")
    for entry in results["measures"].values():
        for side in ("subject", "baseline"):
            s = entry[side]
            log(f"{entry['title'][:40] + ' – ' + side:<60} {s['min']:7.3f} {s['median']:7.3f} {s['max']:7.3f}"
                + (f"  {entry['ratio']:.2f}" if side == "subject" else ""))
    log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
