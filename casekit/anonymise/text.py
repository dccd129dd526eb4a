"""Free-text redaction: names in every inflected form, initials, places, identifiers, dates and ages.

:class:`Redactor` collects candidate :class:`~.patterns.Span` objects from every finder, keeps the longest
of overlapping ones (then the one of higher priority), and writes the replacements. Names are replaced by the
pseudonym's base form (*s panem Novákem* → *s panem Dvořák*): Czech inflection of the pseudonym is not
attempted, the sentence stays readable and nothing of the original form survives. What is left unreplaced is
scanned for residual risks (capitalised words that are not common words, places after a preposition,
eponymous diagnoses) for the report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .dates import EN_MONTHS, CS_MONTHS, DateShifter
from .inflection import fold
from .names import HONORIFICS, KIN, ROLES, TITLES
from .patterns import Span, conditions, identifier_spans, possible_rare_conditions, quasi_identifier_spans

WORD = re.compile(r"[^\W\d_]+")
INITIAL = re.compile(r"(?<![\w.’'])([^\W\d_a-zá-ž])\.(?![^\W\d_])")
_LOCATIVE = frozenset({"v", "ve", "na", "do", "z", "ze", "u", "k", "ke", "od", "pod", "nad", "in", "at", "from",
                       "to", "near", "around"})
_ABBREVIATIONS = frozenset({"č", "ul", "nám", "tř", "mj", "tzv", "např", "resp", "apod", "atd", "p", "s", "r", "o",
                            "st", "sv", "e.g", "i.e", "vs", "etc", "no"})
_MONTH_WORDS = frozenset(fold(w) for forms in CS_MONTHS for w in forms) | frozenset(fold(m) for m in EN_MONTHS)


@dataclass
class ResidualWarning:
    kind: str
    word: str
    where: str
    count: int = 1


@dataclass
class Findings:
    """What redaction did: counts per kind and the residual-risk warnings."""

    counts: Counter = field(default_factory=Counter)
    warnings: dict[tuple[str, str], ResidualWarning] = field(default_factory=dict)
    lowercase_name_hits: int = 0

    def warn(self, kind: str, word: str, where: str) -> None:
        key = (kind, word)
        if key in self.warnings:
            self.warnings[key].count += 1
        else:
            self.warnings[key] = ResidualWarning(kind, word, where)


@dataclass
class Lexicon:
    """The key as the redactor sees it: folded word forms → replacement, phrases, initials."""

    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded form → (kind, replacement)
    phrases: list[tuple[re.Pattern, str, str]] = field(default_factory=list)  # (pattern, kind, replacement)
    initials: set[str] = field(default_factory=set)
    letter: object = None  # callable: initial → pseudonym initial
    safe: frozenset[str] = frozenset()  # folded words never flagged (large towns, regions)
    skip: frozenset[str] = frozenset()  # folded words of formal organisations' names (flagged as such)


class Redactor:
    def __init__(self, lexicon: Lexicon, dates: DateShifter, common: frozenset[str], placeholder):
        self.lexicon = lexicon
        self.dates = dates
        self.common = common
        self.placeholder = placeholder  # kind → text such as "[telefon]"
        self.findings = Findings()

    # -- finding -------------------------------------------------------------------------------
    def _name_spans(self, text: str) -> list[Span]:
        spans = []
        for m in WORD.finditer(text):
            hit = self.lexicon.forms.get(fold(m.group(0)))
            if hit:
                kind, replacement = hit
                spans.append(Span(m.start(), m.end(), kind, replacement, 40))
        for pattern, kind, replacement in self.lexicon.phrases:
            for m in pattern.finditer(text):
                spans.append(Span(m.start(), m.end(), kind, replacement, 45))
        for m in INITIAL.finditer(text):
            letter = m.group(1)
            before = WORD.findall(text[max(0, m.start() - 20):m.start()])
            previous = fold(before[-1]) if before else ""
            if letter in self.lexicon.initials or previous in HONORIFICS or previous in KIN:
                spans.append(Span(m.start(1), m.end(1), "initial", self.lexicon.letter(letter), 40))
        return spans

    def _all_spans(self, text: str) -> list[Span]:
        return [
            *identifier_spans(text, self.common), *quasi_identifier_spans(text), *self.dates.spans(text),
            *self.dates.age_spans(text), *self._name_spans(text),
        ]

    @staticmethod
    def _resolve(spans: list[Span]) -> list[Span]:
        chosen: list[Span] = []
        for span in sorted(spans, key=lambda s: (-(s.end - s.start), -s.priority, s.start)):
            if all(span.end <= c.start or span.start >= c.end for c in chosen):
                chosen.append(span)
        return sorted(chosen, key=lambda s: s.start)

    # -- redacting -------------------------------------------------------------------------------
    def redact(self, text: str, where: str = "") -> str:
        if not text or not text.strip():
            return text
        spans = self._resolve(self._all_spans(text))
        out, last = [], 0
        for span in spans:
            original = text[span.start:span.end]
            replacement = span.replacement if span.replacement is not None else self.placeholder(span.kind)
            if span.kind in ("first_name", "surname") and original.islower():
                self.findings.lowercase_name_hits += 1
            if span.kind in ("first_name", "surname", "place") and original.isupper() and len(original) > 1:
                replacement = replacement.upper()
            self.findings.counts[span.kind] += 1
            out.append(text[last:span.start])
            out.append(replacement)
            last = span.end
        out.append(text[last:])
        self._residual(text, spans, where)
        return "".join(out)

    def _residual(self, text: str, spans: list[Span], where: str) -> None:
        covered = [(s.start, s.end) for s in spans]

        def is_covered(start: int, end: int) -> bool:
            return any(a < end and start < b for a, b in covered)

        for m in WORD.finditer(text):
            word = m.group(0)
            key = fold(word)
            if (len(word) < 2 or not word[0].isupper() or word.isupper() or is_covered(m.start(), m.end())
                    or key in self.common or key in self.lexicon.safe or key in _MONTH_WORDS or key in TITLES
                    or key in HONORIFICS or key in KIN or key in ROLES or _sentence_initial(text, m.start())
                    or any(key.startswith(fold(e)) for e in conditions()[2])):
                continue
            previous = WORD.findall(text[max(0, m.start() - 12):m.start()])
            if key in self.lexicon.skip:
                self.findings.warn("organisation_name", word, where)
            elif previous and fold(previous[-1]) in _LOCATIVE:
                self.findings.warn("small_place", word, where)
            else:
                self.findings.warn("capitalised_word", word, where)
        for diagnosis in possible_rare_conditions(text):
            self.findings.warn("possible_rare_condition", diagnosis, where)


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a sentence, a bracket or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'„“”‚‘(«»–-*•":
        if text[i] in "(„“\"«\n":
            return True
        i -= 1
    if i < 0 or text[i] in "\n:;!?…":
        return True
    if text[i] == ".":
        before = WORD.findall(text[max(0, i - 12):i])
        token = before[-1] if before else ""
        if text[i - len(token):i] == token and (len(token) == 1 or fold(token) in _ABBREVIATIONS
                                                  or fold(token) in TITLES):
            return False  # an initial or an abbreviation, not the end of a sentence
        return True
    return False
