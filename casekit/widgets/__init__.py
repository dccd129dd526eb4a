"""ipywidgets views over casekit's models: thin, with the rules in the model and every callback guarded.

- :class:`InstrumentForm` — a form for any instrument, bound to one assessment (:mod:`.form`);
- :func:`protect` — wrap a callback so that errors are logged, never shown as tracebacks (:mod:`.common`).

Nothing here imports Altair; charts are shown through :func:`casekit.charts.display_chart`.
"""
from __future__ import annotations

from .form import InstrumentForm, Progress
from .common import protect

__all__ = ["InstrumentForm", "Progress", "protect"]
