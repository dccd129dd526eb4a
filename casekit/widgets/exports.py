"""The minutes of a conference as files (Markdown, print-ready HTML, Word) and as browser download links.

Files go to the export folder (``CASEKIT_EXPORT_DIR``, else ``<user data dir>/casekit/exports``), created
private (0600 in a 0700 folder). The apps also offer each file for download with an
``<a download href="data:…;base64,…">`` link (ipywidgets has no download widget; a data: URL stays on the
machine, no network). The minutes are written in the language chosen at export; with ``privacy=True`` they
are the privacy minutes (initials, no contact details or notes), as the room may see them.
"""
from __future__ import annotations

import base64
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..private import private_dir, write_private_bytes

FORMATS = {
    "md": ("text/markdown;charset=utf-8", "md"),
    "html": ("text/html;charset=utf-8", "html"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
}


@dataclass(frozen=True)
class Export:
    path: Path
    mime: str
    data: bytes

    @property
    def name(self) -> str:
        return self.path.name

    def link_html(self, text: str) -> str:
        from .common import esc

        encoded = base64.b64encode(self.data).decode("ascii")
        return (f"<a class='casekit-download' download=\"{esc(self.name)}\" "
                f"href=\"data:{self.mime};base64,{encoded}\">{esc(text)}</a>")


def export_dir(configured: str | os.PathLike | None = None) -> Path:
    if configured:
        return Path(configured).expanduser()
    env = os.environ.get("CASEKIT_EXPORT_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("casekit")) / "exports"


def minutes_of(case, conference_id: str, *, lang: str | None = None, privacy: bool = False):
    from ..minutes import minutes

    return minutes(case, conference_id, lang=lang, privacy=privacy)


def render(fmt: str, case, conference_id: str, *, lang: str | None = None, privacy: bool = False) -> bytes:
    from ..minutes import to_docx, to_html, to_markdown

    m = minutes_of(case, conference_id, lang=lang, privacy=privacy)
    if fmt == "md":
        return to_markdown(m).encode("utf-8")
    if fmt == "html":
        return to_html(m).encode("utf-8")
    if fmt == "docx":
        buffer = io.BytesIO()
        to_docx(m, buffer)
        return buffer.getvalue()
    raise ValueError(fmt)


def export(fmt: str, case, conference_id: str, folder: Path, *, lang: str, privacy: bool = False) -> Export:
    """Write the minutes in ``fmt`` (md | html | docx) and ``lang`` to ``folder``; returns the file and its bytes."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    mime, extension = FORMATS[fmt]
    data = render(fmt, case, conference_id, lang=lang, privacy=privacy)
    base = "zapis" if lang == "cs" else "minutes"
    private_dir(folder)
    path = folder / f"{base}-{case.id}-{conference_id}.{extension}"
    tmp = path.with_suffix(path.suffix + ".tmp")
    write_private_bytes(tmp, data)  # 0600: an export holds the case, like the store
    tmp.replace(path)
    return Export(path, mime, data)
