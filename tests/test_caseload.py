"""The caseload dashboard on the five bundled examples, checked against numbers worked out by hand.

Both implementations (SQL over the store, on SQLite and PostgreSQL; pure Python over Case objects) must give
these numbers. The hand calculation, for as_of = 2026-11-25 (from data/examples/build_examples.py):

Open on that day: carer (opened 2025-01-20), family (2025-01-13), psychosis (2023-10-09). Closed before it:
senior-dementia (closed 2025-06-30) and young-adult (closed 2026-06-24): listed, but no load and no alerts.

days_in_phase (phase_since = date of the last phase change):
  carer      monitoring since 2025-10-01: 365 (to 2026-10-01) + 30 + 25 (Oct, Nov)            = 420
  family     monitoring since 2025-09-17: 365 + 13 (rest of Sep) + 31 (Oct) + 25             = 434
  psychosis  monitoring since 2025-05-05: 365 + 26 + 30 + 31 + 31 + 30 + 31 + 25 (May–Nov)   = 569
  senior     closed since 2025-06-30:     365 + 31 + 31 + 30 + 31 + 25 (Jul–Nov)            = 513
  young      closed since 2026-06-24:     6 + 31 + 31 + 30 + 31 + 25                        = 154
last contact = latest opening / phase change / conference / review on or before as_of:
  carer review rev-5 2026-11-11 (14 days); family and psychosis reviews 2026-10-14 (17 + 25 = 42 days).
next review: the review planned at the last conference was held in every case (carer: conf-3 2026-05-13
planned 2026-11-11, rev-5 held 2026-11-11 > 2026-05-13), so the routine review is due 182 days after the last
review: carer 2026-11-11 + 182 = 2027-05-12 (19 + 31 + 31 + 28 + 31 + 30 + 12); family and psychosis
2026-10-14 + 182 = 2027-04-14 (17 + 30 + 31 + 31 + 28 + 31 + 14). None overdue on 2026-11-25.
open (planned / in progress / blocked) and overdue actions:
  carer      e-trial-stay, blocked, due 2026-10-31                         → 1 open, 1 overdue (25 days)
  family     b-parttime, in progress, due 2026-10-31                       → 1 open, 1 overdue (25 days)
  psychosis  d-debt-advice, blocked, due 2024-12-31 (365 + 329 = 694 days);
             d-cannabis, in progress, due 2025-06-30 (365 + 148 = 513 days) → 2 open, 2 overdue
  senior, young: every action done or cancelled                           → 0
unmet needs (every example need is rated unmet by at least one perspective): carer 10 (3 of high priority:
  care, mental, physical health), family 11 (7 high), psychosis 12 (6 high), senior 12 (9), young 10 (5).
GAS, T = 50 + 10·Σwx / √(0.7·Σw² + 0.3·(Σw)²), last two scored reviews:
  carer (weights: rest 2, others 1; Σw = 6, Σw² = 8, √16.4 = 4.0497)
      rev-4: 2·1 + 1 + 0 + 1 + 1 = 5 → 62.347;  rev-5: 2·1 + 2 + 0 + 1 + 2 = 7 → 67.285   → up
  family (5 goals of weight 1, √11 = 3.3166)
      rev-5: 1 + 2 + 1 + 1 + 1 = 6 → 68.091;    rev-6: 1 + 1 + 1 + 0 + 1 = 4 → 62.060      → down
  psychosis (calm weight 2; Σw = 5, Σw² = 7, √12.4 = 3.5214)
      rev-6: 1 + 2·1 + 1 + 1 = 5 → 64.199;      rev-7: 1 + 2·2 + 1 + 1 = 7 → 69.879       → up
  senior rev-4: 1 + 2 + 1 − 2 + 1 = 3 of 5 goals → 59.045; rev-5 scores 4 goals (√7.6 = 2.7568):
      2 + 2 + 1 + 1 = 6 → 71.764 → up.   young rev-5: 4 → 64.510; rev-6: 5 → 68.137 → up
Alerts with the default thresholds (no contact 60 days, monitoring stalled after 365):
  psychosis: 2 × action_overdue + phase_stalled (569); carer: action_overdue + phase_stalled (420);
  family: action_overdue + phase_stalled (434); nobody 60 days without contact → 7 alerts.
Workers (one case each): psychosis' worker runs an assertive community team, load 1/10 = 0.1; carer's and
family's workers 1/20 = 0.05; the two with only closed cases 0.
"""
from datetime import date

import pandas as pd
import pytest

