"""The SQL implementation (over the store) and the Python one (over Case objects) give equal frames.

On the examples, on seeded synthetic caseloads (realistic shape: overdue actions, reviews with GAS scores,
closed cases) and on arbitrary valid cases from the Hypothesis strategies (unicode names, odd dates, weights),
on several days, on SQLite and PostgreSQL. The same holds for the gap analysis's frames.
"""
from datetime import date
import itertools

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit import examples, load_example
from casekit.caseload import caseload
from casekit.caseload.synthetic import synthetic_cases
from casekit.gaps import gap_analysis
from casekit.model import Case

from strategies import case_documents

DAYS = (date(2026, 11, 25), date(2024, 6, 1), date(2031, 1, 1))


def assert_same(store, cases, as_of, thresholds=None):
    sql = caseload(store, as_of=as_of, thresholds=thresholds)
    python = caseload(cases, as_of=as_of, thresholds=thresholds)
    pd.testing.assert_frame_equal(sql.cases, python.cases, check_exact=False, rtol=1e-9)
    pd.testing.assert_frame_equal(sql.workers, python.workers, check_exact=False, rtol=1e-9)
    assert sql.alerts == python.alerts
    gaps_sql = gap_analysis(store, as_of=as_of, lang="en")
    gaps_python = gap_analysis(cases, as_of=as_of, lang="en")
    for name, frame in gaps_sql.frames.items():
        pd.testing.assert_frame_equal(frame, gaps_python.frames[name], obj=name)
    assert gaps_sql.summary == gaps_python.summary
    return sql


def _fill(store, cases):
    return [store.save(case.model_copy(update={"version": 0})) for case in cases]


def test_examples_agree(store):
    cases = _fill(store, [load_example(name, lang) for name in examples() for lang in ("en",)])
    for as_of in DAYS:
        assert_same(store, cases, as_of)


def test_synthetic_caseload_agrees(store):
    cases = _fill(store, synthetic_cases(120, seed=11))
    boards = [assert_same(store, cases, as_of) for as_of in DAYS]
    # the data really exercises the alerts and trends (not all empty)
    kinds = {a.kind.value for a in boards[0].alerts}
    assert {"action_overdue", "no_contact", "phase_stalled", "review_overdue"} <= kinds
    assert set(boards[0].cases["gas_trend"].dropna()) == {"up", "down", "flat"}
    assert assert_same(store, cases, DAYS[0], {"no_contact_days": 1, "gas_flat_band": 0}).alerts


_counter = itertools.count()


@pytest.fixture(scope="module")
def hypothesis_store(tmp_path_factory):
    """One SQLite store for all Hypothesis examples (each example's cases are deleted after it)."""
    from casekit.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('caseload-hyp') / 'h.sqlite'}", user="tester")
    yield store
    store.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents=st.lists(case_documents(), min_size=1, max_size=5),
       as_of=st.dates(date(1995, 1, 1), date(2045, 12, 31)))
def test_arbitrary_cases_agree(hypothesis_store, documents, as_of):
    batch = next(_counter)
    # ids unique across examples (the store keeps soft-deleted ones)
    cases = [Case.model_validate({**document, "id": f"h{batch}-{number}"})
             for number, document in enumerate(documents)]
    saved = _fill(hypothesis_store, cases)
    try:
        assert_same(hypothesis_store, saved, as_of)
    finally:
        for case in saved:
            hypothesis_store.delete(case.id)


@pytest.mark.parametrize("as_of", DAYS)
def test_examples_in_czech_agree_with_english(as_of):
    # the codes and numbers of both language versions are the same, so are the frames (except texts)
    english = caseload([load_example(n, "en") for n in examples()], as_of=as_of).cases
    czech = caseload([load_example(n, "cs") for n in examples()], as_of=as_of).cases
    numbers = [c for c in english.columns if c not in ("display_name", "worker", "target_group", "municipality")]
    pd.testing.assert_frame_equal(english[numbers], czech[numbers])
