"""Three-way merge of two copies of a case, against the version both started from.

Two devices (the facilitator's console, the minute-taker's) edit one case. When one saves after the other,
the store refuses the stale copy; the session then merges, per field:

    merge(base, mine, theirs) -> MergeResult(merged, collisions)

``base`` is the document both copies started from, ``mine`` what this device made of it, ``theirs`` what is
stored now (all plain JSON: ``Case.model_dump(mode="json")``). The rules:

* **scalars**: unchanged on one side → the other side's value; the same change on both → fine; different
  changes → a :class:`Collision` naming the field and both values;
* **records with an id** (actors, needs, goals, actions, reviews, conferences) and records with another key
  (participants by ``name``, ratings by rater, review status changes by ``action_id``) merge by key: an item
  added on either side is kept; removed on one side and untouched on the other is removed; changed on both
  sides merges field by field; removed on one side and changed on the other is a collision. The order follows
  a three-way merge of the key sequences (a move on one side survives);
* **lists of plain values** (strengths, wishes, dissenters, crisis triggers) merge as three-way sequences:
  additions from both sides, removals from both sides, never a collision (two different edits of one line
  keep both lines);
* **lists of records without a key** (agenda items, decisions, crisis contacts) merge as three-way sequences
  too; where both sides changed the same stretch, each side's change of each item there is told apart (kept,
  changed, removed, added) and merged like a record with a key; only when that cannot be told (items removed
  and others added in different numbers) is it one collision for the list;
* **mappings** (GAS levels, GAS scores) merge key by key like records.

Merging two valid cases field by field need not give a valid case. What can break, and what :func:`merge`
does about it (tested with hypothesis in ``tests/test_conference_merge.py``):

* **references** (a need linked to an actor the other side removed, a GAS score of a removed goal, …): the
  removal wins and takes its references with it, exactly as the removal edit's cascade does
  (:func:`repair`). The one exception is an action whose owner the other side removed (the removal edit
  refuses that): a collision of kind ``owner_removed``; the preferred side decides (its actor is restored, or
  the action goes back to its version);
* **rules across fields** (:data:`RULES_A_MERGE_CAN_BREAK`: a next review before a conference date each side
  changed, a due date before a creation date, closing rules, more items than a list may hold …): a collision
  of kind ``rule`` for the record (or the case's dates) concerned, which goes back to the preferred side's
  version until the case is valid.

With collisions, ``merged`` holds the preferred side's value for each (``prefer="theirs"``, the stored one, by
default) and every change that did not collide. :meth:`Collision.message` says in plain words, in Czech or
English, which field and both values ("Place of the meeting: you wrote „Room B“, someone else saved
„Room A“.").
"""
from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Callable

from ..i18n import FALLBACK, catalog, current_language, gettext

#: kinds of collision
VALUE, REMOVED_BY_ME, REMOVED_BY_THEM, ITEMS, RULE, OWNER_REMOVED = (
    "value", "removed_by_me", "removed_by_them", "items", "rule", "owner_removed")
MINE, THEIRS = "mine", "theirs"
#: owners of an action that are not actors of the case (``casekit.model.base.RESERVED_OWNERS``)
_RESERVED_OWNERS = ("client", "case_manager")
#: the case's own dates and closing fields, which the case's rules check together
ROOT_DATES = ("opened", "closed", "closure_reason", "closure_note", "phase", "phase_history")
#: how many records a merge may send back to the preferred side for a broken rule before it takes that side whole
MAX_RULE_FIXES = 25

#: the rules of ``casekit.model`` that a field-by-field merge of two valid cases can break (error types)
RULES_A_MERGE_CAN_BREAK = frozenset({
    "casekit.next_review_before_conference", "casekit.action_due_before_created",
    "casekit.consent_withdrawn_before_given", "casekit.closed_before_opened",
    "casekit.closed_needs_date_and_reason", "casekit.closing_date_on_open_case",
    "casekit.phase_change_out_of_order", "casekit.phase_history_mismatch", "casekit.conference_before_opened",
    "casekit.review_before_opened", "too_long",
})


class _Gone:
    """Not there: a key missing from a mapping, a record missing from a list."""

    def __repr__(self) -> str:
        return "GONE"


GONE = _Gone()


def _rater(rating: dict) -> str:
    return f"actor:{rating.get('actor_id')}" if rating.get("perspective") == "actor" else str(rating.get("perspective"))


