"""docs/instruments.md is complete and correct: its YAML loads, its Python runs, its error output is real."""
import contextlib
import io
import re
from pathlib import Path

import pytest
import yaml

from casekit.i18n import language
from casekit.instruments import (
    Assessment, Domain, Instrument, InstrumentError, Item, ItemType, Level, Score, ScoreKind, load_instrument, score,
    set_answer,
)
from casekit.instruments.expr import FUNCTIONS

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "instruments.md"
RESEARCH = Path(__file__).parent / "data" / "instruments" / "research-support.yaml"


def blocks(lang: str | None = None) -> list[tuple[str, str]]:
    found = re.findall(r"^```(\w*)\n(.*?)^```", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)
    return [(k, body) for k, body in found if lang is None or k == lang]


def _is_instrument(document) -> bool:
    return isinstance(document, dict) and "id" in document and "domains" in document


def test_doc_has_blocks():
    assert len(blocks("yaml")) >= 4 and len(blocks("python")) >= 3


def test_every_yaml_block_parses_and_every_full_instrument_loads(tmp_path):
    all_blocks = blocks()
    full = 0
    for n, (kind, body) in enumerate(all_blocks):
        if kind != "yaml":
            continue
        document = yaml.safe_load(body)
        assert document, body[:80]
        if not _is_instrument(document):
            continue
        full += 1
        path = tmp_path / f"{document['id']}.yaml"
        path.write_text(body, encoding="utf-8")
        if body.startswith("# this file has mistakes"):
            with pytest.raises(InstrumentError) as info:
                load_instrument(path)
            shown = all_blocks[n + 1]
            assert shown[0] == "text"
            assert info.value.messages("en") == shown[1].strip().splitlines()
            with language("cs"):
                assert str(info.value).startswith(f"{path.name}, řádek 15: identifikátor položky `status` je")
        else:
            load_instrument(path)
    assert full >= 2


def test_python_blocks_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _, body in blocks("yaml"):
        document = yaml.safe_load(body)
        if _is_instrument(document):
            Path(f"{document['id']}.yaml").write_text(body, encoding="utf-8")
    namespace: dict = {}
    for body in [b for _, b in blocks("python")]:
        code_lines = body.rstrip().splitlines()
        expected = []
        while code_lines and code_lines[-1].startswith("# "):
            expected.insert(0, code_lines.pop()[2:])
        out = io.StringIO()
        with contextlib.redirect_stdout(out), language("en"):
            exec(compile(body, str(DOC), "exec"), namespace)  # the documentation's own examples
        if "print(" in body:
            assert out.getvalue().splitlines() == expected
    assert Path("answers.csv").exists() and Path("answers.parquet").exists()


def test_every_field_kind_and_function_is_documented():
    text = DOC.read_text(encoding="utf-8")
    names = set()
    for model in (Instrument, Domain, Item, Level, Score):
        names |= set(model.model_fields)
    names |= {t.value for t in ItemType} | {k.value for k in ScoreKind} | {"true", "false", "null", "value"}
    missing = sorted(n for n in names if f"`{n}`" not in text and f"`{n}:" not in text)
    assert missing == []
    for function in FUNCTIONS:
        assert f"`{function}(" in text, function


def test_research_instrument_written_from_the_docs_loads_and_scores():
    instrument = load_instrument(RESEARCH)
    assert instrument.key == "research-support@0.3.1"
    a = Assessment.start(instrument, rater="Studentka", perspective="client", case_id="case-9")
    for item_id, value in [("interview_date", "2025-05-05"), ("age", 67), ("lives", "alone"),
                           ("contacts", ["services"]), ("lon_1", 4), ("lon_2", 5), ("lon_3", 8),
                           ("lon_comment", "Nikdo nechodí."), ("sup_help", False), ("sup_money", True)]:
        a = set_answer(a, instrument, item_id, value)
    assert "visits" not in a.answers  # shown only with family
    assert a.check(instrument).answers == a.answers
    assert a.scores(instrument) == {"loneliness_sum": None, "loneliness_mean": 4.5, "support_count": 1,
                                    "lonely": 1, "contact_kinds": 1}
    assert score(instrument, {"lon_1": 2, "lon_2": 2, "lon_3": 3}, "worker")["loneliness_sum"] == 7
