"""JSON import and export of a case, with a schema version and a published JSON Schema.

The file is an envelope ``{"format": "casekit.case", "schema_version": 1, "case": {...}}``. On import
the envelope is checked first (a clear message for a wrong file or version), then the whole document
against the published schema (``casekit/schemas/case.schema.json``), then the model's own rules.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .errors import InvalidData
from .model import Case

FORMAT = "casekit.case"
SCHEMA_VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
SCHEMA_PATH = Path(__file__).with_name("schemas") / "case.schema.json"


def envelope_schema() -> dict:
    """The JSON Schema of a case file, generated from the pydantic model (the single source of truth)."""
    case_schema = Case.model_json_schema(mode="serialization")
    defs = case_schema.pop("$defs", {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://casekit.example/schemas/case-v{SCHEMA_VERSION}.json",
        "title": "casekit case file",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "schema_version", "case"],
        "properties": {
            "format": {"const": FORMAT},
            "schema_version": {"const": SCHEMA_VERSION},
            "case": {"$ref": "#/$defs/Case"},
        },
        "$defs": {**defs, "Case": case_schema},
    }


@lru_cache(maxsize=1)
def published_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def case_document(case: Case) -> dict:
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, "case": case.model_dump(mode="json")}


def export_case(case: Case, indent: int | None = 2) -> str:
    return json.dumps(case_document(case), ensure_ascii=False, indent=indent)


def parse_document(text: str | bytes) -> dict:
    """Decode the JSON text and check the envelope; raises :class:`InvalidData` with a clear reason."""
    if len(text) > MAX_BYTES:
        raise InvalidData("errors.file_too_large", limit=MAX_BYTES // (1024 * 1024))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidData("errors.json_invalid", line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    except UnicodeDecodeError:
        raise InvalidData("errors.json_not_utf8") from None
    except RecursionError:
        raise InvalidData("errors.json_too_deep") from None
    if not isinstance(document, dict):
        raise InvalidData("errors.json_not_object")
    found = document.get("format")
    if found != FORMAT:
        raise InvalidData("errors.schema_wrong", expected=FORMAT, found=str(found)[:60])
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise InvalidData("errors.schema_version", expected=SCHEMA_VERSION, found=json.dumps(version)[:20])
    return document


def _check_schema(document: dict) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(published_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        raise InvalidData("errors.schema_mismatch", where=where, detail=error.message[:200])


def case_from_document(document: dict, *, check_schema: bool = True) -> Case:
    try:
        case = Case.model_validate(document.get("case"))
    except ValidationError as exc:
        raise InvalidData.from_validation(exc) from None
    if check_schema:
        _check_schema(document)
    return case


def import_case(text: str | bytes) -> Case:
    return case_from_document(parse_document(text))


def write_schema(path: Path = SCHEMA_PATH) -> None:
    path.write_text(json.dumps(envelope_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
