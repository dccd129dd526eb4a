"""Which items are shown, and the scores of a set of answers.

An item is *shown* when it applies to the perspective and its ``show_if`` is true; a hidden item counts as
unanswered everywhere, also in the conditions of other items. For scores, an answer that is a level marked
``missing: true`` ("not known") counts as unanswered too; for ``show_if`` it is an answer like any other, so
``housing_status == 9`` works. A score with fewer answered items than ``min_answered`` is null (``None``).
"""
from __future__ import annotations

from typing import Any, Mapping

from ..vocab import Perspective
from .checks import score_items
from .definition import Instrument, Item, ItemType, ScoreKind
from .expr import is_missing, parse


def applies_to(item: Item, instrument: Instrument, perspective: Perspective | str | None) -> bool:
    """Is the item rated from this perspective (``None``: from any)?"""
    if perspective is None:
        return True
    perspectives = item.perspectives or instrument.perspectives
    return Perspective(perspective) in perspectives


def shown_items(instrument: Instrument, answers: Mapping[str, Any],
                perspective: Perspective | str | None = None) -> set[str]:
    """Ids of the items shown for these answers (and perspective)."""
    items = {item.id: item for item in instrument.items()}
    ids = list(items)
    state: dict[str, bool] = {}
    visiting: set[str] = set()

    def shown(item_id: str) -> bool:
        if item_id in state:
            return state[item_id]
        item = items[item_id]
        if item_id in visiting or not applies_to(item, instrument, perspective):
            return False  # a cycle (only in an unchecked instrument) hides the item
        result = True
        if item.show_if:
            visiting.add(item_id)
            expr = parse(item.show_if)
            refs = expr.references(ids)
            context = {r: answers.get(r) for r in refs if r in items and shown(r)}
            result = expr.is_true(context, item_ids=ids)
            visiting.discard(item_id)
        state[item_id] = result
        return result

    return {item_id for item_id in ids if shown(item_id)}


def visible_answers(instrument: Instrument, answers: Mapping[str, Any],
                    perspective: Perspective | str | None = None) -> dict[str, Any]:
    """The answers of shown items (in instrument order); answers to hidden items are left out."""
    shown = shown_items(instrument, answers, perspective)
    return {i.id: answers[i.id] for i in instrument.items()
            if i.id in shown and i.id in answers and not is_missing(answers[i.id])}


def scoring_value(item: Item, value: Any) -> Any:
    """The answer as scores see it: levels marked ``missing: true`` become null."""
    if is_missing(value):
        return None
    missing = {lv.value for lv in item.levels if lv.missing}
    if not missing:
        return value
    if item.type == ItemType.MULTIPLE and isinstance(value, list):
        kept = [v for v in value if v not in missing]
        return kept or None
    return None if value in missing and not isinstance(value, bool) else value


def score(instrument: Instrument, answers: Mapping[str, Any],
          perspective: Perspective | str | None = None) -> dict[str, Any]:
    """Every score of the instrument for these answers: ``{score_id: value or None}``, in order."""
    from ..gas import gas_tscore

    items = {i.id: i for i in instrument.items()}
    ids = list(items)
    values = {k: scoring_value(items[k], v) for k, v in visible_answers(instrument, answers, perspective).items()}
    results: dict[str, Any] = {}
    for definition in instrument.scores:
        if definition.kind == ScoreKind.EXPR:
            expr = parse(definition.expr or "null")
            refs = expr.references(ids) & set(items)
            answered = sum(1 for r in refs if values.get(r) is not None) + sum(
                1 for r in expr.names if r in results and results[r] is not None)
            if answered < definition.min_answered:
                results[definition.id] = None
            else:
                result = expr.evaluate({**values, **results}, item_ids=ids)
                results[definition.id] = None if is_missing(result) else result
            continue
        members = score_items(instrument, definition)
        member_values = [values.get(m.id) for m in members]
        answered = [v for v in member_values if v is not None]
        if not answered or len(answered) < definition.min_answered:
            results[definition.id] = None
        elif definition.kind == ScoreKind.COUNT:
            target = definition.equals
            results[definition.id] = sum(
                1 for v in answered
                if (target in v if isinstance(v, list) else (v == target and type(v) is type(target))))
        elif definition.kind == ScoreKind.GAS:
            weights = [values.get(w) for w in definition.weights] or None
            results[definition.id] = gas_tscore(member_values, weights)
        else:
            numbers = [int(v) if isinstance(v, bool) else v for v in answered if isinstance(v, (int, float))]
            total = sum(numbers)
            results[definition.id] = total if definition.kind == ScoreKind.SUM else total / len(numbers)
    return results
