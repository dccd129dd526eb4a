"""Assessments as pandas data frames for research, and their export to CSV and Parquet.

``long_frame`` is tidy: one row per case × assessment × perspective × item, with the columns in
:data:`LONG_COLUMNS`. Every item that applies to the assessment's perspective gets a row; ``value`` is null
when the item was not answered or was hidden, and ``missing`` is true then and also for an answer that is a
level marked ``missing: true`` ("not known"). ``label`` is the level's label (or yes/no) in the current
language. The answers of a multiple-choice item are joined with ``;`` (``food;housing``).

``wide_frame`` has one row per assessment and one column per item (in instrument order), optionally followed
by one column per score. pandas is imported only when a frame is built.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..i18n import gettext
from .definition import Instrument, Item, ItemType
from .expr import is_missing
from .responses import Assessment
from .scoring import applies_to, score, shown_items

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Columns of the long frame, in order.
LONG_COLUMNS = ("case_id", "assessment_id", "date", "rater", "perspective", "actor_id", "instrument_id",
                "instrument_version", "domain", "item", "value", "label", "missing")
#: Columns that describe an assessment (the first columns of the wide frame).
ASSESSMENT_COLUMNS = ("assessment_id", "case_id", "date", "rater", "perspective", "actor_id", "instrument_id",
                      "instrument_version")
MULTIPLE_SEPARATOR = ";"


def _cell(item: Item, value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, list):
        return MULTIPLE_SEPARATOR.join(str(v) for v in value)
    return value


def _label(item: Item, value: Any, lang: str | None) -> str | None:
    if is_missing(value):
        return None
    if item.type == ItemType.YESNO:
        return gettext("instrument.yes" if value else "instrument.no", lang)
    if item.levels:
        labels = {level.value: level.label.get(lang) for level in item.levels}
        values = value if isinstance(value, list) else [value]
        found = [labels[v] for v in values if v in labels]
        return MULTIPLE_SEPARATOR.join(found) if found else None
    return None


def _is_missing_answer(item: Item, value: Any) -> bool:
    if is_missing(value):
        return True
    missing = {level.value for level in item.levels if level.missing}
    values = value if isinstance(value, list) else [value]
    return bool(missing) and all(v in missing for v in values)


def _head(a: Assessment) -> dict[str, Any]:
    return {"assessment_id": a.id, "case_id": a.case_id, "date": a.date, "rater": a.rater,
            "perspective": a.perspective.value, "actor_id": a.actor_id, "instrument_id": a.instrument_id,
            "instrument_version": a.instrument_version}


def _finish(frame: "pd.DataFrame") -> "pd.DataFrame":
    import pandas as pd

    if "date" in frame:
        frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    for column in ("case_id", "assessment_id", "rater", "perspective", "actor_id", "instrument_id",
                   "instrument_version", "domain", "item", "label"):
        if column in frame:
            frame[column] = frame[column].astype("string")
    if "missing" in frame:
        frame["missing"] = frame["missing"].astype(bool)
    return frame


def long_frame(assessments: Iterable[Assessment], instrument: Instrument, lang: str | None = None) -> "pd.DataFrame":
    """Tidy answers: one row per case × assessment × perspective × item (see the module docs)."""
    import pandas as pd

    rows = []
    for a in assessments:
        head = _head(a)
        shown = shown_items(instrument, a.answers, a.perspective)
        for domain in instrument.domains:
            for item in domain.items:
                if not applies_to(item, instrument, a.perspective):
                    continue
                value = a.answers.get(item.id) if item.id in shown else None
                rows.append({**head, "domain": domain.id, "item": item.id, "value": _cell(item, value),
                             "label": _label(item, value, lang), "missing": _is_missing_answer(item, value)})
    frame = pd.DataFrame(rows, columns=list(LONG_COLUMNS))
    frame["value"] = _tidy_values(pd.Series([r["value"] for r in rows], dtype=object, index=frame.index))
    return _finish(frame)


def wide_frame(assessments: Iterable[Assessment], instrument: Instrument, *, scores: bool = False) -> "pd.DataFrame":
    """One row per assessment, one column per item (hidden and unanswered items are null), then the scores."""
    import pandas as pd

    items = instrument.items()
    columns = list(ASSESSMENT_COLUMNS) + [i.id for i in items]
    if scores:
        columns += [s.id for s in instrument.scores]
    rows = []
    for a in assessments:
        shown = shown_items(instrument, a.answers, a.perspective)
        row = _head(a)
        for item in items:
            row[item.id] = _cell(item, a.answers.get(item.id)) if item.id in shown else None
        if scores:
            row.update(score(instrument, a.answers, a.perspective))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns[len(ASSESSMENT_COLUMNS):]:
        raw = pd.Series([r.get(column) for r in rows], dtype=object, index=frame.index)
        frame[column] = _tidy_values(raw)
    return _finish(frame)


def _tidy_values(column: "pd.Series") -> "pd.Series":
    """Numbers stay numbers (nullable Int64 when whole), anything else becomes text."""
    import pandas as pd

    present = column.dropna()
    if present.empty:
        return column.astype("Float64")
    if all(isinstance(v, bool) for v in present):
        return column.astype("boolean")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return column.astype("Int64")
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return column.astype("Float64")
    return column.map(lambda v: None if is_missing(v) else str(v)).astype("string")


def to_csv(frame: "pd.DataFrame", path: str | Path) -> Path:
    """Write a frame as UTF-8 CSV (with a byte-order mark, so Excel shows Czech letters); returns the path.
    Text that a spreadsheet would take for a formula is written as text (:mod:`casekit.cells`)."""
    from ..cells import neutralise_frame

    path = Path(path)
    neutralise_frame(frame).to_csv(path, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d")
    return path


def to_parquet(frame: "pd.DataFrame", path: str | Path) -> Path:
    """Write a frame as Parquet (via pyarrow), keeping the column types; returns the path."""
    path = Path(path)
    frame.to_parquet(path, index=False)
    return path
