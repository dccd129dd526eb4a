"""Saving fast without giving anything up (issue 7, d): a save writes only the projection rows that changed, yet
the projection tables always equal a full rewrite; the audit stores each document once and ``history()`` still
gives the document before and after every change; the document is dumped with pydantic's JSON serializer, with
the same content as before; PostgreSQL compresses documents with LZ4 (migration 0003). On SQLite and PostgreSQL.
"""
from __future__ import annotations

import json
import uuid
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlalchemy import event, select, text

from casekit import Case, frames
from casekit.store import open_store
from casekit.store.migrate import HEAD, alembic_config, current_revision
from casekit.store.schema import PROJECTIONS, audit, case_actions, case_summary, records
from casekit.store.store import REMEMBERED_PROJECTIONS, _rewrite_case_projections
from casekit.vocab import ActionStatus, NeedStatus, Priority
from factories import case_dict
from strategies import case_documents, cases, names


def make_case(case_id: str = "case-s1", **changes) -> Case:
    return Case.model_validate({**case_dict(case_id), **changes})


def projection_state(conn, case_id: str) -> dict[str, list[tuple]]:
    """Every projection row of a case, by table, sorted by primary key (the key columns come first)."""
    return {
        table.name: sorted(tuple(row) for row in conn.execute(select(table).where(table.c.case_id == case_id)))
        for table in PROJECTIONS
    }


def assert_projections_equal_a_full_rewrite(store, case: Case) -> None:
    """The stored projection rows of ``case`` equal what deleting and inserting all of them gives (rolled back)."""
    with store.engine.connect() as conn:
        with conn.begin() as transaction:
            stored = projection_state(conn, case.id)
            _rewrite_case_projections(conn, case)
            rewritten = projection_state(conn, case.id)
            transaction.rollback()
    assert stored == rewritten
    expected = frames.projection_rows(case)
    assert {name: len(rows) for name, rows in stored.items()} == {name: len(rows) for name, rows in expected.items()}


