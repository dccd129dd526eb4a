"""Answers to an instrument: one :class:`Assessment` per rater, perspective and date.

``validate_answers(instrument, answers)`` normalises and checks answers and returns them in instrument
order. It refuses unknown items, wrong types, values that are not among an item's levels ("out of scale"),
numbers out of bounds, failed constraints, over-long texts and — when ``complete`` — required items that are
shown but not answered. Empty answers (``None``, ``""``, ``[]``, NaN) are left out. **Answers to hidden
items** (``show_if`` false, or an item not rated from the assessment's perspective) **are dropped**, so an
assessment never holds an answer its rater could not see. Every problem is a sentence in Czech and English
naming the item.

``set_answer(assessment, instrument, item_id, value)`` is what a form calls on each change: it returns a new,
validated copy and refuses invalid values (required items are not enforced until ``Assessment.check``).
"""
from __future__ import annotations

import math
from datetime import date as Date
from typing import Any, Mapping, Union

from pydantic import Field

from ..errors import InvalidData
from ..i18n import gettext
from ..model.base import Id, Model, Name, id_field
from ..vocab import Perspective
from .definition import Instrument, InstrumentId, Item, ItemId, ItemType, Text, Version
from .expr import is_missing, parse
from .scoring import applies_to, score, shown_items

#: What an answer can be: a level value or a number, a text or ISO date, yes/no, or a list of choices.
Answer = Union[bool, int, float, str, list[Union[int, str]]]


class AnswerError(InvalidData):
    """Answers that do not fit the instrument; one sentence per problem."""

    code = "errors.answers_invalid"

    def __init__(self, problems: list[tuple[str, dict]]):
        self.problems = problems
        super().__init__(self.code, count=len(problems))

    def messages(self, lang: str | None = None) -> list[str]:
        out = []
        for code, params in self.problems:
            rendered = {k: (v.get(lang) if isinstance(v, Text) else v) for k, v in params.items()}
            out.append(gettext(code, lang, **rendered))
        return out

    @property
    def items(self) -> list[str]:
        """Ids of the items with a problem."""
        return [params.get("item", "") for _, params in self.problems]


class Assessment(Model):
    """One completed (or partly completed) instrument: who rated, from which perspective, when, and the answers."""

    id: Id = id_field("assessment")
    instrument_id: InstrumentId
    instrument_version: Version
    case_id: Id | None = None
    date: Date
    rater: Name
    perspective: Perspective
    actor_id: Id | None = None
    answers: dict[ItemId, Answer] = Field(default_factory=dict)
    version: int = Field(default=0, ge=0)  # the store's revision (optimistic concurrency)

    @classmethod
    def start(cls, instrument: Instrument, *, rater: str, perspective: Perspective | str,
              date: Date | None = None, case_id: str | None = None, actor_id: str | None = None,
              **fields) -> "Assessment":
        """A new, empty assessment of this instrument (today unless ``date`` is given)."""
        return cls(instrument_id=instrument.id, instrument_version=instrument.version, case_id=case_id,
                   date=date or Date.today(), rater=rater, perspective=Perspective(perspective),
                   actor_id=actor_id, **fields)

    def check(self, instrument: Instrument, *, complete: bool = True) -> "Assessment":
        """A validated copy (answers normalised, hidden answers dropped); raises :class:`AnswerError`."""
        problems: list[tuple[str, dict]] = []
        if (self.instrument_id, self.instrument_version) != (instrument.id, instrument.version):
            problems.append(("errors.answers_wrong_instrument", {
                "expected": instrument.key, "found": f"{self.instrument_id}@{self.instrument_version}"}))
        if self.perspective not in instrument.perspectives:
            problems.append(("errors.answers_wrong_perspective", {
                "perspective": self.perspective.value,
                "known": ", ".join(p.value for p in instrument.perspectives)}))
        if problems:
            raise AnswerError(problems)
        answers = validate_answers(instrument, self.answers, self.perspective, complete=complete)
        return self.model_copy(update={"answers": answers})

    def scores(self, instrument: Instrument) -> dict[str, Any]:
        """The instrument's scores for these answers (see ``casekit.instruments.score``)."""
        return score(instrument, self.answers, self.perspective)


def set_answer(assessment: Assessment, instrument: Instrument, item_id: str, value: Any) -> Assessment:
    """A new validated assessment with ``item_id`` answered ``value`` (``None`` clears the answer)."""
    answers = dict(assessment.answers)
    answers[item_id] = value
    if item_id not in {i.id for i in instrument.items()}:
        raise AnswerError([("errors.answer_unknown_item", {"item": item_id, "instrument": instrument.key})])
    # the new value must be valid in itself, even when it hides or is hidden
    problems: list[tuple[str, dict]] = []
    _normalise(instrument.item(item_id), value, problems)
    if problems:
        raise AnswerError(problems)
    return assessment.model_copy(update={"answers": answers}).check(instrument, complete=False)


