#!/usr/bin/env python3
"""Benchmark: how long until the room view learns of a save made on the console (the follow latency).

    .venv/bin/python benchmarks/bench_follow.py              # 50 saves per backend, SQLite and PostgreSQL
    .venv/bin/python benchmarks/bench_follow.py --quick      # 10 saves per backend, for CI

Two store objects on one database stand for the two kernels: the *console* saves, the *room* runs a
:class:`casekit.conference.follow.Follower` (its thread; SQLite: ``PRAGMA data_version`` every 0.25 s,
PostgreSQL: ``LISTEN casekit``) that follows the case and its conference's room state. Each save alternates
between an edit of the case (``store.save``, a small case of the test factories) and a room state
(``store.save_room_state``, the step and the timer), after a random pause of 0.2–0.6 s, so that saves land at
every phase of SQLite's polling.

Measured per save with ``time.perf_counter`` in one process: **latency** = from just before the save is called
to the follower's callback (what a person at the projector waits: the save itself, then the notice), and
**notice** = from the save's return (committed) to the callback (the follower's own part). Reported: median,
p95 and max over all saves, and the median per kind. Target (issue 12): the room redraws within 1 s (median);
the room view's redraw itself is not part of this measure. PostgreSQL: a throw-away server
(``benchmarks/pgserver.py``). Results: ``benchmarks/results_follow.json`` (``results_follow_quick.json`` with
``--quick``).
"""
from __future__ import annotations

import argparse
import json
import queue
import random
import shlex
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import common  # noqa: E402
import pgserver  # noqa: E402
from casekit.conference import edits  # noqa: E402
from casekit.conference.follow import INTERVAL, Follower  # noqa: E402
from casekit.conference.room_state import STEPS, RoomState  # noqa: E402
from casekit.model import Case  # noqa: E402
from casekit.store import open_store  # noqa: E402
from factories import case_dict  # noqa: E402

#: how long one save may take to be noticed before the run counts it as missed
GIVE_UP = 5.0


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` 0.95: the value 95 % of the runs do not exceed)."""
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def describe(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "min": min(values),
            "max": max(values), "runs": [round(v, 6) for v in values]}


def measure(url: str, saves: int, seed: int) -> dict:
    """``saves`` saves on one store object, noticed by a follower on another; latencies in seconds."""
    rng = random.Random(seed)
    console = open_store(url, user="console")
    room = open_store(url, user="room")
    changes: queue.Queue = queue.Queue()
    try:
        case = console.save(Case.model_validate(case_dict("case-bench")))
        state = console.save_room_state(RoomState(conference_id="c-1", case_id=case.id))
        follower = Follower(room, lambda change: changes.put((change, time.perf_counter())))
        follower.follow("case", case.id)
        follower.follow("room", "c-1")
        rows, missed = [], 0
        with follower:
            time.sleep(0.5)
            for number in range(saves):
                time.sleep(rng.uniform(0.2, 0.6))
                kind = "case" if number % 2 == 0 else "room"
                started = time.perf_counter()
                if kind == "case":
                    case = console.save(edits.set_request(case, f"request {number}"))
                    expected = ("case", case.id, case.version)
                else:
                    timer = state.timer.start() if not state.timer.running else state.timer.pause()
                    state = console.save_room_state(state.go(STEPS[1 + number % 7]).with_timer(timer))
                    expected = ("room", "c-1", state.revision)
                committed = time.perf_counter()
                try:
                    while True:
                        change, seen = changes.get(timeout=GIVE_UP)
                        if (change.kind, change.id, change.version) == expected:
                            break
                except queue.Empty:
                    missed += 1
                    continue
                rows.append({"kind": kind, "latency": seen - started, "notice": seen - committed,
                             "save": committed - started})
        latency = [r["latency"] for r in rows]
        return {
            "mode": follower.mode, "saves": saves, "missed": missed,
            "latency_seconds": describe(latency),
            "notice_seconds": describe([r["notice"] for r in rows]),
            "save_seconds": describe([r["save"] for r in rows]),
            "median_latency_by_kind": {k: statistics.median([r["latency"] for r in rows if r["kind"] == k])
                                       for k in ("case", "room") if any(r["kind"] == k for r in rows)},
            "within_1s": sum(1 for v in latency if v <= 1.0),
        }
    finally:
        console.close()
        room.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=None, help="saves per backend (default 50, 10 with --quick)")
    parser.add_argument("--quick", action="store_true", help="10 saves per backend (CI)")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    saves = args.saves or (10 if args.quick else 50)
    output = args.output or ROOT / "benchmarks" / ("results_follow_quick.json" if args.quick else "results_follow.json")
    command = " ".join([common.interpreter(), "benchmarks/bench_follow.py", *map(shlex.quote, argv or sys.argv[1:])])
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results: dict = {
        "benchmark": "casekit: follow latency, a save on one store object to the follower's callback on another",
        "quick": args.quick, "command": command, "machine": common.machine(command),
        "poll_interval_seconds": INTERVAL, "saves_per_backend": saves, "backends": {},
    }
    started = time.perf_counter()
    with ExitStack() as stack:
        for backend in backends:
            if backend == "sqlite":
                folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="casekit-bench-follow-"))
                url = f"sqlite:///{Path(folder) / 'follow.sqlite'}"
            elif backend == "postgresql":
                server = stack.enter_context(pgserver.temporary_server())
                url = pgserver.fresh_database(server)
            else:
                parser.error(f"unknown backend {backend!r}")
            result = measure(url, saves, args.seed)
            results["backends"][backend] = result
            latency = result["latency_seconds"]
            print(f"{backend:10s} {result['mode']:12s} latency median {latency['median'] * 1000:6.0f} ms, "
                  f"p95 {latency['p95'] * 1000:6.0f} ms, max {latency['max'] * 1000:6.0f} ms; "
                  f"notice median {result['notice_seconds']['median'] * 1000:6.0f} ms; "
                  f"{result['within_1s']}/{saves} within 1 s, {result['missed']} missed")
    results["machine"]["load_average_at_end"] = common.load_average()
    results["elapsed_seconds"] = time.perf_counter() - started
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0 if all(r["missed"] == 0 for r in results["backends"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