@contextmanager
def statements(store):
    """The SQL statements a block executes: (first words, number of parameter sets)."""
    seen: list[tuple[str, int]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        words = " ".join(statement.split()[:3]).upper()
        seen.append((words, len(parameters) if executemany else 1))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def projection_writes(seen) -> list[tuple[str, int]]:
    names = tuple(table.name.upper() for table in PROJECTIONS)
    return [(words, n) for words, n in seen
            if not words.startswith("SELECT") and any(name in words for name in names)]


@pytest.fixture
def second_store(store_url, store):
    """Another store on the same database (another process, as far as the first one can tell)."""
    other = open_store(store_url, user="other")
    yield other
    other.close()


# -- projections: only differences are written, and they equal a full rewrite --------------------------------------
def test_one_edit_writes_only_the_changed_projection_rows(store):
    document = case_dict("case-s1")
    document["actions"] = [*document["actions"], *[
        {"id": f"a-{n}", "what": f"Step {n}", "owner_id": "niece", "status": "planned"} for n in range(2, 30)
    ]]
    saved = store.save(Case.model_validate(document))
    data = saved.model_dump()
    data["actions"][5]["status"] = "blocked"
    with statements(store) as seen:
        saved = store.save(Case.model_validate(data))
    writes = projection_writes(seen)
    assert sorted(writes) == [("UPDATE CASE_ACTIONS SET", 1), ("UPDATE CASE_SUMMARY SET", 1)], writes
    assert_projections_equal_a_full_rewrite(store, saved)

    data = saved.model_dump()
    data["actions"] = data["actions"][:3] + data["actions"][4:] + [
        {"id": "a-new", "what": "New step", "owner_id": "client", "status": "planned"}]
    with statements(store) as seen:
        saved = store.save(Case.model_validate(data))
    writes = projection_writes(seen)
    # a-4 deleted, a-new inserted, the 25 actions after a-4 moved up one position, the summary's version
    assert sorted(writes) == [("DELETE FROM CASE_ACTIONS", 1), ("INSERT INTO CASE_ACTIONS", 1),
                              ("UPDATE CASE_ACTIONS SET", 25), ("UPDATE CASE_SUMMARY SET", 1)], writes
    assert_projections_equal_a_full_rewrite(store, saved)


def projection_reads(seen) -> list[str]:
    names = tuple(table.name.upper() for table in PROJECTIONS)
    return [words for words, _ in seen if words.startswith("SELECT") and any(name in words for name in names)]


def test_a_store_reads_the_projection_rows_back_only_when_another_writer_saved(store, second_store):
    saved = store.save(make_case())
    with statements(store) as seen:  # after its own save: the rows it wrote are known
        saved = store.save(saved.model_copy(update={"request": "first"}))
    assert not projection_reads(seen) and projection_writes(seen)

    theirs = second_store.save(second_store.get(saved.id).model_copy(
        update={"actions": [], "reviews": [], "conferences": []}))
    with statements(store) as seen:  # another writer saved since: the rows are read back
        mine = store.save(store.get(saved.id).model_copy(update={"request": "second"}))
    assert len(projection_reads(seen)) == len(PROJECTIONS)
    assert mine.version == theirs.version + 1 and mine.actions == []
    assert_projections_equal_a_full_rewrite(store, mine)

    store.delete(saved.id)
    second_store.restore(saved.id)
    with statements(store) as seen:  # deleted and restored since its last save: read back
        mine = store.save(store.get(saved.id).model_copy(update={"request": "third"}))
    assert len(projection_reads(seen)) == len(PROJECTIONS)
    assert_projections_equal_a_full_rewrite(store, mine)
    with store.engine.connect() as conn:
        assert conn.execute(select(case_summary.c.deleted).where(case_summary.c.case_id == saved.id)).scalar() is False


def test_only_a_few_records_projections_are_remembered(sqlite_store):
    for n in range(REMEMBERED_PROJECTIONS + 5):
        sqlite_store.save(make_case(f"case-m{n}"))
    assert len(sqlite_store._projected) == REMEMBERED_PROJECTIONS
    assert ("case", f"case-m{REMEMBERED_PROJECTIONS + 4}") in sqlite_store._projected


@st.composite
def edit_sequences(draw):
    """A case and a list of edits: each edit is a function of the current document (dict) -> new document, and
    which of two stores saves it, and whether the case is deleted and restored first."""
    base = draw(case_documents())
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(
            ["shuffle", "drop", "status", "priority", "rating", "rename", "replace", "revert"]))
        if kind == "revert":
            payload = draw(st.integers(0, 10))
        elif kind == "replace":
            payload = draw(case_documents())
        elif kind == "shuffle":
            payload = (draw(st.sampled_from(["needs", "actors", "actions"])), draw(st.randoms(use_true_random=False)))
        elif kind == "drop":
            payload = (draw(st.sampled_from(["needs", "actors", "actions"])), draw(st.integers(0, 10)))
        elif kind == "status":
            payload = (draw(st.integers(0, 10)), draw(st.sampled_from(ActionStatus)).value)
        elif kind == "priority":
            payload = (draw(st.integers(0, 10)), draw(st.sampled_from(Priority)).value)
        elif kind == "rating":
            payload = (draw(st.integers(0, 10)), draw(st.sampled_from(NeedStatus)).value)
        else:
            payload = (draw(st.integers(0, 10)), draw(names()))
        steps.append((kind, payload, draw(st.integers(0, 1)), draw(st.booleans())))
    return base, steps