from casekit import examples, load_example
from casekit.caseload import Alert, AlertKind, Thresholds, caseload

AS_OF = date(2026, 11, 25)
CARER, FAMILY, PSYCHOSIS = ("example-carer-disabled-relative", "example-family-children-at-risk",
                            "example-psychosis-homelessness")
SENIOR, YOUNG = "example-senior-dementia", "example-young-adult-leaving-care"


@pytest.fixture(scope="module")
def cases():
    return [load_example(name, "en") for name in examples()]


@pytest.fixture
def filled(store, cases):
    for case in cases:
        store.save(case.model_copy(update={"version": 0}))
    return store


@pytest.fixture(params=["sql", "python"])
def board(request, filled, cases):
    """The dashboard from the store in SQL, and from the Case objects in Python."""
    source = filled if request.param == "sql" else cases
    return caseload(source, as_of=AS_OF)


def _row(board, case_id) -> dict:
    return board.cases.set_index("case_id").loc[case_id].to_dict()


def test_days_in_phase_contact_and_next_review(board):
    expected = {  # case: (open, phase_since, days_in_phase, last_contact, days_since_contact, next_review)
        CARER: (True, date(2025, 10, 1), 420, date(2026, 11, 11), 14, date(2027, 5, 12)),
        FAMILY: (True, date(2025, 9, 17), 434, date(2026, 10, 14), 42, date(2027, 4, 14)),
        PSYCHOSIS: (True, date(2025, 5, 5), 569, date(2026, 10, 14), 42, date(2027, 4, 14)),
        SENIOR: (False, date(2025, 6, 30), 513, date(2025, 6, 30), 513, None),
        YOUNG: (False, date(2026, 6, 24), 154, date(2026, 6, 24), 154, None),
    }
    for case_id, (is_open, since, days, contact, quiet, review) in expected.items():
        row = _row(board, case_id)
        assert row["open"] is is_open, case_id
        assert row["phase_since"].date() == since and row["days_in_phase"] == days, case_id
        assert row["last_contact"].date() == contact and row["days_since_contact"] == quiet, case_id
        assert (None if pd.isna(row["next_review"]) else row["next_review"].date()) == review, case_id
        assert row["review_overdue"] is False, case_id
    assert _row(board, CARER)["review_due_source"] == "routine"


def test_actions_needs_and_gas_trend(board):
    expected = {  # case: (open actions, overdue, unmet needs, high-priority unmet, GAS previous, last, trend)
        CARER: (1, 1, 10, 3, 62.347, 67.285, "up"),
        FAMILY: (1, 1, 11, 7, 68.091, 62.060, "down"),
        PSYCHOSIS: (2, 2, 12, 6, 64.199, 69.879, "up"),
        SENIOR: (0, 0, 12, 9, 59.045, 71.764, "up"),
        YOUNG: (0, 0, 10, 5, 64.510, 68.137, "up"),
    }
    for case_id, (open_, late, unmet, high, previous, last, trend) in expected.items():
        row = _row(board, case_id)
        assert (row["open_actions"], row["overdue_actions"]) == (open_, late), case_id
        assert (row["unmet_needs"], row["high_unmet_needs"]) == (unmet, high), case_id
        assert row["gas_previous"] == pytest.approx(previous, abs=5e-4), case_id
        assert row["gas_last"] == pytest.approx(last, abs=5e-4), case_id
        assert row["gas_trend"] == trend, case_id


def test_alerts_with_default_thresholds(board):
    got = sorted((a.case_id, a.kind.value, a.since, a.days) for a in board.alerts)
    assert got == sorted([
        (PSYCHOSIS, "action_overdue", date(2024, 12, 31), 694),
        (PSYCHOSIS, "action_overdue", date(2025, 6, 30), 513),
        (PSYCHOSIS, "phase_stalled", date(2025, 5, 5), 569),
        (CARER, "action_overdue", date(2026, 10, 31), 25),
        (CARER, "phase_stalled", date(2025, 10, 1), 420),
        (FAMILY, "action_overdue", date(2026, 10, 31), 25),
        (FAMILY, "phase_stalled", date(2025, 9, 17), 434),
    ])
    refs = {a.ref for a in board.alerts if a.kind == AlertKind.ACTION_OVERDUE}
    assert refs == {"d-debt-advice", "d-cannabis", "e-trial-stay", "b-parttime"}
    assert dict(zip(board.cases["case_id"], board.cases["alerts"])) == {
        CARER: 2, FAMILY: 2, PSYCHOSIS: 3, SENIOR: 0, YOUNG: 0}


