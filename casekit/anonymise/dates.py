"""Dates: one offset per case (intervals kept exactly), age bands, and dates written in free text.

The offset is a whole number of weeks (8 to 52, forward or back), so weekdays stay weekdays. Every ``date``
of the case moves by it. Dates in free text move too and keep their format (``31. 5. 2024``,
``5. prosince 2024``, ``2024-05-31``, ``31 May 2024``); a month named alone (*v září*, *in September*) moves by
the offset rounded to months, a year in context (*v roce 2019*, *since 2019*) by the offset rounded to years.
A date of birth in free text (*nar. 3. 4. 1944*, *born 1944*) is replaced by a placeholder, and an age
(*80 let*, *80letý*, *aged 80*, *(28)* after a name) by its five-year band, like the birth year.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta

from .patterns import Span

CS_MONTHS = (  # nominative, genitive, dative/locative, instrumental
    ("leden", "ledna", "lednu", "lednem"), ("únor", "února", "únoru", "únorem"),
    ("březen", "března", "březnu", "březnem"), ("duben", "dubna", "dubnu", "dubnem"),
    ("květen", "května", "květnu", "květnem"), ("červen", "června", "červnu", "červnem"),
    ("červenec", "července", "červenci", "červencem"), ("srpen", "srpna", "srpnu", "srpnem"),
    ("září", "září", "září", "zářím"), ("říjen", "října", "říjnu", "říjnem"),
    ("listopad", "listopadu", "listopadu", "listopadem"), ("prosinec", "prosince", "prosinci", "prosincem"),
)
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_CS_FORM: dict[str, tuple[int, int]] = {}
for _i, _forms in enumerate(CS_MONTHS):
    for _case, _form in enumerate(_forms):
        _CS_FORM.setdefault(_form, (_i + 1, _case))
#: Forms shared by two cases (září; listopadu): the preposition before them decides.
_AMBIGUOUS = {"září", "listopadu"}
_GENITIVE_BEFORE = {"od", "do", "z", "ze", "během", "kolem", "konce", "začátku", "polovina", "poloviny", "polovině",
                    "půlky", "půlce", "měsíce", "počátku", "okolo", "přelomu", "koncem", "začátkem", "polovinou"}
_LOCATIVE_BEFORE = {"v", "ve", "po", "při", "o", "k", "ke", "proti", "vůči"}
_INSTRUMENTAL_BEFORE = {"před", "za", "mezi", "nad", "pod", "s", "se"}
_CS_ANY = "|".join(sorted(_CS_FORM, key=len, reverse=True))
_CS_GEN = "|".join(sorted({forms[1] for forms in CS_MONTHS}, key=len, reverse=True))
_EN = "|".join(EN_MONTHS)
_EN_INDEX = {m: i + 1 for i, m in enumerate(EN_MONTHS)}

NUMERIC_CS = re.compile(r"(?<![\d.])(\d{1,2})\.(\s?)(\d{1,2})\.(\s?)(\d{4})(?!\d)")
NUMERIC_CS_NO_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\s?)(\d{1,2})\.(?!\s?\d)")
ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
TEXT_CS = re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s?({_CS_GEN})(?:(\s+)(\d{{4}}))?\b", re.I)
TEXT_EN_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_EN})(?:(,?\s+)(\d{{4}}))?\b")
TEXT_EN_MD = re.compile(rf"\b({_EN})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:(,?\s+)(\d{{4}}))?\b")
MONTH_YEAR_CS = re.compile(rf"\b({_CS_ANY})(\s+)(\d{{4}})\b", re.I)
MONTH_YEAR_EN = re.compile(rf"\b({_EN})(,?\s+)(\d{{4}})\b")
MONTH_CS = re.compile(rf"\b({_CS_ANY})\b", re.I)
MONTH_EN = re.compile(rf"\b({_EN})\b")
YEAR_CONTEXT = re.compile(r"(?i)\b(roce|roku|rok|ročník|in|since|until|by|from|during|of)\s+((?:19|20)\d{2})\b")
BIRTH_CONTEXT = re.compile(r"(?i)(?:\bnar\.|\bnarozen[aáýé]?|\bborn(?:\s+(?:on|in))?|\bDOB|datum\s+narození"
                           r"|date\s+of\s+birth|rok\s+narození|year\s+of\s+birth)\s*:?\s*(?:v\s+roce\s+|in\s+)?$")
AGE_CS = re.compile(r"(?i)(?<![\d.,–-])(\d{1,3})(\s?-?)(let(?:ý|á|é|ou|ého|ému|ým|ém|í)?|roků|rokům)\b")
AGE_CS_CONTEXT = re.compile(r"(?i)\b(?:ve\s+)?věk\w*\s+(\d{1,3})\b(?!\s?[+–-])")
AGE_EN = re.compile(r"(?i)(?<![\d.,–-])(\d{1,3})(?:[- ](?:year|yr)s?[- ]old|\s?(?:years|yrs))\b")
AGE_EN_CONTEXT = re.compile(r"(?i)\baged?\s+(\d{1,3})\b(?!\s?[+–-])")
AGE_AFTER_NAME = re.compile(r"(?<=[^\W\d_])(\.?\s?)\((\d{1,2})\)")


def draw_offset(rng: random.Random) -> timedelta:
    """A whole number of weeks, 8 to 52, forward or back: the case's one date offset."""
    weeks = rng.randint(8, 52)
    return timedelta(weeks=weeks if rng.random() < 0.5 else -weeks)


