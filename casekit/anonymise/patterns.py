"""Direct identifiers in free text, found by pattern: e-mail, phone, birth number, ID card, file number,
bank account, street address; plus rare conditions and household details (quasi-identifiers).

Each finder returns :class:`Span` objects over the original text; :mod:`.text` resolves overlaps (the longer
match wins, so ``MMB/12345/2024`` is a file number, not a bank account ``12345/2024``) and writes the
placeholder of the span's kind (``[telefon]``/``[phone]`` …, texts in the message catalogues).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Span:
    """Replace ``text[start:end]`` by ``replacement`` (``None``: the placeholder of ``kind``)."""

    start: int
    end: int
    kind: str
    replacement: str | None = None
    priority: int = 50


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,4})?\b")
BANK = re.compile(r"(?<![\w/-])(?:\d{1,6}-)?\d{2,10}/\d{4}(?![\w/])")
BIRTH_NUMBER = re.compile(r"(?<![\d/])(\d{2})(\d{2})(\d{2})\s?/\s?\d{3,4}(?![\d/])")
BIRTH_NUMBER_BARE = re.compile(r"(?<![\d/])(\d{2})(\d{2})(\d{2})\d{4}(?![\d/])")
BIRTH_NUMBER_KEYWORD = re.compile(
    r"(?i)(?:\bRČ|\br\.\s?č\.|rodn\w+\s+čísl\w*|birth\s+number|personal\s+number)\s*:?\s*(\d{6}\s?/?\s?\d{3,4})")
ID_CARD = re.compile(
    r"(?i)(?:\bOP\b|občansk\w+\s+průkaz\w*|\bpas\w*|cestovn\w+\s+pas\w*|\bID\s+card|identity\s+card|passport)"
    r"\s*(?:č\.|číslo|no\.?|number|:)?\s*([A-Z]{0,2}\s?\d{6,9})\b")
FILE_KEYWORD = re.compile(
    r"(?i)(?:č\.\s?j\.|\bčj\.|č\.\s?jednací|sp\.\s?zn\.|spis\.\s?zn\.|spisov\w+\s+značk\w+|file\s+(?:no\.|number)"
    r"|\bref(?:erence)?\.?\s*(?:no\.)?|case\s+(?:no\.|number))\s*:?\s*"
    r"(\d+\s?[A-Z][A-Za-z]{0,3}\s?\d+/\d{2,4}|[A-Z0-9][A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)+|\d{3,})")
FILE_COURT = re.compile(r"\b\d{1,3}\s?[A-Z][A-Za-z]{0,3}\s?\d{1,6}/\d{4}\b")
FILE_OFFICE = re.compile(r"\b[A-Z]{2,8}(?:[/-][A-Z0-9]+)*/\d{1,7}/\d{4}(?:/[A-Za-z0-9]+)?\b")
PHONE = re.compile(r"(?<![\w+/])(?:(?:\+|00)\s?420[\s-]?)?[1-9]\d{2}[\s-]?(?:\d{3}[\s-]?\d{3}|\d{2}\s\d{2}\s\d{2})(?![\w/])")
PHONE_UK = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w)")
STREET_KEYWORD = re.compile(
    r"(?i)\b(?:ul\.|ulice|ulici|nám\.|náměstí|tř\.|třída|třídě|nábř\.|nábřeží|sídl\.|sídliště)\s+"
    r"(?:[^\W\d_][\w.]*\s+){0,3}?(?:č\.\s?(?:p\.\s?)?)?\d{1,4}[a-z]?(?:/\d{1,4}[a-z]?)?\b")
STREET_BARE = re.compile(
    r"\b(?:(?:Na|U|K|Pod|Nad|V|Ve|Za|Před|Při)\s+)?([A-ZÁ-Ž][a-zá-ž]+(?:\s+[A-ZÁ-Ž][a-zá-ž]+)?)\s+"
    r"\d{1,4}[a-z]?(?:/\d{1,4}[a-z]?)?(?![\w/])(?![.,]?\s?\d)"
    r"(?!\s*(?:Kč|km|kg|let|rok|x|%|hod|min|měs|dn|dní|týd|tis|mil|osob|dět|lidí|krát|stup|Eur|EUR|CZK|years|days))")
HOUSE_NUMBER = re.compile(r"\bč\.\s?p\.\s?\d{1,5}\b")
POSTCODE_CZ = re.compile(r"\b\d{3}\s?\d{2}(?=\s+[A-ZÁ-Ž][a-zá-ž])")
STREET_EN = re.compile(
    r"\b(?:(?:Flat|Apartment|Apt\.?|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Crescent|Terrace"
    r"|Gardens|Grove|Hill|Row|Walk|Park|Mews|Green)\b\.?")
POSTCODE_UK = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
MANY_CHILDREN = re.compile(
    r"(?i)\b(?:[4-9]|1\d|čtyři|pět|šest|sedm|osm|devět|deset|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:dět\w*|children|kids|sourozenc\w*|siblings)\b")
MULTIPLE_BIRTH = re.compile(r"(?i)\b(?:dvojč\w*|trojč\w*|čtyřč\w*|twins?|triplets?|quadruplets?)\b")
_STREET_PREPOSITIONS = {"Na", "U", "K", "Pod", "Nad", "V", "Ve", "Za", "Před", "Při"}


@lru_cache(maxsize=1)
def conditions() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(rare-condition pattern, eponym pattern for the residual check, common eponyms)."""
    data = json.loads((DATA / "rare_conditions.json").read_text(encoding="utf-8"))
    tail = r"(?:['’]s)?(?:\s+(?:chorob\w*|nemoc\w*|syndrom\w*|disease|syndrome|chorea))?"
    rare = re.compile(r"(?i)\b(?:" + "|".join(f"(?:{stem})" for stem in data["rare"]) + r")\w*" + tail)
    eponym = re.compile(r"\b([A-ZÁ-Ž][a-zá-ž]+?)(?:ův|ova|ovo|ovy|ovu|ovou|ově|ovým|['’]s)\s+"
                        r"(?:syndrom\w*|chorob\w*|nemoc\w*|disease|syndrome)")
    return rare, eponym, frozenset(data["common_eponyms"])


