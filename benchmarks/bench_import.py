#!/usr/bin/env python3
"""Benchmark: importing REDCap data dictionaries and XLSForms of 5,000 to 50,000 rows.

    .venv/bin/python benchmarks/bench_import.py            # 5,000, 10,000, 20,000 and 50,000 rows
    .venv/bin/python benchmarks/bench_import.py --quick    # 500 and 1,000 rows, for CI

The files are generated, seeded, shaped like real ones: forms of 400 fields with a section header every 50,
radio buttons, dropdowns and checkboxes (most with one of 25 common choice lists, the rest with lists of
their own), integers with bounds, dates, notes, calc fields summing earlier fields, branching on earlier
choices (a quarter of the fields), HTML in some labels. The XLSForm has the same questions in groups,
English and Czech labels, a choices sheet and settings.

Timed in the same run, alternately, after one warm-up each:

- ``import_file(path)``: reading, converting, checking and writing the YAML text (what ``casekit instrument
  import`` does, without writing the file);
- the baseline: reading the same file with the library a researcher would use: ``pandas.read_csv`` for the
  CSV (every cell as text), ``openpyxl`` in read-only mode for the workbook (every row of every sheet).

For the largest size, the run also times ``casekit instrument check`` on the YAML the import wrote (and fails if
the check finds anything).

The ratio is median(import) / median(baseline); "per 1,000 rows" shows whether the time grows linearly. The
target (issue 13): 50,000 rows in under 10 s. Each run's CPU time is recorded beside its wall-clock time: on a
machine shared with other jobs the wall clock also counts the time spent waiting for a core (the load average
before and after is recorded too). Results go to ``benchmarks/results_import.json``
(``results_import_quick.json`` with ``--quick``).
"""
from __future__ import annotations

import argparse
import csv
import gc
import json
import random
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
          "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
          "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
          "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
          "Matrix Ranking?", "Field Annotation"]
TARGET_SECONDS = 10.0
LIBRARIES = ("pandas", "openpyxl", "pyyaml", "pydantic", "pingouin", "statsmodels")


def _common_lists(rnd: random.Random) -> list[list[tuple[str, str]]]:
    words = ["Never", "Rarely", "Sometimes", "Often", "Always", "Yes", "No", "Not known", "Agree", "Disagree",
             "Neither", "Strongly agree", "Strongly disagree", "Not applicable", "Mild", "Severe", "None"]
    lists = []
    for _ in range(25):
        size = rnd.randint(2, 7)
        lists.append([(str(code), rnd.choice(words)) for code in range(1, size + 1)])
    return lists


def make_fields(rows: int, seed: int = 13) -> list[dict]:
    """The questions of both formats: one dict per field (the first is the record id)."""
    rnd = random.Random(seed)
    common = _common_lists(rnd)
    fields = [{"name": "record_id", "form": "form_1", "type": "text", "label": "Record ID"}]
    choice_fields: list[tuple[str, list]] = []
    for n in range(1, rows):
        form = f"form_{n // 400 + 1}"
        section = f"Part {n // 50}" if n % 50 == 0 else ""
        kind = rnd.choices(["radio", "dropdown", "checkbox", "integer", "date", "notes", "text", "calc"],
                           [25, 10, 10, 15, 5, 10, 15, 10])[0]
        label = f"Question {n}: how does the client manage this part of daily life?"
        if n % 17 == 0:
            label = f"<b>Question {n}</b>: <i>as the client sees it</i>"
        field = {"name": f"f{n}", "form": form, "section": section, "type": kind, "label": label}
        if choice_fields and rnd.random() < 0.25 and kind != "calc":  # on an earlier choice, maybe a number too
            target, options, many = rnd.choice(choice_fields[-30:])
            field["branching"] = (target, options[0][0], many,
                                  fields[-1]["name"] if fields[-1]["type"] == "integer" else None)
        if kind in ("radio", "dropdown", "checkbox"):
            options = rnd.choice(common) if rnd.random() < 0.8 else [
                (str(c), f"Option {c} of field {n}") for c in range(1, rnd.randint(3, 9))]
            field["choices"] = options
            choice_fields.append((field["name"], options, kind == "checkbox"))
        elif kind == "integer":
            field.update(min="0", max=str(rnd.choice([10, 100, 120])))
        elif kind == "calc":
            numeric = [f for f in fields[-12:] if f["type"] == "integer"]
            field["calc"] = [f["name"] for f in numeric[:3]]
        fields.append(field)
    return fields


