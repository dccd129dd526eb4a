"""Imports of data teams keep elsewhere: a caseload from a spreadsheet (CSV or XLSX, Czech or English headers).

    from casekit.imports import import_caseload, read_caseload
    checked = read_caseload("caseload.xlsx")          # check only: .cases, .errors (row, column, message)
    import_caseload("caseload.csv", store)            # all rows or nothing; CaseloadImportError lists the problems
"""
from .caseload import (
    CaseloadFile, CaseloadImport, CaseloadImportError, RowError, import_caseload, read_caseload,
)
from .columns import ALIASES, REQUIRED

__all__ = ["ALIASES", "CaseloadFile", "CaseloadImport", "CaseloadImportError", "REQUIRED", "RowError",
           "import_caseload", "read_caseload"]
