"""The store on SQLite and PostgreSQL: round trips, optimistic concurrency, audit, soft delete, frames,
migrations and configuration."""
from __future__ import annotations

import json
import uuid

import pandas.testing as pdt
import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import create_engine, func, select, text

import casekit
from casekit import Case, CaseKitError, ConflictError, InvalidData, NotFound, SupervisionSession
from casekit import frames
from casekit.caseio import export_case, import_case
from casekit.store import AuditEntry, Store, open_store
from casekit.store.engine import resolve_url
from casekit.store.migrate import HEAD, current_revision, script_head, upgrade
from casekit.store.schema import audit, case_actions, case_summary, metadata, records
from factories import case_dict
from strategies import case_documents, cases, sessions


def make_case(case_id: str = "case-t1", **changes) -> Case:
    return Case.model_validate({**case_dict(case_id), **changes})


def make_session(session_id: str = "sup-1") -> SupervisionSession:
    return SupervisionSession.model_validate({
        "id": session_id, "date": "2024-03-01", "supervisor": "Eva", "worker": "Jana Malá",
        "case_ids": ["case-t1"], "reflections": "Hranice role.",
        "agreed_actions": [{"what": "Call the guardian", "due": "2024-03-08"}],
    })


def edited(case, **changes):
    """A validated copy of ``case`` with ``changes`` (dicts welcome), keeping its version."""
    return type(case).model_validate({**case.model_dump(), **changes})


def audit_count(store: Store, record_id: str | None = None) -> int:
    query = select(func.count()).select_from(audit)
    if record_id is not None:
        query = query.where(audit.c.record_id == record_id)
    with store.engine.connect() as conn:
        return conn.execute(query).scalar()


