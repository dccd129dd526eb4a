"""The caseload benchmark runs in its quick mode (200 cases); the timings themselves are not asserted."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_caseload_benchmark_quick(tmp_path):
    import pgserver

    backends = "sqlite,postgresql" if pgserver.available() else "sqlite"
    output = tmp_path / "results_caseload.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_caseload.py"), "--quick", "--repeat", "1",
                          "--backends", backends, "--output", str(output)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True and results["dataset"]["cases"] == 200
    assert results["dataset"]["needs"] == 4000 and results["dataset"]["actions"] == 2000
    assert "--quick" in results["command"]
    assert {"platform", "cpu_count", "python", "sqlite", "libraries"} <= set(results["machine"])
    assert set(results["backends"]) == set(backends.split(","))
    for backend in results["backends"].values():
        assert backend["agrees_with_python_implementation"] is True
        assert [s["name"] for s in backend["scenarios"]] == ["caseload dashboard", "gap analysis"]
        for s in backend["scenarios"]:
            assert isinstance(s["ratio"], float) and s["ratio"] > 0
            assert s["largest_difference_from_baseline"] <= 1e-9
            assert s["library"]["median"] > 0 and s["baseline"]["median"] > 0
    assert len(results["ratios"]) == 2 * len(results["backends"])
    assert "ratio" in run.stdout


@pytest.mark.parametrize("name", ["bench_caseload.py", "pgserver.py"])
def test_benchmark_files_have_a_docstring(name):
    import ast

    docstring = ast.get_docstring(ast.parse((ROOT / "benchmarks" / name).read_text(encoding="utf-8")))
    assert docstring and len(docstring.splitlines()) > 3
