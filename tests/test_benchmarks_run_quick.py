"""``benchmarks/run.py --quick`` runs end to end (Voilà, headless Chromium, the store) and writes every measure
with its baseline, ratio and target, and the machine's description. The timings themselves are not asserted; the
soak's count of steps that never appeared is (a lost step change is a defect, not a slow run)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
MEASURES = ("a_warm", "a_cold", "b_rating", "b_step_messages", "b_step_time", "b_room_follow", "c_import",
            "c_app_startup", "d_open_sqlite", "d_save_sqlite", "e_memory")
REPORTED = ("c_app_startup", "b_step_time")  # reported against their baseline, no target


def test_run_quick_writes_every_measure(tmp_path):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing (Debian: apt-get install chromium); CI must run the app benchmarks")
        pytest.skip(f"{CHROMIUM} is missing (Debian: apt-get install chromium): the app benchmarks need a browser")
    output = tmp_path / "results.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--output", str(output)],
                         capture_output=True, text=True, cwd=ROOT, timeout=2700)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(output.read_text(encoding="utf-8"))

    assert results["quick"] is True and "--quick" in results["command"]
    described = results["machine"]
    assert {"platform", "cpu_count", "python", "libraries", "command"} <= set(described)
    assert described["cpu_count"] >= 1 and described["python"]
    for library in ("voila", "ipywidgets", "pydantic", "pandas", "sqlalchemy", "playwright"):
        assert described["libraries"][library], library

    measures = results["measures"]
    assert set(MEASURES) <= set(measures), sorted(set(MEASURES) - set(measures))
    for key, measure in measures.items():
        for side in ("subject", "baseline"):
            figures = measure[side]
            assert figures["label"]
            assert len(figures["runs"]) >= 2, (key, side)
            assert 0 < figures["min"] <= figures["median"] <= figures["max"], (key, side)
        assert isinstance(measure["ratio"], float) and measure["ratio"] > 0, key
        assert measure["ratio"] == pytest.approx(measure["subject"]["median"] / measure["baseline"]["median"])
        assert measure["target"] and measure["met"] in (True, False, None), key
        assert results["ratios"][key] == measure["ratio"]
    for key in MEASURES:
        if key not in REPORTED:
            assert measures[key]["met"] in (True, False), key
    assert measures["e_memory"]["unit"] == "MB"
    assert measures["b_step_messages"]["unit"] == "msgs" and measures["b_step_messages"]["subject"]["median"] >= 50
    assert measures["b_step_messages"]["met"] is (measures["b_step_messages"]["subject"]["median"] <= 400)
    assert measures["e_memory"]["details"]["memory_stages_mib"]
    assert measures["b_rating"]["details"]["kernel_handler"]["handler_seconds"] > 0
    assert "| measure |" in results["table_markdown"]

    soak = results["soak"]  # f: page loads with an immediate step click under a CPU hog (bench_soak.py)
    assert results["targets_met"]["f_soak"] is soak["met"]
    assert soak["subjects"]["conference"]["fixed"]["loads"] == 20
    assert soak["subjects"]["burst"]["baseline"]["kernel_iopub_hwm"] == 1000
    for subject, configs in soak["subjects"].items():
        assert configs["fixed"]["ready"] >= 1, subject
        assert configs["fixed"]["missing_steps"] == 0, (subject, configs["fixed"]["runs"])
    assert "ratio" in run.stdout and "met" in run.stdout


def test_benchmark_modules_have_a_docstring():
    import ast

    for name in ("run.py", "common.py", "bench_app.py", "bench_app_startup.py", "bench_app_profile.py",
                 "bench_store_case.py"):
        docstring = ast.get_docstring(ast.parse((ROOT / "benchmarks" / name).read_text(encoding="utf-8")))
        assert docstring and len(docstring.splitlines()) > 3, name
