"""The domain never imports a user interface; ``import casekit`` stays light."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ("ipywidgets", "altair", "IPython", "voila", "traitlets.config.application")
DOMAIN = ["casekit", "casekit.model", "casekit.vocab", "casekit.i18n", "casekit.errors", "casekit.caseio",
          "casekit.store", "casekit.frames", "casekit.example_data", "casekit.cli",
          "casekit.instruments", "casekit.instruments.importers", "casekit.analysis", "casekit.gas",
          "casekit.anonymise", "casekit.studies", "casekit.minutes", "casekit.logs",
          "casekit.caseload", "casekit.gaps", "casekit.imports",
          "casekit.conference", "casekit.conference.edits", "casekit.conference.edits_base",
          "casekit.conference.edits_network", "casekit.conference.edits_plan", "casekit.conference.merge",
          "casekit.conference.session", "casekit.conference.room_state", "casekit.conference.follow",
          "casekit.conference.needs", "casekit.store.live"]


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_domain_modules_load_no_ui_library():
    code = "\n".join(f"import {m}" for m in DOMAIN) + (
        "\nimport casekit\ncasekit.load_example(casekit.examples()[0])"
        "\nimport tempfile, os\nd = tempfile.mkdtemp()"
        "\ns = casekit.open_store('sqlite:///' + os.path.join(d, 'x.sqlite'))"
        "\ns.save(casekit.load_example(casekit.examples()[0]).model_copy(update={'version': 0}))"
    )
    loaded = _loaded_after(code)
    assert {m for m in loaded for ui in UI if m == ui or m.startswith(ui + ".")} == set()


def test_import_casekit_is_light():
    loaded = _loaded_after("import casekit")
    heavy = {"pandas", "sqlalchemy", "alembic", "numpy", "jsonschema", "babel.messages"}
    assert heavy & loaded == set()
    assert "pydantic" in loaded  # the probe really observes imports


def test_no_ui_import_statement_in_domain_sources():
    offenders = []
    for path in (ROOT / "casekit").rglob("*.py"):
        rel = path.relative_to(ROOT / "casekit").parts
        if rel[0] in ("widgets", "charts", "apps", "serve.py", "server"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(f" {ui}" in stripped for ui in UI):
                offenders.append(f"{path.name}: {stripped}")
    assert offenders == []


def test_no_output_capture_anywhere():
    # an exception inside an Output widget's capture context shows its traceback to the audience (platform.md)
    offenders = [str(p) for p in (ROOT / "casekit").rglob("*.py") if ".capture(" in p.read_text(encoding="utf-8")]
    assert offenders == []
