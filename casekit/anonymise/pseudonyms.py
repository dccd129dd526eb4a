"""Pseudonyms: Faker names that keep gender and initials, and fictional places — one key per case.

The key is a :class:`Pseudonyms` object built from the case's seed (one random stream each for initials,
names and places, so the Czech and English versions of a case share initials and places). It maps

- every letter used as an initial to another letter (a derangement, so *Pan K.* never stays *Pan K.*);
- every real first name to a Faker first name of the same gender that starts with the mapped initial;
- every family of surnames (Novák, Nováková) to one Faker surname family (Dvořák, Dvořáková), again
  starting with the mapped initial, so *J. Novák*, *Jan Novák* and *Novákovi* stay consistent;
- every place to its region (towns of Czechia's larger towns list) or a fictional place.

No pseudonym equals any form of a real name of the case. The key never leaves the process: it is not
written to the anonymised case nor to the report.
"""
from __future__ import annotations

import json
import random
from functools import lru_cache
from pathlib import Path

from .inflection import fold, family_key, feminine, folded_forms, is_female_surname

DATA = Path(__file__).with_name("data")
#: Letters that Czech and English names start with; Č, Ř, Š, Ž count as C, R, S, Z and Q, W, X, Y as K, V, S, I.
LETTERS = "ABCDEFGHIJKLMNOPRSTUVZ"
_RARE = {"Q": "K", "W": "V", "X": "S", "Y": "I"}


@lru_cache(maxsize=1)
def places() -> dict:
    return json.loads((DATA / "places.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=2)
def faker_pool(lang: str) -> dict[str, list[str]]:
    """Faker's gendered names for ``lang``: cs_CZ for Czech, en_GB for English."""
    if lang == "cs":
        from faker.providers.person.cs_CZ import Provider
        return {"male": list(Provider.first_names_male), "female": list(Provider.first_names_female),
                "last": list(Provider.last_names_male)}
    from faker.providers.person.en_GB import Provider
    return {"male": list(dict.fromkeys(Provider.first_names_male)),
            "female": list(dict.fromkeys(Provider.first_names_female)),
            "last": list(dict.fromkeys(Provider.last_names))}


def _initial(name: str) -> str:
    folded = fold(name[:1]).upper()
    return _RARE.get(folded, folded)


class Pseudonyms:
    """The real → pseudonym key of one case (or pack). ``avoid``: folded forms of every real name and place."""

    def __init__(self, seed: int | str, lang: str, avoid: set[str]):
        # separate streams, so initials and places come out the same in the Czech and English version of a case
        self.rng = random.Random(f"casekit.pseudonyms:{seed}:letters")
        self._place_rng = random.Random(f"casekit.pseudonyms:{seed}:places")
        self.lang = lang
        self.avoid = set(avoid)
        self._letters = self._derangement()
        self.rng = random.Random(f"casekit.pseudonyms:{seed}:names:{lang}")
        self._first: dict[str, str] = {}
        self._family: dict[str, str] = {}
        self._places: dict[str, str] = {}
        self._used: set[str] = set()

    def _derangement(self) -> dict[str, str]:
        letters = list(LETTERS)
        while True:
            shuffled = letters[:]
            self.rng.shuffle(shuffled)
            if all(a != b for a, b in zip(letters, shuffled)):
                return dict(zip(letters, shuffled))

    def _pick(self, pool: list[str], real: str, extra_check=None) -> str:
        letter = self.letter(real)
        fresh = [n for n in pool if fold(n) not in self.avoid and fold(n) not in self._used
                 and (extra_check is None or extra_check(n))]
        same_letter = [n for n in fresh if _initial(n) == letter]
        other_letter = [n for n in fresh if _initial(n) != _initial(real)]
        choice = self.rng.choice(same_letter or other_letter or fresh or pool)
        self._used.add(fold(choice))
        return choice

    # -- the mappings ----------------------------------------------------------------------------
    def letter(self, initial: str) -> str:
        """The pseudonym of an initial (``K`` → ``D``)."""
        key = _initial(initial)
        return self._letters.get(key, key)

    def first_name(self, real: str, gender: str | None) -> str:
        key = fold(real)
        if key not in self._first:
            gender = gender if gender in ("male", "female") else self.rng.choice(("male", "female"))
            self._first[key] = self._pick(faker_pool(self.lang)[gender], real)
        return self._first[key]

    def surname(self, real: str, female: bool | None = None) -> str:
        """The pseudonym of a surname, in the female form when the real one is (Nováková → Dvořáková)."""
        key = family_key(real)
        if key not in self._family:
            ok = (lambda n: not folded_forms(feminine(n)) & self.avoid) if self.lang == "cs" else None
            self._family[key] = self._pick(faker_pool(self.lang)["last"], real, ok)
        base = self._family[key]
        female = is_female_surname(real) if female is None else female
        return feminine(base) if female and self.lang == "cs" else base

    def place(self, real: str) -> str:
        """A town from the larger-towns list → its region; any other place → a fictional place."""
        key = fold(real)
        if key not in self._places:
            data = places()
            towns = {fold(name): region for name, region in data["towns"].items()}
            if key in towns:
                self._places[key] = data["regions"][towns[key]][self.lang]
            else:
                taken = set(self._places.values())
                pool = [p for p in data["fictional"] if p not in taken and fold(p) not in self.avoid]
                self._places[key] = self._place_rng.choice(pool or data["fictional"])
        return self._places[key]

    def is_region(self, real: str) -> bool:
        return fold(real) in {fold(name) for name in places()["towns"]}

    @property
    def persons(self) -> int:
        return len(self._first) + len(self._family)
