"""A small driver for the conference app in a real browser: find widgets by casekit's CSS classes."""
from __future__ import annotations

import re
import time
from pathlib import Path

COLD = 90_000  # ms: a cold kernel, the first chart in a process


class ConferenceDriver:
    def __init__(self, page, shots: Path | None = None, prefix: str = ""):
        self.page = page
        self.shots = shots
        self.prefix = prefix
        self.steps_seen: list[str] = []

    # -- navigation ------------------------------------------------------------------------------------
    def wait_ready(self) -> None:
        self.page.locator(".casekit-app").first.wait_for(timeout=COLD)
        self.page.locator(".casekit-step-heading").first.wait_for(timeout=COLD)

    def go(self, key: str) -> None:
        self.page.locator(f".casekit-step-button-{key}").first.click()
        self.page.locator(f".casekit-step-{key}").first.wait_for(state="visible", timeout=COLD)
        self.page.locator(f".casekit-step-button-{key}.casekit-current").first.wait_for(timeout=COLD)
        self.steps_seen.append(key)

    def shot(self, name: str) -> None:
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            time.sleep(0.4)  # let the last frame paint
            self.page.screenshot(path=str(self.shots / f"{self.prefix}{name}.png"))

    # -- fields ----------------------------------------------------------------------------------------
    def field(self, css: str, tag: str = "input"):
        return self.page.locator(f".{css} {tag}").first

    def fill(self, css: str, value: str, tag: str = "input", *, saves: bool = True) -> None:
        before = self.saves()
        box = self.field(css, tag)
        box.fill(value)
        box.press("Tab")  # leave the field as a person would
        if saves:
            self.wait_saved(after=before)

    def click(self, css: str, *, saves: bool = False) -> None:
        before = self.saves()
        self.page.locator(f".{css}").first.click()
        if saves:
            self.wait_saved(after=before)

    def saves(self) -> int:
        """How many saves the indicator has shown (its ``data-saves``)."""
        return int(self.page.evaluate(
            "() => { const s = document.querySelector('.casekit-saved [data-saves]');"
            " return s ? s.dataset.saves : 0; }") or 0)

    def click_text(self, text: str) -> None:
        self.page.get_by_role("button", name=text, exact=True).first.click()

    def wait_saved(self, after: int | None = None, timeout: int = 30_000) -> None:
        """The saved indicator says "Saved hh:mm:ss" for a save newer than ``after`` (nothing pending)."""
        self.page.wait_for_function(
            "(after) => { const s = document.querySelector('.casekit-saved .casekit-saved-saved');"
            " return !!s && (after === null || Number(s.dataset.saves) > after); }",
            arg=after, timeout=timeout,
        )

    def saved_text(self) -> str:
        return self.page.locator(".casekit-saved").first.inner_text()

    def body(self) -> str:
        return self.page.inner_text("body")

    def value_of(self, css: str, tag: str = "input") -> str:
        return self.field(css, tag).input_value()

    def select(self, css: str, label_pattern: str) -> None:
        select = self.page.locator(f".{css} select").first
        options = select.locator("option").all_inner_texts()
        match = next(o for o in options if re.search(label_pattern, o))
        select.select_option(label=match)
