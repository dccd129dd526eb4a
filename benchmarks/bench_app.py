"""The conference app in headless Chromium against a bare Voilà notebook served under the same flags.

The bare notebook (``common.BARE_SOURCE``): one ``IntSlider`` and a ``Label`` that a Python observer sets to the
slider's value. Both notebooks sit in one temporary folder (``CASEKIT_APPS``; ``conference.ipynb`` is a verbatim
copy of ``apps/conference.ipynb``), so one Voilà process serves both with exactly the same flags.

All times are taken inside the page, so the latency between Python and the browser does not count:

- first step interactive (:func:`first_step`): from the navigation start of the page request
  (``performance.now()`` counts from it) to the first animation frame in which the app's step heading is
  visible with text and a step button is clickable (visible, enabled, and the element at its centre is the
  button itself: no overlay), resp. the bare slider's handle is clickable. A fresh browser context (no cache)
  per request. Warm: a preheated pool of one kernel per notebook, full (after each request we wait until Voilà
  logs the refill and the server and all its kernels are idle again). Cold: no preheated pool
  (``pool_size=0``: each request starts its kernel; we wait for idleness between requests).
- a round trip (:func:`round_trip`): from the input event (``pointerdown`` on a status button of the housing row
  of the console's Assessment grid / ``keydown`` ArrowRight on the slider's handle) to the first animation frame
  after the DOM shows the result: a higher ``data-saves`` counter of the saved indicator (the rating validated
  and committed) / the Label's new text. The console draws no star (the room view does).
- a step change (:func:`step_change`): from the click on "4 Assessment" (the case open on Opening) until the
  grid's last row is shown and the kernel's websocket has been quiet for 300 ms: the time and the number of
  kernel messages the page received (a step must stay far below ZeroMQ's 1,000-message high-water mark).
- the room's follow latency (:func:`room_follow`): a console page and a room page; from the click on a step
  button in the console until the room's heading names that step.
- the memory of one kernel (:func:`kernel_memory`): ``VmRSS`` of the page's kernel process (found by the
  ``kernelId`` of the page) once the page has been used (app: the case opened by ``CASEKIT_CASE``, then the
  Plan and Review steps shown) and Voilà is idle.
"""
from __future__ import annotations

import json
import time

from common import kernel_id_of, memory_of

COLD_MS = 180_000

_PROBE = """
(() => {
  const spec = %s;
  const t = window.__bench = {ready: null, marks: {}};
  const visible = el => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const clickable = el => {
    if (!visible(el) || el.disabled) return false;
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  };
  const ok = ([sel, kind]) => {
    const el = document.querySelector(sel);
    return kind === 'clickable' ? clickable(el) : visible(el) && el.textContent.trim().length > 0;
  };
  const check = () => {
    const now = performance.now();
    for (const [name, sel] of Object.entries(spec.marks))
      if (!(name in t.marks) && document.querySelector(sel)) t.marks[name] = now;
    if (document.body && spec.ready.every(ok)) { t.ready = now; return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""

_NAVIGATION = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {response_start: n.responseStart, response_end: n.responseEnd,
          dom_content_loaded: n.domContentLoadedEventEnd, load: n.loadEventEnd};
}"""

_ARM = """(spec) => {
  const q = sel => document.querySelector(sel);
  const rt = window.__rt = {start: null, dom: null, end: null};
  const before = {saves: Number((q('.casekit-saved [data-saves]') || {dataset: {saves: 0}}).dataset.saves),
                  text: q('.bench-label') ? q('.bench-label').textContent : null};
  document.addEventListener(spec.event, e => { if (rt.start === null) rt.start = e.timeStamp; },
                            {capture: true, once: true});
  const done = () => {
    if (spec.kind === 'bare') return q('.bench-label').textContent !== before.text;
    const saved = q('.casekit-saved .casekit-saved-saved[data-saves]');
    return !!saved && Number(saved.dataset.saves) > before.saves;
  };
  const observer = new MutationObserver(() => {
    if (rt.start === null || rt.dom !== null || !done()) return;
    observer.disconnect();
    rt.dom = performance.now();
    requestAnimationFrame(() => { rt.end = performance.now(); });
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
}"""


class Side:
    """One notebook and what "interactive" means on its page."""

    def __init__(self, name: str, notebook: str, ready: list[tuple[str, str]], marks: dict[str, str]):
        self.name, self.notebook, self.ready, self.marks = name, notebook, ready, marks


BARE = Side("bare", "bare.ipynb", [(".bench-slider .noUi-handle", "clickable")], {"widgets": ".bench-slider"})
APP = Side("app", "conference.ipynb", [(".casekit-step-heading", "visible"), (".casekit-step-button-start", "clickable")],
           {"widgets": ".casekit-app"})
#: the app opened at a case (``CASEKIT_CASE``): the first step is Opening and every step button is enabled
APP_CASE = Side("app", "conference.ipynb",
                [(".casekit-step-heading", "visible"), (".casekit-step-button-plan", "clickable")],
                {"widgets": ".casekit-app"})


