"""Bundled example cases and the fictional regional service catalogue, in Czech and English.

The files live in ``data/examples`` at the root of the repository (``CASEKIT_EXAMPLES`` points elsewhere):

- ``cases/<name>.<lang>.json``: one case per file, exactly as :func:`casekit.caseio.export_case` writes it;
- ``catalogue.<lang>.json``: the service catalogue, ``{"format": "casekit.catalogue", ...}``.

Both language versions of a file share ids, dates, codes and numbers; only the human texts differ.
Everything in them is fictional.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import InvalidData
from .i18n import LANGUAGES, current_language, normalise_language
from .model import Case
from .model.catalogue import CATALOGUE_FORMAT, CATALOGUE_SCHEMA_VERSION, ServiceCatalogue

ENV_VAR = "CASEKIT_EXAMPLES"
_SUFFIXES = tuple(f".{lang}.json" for lang in LANGUAGES)


def examples_dir() -> Path:
    """``$CASEKIT_EXAMPLES`` if set, else ``data/examples`` of the repository this package lives in."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    here = Path(__file__).resolve().parent
    for root in (here.parent, *here.parents[1:3], Path.cwd()):
        candidate = root / "data" / "examples"
        if (candidate / "cases").is_dir():
            return candidate
    return here.parent / "data" / "examples"


def _cases_dir() -> Path:
    return examples_dir() / "cases"


def examples() -> list[str]:
    """Names of the bundled example cases, sorted (a name has a file in at least one language)."""
    folder = _cases_dir()
    if not folder.is_dir():
        return []
    names = set()
    for path in folder.glob("*.json"):
        for suffix in _SUFFIXES:
            if path.name.endswith(suffix):
                names.add(path.name[: -len(suffix)])
    return sorted(names)


def example_path(name: str, lang: str | None = None) -> Path:
    """The file of example ``name`` in ``lang`` (default: the current language)."""
    lang = normalise_language(lang) if lang else current_language()
    names = examples()
    if name not in names:
        raise InvalidData("errors.unknown_example", name=name, names=", ".join(names) or "-")
    path = _cases_dir() / f"{name}.{lang}.json"
    if not path.is_file():
        raise InvalidData("errors.example_file_missing", path=str(path))
    return path


def load_example(name: str, lang: str | None = None) -> Case:
    """Example case ``name`` in Czech or English, validated like any imported case."""
    from .caseio import import_case

    return import_case(example_path(name, lang).read_bytes())


def catalogue_path(lang: str | None = None) -> Path:
    lang = normalise_language(lang) if lang else current_language()
    return examples_dir() / f"catalogue.{lang}.json"


def parse_catalogue(text: str | bytes) -> ServiceCatalogue:
    """A catalogue from its JSON envelope; raises :class:`InvalidData` with a readable reason."""
    from pydantic import ValidationError

    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidData("errors.json_invalid", line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    if not isinstance(document, dict):
        raise InvalidData("errors.json_not_object")
    found = document.get("format")
    if found != CATALOGUE_FORMAT:
        raise InvalidData("errors.schema_wrong", expected=CATALOGUE_FORMAT, found=str(found)[:60])
    version = document.get("schema_version")
    if version != CATALOGUE_SCHEMA_VERSION:
        raise InvalidData("errors.schema_version", expected=CATALOGUE_SCHEMA_VERSION, found=str(version)[:20])
    try:
        return ServiceCatalogue.model_validate(document.get("catalogue"))
    except ValidationError as exc:
        raise InvalidData.from_validation(exc) from None


def catalogue_document(catalogue: ServiceCatalogue) -> dict:
    return {
        "format": CATALOGUE_FORMAT,
        "schema_version": CATALOGUE_SCHEMA_VERSION,
        "catalogue": catalogue.model_dump(mode="json"),
    }


def export_catalogue(catalogue: ServiceCatalogue, indent: int | None = 2) -> str:
    return json.dumps(catalogue_document(catalogue), ensure_ascii=False, indent=indent)


def load_catalogue(lang: str | None = None) -> ServiceCatalogue:
    """The fictional regional service catalogue in Czech or English."""
    path = catalogue_path(lang)
    if not path.is_file():
        raise InvalidData("errors.example_file_missing", path=str(path))
    return parse_catalogue(path.read_bytes())
