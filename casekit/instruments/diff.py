"""What changed between two versions of an instrument.

``diff_instruments(old, new)`` lists added and removed domains, items, scores and shared scales, and for
those in both versions every changed field (labels, levels, types, conditions …). ``str(change)`` reads
like ``item `housing_status`: levels changed (0, 1, 2 → 0, 1, 2, 9)``, in the current language.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import current_language, gettext
from .definition import Instrument, Level, Text

#: Fields compared for items, domains, scores and the instrument itself (``id`` is the identity).
ITEM_FIELDS = ("type", "label", "help", "required", "levels", "scale", "min", "max", "integer", "max_length",
               "show_if", "constraint", "constraint_message", "perspectives")
DOMAIN_FIELDS = ("title",)
SCORE_FIELDS = ("label", "kind", "domain", "items", "equals", "expr", "weights", "min_answered")
INSTRUMENT_FIELDS = ("title", "description", "licence", "perspectives")


@dataclass(frozen=True)
class Change:
    """One difference. ``kind``: added, removed, changed, moved; ``what``: instrument, domain, item, score, scale."""

    kind: str
    what: str
    id: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        what = gettext(f"instrument.diff_{self.what}", lang)
        if self.kind == "changed":
            return gettext("instrument.change_changed", lang, what=what, id=self.id, field=self.field,
                           old=_show(self.old, lang), new=_show(self.new, lang))
        if self.kind == "moved":
            return gettext("instrument.change_moved", lang, what=what, id=self.id, old=self.old, new=self.new)
        return gettext(f"instrument.change_{self.kind}", lang, what=what, id=self.id)

    def __str__(self) -> str:
        return self.message()


def _show(value: Any, lang: str) -> str:
    if value is None or value == [] or value == "":
        return "–"
    if isinstance(value, Text):
        text = value.get(lang)
    elif isinstance(value, list) and value and isinstance(value[0], Level):
        text = ", ".join(_level(level, lang) for level in value)
    elif isinstance(value, list):
        text = ", ".join(str(getattr(v, "value", v)) for v in value)
    else:
        text = str(getattr(value, "value", value))
    return text if len(text) <= 120 else text[:117] + "…"


def _level(level: Level, lang: str) -> str:
    missing = " " + gettext("instrument.diff_missing_level", lang) if level.missing else ""
    return f"{level.value} {level.label.get(lang)}{missing}"


def _compare(kind: str, ident: str, old, new, fields) -> list[Change]:
    changes = []
    for name in fields:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            changes.append(Change("changed", kind, ident, name, a, b))
    return changes


def _keyed(old: dict, new: dict, what: str, fields) -> list[Change]:
    changes = [Change("removed", what, k) for k in old if k not in new]
    changes += [Change("added", what, k) for k in new if k not in old]
    for k in old:
        if k in new:
            changes += _compare(what, k, old[k], new[k], fields)
    return changes


def diff_instruments(old: Instrument, new: Instrument) -> list[Change]:
    """Every difference between two instruments (normally two versions of one), in a stable order."""
    changes: list[Change] = []
    if old.id != new.id:
        changes.append(Change("changed", "instrument", new.id, "id", old.id, new.id))
    if old.version != new.version:
        changes.append(Change("changed", "instrument", new.id, "version", old.version, new.version))
    changes += _compare("instrument", new.id, old, new, INSTRUMENT_FIELDS)
    changes += _keyed({k: _Levels(v) for k, v in old.scales.items()}, {k: _Levels(v) for k, v in new.scales.items()},
                      "scale", ("levels",))
    changes += _keyed({d.id: d for d in old.domains}, {d.id: d for d in new.domains}, "domain", DOMAIN_FIELDS)
    old_items, new_items = {i.id: i for i in old.items()}, {i.id: i for i in new.items()}
    changes += _keyed(old_items, new_items, "item", ITEM_FIELDS)
    for item_id in old_items:
        if item_id in new_items:
            before, after = old.domain_of(item_id).id, new.domain_of(item_id).id
            if before != after:
                changes.append(Change("moved", "item", item_id, "domain", before, after))
    changes += _keyed({s.id: s for s in old.scores}, {s.id: s for s in new.scores}, "score", SCORE_FIELDS)
    return changes


@dataclass(frozen=True)
class _Levels:
    levels: list
