"""Import a REDCap data dictionary (the CSV REDCap exports under *Project Setup → Data Dictionary*).

Mapping, in short: forms and section headers → domains; text (by validation) → text / date / number;
notes → text; dropdown / radio → single; checkbox → multiple; yesno / truefalse → yesno; slider → number
0–100; matrix groups → items sharing a scale; calc → scores; Branching Logic → ``show_if``; Required
Field? → required; Field Note → help. Everything else is reported in the import report.
"""
from __future__ import annotations

import csv
import io
import re
from operator import itemgetter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..definition import ItemType, Level, Text
from . import _logic
from ._common import (
    IdRegistry, ImportResult, InstrumentImportError, Origin, build_instrument, excerpt, finish, fits, humanize, make_id,
    strip_html,
)
from ._logic import REDCAP, Context, FieldInfo, Unsupported
from ._notes import Explained, Report

#: Column headings of a data dictionary (as exported by the web page, and by the API) → our names.
COLUMNS = {
    "variable / field name": "field_name", "field_name": "field_name",
    "form name": "form_name", "form_name": "form_name",
    "section header": "section_header", "section_header": "section_header",
    "field type": "field_type", "field_type": "field_type",
    "field label": "field_label", "field_label": "field_label",
    "choices, calculations, or slider labels": "choices", "select_choices_or_calculations": "choices",
    "field note": "field_note", "field_note": "field_note",
    "text validation type or show slider number": "validation",
    "text_validation_type_or_show_slider_number": "validation",
    "text validation min": "val_min", "text_validation_min": "val_min",
    "text validation max": "val_max", "text_validation_max": "val_max",
    "identifier?": "identifier", "identifier": "identifier",
    "branching logic (show field only if...)": "branching", "branching_logic": "branching",
    "required field?": "required", "required_field": "required",
    "custom alignment": "alignment", "custom_alignment": "alignment",
    "question number (surveys only)": "question_number", "question_number": "question_number",
    "matrix group name": "matrix_group", "matrix_group_name": "matrix_group",
    "matrix ranking?": "matrix_ranking", "matrix_ranking": "matrix_ranking",
    "field annotation": "annotation", "field_annotation": "annotation",
}
REQUIRED_COLUMNS = ("field_name", "form_name", "field_type", "field_label")
#: Columns casekit has no place for: reported when filled in (the others are carried over).
_COLUMN_TITLES = {
    "alignment": "Custom Alignment", "question_number": "Question Number (surveys only)",
    "matrix_ranking": "Matrix Ranking?", "annotation": "Field Annotation",
}

DATE_VALIDATIONS = {"date_ymd", "date_mdy", "date_dmy"}
DATETIME_VALIDATIONS = {"datetime_ymd", "datetime_mdy", "datetime_dmy", "datetime_seconds_ymd",
                        "datetime_seconds_mdy", "datetime_seconds_dmy"}
TIME_VALIDATIONS = {"time", "time_hh_mm_ss", "time_mm_ss"}
_PIPING = re.compile(r"\[[A-Za-z][A-Za-z0-9_]*(?:\([^()]*\))?(?::[a-z\-]+)?\]|\[[a-z]+-[a-z\-]+\]")


def _norm_header(cell: str) -> str:
    return " ".join(str(cell).replace("\ufeff", "").strip().lower().split())


def header_columns(header: list[str]) -> dict[int, str]:
    return {i: COLUMNS[_norm_header(h)] for i, h in enumerate(header) if _norm_header(h) in COLUMNS}


def looks_like_redcap(header: list[str]) -> bool:
    names = set(header_columns(header).values())
    return "field_name" in names and ("field_type" in names or "form_name" in names)


