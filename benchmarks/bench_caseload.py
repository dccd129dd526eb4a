#!/usr/bin/env python3
"""Benchmark: the caseload dashboard and the gap analysis on 10,000 cases, SQLite and PostgreSQL, against
one hand-written SQL query each that produces the same numbers.

    .venv/bin/python benchmarks/bench_caseload.py            # 10,000 cases (200,000 needs, 100,000 actions)
    .venv/bin/python benchmarks/bench_caseload.py --quick    # 200 cases, for CI

The synthetic store (``casekit.caseload.synthetic``, seeded: 20 needs, 10 actions, 6 actors, 3 goals, 0–4
reviews and 0–3 conferences per case, 400 workers) is loaded fast: the records, their audit entries and the
projection rows (``casekit.frames.projection_rows``) are bulk-inserted with executemany in one transaction. How
long ``store.save`` takes per case is measured on a sample in a separate store and extrapolated.

Timed, alternately, after one warm-up run each (the ratio is median / median):

- ``caseload(store, as_of=…)``: the SQL implementation, including the frames, alerts and worker table;
  baseline: one hand-written SQL query (per backend) giving the same per-case numbers (days in phase, last
  contact, next review, open / overdue actions, unmet needs, GAS T-scores of the last two reviews);
- ``gap_analysis(store, catalogue, as_of=…)``, including the report's frames; baseline: one hand-written
  query giving the grouped counts the report is built from.

Both are checked against the baseline's numbers and against the pure-Python implementation (whose time is
reported too). PostgreSQL: a throw-away server (``benchmarks/pgserver.py``). Results go to
``benchmarks/results_caseload.json`` (``results_caseload_quick.json`` with ``--quick``).
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import shlex
import signal
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import pandas as pd  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

import pgserver  # noqa: E402
from casekit import frames  # noqa: E402
from casekit.caseload import caseload  # noqa: E402
from casekit.caseload.synthetic import synthetic_cases  # noqa: E402
from casekit.example_data import load_catalogue  # noqa: E402
from casekit.gaps import gap_analysis  # noqa: E402
from casekit.gaps.sources import from_store  # noqa: E402
from casekit.store import open_store  # noqa: E402
from casekit.store.schema import PROJECTIONS, audit, records  # noqa: E402

AS_OF = date(2026, 11, 25)
LIBRARIES = ("pandas", "numpy", "SQLAlchemy", "psycopg", "pydantic")
NUMBERS = ["case_id", "days_in_phase", "last_contact", "days_since_contact", "next_review", "open_actions",
           "overdue_actions", "unmet_needs", "high_unmet_needs", "gas_previous", "gas_last"]


# -- loading ------------------------------------------------------------------------------------------------
def bulk_load(store, cases, who: str = "benchmark") -> None:
    """Records, audit entries and projection rows of all cases, in one transaction (executemany)."""
    now = datetime.now(timezone.utc)
    record_rows, audit_rows = [], []
    projection = {table.name: [] for table in PROJECTIONS}
    for case in cases:
        case = case.model_copy(update={"version": 1})
        data = json.dumps(case.model_dump(mode="json", exclude={"version"}), ensure_ascii=False,
                          separators=(",", ":"))
        record_rows.append({"kind": "case", "id": case.id, "version": 1, "data": data, "created_at": now,
                            "created_by": who, "updated_at": now, "updated_by": who, "deleted_at": None,
                            "deleted_by": None})
        audit_rows.append({"kind": "case", "record_id": case.id, "version": 1, "action": "create", "who": who,
                           "at": now, "before": None, "after": data})
        for name, rows in frames.projection_rows(case).items():
            projection[name].extend(rows)
    with store.engine.begin() as conn:
        conn.execute(insert(records), record_rows)
        conn.execute(insert(audit), audit_rows)
        for table in PROJECTIONS:
            if projection[table.name]:
                conn.execute(insert(table), projection[table.name])
        conn.execute(text("ANALYZE"))


def time_saves(url: str, cases) -> float:
    """Seconds per ``store.save`` of a new case (a sample, in its own store)."""
    with open_store(url, user="benchmark") as store:
        start = time.perf_counter()
        for case in cases:
            store.save(case.model_copy(update={"id": f"save-{case.id}", "version": 0}))
        return (time.perf_counter() - start) / len(cases)


# -- the hand-written baselines ------------------------------------------------------------------------------
CASELOAD_SQLITE = """
WITH docs AS MATERIALIZED (
  SELECT r.id AS case_id, json_extract(r.data, '$.phase_history') AS ph,
         json_extract(r.data, '$.conferences') AS cf, json_extract(r.data, '$.reviews') AS rv,
         json_extract(r.data, '$.goals') AS gl
  FROM records r JOIN case_summary s ON s.case_id = r.id
  WHERE r.kind = 'case' AND r.deleted_at IS NULL AND NOT s.deleted),
