"""Texts in any language: an instrument keeps every language of its source; forms show Czech or English,
else the first language the text has."""
from __future__ import annotations

import jsonschema
import pytest

from casekit.instruments import InstrumentError, Text, dump_instrument, load_instrument
from casekit.instruments.schema import instrument_schema

MULTI = """\
id: multi
version: "1"
title: {fr: Enquête ménage, ar: مسح الأسر}
domains:
  - id: d
    title: {en: Household, cs: Domácnost, de: Haushalt}
    items:
      - id: age
        type: number
        label: {fr: Âge, de: Alter, pt_BR: Idade}
"""


def test_other_languages_load_and_round_trip():
    instrument = load_instrument(MULTI)
    age = instrument.item("age").label
    assert (age.en, age.cs, age.other) == ("", "", {"fr": "Âge", "de": "Alter", "pt_BR": "Idade"})
    assert age.languages() == ["fr", "de", "pt_BR"]
    assert load_instrument(dump_instrument(instrument)) == instrument
    jsonschema.validate(__import__("yaml").safe_load(MULTI), instrument_schema())


@pytest.mark.parametrize("lang, expected", [("en", "Âge"), ("cs", "Âge"), ("de", "Alter"), ("fr", "Âge"),
                                            ("pt_BR", "Idade"), ("es", "Âge")])
def test_get_falls_back_to_english_czech_then_the_first_language(lang, expected):
    assert load_instrument(MULTI).item("age").label.get(lang) == expected


def test_english_then_czech_come_before_other_languages():
    text = Text.model_validate({"de": "Alter", "cs": "Věk"})
    assert (text.get("en"), text.get("cs"), text.get("de")) == ("Věk", "Věk", "Alter")
    assert Text.model_validate({"en": "Age", "cs": "Věk", "de": "Alter"}).get("fr") == "Age"
    assert Text.model_validate({"en": "Age", "de": "Alter"}).model_dump() == {"en": "Age", "cs": "", "de": "Alter"}


@pytest.mark.parametrize("label, phrase", [
    ("{en: Age, cz: Věk}", "cz"),          # Czech is `cs`: a typo is not silently another language
    ("{en: Age, xx: Age}", "xx"),
    ("{en: '', cs: ''}", "at least one language"),
])
def test_texts_that_are_not_languages_are_refused_with_their_line(label, phrase):
    text = MULTI.replace("{fr: Âge, de: Alter, pt_BR: Idade}", label)
    with pytest.raises(InstrumentError) as caught:
        load_instrument(text, name="multi.yaml")
    message = " ".join(caught.value.messages("en"))
    assert "line 10" in message and phrase in message, message
    assert caught.value.messages("cs") != caught.value.messages("en")
