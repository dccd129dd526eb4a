"""HTML tables of the supervision app (no widgets): rows of the caseload dashboard and of the gap analysis.

Every text passes :func:`casekit.widgets.common.esc`. Numbers are right-aligned (``casekit-sv-num``); an overdue
date, an over-norm load and a falling GAS trend are marked by a sign as well as by colour (a projector's
colours are not to be trusted).
"""
from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any, Callable, Iterable, Sequence

from ...i18n import format_date, format_number, gettext as t, ngettext
from ...vocab import Phase, TeamModel
from ..common import esc

#: the columns of the per-worker table: (key in the frame, message key of its title, numeric); the worker's cell
#: names the team model too, the open cases' cell the norm (a projector has room for nine columns, not eleven)
WORKER_COLUMNS = (("worker", "caseload.col.worker", False), ("open_cases", "sv.col.open_of_norm", True),
                  ("load", "caseload.col.load", True), ("unmet_needs", "caseload.col.unmet_needs", True),
                  ("overdue_actions", "caseload.col.overdue_actions", True),
                  ("reviews_overdue", "caseload.col.reviews_overdue", True),
                  ("no_contact", "caseload.col.no_contact", True),
                  ("phase_stalled", "caseload.col.phase_stalled", True), ("alerts", "caseload.col.alerts", True))
#: the columns of the per-case table; the client's cell names the worker too, the phase's cell the days in it
CASE_COLUMNS = (("client", "sv.col.client_worker", False), ("phase", "sv.col.phase", False),
                ("last_contact", "sv.col.last_contact", True), ("next_review", "sv.col.next_review", True),
                ("actions", "sv.col.actions", True), ("unmet_needs", "sv.col.unmet_needs", True),
                ("gas", "sv.col.gas", True), ("alerts", "caseload.col.alerts", False))


def missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))  # NaN, NaT
    except (TypeError, ValueError):
        return False


def day(value: Any) -> date | None:
    if missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    to_pydatetime = getattr(value, "to_pydatetime", None)
    return to_pydatetime().date() if to_pydatetime else None