ev AS (
  SELECT d.case_id, 'phase' AS kind, json_extract(e.value, '$.date') AS day FROM docs d, json_each(d.ph) e
  UNION ALL SELECT d.case_id, 'conference', json_extract(e.value, '$.date') FROM docs d, json_each(d.cf) e
  UNION ALL SELECT d.case_id, 'review', json_extract(e.value, '$.date') FROM docs d, json_each(d.rv) e),
evd AS (
  SELECT case_id, MAX(CASE WHEN kind = 'phase' THEN day END) AS phase_since,
         MAX(CASE WHEN day <= :as_of THEN day END) AS last_event,
         MAX(CASE WHEN kind = 'review' AND day <= :as_of THEN day END) AS last_review
  FROM ev GROUP BY case_id),
sc AS (
  SELECT d.case_id, rv.key AS pos, json_extract(rv.value, '$.date') AS day,
         SUM(json_extract(g.value, '$.weight') * s.value) AS swx,
         SUM(json_extract(g.value, '$.weight') * json_extract(g.value, '$.weight')) AS sw2,
         SUM(json_extract(g.value, '$.weight')) AS sw
  FROM docs d, json_each(d.rv) rv, json_each(rv.value, '$.gas_scores') s, json_each(d.gl) g
  WHERE json_extract(g.value, '$.id') = s.key AND json_extract(rv.value, '$.date') <= :as_of
  GROUP BY d.case_id, rv.key, json_extract(rv.value, '$.date')),
rk AS (SELECT sc.*, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY day DESC, pos DESC) AS rn FROM sc),
gas AS (
  SELECT case_id,
         MAX(CASE WHEN rn = 2 THEN 50 + 10 * swx / sqrt(0.7 * sw2 + 0.3 * sw * sw) END) AS gas_previous,
         MAX(CASE WHEN rn = 1 THEN 50 + 10 * swx / sqrt(0.7 * sw2 + 0.3 * sw * sw) END) AS gas_last
  FROM rk WHERE rn <= 2 GROUP BY case_id),
act AS (
  SELECT case_id, SUM(status IN ('planned', 'in_progress', 'blocked')) AS open_actions,
         SUM(status IN ('planned', 'in_progress', 'blocked') AND due < :as_of) AS overdue_actions
  FROM case_actions GROUP BY case_id),
nd AS (
  SELECT case_id, SUM(any_unmet) AS unmet_needs, SUM(any_unmet AND priority = 'high') AS high_unmet_needs
  FROM case_needs GROUP BY case_id),
base AS (
  SELECT s.case_id, s.opened, s.last_conference, s.next_review AS planned,
         s.opened <= :as_of AND (s.closed IS NULL OR s.closed > :as_of) AS is_open,
         COALESCE(evd.phase_since, s.opened) AS phase_since, evd.last_event, evd.last_review,
         COALESCE(act.open_actions, 0) AS open_actions, COALESCE(act.overdue_actions, 0) AS overdue_actions,
         COALESCE(nd.unmet_needs, 0) AS unmet_needs, COALESCE(nd.high_unmet_needs, 0) AS high_unmet_needs,
         gas.gas_previous, gas.gas_last
  FROM case_summary s LEFT JOIN evd ON evd.case_id = s.case_id LEFT JOIN gas ON gas.case_id = s.case_id
  LEFT JOIN act ON act.case_id = s.case_id LEFT JOIN nd ON nd.case_id = s.case_id
  WHERE NOT s.deleted),
dated AS (
  SELECT base.*,
         CASE WHEN last_event IS NULL THEN CASE WHEN opened <= :as_of THEN opened END
              WHEN opened > :as_of THEN last_event ELSE MAX(opened, last_event) END AS last_contact,
         planned IS NOT NULL AND NOT (last_review IS NOT NULL
              AND (last_conference IS NULL OR last_review > last_conference)) AS pending,
         COALESCE(MAX(last_review, last_conference), last_review, last_conference) AS review_base
  FROM base)
