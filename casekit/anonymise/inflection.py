"""Czech name inflection: every form of a name a case note may use, and the female form of a surname.

Czech names decline in seven grammatical cases (Novák, Nováka, Novákovi, Nováka, Nováku, Novákovi,
Novákem) and women's surnames take ``-ová`` or ``-á``. Redaction must recognise all of them, so
:func:`name_forms` generates the singular forms (plus the common family plurals: *Novákovi*, *u Nováků*)
for the regular patterns:

- consonant-final masculine (Novák, Jan, Petr → Petře, Tomáš → Tomáše), including the mobile *e* of
  ``-ek``/``-ec``/``-el`` (Hájek → Hájka, Němec → Němce, Pavel → Pavla);
- ``-a`` feminine or masculine (Jana → Jany, Janě, Janu, Jano, Janou; Svoboda → Svobodovi);
- ``-e`` / ``-ie`` (Marie → Marii, Marií; Alice → Alici);
- ``-í`` (Jiří → Jiřího), ``-o`` (Hugo → Huga);
- adjectival ``-ý`` (Černý → Černého, Černému, Černém, Černým) and ``-á``/``-ová`` (Nováková → Novákové,
  Novákovou).

The generator errs on the side of too many forms: a spurious form only costs a redaction that was not
needed, a missing one leaks a name. Matching is done on :func:`fold`-ed text (lower case, no diacritics),
so *NOVÁKOVI* and *novakovi* are found too.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_VOWELS = set("aáeéěiíoóuúůyý")
#: dative/locative of feminine -a nouns: the consonant before -a changes (Věra → Věře, Hanka → Hance)
_SOFTENED = {
    "k": "ce", "h": "ze", "g": "ze", "r": "ře", "d": "dě", "t": "tě", "n": "ně", "b": "bě", "p": "pě",
    "v": "vě", "m": "mě", "f": "fě", "l": "le", "s": "se", "z": "ze", "c": "ce",
}
_MASC_SUFFIXES = ("a", "e", "i", "u", "y", "ovi", "em", "ové", "ů", "ům", "ech", "ích", "ových", "ovým", "ovými",
                  "ovou", "ův", "ova", "ovo")
_MOBILE_E = ("ek", "ec", "el", "eň")
_SOFT_BEFORE_EK = {"n": "ň", "t": "ť", "d": "ď"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without diacritics: ``fold("Novákové") == "novakove"`` (memoised: words repeat)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _has_vowel(text: str) -> bool:
    return any(c in _VOWELS for c in text.lower())


def _masculine_stems(word: str) -> list[str]:
    stems = [word]
    lower = word.lower()
    if lower.endswith(_MOBILE_E) and len(word) > 3 and _has_vowel(word[:-2]):
        stems.append(word[:-2] + word[-1])  # Hájek → Hájk, Němec → Němc, Pavel → Pavl
    if lower.endswith("ěk") and len(word) > 3 and lower[-3] in _SOFT_BEFORE_EK:
        stems.append(word[:-3] + _SOFT_BEFORE_EK[lower[-3]] + "k")  # Vaněk → Vaňk
    return stems


def _drops_e(word: str) -> bool:
    """Whether the *e* of a final -ek/-ec/-el is mobile: Němec → Němce, but Kadlec → Kadlece, Švec → Ševce."""
    lower = word.lower()
    if len(lower) < 4 or lower[-3] in _VOWELS:
        return False
    return lower[-4] in _VOWELS or lower[-4] in "lr"


def _consonant_forms(word: str) -> set[str]:
    out: set[str] = set()
    for stem in _masculine_stems(word):
        out.update(stem + suffix for suffix in _MASC_SUFFIXES)
        last = stem[-1].lower()
        if last == "r" and len(stem) > 1 and stem[-2].lower() not in _VOWELS:
            out.add(stem[:-1] + "ře")  # Petr → Petře
        if last == "c":
            out.add(stem[:-1] + "če")  # Němec → Němče
        if last == "k":
            out.add(stem[:-1] + "ce")  # vocative/locative variants seen in practice
    return out


def _a_forms(word: str) -> set[str]:
    stem = word[:-1]
    out = {stem + s for s in ("y", "u", "o", "ou", "i", "ovi", "ové", "ových", "ů", "ům", "ovou")}
    last = stem[-1:].lower()
    if last in _SOFTENED:
        out.add(stem[:-1] + _SOFTENED[last])
    if stem.lower().endswith("ch"):
        out.add(stem[:-2] + "še")
    if last in ("ň", "ť", "ď"):
        out.add(stem[:-1] + {"ň": "ně", "ť": "tě", "ď": "dě"}[last])
    out.add(stem + "ě")
    out.add(stem + "e")
    return out


def name_forms(word: str) -> set[str]:
    """All forms (as written, with diacritics) under which ``word`` (one name token) may appear."""
    word = word.strip()
    if len(word) < 2:
        return {word} if word else set()
    lower = word.lower()
    out = {word}
    if lower.endswith("á"):  # Nováková, Černá, Malá (adjectival feminine)
        stem = word[:-1]
        out.update({stem + "é", stem + "ou", stem + "ých", stem + "ým"})
    elif lower.endswith("ý"):  # Černý
        stem = word[:-1]
        out.update(stem + s for s in ("ého", "ému", "ém", "ým", "í", "ých", "ými", "á", "é", "ou"))
    elif lower.endswith("í"):  # Jiří, Krejčí
        out.update({word + "ho", word + "mu", word + "m"})
    elif lower.endswith("e"):  # Marie, Lucie, Alice; rare masculine -e
        stem = word[:-1]
        out.update({stem + "i", stem + "í", word + "ho", word + "mu", word + "m", stem + "ovi"})
    elif lower.endswith("a"):
        out |= _a_forms(word)
    elif lower.endswith("o"):  # Hugo, Ivo, Marko
        stem = word[:-1]
        out.update(stem + s for s in ("a", "ovi", "u", "em", "e", "ové", "ů"))
    elif lower[-1] not in _VOWELS:
        out |= _consonant_forms(word)
        out.add(word + "s")  # English plural: the Smiths
    return out


def folded_forms(word: str) -> set[str]:
    return {fold(form) for form in name_forms(word)}


def is_female_surname(surname: str) -> bool:
    """Czech women's surnames are adjectival: ``-ová`` or ``-á`` (Nováková, Černá)."""
    return surname.strip().lower().endswith("á")


