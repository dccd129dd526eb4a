"""The supervision app: a team's caseload, one case's summary, a supervision session and the gap analysis.

``SupervisionApp`` (an ``ipywidgets.VBox``) shows four views, each reachable directly from its button and
built the first time it is shown: the caseload dashboard (:mod:`.dashboard`), the case summary
(:mod:`.summary`), the supervision session form (:mod:`.session_form`) and the regional gap analysis
(:mod:`.gaps_view`). ``SupervisionApp.from_environment()`` is what ``apps/supervision.ipynb`` displays.
Modules: :mod:`.app` (the shell), :mod:`.base` (what the views share), :mod:`.tables` (HTML tables, no
widgets), :mod:`.privacy` (names on screen), :mod:`.charts` (SVG charts, drawn on request),
:mod:`.exports` (the gap report as files and download links), :mod:`.theme` (CSS), :mod:`.i18n` (texts).
"""
from __future__ import annotations

from .app import SupervisionApp
from .i18n import VIEW_KEYS

__all__ = ["SupervisionApp", "VIEW_KEYS"]
