"""Pieces both importers share: ids, HTML labels, versions, the result object and its YAML."""
from __future__ import annotations

import html
import keyword
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ...errors import InvalidData
from ..definition import Expr, Instrument, Item, Level, Score, Text
from ._notes import ImportNote, Report

#: Names casekit's expression language keeps for itself (an item cannot be called like this).
RESERVED = {"value", "true", "false", "null", "True", "False", "None"}
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


class InstrumentImportError(InvalidData):
    """A file that cannot be imported at all (wrong format, no survey sheet …). ``report``: notes so far."""

    code = "errors.import_failed"

    def __init__(self, code: str | None = None, validation_error=None, report=None, details=None, **params):
        self.report = list(report or [])
        self.details = details  # a CaseKitError whose messages follow this one's (e.g. the instrument checks)
        super().__init__(code, validation_error=validation_error, **params)

    def messages(self, lang: str | None = None) -> list[str]:
        out = super().messages(lang)
        if self.details is not None:
            out += self.details.messages(lang)
        return out


@dataclass(frozen=True)
class Origin:
    """Where an item or score came from, to report an expression the final checks refuse."""

    row: int | None = None
    field: str | None = None
    sheet: str | None = None
    show_if: str | None = None       # the source texts of the expressions
    constraint: str | None = None
    expr: str | None = None


@dataclass(frozen=True)
class _ProblemReason:
    problem: Any

    def render(self, lang: str | None = None) -> str:
        return self.problem.reason(lang)


def is_valid_id(name: str) -> bool:
    return bool(_ID.match(name)) and not keyword.iskeyword(name) and name not in RESERVED


#: A text make_id keeps as it is: ASCII letters, digits and _, a letter first, no _ last, at most 64 characters.
_READY_ID = re.compile(r"[A-Za-z](?:[A-Za-z0-9_]{0,62}[A-Za-z0-9])?")


def make_id(raw: Any, fallback: str = "item") -> str:
    """A casekit id (``[A-Za-z_][A-Za-z0-9_]{0,63}``, not a keyword) made from any text."""
    if type(raw) is str and _READY_ID.fullmatch(raw):  # most field names: nothing to change but a keyword
        text = raw
    else:
        text = unicodedata.normalize("NFKD", str(raw or "")).encode("ascii", "ignore").decode()
        text = re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_")
        if not text:
            text = fallback
        if text[0].isdigit():
            text = f"{fallback}_{text}"
        text = text[:64]
    if keyword.iskeyword(text) or text in RESERVED:
        text = f"{text}_"
    return text


class IdRegistry:
    """Hands out unique ids: the second ``q1`` becomes ``q1_2``."""

    def __init__(self):
        self.used: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate.lower() in self.used:
            n += 1
            suffix = f"_{n}"
            candidate = wanted[: 64 - len(suffix)] + suffix
        self.used.add(candidate.lower())
        return candidate


class _Stripper(HTMLParser):
    BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.tags += 1
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.parts.append(data)


def strip_html(text: str) -> tuple[str, bool]:
    """The text of an HTML label, and whether any markup was removed."""
    text = text or ""
    if "<" not in text and "&" not in text:
        return _tidy(text), False
    parser = _Stripper()
    parser.feed(text)
    parser.close()
    clean = _tidy("".join(parser.parts))
    return clean, parser.tags > 0 or clean != _tidy(html.unescape(text)) or clean != _tidy(text)


def _tidy(text: str) -> str:
    # most labels: one line, single spaces, nothing to tidy. Substring tests, not a regular expression: a
    # search for `^\s|\s$` tries every position of every label (a twentieth of a 50,000-row XLSForm import)
    if not ("  " in text or "\n" in text or "\r" in text or "\t" in text or "\u00a0" in text
            or text[:1].isspace() or text[-1:].isspace()):
        return text
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.replace("\r", "").split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif out and not blank:
            out.append("")
            blank = True
    return "\n".join(out).strip()


def humanize(name: str) -> str:
    """``client_intake`` → ``Client intake``."""
    words = re.sub(r"[_\-]+", " ", str(name)).strip()
    return (words[:1].upper() + words[1:]) if words else str(name)


def excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_VERSION = re.compile(r"^\d+(\.\d+){0,2}$")


