"""Importing a caseload kept in a spreadsheet: Czech or English headers and dates, CSV or XLSX, all or nothing."""
from datetime import date, datetime

import pytest

from casekit.caseload import caseload
from casekit.imports import CaseloadImportError, import_caseload, read_caseload
from casekit.vocab import Phase, TeamModel

CZECH_CSV = """ID případu;Pseudonym klienta;Rok narození;Obec;Case manažer;Model týmu;Fáze;Ve fázi od;Datum otevření;Cílová skupina;Další revize;Poznámka
imp-1;Pan A.;1950;Jalovec;J. Malá;individuální;Monitorování;1. 3. 2026;15. 1. 2026;senioři;1. 12. 2026;zvoní dvakrát
imp-2;Paní B.;1961;Vřesová;J. Malá;ACT;planning;;2026-02-01;lidé s duševním onemocněním;;
"""

ENGLISH_HEADER = ["Case ID", "Client pseudonym", "Birth year", "Municipality", "Case manager", "Team model", "Phase",
                  "Opened", "Closed", "Closure reason", "Target group", "Last conference", "Next review"]


def _xlsx(path, rows, header=ENGLISH_HEADER, title="Caseload"):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_czech_csv_imports(store, tmp_path):
    path = tmp_path / "pripady.csv"
    path.write_text(CZECH_CSV, encoding="utf-8")
    result = import_caseload(path, store, lang="cs")
    assert [c.id for c in result.cases] == ["imp-1", "imp-2"] and result.ignored_columns == ["Poznámka"]
    first = store.get("imp-1")
    assert (first.client.display_name, first.client.birth_year, first.client.municipality) == ("Pan A.", 1950,
                                                                                                "Jalovec")
    assert (first.case_manager, first.team_model, first.phase) == ("J. Malá", TeamModel.INDIVIDUAL, Phase.MONITORING)
    assert first.opened == date(2026, 1, 15) and first.phase_history[-1].date == date(2026, 3, 1)
    conference = first.conferences[0]  # the planned review lives on a conference dated on the opening day
    assert (conference.date, conference.next_review) == (date(2026, 1, 15), date(2026, 12, 1))
    assert "tabulky" in conference.notes
    second = store.get("imp-2")
    assert (second.team_model, second.phase, second.conferences, second.phase_history) == (
        TeamModel.ASSERTIVE_COMMUNITY, Phase.PLANNING, [], [])
    # the imported cases show on the dashboard: imp-1 has been in monitoring since 1 March (269 days)
    board = caseload(store, as_of=date(2026, 11, 25)).cases.set_index("case_id")
    assert board.loc["imp-1", "days_in_phase"] == 269 and board.loc["imp-1", "next_review"].date() == date(2026, 12, 1)
    assert board.loc["imp-2", "phase_since"].date() == date(2026, 2, 1)


def test_windows_1250_csv_with_commas(tmp_path):
    text = "case id,client,case manager,opened,phase\nx-1,Paní Č.,Š. Řezníčková,20.01.2025,Posouzení\n"
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("cp1250"))
    checked = read_caseload(path)
    assert checked.ok and checked.cases[0].client.display_name == "Paní Č."
    assert checked.cases[0].case_manager == "Š. Řezníčková" and checked.cases[0].phase == Phase.ASSESSMENT


def test_xlsx_imports_with_date_cells(store, tmp_path):
    path = _xlsx(tmp_path / "caseload.xlsx", [
        ["x-1", "Mr K.", 1944.0, "Brodce nad Jalovkou", "H. Lesná", "individual", "closed", datetime(2024, 3, 4),
         datetime(2025, 6, 30), "Moved to residential care", "people aged 55+", datetime(2025, 3, 12),
         datetime(2025, 6, 11)],
        [None] * 13,  # empty rows are skipped
        ["x-2", "Ms L.", 2006, "Jalovec", "O. Kratochvílová", "Brokerage case management", "", "3. 6. 2024", None,
         None, "young adults leaving care", None, None],
    ])
    result = import_caseload(path, store)
    assert [c.id for c in result.cases] == ["x-1", "x-2"]
    closed = store.get("x-1")
    assert (closed.phase, closed.closed, closed.closure_reason.value) == (Phase.CLOSED, date(2025, 6, 30),
                                                                          "residential_care")
    assert (closed.conferences[0].date, closed.conferences[0].next_review) == (date(2025, 3, 12), date(2025, 6, 11))
    assert store.get("x-2").phase == Phase.CONTACT and store.get("x-2").team_model == TeamModel.BROKERAGE