def read_rows(text: str, name: str = "dictionary.csv") -> tuple[list[str], list[list[str]]]:
    """Header and rows of the CSV, with the delimiter (``,`` ``;`` or tab) whose header is a data dictionary.

    A cell may be as long as the whole file (a choices cell of a medication-code list easily passes Python's
    default limit of 131,072 characters). A row that is not CSV at all is an error that names the row.
    """
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, len(text) + 1))
    try:
        first = None
        for delimiter in (",", ";", "\t"):
            reader = csv.reader(io.StringIO(text), delimiter=delimiter)
            try:
                header = next(reader, [])
            except csv.Error:
                continue
            if looks_like_redcap(header):
                try:
                    return header, list(reader)
                except csv.Error as exc:
                    raise InstrumentImportError("errors.import_csv_broken", name=name, row=reader.line_num,
                                                detail=str(exc)) from None
            if first is None:
                first = header
        return first or [], []
    finally:
        csv.field_size_limit(previous)


@dataclass
class _Field:
    row: int
    name: str
    id: str = ""
    form: str = ""
    section: str = ""
    type: str = ""
    label: str = ""
    choices: str = ""
    note: str = ""
    validation: str = ""
    val_min: str = ""
    val_max: str = ""
    branching: str = ""
    required: bool = False
    matrix: str = ""
    cells: dict = field(default_factory=dict)
    # results of the first pass
    item_type: ItemType | None = None
    levels: list[Level] = field(default_factory=list)
    kind: str = "item"          # item / score / dropped
    domain_key: tuple = ()


def parse_choices(raw: str, report: Report, row: int, name: str, lang: str = "en",
                  cache: dict | None = None) -> list[Level]:
    """``1, Yes | 2, No`` → levels (codes become numbers when all are whole numbers).

    A dictionary repeats the same choices many times (yes/no, a Likert scale): the levels of a choices text
    that needed no note are made once per import and shared (levels are values; nothing changes them)."""
    if cache is None:
        return _parse_choices(raw, report, row, name, lang)
    known = cache.get((raw, lang))
    if known is not None:
        return list(known)
    before = len(report)
    levels = _parse_choices(raw, report, row, name, lang)
    if len(report) == before:
        cache[(raw, lang)] = levels
    return list(levels)


def _parse_choices(raw: str, report: Report, row: int, name: str, lang: str) -> list[Level]:
    pairs: list[tuple[str, str]] = []
    for part in (raw or "").split("|"):
        part = part.strip()
        if not part:
            continue
        if "," not in part:
            report.add("dropped", "import.choice_malformed", row=row, field=name, text=part, original=raw)
            continue
        code, label = part.split(",", 1)
        code = code.strip()
        label, changed = strip_html(label.strip())
        if changed:
            report.add("changed", "import.html_stripped", row=row, field=name, original=excerpt(part, 200))
        if not code:
            report.add("dropped", "import.choice_malformed", row=row, field=name, text=part, original=raw)
            continue
        if code in [c for c, _ in pairs]:
            report.add("dropped", "import.choice_duplicate", row=row, field=name, code=code, original=raw)
            continue
        pairs.append((code, label or code))
    ints = bool(pairs) and all(re.fullmatch(r"-?\d+", c) for c, _ in pairs)
    return [Level(value=int(c) if ints else c, label=Text.model_validate({lang: lab})) for c, lab in pairs]


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _number(raw: str) -> float | None:
    text = (raw or "").strip().replace(",", ".").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        return None


def import_redcap(source: str | Path, *, text: str | None = None, name: str | None = None,
                  instrument_id: str | None = None, version: str | None = None,
                  title: str | None = None, lang: str | None = None, _parsed: tuple | None = None) -> ImportResult:
    """Import a REDCap data dictionary CSV (``source`` a path; or ``text`` the CSV itself).

    A data dictionary does not say its language: its texts are taken as ``lang`` (default English).
    ``_parsed`` (``import_file``'s): the text, name, header and rows its format detection read, used when they
    are of this same text and name."""
    report = Report()
    path = Path(source) if source is not None else None
    source_name = name or (path.name if path else "dictionary.csv")
    if text is None:
        from . import read_text  # noqa: PLC0415 - shared decoding with its report note

        text = read_text(path, report)
    if _parsed is not None and _parsed[1] == source_name and _parsed[0] == text:
        header, rows = _parsed[2], _parsed[3]
    else:
        header, rows = read_rows(text, source_name)
    if not looks_like_redcap(header):
        raise InstrumentImportError("errors.import_unknown_format", name=source_name, report=report)
    columns = header_columns(header)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns.values()]
    if missing:
        titles = {"field_name": "Variable / Field Name", "form_name": "Form Name", "field_type": "Field Type",
                  "field_label": "Field Label"}
        raise InstrumentImportError("errors.import_redcap_columns", name=source_name, report=report,
                                    columns=", ".join(titles[c] for c in missing))
    return _Importer(report, source_name, lang or "en").run(rows, columns, instrument_id, version, title)


