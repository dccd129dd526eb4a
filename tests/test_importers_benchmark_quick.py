"""benchmarks/bench_import.py runs in its quick mode (500 and 1,000 rows); timings are not asserted."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_benchmark_quick(tmp_path):
    output = tmp_path / "results_import.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_import.py"), "--quick", "--repeat", "1",
                          "--output", str(output)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True
    assert {(s["format"], s["rows"]) for s in results["scenarios"]} == {
        ("redcap", 500), ("redcap", 1000), ("xlsform", 500), ("xlsform", 1000)}
    for scenario in results["scenarios"]:
        assert scenario["items"] > 0.6 * scenario["rows"] and scenario["yaml_bytes"] > 0
        assert isinstance(scenario["ratio"], float) and scenario["ratio"] > 0
    assert set(results["linearity"]) == {"redcap", "xlsform"}
    assert {"platform", "cpu_count", "python", "libraries"} <= set(results["machine"])
