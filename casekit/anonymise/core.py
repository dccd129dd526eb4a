"""The anonymiser: one pass to learn the people and places of a case, one pass to rewrite it.

Field by field (the case is walked generically, so a new text field is redacted without a code change):

- every ``date`` moves by the case's offset; the birth year becomes the representative year of its
  five-year age band at the case's opening (see :func:`_birth_year`);
- ``phone``/``email`` fields of actors are emptied; a crisis contact keeps only a public short number
  (155, 112, 116 111 …);
- ids that contain a name are renamed (references follow); the case id always is, so the copy cannot be
  matched to the store record; ``version`` starts at 0;
- every other text goes through the :class:`~.text.Redactor`.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from pydantic import ValidationError

from ..errors import InvalidData
from ..i18n import gettext, normalise_language
from ..model import Case, SupervisionSession
from .dates import DateShifter, age_band, draw_offset
from .fields import (
    CONTACT_FIELDS, CRISIS_PHONE, LIMITS, PERSON_FIELDS, PUBLIC_NUMBER, SESSION_LIMITS, SESSION_PERSON_FIELDS,
    is_person_actor_name, is_reference, pattern_of, texts, unique_participants, where,
)
from .inflection import fold, family_forms, family_key, is_female_surname, name_forms, place_forms
from .names import NameRef, faker_names, find_refs, first_name_gender, parse_known_name
from .places import case_place_words, core_words, informal_tail, phrase_pattern, town_words
from .pseudonyms import Pseudonyms
from .report import AnonymisationReport, ReportWarning
from .text import Lexicon, Redactor
from .wordlist import common_words


@dataclass
class AnonymisationResult:
    """The anonymised case, the anonymised supervision sessions about it (if given) and the report."""

    case: Case
    report: AnonymisationReport
    sessions: list[SupervisionSession] = field(default_factory=list)


class _Registry:
    """The names found in the case, in order of first appearance."""

    def __init__(self):
        self.first: dict[str, list] = {}  # folded → [surface, gender]
        self.families: dict[str, list[str]] = {}  # family key → surfaces
        self.initials: set[str] = set()

    def add(self, ref: NameRef) -> None:
        female = ref.gender == "female" or (ref.surname is not None and is_female_surname(ref.surname))
        for name in ref.first:
            if len(name) < 2:
                continue
            gender = first_name_gender(name) or ("female" if female else ref.gender)
            entry = self.first.setdefault(fold(name), [name, gender])
            entry[1] = entry[1] or gender
        if ref.surname and len(ref.surname) > 1:
            surfaces = self.families.setdefault(family_key(ref.surname), [])
            if ref.surname not in surfaces:
                surfaces.append(ref.surname)
        self.initials.update(ref.initials)

    def settle(self) -> None:
        """A word found both as a first name and as a surname is a surname unless Faker knows it as a first name."""
        first_names = faker_names()["first"]
        surnames = {fold(s) for surfaces in self.families.values() for s in surfaces}
        for key in [k for k, (surface, _) in self.first.items() if k in surnames and surface.lower() not in first_names]:
            del self.first[key]


class Anonymiser:
    """Anonymises a case (and texts that go with it, such as a study pack's prompts) with one key.

    ``seed`` makes the result reproducible; keep it private, like a key: with the seed and the anonymised case
    one could compute the date offset. ``known_names`` and ``known_places`` add names that appear only in free
    text (a relative mentioned in a note, a village).
    """

    def __init__(self, *, seed: int | str, lang: str | None = None, known_names=None, known_places=None):
        self.seed = seed
        self.lang = lang
        self.known_names = list(known_names or [])
        self.known_places = list(known_places or [])
        self.redactor: Redactor | None = None

    # -- learning the case -------------------------------------------------------------------------
    def fit(self, case: Case, sessions=()) -> "Anonymiser":
        """Learn the people and places of ``case`` (and of the supervision ``sessions`` about it)."""
        self.language = normalise_language(self.lang or case.language)
        rng = random.Random(f"casekit.anonymise:{self.seed}")
        self.offset = draw_offset(rng)
        self.case_id = f"case-{rng.getrandbits(32):08x}"
        common = common_words()
        data = case.model_dump()
        towns = town_words()

        phrases, place_tokens, org_words = case_place_words(case, common, self.known_places)
        excluded = frozenset(place_tokens | org_words | towns)

        registry = _Registry()
        found = [(path, value, pattern_of(path) in PERSON_FIELDS or is_person_actor_name(case, path))
                 for path, value in texts(data)]
        for session in sessions:
            found += [(path, value, pattern_of(path) in SESSION_PERSON_FIELDS)
                      for path, value in texts(session.model_dump())]
        for path, value, person in found:
            for ref in find_refs(value, common=common, excluded=excluded, person_field=person):
                registry.add(ref)
        for name in self.known_names:
            registry.add(parse_known_name(name))
        tails = [informal_tail(a.name, common, towns) for a in case.actors if not a.formal]

        registry.settle()
        first_forms = {fold(f) for surface, _ in registry.first.values() for f in name_forms(surface)}
        surname_forms = {fold(f) for surfaces in registry.families.values() for s in surfaces
                         for f in family_forms(s)}
        pseudonyms = Pseudonyms(self.seed, self.language, first_forms | surname_forms | place_tokens)
        self.pseudonyms = pseudonyms

        lexicon = _lexicon(registry, pseudonyms, phrases, tails, common)
        lexicon.safe, lexicon.skip = frozenset(towns), frozenset(org_words - place_tokens)
        self.lexicon = lexicon
        self.place_count = len(phrases)
        self.person_count = len(registry.first) + len(registry.families) + len(registry.initials)
        self.dates = DateShifter(self.offset, case.opened.year, self.language)
        self.redactor = Redactor(lexicon, self.dates, common, self._placeholder)
        return self

    def _placeholder(self, kind: str) -> str:
        return gettext(f"anonymise.placeholder.{kind}", self.language)

    # -- rewriting -----------------------------------------------------------------------------------
    def text(self, value: str, where: str = "") -> str:
        """Redact one free text with the case's key (call :meth:`fit` or :meth:`case` first)."""
        if self.redactor is None:
            raise RuntimeError("Anonymiser.fit(case) must come first")
        return self.redactor.redact(value, where)

    def case(self, case: Case, sessions=()) -> AnonymisationResult:
        """The anonymised copy of ``case`` (and of the supervision ``sessions`` about it) and the report."""
        if self.redactor is None:
            self.fit(case, sessions)
        findings = self.redactor.findings
        data = case.model_dump()
        birth_year = data["client"].get("birth_year")
        new = self._walk(data, ())
        band = None
        if birth_year is not None:
            band, new["client"]["birth_year"] = self._birth_year(case, birth_year)
            findings.counts["birth_year"] += 1
        if case.client.municipality and new["client"]["municipality"] != case.client.municipality:
            findings.counts["municipality"] += 1
        new["id"] = self.case_id
        new["version"] = 0
        findings.counts["identifier"] += 1
        self._rename_ids(new)
        unique_participants(new)
        try:
            anonymised = Case.model_validate(new)
        except ValidationError as exc:
            raise InvalidData.from_validation(exc) from None
        new_sessions = [self._session(session, case.id) for session in sessions]
        report = AnonymisationReport(
            language=self.language, counts={k: v for k, v in findings.counts.items() if v},
            persons=self.person_count, places=self.place_count, age_band=band,
            lowercase_name_hits=findings.lowercase_name_hits,
            warnings=[ReportWarning(kind=w.kind, word=w.word, where=w.where, count=w.count)
                      for w in findings.warnings.values()],
        )
        return AnonymisationResult(anonymised, report, new_sessions)

    def _session(self, session: SupervisionSession, case_id: str) -> SupervisionSession:
        """A supervision session with names redacted, dates shifted and the case reference renamed."""
        data = self._walk(session.model_dump(), (), SESSION_LIMITS)
        data["case_ids"] = [self.case_id for c in session.case_ids if c == case_id]
        data["competency_assessment_id"] = None  # the self-assessment is not part of the anonymised copy
        data["version"] = 0
        try:
            return SupervisionSession.model_validate(data)
        except ValidationError as exc:
            raise InvalidData.from_validation(exc) from None

    def _birth_year(self, case: Case, birth_year: int) -> tuple[str, int]:
        """The age band at opening, and a birth year that gives the band's middle age at the shifted opening.

        The model keeps ``birth_year: int``; the anonymised case must stay a valid case, so it holds the band's
        representative year (an 82-year-old in the 80–84 band at the shifted opening date) and the report
        names the band. Ages computed from the anonymised case are right to the band, not to the year.
        """
        band, middle = age_band(case.opened.year - birth_year)
        year = (case.opened + self.offset).year - middle
        oldest = date.today().year - 120  # the model refuses older birth years; the band is still reported
        return band, max(min(year, date.today().year), oldest)

    def _walk(self, node, path: tuple, limits: dict = LIMITS):
        findings = self.redactor.findings
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if isinstance(key, str) and (is_reference(key) or key in ("language", "catalogue_id", "gas_scores",
                                                                             "version", "birth_year")):
                    out[key] = value
                else:
                    out[key] = self._walk(value, path + (key,), limits)
            return out
        if isinstance(node, list):
            return [self._walk(value, path + (i,), limits) for i, value in enumerate(node)]
        if isinstance(node, Enum):
            return node
        if isinstance(node, date):
            findings.counts["date_field"] += 1
            return self.dates.shift(node)
        if isinstance(node, str):
            pattern = pattern_of(path)
            if pattern in CONTACT_FIELDS:
                if node.strip():
                    findings.counts["contact_field"] += 1
                return ""
            if pattern == CRISIS_PHONE:
                if node.strip() and not PUBLIC_NUMBER.match(node):
                    findings.counts["contact_field"] += 1
                    return ""
                return node
            text = self.redactor.redact(node, where(path))
            limit = limits.get(pattern)
            if limit and len(text) > limit:
                text = text[: limit - 1].rstrip() + "…"
            return text
        return node

    def _rename_ids(self, data: dict) -> None:
        """Rename ids that contain a name of the case (``act-novak``); references follow."""
        names = {k for k, (kind, _) in self.lexicon.forms.items() if kind in ("first_name", "surname")}
        mapping: dict[str, str] = {}
        for collection in ("actors", "needs", "goals", "actions", "reviews", "conferences"):
            for n, item in enumerate(data.get(collection, [])):
                parts = {fold(p) for p in re.split(r"[-_.:]", item["id"])}
                if parts & names:
                    mapping[item["id"]] = f"{collection[:-1]}-{n + 1}"
        if not mapping:
            return
        self.redactor.findings.counts["identifier"] += len(mapping)

        def visit(node):
            if isinstance(node, dict):
                for key, value in list(node.items()):
                    if key == "gas_scores":
                        node[key] = {mapping.get(k, k): v for k, v in value.items()}
                    elif is_reference(key) and isinstance(value, str):
                        node[key] = mapping.get(value, value)
                    elif is_reference(key) and isinstance(value, list):
                        node[key] = [mapping.get(v, v) for v in value]
                    else:
                        visit(value)
            elif isinstance(node, list):
                for value in node:
                    visit(value)

        visit(data)


def _lexicon(registry: _Registry, pseudonyms: Pseudonyms, phrases: list[str], tails: list[str | None],
             common: frozenset[str]) -> Lexicon:
    """Every form of every real name and place → its pseudonym (nominatives win over inflected forms)."""
    lexicon = Lexicon(letter=pseudonyms.letter, initials=set(registry.initials))
    nominative: dict[str, tuple[str, str]] = {}
    inflected: dict[str, tuple[str, str]] = {}
    for key, (surface, gender) in registry.first.items():
        fake = pseudonyms.first_name(surface, gender)
        nominative.setdefault(key, ("first_name", fake))
        for form in name_forms(surface):
            inflected.setdefault(fold(form), ("first_name", fake))
    for surfaces in registry.families.values():
        female_forms, male_forms = set(), set()
        for surface in surfaces:
            forms = {fold(f) for f in name_forms(surface)}
            if is_female_surname(surface):
                female_forms |= forms
            else:
                male_forms |= forms
        if male_forms:  # a form both could have (Černým) is read as the man's
            female_forms -= male_forms
        for surface in surfaces:
            nominative.setdefault(fold(surface), ("surname", pseudonyms.surname(surface)))
            for form in family_forms(surface):
                key = fold(form)
                inflected.setdefault(key, ("surname", pseudonyms.surname(surface, key in female_forms)))
    for phrase in phrases:
        replacement = pseudonyms.place(phrase)
        lexicon.phrases.append((phrase_pattern(phrase, common), "place", replacement))
        for word in core_words(phrase, common):
            for form in place_forms(word):
                inflected.setdefault(fold(form), ("place", replacement))
    for tail in tails:
        if tail:
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in tail.split()) + r"(?!\w)", re.I)
            lexicon.phrases.append((pattern, "organisation", None))
    lexicon.forms = {k: v for k, v in {**inflected, **nominative}.items() if len(k) > 1}
    return lexicon


def anonymise(case: Case, *, seed: int | str, lang: str | None = None, known_names=None,
              known_places=None, sessions=()) -> AnonymisationResult:
    """Anonymise ``case`` for training: pseudonyms, one date offset, age band, generalised place, redacted text.

    ``lang`` chooses the pseudonyms' locale (cs_CZ or en_GB), the placeholders and the report's language
    (default: the case's language). The same seed gives the same result. ``sessions``: supervision sessions about
    the case, anonymised with the same key (``result.sessions``); a reference to another case is dropped.
    """
    anonymiser = Anonymiser(seed=seed, lang=lang, known_names=known_names, known_places=known_places)
    return anonymiser.case(case, sessions)


# -- helpers -----------------------------------------------------------------------------------------
