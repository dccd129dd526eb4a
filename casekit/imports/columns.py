"""The columns of a caseload spreadsheet and how their values are read (Czech or English).

Headers are matched ignoring case, diacritics and punctuation (``Datum otevření`` = ``datum_otevreni``).
Codes and labels of casekit's vocabularies are accepted in both languages (``monitoring``, ``Monitorování``,
``ACT``). Dates: ISO ``2025-01-20``, Czech ``20. 1. 2025`` / ``20.01.2025``, or a spreadsheet date cell.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Callable

from ..gaps.areas import fold
from ..vocab import ClosureReason, Gender, Phase, TeamModel, Vocabulary


class CellError(ValueError):
    """A value that cannot be read; ``code`` names a message ``imports.<code>`` in both catalogues."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: Canonical column → header names people use (English and Czech; compared after ``fold``).
ALIASES: dict[str, tuple[str, ...]] = {
    "case_id": ("case id", "case", "id", "case number", "file number", "id pripadu", "cislo pripadu", "pripad",
                "cislo spisu", "spisova znacka", "id"),
    "display_name": ("client", "client pseudonym", "pseudonym", "display name", "client name", "initials",
                     "klient", "klientka", "pseudonym klienta", "prezdivka", "inicialy", "jmeno klienta"),
    "birth_year": ("birth year", "year of birth", "born", "rok narozeni", "rocnik", "narozen", "narozena"),
    "gender": ("gender", "sex", "pohlavi"),
    "municipality": ("municipality", "town", "place", "place of residence", "residence", "obec", "bydliste",
                     "misto", "misto bydliste", "mesto"),
    "case_manager": ("case manager", "worker", "key worker", "social worker", "casemanager", "klicovy pracovnik",
                     "klicova pracovnice", "case manazer", "case manazerka", "pracovnik", "pracovnice",
                     "socialni pracovnik", "socialni pracovnice"),
    "team_model": ("team model", "model", "case management model", "model tymu", "model prace", "typ tymu"),
    "phase": ("phase", "stage", "faze", "stadium"),
    "phase_since": ("phase since", "in phase since", "phase date", "faze od", "ve fazi od", "datum faze"),
    "opened": ("opened", "opened date", "date opened", "open date", "opened on", "start", "start date",
               "otevreno", "datum otevreni", "zahajeno", "datum zahajeni", "zahajeni spoluprace"),
    "closed": ("closed", "closed date", "date closed", "closed on", "end date", "ukonceno", "datum ukonceni",
               "ukonceni spoluprace"),
    "closure_reason": ("closure reason", "reason for closure", "reason closed", "duvod ukonceni"),
    "target_group": ("target group", "client group", "cilova skupina", "skupina"),
    "referral_source": ("referral source", "referred by", "referral", "zdroj", "kdo doporucil", "doporucil",
                        "odkud prisel", "zdroj kontaktu"),
    "last_conference": ("last conference", "last case conference", "conference", "conference date",
                        "posledni konference", "posledni pripadova konference", "pripadova konference",
                        "konference"),
    "next_review": ("next review", "review due", "next review date", "review", "dalsi revize", "pristi revize",
                    "revize", "dalsi prezkum", "datum revize", "termin revize"),
}
REQUIRED = ("display_name", "case_manager", "opened")
COLUMNS = tuple(ALIASES)
_HEADER = {fold(alias): column for column, aliases in ALIASES.items() for alias in (column.replace("_", " "), *aliases)}

#: Extra words accepted for vocabulary values, besides codes and labels in both languages.
_SYNONYMS = {
    Phase: {"kontakt": "contact", "engagement": "contact", "posouzeni": "assessment", "advokacie": "advocacy",
            "monitorovani": "monitoring", "uzavreno": "closed", "ukonceny": "closed", "closure": "closed"},
    TeamModel: {"act": "assertive_community", "asertivni": "assertive_community", "actt": "assertive_community",
                "individualni": "individual", "icm": "individual", "zprostredkovaci": "brokerage"},
    Gender: {"m": "male", "man": "male", "muz": "male", "f": "female", "z": "female", "woman": "female",
             "zena": "female", "zenske": "female", "muzske": "male"},
    ClosureReason: {},
}


def column_for(header) -> str | None:
    """The canonical column a header names, or None."""
    return _HEADER.get(fold(str(header or "")))


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


_CZECH_DATE = re.compile(r"^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")


def parse_date(value) -> date | None:
    """A date from a date cell, ``yyyy-mm-dd`` or ``d. m. yyyy`` (None when empty)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    match = _ISO_DATE.match(raw)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _CZECH_DATE.match(raw)
        if not match:
            raise CellError("bad_date", value=raw[:40])
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError("bad_date", value=raw[:40]) from None


def parse_year(value) -> int | None:
    raw = text(value)
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}", raw):
        raise CellError("bad_year", value=raw[:40])
    return int(raw)


def _vocabulary_lookup(vocab: type[Vocabulary]) -> dict[str, str]:
    table = {}
    for member in vocab:
        for name in (member.value, member.value.replace("_", " "), member.label("en"), member.label("cs")):
            table[fold(name)] = member.value
            table[fold(re.sub(r"\([^)]*\)", " ", name))] = member.value
    table.update(_SYNONYMS.get(vocab, {}))
    return table


def vocabulary(vocab: type[Vocabulary]) -> Callable[[object], str | None]:
    table = _vocabulary_lookup(vocab)

    def parse(value) -> str | None:
        raw = text(value)
        if not raw:
            return None
        found = table.get(fold(raw))
        if found is None:
            raise CellError("bad_choice", value=raw[:40], vocabulary=vocab)
        return found

    return parse


PARSERS: dict[str, Callable[[object], object]] = {
    "case_id": text, "display_name": text, "birth_year": parse_year, "gender": vocabulary(Gender),
    "municipality": text, "case_manager": text, "team_model": vocabulary(TeamModel), "phase": vocabulary(Phase),
    "phase_since": parse_date, "opened": parse_date, "closed": parse_date,
    "closure_reason": vocabulary(ClosureReason), "target_group": text, "referral_source": text,
    "last_conference": parse_date, "next_review": parse_date,
}