def normalize_version(raw: Any) -> tuple[str, bool]:
    """A casekit version (``1``, ``1.2``, ``1.2.3``; a build number like ``2024011501`` stays) and
    whether it had to change."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if _VERSION.match(text):
        return text, False
    groups = re.findall(r"\d+", text)
    if not groups:
        return "1.0.0", True
    return ".".join(str(int(g)) for g in groups[:3]), True


#: Longest expression the instrument model takes (``Item.show_if``, ``Score.expr``: casekit's ``Expr``).
_EXPR_MAX = next(m.max_length for m in Expr.__metadata__ if getattr(m, "max_length", None))


def fits(text: str, where: str = "item") -> bool:
    """Is the expression short enough for the instrument model's field (and not empty)?"""
    return 0 < len(text.strip()) <= _EXPR_MAX


# -- the result -------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """An imported instrument and the report of what could not be carried over.

    ``instrument``: a casekit :class:`~casekit.instruments.definition.Instrument`; ``report``: a list of
    :class:`ImportNote` (``severity`` ``dropped`` / ``changed`` / ``info``); ``to_yaml()``: the instrument
    in casekit's YAML format, ready to be reviewed, translated and loaded.
    """

    instrument: Instrument
    report: list[ImportNote] = field(default_factory=list)
    source_format: str = ""
    source: str = ""
    _yaml: str | None = field(default=None, repr=False, compare=False)

    def notes(self, severity: str | None = None) -> list[ImportNote]:
        return [n for n in self.report if severity is None or n.severity == severity]

    @property
    def dropped(self) -> list[ImportNote]:
        return self.notes("dropped")

    def report_text(self, lang: str | None = None) -> str:
        """The report as plain text, one note a line."""
        return "\n".join(note.text(lang) for note in self.report)

    def to_yaml(self, path: str | Path | None = None) -> str:
        """The instrument in casekit's YAML format (written to ``path`` too when given)."""
        if self._yaml is None:
            self._yaml = instrument_to_yaml(self.instrument)
        out = self._yaml
        if path is not None:
            write_text(Path(path), out)
        return out