#: lists of records without an ``id`` that have a key of their own (field name → key of a record)
KEYED: dict[str, Callable[[dict], str]] = {
    "participants": lambda record: record.get("name"),
    "ratings": _rater,
    "action_changes": lambda record: record.get("action_id"),
}


# -- what a collision says ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Collision:
    """Both sides changed one field (or one record, or one stretch of a list) differently.

    ``path`` leads to it through the document: field names, record keys (an id, a participant's name, a rater)
    and list positions, e.g. ``("conferences", "conf-1", "place")``. ``label_key`` is the message key of its
    name; ``item`` names the record it is in ("Niece"), ``item_key`` a message key for that instead (a life
    domain). ``base``/``mine``/``theirs`` are the values (None where missing). ``kind``: ``value``,
    ``removed_by_me``, ``removed_by_them``, ``items``, ``owner_removed`` or ``rule`` (then ``reason`` is the
    broken rule's error type and ``reason_params`` its parameters)."""

    path: tuple
    label_key: str
    base: Any
    mine: Any
    theirs: Any
    kind: str = VALUE
    item: str = ""
    item_key: str = ""
    reason: str = ""
    reason_params: tuple = ()

    def field_name(self, lang: str | None = None) -> str:
        """The field as people call it, with the record it belongs to: "Phone (Niece)"."""
        name = gettext(self.label_key, lang)
        item = gettext(self.item_key, lang) if self.item_key else self.item
        if item:
            item = item if len(item) <= 60 else item[:59] + "…"
            return gettext("conference.collision.field_of_item", lang, field=name, item=item)
        return name

    def message(self, lang: str | None = None) -> str:
        """One plain sentence: which field, what you wrote, what someone else saved."""
        lang = lang or current_language()
        where = self.field_name(lang)
        if self.kind == VALUE:
            return gettext("conference.collision.value", lang, field=where, mine=show_value(self.mine, lang),
                           theirs=show_value(self.theirs, lang))
        if self.kind == RULE:
            return gettext("conference.collision.rule", lang, field=where, reason=self.reason_text(lang))
        return gettext(f"conference.collision.{self.kind}", lang, field=where)

    def reason_text(self, lang: str | None = None) -> str:
        params = dict(self.reason_params)
        code = self.reason.removeprefix("casekit.")
        key = f"errors.{code}"
        if key in catalog(FALLBACK):
            return gettext(key, lang, **params)
        return gettext("conference.collision.rule_unknown", lang)

    def __str__(self) -> str:
        return self.message()


def show_value(value: Any, lang: str | None = None) -> str:
    """A value as a sentence shows it: texts in quotes, yes/no, "nothing" for an empty field."""
    if value is None or value == "" or value == [] or value == {}:
        return gettext("conference.value.empty", lang)
    if isinstance(value, bool):
        return gettext("conference.value.yes" if value else "conference.value.no", lang)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    if isinstance(value, (dict, list)):
        return gettext("conference.value.changed_record", lang)
    text = str(value)
    text = text if len(text) <= 80 else text[:79] + "…"
    return gettext("conference.value.quoted", lang, text=text)


@dataclass
class MergeResult:
    """The merged document and what collided (empty: nothing to ask anybody)."""

    merged: dict
    collisions: list[Collision] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.collisions


# -- labels ------------------------------------------------------------------------------------------------------
def _label_key(names: tuple) -> str:
    """The message key naming the field at the end of ``names`` (field names only, no record keys)."""
    known = catalog(FALLBACK)
    names = tuple(str(n) for n in names)
    for end in range(len(names), 0, -1):
        last = names[end - 1]
        candidates = ([f"conference.field.{names[end - 2]}.{last}"] if end >= 2 else []) + [
            f"conference.field.{last}", f"field.{last}"]
        for key in candidates:
            if key in known:
                return key
    return "conference.field.case"


def _describe(record: Any) -> tuple[str, str]:
    """``(text, key)`` naming a record for people: its name, title, text … (a need by its life domain)."""
    if not isinstance(record, dict):
        return "", ""
    for name in ("name", "display_name", "title", "what", "text"):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip(), ""
    if isinstance(record.get("domain"), str):
        return "", f"domain.{record['domain']}"
    perspective = record.get("perspective")
    if perspective in ("client", "worker"):
        return "", f"perspective.{perspective}"
    return "", ""


