"""The import report: one :class:`ImportNote` per thing that was not carried over, changed, or worth knowing."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...i18n import gettext

Severity = Literal["dropped", "changed", "info"]
SEVERITIES: tuple[str, ...] = ("dropped", "changed", "info")


@dataclass(frozen=True)
class Msg:
    """A translatable message used as a parameter of another one (e.g. the reason of a dropped condition)."""

    key: str
    params: dict = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return gettext(self.key, lang, **_rendered(self.params, lang))


@dataclass(frozen=True)
class Explained:
    """A pydantic ``ValidationError`` as a parameter: explained in the reader's language."""

    error: Any

    def render(self, lang: str | None = None) -> str:
        from ...errors import explain

        return "; ".join(explain(self.error, lang))


def _rendered(params: dict, lang: str | None) -> dict:
    return {k: (v.render(lang) if hasattr(v, "render") else v) for k, v in params.items()}


@dataclass(frozen=True)
class ImportNote:
    """Something the importer could not carry over (``dropped``), had to change, or wants you to know.

    ``where`` names the place in the source (``row 14, field `q7```), ``message(lang)`` says what happened,
    in Czech or English. ``original`` is the source text concerned (a condition, a formula, a type …).
    """

    severity: Severity
    key: str
    params: dict = field(default_factory=dict)
    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    original: str | None = None

    def message(self, lang: str | None = None) -> str:
        return gettext(self.key, lang, **_rendered(self.params, lang))

    def location(self, lang: str | None = None) -> str:
        parts = []
        if self.sheet:
            parts.append(gettext("import.where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(gettext("import.where.row", lang, row=self.row))
        if self.field:
            parts.append(gettext("import.where.field", lang, field=self.field))
        return ", ".join(parts) or gettext("import.where.whole", lang)

    @property
    def where(self) -> str:
        """The place in the source, in English (``location(lang)`` translates it)."""
        return self.location("en")

    def text(self, lang: str | None = None) -> str:
        """One line for a report: ``[not carried over] row 14, field `q7`: …``."""
        label = gettext(f"import.severity.{self.severity}", lang)
        return f"[{label}] {self.location(lang)}: {self.message(lang)}"

    def __str__(self) -> str:
        return self.text("en")


#: Longest source text quoted in a report line (a REDCap calculation can be 7,000 characters on one line).
QUOTE_LIMIT = 300


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis and how much was left out."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat if "\n" in text else text
    return f"{flat[:limit - 1]}… (+{len(flat) - limit + 1})"


class Report(list):
    """The notes of one import, in source order."""

    def add(self, severity: Severity, key: str, *, row=None, field=None, sheet=None, original=None,
            **params) -> ImportNote:
        if original is not None:  # the message quotes at most a few lines of it; `note.original` keeps it whole
            params.setdefault("original", shorten(str(original)))
        note = ImportNote(severity, key, params, row=row, field=field, sheet=sheet,
                          original=None if original is None else str(original))
        self.append(note)
        return note

    def ordered(self) -> list[ImportNote]:
        """The notes by place: sheet by sheet (in the order first met), row by row; whole-file notes last."""
        sheets: dict[str | None, int] = {}
        for note in self:
            if note.row is not None or note.field:
                sheets.setdefault(note.sheet, len(sheets))
        def key(pair):
            index, note = pair
            placed = note.row is not None or bool(note.field)
            return (not placed, sheets.get(note.sheet, len(sheets)) if placed else 0,
                    note.row if note.row is not None else 10**9, index)
        return [note for _, note in sorted(enumerate(self), key=key)]
