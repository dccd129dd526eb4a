"""Caseload analysis for supervision: per worker the cases, their phase, contact, reviews, actions, unmet
needs and GAS trend, compared with the team model's norm, with alerts.

    from casekit.caseload import caseload, Thresholds
    board = caseload(store, as_of=date(2026, 11, 25), thresholds=Thresholds(no_contact_days=30))
    board.workers            # one row per worker: load against the norm, alert counts
    board.cases              # one row per case
    board.alerts             # [Alert(kind, case_id, worker, detail, since, ...)], .message("cs")
    board.filter(worker="J. Malá", alert="action_overdue")

A store is read with SQL (fast on many cases); cases in memory with pure Python; both give the same frames.
The definitions (what counts as contact, when a review is due …) are in :mod:`casekit.caseload.dashboard`.
"""
from .alerts import Alert, AlertKind
from .dashboard import Caseload, caseload
from .thresholds import DEFAULT_NORMS, DEFAULT_PHASE_STALLED_DAYS, Thresholds

__all__ = ["Alert", "AlertKind", "Caseload", "DEFAULT_NORMS", "DEFAULT_PHASE_STALLED_DAYS", "Thresholds", "caseload"]
