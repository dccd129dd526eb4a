"""Malformed input gives a clear message in Czech and English and leaves the store unchanged."""
import json
from datetime import date

import pytest

from casekit import CaseKitError, InvalidData, import_case

from factories import envelope, mutated, text


def _set(path, value):
    def fn(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return fn


def _delete(path):
    def fn(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return fn


C = "case"
GOOD = text(envelope())
MALFORMED = {
    # unreadable files
    "empty file": "",
    "truncated JSON": GOOD[: len(GOOD) // 2],
    "not JSON at all": "Dear colleague, please find the case attached.",
    "a JSON list": "[1, 2, 3]",
    "a JSON string": '"case"',
    "invalid UTF-8": b"\xff\xfe{\x00",
    "deeply nested": "[" * 100_000 + "]" * 100_000,
    # wrong envelope
    "no format": text(mutated(_delete(["format"]))),
    "wrong format": text(mutated(_set(["format"], "redcap.export"))),
    "wrong schema version": text(mutated(_set(["schema_version"], 99))),
    "schema version as text": text(mutated(_set(["schema_version"], "1"))),
    "no case": text(mutated(_delete([C]))),
    "case is a list": text(mutated(_set([C], []))),
    # wrong types and missing fields
    "missing client": text(mutated(_delete([C, "client"]))),
    "missing case manager": text(mutated(_delete([C, "case_manager"]))),
    "missing opened date": text(mutated(_delete([C, "opened"]))),
    "empty pseudonym": text(mutated(_set([C, "client", "display_name"], "   "))),
    "birth year as words": text(mutated(_set([C, "client", "birth_year"], "nineteen forty"))),
    "birth year in the future": text(mutated(_set([C, "client", "birth_year"], date.today().year + 5))),
    "birth year 1700": text(mutated(_set([C, "client", "birth_year"], 1700))),
    "impossible date": text(mutated(_set([C, "opened"], "2024-02-30"))),
    "date in Czech format": text(mutated(_set([C, "opened"], "1. 2. 2024"))),
    "unknown life domain": text(mutated(_set([C, "needs", 0, "domain"], "astrology"))),
    "unknown phase": text(mutated(_set([C, "phase"], "limbo"))),
    "unknown sector": text(mutated(_set([C, "actors", 0, "sector"], "military"))),
    "unknown field": text(mutated(_set([C, "client", "rodne_cislo"], "440101/1234"))),
    "capacity negative": text(mutated(_set([C, "actors", 0, "capacity"], -3))),
    "needs not a list": text(mutated(_set([C, "needs"], {"housing": "bad"}))),
    "rating status unknown": text(mutated(_set([C, "needs", 0, "ratings", 0, "status"], "fine"))),
    "severity 6": text(mutated(_set([C, "needs", 0, "ratings", 1, "severity"], 6))),
    "GAS level 5": text(mutated(_set([C, "goals", 0, "baseline"], 5))),
    "goal weight zero": text(mutated(_set([C, "goals", 0, "weight"], 0))),
    "action owned by unknown actor": text(mutated(_set([C, "actions", 0, "owner_id"], "mr-nobody"))),
    "action linked to unknown need": text(mutated(_set([C, "actions", 0, "need_id"], "n-ghost"))),
    "agenda item of 0 minutes": text(mutated(_set([C, "conferences", 0, "agenda", 0, "minutes"], 0))),
    "participant listed twice": text(mutated(
        lambda d: d[C]["conferences"][0]["participants"].append(d[C]["conferences"][0]["participants"][0]))),
    "id with spaces": text(mutated(_set([C, "id"], "case one; DROP TABLE records"))),
    "huge request text": text(mutated(_set([C, "request"], "x" * 200_000))),
    "huge pseudonym": text(mutated(_set([C, "client", "display_name"], "Novák" * 1000))),
    "version negative": text(mutated(_set([C, "version"], -1))),
    "closed case without reason": text(mutated(lambda d: d[C].update(
        phase="closed", closed="2024-06-01",
        phase_history=d[C]["phase_history"] + [{"phase": "closed", "date": "2024-06-01"}]))),
}


def test_there_are_at_least_thirty_cases():
    assert len(MALFORMED) >= 30


def test_the_unbroken_file_is_accepted():
    assert import_case(GOOD).id == "case-t1"


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_input_is_explained_in_both_languages(name):
    with pytest.raises(InvalidData) as info:
        import_case(MALFORMED[name])
    en, cs = info.value.message("en"), info.value.message("cs")
    assert en and cs and en != cs
    for message in (en, cs):
        assert "Traceback" not in message and "pydantic" not in message.lower()
        assert len(message) < 2000  # a huge input is not echoed back
    # the first line says nothing was saved, or what is wrong with the file
    assert "casekit" in en or "saved" in en or "JSON" in en or "schema" in en


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_input_leaves_the_store_unchanged(sqlite_store, name):
    stored = sqlite_store.import_json(GOOD)
    before = (sqlite_store.export_json(stored.id), len(sqlite_store.history(stored.id)), len(sqlite_store.cases()))
    with pytest.raises(CaseKitError):
        sqlite_store.import_json(MALFORMED[name])
    after = (sqlite_store.export_json(stored.id), len(sqlite_store.history(stored.id)), len(sqlite_store.cases()))
    assert after == before


def test_a_bypassed_model_cannot_be_stored(sqlite_store):
    from casekit import Case

    case = Case.model_validate(envelope()[C])
    junk = Case.model_construct(**{**dict(case), "id": "case-junk", "opened": "not a date"})
    with pytest.raises(InvalidData):
        sqlite_store.save(junk)
    assert sqlite_store.cases() == []
