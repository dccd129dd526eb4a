"""Import a caseload kept in a spreadsheet (CSV or XLSX): one row per case, all or nothing.

Every row is read and checked first; a file with any bad row imports nothing, and the report names each
problem by row number (as the spreadsheet shows it; the header is row 1 of a CSV), column and a sentence in
Czech and English. Only then are the cases saved, one after another (ids already in the store are refused
up front; a failure while saving – another user saving the same id at that moment, a broken connection – is
reported and leaves the cases saved before it).

Each row becomes a case: the client (pseudonym, birth year, gender, municipality), the case manager, the team
model, the phase (with ``phase since`` recorded as the phase change, when given), the opening and closing
dates, the target group and referral source. casekit keeps the planned review on a case conference, so
``next review`` (and ``last conference``) become one conference record dated on the last conference – or on
the opening day when the sheet has no such column – whose notes say it came from the import.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from ..cells import formula_like
from ..errors import CaseKitError, InvalidData, explain
from ..i18n import LANGUAGES, current_language, gettext, normalise_language
from ..model import Case
from ..model.base import new_id
from .columns import COLUMNS, PARSERS, REQUIRED, CellError, column_for, text

MAX_ROWS = 100_000
IMPORT_CONFERENCE_ID = "conf-import"
#: Model rules that concern one column of the sheet.
_RULE_COLUMNS = {
    "closed_before_opened": "closed", "closed_needs_date_and_reason": "closure_reason",
    "closing_date_on_open_case": "closed", "phase_change_out_of_order": "phase_since",
    "phase_history_mismatch": "phase", "conference_before_opened": "last_conference",
    "next_review_before_conference": "next_review", "birth_year_future": "birth_year",
    "birth_year_too_old": "birth_year",
}
_FIELD_COLUMNS = {"client": None, "display_name": "display_name", "birth_year": "birth_year", "gender": "gender",
                  "municipality": "municipality", "phase_history": "phase_since", "conferences": "last_conference",
                  "next_review": "next_review", "id": "case_id"}


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row, the column (canonical name and the header as written) and the reason."""

    row: int
    column: str | None
    header: str | None
    code: str
    params: dict = field(default_factory=dict)
    texts: dict | None = None  # sentences prepared per language (model rules explained by casekit.errors)

    def reason(self, lang: str | None = None) -> str:
        lang = normalise_language(lang) if lang else current_language()
        if self.texts:
            return self.texts.get(lang) or self.texts["en"]
        params = dict(self.params)
        vocab = params.pop("vocabulary", None)
        if vocab is not None:
            params["choices"] = ", ".join(m.label(lang) for m in vocab)
        return gettext(f"imports.{self.code}", lang, **params)

    def message(self, lang: str | None = None) -> str:
        lang = normalise_language(lang) if lang else current_language()
        column = self.header or (gettext(f"imports.column.{self.column}", lang) if self.column else "")
        key = "imports.row_column_error" if column else "imports.row_error"
        return gettext(key, lang, row=self.row, column=column, reason=self.reason(lang))


class CaseloadImportError(InvalidData):
    """The file was not imported; ``errors`` lists every problem found (nothing was saved)."""

    code = "errors.caseload_import"

    def __init__(self, errors: list[RowError], code: str | None = None, **params):
        self.errors = errors
        super().__init__(code, count=len(errors), **params)

    def messages(self, lang: str | None = None) -> list[str]:
        return [gettext(self.code, lang, **self.params)] + [e.message(lang) for e in self.errors]


@dataclass
class CaseloadFile:
    """A spreadsheet read and checked: the cases it would create and its problems."""

    cases: list[Case]
    errors: list[RowError]
    rows: list[int]
    headers: dict[str, str]
    ignored_columns: list[str]
    #: (row, header) of text cells a spreadsheet would read as formulas (= + - @ …): kept as text, reported
    formula_cells: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- reading the file -----------------------------------------------------------------------------------