def open_page(browser, server, side: Side):
    """A fresh context and page, navigated to ``side``; returns (context, page, timings in seconds)."""
    from common import VIEWPORT

    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(_PROBE % json.dumps({"ready": side.ready, "marks": side.marks}))
    page = context.new_page()
    page.goto(server.url(side.notebook), wait_until="commit", timeout=COLD_MS)
    page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=COLD_MS, polling=50)
    probe = page.evaluate("() => window.__bench")
    nav = page.evaluate(_NAVIGATION)
    timings = {"interactive": probe["ready"] / 1000,
               **{f"{name}_first_seen": value / 1000 for name, value in probe["marks"].items()},
               **{key: (value / 1000 if value else None) for key, value in nav.items()}}
    return context, page, timings


def first_step(browser, server, sides: list[Side], repeat: int, warmup: int = 1, log=print) -> dict:
    """Page request → first step interactive, ``sides`` alternating; one list of timing dicts per side."""
    found = {side.name: [] for side in sides}
    settle = []
    for n in range(warmup + repeat):
        for side in (sides if n % 2 == 0 else list(reversed(sides))):
            fills = server.fills(side.notebook)
            context, _page, timings = open_page(browser, server, side)
            context.close()
            settle.append(server.settle(side.notebook, fills))
            if n >= warmup:
                found[side.name].append(timings)
            log(f"    {side.name:<5} {'warm-up' if n < warmup else f'run {n - warmup + 1}'}: "
                f"{timings['interactive']:.3f} s")
    return {"runs": found, "settle_seconds": settle}


def go(page, key: str, timeout: int = COLD_MS) -> float:
    """Click the step button ``key``; seconds until the step is shown (as tests/e2e/driver.py waits)."""
    start = time.perf_counter()
    page.locator(f".casekit-step-button-{key}").first.click()
    page.locator(f".casekit-step-{key}").first.wait_for(state="visible", timeout=timeout)
    page.locator(f".casekit-step-button-{key}.casekit-current").first.wait_for(timeout=timeout)
    return time.perf_counter() - start


def _one_trip(page, kind: str, act) -> dict:
    page.evaluate(_ARM, {"kind": kind, "event": "keydown" if kind == "bare" else "pointerdown"})
    act()
    page.wait_for_function("() => window.__rt.end !== null", timeout=60_000, polling=20)
    rt = page.evaluate("() => window.__rt")
    return {"shown": (rt["end"] - rt["start"]) / 1000, "dom": (rt["dom"] - rt["start"]) / 1000}


STATUS_BUTTONS = ".casekit-step-assessment .casekit-grid-status-housing"


def round_trip(browser, server, repeat: int, warmup: int = 2, *, app_side: Side = APP_CASE, log=print) -> dict:
    """Rating change → "saved" shown, against slider → Label, alternating."""
    opened = {}
    for side in (BARE, app_side):
        fills = server.fills(side.notebook)
        context, page, _timings = open_page(browser, server, side)
        opened[side.name] = (context, page)
        server.settle(side.notebook, fills)
    _context, app = opened["app"]
    step_seconds = go(app, "assessment")
    app.locator(f"{STATUS_BUTTONS} button").first.wait_for(timeout=COLD_MS)
    server.wait_quiet()
    first_item = app.locator(STATUS_BUTTONS).first.locator("button")
    handle = opened["bare"][1].locator(".bench-slider .noUi-handle").first
    found = {"app": [], "bare": []}

    def other_status():
        """Met need or unmet need, whichever is not chosen now (so that every click changes the rating)."""
        active = first_item.evaluate_all("els => els.map(e => e.classList.contains('mod-active'))")
        return first_item.nth(2 if active[1] else 1)

    for n in range(warmup + repeat):
        app_trip = lambda: _one_trip(app, "app", other_status().click)
        bare_trip = lambda: _one_trip(opened["bare"][1], "bare", lambda: handle.press("ArrowRight"))
        for name, trip in ((("app", app_trip), ("bare", bare_trip)) if n % 2 == 0
                           else (("bare", bare_trip), ("app", app_trip))):
            result = trip()
            time.sleep(0.25)
            if n >= warmup:
                found[name].append(result)
        if n >= warmup:
            log(f"    run {n - warmup + 1}: app {found['app'][-1]['shown'] * 1000:.0f} ms, "
                f"bare {found['bare'][-1]['shown'] * 1000:.0f} ms")
    for context, _page in opened.values():
        context.close()
    return {"runs": found, "assessment_step_seconds": step_seconds}


