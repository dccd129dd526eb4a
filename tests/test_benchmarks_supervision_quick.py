"""The supervision benchmark runs in its quick mode (demo store, 2 repetitions); timings are not asserted."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def test_supervision_benchmark_quick(tmp_path):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; CI must run the browser benchmarks")
        pytest.skip("Chromium is not installed")
    output = tmp_path / "results_supervision.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_supervision.py"), "--quick",
                          "--output", str(output)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True and "--quick" in results["command"]
    assert {"platform", "cpu_count", "python", "libraries"} <= set(results["machine"])
    assert list(results["measures"]) == ["demo"]
    demo = results["measures"]["demo"]
    assert len(demo["subject"]["runs"]) == 2 and len(demo["baseline"]["runs"]) == 2
    assert demo["subject"]["min"] <= demo["subject"]["median"] <= demo["subject"]["max"]
    assert demo["subject"]["median"] > 0 and demo["baseline"]["median"] > 0
    assert isinstance(demo["ratio"], float) and demo["ratio"] > 0
    assert demo["voila"]["preheat"] is True and "casekit.server" in demo["voila"]["command"]
    assert "ratio" in run.stdout


def test_benchmark_file_has_a_docstring():
    import ast

    docstring = ast.get_docstring(ast.parse((ROOT / "benchmarks" / "bench_supervision.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring.splitlines()) > 3