def _apply(document: dict, kind: str, payload, earlier: list[dict]) -> dict:
    doc = json.loads(json.dumps(document))
    if kind == "revert":  # back to an earlier version's content (undoing what the other store saved, say)
        return {**earlier[payload % len(earlier)], "version": doc["version"]}
    if kind == "replace":
        replaced = json.loads(Case.model_validate(payload).model_dump_json())
        return {**replaced, "id": doc["id"], "version": doc["version"]}
    if kind == "shuffle":
        field, rng = payload
        rng.shuffle(doc[field])
    elif kind == "drop":
        field, n = payload
        if doc[field]:
            gone = doc[field].pop(n % len(doc[field]))["id"]
            if field == "actions":  # and what refers to it
                for review in doc["reviews"]:
                    review["action_changes"] = [c for c in review["action_changes"] if c["action_id"] != gone]
                for conference in doc["conferences"]:
                    conference["action_ids"] = [a for a in conference["action_ids"] if a != gone]
    elif kind == "status" and doc["actions"]:
        doc["actions"][payload[0] % len(doc["actions"])]["status"] = payload[1]
    elif kind == "priority" and doc["needs"]:
        doc["needs"][payload[0] % len(doc["needs"])]["priority"] = payload[1]
    elif kind == "rating" and doc["needs"]:
        need = doc["needs"][payload[0] % len(doc["needs"])]
        if need["ratings"]:
            need["ratings"][0]["status"] = payload[1]
    elif kind == "rename" and doc["actors"]:
        doc["actors"][payload[0] % len(doc["actors"])]["name"] = payload[1]
    return doc


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=edit_sequences())
def test_projections_equal_a_full_rewrite_after_random_edits(store, second_store, sequence):
    base, steps = sequence
    stores = (store, second_store)
    saved = store.save(Case.model_validate({**base, "id": f"case-{uuid.uuid4().hex}"}))
    assert_projections_equal_a_full_rewrite(store, saved)
    earlier = [saved.model_dump(mode="json")]
    for kind, payload, which, delete_first in steps:
        document = _apply(saved.model_dump(mode="json"), kind, payload, earlier)
        try:
            edited = Case.model_validate(document)
        except ValidationError:
            continue  # e.g. a dropped item still referenced: not an edit the model allows
        writer = stores[which]
        if delete_first:
            stores[1 - which].delete(saved.id)
            writer.restore(saved.id)
        saved = writer.save(edited)
        earlier.append(saved.model_dump(mode="json"))
        for reader in stores:
            assert_projections_equal_a_full_rewrite(reader, saved)
    for name in ("needs", "actors", "actions"):
        from_sql = store.frame(name).query("case_id == @saved.id").reset_index(drop=True)
        assert from_sql.equals(frames.frame(name, [saved]))


def test_a_save_after_another_writers_save_is_compared_with_their_rows(store, second_store):
    """The other store's changes must not be mistaken for still being ours: it removes an action and adds one,
    this store then saves the content it saved first (with the current version)."""
    document = case_dict("case-s2")
    document["actions"] = [*document["actions"], {"id": "a-2", "what": "Call", "owner_id": "niece"}]
    first = store.save(Case.model_validate(document))
    theirs = first.model_dump()
    theirs["actions"] = [theirs["actions"][0], {"id": "a-3", "what": "Write", "owner_id": "client"}]
    theirs = second_store.save(Case.model_validate(theirs))
    reverted = store.save(Case.model_validate({**first.model_dump(), "version": theirs.version}))
    assert [a.id for a in reverted.actions] == ["a-1", "a-2"]
    assert_projections_equal_a_full_rewrite(store, reverted)
    both = reverted.model_dump()
    both["actions"].append({"id": "a-3", "what": "Write", "owner_id": "client"})
    mine = store.save(Case.model_validate(both))
    assert_projections_equal_a_full_rewrite(store, mine)
    with store.engine.connect() as conn:
        stored = conn.execute(select(case_actions.c.action_id, case_actions.c.position)
                              .where(case_actions.c.case_id == "case-s2")).all()
    assert sorted(stored) == [("a-1", 0), ("a-2", 1), ("a-3", 2)]


# -- audit: one document per version, history unchanged ------------------------------------------------------------
def test_an_update_stores_only_the_new_document_and_history_derives_before(store):
    first = store.save(make_case(), user="alice")
    second = store.save(first.model_copy(update={"request": "two"}), user="bob")
    third = store.save(second.model_copy(update={"request": "three"}), user="cyril")
    with store.engine.connect() as conn:
        rows = conn.execute(select(audit.c.version, audit.c.before, audit.c.after).order_by(audit.c.id)).all()
        stored = conn.execute(select(records.c.data)).scalar()
    assert [(r.version, r.before) for r in rows] == [(1, None), (2, None), (3, None)]
    assert rows[-1].after == stored
    history = store.history(first.id)
    assert [h.before for h in history] == [None, history[0].after, history[1].after]
    assert [h.after["request"] for h in history] == ["Chci zůstat doma.", "two", "three"]
    assert Case.model_validate({**history[2].after, "version": 3}) == third


