"""Import an XLSForm (the spreadsheet format of ODK, KoBoToolbox and SurveyCTO) from an ``.xlsx`` file.

Mapping, in short: groups → domains (nested groups flattened, a group's ``relevant`` added to each of its
questions); integer / decimal / range → number; text; date; select_one / select_multiple → single /
multiple with the levels of the ``choices`` sheet; acknowledge → yesno; calculate → scores; ``relevant`` →
``show_if``; ``constraint`` (``.`` → ``value``) and its message; ``required``; labels and hints in English
and Czech (``label::English (en)``, ``label::Čeština (cs)`` …); the ``settings`` sheet → id, version, title.
Repeats, media, location and metadata questions are left out and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from ...i18n import gettext
from ..definition import Item, ItemType, Level, Text
from . import _logic
from ._common import (
    IdRegistry, ImportResult, InstrumentImportError, Origin, build_instrument, excerpt, finish, fits, humanize, make_id,
    normalize_version, strip_html,
)
from ._logic import XLSFORM, Context, FieldInfo, Unsupported
from ._notes import Explained, Report

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"

TYPES = {
    "integer": ItemType.NUMBER, "int": ItemType.NUMBER, "decimal": ItemType.NUMBER, "range": ItemType.NUMBER,
    "text": ItemType.TEXT, "string": ItemType.TEXT, "date": ItemType.DATE, "datetime": ItemType.DATE,
    "datetime-local": ItemType.DATE, "time": ItemType.TEXT, "acknowledge": ItemType.YESNO,
    "trigger": ItemType.YESNO, "select_one": ItemType.SINGLE, "select_multiple": ItemType.MULTIPLE,
}
METADATA = {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
            "email", "audit", "start-geopoint", "background-audio", "background-geopoint", "instanceid"}
_TRUE = {"yes", "true", "1", "true()", "y"}
_FALSE = {"no", "false", "0", "false()", "n", ""}
_TEXT_BASES = ("label", "hint", "constraint_message")
_SURVEY_HANDLED = {"type", "name", "label", "hint", "required", "relevant", "constraint", "constraint_message",
                   "calculation", "parameters"}
_PIPING = re.compile(r"\$\{[^}]+\}")
#: The columns of a question's row that item() carries over (other_columns reports the rest).
_ITEM_COLUMNS = frozenset({"hint", "required", "relevant", "constraint", "constraint_message"})
_RANGE_COLUMNS = _ITEM_COLUMNS | {"parameters"}


def cell_text(value) -> str:
    if type(value) is str:  # nearly every cell: no other type to try first
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value).strip()


def language_of(part: str) -> str | None:
    """``English (en)`` / ``Čeština (cs)`` / ``French`` / ``Español (es)`` → ``en`` / ``cs`` / ``fr`` / ``es``;
    None when the text names no language casekit knows."""
    from ._languages import language_code

    return language_code(part)


#: Column headings pyxform reads as another column (pyxform/aliases.py: survey_header, list_header).
HEADER_ALIASES = {
    "caption": "label", "relevance": "relevant", "constraining_message": "constraint_message",
    "calculate": "calculation", "command": "type", "tag": "name", "list name": "list_name",
    "required_msg": "required_message", "requiredmsg": "required_message", "read_only": "readonly",
    "count": "repeat_count", "jr:count": "repeat_count", "body": "body",
}
#: ``bind::…`` and ``control::…`` columns write the XForm attribute directly: the attribute → our column.
BIND_ATTRIBUTES = {
    "relevant": "relevant", "required": "required", "constraint": "constraint", "calculate": "calculation",
    "jr:constraintmsg": "constraint_message", "jr:requiredmsg": "required_message", "readonly": "readonly",
    "jr:noapperrorstring": "no_app_error_string", "type": "bind_type",
}
CONTROL_ATTRIBUTES = {"appearance": "appearance", "jr:count": "repeat_count", "autoplay": "autoplay", "rows": "rows"}
#: Columns whose cells are texts in a language (``label::Čeština (cs)``); others take no language.
TRANSLATABLE = {"label", "hint", "guidance_hint", "constraint_message", "required_message", "media::image",
                "media::big-image", "media::audio", "media::video", "image", "big-image", "audio", "video"}


@dataclass
class Column:
    header: str          # as written
    base: str            # label, hint, type …
    lang: str | None     # a language code (en, cs, fr …), None (no language given) or "?" (not recognised)


def _split_header(header: str, double_colon: bool) -> list[str]:
    """``label::English (en)`` → [label, English (en)]; in a sheet without any ``::`` pyxform splits on ``:``,
    keeping ``jr:`` attributes whole (``bind:jr:constraintMsg`` → [bind, jr:constraintMsg])."""
    if double_colon or "::" in header:
        return [t.strip() for t in header.split("::")]
    tokens = [t.strip() for t in header.split(":")]
    out: list[str] = []
    for token in tokens:
        if out and out[-1].lower() == "jr":
            out[-1] = f"jr:{token}"
        else:
            out.append(token)
    return out


def parse_columns(header_row, sheet: str = SURVEY) -> dict[int, Column]:
    """Column headings as pyxform reads them: aliases, ``bind::``/``control::`` attributes, languages after
    ``::`` (or a single ``:`` when no heading of the sheet uses ``::``). On the choices sheet ``value`` is the
    choice's name (pyxform's ``list_header``)."""
    aliases = {**HEADER_ALIASES, "value": "name"} if sheet == CHOICES else HEADER_ALIASES
    headers = {i: cell_text(cell) for i, cell in enumerate(header_row)}
    double_colon = any("::" in h for h in headers.values())
    columns = {}
    for i, header in headers.items():
        if not header:
            continue
        whole = re.sub(r"\s+", "_", header.strip().lower())
        if whole in aliases or ":" not in header:
            base = aliases.get(whole, aliases.get(header.strip().lower(), whole))
            columns[i] = Column(header, base, None)
            continue
        parts = _split_header(header, double_colon)
        first = re.sub(r"\s+", "_", parts[0].lower())
        first = aliases.get(first, first)
        rest = parts[1:]
        if first in ("bind", "control") and rest:
            table = BIND_ATTRIBUTES if first == "bind" else CONTROL_ATTRIBUTES
            attribute = rest[0].lower()
            first, rest = table.get(attribute, f"{first}::{rest[0]}"), rest[1:]
        elif first == "media" and rest:
            first, rest = f"media::{rest[0].lower()}", rest[1:]
        lang = None
        if rest:
            lang = language_of(rest[-1]) or "?"
        columns[i] = Column(header, first, lang)
    return columns


@dataclass
class Sheet:
    name: str
    columns: dict[int, Column]
    rows: list[tuple[int, dict[int, str]]]   # (row number, {column index: text})

    def __post_init__(self):
        # per column name: the columns without a language, and every column with its language (looked up per
        # row and per text, so worked out once)
        self._plain: dict[str, list[int]] = {}
        self._by_base: dict[str, list[tuple[int, str | None]]] = {}
        for i, col in self.columns.items():
            self._by_base.setdefault(col.base, []).append((i, col.lang))
            if col.lang is None:
                self._plain.setdefault(col.base, []).append(i)

    def value(self, cells: dict[int, str], base: str) -> str:
        for i in self._plain.get(base, ()):
            if cells.get(i):
                return cells[i]
        return ""

    def of(self, base: str) -> list[tuple[int, str | None]]:
        """The columns of ``base`` (``label``, ``hint`` …) with their languages, in sheet order."""
        return self._by_base.get(base, [])

    def has(self, base: str) -> bool:
        return any(col.base == base for col in self.columns.values())


def read_sheet(values, name: str) -> Sheet:
    """A sheet from its rows of cell values (the first row is the header; rows are numbered from 1)."""
    rows_iter = iter(values)
    header = next(rows_iter, None) or ()
    columns = parse_columns(header, name.strip().lower())
    rows = []
    for number, values in enumerate(rows_iter, start=2):
        cells = {i: cell_text(values[i]) for i in columns if i < len(values)}
        if any(cells.values()):
            rows.append((number, cells))
    return Sheet(name, columns, rows)


#: pyxform's spellings of a select (pyxform/aliases.py ``select``), longest first → our kind.
_SELECTS = {
    "add select one prompt using": "select_one", "add select multiple prompt using": "select_multiple",
    "select all that apply from": "select_multiple", "select one from file": "select_from_file",
    "select multiple from file": "select_from_file", "select_one_from_file": "select_from_file",
    "select_multiple_from_file": "select_from_file", "select_one_external": "select_external",
    "select one from": "select_one", "select all that apply": "select_multiple", "select one": "select_one",
    "select_one": "select_one", "select1": "select_one", "select_multiple": "select_multiple", "rank": "rank",
}
_CONTROLS = {"group": "group", "lgroup": "repeat", "repeat": "repeat", "loop": "repeat", "looped group": "repeat"}
_RE_BEGIN = re.compile(r"^begin[\s_](?P<type>looped group|lgroup|group|repeat|loop)( (over )?(?P<list>\S+))?$")
_RE_END = re.compile(r"^end[\s_](?P<type>looped group|lgroup|group|repeat|loop)$")
_RE_SELECT = re.compile(r"^(?P<select>" + "|".join(sorted(map(re.escape, _SELECTS), key=len, reverse=True))
                        + r") (?P<list>\S+)( (?P<other>or specify other|or_other|or other))?$")
#: pyxform's other names of question types (``_type_alias_map``).
_TYPE_ALIASES = {"imei": "deviceid", "image": "photo", "add image prompt": "photo", "add photo prompt": "photo",
                 "add audio prompt": "audio", "add video prompt": "video", "add file prompt": "file"}


@dataclass(frozen=True)
class ParsedType:
    kind: str               # begin_group, end_repeat, select_one, integer, note … (our names)
    list_name: str = ""     # a select's choice list
    or_other: bool = False


@lru_cache(maxsize=4096)   # a form has few distinct types (its select lists aside): each read once
def parse_type(raw: str) -> ParsedType:
    """A ``type`` cell read the way pyxform reads it: ``select one from LIST``, ``select all that apply LIST``,
    ``begin_group``, ``begin repeat``, ``begin loop over LIST``, ``select_one LIST or_other`` …"""
    text = " ".join(str(raw or "").split()).lower()
    m = _RE_BEGIN.match(text)
    if m:
        return ParsedType(f"begin_{_CONTROLS[m.group('type')]}")
    m = _RE_END.match(text)
    if m:
        return ParsedType(f"end_{_CONTROLS[m.group('type')]}")
    m = _RE_SELECT.match(text)
    if m:
        # the list name keeps its case (choices are matched exactly)
        list_name = " ".join(str(raw).split())[m.start("list"):m.end("list")]
        return ParsedType(_SELECTS[m.group("select")], list_name, bool(m.group("other")))
    return ParsedType(_TYPE_ALIASES.get(text, text.split(" ")[0] if text else ""))


@dataclass
class _Group:
    kind: str            # group / repeat
    name: str
    row: int
    label: Text | None
    relevant: str
    parent: "_Group | None"
    condition: str | None = None   # translated relevant
    translated: bool = False
    segments: int = 0
    dropped: list = field(default_factory=list)   # a repeat: the questions and groups left out with it


@dataclass
class _Q:
    row: int
    name: str
    cells: dict
    type_word: str
    id: str = ""
    kind: str = "item"       # item / score
    item_type: ItemType | None = None
    levels: list[Level] = field(default_factory=list)
    group: _Group | None = None


def import_xlsform(path: str | Path, *, name: str | None = None, instrument_id: str | None = None,
                   version: str | None = None, title: str | None = None, lang: str | None = None) -> ImportResult:
    """Import an XLSForm ``.xlsx`` file. ``lang``: the language of columns that name none (``label``)."""
    import warnings

    path = Path(path)
    source_name = name or path.name
    # a spreadsheet reader may warn about workbook features it skips, with its own file paths: they say
    # nothing about the form, so they become one note instead of lines on the console
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        survey, choices, settings, others = _read_workbook(path, source_name)
    importer = _Importer(source_name, survey, choices, settings, lang)
    for title_ in others:
        importer.add("dropped", "import.sheet_dropped", sheet=title_, original=title_)
    skipped = list(dict.fromkeys(str(w.message).split("\n")[0] for w in caught))
    if skipped:
        importer.add("info", "import.workbook_features_skipped", sheet=None, count=len(skipped),
                     features=_listing(skipped, 3))
    return importer.run(instrument_id, version, title)


def _read_workbook(path: Path, source_name: str):
    """The survey, choices and settings sheets, read with calamine (Rust): openpyxl took 18 s for the sheets of
    a 50,000-question form, calamine half a second. Rows keep their numbers as the spreadsheet shows them."""
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
    except Exception:  # noqa: BLE001 - a zip that is not a workbook, a damaged or encrypted file …
        raise InstrumentImportError("errors.import_unreadable_xlsx", name=source_name) from None
    sheets = {title.strip().lower(): title for title in names}

    def rows(title: str) -> list:
        try:
            return workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)
        except Exception:  # noqa: BLE001 - a sheet calamine cannot read (a chart sheet …)
            raise InstrumentImportError("errors.import_unreadable_xlsx", name=source_name) from None

    if SURVEY not in sheets:
        raise InstrumentImportError("errors.import_no_survey_sheet", name=source_name, sheets=", ".join(names) or "-")
    survey = read_sheet(rows(sheets[SURVEY]), sheets[SURVEY])
    missing = [c for c in ("type", "name") if not survey.has(c)]
    if missing:
        raise InstrumentImportError("errors.import_survey_columns", name=source_name, columns=", ".join(missing))
    choices = read_sheet(rows(sheets[CHOICES]), sheets[CHOICES]) if CHOICES in sheets else None
    settings = read_sheet(rows(sheets[SETTINGS]), sheets[SETTINGS]) if SETTINGS in sheets else None
    others = [title for key, title in sheets.items() if key not in (SURVEY, CHOICES, SETTINGS)]
    return survey, choices, settings, others


class _Importer:
    def __init__(self, source_name: str, survey: Sheet, choices: Sheet | None, settings: Sheet | None,
                 source_lang: str | None = None):
        self.source_name = source_name
        self.survey, self.choices, self.settings = survey, choices, settings
        self.report = Report()
        self.ids = IdRegistry()
        self.questions: list[_Q] = []
        self.by_name: dict[str, _Q] = {}
        self.dropped_names: set[str] = set()
        self.lists: dict[str, list[Level]] = {}
        self.no_english: list[str] = []
        self.no_czech: list[str] = []
        self.languages: dict[str, None] = {}    # every language with text, in the order met
        self.default_lang = source_lang or "en"
        self.translated: dict[tuple, str] = {}   # (expression, the item a constraint checks) → casekit's
        self.source_lang = source_lang
        self.setting_values: dict[str, str] = {}
        self.origins: dict[str, Origin] = {}
        self.item_infos: dict[str, FieldInfo] = {}   # a question's name → what conditions need to know of it
        self._other_columns: list | None = None

    # -- helpers ----------------------------------------------------------------------------------
    def add(self, severity, key, *, sheet=None, **kw):
        return self.report.add(severity, key, sheet=sheet or self.survey.name, **kw)

    def texts(self, sheet: Sheet, cells: dict, base: str, row: int, name: str) -> Text | None:
        """The texts of a row (``label``, ``hint`` …) in every language of the source, HTML removed.

        A column without a language (``label``) is in the form's default language (``--lang``, else the
        settings' ``default_language``, else English)."""
        found: dict[str, str] = {}
        plain = ""
        for i, lang in sheet.of(base):
            if not cells.get(i) or lang == "?":
                continue
            if lang is None:
                plain = plain or cells[i]
            elif lang not in found:
                found[lang] = cells[i]
        if plain and not found.get(self.default_lang):
            found = {self.default_lang: plain, **found}
        if not any(found.values()):
            return None
        stripped = []
        for lang, raw in found.items():
            clean, changed = strip_html(raw)
            if changed:
                stripped.append(excerpt(raw, 200))
            found[lang] = clean
        if stripped:
            self.add("changed", "import.html_stripped", sheet=sheet.name, row=row, field=name,
                     original=" / ".join(stripped))
        if not all(found.values()):
            found = {lang: text for lang, text in found.items() if text}
            if not found:
                return None
        languages = self.languages
        for lang in found:
            if lang not in languages:
                languages[lang] = None
        if "en" not in found:
            self.no_english.append(f"{name} ({base})")
        if "cs" not in found:
            self.no_czech.append(f"{name} ({base})")
        if base == "label":
            joined = " ".join(found.values())
            pipes = _PIPING.findall(joined) if "${" in joined else None
            if pipes:
                self.add("changed", "import.piping_kept", sheet=sheet.name, row=row, field=name,
                         text=", ".join(dict.fromkeys(pipes)))
        return Text.model_validate(found)

    def any_label(self, cells: dict) -> str:
        """The label in English, else Czech, else without a language (for messages only)."""
        found = {}
        for i, col in self.survey.columns.items():
            if col.base == "label" and cells.get(i):
                found.setdefault(col.lang, cells[i])
        return found.get("en") or found.get(None) or found.get("cs") or next(iter(found.values()), "")

    # -- settings and choices ---------------------------------------------------------------------
    def read_settings(self) -> None:
        if not self.settings or not self.settings.rows:
            return
        row, cells = self.settings.rows[0]
        for i, col in self.settings.columns.items():
            value = cells.get(i, "")
            if not value:
                continue
            key = col.base if col.lang is None else col.header
            key = {"set_form_title": "form_title", "set_form_id": "form_id"}.get(key, key)  # pyxform's aliases
            self.setting_values[key] = value
            if key not in ("form_id", "version", "form_title", "default_language"):
                self.add("dropped", "import.setting_dropped", sheet=self.settings.name, row=row, setting=col.header,
                         value=excerpt(value), original=value)
        lang = self.setting_values.get("default_language")
        if lang:
            code = language_of(lang)
            if code and self.source_lang and code != self.source_lang:
                self.add("info", "import.default_language_overridden", sheet=self.settings.name, row=row,
                         lang=self.source_lang, original=lang)
            elif code:
                self.default_lang = code
            else:
                self.add("changed", "import.default_language_unknown", sheet=self.settings.name, row=row,
                         original=lang)

    def read_choices(self) -> None:
        sheet = self.choices
        if sheet is None:
            return
        for i, col in sheet.columns.items():
            if col.lang == "?":
                self.add("dropped", "import.language_dropped", sheet=sheet.name, column=col.header)
        extra = [col for col in sheet.columns.values()
                 if col.base not in ("list_name", "name", "label") and col.lang != "?"]
        for col in extra:
            index = next(i for i, c in sheet.columns.items() if c is col)
            if any(cells.get(index) for _, cells in sheet.rows):
                self.add("dropped", "import.choices_column_dropped", sheet=sheet.name, column=col.header)
        raw: dict[str, list[tuple[int, str, Text]]] = {}
        names: dict[str, set[str]] = {}   # per list, the choice names so far (a long list of places: no scan per row)
        for row, cells in sheet.rows:
            list_name = sheet.value(cells, "list_name")
            name = sheet.value(cells, "name")
            if not list_name:
                self.add("dropped", "import.choice_without_list", sheet=sheet.name, row=row, code=name or "-")
                continue
            if not name:
                self.add("dropped", "import.empty_name", sheet=sheet.name, row=row, original=list_name)
                continue
            entries = raw.setdefault(list_name, [])
            seen = names.setdefault(list_name, set())
            if name in seen:
                self.add("dropped", "import.choice_duplicate", sheet=sheet.name, row=row, field=list_name,
                         code=name)
                continue
            label = self.texts(sheet, cells, "label", row, f"{list_name}/{name}")
            if label is None:
                self.add("changed", "import.choice_label_missing", sheet=sheet.name, row=row, field=list_name,
                         code=name)
                label = Text(en=name)
            entries.append((row, name, label))
            seen.add(name)
        for list_name, entries in raw.items():
            ints = all(re.fullmatch(r"-?\d+", n) for _, n, _ in entries)
            self.lists[list_name] = [Level(value=int(n) if ints else n, label=lab) for _, n, lab in entries]

    # -- survey, first pass -----------------------------------------------------------------------
    def read_survey(self) -> None:
        sheet = self.survey
        for i, col in sheet.columns.items():
            if col.lang == "?":
                self.add("dropped", "import.language_dropped", column=col.header)
        stack: list[_Group] = []
        for row, cells in sheet.rows:
            type_raw = sheet.value(cells, "type")
            name = sheet.value(cells, "name")
            parsed = parse_type(type_raw)
            in_repeat = next((g for g in stack if g.kind == "repeat"), None)
            if parsed.kind in ("begin_group", "begin_repeat"):
                kind = parsed.kind.removeprefix("begin_")
                parent = stack[-1] if stack else None
                group = _Group(kind, name or f"group_{row}", row, None, sheet.value(cells, "relevant"), parent)
                stack.append(group)
                if in_repeat:
                    in_repeat.dropped.append(group.name)
                    continue
                if kind == "repeat":
                    continue   # reported with all it holds when it ends
                group.label = self.texts(sheet, cells, "label", row, group.name)
                self.other_columns(cells, row, name, allowed={"relevant"})
                if parent is not None:
                    self.add("changed", "import.group_nested", row=row, field=name, group=group.name,
                             parent=parent.name)
                continue
            if parsed.kind in ("end_group", "end_repeat"):
                kind = parsed.kind.removeprefix("end_")
                if stack and stack[-1].kind == kind:
                    self._close(stack.pop(), stack)
                else:
                    self.add("changed", "import.group_unmatched", row=row, type=type_raw, original=type_raw)
                continue
            if not type_raw and not name:
                continue
            if in_repeat:
                if name:
                    self.dropped_names.add(name)
                    in_repeat.dropped.append(name)
                self.add("dropped", "import.inside_repeat", row=row, field=name or None, repeat=in_repeat.name,
                         original=type_raw)
                continue
            self.question(row, cells, type_raw, parsed, name, stack[-1] if stack else None)
        for group in reversed(stack):
            self.add("changed", "import.group_unclosed", row=group.row, field=group.name, group=group.name)
            self._close(group, stack)

    def _close(self, group: _Group, stack: list) -> None:
        """At the end of a repeat (outside any other): one note naming everything it held."""
        if group.kind == "repeat" and not any(g.kind == "repeat" for g in stack if g is not group):
            self.add("dropped", "import.repeat_dropped", row=group.row, field=group.name, name=group.name,
                     count=len(group.dropped), names=_listing(group.dropped) or "-")

    def question(self, row, cells, type_raw, parsed: "ParsedType", name, group) -> None:
        if not name:
            self.add("dropped", "import.empty_name", row=row, original=type_raw)
            return
        if name in self.by_name or name in self.dropped_names:
            self.add("dropped", "import.duplicate_name", row=row, field=name)
            return
        word = parsed.kind

        def drop(key, **params):
            self.dropped_names.add(name)
            self.add("dropped", key, row=row, field=name, **params)

        def label_text() -> str:  # for the notes of a question left out only (not worked out for every row)
            return excerpt(strip_html(self.any_label(cells))[0]) or name

        if word == "note":
            return drop("import.note_dropped", label=label_text())
        if word in METADATA:
            return drop("import.metadata_dropped", type=type_raw, original=type_raw)
        if word in ("select_external", "select_from_file"):
            return drop("import.select_external_dropped", type=type_raw, label=label_text(), original=type_raw)
        q = _Q(row, name, cells, word, group=group)
        if word == "calculate":
            q.kind = "score"
        elif word in TYPES:
            q.item_type = TYPES[word]
            if word in ("datetime", "datetime-local"):
                self.add("changed", "import.datetime_to_date", row=row, field=name, type=word)
            elif word == "time":
                self.add("changed", "import.time_to_text", row=row, field=name, type=word)
            if q.item_type in (ItemType.SINGLE, ItemType.MULTIPLE):
                list_name = parsed.list_name
                if list_name not in self.lists:
                    return drop("import.list_missing", list=list_name or "-", original=type_raw)
                q.levels = list(self.lists[list_name])
                if parsed.or_other:
                    self.add("dropped", "import.or_other", row=row, field=name, list=list_name, original=type_raw)
        else:
            return drop("import.type_dropped", type=type_raw, label=label_text(), original=type_raw)
        q.id = self.ids.claim(make_id(name, "field"))
        if q.id != name:
            self.add("changed", "import.id_changed", row=row, field=name, id=q.id, original=name)
        self.questions.append(q)
        self.by_name[name] = q

    def other_columns(self, cells: dict, row: int, name: str, allowed=frozenset()) -> None:
        others = self._other_columns
        if others is None:  # the columns that may hold something left out, found once
            others = self._other_columns = [(i, col) for i, col in self.survey.columns.items()
                                            if col.lang != "?" and col.base not in ("type", "name", "label")]
        for i, col in others:
            value = cells.get(i, "")
            if not value or col.base in allowed:
                continue
            if col.base == "choice_filter":
                self.add("dropped", "import.choice_filter_dropped", row=row, field=name, original=value)
                continue
            self.add("dropped", "import.column_dropped", row=row, field=name, column=col.header,
                     value=excerpt(value), original=value)

    # -- expressions --------------------------------------------------------------------------------
    def context(self, current: FieldInfo | None = None) -> Context:
        def lookup(name: str) -> FieldInfo:
            q = self.by_name.get(name)
            if q is None:
                if name in self.dropped_names:
                    raise Unsupported("dropped_field", name=name)
                raise Unsupported("unknown_field", name=name)
            if q.kind == "score":
                expr = self.score_expr(q)
                if expr is None:
                    raise Unsupported("dropped_field", name=name)
                return FieldInfo(q.id, "score", expr=expr)
            info = self.item_infos.get(name)
            if info is None:  # an item many conditions name: its codes listed once
                info = self.item_infos[name] = FieldInfo(q.id, q.item_type, [lv.value for lv in q.levels])
            return info
        return Context(lookup, current)

    def score_expr(self, q: _Q) -> str | None:
        done = self.score_exprs
        if q.id in done:
            if done[q.id] == "…":
                raise Unsupported("cycle", name=q.name)
            return done[q.id]
        done[q.id] = "…"
        formula = " ".join(self.survey.value(q.cells, "calculation").split())
        try:
            if not formula:
                raise Unsupported("empty")
            expr = _logic.translate(formula, XLSFORM, self.context())
            if not fits(expr, "score"):
                raise Unsupported("too_long")
        except Unsupported as exc:
            done[q.id] = None
            self.add("dropped", "import.calc_dropped", row=q.row, field=q.name, original=formula or "-",
                     reason=exc.reason)
            return None
        done[q.id] = expr
        return expr

    def condition(self, text: str, current: FieldInfo | None = None) -> str:
        source = " ".join(text.split())
        key = (source, current.id if current is not None else None)
        expr = self.translated.get(key)
        if expr is None:  # the same condition is often on many questions: translated once
            expr = self.translated[key] = _logic.translate(source, XLSFORM, self.context(current))
        return expr

    def group_condition(self, group: _Group) -> str | None:
        if not group.translated:
            group.translated = True
            if group.relevant:
                try:
                    group.condition = self.condition(group.relevant)
                    self.add("info", "import.group_condition", row=group.row, field=group.name, group=group.name,
                             original=group.relevant)
                except Unsupported as exc:
                    self.add("dropped", "import.group_condition_dropped", row=group.row, field=group.name,
                             group=group.name, original=group.relevant, reason=exc.reason)
        return group.condition

    # -- survey, second pass: items ---------------------------------------------------------------
    def item(self, q: _Q):
        sheet, cells, row, name = self.survey, q.cells, q.row, q.name
        label = self.texts(sheet, cells, "label", row, name)
        if label is None:
            self.add("changed", "import.label_missing", row=row, field=name, id=q.id)
            label = Text(en=name)
        data: dict = {"id": q.id, "type": q.item_type, "label": label}
        hint = self.texts(sheet, cells, "hint", row, name)
        if hint is not None:
            data["help"] = hint
        required = sheet.value(cells, "required")
        if required.strip().lower() in _TRUE:
            data["required"] = True
        elif required.strip().lower() not in _FALSE:
            self.add("changed", "import.required_expression", row=row, field=name, original=required)
        if q.levels:
            data["levels"] = q.levels
        if q.item_type == ItemType.NUMBER:
            data["integer"] = q.type_word in ("integer", "int")
            if q.type_word == "range":
                self.range_bounds(q, data)
        # show_if: the conditions of the enclosing groups, then the question's own
        conditions = []
        group = q.group
        chain = []
        while group is not None:
            chain.insert(0, group)
            group = group.parent
        for g in chain:
            c = self.group_condition(g)
            if c:
                conditions.append(c)
        relevant = sheet.value(cells, "relevant")
        if relevant:
            try:
                conditions.append(self.condition(relevant))
            except Unsupported as exc:
                self.add("dropped", "import.condition_dropped", row=row, field=name, original=relevant,
                         reason=exc.reason)
        if conditions:
            joined = conditions[0] if len(conditions) == 1 else " and ".join(
                c if _simple_and(c) else f"({c})" for c in conditions)
            if fits(joined):
                data["show_if"] = joined
            else:
                self.add("dropped", "import.condition_dropped", row=row, field=name, original=relevant or joined,
                         reason=Unsupported("too_long").reason)
        constraint = sheet.value(cells, "constraint")
        message = self.texts(sheet, cells, "constraint_message", row, name)
        if constraint:
            current = FieldInfo(q.id, q.item_type, [lv.value for lv in q.levels])
            try:
                expr = self.condition(constraint, current)
                if not fits(expr):
                    raise Unsupported("too_long")
                data["constraint"] = expr
                if message is not None:
                    data["constraint_message"] = message
            except Unsupported as exc:
                self.add("dropped", "import.constraint_dropped", row=row, field=name, original=constraint,
                         reason=exc.reason)
        elif message is not None:
            self.add("dropped", "import.column_dropped", row=row, field=name, column="constraint_message",
                     value=excerpt(message.en), original=message.en)
        sources = [g.relevant for g in chain if g.relevant] + ([relevant] if relevant else [])
        self.origins[f"item:{q.id}"] = Origin(row=row, field=name, sheet=sheet.name,
                                              show_if=" and ".join(sources) or None, constraint=constraint or None)
        self.other_columns(cells, row, name, allowed=_RANGE_COLUMNS if q.type_word == "range" else _ITEM_COLUMNS)
        try:
            return Item(**data)
        except ValidationError as exc:
            self.add("dropped", "import.item_invalid", row=row, field=name, detail=Explained(exc))
            self.dropped_names.add(name)
            return None

    def range_bounds(self, q: _Q, data: dict) -> None:
        raw = self.survey.value(q.cells, "parameters")
        params = dict(re.findall(r"(\w+)\s*=\s*(-?[\d.]+)", raw))
        try:
            start, end = float(params.get("start", 0)), float(params.get("end", 10))
            step = float(params.get("step", 1))
        except ValueError:
            self.add("dropped", "import.range_parameters", row=q.row, field=q.name, original=raw)
            return
        data.update(min=min(start, end), max=max(start, end),
                    integer=all(float(v).is_integer() for v in (start, end, step)))

    # -- the whole form -----------------------------------------------------------------------------
    def run(self, instrument_id, version, title) -> ImportResult:
        from ..definition import Domain, Score, ScoreKind

        self.read_settings()
        self.read_choices()
        self.read_survey()
        self.score_exprs: dict[str, str | None] = {}

        # domains: a run of questions in the same (innermost) group; others go to a default domain
        domain_ids = IdRegistry()
        segments: list[dict] = []
        current_key = object()
        default_used = False
        for q in self.questions:
            if q.kind != "item":
                continue
            item = self.item(q)
            if item is None:
                continue
            key = id(q.group) if q.group else None
            if key != current_key or not segments:
                current_key = key
                if q.group is not None:
                    g = q.group
                    g.segments += 1
                    did = domain_ids.claim(make_id(g.name, "group"))
                    title_text = g.label or Text(en=humanize(g.name))
                else:
                    default_used = True
                    did = domain_ids.claim("general")
                    title_text = Text(en=gettext("import.default_domain", "en"),
                                      cs=gettext("import.default_domain", "cs"))
                segments.append({"id": did, "title": title_text, "items": []})
            segments[-1]["items"].append(item)
        if default_used and any(q.group for q in self.questions):
            self.add("info", "import.domain_default", title=gettext("import.default_domain", "en"))

        scores = []
        for q in self.questions:
            if q.kind != "score":
                continue
            expr = self.score_expr(q)
            if expr is None:
                continue
            label = self.texts(self.survey, q.cells, "label", q.row, q.name) or Text(en=humanize(q.name))
            scores.append(Score(id=q.id, label=label, kind=ScoreKind.EXPR, expr=expr))
            self.origins[f"score:{q.id}"] = Origin(row=q.row, field=q.name, sheet=self.survey.name,
                                                   expr=self.survey.value(q.cells, "calculation"))
            self.add("info", "import.calc_score", row=q.row, field=q.name, id=q.id)
            relevant = self.survey.value(q.cells, "relevant")
            if relevant:
                self.add("dropped", "import.condition_on_score", row=q.row, field=q.name, original=relevant)
            self.other_columns(q.cells, q.row, q.name, allowed={"calculation", "relevant"})

        if not segments:
            raise InstrumentImportError("errors.import_no_items", name=self.source_name, report=self.report)

        settings_sheet = self.settings.name if self.settings else None
        stem = Path(self.source_name).stem
        form_id = self.setting_values.get("form_id", "")
        if instrument_id:
            iid = make_id(instrument_id, "instrument")
        elif form_id:
            iid = make_id(form_id, "instrument")
            if iid != form_id:
                self.add("changed", "import.id_changed", sheet=settings_sheet, field="form_id", id=iid,
                         original=form_id)
        else:
            iid = make_id(stem, "instrument")
            self.add("info", "import.id_from_filename", sheet=settings_sheet, id=iid, original=self.source_name)
        raw_version = version or self.setting_values.get("version", "")
        if raw_version:
            ver, changed = normalize_version(raw_version)
            if changed:
                self.add("changed", "import.version_changed", sheet=settings_sheet, field="version", version=ver,
                         original=raw_version)
        else:
            ver = "1.0.0"
            self.add("info", "import.version_default", sheet=settings_sheet, version=ver)
        form_title = title or self.setting_values.get("form_title", "")
        if not form_title:
            form_title = humanize(stem)
            self.add("info", "import.title_default", sheet=settings_sheet, title=form_title)
        title_text = Text.model_validate({self.default_lang: form_title})
        languages = list(self.languages) or [self.default_lang]
        self.add("info", "import.languages_kept", sheet=None, languages=", ".join(languages),
                 first=languages[0])
        if self.no_english:
            self.add("info", "import.english_missing", sheet=None, count=len(self.no_english),
                     fields=_listing(self.no_english), first=languages[0])
        if "cs" not in languages:
            self.add("info", "import.no_czech", sheet=None)
        elif self.no_czech:
            self.add("info", "import.czech_missing_some", sheet=None, count=len(self.no_czech),
                     fields=_listing(self.no_czech))
        data = {
            "id": iid, "version": ver, "title": title_text,
            "domains": [Domain(id=s["id"], title=s["title"], items=s["items"]) for s in segments],
            "scores": scores,
            "meta": {"imported_from": {"format": "xlsform", "file": self.source_name}},
        }
        instrument = build_instrument(data, self.report, self.source_name, self.origins)
        return finish(instrument, self.report, "xlsform", self.source_name)


def _simple_and(expr: str) -> bool:
    """Can ``expr`` stand in an ``and`` chain without parentheses (it has no top-level ``or``)?"""
    depth, quote = 0, None
    for i, ch in enumerate(expr):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth == 0 and expr.startswith(" or ", i):
            return False
    return True


def _listing(names: list[str], limit: int = 10) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" … (+{len(names) - limit})" if len(names) > limit else "")