SELECT case_id, CAST(julianday(:as_of) - julianday(phase_since) AS INTEGER) AS days_in_phase, last_contact,
       CAST(julianday(:as_of) - julianday(last_contact) AS INTEGER) AS days_since_contact,
       CASE WHEN NOT is_open THEN NULL WHEN pending THEN planned
            WHEN review_base IS NOT NULL THEN date(review_base, '+' || :interval || ' days') END AS next_review,
       open_actions, overdue_actions, unmet_needs, high_unmet_needs, gas_previous, gas_last
FROM dated
"""

CASELOAD_POSTGRESQL = """
WITH docs AS MATERIALIZED (
  SELECT case_id, doc -> 'phase_history' AS ph, doc -> 'conferences' AS cf, doc -> 'reviews' AS rv,
         doc -> 'goals' AS gl
  FROM (SELECT r.id AS case_id, CAST(r.data AS jsonb) AS doc FROM records r JOIN case_summary s ON s.case_id = r.id
        WHERE r.kind = 'case' AND r.deleted_at IS NULL AND NOT s.deleted OFFSET 0) parsed),
ev AS (
  SELECT d.case_id, 'phase' AS kind, CAST(e ->> 'date' AS date) AS day FROM docs d, jsonb_array_elements(d.ph) e
  UNION ALL SELECT d.case_id, 'conference', CAST(e ->> 'date' AS date) FROM docs d, jsonb_array_elements(d.cf) e
  UNION ALL SELECT d.case_id, 'review', CAST(e ->> 'date' AS date) FROM docs d, jsonb_array_elements(d.rv) e),
evd AS (
  SELECT case_id, MAX(day) FILTER (WHERE kind = 'phase') AS phase_since,
         MAX(day) FILTER (WHERE day <= :as_of) AS last_event,
         MAX(day) FILTER (WHERE kind = 'review' AND day <= :as_of) AS last_review
  FROM ev GROUP BY case_id),
sc AS (
  SELECT d.case_id, rv.pos, CAST(rv.value ->> 'date' AS date) AS day,
         SUM(CAST(g ->> 'weight' AS float) * CAST(s.value AS float)) AS swx,
         SUM(CAST(g ->> 'weight' AS float) ^ 2) AS sw2, SUM(CAST(g ->> 'weight' AS float)) AS sw
  FROM docs d
  CROSS JOIN LATERAL jsonb_array_elements(d.rv) WITH ORDINALITY AS rv(value, pos)
  CROSS JOIN LATERAL jsonb_each_text(rv.value -> 'gas_scores') AS s(key, value)
  JOIN LATERAL jsonb_array_elements(d.gl) AS g ON g ->> 'id' = s.key
  WHERE CAST(rv.value ->> 'date' AS date) <= :as_of
  GROUP BY d.case_id, rv.pos, CAST(rv.value ->> 'date' AS date)),
rk AS (SELECT sc.*, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY day DESC, pos DESC) AS rn FROM sc),
gas AS (
  SELECT case_id,
         MAX(50 + 10 * swx / sqrt(0.7 * sw2 + 0.3 * sw * sw)) FILTER (WHERE rn = 2) AS gas_previous,
         MAX(50 + 10 * swx / sqrt(0.7 * sw2 + 0.3 * sw * sw)) FILTER (WHERE rn = 1) AS gas_last
  FROM rk WHERE rn <= 2 GROUP BY case_id),
act AS (
  SELECT case_id, COUNT(*) FILTER (WHERE status IN ('planned', 'in_progress', 'blocked')) AS open_actions,
         COUNT(*) FILTER (WHERE status IN ('planned', 'in_progress', 'blocked') AND due < :as_of)
           AS overdue_actions
  FROM case_actions GROUP BY case_id),
nd AS (
  SELECT case_id, COUNT(*) FILTER (WHERE any_unmet) AS unmet_needs,
         COUNT(*) FILTER (WHERE any_unmet AND priority = 'high') AS high_unmet_needs
  FROM case_needs GROUP BY case_id),