def test_a_bad_row_imports_nothing_and_is_reported_in_both_languages(store, tmp_path):
    path = _xlsx(tmp_path / "bad.xlsx", [
        ["ok-1", "Mr A.", 1950, "Jalovec", "J. Malá", "individual", "monitoring", "2025-01-15", None, None, "", None,
         None],
        ["bad-1", "Mr B.", 1960, "Jalovec", "J. Malá", "individual", "monitoring", "15. 13. 2025", None, None, "",
         None, None],
        ["bad-2", "Ms C.", 1970, "Jalovec", "J. Malá", "individual", "closed", "2025-05-01", "2025-04-01",
         "Goals achieved", "", None, None],
        ["ok-2", "Ms D.", 1980, "Jalovec", "J. Malá", "individual", "planning", "2025-02-01", None, None, "", None,
         None],
    ])
    with pytest.raises(CaseloadImportError) as info:
        import_caseload(path, store)
    assert store.cases() == []  # nothing saved, not even the good rows
    errors = info.value.errors
    assert [(e.row, e.column, e.header) for e in errors] == [(3, "opened", "Opened"), (4, "closed", "Closed")]
    assert errors[0].message("en") == (
        "Row 3, column “Opened”: “15. 13. 2025” is not a date (write 2025-01-20 or 20. 1. 2025).")
    assert errors[0].message("cs") == (
        "Řádek 3, sloupec „Opened“: „15. 13. 2025“ není datum (pište 20. 1. 2025 nebo 2025-01-20).")
    assert errors[1].message("en").startswith("Row 4, column “Closed”: ")
    assert errors[1].message("cs").startswith("Řádek 4, sloupec „Closed“: ")
    assert errors[1].reason("en") != errors[1].reason("cs")
    messages = info.value.messages("cs")
    assert messages[0] == "Soubor nebyl převzat: nalezené problémy: 2, nic se neuložilo."
    assert len(messages) == 3 and len(info.value.messages("en")) == 3


def test_ids_taken_or_repeated(store, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("case id,client,case manager,opened\na-1,A.,W.,2025-01-01\na-2,B.,W.,2025-01-01\n"
                    "a-1,C.,W.,2025-01-01\n", encoding="utf-8")
    with pytest.raises(CaseloadImportError) as info:
        import_caseload(path, store)
    assert [(e.row, e.column, e.code) for e in info.value.errors] == [(4, "case_id", "duplicate_id")]
    assert "row 2" in info.value.errors[0].message("en") and "řádku 2" in info.value.errors[0].message("cs")
    path.write_text("case id,client,case manager,opened\na-1,A.,W.,2025-01-01\n", encoding="utf-8")
    import_caseload(path, store)
    path.write_text("case id,client,case manager,opened\nb-1,B.,W.,2025-01-01\na-1,A.,W.,2025-01-01\n",
                    encoding="utf-8")
    with pytest.raises(CaseloadImportError) as info:
        import_caseload(path, store)
    assert [(e.row, e.code) for e in info.value.errors] == [(3, "case_exists")]
    assert not store.exists("b-1")


def test_missing_columns_values_and_empty_files(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("client;opened\nA.;2025-01-01\n", encoding="utf-8")
    errors = read_caseload(path).errors
    assert [(e.row, e.column, e.code) for e in errors] == [(1, "case_manager", "missing_column")]
    assert errors[0].message("en") == "Row 1, column “Case manager”: the file has no such column; it is required."
    assert errors[0].message("cs") == "Řádek 1, sloupec „Case manažer“: soubor takový sloupec nemá; je povinný."
    path.write_text("client;case manager;opened;phase\n;W.;2025-01-01;nonsense\n", encoding="utf-8")
    assert [(e.row, e.column, e.code) for e in read_caseload(path).errors] == [
        (2, "phase", "bad_choice"), (2, "display_name", "required")]
    path.write_text("client;client name;case manager;opened\n", encoding="utf-8")
    assert [e.code for e in read_caseload(path).errors] == ["duplicate_column"]
    path.write_text("client;case manager;opened\n", encoding="utf-8")
    assert [e.code for e in read_caseload(path).errors] == ["no_rows"]
    path.write_text("", encoding="utf-8")
    assert [e.message("en") for e in read_caseload(path).errors] == ["Row 1: the file is empty."]
    path.write_text("client;case manager;opened;birth year\nA.;W.;2025-01-01;2999\n", encoding="utf-8")
    error = read_caseload(path).errors[0]
    assert (error.row, error.column) == (2, "birth_year") and "2999" in error.message("cs")


def test_dry_run_saves_nothing(store, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(CZECH_CSV, encoding="utf-8")
    result = import_caseload(path, store, dry_run=True)
    assert result.dry_run and len(result.cases) == 2 and store.cases() == []


def test_unreadable_workbook_and_missing_sheet(tmp_path):
    from casekit.errors import InvalidData

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidData):
        read_caseload(broken)
    path = _xlsx(tmp_path / "c.xlsx", [])
    with pytest.raises(InvalidData) as info:
        read_caseload(path, sheet="Other")
    assert "Caseload" in info.value.message("en")
    with pytest.raises(InvalidData):
        read_caseload(tmp_path / "missing.csv")


def test_cli_import_caseload(tmp_path, capsys):
    from casekit.cli import main

    db = tmp_path / "cli.sqlite"
    good = tmp_path / "good.csv"
    good.write_text(CZECH_CSV, encoding="utf-8")
    assert main(["--lang", "en", "--db", str(db), "import-caseload", str(good), "--dry-run"]) == 0
    assert "2 cases would be imported" in capsys.readouterr().out
    assert main(["--lang", "en", "--db", str(db), "import-caseload", str(good)]) == 0
    out = capsys.readouterr().out
    assert "Imported 2 cases" in out and "Poznámka" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("client;case manager;opened\nA.;W.;32. 1. 2025\n", encoding="utf-8")
    assert main(["--lang", "cs", "--db", str(db), "import-caseload", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Řádek 2, sloupec „opened“" in err and "nic se neuložilo" in err
