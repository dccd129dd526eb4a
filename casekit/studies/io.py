"""Reading and writing case-study packs, and the bundled packs in ``data/examples/studies``."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import InvalidData
from ..i18n import LANGUAGES, current_language, normalise_language
from .model import STUDY_FORMAT, STUDY_SCHEMA_VERSION, CaseStudy

_SUFFIXES = tuple(f".{lang}.json" for lang in LANGUAGES)


def study_document(study: CaseStudy) -> dict:
    return {"format": STUDY_FORMAT, "schema_version": STUDY_SCHEMA_VERSION, "study": study.model_dump(mode="json")}


def export_study(study: CaseStudy, indent: int | None = 2) -> str:
    return json.dumps(study_document(study), ensure_ascii=False, indent=indent)


def parse_study(text: str | bytes) -> CaseStudy:
    """A pack from its JSON envelope; raises :class:`InvalidData` with a readable reason."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidData("errors.json_invalid", line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    except UnicodeDecodeError:
        raise InvalidData("errors.json_not_utf8") from None
    if not isinstance(document, dict):
        raise InvalidData("errors.json_not_object")
    if document.get("format") != STUDY_FORMAT:
        raise InvalidData("errors.schema_wrong", expected=STUDY_FORMAT, found=str(document.get("format"))[:60])
    if document.get("schema_version") != STUDY_SCHEMA_VERSION:
        raise InvalidData("errors.schema_version", expected=STUDY_SCHEMA_VERSION,
                          found=json.dumps(document.get("schema_version"))[:20])
    try:
        return CaseStudy.model_validate(document.get("study"))
    except ValidationError as exc:
        raise InvalidData.from_validation(exc) from None


def studies_dir() -> Path:
    from ..example_data import examples_dir

    return examples_dir() / "studies"


def studies() -> list[str]:
    """Names of the bundled case-study packs, sorted."""
    folder = studies_dir()
    if not folder.is_dir():
        return []
    return sorted({p.name[: -len(s)] for p in folder.glob("*.json") for s in _SUFFIXES if p.name.endswith(s)})


def load_study(name: str, lang: str | None = None) -> CaseStudy:
    """Bundled pack ``name`` in Czech or English (default: the current language)."""
    lang = normalise_language(lang) if lang else current_language()
    names = studies()
    if name not in names:
        raise InvalidData("errors.unknown_study", name=name, names=", ".join(names) or "-")
    path = studies_dir() / f"{name}.{lang}.json"
    if not path.is_file():
        raise InvalidData("errors.example_file_missing", path=str(path))
    return parse_study(path.read_bytes())
