"""The agenda timer: time boxes per agenda item, start / pause / next.

No thread: the elapsed time is computed from timestamps (``clock``, ``time.monotonic`` by default), so tests
set a fake clock and call ``render()``. The display refreshes itself once a second only while the timer runs
and an asyncio loop is running (a kernel); the state lives on the app, so it survives a rebuilt view.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Callable

import ipywidgets as widgets

from ..common import esc, log
from .i18n import t


@dataclass
class TimerState:
    clock: Callable[[], float] = field(default=time.monotonic)
    index: int = 0
    running: bool = False
    started_at: float = 0.0
    before: float = 0.0

    def elapsed(self) -> float:
        return self.before + (self.clock() - self.started_at if self.running else 0.0)

    def start(self) -> None:
        if not self.running:
            self.started_at, self.running = self.clock(), True

    def pause(self) -> None:
        if self.running:
            self.before, self.running = self.elapsed(), False

    def next(self, count: int) -> None:
        self.index = min(self.index + 1, max(count - 1, 0))
        self.before, self.started_at = 0.0, self.clock()


def _mmss(seconds: float) -> str:
    sign = "−" if seconds < 0 else ""
    seconds = int(abs(seconds))
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class AgendaTimer(widgets.VBox):
    """Shows the current agenda item, its time box and the time left; handles ``start_button``,
    ``pause_button``, ``next_button``, ``display``."""

    def __init__(self, state: TimerState, items: Callable[[], list], lang: str,
                 safe: Callable[[Callable], Callable]):
        super().__init__()
        self.state, self.items, self.lang = state, items, lang
        self.display = widgets.HTML()
        self.display.add_class("casekit-timer")
        self.start_button = widgets.Button(description=t("conf.timer_start", lang))
        self.pause_button = widgets.Button(description=t("conf.timer_pause", lang))
        self.next_button = widgets.Button(description=t("conf.timer_next", lang))
        for button, css in ((self.start_button, "casekit-timer-start"), (self.pause_button, "casekit-timer-pause"),
                            (self.next_button, "casekit-timer-next")):
            button.add_class("casekit-button")
            button.add_class(css)
        self.start_button.on_click(safe(lambda _b: self.start()))
        self.pause_button.on_click(safe(lambda _b: self.pause()))
        self.next_button.on_click(safe(lambda _b: self.next()))
        self._handle = None
        self.add_class("casekit-timer-box")
        self.children = [self.display, widgets.HBox([self.start_button, self.pause_button, self.next_button])]
        self.render()
        if self.state.running:
            self._schedule()

    def start(self) -> None:
        if not self.items():
            return
        self.state.start()
        self.render()
        self._schedule()

    def pause(self) -> None:
        self.state.pause()
        self.render()

    def next(self) -> None:
        self.state.next(len(self.items()))
        self.render()

    def render(self) -> None:
        items = self.items()
        if not items:
            self.display.value = f"<div class='casekit-timer'>{esc(t('conf.timer_no_agenda', self.lang))}</div>"
            return
        self.state.index = min(self.state.index, len(items) - 1)
        item = items[self.state.index]
        elapsed = self.state.elapsed()
        left = item.minutes * 60 - elapsed
        over = " casekit-timer-over" if left < 0 else ""
        status = t("conf.timer_running" if self.state.running else "conf.timer_paused", self.lang)
        self.display.value = (
            f"<div class='casekit-timer{over}'>"
            f"{esc(t('conf.timer_item', self.lang, number=self.state.index + 1, count=len(items)))}: "
            f"<b>{esc(item.title)}</b> · {_mmss(elapsed)} / {item.minutes:02d}:00 · "
            f"{esc(t('conf.timer_left', self.lang, time=_mmss(left)))} · {esc(status)}</div>")

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no kernel loop (tests): render() on demand only
        if self._handle is None:
            self._handle = loop.call_later(1.0, self._tick)

    def _tick(self) -> None:
        self._handle = None
        try:
            self.render()
        except Exception:  # noqa: BLE001 - a timer callback must never raise
            log.exception("timer tick failed")
            return
        if self.state.running and self.display.comm is not None:
            self._schedule()
