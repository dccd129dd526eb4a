"""benchmarks/bench_follow.py runs in its quick mode (10 saves per backend); the timings themselves are not
asserted beyond every save being noticed (the 1 s target is the full run's, in benchmarks/README.md)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_follow_benchmark_quick(tmp_path):
    import pgserver

    backends = "sqlite,postgresql" if pgserver.available() else "sqlite"
    output = tmp_path / "results_follow.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_follow.py"), "--quick",
                          "--backends", backends, "--output", str(output)],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode == 0, run.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["quick"] is True and "--quick" in results["command"] and results["saves_per_backend"] == 10
    assert set(results["backends"]) == set(backends.split(","))
    modes = {"sqlite": "data_version", "postgresql": "listen"}
    for name, backend in results["backends"].items():
        assert backend["mode"] == modes[name] and backend["missed"] == 0
        assert len(backend["latency_seconds"]["runs"]) == 10
        latency = backend["latency_seconds"]
        assert 0 < latency["min"] <= latency["median"] <= latency["p95"] <= latency["max"]
        assert backend["notice_seconds"]["median"] <= latency["median"]
    assert "within 1 s" in run.stdout