def write_redcap(fields: list[dict], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for f in fields:
            row = [""] * len(HEADER)
            row[0], row[1], row[2], row[4] = f["name"], f["form"], f.get("section", ""), f["label"]
            kind = f["type"]
            if kind in ("radio", "dropdown", "checkbox"):
                row[3], row[5] = kind, " | ".join(f"{c}, {label}" for c, label in f["choices"])
            elif kind == "integer":
                row[3], row[7], row[8], row[9] = "text", "integer", f["min"], f["max"]
            elif kind == "date":
                row[3], row[7] = "text", "date_ymd"
            elif kind == "calc":
                row[3], row[5] = "calc", (f"sum({', '.join(f'[{x}]' for x in f['calc'])})" if f["calc"] else "1")
            else:
                row[3] = kind
            if f.get("branching"):
                target, code, many, number = f["branching"]
                row[11] = (f"[{target}({code})] = '1'" if many else f"[{target}] = '{code}'") + (
                    f" and [{number}] > 2" if number else "")
            writer.writerow(row)
    return path


def write_xlsform(fields: list[dict], path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    survey = workbook.create_sheet("survey")
    survey.append(["type", "name", "label::English (en)", "label::Čeština (cs)", "relevant", "calculation",
                   "constraint"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::Čeština (cs)"])
    lists: dict[tuple, str] = {}
    group = None
    for f in fields[1:]:
        if f["form"] != group:
            if group is not None:
                survey.append(["end group"])
            group = f["form"]
            survey.append(["begin group", group, group.replace("_", " ").title(), group])
        kind = f["type"]
        relevant = ""
        if f.get("branching"):
            target, code, many, number = f["branching"]
            relevant = (f"selected(${{{target}}}, '{code}')" if many else f"${{{target}}} = '{code}'") + (
                f" and ${{{number}}} > 2" if number else "")
        label_cs = f["label"].replace("Question", "Otázka")
        if kind in ("radio", "dropdown", "checkbox"):
            key = tuple(f["choices"])
            if key not in lists:
                lists[key] = f"list_{len(lists) + 1}"
                for code, label in key:
                    choices.append([lists[key], code, label, label])
            word = "select_multiple" if kind == "checkbox" else "select_one"
            survey.append([f"{word} {lists[key]}", f["name"], f["label"], label_cs, relevant])
        elif kind == "integer":
            survey.append(["integer", f["name"], f["label"], label_cs, relevant, "", f". <= {f['max']}"])
        elif kind == "calc":
            formula = " + ".join(f"${{{x}}}" for x in f["calc"]) or "1"
            survey.append(["calculate", f["name"], f["label"], label_cs, "", formula])
        else:
            survey.append([{"notes": "text", "date": "date"}.get(kind, "text"), f["name"], f["label"], label_cs,
                           relevant])
    survey.append(["end group"])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Benchmark form", "benchmark", "1"])
    workbook.save(path)
    return path


def read_with_pandas(path: Path):
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False)


def read_with_openpyxl(path: Path) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for sheet in workbook.worksheets for _ in sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def time_both(ours, baseline, repeat: int):
    """Wall-clock and CPU seconds of each run, alternately. On a machine shared with other jobs the wall clock
    also counts the time the process waited for a core; its CPU time (``time.process_time``) does not."""
    result = ours()   # warm-up: imports, caches
    baseline()
    times = {"ours": [], "base": [], "ours_cpu": [], "base_cpu": []}
    for _ in range(repeat):
        for fn, name in ((ours, "ours"), (baseline, "base")):
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - start)
            times[f"{name}_cpu"].append(time.process_time() - cpu)
    return times, result


def machine() -> dict:
    import os
    import platform
    from importlib import metadata

    from bench_agreement import _cpu_name

    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:  # pragma: no cover
            return None

    return {"platform": platform.platform(), "processor": _cpu_name(), "cpu_count": os.cpu_count(),
            "python": sys.version.split()[0], "libraries": {name: version(name) for name in LIBRARIES}}


def _load() -> list[float] | None:
    import os

    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover - not Unix
        return None


def summary(values: list[float]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "runs": list(values)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 and 1,000 rows, for CI")
    parser.add_argument("--repeat", type=int, default=None, help="timed repetitions (default 3; 2 with --quick)")
    parser.add_argument("--sizes", type=int, nargs="*", help="row counts (default 5000 10000 20000 50000)")
    parser.add_argument("--output", type=Path, default=None, help="where to write the JSON results")
    args = parser.parse_args(argv)
    from casekit.instruments import check
    from casekit.instruments.importers import import_file

    sizes = args.sizes or ([500, 1_000] if args.quick else [5_000, 10_000, 20_000, 50_000])
    repeat = args.repeat or (2 if args.quick else 3)
    output = args.output or ROOT / "benchmarks" / ("results_import_quick.json" if args.quick else
                                                   "results_import.json")
    scenarios = []
    load_before = _load()
    with tempfile.TemporaryDirectory(prefix="casekit-bench-import-") as tmp:
        for rows in sizes:
            fields = make_fields(rows)
            for fmt, writer, reader in (("redcap", write_redcap, read_with_pandas),
                                        ("xlsform", write_xlsform, read_with_openpyxl)):
                path = writer(fields, Path(tmp) / (f"bench_{rows}_DataDictionary.csv" if fmt == "redcap"
                                                   else f"bench_{rows}.xlsx"))
                times, result = time_both(lambda: import_file(path).to_yaml(), lambda: reader(path), repeat)
                t_ours, t_base = times["ours"], times["base"]
                imported = import_file(path)
                median = statistics.median(t_ours)
                check_seconds = check_cpu = None
                if rows == max(sizes):  # what `casekit instrument check` takes on the file the import writes
                    written = Path(tmp) / f"bench_{rows}_{fmt}.yaml"
                    imported.to_yaml(written)
                    gc.collect()
                    start, cpu = time.perf_counter(), time.process_time()
                    problems = check(written)
                    check_seconds = time.perf_counter() - start
                    check_cpu = time.process_time() - cpu
                    assert problems == [], problems[:3]
                scenarios.append({
                    "format": fmt, "rows": rows, "file_bytes": path.stat().st_size,
                    "items": len(imported.instrument.items()), "scores": len(imported.instrument.scores),
                    "report_notes": len(imported.report), "yaml_bytes": len(result.encode("utf-8")),
                    "import": summary(t_ours), "baseline": summary(t_base),
                    "import_cpu": summary(times["ours_cpu"]), "baseline_cpu": summary(times["base_cpu"]),
                    "ratio_cpu": statistics.median(times["ours_cpu"]) / statistics.median(times["base_cpu"]),
                    "baseline_is": "pandas.read_csv" if fmt == "redcap" else "openpyxl read-only, every row",
                    "ratio": median / statistics.median(t_base),
                    "seconds_per_1000_rows": median / rows * 1000, "instrument_check_s": check_seconds,
                    "instrument_check_cpu_s": check_cpu,
                })
                print(f"{fmt:<8} {rows:>7,} rows  import {median:7.2f} s (CPU {statistics.median(times['ours_cpu']):6.2f} s)"
                      f"   baseline {statistics.median(t_base):6.2f} s (CPU {statistics.median(times['base_cpu']):6.2f} s)"
                      f"   ratio {scenarios[-1]['ratio']:6.1f}   {scenarios[-1]['seconds_per_1000_rows']:.3f} s per 1,000 rows",
                      flush=True)
                if check_seconds is not None:
                    print(f"{fmt:<8} {rows:>7,} rows  instrument check {check_seconds:7.2f} s (CPU {check_cpu:6.2f} s)",
                          flush=True)
    largest = max(sizes)
    at_largest = {s["format"]: s for s in scenarios if s["rows"] == largest}
    results = {
        "benchmark": "instrument import (REDCap data dictionary, XLSForm)", "quick": args.quick,
        "command": shlex.join(["benchmarks/bench_import.py", *(argv if argv is not None else sys.argv[1:])]),
        "repeat": repeat, "target_seconds_at_50000_rows": TARGET_SECONDS, "machine": machine(),
        "load_average_before_and_after": [load_before, _load()],  # other jobs on the same 2 cores
        "scenarios": scenarios,
        "largest": {fmt: {"rows": s["rows"], "median_s": s["import"]["median"],
                          "median_cpu_s": s["import_cpu"]["median"], "ratio": s["ratio"],
                          "meets_target_wall": s["rows"] < 50_000 or s["import"]["median"] < TARGET_SECONDS,
                          "meets_target_cpu": s["rows"] < 50_000 or s["import_cpu"]["median"] < TARGET_SECONDS}
                    for fmt, s in at_largest.items()},
        "linearity": {fmt: [round(s["seconds_per_1000_rows"], 4) for s in scenarios if s["format"] == fmt]
                      for fmt in ("redcap", "xlsform")},
    }
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