def write_text(path: Path, text: str) -> None:
    """Write a file, or say in Czech or English why it cannot be written (no such folder, no permission …)."""
    from ...errors import CaseKitError

    check_output_folder(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CaseKitError("errors.output_unwritable", path=str(path), detail=exc.strerror or str(exc)) from None


def check_output_folder(path: Path) -> None:
    """Refuse, with a reason, a file to be written into a folder that does not exist."""
    from ...errors import CaseKitError

    if not path.parent.is_dir():
        raise CaseKitError("errors.output_folder_missing", path=str(path), folder=str(path.parent))


def finish(instrument: Instrument, report: Report, source_format: str, source_name: str) -> ImportResult:
    """The result of an import, its YAML written once and held to the limits ``instrument check`` applies:
    an import never produces a file that casekit itself would refuse to read."""
    from ..loader import MAX_BYTES, MAX_NODES

    data = instrument_to_dict(instrument)
    text = instrument_to_yaml(instrument, data)
    result = ImportResult(instrument, report.ordered(), source_format, source_name, text)
    size = len(text.encode("utf-8"))
    # a line holds at most a key, a value and a list entry: counted exactly only when that bound is too high
    nodes = _count_values(data) if 3 * text.count("\n") + 10 > MAX_NODES else 0
    if size > MAX_BYTES or nodes > MAX_NODES:
        raise InstrumentImportError("errors.import_too_large", name=source_name, report=report,
                                    size=round(size / 1_000_000, 1), limit=MAX_BYTES // 1_000_000,
                                    items=len(instrument.items()))
    return result


def _count_values(data: Any) -> int:
    """How many YAML values (mapping keys and values, list entries, scalars) the data makes, as the loader counts."""
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


_DEFAULTS: dict[type, list[tuple[str, bool, Any]]] = {}
_PLAIN = {str, int, bool, type(None)}


def _fields(cls: type) -> list[tuple[str, bool, Any]]:
    """(name, has a default, the default) of a model's fields, worked out once per class."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = [
            (name, not info.is_required(), None if info.is_required() else info.get_default(call_default_factory=True))
            for name, info in cls.model_fields.items()]
    return found


def _fast(value: Any, memo: dict | None = None) -> Any:
    """Plain data of a model value, defaults left out, texts with ``en`` and ``cs`` (one pass, no model_dump).

    ``memo`` (object id → its data) makes levels shared by many items (an importer shares the levels of
    identical choice lists) one piece of data, which the YAML writer then writes once."""
    if memo is not None and isinstance(value, list) and value and isinstance(value[0], Level):
        key = tuple(map(id, value))
        found = memo.get(key)
        if found is None:
            found = memo[key] = [_fast(v) for v in value]
        return found
    if isinstance(value, Text):
        out = {"en": value.en, "cs": value.cs}
        if value.other:
            out.update(value.other)
        return out
    if isinstance(value, BaseModel):
        out = {}
        values = value.__dict__  # a model's fields (read through getattr: a fifth of the time here)
        for name, has_default, default in _fields(type(value)):
            item = values[name]
            if has_default and (item is default or item == default):
                continue
            out[name] = item if type(item) in _PLAIN else _fast(item, memo)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_fast(v) for v in value]
    if isinstance(value, dict):
        return {k: _fast(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def instrument_to_dict(inst: Instrument) -> dict:
    """The instrument as plain data in the order of the YAML format, defaults left out."""
    data: dict[str, Any] = {"id": inst.id, "version": inst.version, "title": _fast(inst.title)}
    if inst.description is not None:
        data["description"] = _fast(inst.description)
    if inst.licence:
        data["licence"] = inst.licence
    data["perspectives"] = [p.value for p in inst.perspectives]
    if inst.scales:
        data["scales"] = {k: [_fast(level) for level in v] for k, v in inst.scales.items()}
    domains = []
    memo: dict = {}
    for domain in inst.domains:
        items = []
        for item in domain.items:
            entry = _fast(item, memo)
            if item.scale and item.scale in inst.scales and item.levels == inst.scales[item.scale]:
                entry.pop("levels", None)  # the shared scale gives them
            items.append(entry)
        domains.append({"id": domain.id, "title": _fast(domain.title), "items": items})
    data["domains"] = domains
    if inst.scores:
        data["scores"] = [_fast(score) for score in inst.scores]
    if inst.meta:
        data["meta"] = _fast(inst.meta)
    return data


def instrument_to_yaml(inst: Instrument, data: dict | None = None) -> str:
    """The instrument as casekit YAML (see :mod:`casekit.instruments.yamltext`)."""
    from ..yamltext import dump

    return dump(instrument_to_dict(inst) if data is None else data)


def build_instrument(data: dict, report: Report, source_name: str,
                     origins: dict[str, Origin] | None = None) -> Instrument:
    """The final instrument, passed through casekit's instrument checks.

    An expression the checks refuse (it names a level an item does not have, makes a branching cycle …) is
    left out and reported, like any other expression that cannot be carried over. Any other problem is a
    bug of the importer and is raised readably.
    """
    from ..checks import InstrumentError, check_rules

    origins = origins or {}
    try:
        instrument = Instrument.model_validate(data)
    except ValidationError as exc:
        raise InstrumentImportError("errors.import_invalid", validation_error=exc, report=report,
                                    name=source_name) from None
    for _ in range(5):
        problems = check_rules(instrument)
        if not problems:
            return instrument
        fixable = [p for p in problems if len(p.path) >= 2 and p.path[-1] in ("show_if", "constraint", "expr")]
        if len(fixable) != len(problems):
            break
        # the refused expressions are taken out of just their items (a copy of each) and scores: no dump and
        # validation of the whole instrument again (seconds for 50,000 items)
        dropped_scores = set()
        for problem in fixable:
            path, attr = problem.path[:-1], problem.path[-1]
            if path[0] == "scores":
                owner = instrument.scores[path[1]]
                dropped_scores.add(path[1])
                origin = origins.get(f"score:{owner.id}", Origin(field=owner.id))
                original = origin.expr or owner.expr
            else:
                items = instrument.domains[path[1]].items
                owner = items[path[3]]
                cleared = {attr: None, **({"constraint_message": None} if attr == "constraint" else {})}
                items[path[3]] = Item.model_validate({**dict(owner), **cleared})
                origin = origins.get(f"item:{owner.id}", Origin(field=owner.id))
                original = getattr(origin, attr) or getattr(owner, attr)
            report.add("dropped", "import.rule_dropped", row=origin.row, field=origin.field, sheet=origin.sheet,
                       original=original, reason=_ProblemReason(problem))
        if dropped_scores:
            instrument.scores = [s for n, s in enumerate(instrument.scores) if n not in dropped_scores]
    problems = check_rules(instrument)
    if not problems:
        return instrument
    raise InstrumentImportError("errors.import_invalid", report=report, name=source_name,
                                details=InstrumentError(source_name, problems))
