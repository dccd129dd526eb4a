"""The gap report as files (HTML, CSV, Word) in the export folder, and as browser download links.

Files go to ``CASEKIT_EXPORT_DIR`` (else ``<user data dir>/casekit/exports``: the apps'
:func:`casekit.widgets.exports.export_dir`), named ``gap-analysis-<as of>.<ext>`` (Czech:
``analyza-mezer-…``), written to a temporary name first and then renamed, so a half-written file never
carries the final name. The report is aggregate only (counts per area and life domain, never a case or a
client), so nothing needs masking. The download link is an ``<a download href="data:…;base64,…">``
(:class:`casekit.widgets.exports.Export`): no network involved.
"""
from __future__ import annotations

import io
from pathlib import Path

from ...private import private_dir, write_private_bytes
from ..exports import Export, export_dir

FORMATS = {
    "html": "text/html;charset=utf-8",
    "csv": "text/csv;charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(report, fmt: str, lang: str) -> bytes:
    if fmt == "html":
        return report.to_html(lang).encode("utf-8")
    if fmt == "csv":
        return report.to_csv(lang).encode("utf-8")
    if fmt == "docx":
        buffer = io.BytesIO()
        report.to_docx(buffer, lang)
        return buffer.getvalue()
    raise ValueError(fmt)


def export(report, fmt: str, folder: Path, *, lang: str) -> Export:
    """Write the gap report in ``fmt`` (html | csv | docx) to ``folder``; returns the file and its bytes."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = render(report, fmt, lang)
    base = "analyza-mezer" if lang == "cs" else "gap-analysis"
    private_dir(folder)
    path = folder / f"{base}-{report.as_of.isoformat()}.{fmt}"
    tmp = path.with_suffix(path.suffix + ".tmp")
    write_private_bytes(tmp, data)  # 0600: an export holds the case, like the store
    tmp.replace(path)
    return Export(path, FORMATS[fmt], data)


__all__ = ["FORMATS", "export", "export_dir", "render"]