def test_history_keeps_documents_before_stored_by_older_versions(store):
    """Entries written before this change store ``before`` themselves; history reports it as stored."""
    saved = store.save(make_case())
    saved = store.save(saved.model_copy(update={"request": "two"}))
    legacy = {"legacy": "before"}
    with store.engine.begin() as conn:
        conn.execute(audit.update().where(audit.c.version == 2).values(before=json.dumps(legacy)))
    store.delete(saved.id)
    store.restore(saved.id)
    saved = store.save(saved.model_copy(update={"request": "three"}))
    history = store.history(saved.id)
    assert [(h.action, h.version) for h in history] == [
        ("create", 1), ("update", 2), ("delete", 2), ("restore", 2), ("update", 3)]
    assert history[1].before == legacy
    assert history[2].before == history[1].after and history[3].after == history[1].after
    assert history[4].before == history[1].after and history[4].after["request"] == "three"


def test_a_conflict_still_names_the_fields_and_who_changed_them(store, second_store):
    mine = store.save(make_case(), user="alice")
    second_store.save(second_store.get(mine.id).model_copy(update={"request": "theirs"}), user="bob")
    second_store.save(second_store.get(mine.id).model_copy(update={"wishes": ["x"]}), user="cyril")
    from casekit import ConflictError

    with pytest.raises(ConflictError) as info:
        store.save(mine.model_copy(update={"strengths": ["mine"]}))
    assert info.value.changed == ["request", "wishes"] and info.value.changed_by == ["bob", "cyril"]
    assert info.value.your_version == 1 and info.value.current_version == 3


def test_an_unchanged_copy_writes_nothing_and_an_edit_after_it_is_stored(store):
    saved = store.save(make_case())
    with statements(store) as seen:
        again = store.save(store.get(saved.id))
    assert again == saved and not [w for w, _ in seen if w.startswith(("INSERT", "DELETE"))]
    assert len(store.history(saved.id)) == 1
    changed = store.save(again.model_copy(update={"request": "changed"}))
    assert changed.version == 2 and store.get(saved.id) == changed


# -- the stored JSON -----------------------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(case=cases())
def test_the_stored_json_has_the_content_of_the_json_dump(case):
    """``model_dump_json`` (what the store writes) holds exactly ``model_dump(mode="json")`` (what it wrote
    before, with ``json.dumps``), so documents stored by either compare equal."""
    assert json.loads(case.model_dump_json(exclude={"version"})) == case.model_dump(mode="json", exclude={"version"})


def test_the_stored_document_is_the_dump_of_the_validated_copy(store):
    case = make_case()
    case.needs[0].description = "changed in place"
    saved = store.save(case)
    with store.engine.connect() as conn:
        data = conn.execute(select(records.c.data).where(records.c.id == saved.id)).scalar()
    assert data == saved.model_dump_json(exclude={"version"})
    assert json.loads(data)["needs"][0]["description"] == "changed in place"


# -- migration 0003 ------------------------------------------------------------------------------------------------
def _compression(conn) -> dict[str, str | None]:
    rows = conn.execute(text(
        "SELECT c.relname || '.' || a.attname, a.attcompression FROM pg_attribute a "
        "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname IN ('records', 'audit') "
        "AND a.attname IN ('data', 'before', 'after')"
    )).all()
    return {name: (method or None) for name, method in rows}


def test_migration_0003_upgrades_and_downgrades(store, store_url):
    from alembic import command

    saved = store.save(make_case())
    engine = store.engine
    postgres = engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        assert current_revision(conn) == HEAD
        if postgres:
            lz4 = _lz4(conn)
            assert _compression(conn) == dict.fromkeys(("records.data", "audit.before", "audit.after"),
                                                       "l" if lz4 else None)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0002")
    with engine.connect() as conn:
        assert current_revision(conn) == "0002"
        if postgres:
            assert set(_compression(conn).values()) <= {"p", None}
    reopened = open_store(store_url, user="tester")
    try:
        with reopened.engine.connect() as conn:
            assert current_revision(conn) == HEAD
        assert reopened.get(saved.id) == saved
        assert reopened.save(saved.model_copy(update={"request": "after the round trip"})).version == 2
    finally:
        reopened.close()


def _lz4(conn) -> bool:
    methods = conn.execute(text("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")).scalar()
    return bool(methods) and "lz4" in methods
