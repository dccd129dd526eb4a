"""The widget-free conference session (casekit.conference.session): two devices on one case, collisions that
name the field and keep what was typed, store failures that lose nothing, debounce, reload, undo, fresh lists."""
from __future__ import annotations

import asyncio
from datetime import date
from functools import partial

import pytest

from casekit.conference import edits as E
from casekit.conference.session import CollisionError, ConferenceSession
from casekit.errors import CaseKitError, ConflictError, InvalidData
from casekit.model import Case
from casekit.store import open_store
from casekit.store.failures import StoreFailure
from factories import case_dict


@pytest.fixture
def two(store, store_url):
    """Two sessions, each on its own store object (two kernels), on one saved case."""
    store.save(Case.model_validate(case_dict()))
    other = open_store(store_url, user="minute-taker")
    a, b = ConferenceSession(store, lang="en"), ConferenceSession(other, lang="cs")
    for session in (a, b):
        session.open("case-t1")
        session.choose_conference("c-1")
    yield a, b
    other.close()


def _place(case):
    return next(c for c in case.conferences if c.id == "c-1").place


def test_two_devices_editing_different_fields_are_both_saved(two, store):
    a, b = two
    collisions = []
    a.on_collision.append(collisions.append)
    b.on_collision.append(collisions.append)
    a.change(partial(E.set_conference, conference_id="c-1", place="Room B"))
    b.change(lambda case: E.add_strength(case, "patient"))  # b's copy is stale: merged, not refused
    a.change(lambda case: E.set_request(case, "Stay at home with the cat."))  # and now a's copy is stale
    stored = store.get("case-t1")
    assert (_place(stored), stored.strengths, stored.request) == (
        "Room B", ["good neighbour", "patient"], "Stay at home with the cat.")
    assert collisions == [] and not a.has_pending and not b.has_pending
    assert a.current == stored and stored.version == 4
    assert [entry.who for entry in store.history("case-t1")][-3:] == ["tester", "minute-taker", "tester"]


def test_the_same_field_on_two_devices_names_it_and_keeps_what_was_typed(two, store):
    a, b = two
    seen = []
    b.on_collision.append(seen.append)
    a.change(partial(E.set_conference, conference_id="c-1", place="Room A"))
    with pytest.raises(CollisionError) as collision:
        b.change(lambda case: E.add_strength(E.set_conference(case, "c-1", place="Room B"), "patient"))
    assert seen == [collision.value]
    assert collision.value.fields("en") == ["Place of the meeting"]
    assert collision.value.messages("en")[1] == (
        "Place of the meeting: you wrote “Room B”, someone else saved “Room A”.")
    assert "Místo setkání" in collision.value.messages("cs")[1]
    assert b.state.kind == "collision" and b.has_pending
    assert _place(b.current) == "Room B" and b.current.strengths[-1] == "patient"  # what b typed
    stored = store.get("case-t1")
    assert _place(stored) == "Room A" and stored.strengths == ["good neighbour"]  # nothing of b saved yet
    b.change(lambda case: E.add_wish(case, "a garden"))  # typing on while the question waits: kept, not saved
    assert store.get("case-t1").wishes == []
    with pytest.raises(CollisionError):
        b.flush()
    b.resolve("theirs")
    stored = store.get("case-t1")
    assert (_place(stored), stored.strengths, stored.wishes) == ("Room A", ["good neighbour", "patient"], ["a garden"])
    assert b.collision is None and not b.has_pending and b.state.kind == "saved"


def test_keeping_mine_after_a_collision_saves_mine(two, store):
    a, b = two
    a.change(partial(E.set_conference, conference_id="c-1", place="Room A"))
    with pytest.raises(CollisionError):
        b.change(partial(E.set_conference, conference_id="c-1", place="Room B"))
    a.change(lambda case: E.add_strength(case, "patient"))  # a saves again meanwhile
    b.resolve("mine")
    stored = store.get("case-t1")
    assert _place(stored) == "Room B" and stored.strengths == ["good neighbour", "patient"]


def test_a_store_failure_keeps_the_change_pending(two, store, monkeypatch):
    a, _ = two
    states = []
    a.on_state.append(states.append)

    def broken(case, **_):
        raise StoreFailure("errors.store_connection_lost")

    monkeypatch.setattr(store, "save", broken)
    with pytest.raises(StoreFailure):
        a.change(partial(E.set_conference, conference_id="c-1", place="Room B"))
    assert a.has_pending and _place(a.current) == "Room B" and _place(store.get("case-t1")) == "Town hall"
    assert states[-1].kind == "failed" and states[-1].message("en").startswith("Not saved: ")
    assert "Your change is kept" in states[-1].message("en")
    with pytest.raises(StoreFailure):  # another change: still kept, both waiting
        a.change(lambda case: E.add_strength(case, "patient"))
    monkeypatch.undo()
    a.flush()
    stored = store.get("case-t1")
    assert (_place(stored), stored.strengths) == ("Room B", ["good neighbour", "patient"])
    assert not a.has_pending and states[-1].kind == "saved" and states[-1].message("cs").startswith("Uloženo ")


def test_a_store_failure_while_merging_keeps_the_change_pending(two, store, monkeypatch):
    a, b = two
    a.change(partial(E.set_conference, conference_id="c-1", place="Room A"))
    monkeypatch.setattr(b.store, "get", lambda *args, **kw: (_ for _ in ()).throw(
        StoreFailure("errors.store_connection_lost")))
    with pytest.raises(StoreFailure):
        b.change(lambda case: E.add_strength(case, "patient"))
    assert b.has_pending and b.current.strengths[-1] == "patient"
    monkeypatch.undo()
    b.flush()
    assert store.get("case-t1").strengths == ["good neighbour", "patient"]