base AS (
  SELECT s.case_id, s.opened, s.last_conference, s.next_review AS planned,
         s.opened <= :as_of AND (s.closed IS NULL OR s.closed > :as_of) AS is_open,
         COALESCE(evd.phase_since, s.opened) AS phase_since, evd.last_event, evd.last_review,
         COALESCE(act.open_actions, 0) AS open_actions, COALESCE(act.overdue_actions, 0) AS overdue_actions,
         COALESCE(nd.unmet_needs, 0) AS unmet_needs, COALESCE(nd.high_unmet_needs, 0) AS high_unmet_needs,
         gas.gas_previous, gas.gas_last
  FROM case_summary s LEFT JOIN evd ON evd.case_id = s.case_id LEFT JOIN gas ON gas.case_id = s.case_id
  LEFT JOIN act ON act.case_id = s.case_id LEFT JOIN nd ON nd.case_id = s.case_id
  WHERE NOT s.deleted),
dated AS (
  SELECT base.*, GREATEST(CASE WHEN opened <= :as_of THEN opened END, last_event) AS last_contact,
         planned IS NOT NULL AND NOT (last_review IS NOT NULL
              AND (last_conference IS NULL OR last_review > last_conference)) AS pending,
         GREATEST(last_review, last_conference) AS review_base
  FROM base)
SELECT case_id, :as_of - phase_since AS days_in_phase, last_contact, :as_of - last_contact AS days_since_contact,
       CASE WHEN NOT is_open THEN NULL WHEN pending THEN planned
            WHEN review_base IS NOT NULL THEN review_base + :interval END AS next_review,
       open_actions, overdue_actions, unmet_needs, high_unmet_needs, gas_previous, gas_last
FROM dated
"""

GAPS_SQLITE = """
WITH live AS (
  SELECT * FROM case_summary s
  WHERE NOT s.deleted AND s.opened <= :as_of AND (s.closed IS NULL OR s.closed > :as_of)),
links AS (
  SELECT r.id AS case_id, n.key AS need_pos, a.value AS actor_id
  FROM records r JOIN live s ON s.case_id = r.id, json_each(r.data, '$.needs') n, json_each(n.value, '$.actor_ids') a
  WHERE r.kind = 'case' AND r.deleted_at IS NULL),
multi AS (
  SELECT l.case_id, l.need_pos FROM links l
  JOIN case_actors ca ON ca.case_id = l.case_id AND ca.actor_id = l.actor_id
  WHERE ca.formal GROUP BY l.case_id, l.need_pos HAVING COUNT(DISTINCT l.actor_id) >= 2),
per_case AS (SELECT case_id, MAX(any_unmet) AS unmet FROM case_needs GROUP BY case_id)
SELECT 'needs' AS part, s.municipality AS a, s.target_group AS b, n.domain AS c, COUNT(*) AS n1,
       SUM(n.any_unmet) AS n2, SUM(n.any_unmet AND n.priority = 'high') AS n3,
       COUNT(DISTINCT CASE WHEN n.any_unmet THEN n.case_id END) AS n4, COUNT(m.need_pos) AS n5
FROM case_needs n JOIN live s ON s.case_id = n.case_id
LEFT JOIN multi m ON m.case_id = n.case_id AND m.need_pos = n.position
GROUP BY s.municipality, s.target_group, n.domain
UNION ALL
SELECT 'cases', s.municipality, s.target_group, NULL, COUNT(*), COALESCE(SUM(p.unmet), 0), NULL, NULL, NULL
FROM live s LEFT JOIN per_case p ON p.case_id = s.case_id GROUP BY s.municipality, s.target_group
UNION ALL
SELECT 'links', a.catalogue_id, NULL, NULL, COUNT(DISTINCT a.case_id), NULL, NULL, NULL, NULL
FROM case_actors a JOIN live s ON s.case_id = a.case_id WHERE a.catalogue_id IS NOT NULL GROUP BY a.catalogue_id
"""

GAPS_POSTGRESQL = """
WITH live AS (
  SELECT * FROM case_summary s
  WHERE NOT s.deleted AND s.opened <= :as_of AND (s.closed IS NULL OR s.closed > :as_of)),
links AS (
  SELECT r.id AS case_id, n.pos - 1 AS need_pos, a.actor_id
  FROM records r JOIN live s ON s.case_id = r.id
  CROSS JOIN LATERAL jsonb_array_elements(CAST(r.data AS jsonb) -> 'needs') WITH ORDINALITY AS n(value, pos)
  CROSS JOIN LATERAL jsonb_array_elements_text(n.value -> 'actor_ids') AS a(actor_id)
  WHERE r.kind = 'case' AND r.deleted_at IS NULL),
