"""Large imports: what the importer writes is what ``instrument check`` reads, and nothing in between is
quadratic or recursive. (How fast a 50,000-row import is, is measured by benchmarks/bench_import.py.)"""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from casekit.instruments import Instrument, check, check_rules, load_instrument
from casekit.instruments import loader as instrument_loader
from casekit.instruments.importers import InstrumentImportError, import_file

ROOT = Path(__file__).resolve().parents[1]
HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
          "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
          "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
          "Required Field?"]


def write_dictionary(path: Path, fields: int, label_words: int = 4) -> Path:
    """A REDCap data dictionary: radios, integers, checkboxes, notes and calcs, with branching on the radios."""
    rows = [["record_id", "intake", "", "text", "Record ID"]]
    words = " ".join(["situation"] * label_words)
    for n in range(1, fields):
        form = f"form_{n // 400 + 1}"
        kind = n % 5
        branching = f"[f{n - 5}] = '1'" if n > 5 and kind == 0 else ""
        if kind == 0:
            row = [f"f{n}", form, "", "radio", f"Question {n}: {words}", "1, Yes | 2, No | 9, Not known"]
        elif kind == 1:
            row = [f"f{n}", form, "", "text", f"Age {n}: {words}", "", "", "integer", "0", "120"]
        elif kind == 2:
            row = [f"f{n}", form, "", "checkbox", f"Help {n}: {words}", "1, Money | 2, Housing | 3, Work"]
        elif kind == 3:
            row = [f"f{n}", form, "", "notes", f"Notes {n}: {words}", "", "Anything else"]
        else:
            row = [f"f{n}", form, "", "calc", f"Total {n}", f"sum([f{n - 4}], [f{n - 3}])"]
        row += [""] * (len(HEADER) - len(row))
        row[11] = branching
        rows.append(row)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_an_instrument_larger_than_two_megabytes_is_written_and_passes_the_check(tmp_path):
    # failure 3 of issue 13: a 5,751-row dictionary imported into a 2 MB file that `instrument check` refused
    source = write_dictionary(tmp_path / "big_DataDictionary.csv", 2_500, label_words=120)
    result = import_file(source)
    out = tmp_path / "big.yaml"
    result.to_yaml(out)
    assert out.stat().st_size > 2_000_000
    assert check(out) == []
    assert load_instrument(out) == result.instrument
    run = subprocess.run([sys.executable, "-m", "casekit.cli", "instrument", "check", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


def test_an_import_too_large_to_be_read_back_fails_with_a_reason_and_writes_nothing(tmp_path, monkeypatch):
    source = write_dictionary(tmp_path / "mid_DataDictionary.csv", 300)
    monkeypatch.setattr(instrument_loader, "MAX_BYTES", 20_000)
    with pytest.raises(InstrumentImportError) as caught:
        import_file(source)
    error = caught.value
    assert error.code == "errors.import_too_large"
    assert "MB" in error.message("en") and "MB" in error.message("cs") and error.message("en") != error.message("cs")


def test_a_long_chain_of_branching_is_checked_without_recursion():
    # the cycle search used to recurse once per item: a chain of 5,000 conditions raised RecursionError
    n = 5_000
    items = [{"id": "q0", "type": "yesno", "label": "Q0"}] + [
        {"id": f"q{i}", "type": "yesno", "label": f"Q{i}", "show_if": f"q{i - 1} == true"} for i in range(1, n)]
    chain = {"id": "chain", "version": "1", "title": "Chain", "domains": [{"id": "d", "title": "D", "items": items}]}
    assert check_rules(Instrument.model_validate(chain)) == []
    items[0]["show_if"] = f"q{n - 1} == false"   # close the chain into one cycle
    problems = check_rules(Instrument.model_validate(chain))
    assert [p.code for p in problems] == ["errors.instrument_cycle"]
    path = problems[0].params["path"].split(" → ")   # each item points to the one its condition reads
    assert path == ["q0", *(f"q{i}" for i in range(n - 1, 0, -1)), "q0"]


# -- the YAML writer: PyYAML reads back exactly what it wrote ------------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                     st.floats(allow_nan=False, allow_infinity=True), _text,
                     st.sampled_from(["yes", "No", "on", "null", "~", "1.5", "0x1F", "2024-01-15", "- a", "a: b",
                                      "#x", "!tag", "|", ">", "'q'", '"q"', "  lead", "trail ", "a\n", "a\n\n",
                                      "\n a", " a\nb", "a\r\nb", "x\u2028y", "tab\tin", "€", "ěščřžýáíé", "", "@a",
                                      "%x", "`x`", "*a", "&a", "[1]", "{a}", "a,b", "1e5", ".5", "+1", "0o17"]))
_data = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_text, inner, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_text, _data, max_size=5))
def test_the_yaml_writer_round_trips_through_pyyaml(data):
    from casekit.instruments.yamltext import dump

    text = dump(data)
    assert yaml.safe_load(text) == (data or {})
    assert yaml.load(text, Loader=yaml.SafeLoader) == (data or {})  # the pure-Python reader too


def test_the_yaml_writer_writes_readable_block_yaml():
    from casekit.instruments.yamltext import dump

    text = dump({"id": "x", "title": {"en": "Age: in years", "cs": "Věk"}, "n": 2, "flag": True,
                 "items": [{"id": "a", "label": "Two\nlines"}, "yes"], "empty": [], "none": None})
    assert text == (
        'id: x\ntitle:\n  en: "Age: in years"\n  cs: Věk\nn: 2\nflag: true\nitems:\n- id: a\n  label: |-\n'
        '    Two\n    lines\n- "yes"\nempty: []\nnone: null\n')
