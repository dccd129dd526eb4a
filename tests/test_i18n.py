"""Every user-facing string exists in Czech and English; the language switch works."""
import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

import casekit.model as model
from casekit.i18n import (
    LANGUAGES, catalog, catalogue_files, current_language, gettext, language, read_catalogue, set_language,
)
from casekit.vocab import VOCABULARIES

PACKAGE = Path(__file__).resolve().parents[1] / "casekit"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_key_lives_in_one_catalogue_file(lang):
    seen: dict[str, str] = {}
    twice = []
    for path in catalogue_files(lang):
        for key in read_catalogue(path, lang):
            if key in seen:
                twice.append((key, seen[key], path.name))
            seen[key] = path.name
    assert len(catalogue_files(lang)) >= 1 and twice == []


def test_both_languages_have_the_same_catalogue_files():
    assert [p.name for p in catalogue_files("cs")] == [p.name for p in catalogue_files("en")]


def test_both_catalogues_hold_the_same_keys():
    en, cs = set(catalog("en")), set(catalog("cs"))
    assert en - cs == set(), f"missing in Czech: {sorted(en - cs)}"
    assert cs - en == set(), f"missing in English: {sorted(cs - en)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_vocabulary_label_is_translated(lang):
    missing = [m.key for vocab in VOCABULARIES for m in vocab if m.key not in catalog(lang)]
    assert missing == []


def test_czech_labels_differ_from_english_somewhere_in_each_vocabulary():
    # catches a Czech catalogue filled with English copies
    for vocab in VOCABULARIES:
        assert any(m.label("cs") != m.label("en") for m in vocab), vocab.__name__


def _model_classes():
    return [o for _, o in inspect.getmembers(model, inspect.isclass) if issubclass(o, BaseModel)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_model_field_has_a_label(lang):
    missing = sorted({f"field.{name}" for cls in _model_classes() for name in cls.model_fields} - set(catalog(lang)))
    assert missing == []


def _keys_used_in_code() -> set[str]:
    """Message keys written as string literals anywhere in the package (``"conf.saved"``, ``"errors.x"``)."""
    keys = set()
    patterns = [
        r"rule_error\(\s*\"([a-z_]+)\"", r"check_dates_in_order\([^)]*?\"([a-z_]+)\"",
    ]
    prefixes = {key.split(".")[0] for key in catalog("en")} - {"field"} | {"errors", "cli", "ui", "conf"}
    literal = re.compile(r"[\"']((?:%s)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)[\"']" % "|".join(sorted(prefixes)))
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            keys |= {f"errors.{k}" for k in re.findall(pattern, text, flags=re.S)}
        keys |= set(literal.findall(text))
    files = ("csv", "xlsx", "html", "json", "yaml", "docx", "md", "py", "txt", "parquet", "sqlite", "svg")
    return {k for k in keys if not k.endswith(".") and k.rsplit(".", 1)[-1] not in files}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_used_in_the_code_is_translated(lang):
    # a literal that is only a prefix of real keys (``"caseload.alert_kind"`` + code) is not a key itself
    used = {k for k in _keys_used_in_code() if not any(key.startswith(k + ".") for key in catalog(lang))}
    assert len(used) > 40  # the scan itself works
    assert sorted(used - set(catalog(lang))) == []


def test_placeholders_match_between_languages():
    field = re.compile(r"\{(\w+)\}")
    bad = [k for k, text in catalog("en").items() if set(field.findall(text)) != set(field.findall(catalog("cs")[k]))]
    assert bad == []


def test_language_selection(monkeypatch):
    monkeypatch.setenv("CASEKIT_LANG", "cs")
    set_language(None)
    assert current_language() == "cs"
    assert gettext("phase.closed") == "Ukončeno"
    monkeypatch.setenv("CASEKIT_LANG", "en_GB.UTF-8")
    assert gettext("phase.closed") == "Closed"
    monkeypatch.setenv("CASEKIT_LANG", "de")  # unknown: English is the fallback
    assert current_language() == "en"
    with language("cs"):
        assert gettext("phase.closed") == "Ukončeno"
    assert gettext("phase.closed") == "Closed"


def test_missing_czech_message_falls_back_to_english(monkeypatch):
    monkeypatch.setitem(catalog("cs"), "phase.closed", "")
    monkeypatch.delitem(catalog("cs"), "phase.closed")
    assert gettext("phase.closed", "cs") == "Closed"
    assert gettext("no.such.key", "cs") == "no.such.key"


def test_parameters_are_filled():
    assert "2090" in gettext("errors.birth_year_future", "cs", year=2090)
