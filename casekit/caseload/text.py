"""The caseload as plain text: the worker table and the alerts (what ``casekit caseload`` prints)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import gettext
from ..vocab import TeamModel
from .alerts import format_date

if TYPE_CHECKING:  # pragma: no cover
    from .dashboard import Caseload

TEXT_COLUMNS = ("worker", "team_model", "open_cases", "norm", "load", "unmet_needs", "overdue_actions",
                "reviews_overdue", "no_contact", "phase_stalled", "gas_up", "gas_down", "alerts")


def to_text(board: Caseload, lang: str | None = None) -> str:
    """The worker table and the alerts as aligned plain text in ``lang``."""
    lines = [gettext("caseload.title", lang, as_of=format_date(board.as_of, lang)), ""]
    if not len(board.workers):
        lines.append(gettext("caseload.no_cases", lang))
    else:
        header = [gettext(f"caseload.col.{c}", lang) for c in TEXT_COLUMNS]
        rows = []
        for r in board.workers.astype(object).to_dict("records"):
            cells = []
            for c in TEXT_COLUMNS:
                value = r[c]
                if c == "team_model":
                    value = TeamModel(value).label(lang)
                elif c == "load":
                    value = f"{value:.0%}" + (" !" if r["over_norm"] else "")
                cells.append(str(value))
            rows.append(cells)
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            lines.append("  ".join(v.ljust(w) if i < 2 else v.rjust(w)
                                   for i, (v, w) in enumerate(zip(row, widths))).rstrip())
        if board.workers["over_norm"].any():
            lines.append(f"! {gettext('caseload.over_norm', lang)}")
    lines += ["", gettext("caseload.alerts_title", lang, count=len(board.alerts))]
    lines += [f"  {a.message(lang)}" for a in board.alerts] or [f"  {gettext('caseload.no_alerts', lang)}"]
    return "\n".join(lines)