def stored_data(store: Store, record_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.execute(select(records.c.data).where(records.c.id == record_id)).scalar()


# -- round trips and versions ------------------------------------------------------------------------------------
def test_save_get_round_trip(store):
    case = make_case()
    saved = store.save(case)
    assert saved.version == 1 and case.version == 0  # the caller's object is never changed
    assert saved == case.model_copy(update={"version": 1})
    assert store.get(case.id) == saved
    assert store.cases() == [saved]
    assert store.exists(case.id) and not store.exists("case-nope")


def test_cases_are_listed_by_id(store):
    for case_id in ("case-b", "case-A", "case-a", "case-10", "case-9"):
        store.save(make_case(case_id))
    assert [c.id for c in store.cases()] == sorted(["case-b", "case-A", "case-a", "case-10", "case-9"])


def test_each_save_increments_the_version_and_writes_one_audit_entry(store):
    saved = store.save(make_case())
    for n in range(2, 5):
        saved = store.save(saved.model_copy(update={"request": f"request {n}"}))
        assert saved.version == n
        assert store.get(saved.id).version == n
    assert audit_count(store, saved.id) == 4


def test_saving_an_unchanged_copy_writes_nothing(store):
    saved = store.save(make_case())
    again = store.save(saved)
    assert again == saved and again.version == 1
    assert audit_count(store) == 1


def test_save_returns_the_validated_normalised_copy(store):
    case = make_case()
    case.case_manager = "  Jana Malá  "  # validate_assignment strips
    assert store.save(case).case_manager == "Jana Malá"


# -- optimistic concurrency ----------------------------------------------------------------------------------------
def test_a_stale_copy_is_refused_and_overwrites_nothing(store):
    mine = store.save(make_case(), user="alice")
    theirs = store.get(mine.id)
    history = [*theirs.model_dump()["phase_history"], {"phase": "linking", "date": "2024-04-01"}]
    store.save(edited(theirs, phase="linking", phase_history=history, request="Bydlet u neteře."), user="bob")
    before_data, before_audit = stored_data(store, mine.id), audit_count(store)

    with pytest.raises(ConflictError) as info:
        store.save(mine.model_copy(update={"strengths": ["stubborn"]}), user="alice")
    error = info.value
    assert error.record_id == mine.id and error.your_version == 1 and error.current_version == 2
    assert error.changed == ["phase", "phase_history", "request"]  # model order, what *they* changed
    assert error.changed_by == ["bob"]
    assert error.code == "errors.conflict"
    assert "bob" in error.message("en") and "bob" in error.message("cs")
    assert error.message("en") != error.message("cs")
    assert stored_data(store, mine.id) == before_data
    assert audit_count(store) == before_audit
    assert store.get(mine.id).strengths == ["good neighbour"]


def test_conflict_lists_everyone_who_changed_it_since(store):
    first = store.save(make_case(), user="alice")
    current = first
    for who in ("bob", "cyril", "bob"):
        current = store.save(current.model_copy(update={"request": f"by {who} {current.version}"}), user=who)
    with pytest.raises(ConflictError) as info:
        store.save(first.model_copy(update={"request": "mine"}))
    assert info.value.changed_by == ["bob", "cyril"]
    assert info.value.changed == ["request"]
    assert info.value.current_version == 4


def test_a_new_copy_with_a_taken_id_is_a_conflict(store):
    store.save(make_case(), user="alice")
    with pytest.raises(ConflictError) as info:
        store.save(make_case(request="another one"))
    assert info.value.your_version == 0 and info.value.current_version == 1
    assert info.value.changed_by == ["alice"]
    assert "request" in info.value.changed
    assert audit_count(store) == 1


def test_a_copy_of_an_unknown_record_with_a_version_is_not_found(store):
    with pytest.raises(NotFound):
        store.save(make_case().model_copy(update={"version": 3}))
    assert store.cases() == [] and audit_count(store) == 0


@pytest.mark.postgres
def test_a_concurrent_insert_of_the_same_id_is_a_conflict(pg_database):
    """The insert race: another writer inserts the id between our check and our insert (PostgreSQL)."""
    from sqlalchemy import event

    store, other = open_store(pg_database, user="alice"), open_store(pg_database, user="bob")
    try:
        fired = []

        @event.listens_for(store.engine, "before_cursor_execute")
        def _race(conn, cursor, statement, params, context, executemany):
            if statement.lstrip().upper().startswith("INSERT INTO RECORDS") and not fired:
                fired.append(True)
                other.save(make_case(request="bob was first"))

        with pytest.raises(ConflictError) as info:
            store.save(make_case())
        assert fired and info.value.changed_by == ["bob"]
        assert store.get("case-t1").request == "bob was first"
        assert audit_count(store) == 1
    finally:
        store.close()
        other.close()


# -- validation ----------------------------------------------------------------------------------------------------
def test_a_copy_changed_in_place_is_validated_again(store):
    case = make_case()
    case.needs[0].actor_ids.append("nobody")  # list mutation bypasses validate_assignment
    with pytest.raises(InvalidData) as info:
        store.save(case)
    assert info.value.validation_error is not None
    assert store.cases() == [] and audit_count(store) == 0


def test_a_constructed_junk_model_is_refused(store):
    junk = Case.model_construct(**{**dict(make_case()), "opened": "not a date", "version": 0})
    with pytest.raises(InvalidData):
        store.save(junk)
    with pytest.raises(InvalidData):
        store.save(make_session())  # not a case
    assert store.cases() == []


# -- audit ---------------------------------------------------------------------------------------------------------
def test_history_has_who_when_before_and_after(store):
    saved = store.save(make_case(), user="alice")
    updated = store.save(saved.model_copy(update={"request": "Zůstat doma s pomocí."}), user="bob")
    store.delete(saved.id, user="cyril")
    store.restore(saved.id, user="dana")
    history = store.history(saved.id)
    assert [(h.version, h.action, h.who) for h in history] == [
        (1, "create", "alice"), (2, "update", "bob"), (2, "delete", "cyril"), (2, "restore", "dana"),
    ]
    assert all(isinstance(h, AuditEntry) and h.at.utcoffset().total_seconds() == 0 for h in history)
    assert [h.at for h in history] == sorted(h.at for h in history)
    create, update, delete, restore = history
    assert create.before is None and create.after["request"] == "Chci zůstat doma."
    assert update.before == create.after and update.after["request"] == "Zůstat doma s pomocí."
    assert "version" not in update.after
    assert delete.after is None and delete.before == update.after
    assert restore.before is None and restore.after == update.after
    assert Case.model_validate({**update.after, "version": 2}) == updated
    with pytest.raises(NotFound):
        store.history("case-nope")


def test_the_default_user_is_recorded(store):
    store.save(make_case())
    assert store.history("case-t1")[0].who == "tester" == store.user


# -- soft delete ---------------------------------------------------------------------------------------------------
def test_soft_delete_hides_and_restore_brings_back(store):
    saved = store.save(make_case())
    other = store.save(make_case("case-t2"))
    store.delete(saved.id)
    assert store.cases() == [other]
    assert not store.exists(saved.id) and store.exists(saved.id, include_deleted=True)
    with pytest.raises(NotFound) as info:
        store.get(saved.id)
    assert info.value.code == "errors.not_found" and info.value.params == {"id": saved.id}
    assert store.get(saved.id, include_deleted=True) == saved
    assert [c.id for c in store.cases(include_deleted=True)] == [saved.id, other.id]
    assert list(store.cases_frame()["case_id"]) == [other.id]
    assert list(store.needs_frame()["case_id"]) == [other.id]
    assert list(store.cases_frame(include_deleted=True)["deleted"]) == [True, False]

    store.delete(saved.id)  # again: nothing happens
    assert audit_count(store, saved.id) == 2
    with pytest.raises(CaseKitError) as info:
        store.save(saved.model_copy(update={"request": "x"}))
    assert info.value.code == "errors.deleted" and not isinstance(info.value, ConflictError)
    with pytest.raises(ConflictError):
        store.save(make_case())  # a "new" case cannot take a deleted case's id

    store.restore(saved.id)
    assert store.get(saved.id) == saved
    assert store.save(saved.model_copy(update={"request": "x"})).version == 2
    assert list(store.cases_frame()["case_id"]) == [saved.id, other.id]


def test_deleting_or_restoring_an_unknown_case_is_not_found(store):
    with pytest.raises(NotFound):
        store.delete("case-nope")
    with pytest.raises(NotFound):
        store.restore("case-nope")
    with pytest.raises(NotFound):
        store.get("case-nope")


# -- supervision sessions ------------------------------------------------------------------------------------------
def test_sessions_follow_the_same_rules(store):
    session = store.save_session(make_session(), user="eva")
    assert session.version == 1
    assert store.get_session("sup-1") == session and store.sessions() == [session]
    newer = store.save_session(session.model_copy(update={"reflections": "Jiné téma."}), user="petr")
    assert newer.version == 2
    with pytest.raises(ConflictError) as info:
        store.save_session(session.model_copy(update={"worker": "Someone"}))
    assert info.value.changed == ["reflections"] and info.value.changed_by == ["petr"]
    assert [(h.action, h.who) for h in store.session_history("sup-1")] == [("create", "eva"), ("update", "petr")]
    store.delete_session("sup-1")
    assert store.sessions() == [] and not store.session_exists("sup-1")
    store.restore_session("sup-1")
    assert store.sessions() == [newer]
    # sessions and cases live side by side without touching each other's ids or projections
    store.save(make_case("sup-1"))
    assert store.get("sup-1").id == store.get_session("sup-1").id == "sup-1"
    assert len(store.cases_frame()) == 1


# -- JSON import and export ----------------------------------------------------------------------------------------
def test_export_import_round_trip(store):
    saved = store.save(make_case())
    text_ = store.export_json(saved.id)
    assert json.loads(text_)["case"]["version"] == 1
    assert import_case(text_) == saved


def test_import_inserts_a_new_id_as_version_one(store):
    document = export_case(make_case().model_copy(update={"version": 7}))
    imported = store.import_json(document, user="importer")
    assert imported.version == 1 and store.get(imported.id) == imported
    assert store.history(imported.id)[0].who == "importer"


def test_import_updates_an_existing_id_only_from_the_current_version(store):
    saved = store.save(make_case())
    same = store.import_json(store.export_json(saved.id))
    assert same == saved  # unchanged: nothing written
    changed = store.import_json(export_case(saved.model_copy(update={"request": "Nová zakázka"})))
    assert changed.version == 2 and store.get(saved.id).request == "Nová zakázka"
    with pytest.raises(ConflictError):
        store.import_json(export_case(saved.model_copy(update={"request": "stale"})))
    with pytest.raises(InvalidData):
        store.import_json("{not json")
    assert store.get(saved.id).version == 2 and audit_count(store) == 2


# -- projections and frames ----------------------------------------------------------------------------------------
def test_projections_follow_every_save(store):
    saved = store.save(make_case())
    history = [*saved.model_dump()["phase_history"], {"phase": "linking", "date": "2024-06-01"}]
    store.save(edited(saved, actions=[], reviews=[], conferences=[], phase="linking", phase_history=history))
    with store.engine.connect() as conn:
        assert conn.execute(select(case_summary.c.phase, case_summary.c.version)).all() == [("linking", 2)]
        assert conn.execute(select(func.count()).select_from(case_actions)).scalar() == 0


def test_frames_from_the_store_equal_frames_from_cases(store):
    store.save(make_case("case-b"))
    store.save(make_case("case-a", request="Jiný případ"))
    store.save(make_case("case-c"))
    store.delete("case-c")
    live = store.cases()
    for name in frames.FRAMES:
        from_sql = store.frame(name)
        from_memory = frames.frame(name, live)
        pdt.assert_frame_equal(from_sql, from_memory)
        assert list(from_sql.columns) == list(frames.COLUMNS[name])
    needs = store.needs_frame()
    row = needs.iloc[0]
    assert (row["client_status"], row["worker_status"], row["actor_ratings"], bool(row["any_unmet"]),
            row["max_severity"], row["actor_count"]) == ("met", "unmet", 1, True, 4, 1)
    assert str(store.cases_frame()["opened"].dtype).startswith("datetime64")
    assert len(store.actors_frame()) == 4 and len(store.actions_frame()) == 2
    with pytest.raises(ValueError):
        store.frame("nonsense")


def test_frames_of_no_cases_are_empty_but_typed(store):
    for name in frames.FRAMES:
        pdt.assert_frame_equal(store.frame(name), frames.frame(name, []))
        assert list(store.frame(name).columns) == list(frames.COLUMNS[name])


# -- property tests ------------------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(case=cases())
def test_json_round_trip_of_any_valid_case(case):
    assert import_case(export_case(case)) == case


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=case_documents())
def test_store_round_trip_of_any_valid_case(store, document):
    case = Case.model_validate({**document, "id": f"case-{uuid.uuid4().hex}"})
    saved = store.save(case)
    assert saved == case.model_copy(update={"version": 1})
    assert store.get(case.id) == saved
    assert import_case(store.export_json(case.id)) == saved
    for name in ("needs", "actors", "actions"):
        pdt.assert_frame_equal(
            store.frame(name).query("case_id == @case.id").reset_index(drop=True), frames.frame(name, [saved]),
        )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions())