def _valid_birth_number(yy: str, mm: str, dd: str) -> bool:
    month, day = int(mm), int(dd)
    for offset in (0, 20, 50, 70):
        if 1 <= month - offset <= 12:
            try:
                date(2000, month - offset, day)
            except ValueError:
                return False
            return True
    return False


def identifier_spans(text: str, common: frozenset[str]) -> list[Span]:
    """Spans of direct identifiers in ``text``. ``common``: folded common words (a bare street name must not be one)."""
    from .inflection import fold

    spans: list[Span] = []

    def add(match: re.Match, kind: str, priority: int, group: int = 0):
        spans.append(Span(match.start(group), match.end(group), kind, None, priority))

    for m in EMAIL.finditer(text):
        add(m, "email", 100)
    for m in IBAN.finditer(text):
        add(m, "bank_account", 95)
    for m in BANK.finditer(text):
        digits = m.group(0)
        is_birth = re.fullmatch(r"(\d{2})(\d{2})(\d{2})/\d{3,4}", digits)
        if is_birth and _valid_birth_number(*is_birth.groups()):
            add(m, "birth_number", 92)
        else:
            add(m, "bank_account", 90)
    for m in BIRTH_NUMBER.finditer(text):
        if _valid_birth_number(*m.groups()):
            add(m, "birth_number", 92)
    for m in BIRTH_NUMBER_BARE.finditer(text):
        if _valid_birth_number(*m.groups()):
            add(m, "birth_number", 92)
    for m in BIRTH_NUMBER_KEYWORD.finditer(text):
        add(m, "birth_number", 93, 1)
    for m in ID_CARD.finditer(text):
        add(m, "id_card", 91, 1)
    for m in FILE_KEYWORD.finditer(text):
        add(m, "file_number", 91, 1)
    for pattern in (FILE_COURT, FILE_OFFICE):
        for m in pattern.finditer(text):
            add(m, "file_number", 89)
    for pattern in (PHONE, PHONE_UK):
        for m in pattern.finditer(text):
            add(m, "phone", 85)
    for pattern in (STREET_KEYWORD, HOUSE_NUMBER, POSTCODE_CZ, STREET_EN, POSTCODE_UK):
        for m in pattern.finditer(text):
            add(m, "address", 70)
    for m in STREET_BARE.finditer(text):
        words = m.group(1).split()
        lead = m.group(0).split()[0]
        if lead in _STREET_PREPOSITIONS or all(fold(w) not in common for w in words[-1:]):
            add(m, "address", 68)
    return spans


def quasi_identifier_spans(text: str) -> list[Span]:
    """Rare conditions and household details that single a person out."""
    rare, _, _ = conditions()
    spans = [Span(m.start(), m.end(), "rare_condition", None, 60) for m in rare.finditer(text)]
    spans += [Span(m.start(), m.end(), "many_children", None, 58) for m in MANY_CHILDREN.finditer(text)]
    spans += [Span(m.start(), m.end(), "multiple_birth", None, 58) for m in MULTIPLE_BIRTH.finditer(text)]
    return spans


def possible_rare_conditions(text: str) -> list[str]:
    """Eponymous diagnoses (``Wilsonova choroba``) not on the rare list and not common: for the residual check."""
    from .inflection import fold

    _, eponym, common = conditions()
    found = []
    for m in eponym.finditer(text):
        name = fold(m.group(1))
        if not any(name.startswith(c) for c in common):
            found.append(m.group(0))
    return found
