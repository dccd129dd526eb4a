"""The room view's state (casekit.conference.room_state) and its table (migration 0004), on SQLite and
PostgreSQL: saved cheaply, revision per save, last writer wins per field, the timer computed from facts."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text

from casekit.conference.room_state import STEPS, RoomState, Timer
from casekit.errors import CaseKitError, InvalidData
from casekit.model import Case
from casekit.store import open_store
from casekit.store.migrate import HEAD, alembic_config, current_revision
from casekit.store.schema import audit, room_state
from factories import case_dict

T0 = datetime(2026, 12, 7, 14, 0, tzinfo=timezone.utc)


def test_a_room_state_round_trips_and_counts_its_revisions(store):
    assert store.get_room_state("c-1") is None and store.version_of("room", "c-1") is None
    state = RoomState(conference_id="c-1", case_id="case-t1", step="assessment",
                      timer=Timer().start(T0), revealed={"ratings": True, "goals": ["g-1", "g-2"]})
    first = store.save_room_state(state, user="facilitator")
    assert first.revision == 1 and first.updated_by == "facilitator" and first.updated_at.tzinfo is not None
    assert first.model_dump(exclude={"revision", "updated_at", "updated_by"}) == state.model_dump(
        exclude={"revision", "updated_at", "updated_by"})
    assert store.get_room_state("c-1") == first
    second = store.save_room_state(first.go("network"))
    assert second.revision == 2 and store.version_of("room", "c-1") == 2
    assert store.get_room_state("c-1").step == "network"


def test_saving_a_room_state_writes_no_audit_and_reads_no_case(store):
    store.save(Case.model_validate(case_dict()))
    with store.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(audit)).scalar()
    for step in STEPS:
        store.save_room_state(RoomState(conference_id="c-1", case_id="case-t1", step=step))
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit)).scalar() == before
        assert conn.execute(select(func.count()).select_from(room_state)).scalar() == 1
    assert store.get("case-t1").version == 1


def test_the_last_writer_wins_per_field(store, store_url):
    store.save_room_state(RoomState(conference_id="c-1", step="opening"))
    other = open_store(store_url, user="minute-taker")
    try:
        console = store.get_room_state("c-1")
        minute_taker = other.get_room_state("c-1")
        store.save_room_state(console.go("story"), fields=["step"])
        other.save_room_state(minute_taker.with_timer(minute_taker.timer.start(T0)), fields=["timer"])
        now = store.get_room_state("c-1")
        assert (now.step, now.timer.running, now.revision) == ("story", True, 3)
        other.save_room_state(minute_taker)  # all fields: this writer's stale step wins, as asked
        assert store.get_room_state("c-1").step == "opening"
        with pytest.raises(CaseKitError):
            store.save_room_state(now, fields=["revision"])
    finally:
        other.close()


def test_an_unknown_step_is_refused_in_both_languages(store):
    with pytest.raises(InvalidData) as refused:
        store.save_room_state({"conference_id": "c-1", "step": "coffee"})
    assert any("coffee" in m and "krok" in m for m in refused.value.messages("cs"))
    assert store.get_room_state("c-1") is None
    with pytest.raises(ValueError):
        RoomState(conference_id="c-1").go("lunch")


def test_the_timer_is_computed_from_facts():
    timer = Timer().start(T0)
    assert timer.elapsed(T0 + timedelta(seconds=90)) == 90
    paused = timer.pause(T0 + timedelta(seconds=100))
    assert (paused.running, paused.elapsed(T0 + timedelta(hours=1))) == (False, 100)
    resumed = paused.start(T0 + timedelta(seconds=200))
    assert resumed.elapsed(T0 + timedelta(seconds=230)) == 130
    assert resumed.left(2, T0 + timedelta(seconds=230)) == -10  # over its two minutes
    following = resumed.next(3, T0 + timedelta(seconds=240))
    assert (following.agenda_index, following.elapsed(T0 + timedelta(seconds=250)), following.running) == (1, 10, True)
    assert following.next(3).next(3).agenda_index == 2 and following.previous(3).previous(3).agenda_index == 0
    assert Timer().elapsed(T0) == 0 and Timer().pause(T0) == Timer()


def test_reveal_and_hide():
    state = RoomState(conference_id="c-1").reveal("ratings").reveal("goals", ["g-1"])
    assert state.revealed == {"ratings": True, "goals": ["g-1"]}
    assert state.hide("ratings").revealed == {"goals": ["g-1"]}
    with pytest.raises(ValueError):
        state.reveal("no spaces allowed")


def test_migration_0004_upgrades_and_downgrades(store, store_url):
    from alembic import command

    store.save_room_state(RoomState(conference_id="c-1"))
    engine = store.engine
    postgres = engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        assert current_revision(conn) == HEAD == "0004"
        if postgres:
            assert _triggers(conn) == {"casekit_records_notify", "casekit_room_state_notify"}
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    with engine.connect() as conn:
        assert current_revision(conn) == "0003"
        assert "room_state" not in engine.dialect.get_table_names(conn)
        if postgres:
            assert _triggers(conn) == set()
    reopened = open_store(store_url, user="tester")
    try:
        assert reopened.get_room_state("c-1") is None
        assert reopened.save_room_state(RoomState(conference_id="c-1")).revision == 1
    finally:
        reopened.close()


def _triggers(conn) -> set[str]:
    return set(conn.execute(text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'casekit_%'")).scalars())


@pytest.mark.postgres
def test_postgres_notifies_every_save_in_its_transaction(pg_database):
    import psycopg

    from casekit.store.engine import resolve_url

    store = open_store(pg_database, user="tester")
    url = resolve_url(pg_database).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(url, autocommit=True) as listener:
            listener.execute("LISTEN casekit")
            saved = store.save(Case.model_validate(case_dict()))
            store.save_room_state(RoomState(conference_id="c-1"))
            with pytest.raises(Exception):  # a save that fails sends nothing
                store.save(saved.model_copy(update={"version": 0}))
            payloads = [n.payload for n in listener.notifies(timeout=1.0, stop_after=3)]
        assert payloads == ["case:case-t1:1", "room:c-1:1"]
    finally:
        store.close()