def test_workers_against_the_norm(board):
    workers = board.workers.set_index("worker")
    by_case = dict(zip(board.cases["case_id"], board.cases["worker"]))
    psychosis = workers.loc[by_case[PSYCHOSIS]]
    assert (psychosis["team_model"], psychosis["norm"], psychosis["open_cases"]) == ("assertive_community", 10, 1)
    assert psychosis["load"] == pytest.approx(0.1)
    assert (psychosis["overdue_actions"], psychosis["phase_stalled"], psychosis["alerts"]) == (2, 1, 3)
    for case_id in (CARER, FAMILY):
        row = workers.loc[by_case[case_id]]
        assert (row["norm"], row["open_cases"], row["load"]) == (20, 1, pytest.approx(0.05))
    for case_id in (SENIOR, YOUNG):
        row = workers.loc[by_case[case_id]]
        assert (row["open_cases"], row["closed_cases"], row["load"], row["alerts"]) == (0, 1, 0.0, 0)
    assert not workers["over_norm"].any()
    assert list(board.workers["worker"]) == sorted(board.workers["worker"])


def test_thresholds_change_the_alerts(filled, cases):
    # 30 days without contact: family and psychosis (42 days) but not carer (14)
    for source in (filled, cases):
        board = caseload(source, as_of=AS_OF, thresholds=Thresholds(no_contact_days=30))
        quiet = {(a.case_id, a.since, a.days) for a in board.alerts if a.kind == AlertKind.NO_CONTACT}
        assert quiet == {(FAMILY, date(2026, 10, 14), 42), (PSYCHOSIS, date(2026, 10, 14), 42)}
        # monitoring stalled only after 500 days: psychosis (569) alone; a partial dict keeps the other phases
        board = caseload(source, as_of=AS_OF, thresholds={"phase_stalled_days": {"monitoring": 500}})
        assert {a.case_id for a in board.alerts if a.kind == AlertKind.PHASE_STALLED} == {PSYCHOSIS}
        assert board.thresholds.stalled_after("contact") == 30
        # a norm of 5 clients per individual case manager: 1 case = 0.2 of a full caseload
        board = caseload(source, as_of=AS_OF, thresholds=Thresholds(norms={"individual": 5}, over_norm_ratio=0.15))
        workers = board.workers.set_index("worker")
        carer = workers.loc[_row(board, CARER)["worker"]]
        assert carer["load"] == pytest.approx(0.2) and carer["over_norm"]


def test_review_overdue_later_on(filled, cases):
    # On 2027-05-01 the routine reviews of family and psychosis (due 2027-04-14) are 17 days overdue
    # (16 days of April + 1); carer's (2027-05-12) is not yet due.
    for source in (filled, cases):
        board = caseload(source, as_of=date(2027, 5, 1))
        overdue = {(a.case_id, a.since, a.days, a.detail) for a in board.alerts if a.kind == AlertKind.REVIEW_OVERDUE}
        assert overdue == {(FAMILY, date(2027, 4, 14), 17, "routine"), (PSYCHOSIS, date(2027, 4, 14), 17, "routine")}


def test_a_planned_review_not_held_is_overdue(store, cases):
    # Without its last review (rev-5 of 2026-11-11) the carer case has only rev-4, held on the day of conf-3
    # (2026-05-13), not after it: the review planned for 2026-11-11 is pending and 14 days overdue.
    carer = next(c for c in cases if c.id == CARER)
    carer = carer.model_copy(update={"reviews": carer.reviews[:-1], "version": 0})
    store.save(carer)
    for source in (store, [carer]):
        board = caseload(source, as_of=AS_OF)
        row = _row(board, CARER)
        assert (row["next_review"].date(), row["review_due_source"], row["review_overdue"]) == (
            date(2026, 11, 11), "planned", True)
        assert row["last_contact"].date() == date(2026, 5, 13)  # conference and review on the same day
        alert = next(a for a in board.alerts if a.kind == AlertKind.REVIEW_OVERDUE)
        assert (alert.since, alert.days, alert.detail) == (date(2026, 11, 11), 14, "planned")
        assert alert.message("en") == (
            "Ms H. (example-carer-disabled-relative): the planned review due on 2026-11-11 is 14 days overdue.")
        assert alert.message("cs") == (
            "Ms H. (example-carer-disabled-relative): plánovaná revize s termínem 11. 11. 2026 je 14 dní po termínu.")


