"""The published JSON Schema of the instrument YAML format (``casekit/schemas/instrument.schema.json``).

It is generated from the pydantic model, so editors (VS Code with the YAML extension, for example) can
complete and check instrument files; ``tests/test_instruments_load.py`` fails when it is out of date.
Regenerate it with ``python -c "from casekit.instruments.schema import write_schema; write_schema()"``.
"""
from __future__ import annotations

import json
from pathlib import Path

from .definition import Instrument

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "instrument.schema.json"
SCHEMA_ID = "https://casekit.example/schemas/instrument-v1.json"


def instrument_schema() -> dict:
    """The JSON Schema (draft 2020-12) of an instrument file."""
    schema = Instrument.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "casekit instrument",
        "description": "An assessment instrument for casekit, written in YAML. Reference: docs/instruments.md. "
                       "The schema checks the shape; casekit also checks the rules across fields "
                       "(unique ids, known items and levels in conditions, no branching cycles).",
    }


def published_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def write_schema(path: Path = SCHEMA_PATH) -> Path:
    path.write_text(json.dumps(instrument_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
