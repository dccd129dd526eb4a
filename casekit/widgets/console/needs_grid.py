"""The Assessment grid: one row per life domain, the status and the severity of one perspective's view in it.

A row is three widgets — the domain's name (with its help when help is on), four status buttons (○ no need,
◐ met, ● unmet, ? not known; the words are in a legend and in each button's tooltip) and five severity buttons
(asked for a met or unmet need only) — so the 18 domains cost 54 widgets and the whole step about 70, where the
instrument form of the old app cost ~930. The rows share one Layout and one Style per kind of widget (each widget
otherwise brings two models of its own), so a step change sends a few hundred messages, not a thousand.

The grid only shows and reports: ``on_change(domain, status, severity)`` saves (or refuses, and then the grid is
set back with :meth:`show`). Values are checked in Python — a status outside 0/1/2/9, a severity outside 1–5 or
for a domain without a need is refused whatever the browser sends.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from ...i18n import gettext
from ...vocab import LifeDomain
from ..common import GuardedToggleButtons, esc
from ..lean import html_style

STATUS_VALUES = (0, 1, 2, 9)
STATUS_SIGNS = {0: "○", 1: "◐", 2: "●", 9: "?"}
SEVERITIES = (1, 2, 3, 4, 5)
#: statuses that ask for a severity
NEEDS_SEVERITY = (1, 2)


class NeedsGrid(widgets.VBox):
    """Rows of (domain, status, severity) for one rater; ``on_change(domain, status, severity) -> bool``."""

    def __init__(self, instrument, lang: str, on_change: Callable[[str, int | None, int | None], bool],
                 on_refused: Callable[[], None] | None = None):
        super().__init__()
        self.instrument = instrument
        self.lang = lang
        self.on_change = on_change
        self.on_refused = on_refused
        self.help_on = False
        self._syncing = False
        self.add_class("casekit-needs-grid")
        shared = {
            "label": widgets.Layout(flex="1 1 11em", min_width="0"),
            "status": widgets.Layout(flex="0 0 auto"),
            "severity": widgets.Layout(flex="0 0 auto"),
            "row": widgets.Layout(),
        }
        style = widgets.ToggleButtonsStyle(button_width="auto")
        self.rows: dict[str, tuple[widgets.HTML, GuardedToggleButtons, GuardedToggleButtons]] = {}
        children = []
        for domain in LifeDomain:
            label = widgets.HTML(layout=shared["label"], style=html_style())
            label.add_class("casekit-grid-domain")
            status = GuardedToggleButtons(options=self._status_options(), value=None, layout=shared["status"],
                                          style=style)
            status.add_class("casekit-grid-status")
            status.add_class(f"casekit-grid-status-{domain.value}")
            severity = GuardedToggleButtons(options=[(str(s), s) for s in SEVERITIES], value=None,
                                            layout=shared["severity"], style=style, disabled=True)
            severity.add_class("casekit-grid-severity")
            severity.add_class(f"casekit-grid-severity-{domain.value}")
            for toggle in (status, severity):
                toggle.on_refused = lambda _value: self._refused()
            status.observe(lambda change, d=domain.value: self._changed(d, "status", change["new"]), names="value")
            severity.observe(lambda change, d=domain.value: self._changed(d, "severity", change["new"]), names="value")
            row = widgets.HBox([label, status, severity], layout=shared["row"])
            row.add_class("casekit-grid-row")
            row.add_class(f"casekit-grid-row-{domain.value}")
            self.rows[domain.value] = (label, status, severity)
            children.append(row)
        self.legend = widgets.HTML()
        self.legend.add_class("casekit-grid-legend")
        self.children = [self.legend, *children]
        self.relabel(lang)

    # -- labels ------------------------------------------------------------------------------------------------
    def _status_options(self) -> list[tuple[str, int]]:
        return [(STATUS_SIGNS[v], v) for v in STATUS_VALUES]

    def _levels(self, scale: str) -> dict[int, str]:
        return {level.value: level.label.get(self.lang) for level in self.instrument.scales[scale]}

    def relabel(self, lang: str, differ: set[str] | None = None) -> None:
        """Texts in ``lang``; ``differ``: domains where the perspectives' views differ (marked ⚠)."""
        self.lang = lang
        statuses, severities = self._levels("need_status"), self._levels("severity")
        items = {item.id: item for item in self.instrument.items()}
        differ = differ or set()
        for domain, (label, status, severity) in self.rows.items():
            title = LifeDomain(domain).label(lang)
            item = items.get(f"{domain}_status")
            help_text = item.help.get(lang) if item is not None and item.help is not None else ""
            flag = (f" <span class='casekit-grid-flag' title='{esc(gettext('room.views_differ', lang))}'>⚠</span>"
                    if domain in differ else "")
            body = f"<span class='casekit-grid-help'>{esc(help_text)}</span>" if self.help_on and help_text else ""
            value = f"<b>{esc(title)}</b>{flag}{body}"
            if label.value != value:
                label.value = value
            tooltips = [statuses[v] for v in STATUS_VALUES]
            if list(status.tooltips or []) != tooltips:
                status.tooltips = tooltips
            severity_tips = [f"{s} {severities[s]}" for s in SEVERITIES]
            if list(severity.tooltips or []) != severity_tips:
                severity.tooltips = severity_tips
        legend = " · ".join(f"{STATUS_SIGNS[v]} {esc(statuses[v])}" for v in STATUS_VALUES)
        scale = f"{esc(gettext('console.severity', lang))}: 1 {esc(severities[1])} … 5 {esc(severities[5])}"
        self.legend.value = f"<span>{legend}</span><span class='casekit-muted'> · {scale}</span>"

    def set_help(self, on: bool, differ: set[str] | None = None) -> None:
        self.help_on = bool(on)
        self.relabel(self.lang, differ)

    # -- values ------------------------------------------------------------------------------------------------
    def show(self, answers: dict) -> None:
        """Show a rater's answers (``{"housing_status": 2, "housing_severity": 4, …}``), without reporting."""
        self._syncing = True
        try:
            for domain, (_label, status, severity) in self.rows.items():
                value = answers.get(f"{domain}_status")
                value = int(value) if value is not None and int(value) in STATUS_VALUES else None
                level = answers.get(f"{domain}_severity")
                level = int(level) if level is not None and int(level) in SEVERITIES else None
                with status.hold_sync(), severity.hold_sync():
                    if status.value != value:
                        status.value = value
                    asks = value in NEEDS_SEVERITY
                    shown = level if asks else None
                    if severity.value != shown:
                        severity.value = shown
                    if severity.disabled == asks:
                        severity.disabled = not asks
        finally:
            self._syncing = False

    def value_of(self, domain: str) -> tuple[int | None, int | None]:
        _label, status, severity = self.rows[domain]
        return status.value, severity.value

    def _refused(self) -> None:
        if self.on_refused is not None:
            self.on_refused()

    def _changed(self, domain: str, which: str, value) -> None:
        if self._syncing:
            return
        status, severity = self.value_of(domain)
        if which == "severity" and (status not in NEEDS_SEVERITY or value not in (None, *SEVERITIES)):
            self._refused()  # a severity without a need: refused in Python, whatever the browser allowed
            self.show_row(domain, status, None)
            return
        if which == "status" and status not in NEEDS_SEVERITY:
            severity = None
        self.on_change(domain, status, severity)

    def show_row(self, domain: str, status: int | None, severity: int | None) -> None:
        _label, status_widget, severity_widget = self.rows[domain]
        self._syncing = True
        try:
            with status_widget.hold_sync(), severity_widget.hold_sync():
                if status_widget.value != status:
                    status_widget.value = status
                asks = status in NEEDS_SEVERITY
                if severity_widget.value != (severity if asks else None):
                    severity_widget.value = severity if asks else None
                if severity_widget.disabled == asks:
                    severity_widget.disabled = not asks
        finally:
            self._syncing = False
