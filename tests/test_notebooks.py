"""Every notebook under notebooks/ is committed clean and runs from top to bottom.

The notebooks are examples for researchers and documentation at once, so they are tests too: nbval in lax
mode runs each one in a fresh kernel of this very interpreter (``--nbval-current-env``) and fails on any
exception. Outputs are never compared (charts are SVG, tables change with pandas); committed notebooks
carry no outputs and no execution counts, so diffs stay readable.
"""
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(p for p in NOTEBOOK_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_the_instrument_lab_is_there():
    assert NOTEBOOK_DIR / "instrument_lab.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(NOTEBOOK_DIR)))
def test_notebook_is_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    dirty = [i for i, cell in enumerate(notebook.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert dirty == [], f"{path.name}: cells {dirty} hold outputs or execution counts; clear them before committing"
    assert notebook.metadata.get("kernelspec", {}).get("name") == "python3"


def test_the_python3_kernel_is_this_interpreter():
    from jupyter_client.manager import KernelManager

    command = KernelManager(kernel_name="python3").format_kernel_cmd()
    assert command[0] == sys.executable


@pytest.mark.timeout(900)
def test_every_notebook_runs_in_a_fresh_kernel():
    env = {**os.environ, "PYTHONWARNINGS": "ignore::DeprecationWarning"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         str(NOTEBOOK_DIR)],
        cwd=ROOT, capture_output=True, text=True, timeout=850, env=env)
    report = result.stdout[-6000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert " passed" in result.stdout, report
