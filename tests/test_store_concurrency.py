"""Many writers, few cases: optimistic concurrency loses no update and audits exactly what was saved.

Each writer has its own store (own engine and connections), loops get → change → save and counts a
ConflictError as a refused attempt. Every attempt appends a marker unique to it to the case's request, so the
final documents and the audit trail show which attempts were stored.
"""
from __future__ import annotations

import random
import threading
import time
from collections import Counter, defaultdict

import pytest
from sqlalchemy import select

from casekit import Case, ConflictError
from casekit.store import open_store
from casekit.store.schema import audit
from factories import case_dict


def _markers(request: str) -> list[str]:
    return request.split()[1:]  # the first word is the seed text


def hammer(url: str, *, writers: int, attempts: int, cases: int, seed: int = 1) -> tuple[int, int]:
    """Run the writers and check the outcome; returns (saved, refused) attempts."""
    case_ids = [f"case-c{n}" for n in range(cases)]
    with open_store(url, user="setup") as store:
        for case_id in case_ids:
            store.save(Case.model_validate({**case_dict(case_id), "request": "start"}))

    results: list[tuple[str, str, bool]] = []  # (marker, case id, saved?)
    failures: list[BaseException] = []
    barrier = threading.Barrier(writers)

    def writer(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        mine = []
        try:
            with open_store(url, user=f"writer-{number}") as store:
                barrier.wait(timeout=60)
                for attempt in range(attempts // writers):
                    case_id = rng.choice(case_ids)
                    marker = f"w{number}a{attempt}"
                    case = store.get(case_id)
                    time.sleep(rng.random() * 0.002)  # think time: widens the window for a conflict
                    try:
                        store.save(case.model_copy(update={"request": f"{case.request} {marker}"}))
                        mine.append((marker, case_id, True))
                    except ConflictError as error:
                        assert error.record_id == case_id and error.changed == ["request"]
                        assert error.changed_by and "writer-" in error.changed_by[0]
                        mine.append((marker, case_id, False))
        except BaseException as exc:  # reported below
            failures.append(exc)
        results.extend(mine)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not failures, failures
    assert len(results) == attempts // writers * writers

    saved = [r for r in results if r[2]]
    refused = {r[0] for r in results if not r[2]}
    saved_by_case = defaultdict(list)
    for marker, case_id, _ in saved:
        saved_by_case[case_id].append(marker)
    assert saved and refused, "the test did not produce both outcomes"

    with open_store(url) as store:
        with store.engine.connect() as conn:
            entries = conn.execute(
                select(audit.c.record_id, audit.c.version, audit.c.action, audit.c.after).order_by(audit.c.id)
            ).all()
        actions = Counter(e.action for e in entries)
        assert actions["update"] == len(saved)
        assert actions["create"] == cases and set(actions) == {"create", "update"}
        for case_id in case_ids:
            final = store.get(case_id)
            successes = saved_by_case[case_id]
            assert final.version == 1 + len(successes)
            stored_markers = _markers(final.request)
            assert len(stored_markers) == len(set(stored_markers))
            assert set(stored_markers) == set(successes)  # no update lost, no refused one stored
            # the audit trail is one line: each entry adds exactly one marker to the one before
            trail = [e for e in entries if e.record_id == case_id]
            assert [e.version for e in trail] == list(range(1, len(trail) + 1))
            previous: list[str] = []
            for entry in trail:
                markers = _markers(Case.model_validate_json(entry.after).request)
                assert markers[:-1] == previous or (entry.action == "create" and markers == [])
                assert not set(markers) & refused
                previous = markers
            assert previous == stored_markers
    return len(saved), len(refused)


@pytest.mark.postgres
def test_parallel_writers_on_postgresql(pg_database):
    hammer(pg_database, writers=8, attempts=1000, cases=5)


def test_parallel_writers_on_sqlite(sqlite_url):
    hammer(sqlite_url, writers=4, attempts=200, cases=3)