class _Importer:
    def __init__(self, report: Report, source_name: str, lang: str = "en"):
        self.report = report
        self.source_name = source_name
        self.lang = lang
        self.na_cells = 0
        self.choices: dict = {}   # choices text → its levels, made once per import
        self.translated: dict[str, str] = {}   # branching logic → its casekit expression
        self.fields: list[_Field] = []
        self.by_name: dict[str, _Field] = {}
        self.ids = IdRegistry()
        self.origins: dict[str, Origin] = {}

    # -- reading -------------------------------------------------------------------------------------
    def read(self, rows: list[list[str]], columns: dict[int, str]) -> None:
        seen_names: set[str] = set()
        names, indices = list(columns.values()), list(columns)
        # the cells of a row that has every column, picked in one step (the columns are at least the four
        # REQUIRED_COLUMNS, so itemgetter gives a tuple)
        pick, least = itemgetter(*indices), max(indices) + 1
        for index, row in enumerate(rows):
            rownum = index + 2  # the header is row 1, as a spreadsheet shows it
            if not "".join(row).strip():  # only empty or blank cells
                continue
            width = len(row)
            if width >= least:
                cells = dict(zip(names, map(str.strip, pick(row))))
            else:
                cells = {name: (row[i].strip() if i < width else "") for i, name in columns.items()}
            if "NA" in cells.values():  # R's write.csv writes missing values as NA: an empty cell, not a text
                for key, value in cells.items():
                    if value == "NA":
                        cells[key] = ""
                        self.na_cells += 1
            name = cells.get("field_name", "")
            if not name:
                self.report.add("dropped", "import.empty_name", row=rownum,
                                original=excerpt(cells.get("field_label", "")) or "-")
                continue
            if name.lower() in seen_names:
                self.report.add("dropped", "import.duplicate_name", row=rownum, field=name)
                continue
            seen_names.add(name.lower())
            f = _Field(
                row=rownum, name=name, form=cells.get("form_name", ""), section=cells.get("section_header", ""),
                type=cells.get("field_type", "").lower(), label=cells.get("field_label", ""),
                choices=cells.get("choices", ""), note=cells.get("field_note", ""),
                validation=cells.get("validation", "").lower(), val_min=cells.get("val_min", ""),
                val_max=cells.get("val_max", ""), branching=cells.get("branching", ""),
                required=cells.get("required", "").lower() in ("y", "yes", "1", "true"),
                matrix=cells.get("matrix_group", ""), cells=cells,
            )
            self.fields.append(f)
            self.by_name[name.lower()] = f

    # -- first pass: types, levels, ids --------------------------------------------------------------
    def classify(self) -> None:
        for position, f in enumerate(self.fields):
            add = self._note(f)
            if position == 0 and f.type == "text":
                f.kind = "dropped"
                add("dropped", "import.record_id_dropped")
                continue
            t, v = f.type, f.validation
            if t in ("text", "notes"):
                f.item_type = ItemType.TEXT
                if t == "text" and v:
                    if v in DATE_VALIDATIONS:
                        f.item_type = ItemType.DATE
                    elif v in DATETIME_VALIDATIONS:
                        f.item_type = ItemType.DATE
                        add("changed", "import.datetime_to_date", type=v)
                    elif v == "integer" or v.startswith("number"):
                        f.item_type = ItemType.NUMBER
                    elif v in TIME_VALIDATIONS:
                        add("changed", "import.time_to_text", type=v)
                    else:
                        add("changed", "import.validation_dropped", validation=v)
            elif t in ("dropdown", "radio", "checkbox"):
                f.item_type = ItemType.MULTIPLE if t == "checkbox" else ItemType.SINGLE
                f.levels = parse_choices(f.choices, self.report, f.row, f.name, self.lang, self.choices)
                if not f.levels:
                    f.kind = "dropped"
                    add("dropped", "import.no_choices", original=f.choices)
                    continue
            elif t == "yesno":
                f.item_type = ItemType.YESNO
            elif t == "truefalse":
                f.item_type = ItemType.YESNO
                add("changed", "import.truefalse")
            elif t == "slider":
                f.item_type = ItemType.NUMBER
            elif t == "calc":
                f.kind = "score"
            elif t == "descriptive":
                f.kind = "dropped"
                add("dropped", "import.descriptive_dropped", label=excerpt(strip_html(f.label)[0]) or f.name)
                continue
            else:
                f.kind = "dropped"
                add("dropped", "import.type_dropped", type=t or "-",
                    label=excerpt(strip_html(f.label)[0]) or f.name, original=t)
                continue
            wanted = make_id(f.name, "field")
            f.id = self.ids.claim(wanted)
            if f.id != f.name:
                add("changed", "import.id_changed", id=f.id, original=f.name)

    def _note(self, f: _Field):
        def add(severity, key, **params):
            return self.report.add(severity, key, row=f.row, field=f.name, **params)
        return add

    # -- name resolution for expressions -------------------------------------------------------------
    def context(self, score_exprs: dict[str, str | None]) -> Context:
        def lookup(name: str) -> FieldInfo:
            f = self.by_name.get(name.lower())
            if f is None:
                raise Unsupported("unknown_field", name=name)
            if f.kind == "dropped":
                raise Unsupported("dropped_field", name=name)
            if f.kind == "score":
                expr = self.score_expr(f, score_exprs)
                if expr is None:
                    raise Unsupported("dropped_field", name=name)
                return FieldInfo(f.id, "score", expr=expr)
            return FieldInfo(f.id, f.item_type, [lvl.value for lvl in f.levels])
        return Context(lookup)

    def score_expr(self, f: _Field, done: dict[str, str | None]) -> str | None:
        """The casekit formula of a calc field (translated once; ``None`` when it cannot be)."""
        if f.id in done:
            if done[f.id] == "…":
                raise Unsupported("cycle", name=f.name)
            return done[f.id]
        done[f.id] = "…"
        formula = " ".join(f.choices.split())
        try:
            if not formula:
                raise Unsupported("empty")
            expr = _logic.translate(formula, REDCAP, self.context(done))
            if not fits(expr, "score"):
                raise Unsupported("too_long")
        except Unsupported as exc:
            done[f.id] = None
            self.report.add("dropped", "import.calc_dropped", row=f.row, field=f.name, original=formula,
                            reason=exc.reason)
            return None
        done[f.id] = expr
        return expr

    # -- second pass: items, domains, scales, scores -------------------------------------------------
    def run(self, rows, columns, instrument_id, version, title) -> ImportResult:
        from ..definition import Domain, Item, Score, ScoreKind

        self.read(rows, columns)
        self.classify()
        report = self.report

        # domains: one per form, and a new one at each section header
        domain_ids = IdRegistry()
        domains: list[dict] = []
        current_form, current = None, None
        for f in self.fields:
            header, changed = strip_html(f.section)
            if f.form != current_form or header:
                if f.form != current_form and not header:
                    did = domain_ids.claim(make_id(f.form, "form"))
                    current = {"id": did, "title": humanize(f.form) or did, "items": [], "row": f.row,
                               "section": False}
                else:
                    did = domain_ids.claim(make_id(header.lower(), "section")[:40].rstrip("_") or "section")
                    current = {"id": did, "title": header, "items": [], "row": f.row, "section": True}
                    if changed:
                        report.add("changed", "import.html_stripped", row=f.row, field=f.name,
                                   original=excerpt(f.section, 200))
                current_form = f.form
                domains.append(current)
            if f.kind == "item":
                current["items"].append(f)

        # matrix groups share a scale when their choices agree
        scales: dict[str, list[Level]] = {}
        groups: dict[str, list[_Field]] = {}
        for f in self.fields:
            if f.matrix and f.kind == "item":
                groups.setdefault(f.matrix, []).append(f)
        matrix_of: dict[str, str] = {}
        scale_ids = IdRegistry()
        for group, members in groups.items():
            first = members[0]
            same = all(m.levels == first.levels and m.item_type == first.item_type for m in members)
            if not same or not first.levels:
                report.add("changed", "import.matrix_mismatch", row=first.row, field=first.name, group=group)
                continue
            sid = scale_ids.claim(make_id(group, "scale"))
            scales[sid] = list(first.levels)
            for m in members:
                matrix_of[m.id] = sid
                if m.item_type == ItemType.SINGLE and all(isinstance(lv.value, int) for lv in first.levels):
                    m.item_type = ItemType.SCALE
            report.add("info", "import.matrix_scale", row=first.row, field=first.name, group=group, scale=sid,
                       count=len(members))

        score_exprs: dict[str, str | None] = {}
        ctx = self.context(score_exprs)
        out_domains = []
        for dom in domains:
            items = []
            for f in dom["items"]:
                item = self.item(f, ctx, matrix_of.get(f.id))
                if item is not None:
                    items.append(item)
            if items:
                out_domains.append(Domain(id=dom["id"], title=self.text(dom["title"]), items=items))
            elif dom["section"]:
                report.add("info", "import.section_empty", row=dom["row"], title=excerpt(dom["title"]))

        scores = []
        for f in self.fields:
            if f.kind != "score":
                continue
            expr = self.score_expr(f, score_exprs)
            if expr is None:
                continue
            label = self.label(f)
            simple = _logic.sum_or_mean_of_fields(" ".join(f.choices.split()), ctx)
            if simple:
                kind, ids = simple
                score = Score(id=f.id, label=label, kind=ScoreKind(kind), items=ids)
            else:
                score = Score(id=f.id, label=label, kind=ScoreKind.EXPR, expr=expr)
            scores.append(score)
            self.origins[f"score:{f.id}"] = Origin(row=f.row, field=f.name, expr=" ".join(f.choices.split()))
            self.report.add("info", "import.calc_score", row=f.row, field=f.name, id=f.id)
            if f.branching:
                self.report.add("dropped", "import.condition_on_score", row=f.row, field=f.name,
                                original=f.branching)
            for column, heading in (("field_note", "Field Note"), ("required", "Required Field?"),
                                    *_COLUMN_TITLES.items()):
                value = f.cells.get(column, "")
                if value:
                    self.report.add("dropped", "import.column_dropped", row=f.row, field=f.name, column=heading,
                                    value=excerpt(value), original=value)

        if not out_domains:
            raise InstrumentImportError("errors.import_no_items", name=self.source_name, report=report)

        # the instrument
        stem = Path(self.source_name).stem
        forms = list(dict.fromkeys(f.form for f in self.fields if f.form))
        if instrument_id:
            iid = make_id(instrument_id, "instrument")
        else:
            iid = make_id(re.sub(r"(?i)_?data_?dictionary.*$", "", stem) or stem, "instrument")
            report.add("info", "import.id_from_filename", id=iid, original=self.source_name)
        if title:
            title_text = title
        else:
            title_text = humanize(forms[0]) if len(forms) == 1 else humanize(
                re.sub(r"(?i)_?data_?dictionary.*$", "", stem) or stem)
            report.add("info", "import.title_default", title=title_text)
        if version:
            from ._common import normalize_version

            ver, changed = normalize_version(version)
            if changed:
                report.add("changed", "import.version_changed", version=ver, original=version)
        else:
            ver = "1.0.0"
            report.add("info", "import.version_default", version=ver)
        if self.na_cells:
            report.add("changed", "import.r_na_cells", count=self.na_cells)
        report.add("info", "import.source_language", lang=self.lang)
        if self.lang != "cs":
            report.add("info", "import.no_czech")
        data = {
            "id": iid, "version": ver, "title": self.text(title_text), "scales": scales,
            "domains": out_domains, "scores": scores,
            "meta": {"imported_from": {"format": "redcap", "file": self.source_name}},
        }
        instrument = build_instrument(data, report, self.source_name, self.origins)
        return finish(instrument, report, "redcap", self.source_name)

    def text(self, value: str) -> Text:
        """A text of the source, in the language the source is in."""
        return Text.model_validate({self.lang: value})

    def label(self, f: _Field) -> Text:
        label, changed = strip_html(f.label)
        if changed:
            self.report.add("changed", "import.html_stripped", row=f.row, field=f.name, original=excerpt(f.label, 200))
        if not label:
            self.report.add("changed", "import.label_missing", row=f.row, field=f.name, id=f.id)
            label = f.name
        pipes = _PIPING.findall(label)
        if pipes:
            self.report.add("changed", "import.piping_kept", row=f.row, field=f.name, text=", ".join(pipes))
        return self.text(label)

    def item(self, f: _Field, ctx: Context, scale: str | None):
        from ..definition import Item

        add = self._note(f)
        data: dict = {"id": f.id, "type": f.item_type, "label": self.label(f), "required": f.required}
        self.origins[f"item:{f.id}"] = Origin(row=f.row, field=f.name, show_if=f.branching or None)
        help_text, changed = strip_html(f.note)
        if changed:
            add("changed", "import.html_stripped", original=excerpt(f.note, 200))
        if f.levels:
            data["levels"] = f.levels
        if scale:
            data["scale"] = scale
        if f.item_type == ItemType.NUMBER:
            bounds = (("min", f.val_min), ("max", f.val_max))
            if f.type == "slider":
                # REDCap sliders run 0–100 unless Text Validation Min/Max say otherwise (the labels sit at the
                # left end, the middle and the right end of that range)
                lo, hi = _number(f.val_min), _number(f.val_max)
                lo = 0.0 if lo is None else lo
                hi = 100.0 if hi is None else hi
                if lo > hi:
                    lo, hi = 0.0, 100.0
                    add("dropped", "import.slider_bounds_dropped", original=f"{f.val_min} – {f.val_max}")
                data.update(min=lo, max=hi, integer=all(float(b).is_integer() for b in (lo, hi)))
                bounds = ()
                labels = [strip_html(p)[0] for p in f.choices.split("|") if p.strip()]
                middle = (lo + hi) / 2
                spots = {1: [lo], 2: [lo, hi], 3: [lo, middle, hi]}.get(len(labels))
                if labels:
                    if spots:
                        anchors = ", ".join(f"{_shown(s)} = {lab}" for s, lab in zip(spots, labels))
                    else:
                        anchors = " | ".join(labels)
                    help_text = f"{help_text}\n{anchors}".strip() if help_text else anchors
                add("changed", "import.slider", min=_shown(lo), max=_shown(hi), labels=" | ".join(labels) or "-")
            else:
                data["integer"] = f.validation == "integer"
            for bound, raw in bounds:
                if raw:
                    number = _number(raw)
                    if number is None:
                        add("dropped", "import.bound_dropped", bound=bound, value=raw, original=raw)
                    else:
                        data[bound] = number
        elif f.val_min or f.val_max:
            for bound, raw in (("min", f.val_min), ("max", f.val_max)):
                if raw:
                    add("dropped", "import.bound_dropped", bound=bound, value=raw, original=raw)
        if help_text:
            data["help"] = self.text(help_text)
        if f.branching:
            condition = " ".join(f.branching.split())
            try:
                expr = self.translated.get(condition)
                if expr is None:  # the same condition is often on many fields: translated once
                    expr = self.translated[condition] = _logic.translate(condition, REDCAP, ctx)
                if not fits(expr):
                    raise Unsupported("too_long")
                data["show_if"] = expr
            except Unsupported as exc:
                add("dropped", "import.condition_dropped", original=f.branching, reason=exc.reason)
        if f.cells.get("identifier", "").lower() in ("y", "yes", "1"):
            add("dropped", "import.identifier_dropped")
        for column, heading in _COLUMN_TITLES.items():
            value = f.cells.get(column, "")
            if value:
                add("dropped", "import.column_dropped", column=heading, value=excerpt(value), original=value)
        try:
            return Item(**data)
        except ValidationError as exc:
            add("dropped", "import.item_invalid", detail=Explained(exc))
            return None