def records(frame) -> list[dict]:
    """A frame as plain rows: ``None`` for every missing value."""
    return [{k: (None if missing(v) else v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def table(css: str, headers: Sequence[tuple[str, bool]], rows: Iterable[tuple[str, Sequence[tuple[str, bool]]]],
          empty: str) -> str:
    """``<table>`` with ``headers`` [(title, numeric)] and ``rows`` [(row class, [(cell HTML, numeric)])]."""
    head = "".join(f"<th class='casekit-sv-num'>{esc(h)}</th>" if num else f"<th>{esc(h)}</th>" for h, num in headers)
    body = []
    for row_class, cells in rows:
        tds = "".join(f"<td class='casekit-sv-num'>{c}</td>" if num else f"<td>{c}</td>" for c, num in cells)
        body.append(f"<tr class='{row_class}'>{tds}</tr>")
    if not body:
        return f"<p class='casekit-sv-hint casekit-sv-empty'>{esc(empty)}</p>"
    return (f"<table class='casekit-table {css}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def percent(share: float, lang: str) -> str:
    """``0.1`` → ``10%`` (English), ``10 %`` (Czech: a space before the sign)."""
    number = format_number(round(share * 100), lang)
    return f"{number}\u00a0%" if lang == "cs" else f"{number}%"


def short_name(name: str) -> str:
    """``H. Lesná (municipal social worker)`` → ``H. Lesná`` (the whole name in the tooltip), as HTML."""
    short = (name or "").split(" (")[0] or name
    return f"<span title='{esc(name)}'>{esc(short)}</span>" if short != name else esc(name)


def worker_table(rows: list[dict], labels: dict[str, str], lang: str) -> str:
    def cells(r: dict) -> list[tuple[str, bool]]:
        out = []
        for key, _title, numeric in WORKER_COLUMNS:
            value = r.get(key)
            if key == "worker":
                model = esc(TeamModel(r["team_model"]).label(lang)) if r.get("team_model") else "–"
                text = f"{short_name(labels.get(value, value))}<span class='casekit-sv-sub'>{model}</span>"
            elif key == "open_cases":
                norm = "–" if r.get("norm") is None else int(r["norm"])
                text = esc(f"{int(value or 0)} / {norm}")
            elif key == "load":
                text = esc(percent(float(value or 0), lang))
                if r.get("over_norm"):
                    text = (f"<span class='casekit-sv-over-norm' title='{esc(t('caseload.over_norm', lang))}'>"
                            f"{text} ▲</span>")
            else:
                text = esc("–" if value is None else int(value))
            out.append((text, numeric))
        return out

    headers = [(t(title, lang), numeric) for _key, title, numeric in WORKER_COLUMNS]
    return table("casekit-sv-worker-table", headers, (("casekit-sv-worker-row", cells(r)) for r in rows),
                 t("caseload.no_cases", lang))


def case_cells(r: dict, client: str, worker: str, kinds: list[str], lang: str) -> list[tuple[str, bool]]:
    """The cells of one case of the dashboard (``r``: a row of ``Caseload.cases``)."""
    phase = esc(Phase(r["phase"]).label(lang)) if r.get("phase") else "–"
    if r.get("open") is False and r.get("phase") != Phase.CLOSED.value:
        phase += f" ({esc(t('sv.closed', lang))})"
    days = r.get("days_in_phase")
    if days is not None:
        phase += f"<span class='casekit-sv-sub'>{esc(ngettext('sv.days', int(days), lang))}</span>"
    review = day(r.get("next_review"))
    review_text = esc(format_date(review, lang, empty="–"))
    if r.get("review_overdue"):
        review_text = f"<span class='casekit-sv-overdue'>{review_text} ⚠ {esc(t('sv.overdue', lang))}</span>"
    open_actions, overdue = int(r.get("open_actions") or 0), int(r.get("overdue_actions") or 0)
    actions = esc(f"{open_actions} / ")
    actions += (f"<span class='casekit-sv-overdue'>{overdue} ⚠</span>" if overdue else "0")
    unmet, high = int(r.get("unmet_needs") or 0), int(r.get("high_unmet_needs") or 0)
    trend = r.get("gas_trend")
    if r.get("gas_last") is None:
        gas = "–"
    else:
        arrow = {"up": "↑", "down": "↓", "flat": "→"}.get(trend, "")
        title = esc(t(f"sv.trend.{trend}", lang)) if trend in ("up", "down", "flat") else ""
        score = format_number(float(r["gas_last"]), lang, digits=1)
        gas = (f"<span class='casekit-sv-trend-{esc(trend or 'none')}' title='{title}'>"
               f"{esc(score)} {arrow}</span>")
    badges = "".join(f"<span class='casekit-sv-alert-badge casekit-sv-alert-{esc(k)}'>"
                     f"{esc(t(f'caseload.alert_kind.{k}', lang))}</span>" for k in kinds)
    return [(f"{esc(client)}<span class='casekit-sv-sub'>{short_name(worker)}</span>", False), (phase, False),
            (esc(format_date(day(r.get("last_contact")), lang, empty="–")), True), (review_text, True), (actions, True),
            (esc(f"{unmet} ({high})"), True), (gas, True), (badges or "–", False)]


def case_table(rows: list[dict], label_of: Callable[[dict], tuple[str, str]], kinds_of: dict[str, list[str]],
               lang: str) -> str:
    headers = [(t(title, lang), numeric) for _key, title, numeric in CASE_COLUMNS]
    body = []
    for r in rows:
        client, worker = label_of(r)
        css = "casekit-sv-case-row" + ("" if r.get("open") else " casekit-sv-case-closed")
        body.append((css, case_cells(r, client, worker, kinds_of.get(r["case_id"], []), lang)))
    return table("casekit-sv-case-table", headers, body, t("sv.no_cases_match", lang))
