"""Every ``CASEKIT_*`` option in one place: its type, default and meaning (the README's table is generated from
:data:`OPTIONS` and checked by a test).

``settings()`` reads the environment each time it is called (cheap), so a test or an app that sets a variable
sees it; modules take what they need from it instead of calling ``os.environ`` themselves.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

THEMES = ("dark", "light")
LAYOUTS = ("16:9", "4:3")


@dataclass(frozen=True)
class Option:
    name: str
    default: str
    help: str


OPTIONS = (
    Option("CASEKIT_DB", "", "the store: a SQLite file or an SQLAlchemy URL (default: casekit.sqlite in the "
                             "per-user data folder)"),
    Option("CASEKIT_LANG", "", "the language of the interface: cs or en (default: English)"),
    Option("CASEKIT_USER", "", "who is editing, for the audit trail (default: the login name)"),
    Option("CASEKIT_LOG", "", "casekit's log file (default: casekit.log in the per-user log folder)"),
    Option("CASEKIT_EXPORT_DIR", "", "where the apps write exports (default: exports/ in the per-user data folder)"),
    Option("CASEKIT_CASE", "", "a case the conference apps open at once (a reloaded page comes back to it)"),
    Option("CASEKIT_CONFERENCE", "", "the conference of that case (default: its latest)"),
    Option("CASEKIT_STUDY", "", "the case study the case-study app opens"),
    Option("CASEKIT_THEME", "dark", "projector theme of the apps: dark or light"),
    Option("CASEKIT_LAYOUT", "16:9", "screen shape of the apps: 16:9 or 4:3"),
    Option("CASEKIT_WARMUP", "1", "draw the conference's charts ahead in the background (0 to switch off)"),
    Option("CASEKIT_APPS", "", "the folder of app notebooks casekit serve serves (default: apps/ of casekit)"),
    Option("CASEKIT_DEMO_DB", "", "the demo store of casekit demo (default: demo.sqlite in the per-user data folder)"),
    Option("CASEKIT_EXAMPLES", "", "a folder of example cases instead of the bundled ones"),
    Option("CASEKIT_PASSWORD", "", "the password of casekit serve --password (read by casekit serve only, never "
                                   "passed on)"),
    Option("CASEKIT_TOKEN", "", "the token of casekit serve --token (read by casekit serve only, never passed on)"),
)


def _get(name: str) -> str:
    default = next(o.default for o in OPTIONS if o.name == name)
    return os.environ.get(name, "").strip() or default


@dataclass(frozen=True)
class Settings:
    """The options an app or command reads, typed; ``None`` where nothing is set."""

    db: str | None
    lang: str | None
    user: str | None
    log: Path | None
    export_dir: Path | None
    case: str | None
    conference: str | None
    study: str | None
    theme: str
    layout: str
    warmup: bool

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def settings() -> Settings:
    """The options from the environment now."""
    theme = _get("CASEKIT_THEME")
    layout = _get("CASEKIT_LAYOUT")
    return Settings(
        db=_get("CASEKIT_DB") or None,
        lang=_get("CASEKIT_LANG") or None,
        user=_get("CASEKIT_USER") or None,
        log=Path(_get("CASEKIT_LOG")) if _get("CASEKIT_LOG") else None,
        export_dir=Path(_get("CASEKIT_EXPORT_DIR")).expanduser() if _get("CASEKIT_EXPORT_DIR") else None,
        case=_get("CASEKIT_CASE") or None,
        conference=_get("CASEKIT_CONFERENCE") or None,
        study=_get("CASEKIT_STUDY") or None,
        theme=theme if theme in THEMES else "dark",
        layout=layout if layout in LAYOUTS else "16:9",
        warmup=_get("CASEKIT_WARMUP").lower() not in ("0", "no", "false", "off"),
    )


def readme_table() -> str:
    """The README's table of options (a test checks the README holds it)."""
    rows = ["| variable | default | what it sets |", "|---|---|---|"]
    rows += [f"| `{o.name}` | {('`' + o.default + '`') if o.default else '–'} | {o.help} |" for o in OPTIONS]
    return "\n".join(rows)
