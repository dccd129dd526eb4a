"""Loading instruments from YAML: every mistake is reported with its file, line and reason, in cs and en."""
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from casekit.errors import CaseKitError
from casekit.i18n import catalog, language
from casekit.instruments import (
    Instrument, InstrumentError, builtin_instruments, check, dump_instrument, load_instrument, validate_instrument,
)
from casekit.instruments import schema
from casekit.instruments.loader import MAX_BYTES

DATA = Path(__file__).parent / "data" / "instruments"
BROKEN = DATA / "broken"

MINIMAL = """\
id: mini
version: "1"
title: Mini
domains:
  - id: d
    title: D
    items:
      - {id: a, type: yesno, label: A}
"""

# file → (line, problem): the problem is a message key suffix, or "shape:<pydantic error type>".
EXPECTED = {
    "bad_indentation": (10, "yaml_syntax"),
    "bad_syntax": (9, "yaml_syntax"),
    "constraint_syntax": (11, "expression"),
    "count_without_equals": (10, "count_without_equals"),
    "cycle": (11, "cycle"),
    "duplicate_domain": (9, "duplicate_domain"),
    "duplicate_item": (14, "duplicate_item"),
    "duplicate_key": (11, "duplicate_key"),
    "duplicate_level": (14, "duplicate_level"),
    "expr_without_expr": (10, "expr_without_expr"),
    "hostile_expression": (11, "expression"),
    "min_max": (11, "min_max"),
    "missing_label": (8, "shape:missing"),
    "no_levels": (8, "no_levels"),
    "perspective_unknown": (12, "perspective_unknown"),
    "reserved_id": (8, "reserved_id"),
    "score_missing_item": (13, "score_unknown_item"),
    "score_unknown_domain": (13, "score_unknown_domain"),
    "self_cycle": (12, "cycle"),
    "unknown_field": (10, "shape:extra_forbidden"),
    "unknown_item_in_condition": (11, "unknown_item"),
    "unknown_level": (21, "unknown_level"),
    "unknown_scale": (14, "unknown_scale"),
    "unknown_type": (9, "shape:enum"),
    "unquoted_comma": (8, "unquoted"),
    "yesno_level": (12, "unknown_level"),
}


def _kind(problem) -> str:
    if "error" in problem.params:
        return "shape:" + problem.params["error"]["type"]
    return problem.code.removeprefix("errors.instrument_")


def test_every_broken_file_has_an_expectation():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(EXPECTED)
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_names_the_line_and_the_reason(name):
    line, kind = EXPECTED[name]
    with pytest.raises(InstrumentError) as info:
        load_instrument(BROKEN / f"{name}.yaml")
    error = info.value
    found = list(zip(error.lines, map(_kind, error.problems)))
    assert (line, kind) in found, found
    n = found.index((line, kind))
    en, cs = error.messages("en")[n], error.messages("cs")[n]
    assert en.startswith(f"{name}.yaml, line {line}: "), en
    assert cs.startswith(f"{name}.yaml, řádek {line}: "), cs
    for message in (en, cs):
        assert "errors." not in message and not re.search(r"\{[a-z_]+\}", message), message
    if not kind.startswith("shape:") and kind != "yaml_syntax":
        assert en.split(": ", 1)[1] != cs.split(": ", 1)[1]  # really translated


def test_reason_texts():
    def first(name, lang="en"):
        with pytest.raises(InstrumentError) as info:
            load_instrument(BROKEN / f"{name}.yaml")
        return info.value.messages(lang)[0]

    assert first("duplicate_item") == "duplicate_item.yaml, line 14: item id `housing_status` is used twice."
    assert first("duplicate_item", "cs") == (
        "duplicate_item.yaml, řádek 14: identifikátor položky `housing_status` je použit dvakrát.")
    assert "unknown level in a condition" in first("unknown_level")
    assert "`status` with 3" in first("unknown_level") and "(0, 1, 2)" in first("unknown_level")
    assert "neznámá úroveň v podmínce" in first("unknown_level", "cs")
    assert "a → c → b → a" in first("cycle")
    assert "`bb`" in first("score_missing_item")
    assert "quiz" in first("unknown_type")
    assert "lable" in first("unknown_field", "cs") or "lable" in "".join(
        InstrumentError.messages(_error("unknown_field"), "cs"))


def _error(name):
    try:
        load_instrument(BROKEN / f"{name}.yaml")
    except InstrumentError as exc:
        return exc
    raise AssertionError("loaded")


def test_all_problems_are_collected_and_sorted_by_line():
    text = MINIMAL.replace("      - {id: a, type: yesno, label: A}\n", """\
      - {id: a, type: yesno, label: A, show_if: b == 1}
      - {id: a, type: single, label: B}
      - {id: b, type: number, label: C, min: 3, max: 1, show_if: zz > 1}
scores:
  - {id: s, label: S, kind: count, items: [a]}
""")
    with pytest.raises(InstrumentError) as info:
        load_instrument(text, name="many.yaml")
    kinds = [(line, _kind(p)) for line, p in zip(info.value.lines, info.value.problems)]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    assert {k for _, k in kinds} >= {"duplicate_item", "no_levels", "min_max", "unknown_item",
                                     "count_without_equals"}
    assert all(m.startswith("many.yaml, line ") for m in info.value.messages("en"))


