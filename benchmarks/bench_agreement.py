#!/usr/bin/env python3
"""Benchmark: the per-item agreement table of 1,000,000 ratings against the bare library calls.

    .venv/bin/python benchmarks/bench_agreement.py            # 10,000 cases x 5 raters x 20 items
    .venv/bin/python benchmarks/bench_agreement.py --quick    # 100 cases (100x smaller), for CI

The dataset is seeded: a true level per case and item, each rater adds a personal bias and noise
(so the raters are correlated and the statistics meaningful), 3 % of answers are missing. Items
alternate between a 0-3 and a 1-5 scale; four domains of five items.

Two things are timed in the same run, alternately, after one warm-up run of each:

- ``agreement_table(frame)``: from the raw long frame (1,000,000 rows) to the table;
- the baseline: the same library calls (statsmodels aggregate_raters + fleiss_kappa, krippendorff.alpha
  at three levels, pingouin.intraclass_corr; sklearn cohen_kappa_score x 3 for two raters) on arrays
  that were shaped per item before the clock starts (cases x raters arrays, the complete cases, and the
  long frame pingouin takes).

The ratio is median(agreement_table) / median(baseline). Results go to
``benchmarks/results_agreement.json`` (``results_agreement_quick.json`` with ``--quick``).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shlex
import statistics
import sys
import time
import warnings
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

LIBRARIES = ("numpy", "pandas", "scipy", "scikit-learn", "statsmodels", "krippendorff", "pingouin")


def make_ratings(n_cases: int, n_raters: int = 5, n_items: int = 20, missing: float = 0.03,
                 seed: int = 20261125) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    low = np.where(np.arange(n_items) % 2 == 0, 0, 1)  # 0-3 and 1-5 scales
    high = np.where(np.arange(n_items) % 2 == 0, 3, 5)
    trait = rng.normal(size=(n_cases, 1)) + rng.normal(scale=0.6, size=(n_cases, n_items))
    true = low + (high - low) * (0.5 + trait / 4)
    bias = rng.normal(scale=0.25, size=n_raters)
    noise = rng.normal(scale=0.55, size=(n_cases, n_items, n_raters))
    values = np.clip(np.rint(true[:, :, None] + bias + noise), low[None, :, None], high[None, :, None])
    values[rng.random(values.shape) < missing] = np.nan
    case, item, rater = np.meshgrid(np.arange(n_cases), np.arange(n_items), np.arange(n_raters), indexing="ij")
    item_names = np.array([f"d{i // 5 + 1}_q{i + 1:02d}" for i in range(n_items)])
    return pd.DataFrame({
        "case_id": np.char.add("case-", np.char.zfill(case.ravel().astype(str), 5)),
        "rater": np.char.add("worker-", (rater.ravel() + 1).astype(str)),
        "item": item_names[item.ravel()],
        "domain": np.char.add("domain-", (item.ravel() // 5 + 1).astype(str)),
        "value": values.ravel(),
    })


def preshape(frame: pd.DataFrame, raters=None) -> list[dict]:
    """Per item, before timing: the cases x raters array, its complete cases and pingouin's long frame."""
    shaped = []
    for item, sub in frame.groupby("item", sort=True):
        wide = sub.pivot(index="case_id", columns="rater", values="value")
        if raters is not None:
            wide = wide[list(raters)]
        x = wide.to_numpy(dtype=float)
        complete = x[~np.isnan(x).any(axis=1)]
        n, k = complete.shape
        long = pd.DataFrame({"case": np.repeat(np.arange(n), k), "rater": np.tile(np.arange(k), n),
                             "value": complete.ravel()})
        pair = x[~np.isnan(x).any(axis=1)] if x.shape[1] == 2 else None
        shaped.append({"item": item, "x": x, "xt": np.ascontiguousarray(x.T), "complete": complete, "long": long,
                       "pair": pair})
    return shaped


def baseline(shaped: list[dict]) -> dict:
    """The statistics libraries called directly on the pre-shaped arrays."""
    import krippendorff
    import pingouin
    from sklearn.metrics import cohen_kappa_score
    from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

    out = {}
    for s in shaped:
        row = {}
        if s["pair"] is not None:
            for stat, weights in (("kappa", None), ("kappa_linear", "linear"), ("kappa_quadratic", "quadratic")):
                row[stat] = cohen_kappa_score(s["pair"][:, 0], s["pair"][:, 1], weights=weights)
        row["fleiss_kappa"] = fleiss_kappa(aggregate_raters(s["complete"])[0])
        for level in ("nominal", "ordinal", "interval"):
            row[f"alpha_{level}"] = krippendorff.alpha(reliability_data=s["xt"], level_of_measurement=level)
        icc = dict(zip(*pingouin.intraclass_corr(data=s["long"], targets="case", raters="rater",
                                                 ratings="value")[["Type", "ICC"]].to_numpy().T))
        row["icc2_1"], row["icc3_k"] = icc["ICC(A,1)"], icc["ICC(C,k)"]
        out[s["item"]] = row
    return out