# -- the merge ---------------------------------------------------------------------------------------------------
def _token(value: Any) -> Any:
    """A hashable stand-in for a JSON value (equal values, equal tokens)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return (type(value).__name__, value)
    return ("json", json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def _union(*mappings) -> list:
    """Keys of the mappings in order of first appearance."""
    return list(dict.fromkeys(key for mapping in mappings for key in mapping))


def _intersect(ra: tuple[int, int], rb: tuple[int, int]) -> tuple[int, int] | None:
    start, end = max(ra[0], rb[0]), min(ra[1], rb[1])
    return (start, end) if start < end else None


def _sync_regions(base: list, mine: list, theirs: list) -> list[tuple[int, int, int, int, int, int]]:
    """Stretches of ``base`` that both sides kept unchanged, with where they are in each side (merge3)."""
    a_matches = SequenceMatcher(None, base, mine, autojunk=False).get_matching_blocks()
    b_matches = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    ia = ib = 0
    regions = []
    while ia < len(a_matches) and ib < len(b_matches):
        a_base, a_at, a_len = a_matches[ia]
        b_base, b_at, b_len = b_matches[ib]
        common = _intersect((a_base, a_base + a_len), (b_base, b_base + b_len))
        if common:
            start, end = common
            a_start, b_start = a_at + (start - a_base), b_at + (start - b_base)
            regions.append((start, end, a_start, a_start + end - start, b_start, b_start + end - start))
        if a_base + a_len < b_base + b_len:
            ia += 1
        else:
            ib += 1
    regions.append((len(base), len(base), len(mine), len(mine), len(theirs), len(theirs)))
    return regions


def merge_regions(base: list, mine: list, theirs: list):
    """The three-way merge of two sequences as regions (the classic diff3/merge3):
    ``("unchanged", z0, z1)``, ``("same", a0, a1)``, ``("mine", a0, a1)``, ``("theirs", b0, b1)`` or
    ``("conflict", z0, z1, a0, a1, b0, b1)`` (indexes into base, mine, theirs). Elements must be hashable."""
    iz = ia = ib = 0
    for z_match, z_end, a_match, a_end, b_match, b_end in _sync_regions(base, mine, theirs):
        if a_match - ia or b_match - ib:
            z, a, b = base[iz:z_match], mine[ia:a_match], theirs[ib:b_match]
            if a == b:
                yield ("same", ia, a_match)
            elif a == z:
                yield ("theirs", ib, b_match)
            elif b == z:
                yield ("mine", ia, a_match)
            else:
                yield ("conflict", iz, z_match, ia, a_match, ib, b_match)
        # a stretch of base both sides deleted is simply left out
        if z_end > z_match:
            yield ("unchanged", z_match, z_end)
        iz, ia, ib = z_end, a_end, b_end


def _key_function(name: Any, *lists: list) -> Callable[[dict], str] | None:
    """How the records of a list are told apart: ``KEYED`` by field name, else by ``id``; None for values."""
    items = [item for items in lists for item in items]
    if not items or not all(isinstance(item, dict) for item in items):
        return None
    key = KEYED.get(name)
    if key is None and all(isinstance(item.get("id"), str) for item in items):
        key = lambda record: record["id"]  # noqa: E731
    if key is None:
        return None
    for items in lists:
        keys = [key(item) for item in items]
        if len(set(keys)) != len(keys) or any(k is None for k in keys):
            return None  # not a keyed list after all (never in a valid case)
    return key


def _place(order: list, survivors: dict, mine_keys: list, theirs_keys: list) -> list:
    """``survivors`` in ``order``; one the order lost (kept by a collision) goes after its predecessor."""
    placed = [key for key in dict.fromkeys(order) if key in survivors]
    seen = set(placed)
    for key in survivors:
        if key in seen:
            continue
        source = theirs_keys if key in theirs_keys else mine_keys
        at = 0
        for previous in reversed(source[:source.index(key)]):
            if previous in seen:
                at = placed.index(previous) + 1
                break
        placed.insert(at, key)
        seen.add(key)
    return placed


class _Merger:
    def __init__(self, prefer: str):
        if prefer not in (MINE, THEIRS):
            raise ValueError("prefer is 'mine' or 'theirs'")
        self.prefer = prefer
        self.collisions: list[Collision] = []

    # one value of any kind
    def value(self, base, mine, theirs, path: tuple, names: tuple, item: tuple[str, str]):
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict):
            described = _describe(theirs)
            return self.mapping(base if isinstance(base, dict) else {}, mine, theirs, path, names,
                                described if any(described) else item)
        if isinstance(mine, list) and isinstance(theirs, list):
            return self.sequence(base if isinstance(base, list) else [], mine, theirs, path, names, item)
        kind = REMOVED_BY_ME if mine is GONE else REMOVED_BY_THEM if theirs is GONE else VALUE
        return self.collide(kind, path, names, base, mine, theirs, item)

    def collide(self, kind, path, names, base, mine, theirs, item):
        plain = lambda v: None if v is GONE else copy.deepcopy(v)  # noqa: E731
        self.collisions.append(Collision(path=tuple(path), label_key=_label_key(names), base=plain(base),
                                         mine=plain(mine), theirs=plain(theirs), kind=kind, item=item[0],
                                         item_key=item[1]))
        return theirs if self.prefer == THEIRS else mine

    def mapping(self, base: dict, mine: dict, theirs: dict, path, names, item) -> dict:
        out = {}
        for key in _union(theirs, mine, base):
            merged = self.value(base.get(key, GONE), mine.get(key, GONE), theirs.get(key, GONE), path + (key,),
                                names + (key,), item)
            if merged is not GONE:
                out[key] = merged
        return out

    def sequence(self, base: list, mine: list, theirs: list, path, names, item) -> list:
        key = _key_function(names[-1] if names else None, base, mine, theirs)
        if key is not None:
            return self.keyed(key, base, mine, theirs, path, names)
        return self.sequence3(base, mine, theirs, path, names, item)

    def keyed(self, key, base: list, mine: list, theirs: list, path, names) -> list:
        b, m, t = ({key(r): r for r in records} for records in (base, mine, theirs))
        survivors = {}
        for k in _union(t, m, b):
            record = t.get(k) or m.get(k) or b.get(k)
            merged = self.value(b.get(k, GONE), m.get(k, GONE), t.get(k, GONE), path + (k,), names,
                                _describe(record))
            if merged is not GONE:
                survivors[k] = merged
        order = self.order(list(b), list(m), list(t))
        return [survivors[k] for k in _place(order, survivors, list(m), list(t))]

    @staticmethod
    def order(base: list, mine: list, theirs: list) -> list:
        """The merged order of keys (each key once): where both sides reordered one stretch, theirs first."""
        out: list = []
        for region in merge_regions(base, mine, theirs):
            tag = region[0]
            if tag == "unchanged":
                out += base[region[1]:region[2]]
            elif tag in ("same", "mine"):
                out += mine[region[1]:region[2]]
            elif tag == "theirs":
                out += theirs[region[1]:region[2]]
            else:
                _, z0, z1, a0, a1, b0, b1 = region
                out += theirs[b0:b1] + mine[a0:a1] + base[z0:z1]
        return out

    def sequence3(self, base: list, mine: list, theirs: list, path, names, item) -> list:
        tokens = [[_token(v) for v in values] for values in (base, mine, theirs)]
        out: list = []
        for region in merge_regions(*tokens):
            tag = region[0]
            if tag == "unchanged":
                out += base[region[1]:region[2]]
            elif tag in ("same", "mine"):
                out += mine[region[1]:region[2]]
            elif tag == "theirs":
                out += theirs[region[1]:region[2]]
            else:
                _, z0, z1, a0, a1, b0, b1 = region
                out += self.stretch(base[z0:z1], mine[a0:a1], theirs[b0:b1], z0, path, names, item)
        return copy.deepcopy(out)

    def stretch(self, z: list, a: list, b: list, start: int, path, names, item) -> list:
        """One stretch of a list both sides changed differently."""
        if not z:  # both inserted here: theirs first, then mine (an item both added, once)
            return b + _added(a, z, b)
        if not any(isinstance(v, (dict, list)) for v in z + a + b):
            return _changes_of_both(z, a, b)
        fates_a, fates_b = _fates(z, a), _fates(z, b)
        if fates_a is None or fates_b is None:  # items removed and others added, in different numbers
            self.collide(ITEMS, path, names, z, a, b, item)
            return b if self.prefer == THEIRS else a
        out = []
        for i, old in enumerate(z):
            described = _describe(old)
            merged = self.value(old, fates_a[0][i], fates_b[0][i], path + (start + i,), names,
                                described if any(described) else item)
            if merged is not GONE:
                out.append(merged)
        return out + fates_b[1] + _added(fates_a[1], [], fates_b[1])


def _fates(z: list, side: list) -> tuple[list, list] | None:
    """What one side did to each item of a stretch: the item itself (kept), its new version (changed: items lost
    and items new in equal numbers are paired in order) or GONE (removed); and the items it only added. None
    when that cannot be told (items lost and others new, in different numbers)."""
    tokens_z, tokens_side = [_token(v) for v in z], [_token(v) for v in side]
    kept_z, kept_side = set(), set()
    for i, j, n in SequenceMatcher(None, tokens_z, tokens_side, autojunk=False).get_matching_blocks():
        kept_z.update(range(i, i + n))
        kept_side.update(range(j, j + n))
    lost = [i for i in range(len(z)) if i not in kept_z]
    new = [side[j] for j in range(len(side)) if j not in kept_side]
    fates: list = list(z)
    if len(lost) == len(new):
        for i, value in zip(lost, new):
            fates[i] = value
        return fates, []
    if not new:
        for i in lost:
            fates[i] = GONE
        return fates, []
    if not lost:
        return fates, new
    return None


def _added(a: list, z: list, b: list) -> list:
    """What ``a`` added to ``z`` that ``b`` did not add too."""
    added_b = Counter(_token(v) for v in b) - Counter(_token(v) for v in z)
    out = []
    for value in a:
        token = _token(value)
        if added_b[token] > 0:
            added_b[token] -= 1
            continue
        out.append(value)
    return out


def _changes_of_both(z: list, a: list, b: list) -> list:
    """Plain values: what both sides removed is removed, what both added is added (in theirs' order, then mine)."""
    z_count = Counter(_token(v) for v in z)
    removed_by_a = z_count - Counter(_token(v) for v in a)
    out = []
    for value in b:
        token = _token(value)
        if removed_by_a[token] > 0 and z_count[token] > 0:
            removed_by_a[token] -= 1
            continue
        out.append(value)
    added_by_a = Counter(_token(v) for v in a) - z_count
    added_by_b = Counter(_token(v) for v in b) - z_count
    for value in a:
        token = _token(value)
        if added_by_a[token] > 0:
            added_by_a[token] -= 1
            if added_by_b[token] > 0:
                added_by_b[token] -= 1
                continue
            out.append(value)
    return out


def merge_values(base: Any, mine: Any, theirs: Any, *, path: tuple = (), prefer: str = THEIRS) -> MergeResult:
    """Three-way merge of any JSON values by the rules above, without a case's rules (no repair, no checks)."""
    merger = _Merger(prefer)
    names = tuple(p for p in path if isinstance(p, str))
    merged = merger.value(base, mine, theirs, tuple(path), names, ("", ""))
    return MergeResult(None if merged is GONE else copy.deepcopy(merged), merger.collisions)


def merge(base: dict, mine: dict, theirs: dict, *, prefer: str = THEIRS) -> MergeResult:
    """Three-way merge of two copies of a case document (``Case.model_dump(mode="json")``).

    ``prefer`` decides collisions in ``merged`` (the stored ``theirs`` by default; the session asks the person).
    ``merged`` carries theirs' ``version`` (it is saved over theirs); for a case it is always valid when both
    sides were (see the module's docs), collisions or not.
    """
    merger = _Merger(prefer)
    base = _with_defaults(base, mine, theirs)
    merged: dict = {}
    for key in _union(theirs, mine, base):
        if key == "version":
            continue
        value = merger.value(base.get(key, GONE), mine.get(key, GONE), theirs.get(key, GONE), (key,), (key,),
                             ("", ""))
        if value is not GONE:
            merged[key] = copy.deepcopy(value)
    if "version" in theirs:
        merged["version"] = theirs["version"]
    if _is_case(merged) and _is_case(mine) and _is_case(theirs):
        winner = theirs if prefer == THEIRS else mine
        repair(merged, winner=winner, base=base, mine=mine, theirs=theirs, collisions=merger.collisions)
        _keep_rules(merged, winner, base, mine, theirs, merger.collisions)
    return MergeResult(merged, merger.collisions)


def _is_case(document: Any) -> bool:
    return isinstance(document, dict) and all(
        isinstance(document.get(k), list) for k in ("actors", "needs", "goals", "actions", "reviews", "conferences"))


def _with_defaults(base: dict, mine: dict, theirs: dict) -> dict:
    """A crisis plan written on both sides where there was none starts from the empty plan (not from nothing),
    so that fields only one side filled in do not collide with the other side's defaults."""
    if base.get("crisis_plan") is None and isinstance(mine.get("crisis_plan"), dict) \
            and isinstance(theirs.get("crisis_plan"), dict):
        from ..model import CrisisPlan

        return {**base, "crisis_plan": CrisisPlan().model_dump(mode="json")}
    return base


# -- references ------------------------------------------------------------------------------------------------
def _find(records: list, record_id: str) -> dict | None:
    return next((r for r in records if r.get("id") == record_id), None)


def repair(document: dict, *, winner: dict, base: dict | None = None, mine: dict | None = None,
           theirs: dict | None = None, collisions: list | None = None) -> dict:
    """Make every reference of a merged case point at something that exists, in place.

    A reference to a record the other side removed goes, as that removal's cascade would have taken it (need
    links, GAS scores, status changes, a review's conference, participants' actors, conference actions, goals'
    needs, actions' need and goal). An action whose owner was removed is a collision (``owner_removed``): the
    ``winner``'s actor comes back, or the action returns to the winner's version (or goes, if the winner has
    none)."""
    collisions = collisions if collisions is not None else []
    sides = {"base": base or {}, "mine": mine or {}, "theirs": theirs or {}}
    for _ in range(len(document["actions"]) + len(document["actors"]) + 2):
        actor_ids = {a["id"] for a in document["actors"]}
        orphan = next((a for a in document["actions"]
                       if a["owner_id"] not in actor_ids and a["owner_id"] not in _RESERVED_OWNERS), None)
        if orphan is None:
            break
        values = {side: (_find(doc.get("actions", []), orphan["id"]) or {}).get("owner_id")
                  for side, doc in sides.items()}
        collisions.append(Collision(
            path=("actions", orphan["id"], "owner_id"), label_key=_label_key(("actions", "owner_id")),
            base=values["base"], mine=values["mine"], theirs=values["theirs"], kind=OWNER_REMOVED,
            item=orphan.get("what", "")))
        actor = _find(winner["actors"], orphan["owner_id"])
        if actor is not None:
            document["actors"].append(copy.deepcopy(actor))
            continue
        kept = _find(winner["actions"], orphan["id"])
        at = document["actions"].index(orphan)
        if kept is None or kept == orphan:
            del document["actions"][at]
        else:
            document["actions"][at] = copy.deepcopy(kept)
    _cascade(document)
    return document


def _cascade(document: dict) -> None:
    actor_ids = {a["id"] for a in document["actors"]}
    need_ids = {n["id"] for n in document["needs"]}
    goal_ids = {g["id"] for g in document["goals"]}
    action_ids = {a["id"] for a in document["actions"]}
    conference_ids = {c["id"] for c in document["conferences"]}
    for action in document["actions"]:  # the owner is settled above; a stray one is left for the rules to name
        if action.get("need_id") is not None and action["need_id"] not in need_ids:
            action["need_id"] = None
        if action.get("goal_id") is not None and action["goal_id"] not in goal_ids:
            action["goal_id"] = None
    for need in document["needs"]:
        need["actor_ids"] = [a for a in need["actor_ids"] if a in actor_ids]
        need["ratings"] = [r for r in need["ratings"]
                           if r.get("perspective") != "actor" or r.get("actor_id") in actor_ids]
    for goal in document["goals"]:
        goal["need_ids"] = [n for n in goal["need_ids"] if n in need_ids]
    for review in document["reviews"]:
        review["gas_scores"] = {g: s for g, s in review["gas_scores"].items() if g in goal_ids}
        review["action_changes"] = [c for c in review["action_changes"] if c["action_id"] in action_ids]
        if review.get("conference_id") is not None and review["conference_id"] not in conference_ids:
            review["conference_id"] = None
    for conference in document["conferences"]:
        conference["action_ids"] = [a for a in conference["action_ids"] if a in action_ids]
        for participant in conference["participants"]:
            if participant.get("actor_id") is not None and participant["actor_id"] not in actor_ids:
                participant["actor_id"] = None


# -- rules across fields -----------------------------------------------------------------------------------------
def _at(document: Any, path: tuple) -> Any:
    """The value at ``path`` (record keys looked up in keyed lists), or None."""
    node = document
    names: tuple = ()
    for part in path:
        if isinstance(node, dict):
            node = node.get(part, GONE) if isinstance(part, str) else GONE
            names += (part,)
        elif isinstance(node, list):
            key = _key_function(names[-1] if names else None, node)
            if isinstance(part, int) and key is None:
                node = node[part] if 0 <= part < len(node) else GONE
            elif key is not None:
                node = next((r for r in node if key(r) == part), GONE)
            else:
                node = GONE
        else:
            node = GONE
        if node is GONE:
            return None
    return node


def _locate(error: dict, document: dict) -> tuple:
    """The record a broken rule is about: the deepest keyed record on the error's location (a conference, an
    action …), else the top-level field; ``()`` for a rule of the whole case."""
    target: tuple = ()
    walked: tuple = ()
    node: Any = document
    names: tuple = ()
    for part in error.get("loc", ()):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            walked, names, node = walked + (part,), names + (part,), node[part]
            if len(walked) == 1:
                target = walked
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            key = _key_function(names[-1] if names else None, node)
            if key is None:
                break
            walked, node = walked + (key(node[part]),), node[part]
            target = walked
        else:
            break
    return target


def _case_rule_target(error: dict, document: dict, winner: dict) -> tuple:
    """Where a rule of the whole case (dates, closing) is broken: the case's own dates if they are not the winner's
    yet, else the first conference or review dated before the case was opened."""
    if any(document.get(k) != winner.get(k) for k in ROOT_DATES):
        return ("opened",)
    opened = document.get("opened") or ""
    for collection in ("conferences", "reviews"):
        for record in document[collection]:
            if str(record.get("date") or "") < str(opened):
                return (collection, record["id"])
    return ()


def _revert(document: dict, target: tuple, winner: dict) -> bool:
    """Give the record (or field) at ``target`` the winner's version; False when that is not possible."""
    if target == ("opened",):
        for key in ROOT_DATES:
            document[key] = copy.deepcopy(winner.get(key))
        return True
    if len(target) == 1:
        document[target[0]] = copy.deepcopy(winner.get(target[0]))
        return True
    parent_path, key = target[:-1], target[-1]
    parent, winner_parent = _at(document, parent_path), _at(winner, parent_path)
    if not isinstance(parent, list) or not isinstance(winner_parent, list):
        return _revert(document, target[:-2], winner) if len(target) > 2 else False
    names = tuple(p for p in parent_path if isinstance(p, str))
    by_key = _key_function(names[-1] if names else None, parent, winner_parent)
    if by_key is None:
        return False
    at = next((i for i, r in enumerate(parent) if by_key(r) == key), None)
    theirs = next((r for r in winner_parent if by_key(r) == key), None)
    if at is None:
        return False
    if theirs is None:
        del parent[at]
    elif theirs == parent[at]:
        return False
    else:
        parent[at] = copy.deepcopy(theirs)
    return True


def _keep_rules(document: dict, winner: dict, base: dict, mine: dict, theirs: dict, collisions: list) -> None:
    """Send records back to the winner's version until the merged case keeps every rule (see the module)."""
    from pydantic import ValidationError

    from ..model import Case

    for _ in range(MAX_RULE_FIXES):
        try:
            Case.model_validate(document)
            return
        except ValidationError as exc:
            error = exc.errors()[0]
        target = _locate(error, document) or _case_rule_target(error, document, winner)
        names = tuple(p for p in target if isinstance(p, str) and p in _FIELD_NAMES) or ("case",)
        collisions.append(Collision(
            path=target, label_key=_label_key(names if target != ("opened",) else ("opened",)),
            base=_at(base, target), mine=_at(mine, target), theirs=_at(theirs, target), kind=RULE,
            item=_describe(_at(document, target))[0], item_key=_describe(_at(document, target))[1],
            reason=str(error.get("type", "")),
            reason_params=tuple(sorted((str(k), str(v)) for k, v in (error.get("ctx") or {}).items()))))
        if not target or not _revert(document, target, winner):
            break
    else:
        try:
            Case.model_validate(document)
            return
        except ValidationError:
            pass
    version = document.get("version")
    document.clear()
    document.update(copy.deepcopy(winner))
    if version is not None:
        document["version"] = version


#: field names of the case model (a path's parts that are not record keys)
_FIELD_NAMES = frozenset({
    "client", "consents", "actors", "needs", "goals", "actions", "reviews", "conferences", "participants",
    "agenda", "decisions", "ratings", "crisis_plan", "contacts", "strengths", "wishes", "phase_history",
    "action_changes", "gas_scores", "levels", "opened",
})
