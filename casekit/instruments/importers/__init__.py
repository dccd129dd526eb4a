"""Import instruments made elsewhere: REDCap data dictionaries (CSV) and XLSForms (ODK / KoBoToolbox, .xlsx).

::

    result = import_file("phq9_DataDictionary.csv")   # or an XLSForm: "household.xlsx"
    result.instrument                                 # a casekit Instrument
    for note in result.report:                        # what was left out or changed, and where
        print(note.text("cs"))                        # [nepřeneseno] řádek 14, pole `q7`: …
    result.to_yaml("phq9.yaml")                       # casekit's YAML, to review and translate

Nothing is dropped silently: whatever cannot be carried over (a field type casekit does not have, a
branching condition using a function casekit lacks, a repeat group …) is an :class:`ImportNote` of the
report, with the row and field, the original text and a Czech and English explanation. A file that is
not an instrument at all raises :class:`InstrumentImportError` (a :class:`~casekit.errors.InvalidData`).
"""
from __future__ import annotations

from pathlib import Path

from ...errors import CaseKitError
from ..loader import paused_gc
from ._common import ImportResult, InstrumentImportError, instrument_to_dict, instrument_to_yaml
from ._notes import ImportNote, Report

__all__ = [
    "ImportNote", "ImportResult", "InstrumentImportError", "detect_format", "import_file", "import_redcap",
    "import_xlsform", "instrument_to_dict", "instrument_to_yaml",
]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # the old binary .xls


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def sniff_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names, or UTF-16 recognised by its zero bytes (Excel's "Unicode text"
    export writes UTF-16 with a mark; other tools without one); None for anything else."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    head = data[:4000]
    if len(head) >= 4 and head.count(b"\x00") * 3 > len(head):
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if odd > 2 * even:
            return "utf-16-le"
        if even > 2 * odd:
            return "utf-16-be"
    return None


def read_text(path: Path, report: Report | None = None) -> str:
    """The file as text: UTF-8 (with or without BOM), UTF-16/32 (by its mark or its zero bytes), else
    Windows-1250 (Czech Excel), reported."""
    data = path.read_bytes()
    encoding = sniff_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InstrumentImportError("errors.import_bad_encoding", name=path.name, encoding=encoding) from None
        if report is not None and encoding != "utf-8-sig":
            report.add("info", "import.encoding_read", encoding=encoding.upper())
        return text.lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if report is not None:
            report.add("changed", "import.encoding_cp1250")
        return data.decode("cp1250", errors="replace")


def detect_format(path: str | Path) -> str:
    """``"xlsform"`` or ``"redcap"``; raises :class:`InstrumentImportError` for anything else."""
    return _detect(Path(path))[0]


def _detect(path: Path) -> tuple[str, tuple | None]:
    """The format, and for a CSV what was read to recognise it (its text, header and rows), which the import
    then takes instead of parsing the same text again (a twentieth of a 50,000-row REDCap import)."""
    if not path.is_file():
        raise InstrumentImportError("errors.import_file_missing", name=str(path))
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise InstrumentImportError("errors.import_empty", name=path.name)
    if head.startswith(_OLE):
        raise InstrumentImportError("errors.import_old_xls", name=path.name)
    if head.startswith(_ZIP):
        return "xlsform", None
    from .redcap import looks_like_redcap, read_rows

    text = read_text(path)
    header, rows = read_rows(text, path.name)
    if looks_like_redcap(header):
        return "redcap", (text, path.name, header, rows)
    raise InstrumentImportError("errors.import_unknown_format", name=path.name)


def import_file(path: str | Path, *, instrument_id: str | None = None, version: str | None = None,
                title: str | None = None, lang: str | None = None) -> ImportResult:
    """Import an instrument, recognising the format from the file itself.

    An ``.xlsx`` workbook with a ``survey`` sheet is an XLSForm; a CSV whose header is that of a REDCap data
    dictionary (``Variable / Field Name``, ``Form Name``, ``Field Type`` …) is one. ``instrument_id``,
    ``version`` and ``title`` override what the file says (a REDCap dictionary says none of them). ``lang``
    (``cs``, ``en``, ``de`` …) is the language of texts the source does not label: every text of a REDCap
    dictionary, and an XLSForm's columns without ``::language``.
    """
    path = Path(path)
    if lang is not None:
        lang = check_language(lang)
    with paused_gc():  # a CSV is parsed here, once, and its rows kept for the import
        kind, parsed = _detect(path)
    # an import makes a few million small objects and frees none of them until it ends: the cycle collector
    # would walk them all again and again (a third of a 50,000-row import), so it waits until the end
    try:
        with paused_gc():
            if kind == "xlsform":
                return import_xlsform(path, instrument_id=instrument_id, version=version, title=title, lang=lang)
            return import_redcap(path, instrument_id=instrument_id, version=version, title=title, lang=lang,
                                 _parsed=parsed)
    except CaseKitError:
        raise
    except RecursionError:  # a safety net: every known way to nest deeply is refused earlier, with a reason
        raise InstrumentImportError("errors.import_too_deep", name=path.name) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still reach the user as a readable message
        raise InstrumentImportError("errors.import_failed", name=path.name,
                                    detail=f"{type(exc).__name__}: {exc}") from exc


def check_language(lang: str) -> str:
    """``cs``, ``EN``, ``de-AT`` → a language code casekit keeps texts under; refuses anything else."""
    from ..definition import is_language_code

    code = str(lang).strip().replace("-", "_")
    parts = code.split("_")
    code = "_".join([parts[0].lower(), *parts[1:]])
    if not is_language_code(code):
        raise InstrumentImportError("errors.import_bad_language", lang=lang)
    return code


def import_redcap(path, **kwargs) -> ImportResult:
    from .redcap import import_redcap as run

    return run(path, **kwargs)


def import_xlsform(path, **kwargs) -> ImportResult:
    from .xlsform import import_xlsform as run

    return run(path, **kwargs)
