#!/usr/bin/env python3
"""Soak: page loads, each with an immediate click on "4 Assessment", on a machine loaded by a CPU hog; how many
steps never appear.

The loss it looks for (issue 12, item 4; ``casekit/server/zmq_limits.py``): a step change is a burst of widget
messages; when the server fell far enough behind the kernel, the kernel's IOPub socket (ZeroMQ's default
high-water mark, 1,000 messages) dropped the tail of the burst, and the step heading changed over the previous
step's body. Nothing re-sends a lost update, so a lost step never appears.

One load: a fresh browser context opens the app (``casekit.serve.start``: casekit's production settings, one
preheated kernel per app, the demo store, ``CASEKIT_CASE`` opening the demo case), waits until the step heading
shows text and the "4 Assessment" button is enabled, clicks it at once, and waits up to ``step_timeout`` seconds
for ``.casekit-step-assessment`` to be visible. The page is closed and the next load waits until Voilà has
refilled its pool and the server and its kernels are idle. A fresh server every ``per_server`` loads.

Two subjects:

- ``conference``: the conference app as shipped (``apps/conference.ipynb``; its Assessment step is a few hundred
  messages since the console of issue 12);
- ``burst``: a synthetic app with the same classes whose "4 Assessment" builds :data:`BURST_ROWS` rows of three
  widgets — about 2,000 messages in one burst, twice the old Assessment step — so that the pipe is tested beyond
  ZeroMQ's default high-water mark whatever size the apps' steps have.

Two configurations, each with its own servers, interleaved over the run so that both see the same load:

- ``fixed``: casekit as shipped (the kernels' IOPub high-water mark :data:`casekit.server.zmq_limits.IOPUB_HWM`);
- ``baseline``: the same with ``CASEKIT_IOPUB_HWM=1000``, ZeroMQ's default: the configuration before the fix.

The load: ``hog`` processes (default: CPUs + 1) spinning at normal priority, started and stopped by the benchmark
(each also stops by itself after a bound or when the benchmark is gone); the load average is recorded. A page
that never became ready within ``ready_timeout`` is counted apart ("not ready"), not as a missing step.
Target: 0 missing steps in every fixed configuration (and no page "not ready": each is a defect to explain).

A failed load ("not ready" or "MISSING") leaves its diagnostics in a folder that is kept (printed at the end;
``--keep`` not needed) and in its entry of the results: a screenshot, what the page shows (step heading, step
bar, saved indicator, message line, the "connection lost" cover and its reason, the visible text), its console
messages and page errors, its websockets (opened, closed, frames each way, what the page sent after the click,
the last frames), whether its kernel still runs, and the tails of the Voilà log (copied whole) and of the
kernels' casekit log. ``--ready-timeout`` and ``--step-timeout`` change the waits.

A page stays "not ready" for good when the server stopped its kernel before the browser connected: the connect
timeout of ``casekit/server/kernels.py`` (60 s) counted from the kernel's handout, and on a loaded machine
Voilà's scripts can take longer than that to load and run; the page then asks for its kernel, gets 404 and
stays blank (the widget's text fallback, no message). Reproduced with a 3 s timeout and the scripts held back
8 s (``tests/e2e/test_server_security.py`` does it with 2 s and 6 s); fixed in the server (the timeout counts
from the page being sent, and a page a browser is loading is left to connect) and in the template (a page
without its kernel says so).

    .venv/bin/python benchmarks/bench_soak.py              # conference 300; burst 60 + 60 baseline: results_soak.json
    .venv/bin/python benchmarks/bench_soak.py --quick      # conference 20; burst 5 + 5 (CI): results_soak_quick.json
    .venv/bin/python benchmarks/bench_soak.py --conference 50 50 --burst 0 0 --hog 4
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import common  # noqa: E402

DEMO_CASE = "example-family-children-at-risk"
#: (fixed loads, baseline loads) per subject
FULL = {"conference": (300, 0), "burst": (60, 60)}
QUICK = {"conference": (20, 0), "burst": (5, 5)}
PER_SERVER = 10
#: rows of the synthetic step: each row is an HBox of a Label, a ToggleButtons and an HTML with their Layout and
#: Style models — about 11 ``comm_open`` a row, so ~2,000 messages in one burst (twice the old Assessment step)
BURST_ROWS = 180
BURST_SOURCE = f'''import ipywidgets as widgets

heading = widgets.HTML("<h2>Start</h2>")
heading.add_class("casekit-step-heading")
button = widgets.Button(description="4 Assessment")
button.add_class("casekit-step-button-assessment")
body = widgets.VBox([widgets.Label("the first step")])


def show_step(_):
    heading.value = "<h2>Assessment</h2>"
    rows = [widgets.HBox([widgets.Label(f"need {{i}}"), widgets.ToggleButtons(options=["met", "partly", "unmet"]),
                          widgets.HTML(f"<i>help {{i}}</i>")]) for i in range({BURST_ROWS})]
    step = widgets.VBox(rows)
    step.add_class("casekit-step-assessment")
    body.children = [step]


button.on_click(show_step)
widgets.VBox([heading, button, body])'''
#: ZeroMQ's default high-water mark: what the kernels had before the fix
BASELINE_ENV = {"CASEKIT_IOPUB_HWM": "1000"}

#: the heading shows text and the Assessment button can be clicked
_READY = """() => {
  const shown = el => { if (!el) return false; const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const h = document.querySelector('.casekit-step-heading');
  const b = document.querySelector('.casekit-step-button-assessment');
  return shown(h) && h.textContent.trim().length > 0 && shown(b) && !b.disabled;
}"""

_HOG = """
import os, sys, time
parent, end = os.getppid(), time.monotonic() + float(sys.argv[1])
while time.monotonic() < end and os.getppid() == parent:
    for _ in range(200_000):
        pass
"""


def log(message: str = "") -> None:
    print(message, flush=True)


class Hog:
    """``processes`` busy loops at normal priority; each ends after ``seconds`` or when its parent is gone."""

    def __init__(self, processes: int, seconds: float):
        self.processes = [subprocess.Popen([sys.executable, "-c", _HOG, str(seconds)]) for _ in range(processes)]

    def stop(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                proc.kill()
        for proc in self.processes:
            proc.wait()


#: what a page shows when a load failed: the step heading, the step bar, the saved indicator, the message line, the
#: "connection lost" cover, Voilà's own error text, the kernel of the page and the start of the visible text
_PAGE_STATE = """() => {
  const text = s => { const e = document.querySelector(s); return e ? e.innerText.trim() : null; };
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const cover = document.getElementById('casekit-connection-lost');
  let kernel = null;
  try { kernel = JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId; } catch (e) {}
  return {
    ready_state: document.readyState, kernel_id: kernel,
    heading: text('.casekit-step-heading'), saved: text('.casekit-saved'), message: text('.casekit-app-message'),
    connection_lost: cover ? {reason: cover.getAttribute('data-reason'), text: cover.innerText.trim()} : null,
    step_buttons: Array.from(document.querySelectorAll('.casekit-step-button')).map(b =>
      (b.classList.contains('casekit-current') ? '*' : '') + b.innerText.trim() + (b.disabled ? ' (disabled)' : '')),
    steps_shown: Array.from(document.querySelectorAll('[class*="casekit-step-"]')).flatMap(e =>
      Array.from(e.classList).filter(c => /^casekit-step-(start|opening|story|assessment|network|plan|review|close)$/.test(c)
        && shown(e))),
    widgets: document.querySelectorAll('.jupyter-widgets').length,
    body: (document.body ? document.body.innerText : '').trim().slice(0, 800),
  };
}"""


def _frame_summary(payload) -> dict:
    """The channel and message type of one kernel websocket frame (JSON text, or the v1 binary protocol: a count,
    offsets, then channel, header, parent header, metadata, content, buffers); for a status its state and for a
    comm message from the page its method and event."""
    try:
        if isinstance(payload, str):
            msg = json.loads(payload)
            channel, header, content = msg.get("channel"), msg.get("header") or {}, msg.get("content") or {}
        else:
            data = bytes(payload)
            count = int.from_bytes(data[0:8], "little")
            offsets = [int.from_bytes(data[8 * i:8 * i + 8], "little") for i in range(1, count + 1)] + [len(data)]
            part = lambda k: data[offsets[k]:offsets[k + 1]].decode("utf-8", "replace")  # noqa: E731
            channel, header = part(0), json.loads(part(1))
            kind = header.get("msg_type")
            content = json.loads(part(4)) if kind in ("status", "comm_msg") and offsets[5] - offsets[4] < 4000 else {}
        out = {"channel": channel, "type": header.get("msg_type")}
        if out["type"] == "status":
            out["state"] = content.get("execution_state")
        elif out["type"] == "comm_msg":
            data = content.get("data") or {}
            out["method"] = data.get("method")
            event = (data.get("content") or {}).get("event")
            if event:
                out["event"] = event
        return out
    except Exception as exc:  # noqa: BLE001 - a frame we cannot read is described as such
        return {"unreadable": type(exc).__name__}


class _PageWatch:
    """What happened on one page, in seconds from its request: console messages, page errors, the websockets
    (opened, closed, frames each way, the last frames) and the click."""

    KEEP = 25

    def __init__(self, page):
        self.began = time.monotonic()
        self.console: list[str] = []
        self.errors: list[str] = []
        self.sockets: list[dict] = []
        self.clicked_at: float | None = None
        page.on("console", lambda m: self._note(self.console, f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self._note(self.errors, str(e)))
        page.on("websocket", self._socket)

    def at(self) -> float:
        return round(time.monotonic() - self.began, 3)

    def _note(self, where: list, text: str) -> None:
        where.append(f"{self.at():8.3f} {text[:300]}")
        del where[:-self.KEEP]

    def _socket(self, ws) -> None:
        url = ws.url.split("?")[0]
        entry = {"url": url, "opened": self.at(), "closed": None, "error": None, "received": 0, "sent": 0,
                 "last_received": None, "received_after_click": 0, "sent_after_click": [], "last_frames": []}
        self.sockets.append(entry)
        kernel = "/channels" in url

        def frame(direction: str, payload) -> None:
            entry[direction] += 1
            now = self.at()
            if direction == "received":
                entry["last_received"] = now
            after = self.clicked_at is not None and now >= self.clicked_at
            if not kernel:
                return
            summary = _frame_summary(payload) if (direction == "sent" or after or entry["received"] < 5
                                                  or entry["received"] % 50 == 0) else None
            if after:
                if direction == "received":
                    entry["received_after_click"] += 1
                else:
                    entry["sent_after_click"].append({"at": now, **(summary or {})})
            if summary is not None:
                entry["last_frames"].append({"at": now, "dir": direction[0], **summary})
                del entry["last_frames"][:-self.KEEP]

        ws.on("framereceived", lambda payload: frame("received", payload))
        ws.on("framesent", lambda payload: frame("sent", payload))
        ws.on("socketerror", lambda error: entry.update(error=f"{self.at()}: {error}"))
        ws.on("close", lambda _ws: entry.update(closed=self.at()))


def _tail(path: Path, lines: int = 40, grep: str | None = None) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return [f"({exc})"]
    if grep:
        text = [line for line in text if grep in line]
    return [line[:400] for line in text[-lines:]]


def _diagnose(page, watch: _PageWatch, server, label: str, diagnostics: Path) -> dict:
    """Everything a failed load leaves: a screenshot, what the page shows, its console and errors, its websockets,
    whether its kernel still runs, and the tails of the server's and the kernels' logs (copied whole beside the
    screenshot)."""
    diagnostics.mkdir(parents=True, exist_ok=True)
    out: dict = {"at": watch.at(), "clicked_at": watch.clicked_at}
    shot = diagnostics / f"{label}.png"
    try:
        page.screenshot(path=str(shot), timeout=20_000)
        out["screenshot"] = str(shot)
    except Exception as exc:  # noqa: BLE001
        out["screenshot"] = f"failed: {exc}"[:200]
    try:
        out["page"] = page.evaluate(_PAGE_STATE)
    except Exception as exc:  # noqa: BLE001
        out["page"] = f"failed: {exc}"[:200]
    out["console"], out["page_errors"], out["websockets"] = watch.console, watch.errors, watch.sockets
    kernel_id = out["page"].get("kernel_id") if isinstance(out["page"], dict) else None
    if kernel_id:
        out["kernel_running"] = server.kernel_pid(kernel_id) is not None
        out["server_log_kernel"] = _tail(server.log_path, 20, grep=kernel_id)
    server._log.flush()
    out["server_log"] = _tail(server.log_path, 30)
    casekit_log = Path(server.options.extra_env["CASEKIT_LOG"])
    out["casekit_log"] = _tail(casekit_log, 20)
    for source in (server.log_path, casekit_log):
        if source.exists():
            shutil.copy(source, diagnostics / f"{label}-{source.name}")
    (diagnostics / f"{label}.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def one_load(browser, server, notebook: str, *, ready_timeout: float, step_timeout: float,
             diagnostics: Path | None = None, label: str = "load") -> dict:
    """Open the app, click "4 Assessment" as soon as it can be clicked, wait for the step. A load that is not
    ready or whose step never appears leaves its diagnostics (:func:`_diagnose`) in ``diagnostics``."""
    context = browser.new_context(viewport=common.VIEWPORT)
    try:
        page = context.new_page()
        watch = _PageWatch(page)
        began = watch.began
        page.goto(server.url(notebook), wait_until="commit", timeout=ready_timeout * 1000)
        try:
            page.wait_for_function(_READY, timeout=ready_timeout * 1000, polling=20)
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: counted, not raised
            got = {"ready": False, "shown": None, "ready_seconds": None, "step_seconds": None}
            if diagnostics is not None:
                got["diagnostics"] = _diagnose(page, watch, server, f"{label}-not-ready", diagnostics)
            return got
        ready = time.monotonic()
        watch.clicked_at = watch.at()
        page.locator(".casekit-step-button-assessment").first.click()
        clicked = time.monotonic()
        try:
            page.locator(".casekit-step-assessment").first.wait_for(state="visible", timeout=step_timeout * 1000)
            shown = True
        except Exception:  # noqa: BLE001 - the step never appeared
            shown = False
        got = {"ready": True, "shown": shown, "ready_seconds": round(ready - began, 3),
               "step_seconds": round(time.monotonic() - clicked, 3) if shown else None}
        if not shown and diagnostics is not None:
            got["diagnostics"] = _diagnose(page, watch, server, f"{label}-missing", diagnostics)
        return got
    finally:
        context.close()


def _schedule(subjects: dict[str, tuple[int, int]], per_server: int) -> list[tuple[str, str, int]]:
    """Servers as (subject, configuration, loads): every subject's and configuration's servers interleaved evenly
    over the run, so that each sees the same load over time."""
    queues = []
    for subject, (fixed, baseline) in subjects.items():
        for config, total in (("fixed", fixed), ("baseline", baseline)):
            chunks = [min(per_server, total - i) for i in range(0, total, per_server)]
            queues += [((k + 0.5) / len(chunks), subject, config, n) for k, n in enumerate(chunks)]
    return [(subject, config, n) for _, subject, config, n in sorted(queues, key=lambda q: q[0])]


def _notebooks(folder: Path) -> None:
    import nbformat

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "apps" / "conference.ipynb", folder / "conference.ipynb")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(BURST_SOURCE)]
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, str(folder / "burst.ipynb"))


def _summary(values: list[float]) -> dict | None:
    return common.summary(values) if values else None


def soak(*, subjects: dict[str, tuple[int, int]], per_server: int, hog: int, workdir: Path, demo_db: str,
         ready_timeout: float = 120, step_timeout: float = 90, log=log, diagnostics: Path | None = None) -> dict:
    """Run the loads of every subject ({"conference"|"burst": (fixed loads, baseline loads)}); one entry per subject
    and configuration with its counts and timings. A failed load leaves its diagnostics in ``diagnostics``
    (default: ``workdir/soak-diagnostics``) and in its entry of ``runs``."""
    from playwright.sync_api import sync_playwright

    from casekit.server import zmq_limits

    apps = workdir / "soak-apps"
    diagnostics = diagnostics or workdir / "soak-diagnostics"
    _notebooks(apps)
    plan = _schedule(subjects, per_server)
    runs: dict[tuple[str, str], list[dict]] = {(s, c): [] for s, _c, _n in plan for c in ("fixed", "baseline")}
    load_average = {"start": common.load_average()}
    began = time.monotonic()
    total = sum(f + b for f, b in subjects.values())
    hogs = Hog(hog, seconds=total * 120 + 600)
    try:
        with sync_playwright() as p:
            browser = common.launch_browser(p)
            try:
                for number, (subject, config, count) in enumerate(plan):
                    notebook = f"{subject}.ipynb"
                    env = {"CASEKIT_CASE": DEMO_CASE, **(BASELINE_ENV if config == "baseline" else {})}
                    server = common.Voila(apps, workdir, db=demo_db, env=env, name=f"soak-{number}-{subject}-{config}")
                    try:
                        server.wait_up()
                        server.wait_filled(notebook, 1, timeout=300)
                        server.wait_quiet(timeout=300)
                        for _ in range(count):
                            fills = server.fills(notebook)
                            label = f"{subject}-{config}-{len(runs[(subject, config)]) + 1:03d}"
                            got = one_load(browser, server, notebook, ready_timeout=ready_timeout,
                                           step_timeout=step_timeout, diagnostics=diagnostics, label=label)
                            got["load_average"] = (common.load_average() or [None])[0]
                            runs[(subject, config)].append(got)
                            state = "not ready" if not got["ready"] else "shown" if got["shown"] else "MISSING"
                            log(f"    {subject:<10} {config:<8} {len(runs[(subject, config)]):>3}: {state}"
                                + (f" (ready {got['ready_seconds']:.1f} s, step {got['step_seconds']:.1f} s)"
                                   if got["shown"] else "")
                                + (f": {_excerpt(got['diagnostics'])}" if "diagnostics" in got else ""))
                            server.wait_filled(notebook, fills + 1, timeout=300)
                            server.wait_quiet(timeout=300)
                    finally:
                        server.stop()
            finally:
                browser.close()
    finally:
        hogs.stop()
    load_average["end"] = common.load_average()
    out: dict[str, dict] = {}
    for (subject, config), got in runs.items():
        if not got:
            continue
        ready = [r for r in got if r["ready"]]
        out.setdefault(subject, {})[config] = {
            "kernel_iopub_hwm": int(BASELINE_ENV[zmq_limits.ENV]) if config == "baseline" else zmq_limits.iopub_hwm(),
            "env": BASELINE_ENV if config == "baseline" else {},
            "loads": len(got), "ready": len(ready), "not_ready": len(got) - len(ready),
            "missing_steps": sum(1 for r in ready if r["shown"] is False),
            "ready_seconds": _summary([r["ready_seconds"] for r in ready]),
            "step_seconds": _summary([r["step_seconds"] for r in ready if r["shown"]]),
            "runs": got,
        }
    met = all(entry["fixed"]["missing_steps"] == 0 and entry["fixed"]["ready"] > 0
              for entry in out.values() if "fixed" in entry)
    kept = diagnostics.exists() and any(diagnostics.iterdir())
    return {"subjects": out, "diagnostics": str(diagnostics) if kept else None,
            "sizes": {k: {"fixed": f, "baseline": b} for k, (f, b) in subjects.items()},
            "hog_processes": hog, "load_average": load_average, "per_server": per_server,
            "ready_timeout_seconds": ready_timeout, "step_timeout_seconds": step_timeout,
            "elapsed_seconds": round(time.monotonic() - began, 1),
            "target": "0 missing steps in every fixed configuration", "met": met}


def _excerpt(found: dict) -> str:
    """One line on a failed load: what the page shows, its kernel, its kernel websocket, the screenshot."""
    page = found.get("page") if isinstance(found.get("page"), dict) else {}
    sockets = [s for s in found.get("websockets", []) if "/channels" in s["url"]]
    socket = (f"kernel websocket opened {sockets[-1]['opened']} s, closed {sockets[-1]['closed']}, "
              f"{sockets[-1]['received']} frames in ({sockets[-1]['received_after_click']} after the click), "
              f"{len(sockets[-1]['sent_after_click'])} out after the click" if sockets else "no kernel websocket")
    lost = page.get("connection_lost")
    return (f"heading {page.get('heading')!r}, shown {page.get('steps_shown')}, saved {page.get('saved')!r}, "
            f"message {page.get('message')!r}" + (f", CONNECTION LOST ({lost.get('reason')})" if lost else "")
            + f"; kernel running {found.get('kernel_running')}; {socket}; {len(found.get('page_errors', []))} page "
            f"errors; {found.get('screenshot')}")


def describe(result: dict) -> str:
    lines = []
    for subject, configs in result["subjects"].items():
        for config, got in configs.items():
            step = got["step_seconds"]
            lines.append(f"{subject:<10} {config:<8} (iopub HWM {got['kernel_iopub_hwm']:>6}): {got['missing_steps']} "
                         f"missing steps in {got['ready']} loads ({got['not_ready']} not ready)"
                         + (f"; step shown after {step['median']:.1f} s median ({step['min']:.1f}–{step['max']:.1f})"
                            if step else ""))
    lines.append(f"target: {result['target']} — {'met' if result['met'] else 'NOT met'}; "
                 f"load average {result['load_average']['start']} → {result['load_average']['end']}, "
                 f"{result['hog_processes']} hog processes, {result['elapsed_seconds']:.0f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="conference 20 loads, burst 10 + 10 (CI)")
    parser.add_argument("--conference", type=int, nargs=2, metavar=("FIXED", "BASELINE"), default=None,
                        help="loads of the conference app, fixed and baseline")
    parser.add_argument("--burst", type=int, nargs=2, metavar=("FIXED", "BASELINE"), default=None,
                        help="loads of the synthetic burst, fixed and baseline")
    parser.add_argument("--per-server", type=int, default=PER_SERVER, help="loads per Voilà server")
    parser.add_argument("--hog", type=int, default=(os.cpu_count() or 1) + 1, help="busy processes (load)")
    parser.add_argument("--ready-timeout", type=float, default=120, help="seconds for a page to become ready")
    parser.add_argument("--step-timeout", type=float, default=90, help="seconds for the step after the click")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    subjects = dict(QUICK if args.quick else FULL)
    for key in ("conference", "burst"):
        if getattr(args, key) is not None:
            subjects[key] = tuple(getattr(args, key))
    subjects = {k: v for k, v in subjects.items() if sum(v) > 0}
    output = args.output or ROOT / "benchmarks" / ("results_soak_quick.json" if args.quick else "results_soak.json")
    command = shlex.join([common.interpreter(), "benchmarks/bench_soak.py", *(argv if argv is not None
                                                                               else sys.argv[1:])])
    if not os.path.exists(common.CHROMIUM):
        log(f"skipped: {common.CHROMIUM} is missing (Debian: apt-get install chromium)")
        return 1
    described = common.machine(command)
    workdir = Path(tempfile.mkdtemp(prefix="casekit-soak-"))
    diagnostics = Path(tempfile.mkdtemp(prefix="casekit-soak-diagnostics-"))  # kept when a load failed
    try:
        from casekit.cli import build_demo_store

        build_demo_store(workdir / "demo.sqlite", "en").close()
        result = soak(subjects=subjects, per_server=args.per_server, hog=args.hog, workdir=workdir,
                      demo_db=f"sqlite:///{workdir / 'demo.sqlite'}", diagnostics=diagnostics,
                      ready_timeout=args.ready_timeout, step_timeout=args.step_timeout)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if diagnostics.exists() and not any(diagnostics.iterdir()):
            diagnostics.rmdir()
    result = {"benchmark": "casekit: soak — page loads with an immediate step click on a loaded machine",
              "quick": args.quick, "command": command, "machine": described, **result}
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log()
    log(describe(result))
    if result.get("diagnostics"):
        log(f"failed loads: screenshots, page state, websockets and logs in {result['diagnostics']}")
    log(f"written: {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
