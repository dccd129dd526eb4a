"""The one formatter: dates, numbers and plurals as each language writes them, and dates typed that way; the
typed settings in one place."""
from __future__ import annotations

from datetime import date

import pytest

from casekit.i18n import format_date, format_number, ngettext, parse_date, plural_form

DAY = date(2026, 12, 7)


@pytest.mark.parametrize("lang,style,text", [
    ("cs", "short", "7. 12. 2026"), ("en", "short", "7 Dec 2026"),
    ("cs", "long", "7. prosince 2026"), ("en", "long", "7 December 2026"),
])
def test_dates_are_written_the_way_the_language_writes_them(lang, style, text):
    assert format_date(DAY, lang, style) == text


def test_no_date_is_empty_or_what_the_caller_says():
    assert format_date(None, "cs") == "" and format_date(None, "en", empty="–") == "–"


@pytest.mark.parametrize("text", ["7. 12. 2026", "7.12.2026", " 07. 12. 2026 ", "2026-12-07", "7/12/2026",
                                  "7 Dec 2026", "7 December 2026", "7. prosince 2026", "7. pro 2026"])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_dates_are_read_the_way_people_type_them(text, lang):
    assert parse_date(text, lang) == DAY


@pytest.mark.parametrize("text", ["32. 12. 2026", "7. 13. 2026", "12/07", "tomorrow", "2026-13-01"])
def test_a_date_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        parse_date(text, "cs")


def test_an_empty_date_is_none():
    assert parse_date("  ", "cs") is None


@pytest.mark.parametrize("lang,value,digits,text", [
    ("cs", 40, 1, "40,0"), ("en", 40, 1, "40.0"), ("cs", 1234.5, 1, "1\xa0234,5"), ("en", 1234.5, 1, "1,234.5"),
    ("cs", 3, 0, "3"),
])
def test_numbers_use_the_languages_decimal_sign(lang, value, digits, text):
    assert format_number(value, lang, digits) == text


@pytest.mark.parametrize("lang,n,text", [
    ("en", 1, "1 unmet need"), ("en", 8, "8 unmet needs"), ("en", 0, "0 unmet needs"),
    ("cs", 1, "1 nenaplněná potřeba"), ("cs", 3, "3 nenaplněné potřeby"), ("cs", 5, "5 nenaplněných potřeb"),
    ("cs", 0, "0 nenaplněných potřeb"),
])
def test_plurals_follow_each_languages_rules(lang, n, text):
    assert ngettext("ui.unmet_needs", n, lang) == text


def test_czech_has_three_plural_forms_for_whole_numbers():
    assert [plural_form(n, "cs") for n in (1, 2, 4, 5, 21)] == ["one", "few", "few", "other", "other"]


def test_every_option_is_in_the_readme_table():
    from pathlib import Path

    from casekit.settings import OPTIONS, readme_table

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert readme_table() in readme
    assert len(OPTIONS) >= 15


def test_settings_are_read_from_the_environment_now(monkeypatch):
    from casekit.settings import settings

    monkeypatch.setenv("CASEKIT_THEME", "light")
    monkeypatch.setenv("CASEKIT_LAYOUT", "nonsense")
    monkeypatch.setenv("CASEKIT_CASE", " case-1 ")
    now = settings()
    assert now.theme == "light" and now.layout == "16:9" and now.case == "case-1"
    monkeypatch.delenv("CASEKIT_THEME")
    assert settings().theme == "dark"
