"""The store with one large case: five years of history, opened (``store.get``) and saved after one edit
(``store.save``), against the raw database calls.

``large_case_document()`` builds the case (seeded, valid under the model's rules): 60 monthly conferences
(6 participants, 5 agenda items, 3 decisions, notes), 1,000 actions agreed at them (about 17 each, with owner,
due date, status, need and goal), one review per conference (GAS scores, the previous conference's action
status changes: about 1,000 in all), 18 needs (one per life domain, rated by the client, the worker and two
actors), 40 actors, 30 goals with GAS levels, the phase history, consents and a crisis plan.
``large_assessments()`` gives the needs assessments the app would have stored for it (client and worker at
every conference: 120 records).

Timed, alternately, after warm-up runs (ratio = median / median):

- open: ``store.get(case_id)`` (SQLAlchemy SELECT, pydantic ``model_validate_json``) against the baseline: a raw
  driver SELECT of the record's JSON and ``json.loads``;
- save of one edit (one need rating changed; the edited ``Case`` is built before the clock starts):
  ``store.save(case)`` (validation, JSON, optimistic-concurrency check, UPDATE, audit entry with the new
  document, the changed query projection rows written) against the baseline: ``json.dumps`` of the edited
  document and a raw ``UPDATE`` of one row (same database, a table of its own) and COMMIT.

Where the time of a save goes is measured separately (``breakdown``). SQLite: a file in WAL mode, as the store
opens it. PostgreSQL (optional): a throw-away server from ``benchmarks/pgserver.py`` (fsync off).
"""
from __future__ import annotations

import gc
import json
import random
import time
from datetime import date, timedelta

AS_OF = date(2026, 11, 25)
CASE_ID = "bench-large-case"
CONFERENCES, ACTIONS, ACTORS, GOALS = 60, 1000, 40, 30
SERVICES = ("svc-mu-brodce-sp", "svc-cdz", "svc-pl-brodce", "svc-psych-brodce", "svc-sas-rodiny",
            "svc-terenni-program", "svc-pecovatelska-charita", "svc-up-brodce-davky", "svc-poradna")
SECTORS = ("social", "health", "housing", "finance", "legal", "education", "employment", "community",
           "public_administration")
