"""Masking free text for the room: people's names become their labels, identifiers a short placeholder.

The detector is the anonymiser's (``casekit anonymise``), not a second one:

- **names** (:mod:`.names`, :mod:`.inflection`): each person of the case is read with :func:`~.names.find_refs`
  (as a person field), and every Czech form of their first names and surnames (*Nováková*, *Novákové*,
  *Novákovou*, *Novák*, *Novákovi* …) is matched case- and accent-insensitively; a name in the shown texts that
  belongs to nobody of the case (a third party in the request) is found the same way and gets initials of its
  own. A run such as ``Jana Nováková`` or ``H. Lesná`` becomes one label (``J. N.``); a form shared by two
  people becomes its first letter. A name that is also a common word (*Malá*, *malé*) is masked only where it
  is capitalised;
- **identifiers** (:func:`~.patterns.identifier_spans`): phones, e-mails, street addresses, birth numbers,
  ID-card, file and bank-account numbers; dates of birth written in the text (:class:`~.dates.DateShifter`,
  with no shift) → the placeholders of the message catalogues (``[telefon]`` / ``[phone]`` …).

Unlike the anonymiser, nothing else changes: dates, ages and diagnoses are what the meeting discusses.
Masked texts are memoised per masker, maskers per case content (:func:`masker_for`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from functools import lru_cache

from ..i18n import gettext
from .dates import BIRTH_CONTEXT, DateShifter
from .inflection import family_forms, fold, name_forms
from .names import find_refs
from .patterns import Span, identifier_spans
from .people import PersonLabels, initials
from .places import case_place_words, town_words
from .text import WORD, Redactor
from .wordlist import common_words

_BIRTH_HINT = re.compile(r"(?i)\bnar\.|narozen|\bborn\b|\bDOB\b|narození|of\s+birth")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.\s?)+$")
_GAP = re.compile(r"\s+")


class Masker:
    """Masks one case's free texts. ``forms``: folded name form → the label of its one owner, or ``None``
    when several people share it (then the word's first letter is shown)."""

    def __init__(self, forms: dict[str, str | None], placeholder: Callable[[str], str], common: frozenset[str],
                 birth_dates: DateShifter):
        self.forms = forms
        self.placeholder = placeholder
        self.common = common
        self.birth_dates = birth_dates
        self._memo: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text or not text.strip():
            return text
        masked = self._memo.get(text)
        if masked is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            masked = self._memo[text] = self._mask(text)
        return masked

    def _name_spans(self, text: str) -> list[Span]:
        spans = []
        for m in WORD.finditer(text):
            word = m.group(0)
            key = fold(word)
            if key not in self.forms or (key in self.common and not word[0].isupper()):
                continue
            label = self.forms[key]
            spans.append(Span(m.start(), m.end(), "name", label, 40))
        return spans

    def _spans(self, text: str) -> list[Span]:
        spans = self._name_spans(text)
        if "@" in text or any(c.isdigit() for c in text):
            spans += identifier_spans(text, self.common)
            if _BIRTH_HINT.search(text):
                spans += [s for s in self.birth_dates.spans(text) if s.kind == "birth_date"]
        return Redactor._resolve(spans)

    def _mask(self, text: str) -> str:
        run = None  # [start, end, labels, letters] of adjacent name spans
        pieces: list[tuple[int, int, str]] = []

        def close():
            if run is not None:
                labels = {label for label in run[2] if label}
                replacement = labels.pop() if len(labels) == 1 else " ".join(
                    label or letter for label, letter in zip(run[2], run[3]))
                pieces.append((run[0], run[1], replacement))

        for span in self._spans(text):
            if span.kind != "name":
                close()
                run = None
                pieces.append((span.start, span.end, self.placeholder(span.kind)))
                continue
            letter = text[span.start].upper() + "."
            if run is not None and run[1] <= span.start and _GAP.fullmatch(text[run[1]:span.start]):
                run[1] = span.end
                run[2].append(span.replacement)
                run[3].append(letter)
                continue
            close()
            floor = max(pieces[-1][1] if pieces else 0, span.start - 12)
            before = _INITIALS_BEFORE.search(text[floor:span.start])
            start = floor + before.start() if before else span.start  # "H. Lesná" is one name
            run = [start, span.end, [span.replacement], [letter]]
        close()
        out, last = [], 0
        for start, end, replacement in pieces:
            out.append(text[last:start])
            out.append(replacement)
            last = end + (replacement.endswith(".") and text[end:end + 1] == ".")  # "J. N." ends the sentence
        out.append(text[last:])
        return "".join(out)


def identity(text: str) -> str:
    return text


# -- building a masker for a case ------------------------------------------------------------------------------
_EXCLUDED: dict[frozenset, frozenset] = {}


def _interned(words: frozenset[str]) -> frozenset[str]:
    """One object per distinct set, so the memo below compares sets by identity."""
    if len(_EXCLUDED) > 64:
        _EXCLUDED.clear()
    return _EXCLUDED.setdefault(words, words)


@lru_cache(maxsize=1 << 15)
def _refs(text: str, excluded: frozenset[str], person_field: bool) -> tuple[tuple[tuple[str, ...], str | None,
                                                                               tuple[str, ...]], ...]:
    """The name runs of one text as (first names, surname, initials): memoised, texts repeat across redraws."""
    found = find_refs(text, common=common_words(), excluded=excluded, person_field=person_field)
    return tuple((tuple(r.first), r.surname, tuple(r.initials)) for r in found)


@lru_cache(maxsize=1 << 14)
def _forms(first: tuple[str, ...], surname: str | None) -> frozenset[str]:
    """Folded forms of a person's first names and of their family's surname (*Novák*, *Nováková* …)."""
    forms = {fold(f) for name in first if len(name) > 1 for f in name_forms(name)}
    if surname and len(surname) > 1:
        forms |= {fold(f) for f in family_forms(surname)}
    return frozenset(f for f in forms if len(f) > 1)


def build_masker(case, people: list[tuple[str, str]], texts: Iterable[str], labels: PersonLabels,
                 lang: str) -> Masker:
    """The masker of ``case``: ``people`` are (name as written, label) of every person of the case; ``texts``
    the free texts that will be shown (names found there that belong to nobody get labels from ``labels``)."""
    common = common_words()
    _, place_tokens, org_words = case_place_words(case, common)
    excluded = _interned(frozenset(place_tokens | org_words | town_words()))
    owners: dict[str, set[str]] = {}
    for name, label in people:
        for first, surname, _ in _refs(name, excluded, True):
            for form in _forms(first, surname):
                owners.setdefault(form, set()).add(label)
    for text in texts:
        for first, surname, letters in _refs(text, excluded, False):
            forms = _forms(first, surname)
            if not forms or forms <= owners.keys():
                continue  # nobody's name, or a person already known (of the case, or from another text)
            written = " ".join([f"{x}." for x in letters] + list(first) + ([surname] if surname else []))
            label = labels.label(written, short=initials(written))
            for form in forms:
                owners.setdefault(form, set()).add(label)
    forms = {form: (next(iter(found)) if len(found) == 1 else None) for form, found in owners.items()}
    key = (lang, case.opened.year, frozenset(forms.items()))
    masker = _MASKERS.get(key)  # an edit that names nobody new keeps the masked texts
    if masker is None:
        if len(_MASKERS) >= 16:
            _MASKERS.pop(next(iter(_MASKERS)))
        dates = DateShifter(timedelta(0), case.opened.year, lang)
        masker = _MASKERS[key] = Masker(forms, lambda kind: gettext(f"anonymise.placeholder.{kind}", lang), common,
                                        dates)
    return masker


_MASKERS: dict[tuple, Masker] = {}