def time_both(ours, theirs, repeat: int) -> tuple[list[float], list[float], object, object]:
    ours_result, theirs_result = ours(), theirs()  # warm-up: imports, caches
    t_ours, t_theirs = [], []
    for _ in range(repeat):
        for fn, times in ((ours, t_ours), (theirs, t_theirs)):
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return t_ours, t_theirs, ours_result, theirs_result


def summary(times: list[float]) -> dict:
    return {"min": min(times), "median": statistics.median(times), "max": max(times), "runs": times}


def largest_difference(table: pd.DataFrame, reference: dict) -> float:
    worst = 0.0
    for _, row in table.iterrows():
        for stat, want in reference[row["item"]].items():
            worst = max(worst, abs(float(row[stat]) - float(want)))
    return worst


def machine() -> dict:
    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:  # pragma: no cover
            return None

    return {"platform": platform.platform(), "machine": platform.machine(), "processor": _cpu_name(),
            "cpu_count": os.cpu_count(), "python": sys.version.split()[0],
            "libraries": {name: version(name) for name in LIBRARIES}}


def _interpreter() -> str:
    try:
        return str(Path(sys.executable).relative_to(ROOT))
    except ValueError:
        return sys.executable


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:  # pragma: no cover - not Linux
        pass
    return platform.processor()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100x smaller dataset (100 cases), for CI")
    parser.add_argument("--repeat", type=int, default=None, help="timed repetitions (default 7; 5 with --quick)")
    parser.add_argument("--output", type=Path, default=None, help="where to write the JSON results")
    args = parser.parse_args(argv)
    from casekit.analysis import agreement_table

    n_cases = 100 if args.quick else 10_000
    repeat = args.repeat or (5 if args.quick else 7)
    output = args.output or ROOT / "benchmarks" / ("results_agreement_quick.json" if args.quick
                                                   else "results_agreement.json")
    frame = make_ratings(n_cases)
    two = ["worker-1", "worker-2"]
    scenarios = []
    warnings.filterwarnings("ignore")  # pingouin's pandas deprecation warnings would flood the output
    for name, raters in (("5 raters: Fleiss, alpha x3, ICC(2,1), ICC(3,k)", None),
                         ("2 raters: + Cohen's kappa x3", two)):
        shaped = preshape(frame, raters)
        t_ours, t_base, table, reference = time_both(lambda: agreement_table(frame, raters=raters),
                                                     lambda: baseline(shaped), repeat)
        scenarios.append({
            "name": name, "raters": raters or "all (5)", "agreement_table": summary(t_ours),
            "baseline": summary(t_base), "ratio": statistics.median(t_ours) / statistics.median(t_base),
            "ratio_of_minima": min(t_ours) / min(t_base),
            "largest_difference_from_baseline": largest_difference(table, reference),
        })

    results = {
        "benchmark": "agreement_table, per item", "quick": args.quick,
        "command": shlex.join([_interpreter(), "benchmarks/bench_agreement.py",
                               *(argv if argv is not None else sys.argv[1:])]),
        "dataset": {"ratings": len(frame), "cases": n_cases, "raters": 5, "items": 20, "domains": 4,
                    "missing_share": round(float(frame["value"].isna().mean()), 4)},
        "repeat": repeat, "machine": machine(), "scenarios": scenarios, "ratio": scenarios[0]["ratio"],
    }
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"{len(frame):,} ratings ({n_cases:,} cases x 5 raters x 20 items), {repeat} repetitions each\n")
    print(f"{'scenario':<48} {'':<16} {'min s':>8} {'median s':>9} {'max s':>8}")
    for s in scenarios:
        for label in ("agreement_table", "baseline"):
            t = s[label]
            print(f"{s['name']:<48} {label:<16} {t['min']:>8.3f} {t['median']:>9.3f} {t['max']:>8.3f}")
        print(f"{'':<48} {'ratio (median)':<16} {s['ratio']:>8.2f}   (largest difference "
              f"{s['largest_difference_from_baseline']:.1e})")
    print(f"\nwritten: {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
