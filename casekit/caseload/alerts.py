"""Alerts of the caseload dashboard: what needs a supervisor's attention, in Czech and English."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ..i18n import current_language, gettext, normalise_language
from ..vocab import Phase, Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class AlertKind(Vocabulary):
    """Why a case is on the alert list (labels ``caseload.alert_kind.<code>``)."""

    REVIEW_OVERDUE = "review_overdue"
    ACTION_OVERDUE = "action_overdue"
    NO_CONTACT = "no_contact"
    PHASE_STALLED = "phase_stalled"

    @classmethod
    def key_prefix(cls) -> str:
        return "caseload.alert_kind"


#: The order alerts of one case are listed in.
ALERT_ORDER = {kind: number for number, kind in enumerate(AlertKind)}


def format_date(day: date | None, lang: str | None = None) -> str:
    """``2026-11-25`` in English, ``25. 11. 2026`` in Czech; empty for no date."""
    if day is None:
        return ""
    lang = normalise_language(lang) if lang else current_language()
    return f"{day.day}. {day.month}. {day.year}" if lang == "cs" else day.isoformat()


def days_text(n: int, lang: str | None = None) -> str:
    """``1 day`` / ``5 days``; ``1 den`` / ``3 dny`` / ``5 dní``."""
    lang = normalise_language(lang) if lang else current_language()
    if abs(n) == 1:
        key = "caseload.days_one"
    elif lang == "cs" and 2 <= abs(n) <= 4:
        key = "caseload.days_few"
    else:
        key = "caseload.days_many"
    return gettext(key, lang, n=n)


class Alert(NamedTuple):
    """One alert: ``kind``, the case and its worker, a short ``detail`` and the day the problem began.

    ``detail`` is, by kind: review_overdue – "planned" (the date set at a conference) or "routine" (the
    routine interval after the last review); action_overdue – the action's text (its id is ``ref``);
    no_contact – empty; phase_stalled – the phase code. ``since`` is the review's or action's due date, the
    day of the last contact, or the day the phase began; ``days`` counts from ``since`` to ``as_of``.
    (An immutable named tuple: a large caseload has tens of thousands of alerts.)
    """

    kind: AlertKind
    case_id: str
    worker: str
    detail: str
    since: date
    days: int = 0
    client: str = ""
    ref: str | None = None

    def message(self, lang: str | None = None) -> str:
        lang = normalise_language(lang) if lang else current_language()
        params = {"client": self.client or self.case_id, "case": self.case_id, "worker": self.worker,
                  "since": format_date(self.since, lang), "days": days_text(self.days, lang), "detail": self.detail}
        if self.kind == AlertKind.PHASE_STALLED:
            params["detail"] = Phase(self.detail).label(lang)
        elif self.kind == AlertKind.REVIEW_OVERDUE:
            params["detail"] = gettext(f"caseload.review_source.{self.detail}", lang)
        return gettext(f"caseload.alert.{self.kind.value}", lang, **params)

    def as_dict(self) -> dict:
        return {"kind": self.kind.value, "case_id": self.case_id, "client": self.client, "worker": self.worker,
                "detail": self.detail, "since": self.since, "days": self.days, "ref": self.ref}


#: Columns of an alert table (one row per alert, in list order).
TABLE = ("kind", "case_id", "worker", "detail", "since", "days", "client", "ref")


def alert_table(df: "pd.DataFrame", flags: dict, day) -> "pd.DataFrame":
    """The alerts of the flagged cases (``flags``: see ``casekit.caseload.dashboard``) as a frame, sorted by
    worker, case, kind, day and action. Built column-wise: a big caseload has tens of thousands of alerts, and
    the Alert objects are only made when someone asks for them (``alerts_of``)."""
    import numpy as np
    import pandas as pd

    late = flags["late"]
    parts = []
    for kind, rows, detail, since, ref in (
        (AlertKind.REVIEW_OVERDUE, df[flags["review"]], "review_due_source", "next_review", None),
        (AlertKind.ACTION_OVERDUE, late, "what", "due", "action_id"),
        (AlertKind.NO_CONTACT, df[flags["quiet"]], None, "last_contact", None),
        (AlertKind.PHASE_STALLED, df[flags["stalled"]], "phase", "phase_since", None),
    ):
        if not len(rows):
            continue
        details = rows[detail].astype(object).fillna("") if detail else pd.Series("", index=rows.index, dtype=object)
        if kind == AlertKind.ACTION_OVERDUE:
            details = details.map(lambda text: text[:80])
        parts.append(pd.DataFrame({
            "order": ALERT_ORDER[kind], "kind": kind.value, "case_id": rows["case_id"].astype(object).to_numpy(),
            "detail": details.to_numpy(), "since": rows[since].to_numpy().astype("datetime64[D]"),
            "ref": rows[ref].astype(object).to_numpy() if ref else None,
            "position": rows["position"].to_numpy() if ref else 0,
        }))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TABLE})
    found = pd.concat(parts, ignore_index=True)
    case_ids = df["case_id"].astype(object)
    found["worker"] = found["case_id"].map(dict(zip(case_ids, df["worker"].astype(object))))
    found["client"] = found["case_id"].map(dict(zip(case_ids, df["display_name"].astype(object))))
    keys = [found["position"].to_numpy(), found["since"].to_numpy(), found["order"].to_numpy(),
            pd.factorize(found["case_id"], sort=True)[0], pd.factorize(found["worker"], sort=True)[0]]
    found = found.iloc[np.lexsort(keys)].reset_index(drop=True)
    since = found["since"].to_numpy().astype("datetime64[D]")
    found["days"] = (np.datetime64(day.date(), "D") - since).astype(int)
    return found[list(TABLE)]


def alerts_of(table: "pd.DataFrame") -> list[Alert]:
    """Alert objects from an alert table, in its order."""
    if not len(table):
        return []
    since = table["since"].to_numpy().astype("datetime64[D]").astype(object).tolist()
    return list(map(Alert, map(AlertKind, table["kind"].tolist()), table["case_id"].tolist(),
                    table["worker"].tolist(), table["detail"].tolist(), since, table["days"].tolist(),
                    table["client"].tolist(), table["ref"].tolist()))