def validate_answers(instrument: Instrument, answers: Mapping[str, Any],
                     perspective: Perspective | str | None = None, *, complete: bool = True) -> dict[str, Any]:
    """Checked, normalised answers of shown items in instrument order; raises :class:`AnswerError`."""
    items = {item.id: item for item in instrument.items()}
    problems: list[tuple[str, dict]] = []
    normalised: dict[str, Any] = {}
    for item_id, value in answers.items():
        item = items.get(item_id)
        if item is None:
            problems.append(("errors.answer_unknown_item", {"item": item_id, "instrument": instrument.key}))
            continue
        clean = _normalise(item, value, problems)
        if clean is not None:
            normalised[item_id] = clean
    shown = shown_items(instrument, normalised, perspective)
    visible = {i: normalised[i] for i in items if i in normalised and i in shown}
    ids = list(items)
    for item_id, item in items.items():
        if item_id not in shown:
            continue
        if item_id not in visible:
            if complete and item.required:
                problems.append(("errors.answer_required", {"item": item_id, "label": item.label}))
            continue
        if item.constraint and not parse(item.constraint).is_true(visible, visible[item_id], item_ids=ids):
            if item.constraint_message:
                problems.append(("errors.answer_constraint_message", {
                    "item": item_id, "label": item.label, "message": item.constraint_message}))
            else:
                problems.append(("errors.answer_constraint", {
                    "item": item_id, "label": item.label, "value": _short(visible[item_id]),
                    "constraint": item.constraint}))
    if problems:
        raise AnswerError(problems)
    return visible


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _problem(problems: list, code: str, item: Item, value: Any = None, **params) -> None:
    problems.append((code, {"item": item.id, "label": item.label, "value": _short(value), **params}))


def _as_level(item: Item, value: Any) -> Any:
    """The level value equal to ``value`` (``"2"`` and ``2.0`` find level 2), or ``_NO_LEVEL``."""
    for level in item.levels:
        if type(level.value) is type(value) and level.value == value:
            return level.value
    if isinstance(value, bool):
        return _NO_LEVEL
    for level in item.levels:
        if isinstance(level.value, int) and isinstance(value, float) and value == level.value:
            return level.value
        if isinstance(level.value, int) and isinstance(value, str) and value.strip().lstrip("-").isdigit() \
                and int(value.strip()) == level.value:
            return level.value
        if isinstance(level.value, str) and isinstance(value, int) and str(value) == level.value:
            return level.value
    return _NO_LEVEL


_NO_LEVEL = object()
_YES = {"true", "yes", "ano", "1"}
_NO = {"false", "no", "ne", "0"}


def _normalise(item: Item, value: Any, problems: list) -> Any:
    """The answer in its stored form, ``None`` for no answer; a problem is recorded for a bad value."""
    if is_missing(value):
        return None
    kind = item.type
    if kind in (ItemType.SCALE, ItemType.SINGLE):
        if isinstance(value, (list, tuple, set, dict)):
            _problem(problems, "errors.answer_expects_one", item, value)
            return None
        level = _as_level(item, value)
        if level is _NO_LEVEL:
            _problem(problems, "errors.answer_out_of_scale", item, value, levels=_levels(item))
            return None
        return level
    if kind == ItemType.MULTIPLE:
        if not isinstance(value, (list, tuple, set)):
            value = [value]
        chosen = []
        for v in value:
            level = _as_level(item, v)
            if level is _NO_LEVEL:
                _problem(problems, "errors.answer_out_of_scale", item, v, levels=_levels(item))
                return None
            if level not in chosen:
                chosen.append(level)
        order = [lv.value for lv in item.levels]
        return sorted(chosen, key=order.index) or None
    if kind == ItemType.NUMBER:
        number = value
        if isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                number = None
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
            _problem(problems, "errors.answer_expects_number", item, value)
            return None
        if item.integer:
            if not float(number).is_integer():
                _problem(problems, "errors.answer_expects_whole_number", item, value)
                return None
            number = int(number)
        elif isinstance(number, float) and number.is_integer() and isinstance(value, int):
            number = int(number)
        if item.min is not None and number < item.min:
            _problem(problems, "errors.answer_below_min", item, value, min=_num(item.min))
            return None
        if item.max is not None and number > item.max:
            _problem(problems, "errors.answer_above_max", item, value, max=_num(item.max))
            return None
        return number
    if kind == ItemType.YESNO:
        if isinstance(value, bool):
            return value
        if isinstance(value, (str, int)) and str(value).strip().lower() in _YES | _NO:
            return str(value).strip().lower() in _YES
        _problem(problems, "errors.answer_expects_yesno", item, value)
        return None
    if kind == ItemType.DATE:
        if isinstance(value, Date):  # a datetime is a date too: keep the day
            return Date(value.year, value.month, value.day).isoformat()
        if isinstance(value, str):
            try:
                return Date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        _problem(problems, "errors.answer_expects_date", item, value)
        return None
    # text
    if not isinstance(value, str):
        _problem(problems, "errors.answer_expects_text", item, value)
        return None
    if len(value) > item.max_length:
        _problem(problems, "errors.answer_too_long", item, value, limit=item.max_length)
        return None
    return value


def _levels(item: Item) -> str:
    return ", ".join(str(level.value) for level in item.levels)


def _num(x: float):
    return int(x) if float(x).is_integer() else x


__all__ = ["Answer", "AnswerError", "Assessment", "applies_to", "set_answer", "validate_answers"]