def kernel_memory(browser, server, side: Side, steps: tuple[str, ...] = ()) -> dict:
    """Open ``side`` in a fresh page, show ``steps``, wait until idle; the page kernel's memory in MiB."""
    fills = server.fills(side.notebook)
    context, page, timings = open_page(browser, server, side)
    shown = {key: go(page, key) for key in steps}
    server.settle(side.notebook, fills)
    kernel = kernel_id_of(page)
    pid = server.kernel_pid(kernel)
    if pid is None:
        context.close()
        raise RuntimeError(f"no process for kernel {kernel}")
    memory = memory_of(pid)
    context.close()
    return {"rss_mib": memory["VmRSS"], "peak_mib": memory["VmHWM"], "interactive": timings["interactive"],
            "steps_seconds": shown}


def memory(browser, server, app_side: Side, steps: tuple[str, ...], repeat: int, log=print) -> dict:
    found = {"app": [], "bare": []}
    for n in range(repeat):
        for name in (("app", "bare") if n % 2 == 0 else ("bare", "app")):
            result = (kernel_memory(browser, server, app_side, steps) if name == "app"
                      else kernel_memory(browser, server, BARE))
            found[name].append(result)
        log(f"    run {n + 1}: app kernel {found['app'][-1]['rss_mib']:.0f} MiB "
            f"(Plan {found['app'][-1]['steps_seconds'].get('plan', 0):.2f} s, "
            f"Review {found['app'][-1]['steps_seconds'].get('review', 0):.2f} s), "
            f"bare kernel {found['bare'][-1]['rss_mib']:.0f} MiB")
    return {"runs": found}


# -- the redesign's measures (issue 12) -------------------------------------------------------------------------
_COUNT = """
(() => {
  const Native = window.WebSocket;
  window.__kernelMessages = 0;
  window.__lastMessage = performance.now();
  function Counted(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (/\\/api\\/kernels\\/[^/]+\\/channels/.test(String(url))) {
      ws.addEventListener('message', () => { window.__kernelMessages++; window.__lastMessage = performance.now(); });
    }
    return ws;
  }
  Counted.prototype = Native.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(k => { Counted[k] = Native[k]; });
  window.WebSocket = Counted;
})();
"""


def step_change(browser, server, repeat: int, *, side: Side = APP_CASE, key: str = "assessment",
                back: str = "opening", log=print) -> dict:
    """``repeat`` fresh pages; in each, click step ``key`` (from ``back``) twice: the first click builds the step
    (what a meeting does once per step), the second shows it again. Each: seconds until its last grid row is
    shown and the kernel's websocket was quiet for 300 ms, and the kernel messages received meanwhile."""
    from common import VIEWPORT

    found = {"first": [], "again": []}
    for n in range(repeat):
        fills = server.fills(side.notebook)
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(_COUNT)
        context.add_init_script(_PROBE % json.dumps({"ready": side.ready, "marks": side.marks}))
        page = context.new_page()
        page.goto(server.url(side.notebook), wait_until="commit", timeout=COLD_MS)
        page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=COLD_MS,
                               polling=50)
        for kind in ("first", "again"):
            go(page, back)
            server.wait_quiet()
            before = page.evaluate("() => window.__kernelMessages")
            start = time.perf_counter()
            go(page, key)
            page.locator(".casekit-grid-row-care_for_others").first.wait_for(timeout=COLD_MS)
            shown = time.perf_counter() - start
            page.wait_for_function("() => performance.now() - window.__lastMessage > 300", timeout=COLD_MS,
                                   polling=50)
            messages = page.evaluate("() => window.__kernelMessages") - before
            found[kind].append({"shown": shown, "messages": messages})
            log(f"    page {n + 1}, {kind}: {key} shown in {shown:.3f} s, {messages} kernel messages")
        context.close()
        server.settle(side.notebook, fills)
    return found


def room_follow(browser, server, repeat: int, *, side: Side = APP_CASE, log=print) -> dict:
    """A console and a room page: click a step in the console; seconds until the room's heading names it."""
    from common import VIEWPORT

    console = browser.new_context(viewport=VIEWPORT)
    console.add_init_script(_PROBE % json.dumps({"ready": side.ready, "marks": side.marks}))
    page = console.new_page()
    page.goto(server.url(side.notebook), wait_until="commit", timeout=COLD_MS)
    page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=COLD_MS, polling=50)
    room_context = browser.new_context(viewport=VIEWPORT)
    room = room_context.new_page()
    room.goto(server.url("room.ipynb"), wait_until="commit", timeout=COLD_MS)
    room.locator(".room-screen").first.wait_for(timeout=COLD_MS)
    steps = ("story", "opening")
    found = []
    for n in range(repeat + 1):
        key = steps[n % 2]
        number = ("start", "opening", "story").index(key) + 1
        server.wait_quiet()
        start = time.perf_counter()
        page.locator(f".casekit-step-button-{key}").first.click()
        room.locator(".casekit-step-title", has_text=f"{number} / 8").first.wait_for(timeout=COLD_MS)
        seconds = time.perf_counter() - start
        if n:
            found.append(seconds)
            log(f"    run {n}: the room showed {key} after {seconds * 1000:.0f} ms")
    console.close()
    room_context.close()
    return {"runs": found}
