"""The rules of an instrument that span fields: unique ids, known items and levels, no branching cycles …

``check_rules(instrument)`` returns every problem it finds (not just the first) as :class:`Problem`s that
point into the YAML document (``("domains", 0, "items", 3, "show_if")``); the loader turns those paths
into line numbers. ``validate_instrument`` raises :class:`InstrumentError` for an instrument built in
Python (for example by an importer), where there are no lines to name.
"""
from __future__ import annotations

import keyword
from collections.abc import Collection
from fnmatch import fnmatchcase
from dataclasses import dataclass, field
from typing import Any

from ..errors import CaseKitError
from ..i18n import gettext
from .definition import Instrument, Item, ItemType, ScoreKind
from .expr import RESERVED, VALUE, Expression, ExpressionError, parse

#: Item types whose answers are numbers (a sum or a mean makes sense).
NUMERIC_TYPES = (ItemType.SCALE, ItemType.NUMBER, ItemType.YESNO)
CHOICE_TYPES = (ItemType.SCALE, ItemType.SINGLE, ItemType.MULTIPLE)


@dataclass(frozen=True)
class Problem:
    """One problem: where it is in the document, a message key and its parameters."""

    path: tuple
    code: str
    params: dict = field(default_factory=dict)
    field_name: str | None = None  # set for shape errors reported by pydantic: the YAML key

    def reason(self, lang: str | None = None) -> str:
        params = {k: (v.message(lang) if isinstance(v, CaseKitError) else v) for k, v in self.params.items()}
        text = gettext(self.code, lang, **params)
        if self.field_name:
            text = gettext("errors.instrument_field", lang, field=self.field_name, reason=text)
        return text


class InstrumentError(CaseKitError):
    """An instrument casekit cannot use; one message per problem, naming the file and the line."""

    code = "errors.instrument_invalid"

    def __init__(self, source: str, problems: list[Problem], lines: list[int | None] | None = None):
        self.source = source
        self.problems = list(problems)
        self.lines = list(lines) if lines is not None else [None] * len(self.problems)
        super().__init__(self.code, source=source)

    def messages(self, lang: str | None = None) -> list[str]:
        out = []
        source = self.source or gettext("errors.instrument_text_source", lang)
        for problem, line in zip(self.problems, self.lines):
            reason = problem.reason(lang)
            if line is not None:
                out.append(gettext("errors.instrument_at_line", lang, file=source, line=line, reason=reason))
            elif problem.path:
                out.append(gettext("errors.instrument_at_path", lang, file=source,
                                   where=_path_text(problem.path), reason=reason))
            else:
                out.append(gettext("errors.instrument_at", lang, file=source, reason=reason))
        return out or [gettext(self.code, lang, source=source)]