def age_band(age: int) -> tuple[str, int]:
    """The five-year band of ``age`` and its representative age: ``82`` → ``("80–84", 82)``; 90 and over: ``90+``."""
    if age >= 90:
        return "90+", 92
    low = max(age, 0) // 5 * 5
    return f"{low}–{low + 4}", low + 2


class DateShifter:
    """Moves dates by the case offset; finds dates, months, years and ages in free text."""

    def __init__(self, offset: timedelta, reference_year: int, lang: str):
        self.offset = offset
        self.reference_year = reference_year
        self.lang = lang
        self.months = round(offset.days / 30.4375)
        self.years = round(offset.days / 365.25)

    def shift(self, value: date) -> date:
        return value + self.offset

    def _shift_ymd(self, year: int, month: int, day: int) -> date | None:
        try:
            return date(year, month, day) + self.offset
        except ValueError:
            return None

    def _month_year(self, month: int, year: int) -> tuple[int, int]:
        moved = date(year, month, 15) + self.offset
        return moved.month, moved.year

    def _month(self, month: int) -> int:
        return (month - 1 + self.months) % 12 + 1

    @staticmethod
    def _cs_case(text: str, start: int, form: str, case: int) -> int:
        """The grammatical case of a month name, from the preposition before it when the form is ambiguous."""
        if form.lower() not in _AMBIGUOUS:
            return case
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 15):start].lower())
        word = before[-1] if before else ""
        if word in _GENITIVE_BEFORE:
            return 1
        if word in _LOCATIVE_BEFORE:
            return 2
        if word in _INSTRUMENTAL_BEFORE:
            return 3
        return 0 if form.lower() == "září" else 1

    @staticmethod
    def _cs_month(month: int, case: int, like: str) -> str:
        word = CS_MONTHS[month - 1][case]
        return word.capitalize() if like[:1].isupper() else word

    def spans(self, text: str) -> list[Span]:
        spans: list[Span] = []

        def add(m: re.Match, replacement: str | None, kind: str = "date", priority: int = 75, group: int = 0):
            start, end = m.start(group), m.end(group)
            if kind == "date" and BIRTH_CONTEXT.search(text[max(0, start - 30):start]):
                start = start - len(BIRTH_CONTEXT.search(text[max(0, start - 30):start]).group(0))
                spans.append(Span(start, end, "birth_date", None, priority + 5))
                return
            spans.append(Span(start, end, kind, replacement, priority))

        for m in NUMERIC_CS.finditer(text):
            moved = self._shift_ymd(int(m[5]), int(m[3]), int(m[1]))
            if moved:
                add(m, f"{moved.day}.{m[2]}{moved.month}.{m[4]}{moved.year}")
        for m in NUMERIC_CS_NO_YEAR.finditer(text):
            moved = self._shift_ymd(self.reference_year, int(m[3]), int(m[1]))
            if moved:
                add(m, f"{moved.day}.{m[2]}{moved.month}.", priority=70)
        for m in ISO.finditer(text):
            moved = self._shift_ymd(int(m[1]), int(m[2]), int(m[3]))
            if moved:
                add(m, moved.isoformat())
        for m in SLASHED.finditer(text):
            first, second = int(m[1]), int(m[2])
            day, month = (second, first) if second > 12 else (first, second)
            moved = self._shift_ymd(int(m[3]), month, day)
            if moved:
                parts = (moved.month, moved.day) if second > 12 else (moved.day, moved.month)
                add(m, f"{parts[0]:0{len(m[1])}d}/{parts[1]:0{len(m[2])}d}/{moved.year}")
        for m in TEXT_CS.finditer(text):
            month, _ = _CS_FORM[m[2].lower()]
            moved = self._shift_ymd(int(m[4]) if m[4] else self.reference_year, month, int(m[1]))
            if moved:
                year = f"{m[3]}{moved.year}" if m[4] else ""
                add(m, f"{moved.day}. {self._cs_month(moved.month, 1, m[2])}{year}", priority=76)
        for pattern, day_first in ((TEXT_EN_DM, True), (TEXT_EN_MD, False)):
            for m in pattern.finditer(text):
                day, name = (m[1], m[2]) if day_first else (m[2], m[1])
                moved = self._shift_ymd(int(m[4]) if m[4] else self.reference_year, _EN_INDEX[name], int(day))
                if moved:
                    month = EN_MONTHS[moved.month - 1]
                    year = f"{m[3]}{moved.year}" if m[4] else ""
                    add(m, f"{moved.day} {month}{year}" if day_first else f"{month} {moved.day}{year}", priority=76)
        for m in MONTH_YEAR_CS.finditer(text):
            month, case = _CS_FORM[m[1].lower()]
            case = self._cs_case(text, m.start(), m[1], case)
            new_month, new_year = self._month_year(month, int(m[3]))
            add(m, f"{self._cs_month(new_month, case, m[1])}{m[2]}{new_year}", "month", 72)
        for m in MONTH_YEAR_EN.finditer(text):
            new_month, new_year = self._month_year(_EN_INDEX[m[1]], int(m[3]))
            add(m, f"{EN_MONTHS[new_month - 1]}{m[2]}{new_year}", "month", 72)
        for m in MONTH_CS.finditer(text):
            month, case = _CS_FORM[m[1].lower()]
            case = self._cs_case(text, m.start(), m[1], case)
            add(m, self._cs_month(self._month(month), case, m[1]), "month", 30)
        for m in MONTH_EN.finditer(text):
            if m[1] == "May" and not re.search(r"(?i)\b(?:in|of|since|until|by|from|early|late|mid|during)\s+$",
                                                 text[max(0, m.start() - 12):m.start()]):
                continue
            add(m, EN_MONTHS[self._month(_EN_INDEX[m[1]]) - 1], "month", 30)
        for m in YEAR_CONTEXT.finditer(text):
            if BIRTH_CONTEXT.search(text[max(0, m.start(2) - 30):m.start(2)]):
                add(m, None, "birth_date", 80, 2)
            else:
                add(m, str(int(m[2]) + self.years), "year", 40, 2)
        return spans

    def age_spans(self, text: str) -> list[Span]:
        spans = []
        for pattern in (AGE_CS, AGE_EN, AGE_CS_CONTEXT, AGE_EN_CONTEXT):
            for m in pattern.finditer(text):
                band, _ = age_band(int(m[1]))
                spans.append(Span(m.start(1), m.end(1), "age", band, 55))
        for m in AGE_AFTER_NAME.finditer(text):
            band, _ = age_band(int(m[2]))
            spans.append(Span(m.start(2), m.end(2), "age", band, 55))
        return spans