def feminine(surname: str) -> str:
    """The Czech female form of a surname: Novák → Nováková, Hájek → Hájková, Černý → Černá, Svoboda → Svobodová."""
    word = surname.strip()
    lower = word.lower()
    if not word or lower.endswith("á") or lower.endswith("í"):
        return word
    if lower.endswith("ý"):
        return word[:-1] + "á"
    if lower[-1] in "aoe":
        return word[:-1] + "ová"
    if lower.endswith(("ek", "ec", "el")) and _drops_e(word):
        return word[:-2] + word[-1] + "ová"
    if lower.endswith("ěk") and len(word) > 3 and lower[-3] in _SOFT_BEFORE_EK:
        return word[:-3] + _SOFT_BEFORE_EK[lower[-3]] + "ková"
    return word + "ová"


def masculine(surname: str) -> list[str]:
    """Likely male forms of a female surname (Nováková → Novák; Hájková → Hájk, Hájek; Černá → Černý)."""
    word = surname.strip()
    lower = word.lower()
    if lower.endswith("ová") and len(word) > 4:
        stem = word[:-3]
        out = [stem, stem + "a"]
        if stem[-1:].lower() in ("k", "c", "l") and len(stem) > 2 and stem[-2].lower() not in _VOWELS:
            out.append(stem[:-1] + "e" + stem[-1])  # Hájková → Hájek, Němcová → Němec, Havlová → Havel
        return out
    if lower.endswith("á"):
        return [word[:-1] + "ý"]
    return [word]


def family_forms(surname: str) -> set[str]:
    """The forms of a surname and of its male or female counterpart (a note may name the whole family)."""
    forms = name_forms(surname) | name_forms(feminine(surname))
    for male in masculine(surname):
        forms |= name_forms(male)
    return forms


def family_key(surname: str) -> str:
    """One key for a family's surnames: Novák and Nováková, Černý and Černá share it."""
    return fold(feminine(surname))


def place_forms(word: str) -> set[str]:
    """Forms of a place name: the name patterns plus plural and locative ones (Brodce → Brodcích, Brno → Brně)."""
    out = name_forms(word)
    lower = word.lower()
    if len(word) < 3:
        return out
    if lower[-1] in "eyi":
        stem = word[:-1]
        out.update(stem + s for s in ("ích", "ím", "emi", "ám", "ách", "ami", "ech", "ů", "ům"))
    elif lower[-1] == "o":
        stem = word[:-1]
        last = stem[-1:].lower()
        out.add(stem[:-1] + _SOFTENED[last] if last in _SOFTENED else stem + "ě")
        out.update({stem + "ě", stem + "e"})
    elif lower[-1] not in _VOWELS:
        for stem in _masculine_stems(word):
            out.update({stem + "ě", stem + "ích", stem + "ech"})
            if stem[-1:].lower() == "r":
                out.add(stem[:-1] + "ře")
    return out