def _path_text(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def validate_instrument(instrument: Instrument, source: str | None = None) -> Instrument:
    """Raise :class:`InstrumentError` when the instrument breaks a rule; return it unchanged otherwise."""
    problems = check_rules(instrument)
    if problems:
        raise InstrumentError(source or instrument.id, problems)
    return instrument


def check_rules(instrument: Instrument) -> list[Problem]:
    return _Rules(instrument).run()


def levels_text(item: Item) -> str:
    if item.type == ItemType.YESNO:
        return "true, false"
    return ", ".join(str(level.value) for level in item.levels)


def has_level(item: Item, value: Any) -> bool:
    if item.type == ItemType.YESNO:
        return isinstance(value, bool)
    return any(level.value == value and type(level.value) is type(value) for level in item.levels)


class _Rules:
    def __init__(self, instrument: Instrument):
        self.ins = instrument
        self.problems: list[Problem] = []
        self.paths: dict[str, tuple] = {}   # item id → path of its first definition
        self.items: dict[str, Item] = {}
        for d, domain in enumerate(instrument.domains):
            for i, item in enumerate(domain.items):
                self.paths.setdefault(item.id, ("domains", d, "items", i))
                self.items.setdefault(item.id, item)
        self.ids = list(self.items)
        self.parsed_conditions: dict[str, Expression] = {}
        self.unique_level_lists: set[tuple] = set()

    def add(self, where: tuple, code: str, /, **params) -> None:
        self.problems.append(Problem(tuple(where), code, params))

    def run(self) -> list[Problem]:
        self.ids_are_unique()
        self.shared_scales()
        for d, domain in enumerate(self.ins.domains):
            for i, item in enumerate(domain.items):
                self.item(("domains", d, "items", i), item)
        self.branching_cycles()
        self.scores()
        return self.problems

    # -- ids --------------------------------------------------------------------------------------
    def ids_are_unique(self) -> None:
        seen: set[str] = set()
        for d, domain in enumerate(self.ins.domains):
            if domain.id in seen:
                self.add(("domains", d, "id"), "errors.instrument_duplicate_domain", id=domain.id)
            seen.add(domain.id)
        seen = set()
        for d, domain in enumerate(self.ins.domains):
            for i, item in enumerate(domain.items):
                path = ("domains", d, "items", i, "id")
                if item.id in seen:
                    self.add(path, "errors.instrument_duplicate_item", id=item.id)
                seen.add(item.id)
                if item.id in RESERVED or keyword.iskeyword(item.id):
                    self.add(path, "errors.instrument_reserved_id", id=item.id)
        seen = set()
        for s, score in enumerate(self.ins.scores):
            if score.id in seen:
                self.add(("scores", s, "id"), "errors.instrument_duplicate_score", id=score.id)
            elif score.id in self.items:
                self.add(("scores", s, "id"), "errors.instrument_score_is_item", id=score.id)
            seen.add(score.id)

    # -- levels -----------------------------------------------------------------------------------
    def shared_scales(self) -> None:
        for name, levels in self.ins.scales.items():
            self.unique_levels(("scales", name), name, levels)

    def unique_levels(self, path: tuple, owner: str, levels) -> None:
        key = tuple(map(id, levels))
        if key in self.unique_level_lists:  # the same levels on many items (an imported matrix, a shared
            return                          # choice list): checked once
        seen: set = set()
        for n, level in enumerate(levels):
            value = (type(level.value), level.value)  # 1 and "1" are different levels, True is no level here
            if value in seen:
                self.add((*path, n, "value"), "errors.instrument_duplicate_level", value=level.value, item=owner)
            seen.add(value)
        if len(seen) == len(levels):
            self.unique_level_lists.add(key)

    def item(self, path: tuple, item: Item) -> None:
        kind = item.type.value
        if item.scale and item.scale not in self.ins.scales:
            self.add((*path, "scale"), "errors.instrument_unknown_scale", item=item.id, scale=item.scale,
                     known=", ".join(self.ins.scales) or "-")
        elif item.type in CHOICE_TYPES:
            if item.scale and item.levels and item.levels != self.ins.scales[item.scale]:
                self.add((*path, "scale"), "errors.instrument_scale_and_levels", item=item.id)
            if not item.levels:
                self.add(path, "errors.instrument_no_levels", item=item.id, type=kind)
            elif not item.scale:
                self.unique_levels((*path, "levels"), item.id, item.levels)
            if item.type == ItemType.SCALE:
                for n, level in enumerate(item.levels):
                    if not isinstance(level.value, int):
                        where = ("scales", item.scale, n, "value") if item.scale else (*path, "levels", n, "value")
                        self.add(where, "errors.instrument_scale_not_numeric", item=item.id, value=level.value)
                        break
        elif item.levels or item.scale:
            self.add((*path, "levels" if item.levels else "scale"), "errors.instrument_levels_not_allowed",
                     item=item.id, type=kind)
        if item.type == ItemType.NUMBER:
            if item.min is not None and item.max is not None and item.min > item.max:
                self.add((*path, "min"), "errors.instrument_min_max", item=item.id, min=_num(item.min),
                         max=_num(item.max))
        elif item.min is not None or item.max is not None:
            self.add((*path, "min" if item.min is not None else "max"), "errors.instrument_bounds_not_allowed",
                     item=item.id, type=kind)
        if item.perspectives:
            for n, perspective in enumerate(item.perspectives):
                if perspective not in self.ins.perspectives:
                    self.add((*path, "perspectives", n), "errors.instrument_perspective_unknown", item=item.id,
                             perspective=perspective.value,
                             known=", ".join(p.value for p in self.ins.perspectives))
        if item.show_if:
            self.expression((*path, "show_if"), "show_if", item.id, item.show_if)
        if item.constraint:
            self.expression((*path, "constraint"), "constraint", item.id, item.constraint, allow_value=True)

    # -- expressions ------------------------------------------------------------------------------
    def expression(self, path: tuple, field_name: str, owner: str, text: str, *, allow_value: bool = False,
                   extra_names: Collection[str] = ()) -> Expression | None:
        try:
            expr = parse(text)
            if field_name == "show_if":
                self.parsed_conditions[owner] = expr  # the cycle search reads it again: parsed once
        except ExpressionError as exc:
            self.add(path, "errors.instrument_expression", field=field_name, owner=owner, reason=exc)
            return None
        if expr.uses_value and not allow_value:
            self.add(path, "errors.instrument_value_outside_constraint", field=field_name, owner=owner, name=VALUE)
        for name in sorted(expr.names):
            if name not in self.items and name not in extra_names:
                self.add(path, "errors.instrument_unknown_item", field=field_name, owner=owner, name=name)
        for pattern in expr.globs:
            if not any(fnmatchcase(i, pattern) for i in self.ids):
                self.add(path, "errors.instrument_glob_matches_nothing", field=field_name, owner=owner,
                         pattern=pattern)
        for comparison in expr.comparisons:
            item = self.items.get(owner if comparison.name == VALUE else comparison.name)
            if item is None or item.type not in (*CHOICE_TYPES, ItemType.YESNO):
                continue
            if item.type != ItemType.YESNO and not item.levels:
                continue
            for value in comparison.values:
                if not has_level(item, value):
                    self.add(path, "errors.instrument_unknown_level", field=field_name, owner=owner,
                             item=item.id, value=repr(value) if isinstance(value, str) else value,
                             levels=levels_text(item))
        return expr

    def branching_cycles(self) -> None:
        """Every branching cycle once, found by an iterative depth-first search (linear in the items and their
        references, and no recursion: a chain of 50,000 conditions is fine)."""
        position = {item_id: n for n, item_id in enumerate(self.ids)}
        graph: dict[str, list[str]] = {}
        for item_id, item in self.items.items():
            refs: set[str] = set()
            if item.show_if:
                try:
                    expr = self.parsed_conditions.get(item_id) or parse(item.show_if)
                    refs = expr.references(self.ids) & self.items.keys()
                except ExpressionError:
                    pass
            graph[item_id] = sorted(refs, key=position.__getitem__)
        reported: set[frozenset] = set()
        state: dict[str, int] = {}  # 1: on the stack, 2: done
        for root in self.ids:
            if root in state:
                continue
            stack: list[str] = [root]
            on_stack: dict[str, int] = {root: 0}   # item -> its place in `stack`
            nexts = [0]                             # per stack entry: the next reference to follow
            state[root] = 1
            while stack:
                node = stack[-1]
                refs = graph[node]
                if nexts[-1] < len(refs):
                    nxt = refs[nexts[-1]]
                    nexts[-1] += 1
                    if state.get(nxt) == 1:
                        cycle = stack[on_stack[nxt]:]
                        key = frozenset(cycle)
                        if key not in reported:
                            reported.add(key)
                            first = min(cycle, key=position.__getitem__)
                            start = cycle.index(first)
                            ordered = cycle[start:] + cycle[:start]
                            self.add((*self.paths[first], "show_if"), "errors.instrument_cycle", item=first,
                                     path=" → ".join([*ordered, first]))
                    elif nxt not in state:
                        state[nxt] = 1
                        on_stack[nxt] = len(stack)
                        stack.append(nxt)
                        nexts.append(0)
                else:
                    stack.pop()
                    nexts.pop()
                    del on_stack[node]
                    state[node] = 2

    # -- scores -----------------------------------------------------------------------------------
    def scores(self) -> None:
        domains = {d.id: d for d in self.ins.domains}
        # the ids of the scores before this one: a set, not a copy of a list per score (quadratic: 12 million
        # entries copied for the 5,000 scores of a 50,000-row import)
        earlier: set[str] = set()
        for s, score in enumerate(self.ins.scores):
            path = ("scores", s)
            if score.kind == ScoreKind.EXPR:
                if not score.expr:
                    self.add(path, "errors.instrument_expr_without_expr", score=score.id)
                else:
                    self.expression((*path, "expr"), "expr", score.id, score.expr, extra_names=earlier)
                earlier.add(score.id)
                continue
            if score.domain and score.domain not in domains:
                self.add((*path, "domain"), "errors.instrument_score_unknown_domain", score=score.id,
                         domain=score.domain)
            for n, item_id in enumerate(score.items):
                if item_id not in self.items:
                    self.add((*path, "items", n), "errors.instrument_score_unknown_item", score=score.id, item=item_id)
            members = score_items(self.ins, score, self.items)
            for n, item_id in enumerate(score.weights):
                if item_id not in self.items:
                    self.add((*path, "weights", n), "errors.instrument_score_unknown_item", score=score.id,
                             item=item_id)
                elif self.items[item_id].type != ItemType.NUMBER:
                    self.add((*path, "weights", n), "errors.instrument_score_not_numeric", score=score.id,
                             item=item_id)
            if not score.domain and not score.items:
                self.add(path, "errors.instrument_score_no_source", score=score.id)
            if score.kind in (ScoreKind.SUM, ScoreKind.MEAN, ScoreKind.GAS):
                for item in members:
                    if not _numeric(item):
                        self.add(path, "errors.instrument_score_not_numeric", score=score.id, item=item.id)
            if score.kind == ScoreKind.GAS and score.weights and len(score.weights) != len(members):
                self.add((*path, "weights"), "errors.instrument_gas_weights", score=score.id,
                         weights=len(score.weights), items=len(members))
            if score.kind == ScoreKind.COUNT:
                if score.equals is None:
                    self.add(path, "errors.instrument_count_without_equals", score=score.id)
                else:
                    with_levels = [m for m in members if m.type in (*CHOICE_TYPES, ItemType.YESNO)
                                   and (m.levels or m.type == ItemType.YESNO)]
                    if with_levels and not any(has_level(m, score.equals) for m in with_levels):
                        self.add((*path, "equals"), "errors.instrument_unknown_level", field="equals",
                                 owner=score.id, item=with_levels[0].id, value=score.equals,
                                 levels=levels_text(with_levels[0]))
            if members and score.min_answered > len(members):
                self.add((*path, "min_answered"), "errors.instrument_min_answered", score=score.id,
                         min_answered=score.min_answered, count=len(members))
            earlier.add(score.id)


def score_items(instrument: Instrument, score, by_id: dict[str, Item] | None = None) -> list[Item]:
    """The items a sum, mean, count or gas score is computed from, in instrument order.

    ``domain:`` contributes the domain's items that fit the kind (numbers for sum, mean and gas – for gas only
    scale items –, anything but text and dates for count); ``items:`` are taken as listed. Unknown ids are
    left out (the checks report them). ``by_id`` (item id → item, the first of duplicate ids) saves building
    that index again when many scores are looked up.
    """
    members: list[Item] = []
    if score.domain:
        for domain in instrument.domains:
            if domain.id == score.domain:
                for item in domain.items:
                    if score.kind == ScoreKind.GAS:
                        fits = item.type == ItemType.SCALE
                    elif score.kind == ScoreKind.COUNT:
                        fits = item.type not in (ItemType.TEXT, ItemType.DATE)
                    else:
                        fits = _numeric(item)
                    if fits:
                        members.append(item)
    if score.items:
        if by_id is None:
            by_id = {}
            for item in instrument.items():
                by_id.setdefault(item.id, item)  # with duplicate ids (an error of its own) the first one counts
        seen = {id(m) for m in members}
        for item_id in score.items:
            item = by_id.get(item_id)
            if item is not None and id(item) not in seen:
                seen.add(id(item))
                members.append(item)
    return members


def _numeric(item: Item) -> bool:
    if item.type in NUMERIC_TYPES:
        return True
    return item.type == ItemType.SINGLE and bool(item.levels) and all(
        isinstance(level.value, int) for level in item.levels)


def _num(x: float):
    return int(x) if float(x).is_integer() else x
