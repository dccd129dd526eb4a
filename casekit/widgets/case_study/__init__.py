"""The case-study app: training with an anonymised case, played phase by phase on a projector.

``CaseStudyApp`` (an :class:`~casekit.widgets.shell.AppShell`) lets the trainer pick a pack (:func:`casekit.studies.studies`),
reveal it stage by stage (contact, assessment, planning, linking, advocacy, monitoring), discuss the prompts,
let trainees rate the needs before the reference from practice is revealed, and compare (weighted kappa per
trainee, largest disagreements, a needs star). ``CaseStudyApp.from_environment()`` is what
``apps/case_study.ipynb`` displays. Modules: :mod:`.app` (the app on the shell), :mod:`.stage` (one stage's view),
:mod:`.rating` (the exercise), :mod:`.compare` (codes and agreement, no widgets), :mod:`.render` (HTML),
:mod:`.star` (the chart, drawn on request), :mod:`.styles` (its CSS on top of the shell's).
"""
from __future__ import annotations

from .app import CaseStudyApp

__all__ = ["CaseStudyApp"]