WORDS = ("rent", "arrears", "school", "doctor", "benefit", "payment plan", "landlord", "court", "guardian",
         "debt advice", "job centre", "medication", "therapy", "visit", "letter", "application", "neighbour",
         "transport", "appointment", "housing office", "social worker", "form", "deadline", "family meeting")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def large_case_document(seed: int = 5, as_of: date = AS_OF) -> dict:
    """A plain case document (``Case.model_validate`` takes it): five years of monthly conferences."""
    from casekit.vocab import LifeDomain

    rng = random.Random(seed)
    opened = as_of - timedelta(days=5 * 365 + 1)
    phases = [("contact", 0), ("assessment", 14), ("planning", 30), ("linking", 60), ("advocacy", 365),
              ("monitoring", 730)]
    history = [{"phase": p, "date": opened + timedelta(days=d), "note": _sentence(rng, 6)} for p, d in phases]
    actors = []
    for i in range(ACTORS):
        if i % 3 == 2:
            actors.append({"id": f"actor-{i:02d}", "name": f"Neighbour {i}", "kind": "person", "sector": "informal",
                           "formal": False, "phone": "+420 600 000 000", "provides": _sentence(rng, 8),
                           "relationship": {"kind": rng.choice(("strong", "tenuous", "stressful")),
                                            "flow": "mutual", "since": opened + timedelta(days=rng.randint(0, 900))}})
        else:
            actors.append({"id": f"actor-{i:02d}", "name": f"Service {i}", "sector": rng.choice(SECTORS),
                           "contact_person": f"Contact {i}", "email": f"contact{i}@example.org",
                           "provides": _sentence(rng, 10), "area": "Brodce nad Jalovkou",
                           "catalogue_id": rng.choice(SERVICES),
                           "relationship": {"kind": rng.choice(("strong", "tenuous")), "flow": "to_client",
                                            "since": opened + timedelta(days=rng.randint(0, 900))}})
    actor_ids = [a["id"] for a in actors]
    statuses = ("no_need", "met", "unmet", "unknown")
    needs = []
    for domain in LifeDomain:
        linked = rng.sample(actor_ids, rng.randint(2, 4))
        ratings = [{"perspective": "client", "status": rng.choice(statuses)},
                   {"perspective": "worker", "status": rng.choice(statuses[:3]), "severity": rng.randint(1, 5),
                    "note": _sentence(rng, 8)}]
        ratings += [{"perspective": "actor", "actor_id": a, "status": rng.choice(statuses)} for a in linked[:2]]
        needs.append({"id": f"need-{domain.value}", "domain": domain.value, "description": _sentence(rng, 12),
                      "ratings": ratings, "priority": rng.choice(("high", "medium", "low")), "actor_ids": linked})
    need_ids = [n["id"] for n in needs]
    goals = [{"id": f"goal-{i:02d}", "text": _sentence(rng, 9),
              "levels": {level: _sentence(rng, 5) for level in (-2, -1, 0, 1, 2)},
              "weight": rng.choice((1.0, 1.0, 2.0)), "baseline": -1, "need_ids": rng.sample(need_ids, 2),
              "created": opened + timedelta(days=30 + 60 * i)} for i in range(GOALS)]
    conference_dates = [opened + timedelta(days=20 + 30 * i) for i in range(CONFERENCES)]
    owners = actor_ids + ["client", "case_manager"]
    actions, conferences, reviews = [], [], []
    per_conference: list[list[str]] = []
    for i, when in enumerate(conference_dates):
        ids = []
        for n in range(i * ACTIONS // CONFERENCES, (i + 1) * ACTIONS // CONFERENCES):
            old = i < CONFERENCES - 3
            goal = rng.choice(goals[: max(1, min(GOALS, 1 + i // 2))])
            actions.append({"id": f"action-{n:04d}", "what": _sentence(rng, 10), "owner_id": rng.choice(owners),
                            "due": when + timedelta(days=rng.randint(14, 90)),
                            "status": rng.choice(("done", "done", "done", "cancelled", "blocked")) if old
                            else rng.choice(("planned", "in_progress")),
                            "need_id": rng.choice(goal["need_ids"]), "goal_id": goal["id"], "created": when})
            ids.append(f"action-{n:04d}")
        per_conference.append(ids)
        people = [{"name": "Client", "role": "client", "consent": True, "confidentiality_acknowledged": True},
                  {"name": "Case manager", "role": "case_manager", "consent": True,
                   "confidentiality_acknowledged": True}]
        for actor_id in rng.sample(actor_ids, 4):
            people.append({"name": f"Participant {actor_id}", "role": "professional", "actor_id": actor_id,
                           "consent": True, "confidentiality_acknowledged": True})
        conferences.append({
            "id": f"conf-{i:02d}", "date": when, "place": "Town hall", "facilitator": "Case manager",
            "minute_taker": "Assistant", "participants": people,
            "agenda": [{"title": _sentence(rng, 4), "minutes": rng.choice((5, 10, 15))} for _ in range(5)],
            "decisions": [{"text": _sentence(rng, 12)}, {"text": _sentence(rng, 10)},
                          {"text": _sentence(rng, 10), "dissent": _sentence(rng, 8), "dissent_by": ["Client"]}],
            "action_ids": ids, "next_review": when + timedelta(days=30), "notes": _sentence(rng, 60),
            "language": "en",
        })
        active = [g["id"] for g in goals if g["created"] <= when]
        reviews.append({
            "id": f"review-{i:02d}", "date": when, "conference_id": f"conf-{i:02d}", "notes": _sentence(rng, 30),
            "gas_scores": {g: rng.randint(-2, 2) for g in rng.sample(active, min(len(active), 8))},
            "action_changes": [{"action_id": a, "status": rng.choice(("in_progress", "done", "blocked"))}
                               for a in (per_conference[i - 1] if i else [])],
        })
    return {
        "id": CASE_ID,
        "client": {"display_name": "L. family", "birth_year": 1984, "gender": "female",
                   "municipality": "Brodce nad Jalovkou", "household": "mother and three children",
                   "languages": ["cs", "en"],
                   "consents": [{"date": opened, "scope": scope, "given_by": "L."}
                                for scope in ("data_processing", "sharing_with_network", "case_conference")]},
        "case_manager": "Worker 007", "team_model": "individual", "phase": "monitoring", "phase_history": history,
        "target_group": "families with children", "referral_source": "school", "request": _sentence(rng, 40),
        "strengths": [_sentence(rng, 8) for _ in range(6)], "wishes": [_sentence(rng, 8) for _ in range(4)],
        "opened": opened, "needs": needs, "actors": actors, "goals": goals, "actions": actions,
        "reviews": reviews, "conferences": conferences,
        "crisis_plan": {"written_on": opened + timedelta(days=100), "when_well": _sentence(rng, 20),
                        "triggers": [_sentence(rng, 3) for _ in range(4)],
                        "early_signs": [_sentence(rng, 3) for _ in range(4)], "what_helps": _sentence(rng, 20),
                        "contacts": [{"name": "Crisis line", "phone": "+420 116 111"}]},
        "language": "en",
    }


def large_case():
    from casekit.model import Case

    return Case.model_validate(large_case_document())


def large_assessments(case) -> list:
    """The needs assessments of the client and the worker at every conference of ``case``."""
    from casekit.instruments import Assessment, builtin
    from casekit.conference.needs import INSTRUMENT_ID, assessment_id

    instrument = builtin(INSTRUMENT_ID)
    rng = random.Random(11)
    found = []
    for conference in case.conferences:
        for perspective, rater in (("client", case.client.display_name), ("worker", case.case_manager)):
            answers = {}
            for need in case.needs:
                status = rng.choice((0, 1, 2, 2, 9))
                answers[f"{need.domain.value}_status"] = status
                if status in (1, 2):
                    answers[f"{need.domain.value}_severity"] = rng.randint(1, 5)
            found.append(Assessment(
                id=assessment_id(conference.id, perspective, None), instrument_id=instrument.id,
                instrument_version=instrument.version, case_id=case.id, date=conference.date, rater=rater,
                perspective=perspective, answers=answers).check(instrument, complete=False))
    return found


def build_large_store(url: str, *, with_assessments: bool = True, demo: bool = True, lang: str = "en"):
    """A store at ``url`` with the large case (and, optionally, its assessments and the bundled examples)."""
    from casekit import examples, load_example
    from casekit.instruments import builtin
    from casekit.store import open_store
    from casekit.conference.needs import INSTRUMENT_ID

    store = open_store(url, user="bench")
    if demo:
        for name in examples():
            store.save(load_example(name, lang).model_copy(update={"version": 0}))
    case = store.save(large_case())
    if with_assessments:
        instrument = builtin(INSTRUMENT_ID)
        for assessment in large_assessments(case):
            store.save_assessment(assessment, instrument)
    return store, case


# -- timing ------------------------------------------------------------------------------------------------------
def _edited(case, n: int):
    """The case with one need rating changed (the n-th edit: the client's status of the first need)."""
    from casekit.model import Case

    data = case.model_dump()
    rating = data["needs"][0]["ratings"][0]
    rating["status"] = ("met", "unmet")[n % 2]
    rating["note"] = f"edit {n}"
    return Case.model_validate(data)


class _Raw:
    """The baseline: the database driver, no SQLAlchemy, no pydantic."""

    def __init__(self, url, case_id: str, document: dict):
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.case_id = case_id
        self.sqlite = self.url.get_backend_name() == "sqlite"
        if self.sqlite:
            import sqlite3

            self.con = sqlite3.connect(self.url.database, timeout=30)
            self.mark = "?"
        else:
            import psycopg

            self.con = psycopg.connect(self.url.set(drivername="postgresql").render_as_string(hide_password=False))
            self.mark = "%s"
        m = self.mark
        self.con.execute("CREATE TABLE IF NOT EXISTS bench_raw (id VARCHAR(64) PRIMARY KEY, version INTEGER, "
                         "data TEXT)")
        self.con.execute(f"DELETE FROM bench_raw WHERE id = {m}", (case_id,))
        self.con.execute(f"INSERT INTO bench_raw VALUES ({m}, 1, {m})", (case_id, json.dumps(document)))
        self.con.commit()

    def get(self) -> dict:
        m = self.mark
        row = self.con.execute(f"SELECT version, data FROM records WHERE kind = 'case' AND id = {m}",
                               (self.case_id,)).fetchone()
        self.con.commit()  # end the read transaction, as the store's connection does
        return json.loads(row[1])

    def save(self, document: dict) -> None:
        m = self.mark
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        self.con.execute(f"UPDATE bench_raw SET version = version + 1, data = {m} WHERE id = {m}",
                         (data, self.case_id))
        self.con.commit()

    def close(self) -> None:
        self.con.close()


def _clock(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_store(url: str, case, repeat: int, warmup: int = 2) -> dict:
    """Open and save-one-edit of ``case`` (already in the store at ``url``) against the raw driver calls."""
    from casekit.store import open_store

    store = open_store(url, user="bench")
    current = store.get(case.id)
    raw = _Raw(url, case.id, current.model_dump(mode="json", exclude={"version"}))
    t_get, t_raw_get, t_save, t_raw_save = [], [], [], []
    try:
        for n in range(warmup + repeat):
            times = (_clock(lambda: store.get(case.id)), _clock(raw.get))
            edited = _edited(current, n)
            document = edited.model_dump(mode="json", exclude={"version"})
            saved = []
            times += (_clock(lambda: saved.append(store.save(edited))), _clock(lambda: raw.save(document)))
            current = saved[0]
            if n >= warmup:
                for bucket, value in zip((t_get, t_raw_get, t_save, t_raw_save), times):
                    bucket.append(value)
        breakdown = save_breakdown(store, current)
        size = len(json.dumps(current.model_dump(mode="json", exclude={"version"}), separators=(",", ":")))
    finally:
        raw.close()
        store.close()
    return {"open": t_get, "open_baseline": t_raw_get, "save": t_save, "save_baseline": t_raw_save,
            "breakdown": breakdown, "document_bytes": size}


def save_breakdown(store, current, rounds: int = 5) -> dict:
    """Where the time of ``store.get`` and ``store.save`` goes (median seconds of each part over ``rounds``)."""
    import statistics

    from datetime import datetime, timezone

    from sqlalchemy import select

    from casekit import frames
    from casekit.store.engine import WRITE
    from casekit.model import Case
    from casekit.store.schema import records
    from casekit.store.store import (
        _LOCK_RECORD, _UPDATE_RECORD, _UPDATE_RECORD_AND_AUDIT, CASE, _project_case, _rewrite_case_projections,
    )

    parts: dict[str, list[float]] = {}

    def clock(name, fn):
        start = time.perf_counter()
        result = fn()
        parts.setdefault(name, []).append(time.perf_counter() - start)
        return result

    for n in range(rounds):
        with store.engine.connect() as conn:
            row = clock("get: SELECT (SQLAlchemy)", lambda: conn.execute(
                select(records.c.version, records.c.data).where(records.c.kind == "case",
                                                                records.c.id == current.id)).first())
        clock("get: Case.model_validate_json", lambda: Case.model_validate_json(row.data))
        edited = _edited(current, n)
        plain = clock("save: model_dump (python, to validate again)", lambda: edited.model_dump(warnings=False))
        item = clock("save: model_validate (once)", lambda: Case.model_validate(plain))
        data = clock("save: model_dump_json", lambda: item.model_dump_json(exclude={"version"}))
        clock("save: frames.projection_rows", lambda: frames.projection_rows(item))
        saved = item.model_copy(update={"version": current.version + 1})
        # the projection rows the store wrote at its last save of ``current`` (what ``store.save`` compares with)
        known = store._projected.get(("case", current.id), (None, None))[1]
        with store.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin() as transaction:
                params = {"k_kind": "case", "k_id": current.id, "base": current.version, "document": data,
                          "at": datetime.now(timezone.utc), "who": "bench"}
                clock("save: BEGIN + SELECT version … FOR UPDATE (SQL)",
                      lambda: conn.execute(_LOCK_RECORD, params).first())
                if conn.dialect.name == "postgresql":
                    clock("save: UPDATE records … WHERE data <> new + INSERT audit (one statement, SQL)",
                          lambda: conn.execute(_UPDATE_RECORD_AND_AUDIT, params).first())
                else:
                    clock("save: UPDATE records … WHERE data <> new (SQL)",
                          lambda: conn.execute(_UPDATE_RECORD, params))
                    clock("save: INSERT audit, new document only (SQL)", lambda: store._audit_saved(
                        conn, CASE, current.id, current.version + 1, "update", "bench", params["at"], data))
                if known is not None:
                    clock("save: projections, changed rows only, stored rows known (SQL)",
                          lambda: _project_case(conn, saved, known))
                transaction.rollback()
            with conn.begin() as transaction:
                clock("(after another writer's save: projections, changed rows only, stored rows read (SQL))",
                      lambda: _project_case(conn, saved))
                transaction.rollback()
            with conn.begin() as transaction:
                clock("(before: projections DELETE + INSERT of every row (SQL))",
                      lambda: _rewrite_case_projections(conn, saved))
                transaction.rollback()
        del data
    return {name: statistics.median(values) for name, values in parts.items()}