multi AS (
  SELECT l.case_id, l.need_pos FROM links l
  JOIN case_actors ca ON ca.case_id = l.case_id AND ca.actor_id = l.actor_id
  WHERE ca.formal GROUP BY l.case_id, l.need_pos HAVING COUNT(DISTINCT l.actor_id) >= 2),
per_case AS (SELECT case_id, MAX(CASE WHEN any_unmet THEN 1 ELSE 0 END) AS unmet FROM case_needs GROUP BY case_id)
SELECT 'needs' AS part, s.municipality AS a, s.target_group AS b, n.domain AS c, COUNT(*) AS n1,
       COUNT(*) FILTER (WHERE n.any_unmet) AS n2, COUNT(*) FILTER (WHERE n.any_unmet AND n.priority = 'high') AS n3,
       COUNT(DISTINCT n.case_id) FILTER (WHERE n.any_unmet) AS n4, COUNT(m.need_pos) AS n5
FROM case_needs n JOIN live s ON s.case_id = n.case_id
LEFT JOIN multi m ON m.case_id = n.case_id AND m.need_pos = n.position
GROUP BY s.municipality, s.target_group, n.domain
UNION ALL
SELECT 'cases', s.municipality, s.target_group, NULL, COUNT(*), COALESCE(SUM(p.unmet), 0), NULL, NULL, NULL
FROM live s LEFT JOIN per_case p ON p.case_id = s.case_id GROUP BY s.municipality, s.target_group
UNION ALL
SELECT 'links', a.catalogue_id, NULL, NULL, COUNT(DISTINCT a.case_id), NULL, NULL, NULL, NULL
FROM case_actors a JOIN live s ON s.case_id = a.case_id WHERE a.catalogue_id IS NOT NULL GROUP BY a.catalogue_id
"""


def _params(dialect: str, interval: int) -> dict:
    as_of = AS_OF.isoformat() if dialect == "sqlite" else AS_OF
    return {"as_of": as_of, "interval": interval}


def caseload_baseline(store, interval: int) -> list[tuple]:
    sql = CASELOAD_SQLITE if store.engine.dialect.name == "sqlite" else CASELOAD_POSTGRESQL
    with store.engine.connect() as conn:
        return conn.execute(text(sql), _params(store.engine.dialect.name, interval)).all()


def gaps_baseline(store) -> list[tuple]:
    sql = GAPS_SQLITE if store.engine.dialect.name == "sqlite" else GAPS_POSTGRESQL
    with store.engine.connect() as conn:
        return conn.execute(text(sql), _params(store.engine.dialect.name, 0)).all()


# -- checking that they give the same numbers -----------------------------------------------------------------
def _day(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return date.fromisoformat(value) if isinstance(value, str) else pd.Timestamp(value).date()


def caseload_difference(board, rows) -> float:
    """Largest difference between the library's per-case numbers and the baseline's (0 when equal)."""
    ours = {r[0]: r for r in board.cases[NUMBERS].astype(object).itertuples(index=False)}
    if set(ours) != {r[0] for r in rows}:
        return float("inf")
    worst = 0.0
    for row in rows:
        mine = ours[row[0]]
        for i, name in enumerate(NUMBERS[1:], start=1):
            a, b = mine[i], row[i]
            if name in ("last_contact", "next_review"):
                worst = max(worst, 0.0 if _day(a) == _day(b) else float("inf"))
            elif pd.isna(a) or b is None:
                worst = max(worst, 0.0 if (pd.isna(a) and b is None) else float("inf"))
            else:
                worst = max(worst, abs(float(a) - float(b)))
    return worst


def gaps_difference(store, rows) -> float:
    needs, cases, links = from_store(store, AS_OF)
    mine = set()
    for r in needs.astype(object).itertuples(index=False):
        mine.add(("needs", r.municipality, r.target_group, r.domain, r.needs, r.unmet_needs, r.high_unmet_needs,
                  r.cases, r.multi_served))
    for r in cases.astype(object).itertuples(index=False):
        mine.add(("cases", r.municipality, r.target_group, None, r.open_cases, r.cases_with_unmet, None, None, None))
    for r in links.astype(object).itertuples(index=False):
        mine.add(("links", r.service_id, None, None, r.cases, None, None, None, None))
    theirs = {tuple(None if v is None else (int(v) if isinstance(v, (int, float)) and not isinstance(v, bool)
                                            else v) for v in row) for row in rows}
    mine = {tuple(None if v is None else (int(v) if isinstance(v, (int, float)) else v) for v in row)
            for row in mine}
    return 0.0 if mine == theirs and len(mine) == len(rows) else float("inf")


# -- timing -------------------------------------------------------------------------------------------------
def time_both(ours, theirs, repeat: int):
    ours(), theirs()  # warm-up
    t_ours, t_theirs = [], []
    for _ in range(repeat):
        for fn, times in ((ours, t_ours), (theirs, t_theirs)):
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return t_ours, t_theirs


def summary(times: list[float]) -> dict:
    return {"min": min(times), "median": statistics.median(times), "max": max(times), "runs": times}


def scenario(name: str, t_ours, t_base, difference: float) -> dict:
    return {"name": name, "library": summary(t_ours), "baseline": summary(t_base),
            "ratio": statistics.median(t_ours) / statistics.median(t_base),
            "ratio_of_minima": min(t_ours) / min(t_base), "largest_difference_from_baseline": difference}


def load_backend(name: str, url: str, save_url: str, cases, save_sample: int) -> dict:
    """Fill the store at ``url`` with all cases (bulk) and time ``store.save`` on a sample in another store."""
    out: dict = {"backend": name, "url": url}
    with open_store(url, user="benchmark") as store:
        start = time.perf_counter()
        bulk_load(store, cases)
        out["bulk_load_seconds"] = time.perf_counter() - start
    per_case = time_saves(save_url, cases[:save_sample])
    out["store_save_seconds_per_case"] = per_case
    out["store_save_estimate_seconds"] = per_case * len(cases)
    return out


def run_backend(out: dict, catalogue, repeat: int, python_board, python_report) -> dict:
    """Check the store's results against the Python implementation and the baselines, then time both."""
    interval = 182
    with open_store(out.pop("url"), user="benchmark") as store:
        board = caseload(store, as_of=AS_OF)
        report = gap_analysis(store, catalogue, as_of=AS_OF)
        pd.testing.assert_frame_equal(board.cases, python_board.cases, check_exact=False, rtol=1e-9)
        pd.testing.assert_frame_equal(board.workers, python_board.workers, check_exact=False, rtol=1e-9)
        assert board.alerts == python_board.alerts
        for frame_name, frame in report.frames.items():
            pd.testing.assert_frame_equal(frame, python_report.frames[frame_name])
        out["agrees_with_python_implementation"] = True
        out["alerts"] = len(board.alerts)
        t_ours, t_base = time_both(lambda: caseload(store, as_of=AS_OF),
                                   lambda: caseload_baseline(store, interval), repeat)
        out["scenarios"] = [scenario("caseload dashboard", t_ours, t_base,
                                     caseload_difference(board, caseload_baseline(store, interval)))]
        t_ours, t_base = time_both(lambda: gap_analysis(store, catalogue, as_of=AS_OF),
                                   lambda: gaps_baseline(store), repeat)
        out["scenarios"].append(scenario("gap analysis", t_ours, t_base, gaps_difference(store, gaps_baseline(store))))
    return out