def test_loads_from_path_text_and_bytes(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    for source in (path, str(path), MINIMAL, MINIMAL.encode("utf-8"), b"\xef\xbb\xbf" + MINIMAL.encode()):
        instrument = load_instrument(source)
        assert instrument.key == "mini@1"
    assert Instrument.load(path).id == "mini"


def test_yaml_1_2_booleans_and_no_dates():
    text = MINIMAL.replace("{id: a, type: yesno, label: A}", """id: a
        type: single
        label: A
        levels:
          - {value: yes, label: Yes}
          - {value: no, label: No}
          - {value: on, label: "2024-01-01"}""")
    item = load_instrument(text).item("a")
    assert [lv.value for lv in item.levels] == ["yes", "no", "on"]
    assert item.levels[2].label.en == "2024-01-01"


def test_plain_string_texts_are_used_in_both_languages():
    instrument = load_instrument(MINIMAL)
    assert instrument.title.get("cs") == instrument.title.get("en") == "Mini"


@pytest.mark.parametrize("text, code, line", [
    ("", "not_mapping", 1),
    ("- a\n- b\n", "not_mapping", 1),
    ("just text", "not_mapping", 1),
    ("id: [unclosed\n", "yaml_syntax", 2),
    ("a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
     "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
     "h: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n", "too_many_nodes", 1),
    ("a: " + "[" * 60 + "]" * 60 + "\n", "too_deep", None),
    ("x: !!python/object/apply:os.system ['echo hi']\n", "yaml_syntax", 1),
    ("id: x\nversion: !!int abc\n", "yaml_syntax", None),   # a tagged value PyYAML cannot build: not a crash
    ("id: x\nversion: !!bool maybe\n", "yaml_syntax", None),
])
def test_hostile_or_empty_yaml(text, code, line):
    with pytest.raises(InstrumentError) as info:
        load_instrument(text, name="x.yaml")
    assert _kind(info.value.problems[0]) == code
    assert info.value.lines[0] == line
    assert info.value.messages("cs")[0] != info.value.messages("en")[0]


def test_not_utf8_and_too_large(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(MINIMAL.replace("Mini", "Minì").encode("latin-1"))
    with pytest.raises(InstrumentError) as info:
        load_instrument(path)
    assert _kind(info.value.problems[0]) == "not_utf8"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES)
    with pytest.raises(InstrumentError) as info:
        load_instrument(big)
    assert _kind(info.value.problems[0]) == "too_large"


def test_missing_file_is_a_readable_error(tmp_path):
    with pytest.raises(CaseKitError) as info:
        load_instrument(tmp_path / "nope.yaml")
    assert info.value.code == "errors.file_unreadable"


def test_check_returns_sentences_in_the_current_language(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert check(path) == []
    with language("cs"):
        messages = check(BROKEN / "duplicate_item.yaml")
    assert messages == ["duplicate_item.yaml, řádek 14: identifikátor položky `housing_status` je použit dvakrát."]
    assert check(tmp_path / "missing.yaml")[0]


def test_instrument_built_in_python_is_checked_by_path():
    instrument = load_instrument(MINIMAL)
    broken = instrument.model_copy(deep=True)
    broken.domains[0].items[0].show_if = "a == 3"
    with pytest.raises(InstrumentError) as info:
        validate_instrument(broken)
    assert info.value.messages("en")[0].startswith("mini, domains[0].items[0].show_if: unknown level")
    assert validate_instrument(instrument) is instrument


def test_dump_round_trips():
    for instrument in builtin_instruments().values():
        text = dump_instrument(instrument)
        assert load_instrument(text) == instrument
        assert "scale: " in text or instrument.scales == {}


# -- the published JSON Schema -------------------------------------------------------------------

def test_published_schema_is_up_to_date():
    assert schema.published_schema() == json.loads(json.dumps(schema.instrument_schema())), (
        "run: python -c 'from casekit.instruments.schema import write_schema; write_schema()'"
    )


def test_schema_is_valid_and_accepts_every_good_file():
    validator = jsonschema.Draft202012Validator(schema.published_schema())
    jsonschema.Draft202012Validator.check_schema(schema.published_schema())
    files = sorted((Path(schema.__file__).parent / "builtin").glob("*.yaml")) + [DATA / "research-support.yaml"]
    for path in files:
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], (path.name, errors[:1])


def test_schema_refuses_a_wrong_shape():
    validator = jsonschema.Draft202012Validator(schema.published_schema())
    document = yaml.safe_load(MINIMAL)
    document["domains"][0]["items"][0]["type"] = "quiz"
    assert not validator.is_valid(document)


def test_every_instrument_message_is_in_both_catalogues():
    source = "".join(p.read_text(encoding="utf-8") for p in Path(schema.__file__).parent.glob("*.py"))
    keys = set(re.findall(r"\"((?:errors|instrument)\.[a-z_]+)\"", source))
    keys |= {f"instrument.change_{k}" for k in ("added", "removed", "changed", "moved")}
    keys |= {f"instrument.diff_{k}" for k in ("instrument", "domain", "item", "score", "scale")}
    assert len(keys) > 60
    for lang in ("en", "cs"):
        assert sorted(keys - set(catalog(lang))) == []


def test_instruments_stay_light_and_free_of_user_interfaces():
    import subprocess
    import sys

    probe = (
        "import sys, json\nimport casekit.instruments as ci\nbefore = sorted(sys.modules)\n"
        "ci.builtin('casekit-needs')\nimport casekit.gas\n"
        "a = ci.Assessment.start(ci.builtin('casekit-gas'), rater='x', perspective='worker')\n"
        "ci.long_frame([a], ci.builtin('casekit-gas'))\n"
        "print(json.dumps([before, sorted(sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    before, after = json.loads(out.stdout.strip().splitlines()[-1])
    assert not {"yaml", "pandas", "numpy", "babel.messages"} & set(before)
    ui = ("ipywidgets", "altair", "IPython", "voila")
    assert [m for m in after if m.split(".")[0] in ui] == []
