"""Minutes (*zápis*) of a case conference, in the meeting's language, as Markdown, HTML or Word.

    m = minutes(case, "conf-1")               # or lang="en", privacy=True
    to_markdown(m); to_html(m); to_docx(m, "zapis.docx")

A domain module: no widgets, charts or notebooks here (python-docx is imported only by ``to_docx``).
"""
from __future__ import annotations

from .build import SEVERITY_GAP, minutes, views_differ
from .dates import format_date
from .html import to_html
from .markdown import to_markdown
from .model import (
    ABSENT, EXCUSED, PRESENT, ActionRow, AgendaRow, AttendanceRow, CrisisContactRow, CrisisSummary, DecisionRow,
    GoalRow, Minutes, Network, NetworkRow, NeedRow,
)
from .privacy import actor_pseudonym, initials
from .word import to_docx

__all__ = [
    "ABSENT", "EXCUSED", "PRESENT", "SEVERITY_GAP", "ActionRow", "AgendaRow", "AttendanceRow", "CrisisContactRow",
    "CrisisSummary", "DecisionRow", "GoalRow", "Minutes", "Network", "NetworkRow", "NeedRow", "actor_pseudonym",
    "format_date", "initials", "minutes", "to_docx", "to_html", "to_markdown", "views_differ",
]