# -- machine and main ---------------------------------------------------------------------------------------
def machine(pg_version: str | None) -> dict:
    import sqlite3

    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:  # pragma: no cover
            return None

    return {"platform": platform.platform(), "machine": platform.machine(), "processor": _cpu_name(),
            "cpu_count": os.cpu_count(), "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version,
            "postgresql": pg_version, "libraries": {name: version(name) for name in LIBRARIES}}


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:  # pragma: no cover - not Linux
        pass
    return platform.processor()


def _interpreter() -> str:
    try:
        return str(Path(sys.executable).relative_to(ROOT))
    except ValueError:
        return sys.executable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 cases instead of 10,000, for CI")
    parser.add_argument("--cases", type=int, default=None, help="number of synthetic cases")
    parser.add_argument("--repeat", type=int, default=None, help="timed repetitions (default 7; 5 with --quick)")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--output", type=Path, default=None, help="where to write the JSON results")
    args = parser.parse_args(argv)
    # a terminated run still stops its PostgreSQL server and removes its temporary files
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    n_cases = args.cases or (200 if args.quick else 10_000)
    repeat = args.repeat or (5 if args.quick else 7)
    save_sample = 20 if args.quick else 200
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    output = args.output or ROOT / "benchmarks" / ("results_caseload_quick.json" if args.quick
                                                   else "results_caseload.json")
    start = time.perf_counter()
    cases = synthetic_cases(n_cases, seed=2026, as_of=AS_OF)
    generate_seconds = time.perf_counter() - start
    catalogue = load_catalogue("en")
    start = time.perf_counter()
    python_board = caseload(cases, as_of=AS_OF)
    python_caseload_seconds = time.perf_counter() - start
    start = time.perf_counter()
    python_report = gap_analysis(cases, catalogue, as_of=AS_OF)
    python_gaps_seconds = time.perf_counter() - start
    dataset = {
        "cases": n_cases, "needs": sum(len(c.needs) for c in cases), "actions": sum(len(c.actions) for c in cases),
        "actors": sum(len(c.actors) for c in cases), "reviews": sum(len(c.reviews) for c in cases),
        "conferences": sum(len(c.conferences) for c in cases), "workers": len({c.case_manager for c in cases}),
        "open_cases": int(python_board.cases["open"].sum()), "as_of": AS_OF.isoformat(),
        "generate_seconds": generate_seconds,
    }
    results = {
        "benchmark": "caseload dashboard and gap analysis", "quick": args.quick,
        "command": shlex.join([_interpreter(), "benchmarks/bench_caseload.py",
                               *(argv if argv is not None else sys.argv[1:])]),
        "dataset": dataset, "repeat": repeat,
        "python_implementation_seconds": {"caseload": python_caseload_seconds, "gap_analysis": python_gaps_seconds},
        "backends": {},
    }
    pg_version = None
    with tempfile.TemporaryDirectory(prefix="casekit-bench-") as folder, contextlib.ExitStack() as stack:
        loaded = {}
        if "sqlite" in backends:
            loaded["sqlite"] = load_backend("sqlite", f"sqlite:///{folder}/bench.sqlite",
                                            f"sqlite:///{folder}/saves.sqlite", cases, save_sample)
        if "postgresql" in backends:
            server = stack.enter_context(pgserver.temporary_server())
            url = pgserver.fresh_database(server)
            with open_store(url) as probe, probe.engine.connect() as conn:
                pg_version = conn.execute(text("SHOW server_version")).scalar()
            loaded["postgresql"] = load_backend("postgresql", url, pgserver.fresh_database(server), cases,
                                                save_sample)
        # time without the 10,000 Case objects in memory, as a dashboard process would run
        del cases
        gc.collect()
        for name, out in loaded.items():
            results["backends"][name] = run_backend(out, catalogue, repeat, python_board, python_report)
    results["machine"] = machine(pg_version)
    results["ratios"] = {f"{b}/{s['name']}": s["ratio"] for b, r in results["backends"].items()
                         for s in r["scenarios"]}
    results["ratio"] = max(results["ratios"].values()) if results["ratios"] else None
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"{n_cases:,} cases ({dataset['needs']:,} needs, {dataset['actions']:,} actions, "
          f"{dataset['reviews']:,} reviews), {repeat} repetitions each; generated in {generate_seconds:.1f} s")
    print(f"pure Python over Case objects: caseload {python_caseload_seconds:.2f} s, "
          f"gap analysis {python_gaps_seconds:.2f} s")
    for backend, r in results["backends"].items():
        print(f"\n{backend}: bulk load {r['bulk_load_seconds']:.1f} s; store.save {r['store_save_seconds_per_case'] * 1000:.1f}"
              f" ms per case (~{r['store_save_estimate_seconds']:.0f} s for all)")
        print(f"  {'scenario':<22} {'':<9} {'min s':>8} {'median s':>9} {'max s':>8}")
        for s in r["scenarios"]:
            for label in ("library", "baseline"):
                t = s[label]
                print(f"  {s['name']:<22} {label:<9} {t['min']:>8.3f} {t['median']:>9.3f} {t['max']:>8.3f}")
            print(f"  {'':<22} {'ratio':<9} {s['ratio']:>8.2f}   (largest difference "
                  f"{s['largest_difference_from_baseline']:.1e})")
    print(f"\nwritten: {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