def test_store_round_trip_of_any_session(store, session):
    session = session.model_copy(update={"id": f"sup-{uuid.uuid4().hex}"})
    assert store.get_session(store.save_session(session).id) == session.model_copy(update={"version": 1})


# -- migrations and opening ----------------------------------------------------------------------------------------
def test_head_constant_matches_the_migration_scripts():
    assert HEAD == script_head()


def test_a_fresh_database_is_migrated_to_head_and_reopening_is_a_no_op(store_url):
    engine = create_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            assert current_revision(conn) is None
        assert upgrade(engine) is True
        with engine.connect() as conn:
            assert current_revision(conn) == HEAD
        assert upgrade(engine) is False
        with open_store(store_url) as store:
            assert store.cases() == []
    finally:
        engine.dispose()


def test_the_migrated_schema_matches_the_metadata(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_a_database_from_a_newer_casekit_is_refused(store_url):
    open_store(store_url).close()
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(CaseKitError) as info:
        open_store(store_url)
    assert info.value.code == "errors.store_newer"


def test_sqlite_is_tuned(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_reopening_an_up_to_date_store_skips_alembic(sqlite_url, monkeypatch):
    # opening must stay cheap: an up-to-date database never loads Alembic's machinery
    # (the time itself is measured in benchmarks/, not here)
    open_store(sqlite_url).close()
    import alembic.command

    def refuse(*args, **kwargs):
        raise AssertionError("Alembic ran on an up-to-date store")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    store = open_store(sqlite_url)
    assert store.exists("case-x") is False
    store.close()


def test_open_store_honours_casekit_db_as_a_path(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "mine.sqlite"
    monkeypatch.setenv("CASEKIT_DB", str(path))
    monkeypatch.setenv("CASEKIT_USER", "from-env")
    with casekit.open_store() as store:
        assert store.url == f"sqlite:///{path}" and store.user == "from-env"
        store.save(make_case())
    assert path.exists()
    with open_store(str(path)) as store:  # a plain path works as the argument too
        assert [c.id for c in store.cases()] == ["case-t1"]
        assert store.history("case-t1")[0].who == "from-env"


def test_open_store_honours_casekit_db_as_a_url(store_url, monkeypatch):
    monkeypatch.setenv("CASEKIT_DB", store_url)
    with open_store(user="explicit") as store:
        assert store.user == "explicit"
        assert store.url.split("://")[0] in ("sqlite", "postgresql+psycopg")
        store.save(make_case())
    with open_store(store_url) as store:
        assert store.exists("case-t1")


def test_the_default_store_is_in_the_user_data_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("CASEKIT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "xdg" / "casekit"))
    with open_store() as store:
        assert store.url == f"sqlite:///{tmp_path / 'xdg' / 'casekit' / 'casekit.sqlite'}"
    assert (tmp_path / "xdg" / "casekit" / "casekit.sqlite").exists()


@pytest.mark.parametrize("given_url,driver", [
    ("postgresql://u:p@db.example/cases", "postgresql+psycopg"),
    ("postgres://u@db.example/cases", "postgresql+psycopg"),
    ("postgresql+psycopg://u@db.example/cases", "postgresql+psycopg"),
    ("sqlite:///:memory:", "sqlite"),
])
def test_urls_are_resolved(given_url, driver):
    assert resolve_url(given_url).drivername == driver


def test_an_in_memory_store_works():
    with open_store("sqlite://") as store:
        store.save(make_case())
        assert store.get("case-t1").version == 1


def test_an_unreachable_server_is_a_readable_error():
    with pytest.raises(CaseKitError) as info:
        open_store("postgresql://nobody@127.0.0.1:1/nothing")
    assert info.value.code == "errors.store_unavailable"
    assert "127.0.0.1" in info.value.message("cs")
    with pytest.raises(CaseKitError) as info:
        open_store("/proc/no-such-folder/casekit.sqlite")  # a folder that cannot be created
    assert info.value.code == "errors.store_unavailable"
