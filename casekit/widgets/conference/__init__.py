"""The case conference app: a guided, projector-ready meeting from assessment to minutes.

``ConferenceApp`` (an ``ipywidgets.VBox``) runs the eight steps: start, opening, story, assessment, network,
plan, review, close. ``ConferenceApp.from_environment()`` is what ``apps/conference.ipynb`` displays. See
``docs`` in each module; ``theme.css(theme, layout)`` is the app's one style block.
"""
from __future__ import annotations

from .i18n import STEP_KEYS
from .shell import ConferenceApp

__all__ = ["ConferenceApp", "STEP_KEYS"]