def test_filter(board):
    psychosis_worker = _row(board, PSYCHOSIS)["worker"]
    only = board.filter(worker=psychosis_worker)
    assert list(only.cases["case_id"]) == [PSYCHOSIS]
    assert list(only.workers["worker"]) == [psychosis_worker] and len(only.alerts) == 3
    assert set(board.filter(phase="closed").cases["case_id"]) == {SENIOR, YOUNG}
    assert board.filter(phase=["closed"]).alerts == []
    late = board.filter(alert="action_overdue")
    assert set(late.cases["case_id"]) == {CARER, FAMILY, PSYCHOSIS}
    assert {a.kind for a in late.alerts} == {AlertKind.ACTION_OVERDUE}
    assert len(board.filter(alert=AlertKind.REVIEW_OVERDUE)) == 0
    assert len(board) == 5


def test_alert_messages_in_both_languages(board):
    stalled = next(a for a in board.alerts if a.kind == AlertKind.PHASE_STALLED and a.case_id == PSYCHOSIS)
    assert stalled.message("en") == (
        "Mr R. (example-psychosis-homelessness): in the phase “Monitoring” for 569 days (since 2025-05-05).")
    assert stalled.message("cs") == (
        "Mr R. (example-psychosis-homelessness): ve fázi „Monitorování“ už 569 dní (od 5. 5. 2025).")
    late = next(a for a in board.alerts if a.ref == "b-parttime")
    assert "was due on 2026-10-31, 25 days ago" in late.message("en")
    assert "měl být splněn 31. 10. 2026, je 25 dní po termínu" in late.message("cs")
    frame = board.alerts_frame("cs")
    assert list(frame.columns) == ["kind", "case_id", "worker", "detail", "since", "days", "client", "ref",
                                   "message"]
    assert len(frame) == 7 and frame["message"].str.contains("dní").all()


def test_day_counts_in_czech():
    one = Alert(AlertKind.NO_CONTACT, "c", "w", "", date(2026, 1, 1), days=1, client="K.")
    few = Alert(AlertKind.NO_CONTACT, "c", "w", "", date(2026, 1, 1), days=3, client="K.")
    assert "1 den" in one.message("cs") and "3 dny" in few.message("cs") and "1 day " in one.message("en")


def test_text_table_for_the_command_line(board):
    text = board.to_text("cs")
    assert text.startswith("Případy pracovníků k 25. 11. 2026")
    assert "Asertivní komunitní tým" in text and "Upozornění (7)" in text
    assert "Caseload on 2026-11-25" in board.to_text("en")


def test_thresholds_are_checked():
    with pytest.raises(ValueError):
        Thresholds(norms={"individual": 0})
    with pytest.raises(ValueError):
        Thresholds(no_contact_days=0)
    with pytest.raises(ValueError):
        Thresholds(unknown=1)
    assert Thresholds(phase_stalled_days={"monitoring": None}).stalled_after("monitoring") is None
    assert Thresholds().norm("brokerage") == 35


def test_empty_store_and_bad_arguments(store):
    board = caseload(store, as_of=AS_OF)
    assert len(board.cases) == 0 and len(board.workers) == 0 and board.alerts == []
    assert "No cases." in board.to_text("en")
    assert list(caseload([], as_of=AS_OF).cases.columns) == list(board.cases.columns)
    with pytest.raises(ValueError):
        caseload([], method="sql")
    with pytest.raises(TypeError):
        caseload(["not a case"])


def test_deleted_cases_are_left_out(filled):
    filled.delete(PSYCHOSIS)
    board = caseload(filled, as_of=AS_OF)
    assert PSYCHOSIS not in set(board.cases["case_id"]) and len(board.cases) == 4
    pd.testing.assert_frame_equal(board.cases, caseload(filled, as_of=AS_OF, method="python").cases)


def test_as_of_defaults_to_today(cases):
    assert caseload(cases).as_of == date.today()


def test_cli_prints_the_worker_table(tmp_path, cases, capsys):
    from casekit.cli import main
    from casekit.store import open_store

    db = tmp_path / "cli.sqlite"
    with open_store(f"sqlite:///{db}") as store:
        for case in cases:
            store.save(case.model_copy(update={"version": 0}))
    worker = next(c.case_manager for c in cases if c.id == PSYCHOSIS)
    assert main(["--lang", "en", "--db", str(db), "caseload", "--as-of", "25. 11. 2026", "--worker", worker]) == 0
    out = capsys.readouterr().out
    assert "Caseload on 2026-11-25" in out and "Alerts (3)" in out and "Assertive community team" in out
    assert main(["--db", str(db), "caseload", "--as-of", "yesterday"]) == 2
    assert "yesterday" in capsys.readouterr().err
