"""The supervision app: a team's caseload, one case's summary, a supervision session and the gap analysis.

``SupervisionApp`` is an :class:`~casekit.widgets.shell.AppShell` whose four steps are its views, each one click
away and built the first time it is shown: the caseload dashboard (:mod:`.dashboard`), the case summary
(:mod:`.summary`), the supervision session form (:mod:`.session_form`) and the regional gap analysis
(:mod:`.gaps_view`). ``SupervisionApp.from_environment()`` is what ``apps/supervision.ipynb`` displays.
Modules: :mod:`.app` (the app on the shell), :mod:`.base` (what the views share), :mod:`.tables` (HTML tables,
no widgets), :mod:`.charts` (the gap charts, drawn on request), :mod:`.exports` (the gap report as files and
download links), :mod:`.styles` (the app's CSS on top of the shell's). Texts: :mod:`casekit.i18n`; names on
screen: :mod:`casekit.anonymise` (the room projection, :func:`~casekit.anonymise.labels.team_labels`).
"""
from __future__ import annotations

from .app import VIEW_KEYS, SupervisionApp

__all__ = ["SupervisionApp", "VIEW_KEYS"]
