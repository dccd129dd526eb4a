"""The benchmarks run in their quick mode (a small dataset); the timings themselves are not asserted."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_agreement_benchmark_quick(tmp_path):
    output = tmp_path / "results_agreement.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_agreement.py"), "--quick", "--repeat", "1",
                          "--output", str(output)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True and results["dataset"]["ratings"] == 10_000
    assert isinstance(results["ratio"], float) and results["ratio"] > 0
    assert {"platform", "cpu_count", "python", "libraries"} <= set(results["machine"])
    assert all(s["largest_difference_from_baseline"] <= 1e-9 for s in results["scenarios"])
    assert "ratio" in run.stdout
