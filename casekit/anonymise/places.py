"""Places and group names: the client's municipality split into place names, their patterns in free text, the
larger towns and regions (safe to leave), and the proper name inside an informal group's name."""
from __future__ import annotations

import re
from functools import lru_cache

from .inflection import fold, place_forms
from .names import HONORIFICS, KIN, ROLES, TITLES, lemma
from .pseudonyms import places
from .text import WORD

_CONNECTORS = frozenset({"nad", "pod", "u", "v", "ve", "na", "při", "upon", "on", "-"})
_PLACE_NOISE = frozenset({"orp", "okres", "obec", "město", "kraj", "area", "district", "region", "municipality"})


@lru_cache(maxsize=1)
def town_words() -> frozenset[str]:
    """Folded forms of the larger towns and the regions: never flagged, never replaced unless the client's."""
    data = places()
    words = {fold(f) for name in data["towns"] for w in WORD.findall(name) for f in place_forms(w)}
    words |= {fold(w) for region in data["regions"].values() for text in region.values() for w in WORD.findall(text)}
    return frozenset(words)


def case_place_words(case, common: frozenset[str], known_places=()) -> tuple[list[str], set[str], set[str]]:
    """What of a case names a place or an organisation, never a person: the place phrases of the client's
    municipality (plus ``known_places``), their folded word forms, and the folded forms of the words of formal
    organisations' names that are no known name (``Brodce`` in *Sociální odbor MěÚ Brodce*)."""
    phrases = place_phrases(case.client.municipality, common) + [p for p in known_places if p.strip()]
    place_tokens = {form for phrase in phrases for w in core_words(phrase, common) for form in _folded_forms(w)}
    org_words = {form for a in case.actors if a.kind.value == "organisation" and a.formal
                 for w in WORD.findall(a.name) if len(w) > 2 and lemma(w) is None for form in _folded_forms(w)}
    return phrases, place_tokens, org_words


@lru_cache(maxsize=1 << 14)
def _folded_forms(word: str) -> frozenset[str]:
    return frozenset(fold(form) for form in place_forms(word))


def place_phrases(municipality: str, common: frozenset[str]) -> list[str]:
    """Place names in a municipality field: ``Vřesová (ORP Ostružná Lhota)`` → ``Vřesová``, ``Ostružná Lhota``.
    A run of words that are all names Faker knows is left to the name finder (a person, not a place)."""
    phrases: list[str] = []
    for part in re.split(r"[(),;]", municipality or ""):
        run: list[str] = []
        for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|\S", part):
            key = fold(token)
            if token[:1].isupper() and key not in _PLACE_NOISE and not token.isupper():
                run.append(token)
            elif run and key in _CONNECTORS:
                run.append(token)
            else:
                if run:
                    phrases.append(run)
                run = []
        if run:
            phrases.append(run)
    out = []
    for run in phrases:
        while run and fold(run[-1]) in _CONNECTORS:
            run.pop()
        words = [w for w in run if fold(w) not in _CONNECTORS]
        if words and not all(lemma(w) for w in words) and not all(fold(w) in common for w in words):
            out.append(" ".join(run))
    return list(dict.fromkeys(out))


def core_words(phrase: str, common: frozenset[str]) -> list[str]:
    """The words of a place name that identify it by themselves (not *Nová*, *Horní*, *nad*)."""
    return [w for w in WORD.findall(phrase) if w[:1].isupper() and fold(w) not in common and len(w) > 2]


def phrase_pattern(phrase: str, common: frozenset[str]) -> re.Pattern:
    parts = []
    for word in WORD.findall(phrase):
        if word[:1].isupper():
            forms = sorted(place_forms(word), key=len, reverse=True)
            parts.append("(?:" + "|".join(re.escape(f) for f in forms) + ")")
        else:
            parts.append(re.escape(word))
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.I)


def informal_tail(name: str, common: frozenset[str], safe: set[str]) -> str | None:
    """The proper name inside an informal actor's name: ``Skupina pečujících Nejsme sami`` → ``Nejsme sami``."""
    head = re.split(r"[(,;]", name)[0]
    words = head.split()
    for i, word in enumerate(words[1:], start=1):
        bare = word.strip(".")
        key = fold(bare)
        if (bare[:1].isupper() and len(bare) > 1 and key not in HONORIFICS and key not in KIN and key not in ROLES
                and key not in TITLES and key not in safe):
            return " ".join(words[i:]).strip()
    return None