def test_merging_gives_up_after_the_bounded_retries(sqlite_store, monkeypatch):
    sqlite_store.save(Case.model_validate(case_dict()))
    session = ConferenceSession(sqlite_store, retries=2)
    session.open("case-t1")
    calls = []

    def always_stale(case, **_):
        calls.append(case.version)
        raise ConflictError(case.id, case.version, case.version + 1, ["request"])

    monkeypatch.setattr(sqlite_store, "save", always_stale)
    with pytest.raises(CaseKitError) as gave_up:
        session.change(lambda case: E.set_request(case, "x"))
    assert gave_up.value.code == "errors.save_kept_changing" and len(calls) == 3
    assert session.has_pending and session.current.request == "x" and session.state.kind == "failed"


def test_an_invalid_edit_changes_nothing(sqlite_store):
    sqlite_store.save(Case.model_validate(case_dict()))
    session = ConferenceSession(sqlite_store)
    session.open("case-t1")
    with pytest.raises(InvalidData):
        session.change(lambda case: E.add_participant(case, "c-1", "Niece"))
    assert not session.has_pending and session.current == sqlite_store.get("case-t1")


def test_debounced_changes_wait_for_a_pause_then_save(sqlite_store):
    sqlite_store.save(Case.model_validate(case_dict()))
    session = ConferenceSession(sqlite_store, debounce_seconds=0.2)
    session.open("case-t1")
    saved = []
    session.on_saved.append(saved.append)

    async def typing():
        for text in ("R", "Ro", "Room"):
            session.change(partial(E.set_conference, conference_id="c-1", place=text), debounce=True)
            await asyncio.sleep(0.05)
        assert session.state.kind == "pending" and _place(sqlite_store.get("case-t1")) == "Town hall"
        await asyncio.sleep(0.4)

    asyncio.run(typing())
    assert len(saved) == 1 and _place(sqlite_store.get("case-t1")) == "Room" and session.state.kind == "saved"


def test_a_delayed_save_that_fails_is_told_to_on_error(sqlite_store, monkeypatch):
    sqlite_store.save(Case.model_validate(case_dict()))
    session = ConferenceSession(sqlite_store, debounce_seconds=0.05)
    session.open("case-t1")
    errors = []
    session.on_error.append(errors.append)
    monkeypatch.setattr(sqlite_store, "save", lambda case, **_: (_ for _ in ()).throw(
        StoreFailure("errors.store_disk_full")))

    async def typing():
        session.change(lambda case: E.set_request(case, "typed"), debounce=True)
        await asyncio.sleep(0.3)

    asyncio.run(typing())
    assert [e.code for e in errors] == ["errors.store_disk_full"]
    assert session.has_pending and session.current.request == "typed"


def test_reload_merges_what_waits_or_drops_it(two, store):
    a, b = two
    a.change(partial(E.set_conference, conference_id="c-1", place="Room A"))
    b._pending = E.add_strength(b.current, "patient")  # typed, not yet saved (a debounce waits)
    b.reload(keep_pending=True)
    assert _place(b.current) == "Room A" and b.current.strengths[-1] == "patient" and b.has_pending
    assert b.saved == store.get("case-t1")
    b.flush()
    assert store.get("case-t1").strengths == ["good neighbour", "patient"]
    b._pending = E.add_wish(b.current, "garden")
    b.reload(keep_pending=False)
    assert not b.has_pending and b.current == store.get("case-t1")


def test_undo_of_the_last_removal(two, store):
    a, b = two
    a.change(lambda case: E.remove_actor(case, "niece"))
    assert a.last_removed.message("en").startswith("Removed: network member “Niece”")
    b.change(lambda case: E.add_strength(case, "patient"))  # another device saves meanwhile
    a.undo()
    stored = store.get("case-t1")
    assert stored.actor("niece") is not None and stored.need("n-housing").rating("actor", "niece") is not None
    assert stored.strengths == ["good neighbour", "patient"] and a.last_removed is None
    with pytest.raises(CaseKitError) as nothing:
        a.undo()
    assert nothing.value.code == "errors.nothing_to_undo"


def test_lists_are_read_from_the_store_when_asked(sqlite_store, sqlite_url):
    session = ConferenceSession(sqlite_store)
    assert session.cases() == []
    elsewhere = open_store(sqlite_url, user="api")
    try:
        elsewhere.save(Case.model_validate(case_dict("case-later")))
        assert [c.id for c in session.cases()] == ["case-later"]
        assert session.cases()[0].display_name == "Pan K."
        case = elsewhere.get("case-later")
        elsewhere.save(E.add_conference(case, date(2024, 6, 1), id="conf-new"))
        assert [c.id for c in session.conferences_of("case-later")] == ["conf-new", "c-1"]
    finally:
        elsewhere.close()


def test_a_double_click_on_add_makes_one_conference(sqlite_store):
    sqlite_store.save(Case.model_validate(case_dict()))
    session = ConferenceSession(sqlite_store)
    session.open("case-t1")
    add = partial(E.add_conference, on=date(2024, 6, 1), id="conf-click", language="cs")
    session.change(add)
    session.change(add)
    assert [c.id for c in sqlite_store.get("case-t1").conferences] == ["c-1", "conf-click"]
    assert sqlite_store.get("case-t1").version == 2


def test_without_a_case_there_is_nothing_to_change(sqlite_store):
    session = ConferenceSession(sqlite_store)
    with pytest.raises(CaseKitError) as refused:
        session.change(lambda case: case)
    assert refused.value.code == "errors.no_case_open"
    assert refused.value.message("cs") == "Není otevřený žádný případ."