def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv_rows(data: bytes) -> Iterator[tuple[int, list]]:
    content = _decode(data)
    sample = content[:10_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(content, newline=""), dialect)
    for number, row in enumerate(reader, start=1):
        yield number, row


def _xlsx_rows(data: bytes, sheet: str | None) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InvalidData("errors.caseload_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
        ws = book[sheet] if sheet else book.worksheets[0]
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def _kind(data: bytes, name: str | None) -> str:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    return "xlsx" if data[:2] == b"PK" else "csv"


def _load(source, filename: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), filename
    path = Path(source)
    try:
        return path.read_bytes(), filename or path.name
    except OSError as exc:
        raise InvalidData("errors.file_unreadable", path=str(path), detail=exc.strerror or exc) from None


def _rows(data: bytes, kind: str, sheet: str | None) -> Iterator[tuple[int, list]]:
    if kind == "xlsx":
        try:
            yield from _xlsx_rows(data, sheet)
        except InvalidData:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged or foreign file: say so, never a traceback
            raise InvalidData("errors.caseload_unreadable", detail=type(exc).__name__) from None
    else:
        yield from _csv_rows(data)


# -- checking -------------------------------------------------------------------------------------------
def _model_errors(exc: ValidationError, number: int, headers: dict[str, str]) -> list[RowError]:
    texts = {lang: explain(exc, lang) for lang in LANGUAGES}
    out = []
    for i, error in enumerate(exc.errors()):
        kind = error.get("type", "")
        column = _RULE_COLUMNS.get(kind.removeprefix("casekit.")) if kind.startswith("casekit.") else None
        if column is None:
            loc = [p for p in error.get("loc", ()) if isinstance(p, str)]
            for part in reversed(loc):
                if part in COLUMNS:
                    column = part
                    break
                if part in _FIELD_COLUMNS and _FIELD_COLUMNS[part]:
                    column = _FIELD_COLUMNS[part]
                    break
        out.append(RowError(number, column, headers.get(column) if column else None, "model",
                            texts={lang: texts[lang][i] for lang in LANGUAGES}))
    return out


def _case(values: dict, lang: str) -> Case:
    phase = values.get("phase") or ("closed" if values.get("closed") else "contact")
    document = {
        "id": values.get("case_id") or new_id("case"),
        "client": {k: values[k] for k in ("display_name", "birth_year", "gender", "municipality")
                   if values.get(k) is not None},
        "case_manager": values.get("case_manager"), "phase": phase, "opened": values.get("opened"),
        "language": lang,
    }
    for key in ("team_model", "target_group", "referral_source", "closed", "closure_reason"):
        if values.get(key):
            document[key] = values[key]
    if values.get("phase_since"):
        document["phase_history"] = [{"phase": phase, "date": values["phase_since"]}]
    if values.get("next_review") or values.get("last_conference"):
        document["conferences"] = [{
            "id": IMPORT_CONFERENCE_ID, "date": values.get("last_conference") or values.get("opened"),
            "next_review": values.get("next_review"), "notes": gettext("imports.conference_note", lang),
            "language": lang,
        }]
    return Case.model_validate(document)


def read_caseload(source, *, filename: str | None = None, sheet: str | None = None,
                  lang: str | None = None) -> CaseloadFile:
    """Read and check a caseload file (path or bytes; CSV or XLSX) without saving anything.

    ``lang`` is the language of the cases' texts (the note on the imported conference); default: current.
    """
    lang = normalise_language(lang) if lang else current_language()
    data, name = _load(source, filename)
    errors: list[RowError] = []
    cases: list[Case] = []
    numbers: list[int] = []
    header_row, positions, headers, ignored = None, {}, {}, []
    seen_ids: dict[str, int] = {}
    formulas: list[tuple[int, str]] = []
    for number, row in _rows(data, _kind(data, name), sheet):
        cells = [text(c) for c in row]
        if not any(cells):
            continue
        if header_row is None:
            header_row = number
            for index, raw in enumerate(row):
                column = column_for(raw)
                label = text(raw)
                if column is None:
                    if label:
                        ignored.append(label)
                elif column in positions:
                    errors.append(RowError(number, column, label, "duplicate_column", {"first": headers[column]}))
                else:
                    positions[column], headers[column] = index, label
            for column in REQUIRED:
                if column not in positions:
                    errors.append(RowError(number, column, None, "missing_column"))
            if errors:
                break
            continue
        if len(numbers) >= MAX_ROWS:
            errors.append(RowError(number, None, None, "too_many_rows", {"limit": MAX_ROWS}))
            break
        numbers.append(number)
        values, row_errors = {}, []
        for column, index in positions.items():
            raw = row[index] if index < len(row) else None
            if formula_like(raw):
                formulas.append((number, headers[column]))
            try:
                values[column] = PARSERS[column](raw)
            except CellError as exc:
                row_errors.append(RowError(number, column, headers[column], exc.code, exc.params))
        for column in REQUIRED:
            if column not in values or values[column] in (None, ""):
                if not any(e.column == column for e in row_errors):
                    row_errors.append(RowError(number, column, headers.get(column), "required"))
        case_id = values.get("case_id")
        if case_id:
            if case_id in seen_ids:
                row_errors.append(RowError(number, "case_id", headers["case_id"], "duplicate_id",
                                           {"id": case_id, "first": seen_ids[case_id]}))
            else:
                seen_ids[case_id] = number
        if not row_errors:
            try:
                cases.append(_case(values, lang))
            except ValidationError as exc:
                row_errors.extend(_model_errors(exc, number, headers))
        errors.extend(row_errors)
    if header_row is None:
        errors.append(RowError(1, None, None, "empty_file"))
    elif not numbers and not errors:
        errors.append(RowError(header_row, None, None, "no_rows"))
    return CaseloadFile(cases=cases if not errors else [], errors=errors, rows=numbers, headers=headers,
                        ignored_columns=ignored, formula_cells=formulas)


@dataclass
class CaseloadImport:
    """What an import did: the cases saved (or, with ``dry_run``, that would be saved)."""

    cases: list[Case]
    dry_run: bool
    ignored_columns: list[str]
    formula_cells: list[tuple[int, str]] = field(default_factory=list)


def import_caseload(source, store, *, filename: str | None = None, sheet: str | None = None,
                    lang: str | None = None, dry_run: bool = False, user: str | None = None) -> CaseloadImport:
    """Import a caseload spreadsheet into ``store``: every row checked first, then all saved, or nothing.

    Raises :class:`CaseloadImportError` listing every bad row (nothing saved) – including rows whose case id
    is already in the store.
    """
    checked = read_caseload(source, filename=filename, sheet=sheet, lang=lang)
    errors = list(checked.errors)
    if not errors:
        id_header = checked.headers.get("case_id")
        for number, case in zip(checked.rows, checked.cases):
            if store.exists(case.id, include_deleted=True):
                errors.append(RowError(number, "case_id", id_header, "case_exists", {"id": case.id}))
    if errors:
        raise CaseloadImportError(errors)
    if dry_run:
        return CaseloadImport(cases=checked.cases, dry_run=True, ignored_columns=checked.ignored_columns,
                              formula_cells=checked.formula_cells)
    saved = []
    for number, case in zip(checked.rows, checked.cases):
        try:
            saved.append(store.save(case, user=user))
        except CaseKitError as exc:
            raise CaseloadImportError(
                [RowError(number, None, None, "model", texts={lg: " ".join(exc.messages(lg)) for lg in LANGUAGES})],
                code="errors.caseload_import_partial", saved=len(saved)) from None
    return CaseloadImport(cases=saved, dry_run=False, ignored_columns=checked.ignored_columns,
                          formula_cells=checked.formula_cells)
