"""Finding the people in a case: person fields, honorifics, initials and first names Faker knows.

Case records name people in many shapes: ``Bc. H. Lesná (sociální pracovnice)``, ``Pan K. (klient)``,
``Soused pan V.``, ``Mr K.'s daughter``, ``Jan Novák``. :func:`find_refs` reads one text and returns the
name *runs* in it: initials and capitalised words that stand for a person. A capitalised word starts a run
when it follows an honorific or kinship word (*pan*, *paní*, *Ms*, *syn*), when it is a first name or
surname Faker knows, or — in a field that holds a person — when it opens the field and is not a common
word, an organisation's word or a place. Words after an initial or a name continue the run
(``J. Malá``: *Malá* is a common adjective, but here it is a surname).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .inflection import fold, is_female_surname

#: Academic titles and post-nominals: kept in the text, never a name.
TITLES = frozenset(fold(t) for t in (
    "Bc", "Mgr", "Ing", "MUDr", "MVDr", "MDDr", "PhDr", "JUDr", "RNDr", "PaedDr", "ThDr", "PharmDr", "Dr", "Prof",
    "Doc", "DiS", "CSc", "DrSc", "MBA", "MSc", "BSc", "BA", "MA", "LLM", "Ph", "PhD", "Th", "arch", "Ph.D", "Ph. D",
    "Th.D", "LL.M",
))
#: Honorifics: the next initial or word is a person's name; the gender they imply.
HONORIFICS = {
    **{fold(w): "male" for w in ("pan", "pana", "panu", "pane", "panem", "panovi", "Mr", "mister", "sir")},
    **{fold(w): "female" for w in ("paní", "slečna", "slečny", "slečně", "slečnu", "slečno", "slečnou", "Mrs", "Ms",
                                     "Miss", "madam")},
    fold("Mx"): None,
}
#: Kinship and neighbourhood words that often precede an initial (*syn P.*, *teta J.*, *her friend J.*).
KIN = frozenset(fold(w) for w in (
    "syn", "syna", "synovi", "synem", "dcera", "dcery", "dceři", "dceru", "dcerou", "otec", "otce", "otci", "otcem",
    "matka", "matky", "matce", "matku", "matkou", "bratr", "bratra", "bratrovi", "bratrem", "sestra", "sestry",
    "sestře", "sestru", "sestrou", "teta", "tety", "tetě", "tetu", "tetou", "strýc", "strýce", "babička", "babičky",
    "dědeček", "dědečka", "vnuk", "vnučka", "kamarád", "kamaráda", "kamarádka", "kamarádky", "soused", "souseda",
    "sousedovi", "sousedem", "sousedka", "sousedky", "partner", "partnera", "partnerka", "partnerky", "manžel",
    "manžela", "manželka", "manželky", "druh", "družka", "klient", "klienta", "klientka", "klientky", "son",
    "daughter", "father", "mother", "brother", "sister", "aunt", "uncle", "grandmother", "grandfather", "grandson",
    "granddaughter", "friend", "neighbour", "neighbor", "partner", "husband", "wife", "client", "her", "his",
))
#: Roles that open a field in place of a name (*Zástupkyně Správy bytů*, *Vedoucí týmu*).
ROLES = frozenset(fold(w) for w in (
    "zástupkyně", "zástupce", "vedoucí", "koordinátorka", "koordinátor", "pracovnice", "pracovník", "referentka",
    "referent", "poradkyně", "poradce", "ředitel", "ředitelka", "starostka", "starosta", "lékař", "lékařka",
    "psychiatrička", "psychiatr", "učitelka", "učitel", "advokátka", "advokát", "mentorka", "mentor", "asistentka",
    "asistent", "opatrovník", "opatrovnice", "kurátor", "kurátorka", "psycholožka", "psycholog", "terapeutka",
    "terapeut", "sociální", "case", "manažerka", "manažer", "zapisovatelka", "zapisovatel", "koordinátorky",
    "head", "officer", "worker", "coordinator", "manager", "adviser", "advisor", "counsellor", "nurse", "doctor",
    "teacher", "lawyer", "mayor", "guardian", "mentor", "psychiatrist", "psychologist", "key", "team", "peer",
))
_TOKEN = re.compile(r"Ph\.\s?D\.|Th\.\s?D\.|LL\.\s?M\.|[^\W\d_]+(?:['’-][^\W\d_]+)*\.?|\S")
_CONNECTORS = frozenset({"a", "and", "&", "von", "van", "de", "der", "la", "le"})


@dataclass
class NameRef:
    """One mention of a person: first names, surname and initials as written, and the gender it implies."""

    first: list[str] = field(default_factory=list)
    surname: str | None = None
    initials: list[str] = field(default_factory=list)
    gender: str | None = None


@lru_cache(maxsize=1)
def faker_names() -> dict:
    """Names Faker knows (cs_CZ, en_GB, en_US), keyed in lower case *with* diacritics (Jaké is not Jake):
    ``first`` → gender, ``last`` → gender or "", ``cs`` (Czech names, for undoing inflection), ``spelled``."""
    from faker.providers.person.cs_CZ import Provider as Czech
    from faker.providers.person.en_GB import Provider as British
    from faker.providers.person.en_US import Provider as American

    first: dict[str, str] = {}
    spelled: dict[str, str] = {}
    for provider in (Czech, British, American):
        for gender, names in (("male", provider.first_names_male), ("female", provider.first_names_female)):
            for name in names:
                key = name.lower()
                first[key] = gender if first.get(key, gender) == gender else ""
                spelled.setdefault(key, name)
    last: dict[str, str] = {}
    for gender, names in (("male", Czech.last_names_male), ("female", Czech.last_names_female),
                          ("", British.last_names), ("", American.last_names)):
        for name in names:
            last.setdefault(name.lower(), gender)
            spelled.setdefault(name.lower(), name)
    czech = {n.lower() for n in (*Czech.first_names_male, *Czech.first_names_female, *Czech.last_names_male,
                                 *Czech.last_names_female)}
    return {"first": first, "last": last, "cs": czech, "spelled": spelled}


def is_known_name(word: str) -> bool:
    known = faker_names()
    return word.lower() in known["first"] or word.lower() in known["last"]


#: Czech case endings (longest first) and the nominative endings to try: Petrem → Petr, Janě → Jana.
_ENDINGS = (
    ("ovou", ("ová", "")), ("ého", ("ý",)), ("ému", ("ý",)), ("ovi", ("", "a")), ("ové", ("ová", "")),
    ("ího", ("í",)), ("ímu", ("í",)), ("ým", ("ý",)), ("ém", ("ý",)), ("ím", ("í",)), ("em", ("",)), ("ou", ("a", "á")), ("ě", ("a",)), ("ií", ("ie",)),
    ("ií", ("ie",)), ("ii", ("ie",)), ("í", ("ie", "e")), ("y", ("a", "")), ("u", ("a", "")), ("o", ("a",)),
    ("a", ("",)), ("e", ("", "a", "e")), ("i", ("", "e")),
)
_UNSOFTEN = {"ř": "r", "c": "k", "z": "h", "š": "ch", "ť": "t", "ď": "d", "ň": "n"}


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str | None:
    """The Faker-known name ``word`` is a form of (``Hájkem`` → ``Hájek``, ``Novákové`` → ``Nováková``).
    Exact matches count for every locale; inflected forms only for Czech names."""
    known = faker_names()
    key = word.lower()
    if key in known["first"] or key in known["last"]:
        return known["spelled"][key]
    for ending, nominatives in _ENDINGS:
        if not key.endswith(ending) or len(key) - len(ending) < 2:
            continue
        stem = key[: -len(ending)]
        stems = [stem, stem[:-1] + "e" + stem[-1]]  # mobile e: Hájk → Hájek
        if stem[-1] in _UNSOFTEN:
            stems.append(stem[:-1] + _UNSOFTEN[stem[-1]])  # Věř(e) → Věr(a), Han(ce) → Hank(a)
        if stem.endswith("c"):
            stems.append(stem[:-1] + "k")
        for base in stems:
            for nominative in nominatives:
                if base + nominative in known["cs"]:
                    return known["spelled"][base + nominative]
    return None


def first_name_gender(name: str) -> str | None:
    gender = faker_names()["first"].get(name.lower())
    if gender:
        return gender
    return "female" if fold(name).endswith(("a", "ie", "e")) and gender is None else None


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word)


def find_refs(text: str, *, common: frozenset[str], excluded: frozenset[str] = frozenset(),
              person_field: bool = False) -> list[NameRef]:
    """The name runs in ``text``. ``common`` and ``excluded`` hold folded words that do not start a run by
    themselves (common words; words of organisation names and places). In a ``person_field`` a capitalised
    word that opens the field (or a part after a bracket or comma) starts a run too."""
    refs: list[NameRef] = []
    # lead: an honorific or title came just before; weak: a lone known name opening a sentence (Joy, smiles…)
    state = {"run": [], "gender": None, "lead": False, "weak": False}

    def close():
        parts = _split_run(state["run"])
        if state["weak"] and len(state["run"]) == 1:
            parts = []
        for part in parts:
            refs.append(_ref_from_run(part, state["gender"], state["lead"]))
            state["lead"] = False
        state.update(run=[], gender=None, lead=False, weak=False)

    tokens = _TOKEN.findall(text)
    name_like = _name_like_segments(tokens) if person_field else [False] * len(tokens)
    at_start = True
    for i, token in enumerate(tokens):
        word = token.rstrip(".")
        key = fold(word)
        if _is_initial(token):
            state["run"].append(token)
        elif key in KIN or key in ROLES:
            close()
            at_start = False
            continue
        elif key in TITLES and word[:1].isupper():
            close()
            state["lead"] = True
            continue
        elif key in HONORIFICS:
            close()
            state.update(lead=True, gender=HONORIFICS[key])
            continue
        elif _is_capitalised(word):
            base = lemma(word) if key not in common and key not in excluded else None
            is_known = base is not None
            if base and fold(base) != key:
                word = base  # an inflected name: register its nominative
            run = state["run"]
            if run:
                after_initial = _is_initial(run[-1])
                if is_known or (person_field or key.endswith("ova") if after_initial else key not in common):
                    run.append(word)
                else:
                    close()
            elif state["lead"] or name_like[i] and at_start and key not in common and key not in excluded:
                run.append(word)
            elif is_known and key not in common and key not in excluded:
                run.append(word)
                state["weak"] = at_start and not name_like[i] and base.lower() not in faker_names()["cs"]
            else:
                close()
            if token.endswith(".") and state["run"]:
                close()  # the end of a sentence ends the name
        else:
            close()
            at_start = token in "(,;:.!?–-" or token.endswith((".", "!", "?"))
            continue
        at_start = token.endswith(".") and not _is_initial(token) and key not in TITLES
    close()
    return [r for r in refs if r.first or r.surname or r.initials]


def _name_like_segments(tokens: list[str]) -> list[bool]:
    """Per token: does its segment (between brackets, commas, semicolons) hold only names, initials, titles,
    honorifics and kinship words? ``Jan Novák`` does; ``Bunkr club youth worker`` does not."""
    out = [False] * len(tokens)
    start = 0
    for end in [*(i for i, t in enumerate(tokens) if t in "(),;:–"), len(tokens)]:
        segment = tokens[start:end]
        words = [t for t in segment if t[:1].isalpha()]
        ok = bool(words) and all(
            _is_initial(t) or _is_capitalised(t.rstrip(".")) or fold(t.rstrip(".")) in HONORIFICS
            or fold(t.rstrip(".")) in KIN or fold(t.rstrip(".")) in _CONNECTORS
            for t in words
        )
        for i in range(start, end):
            out[i] = ok
        start = end + 1
    return out


def _split_run(run: list[str]) -> list[list[str]]:
    """``Jan Novák Marie Nováková`` is two people: a new one starts at a first name that follows a surname."""
    if not run:
        return []
    first_names = faker_names()["first"]
    parts = [[run[0]]]
    for previous, token in zip(run, run[1:]):
        starts = (not _is_initial(token) and token.lower() in first_names and not _is_initial(previous)
                  and previous.lower() not in first_names)
        if starts or _is_initial(token) and not _is_initial(previous):
            parts.append([token])
        else:
            parts[-1].append(token)
    return parts


def _ref_from_run(run: list[str], gender: str | None, after_honorific: bool) -> NameRef:
    ref = NameRef(gender=gender)
    words = [t for t in run if not _is_initial(t)]
    ref.initials = [t[0] for t in run if _is_initial(t)]
    if not words:
        return ref
    last = words[-1]
    known_first = last.lower() in faker_names()["first"]
    if len(words) > 1 or ref.initials or after_honorific or not known_first:
        ref.surname, ref.first = last, words[:-1]
    else:
        ref.first = words
    if ref.gender is None:
        if ref.surname and is_female_surname(ref.surname):
            ref.gender = "female"
        elif ref.first:
            ref.gender = first_name_gender(ref.first[0])
    return ref


def parse_known_name(text: str) -> NameRef:
    """A name the trainer lists (``known_names``): every capitalised word is a name, the last the surname."""
    words = [t.rstrip(".") for t in _TOKEN.findall(text) if t.strip(".") and t[0].isalpha()]
    words = [w for w in words if fold(w) not in TITLES and fold(w) not in HONORIFICS]
    initials = [w for w in words if len(w) == 1]
    words = [w for w in words if len(w) > 1]
    if not words:
        return NameRef(initials=initials)
    if len(words) == 1 and words[0].lower() in faker_names()["first"]:
        return NameRef(first=words, initials=initials, gender=first_name_gender(words[0]))
    ref = NameRef(first=words[:-1], surname=words[-1], initials=initials)
    ref.gender = "female" if is_female_surname(words[-1]) else (first_name_gender(words[0]) if len(words) > 1 else None)
    return ref
