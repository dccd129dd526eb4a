"""What researchers' real files do to the importers (issue 13): each numbered failure, from a small file that
reproduces it. The files are written here; none is copied from elsewhere."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest

from casekit.cli import main
from casekit.instruments import ItemType, load_instrument
from casekit.instruments.importers import InstrumentImportError, import_file

ROOT = Path(__file__).resolve().parents[1]
HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
          "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
          "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
          "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
          "Matrix Ranking?", "Field Annotation"]


def dictionary(rows: list[list[str]], header=HEADER, delimiter=",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row + [""] * (len(header) - len(row)))
    return out.getvalue()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def xlsform(path: Path, survey: list[list], choices: list[list] | None = None,
            settings: list[list] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = workbook.create_sheet(title)
            for row in rows:
                extra.append(row)
    workbook.save(path)
    return path


def keys(result) -> list[str]:
    return [n.key for n in result.report]


def notes(result, key):
    return [n for n in result.report if n.key == key]


# -- 1. a choices cell larger than Python's CSV field limit -------------------------------------------------

def test_a_choices_cell_larger_than_the_csv_field_limit_imports(tmp_path):
    codes = " | ".join(f"{n}, Medication {n:05d} (a long generic name, tablets, 10 mg)" for n in range(1, 3_001))
    assert len(codes) > 131_072  # Python's default csv.field_size_limit()
    path = write(tmp_path, "meds_DataDictionary.csv", dictionary([
        ["record_id", "meds", "", "text", "ID"],
        ["medication", "meds", "", "dropdown", "Medication", codes],
        ["dose", "meds", "", "text", "Dose", "", "", "number"],
    ]))
    result = import_file(path)
    assert result.source_format == "redcap"
    levels = result.instrument.item("medication").levels
    assert len(levels) == 3_000 and levels[-1].value == 3_000
    assert levels[41].label.en == "Medication 00042 (a long generic name, tablets, 10 mg)"
    assert csv.field_size_limit() == 131_072  # the process-wide limit is left as it was


# -- 2. XLSForm spellings that pyxform accepts ---------------------------------------------------------------

def test_xlsform_spellings_that_pyxform_accepts(tmp_path):
    survey = [
        ["type", "name", "label:English", "label:French", "hint:English", "bind:relevant", "bind:constraint",
         "bind:jr:constraintMsg:English", "bind:required"],
        ["select one from yn", "consent", "Consent?", "Consentement ?", "", "", "", "", "yes"],
        ["select all that apply from help", "needs", "Needs", "Besoins", "Tick all", "${consent} = 'y'"],
        ["select one yn", "again", "Again?", "Encore ?"],
        ["select all that apply help", "more", "More needs", "Plus de besoins"],
        ["add select one prompt using yn", "old_style", "Old style", "Ancien style"],
        ["select_one yn or specify other", "other", "Other?", "Autre ?"],
        ["begin_group", "g", "Group", "Groupe", "", "${consent} = 'y'"],
        ["integer", "age", "Age", "Âge", "", "", ". >= 0", "Not negative", ""],
        ["end_group"],
    ]
    choices = [["list name", "value", "caption:English", "caption:French"],
               ["yn", "y", "Yes", "Oui"], ["yn", "n", "No", "Non"],
               ["help", "money", "Money", "Argent"], ["help", "home", "Home", "Logement"]]
    settings = [["set_form_title", "set_form_id", "version"], ["Spellings", "spellings", "3"]]
    result = import_file(xlsform(tmp_path / "spellings.xlsx", survey, choices, settings))
    ins = result.instrument
    assert (ins.id, ins.title.en) == ("spellings", "Spellings")
    types = {i.id: i.type for i in ins.items()}
    assert types == {"consent": ItemType.SINGLE, "needs": ItemType.MULTIPLE, "again": ItemType.SINGLE,
                     "more": ItemType.MULTIPLE, "old_style": ItemType.SINGLE, "other": ItemType.SINGLE,
                     "age": ItemType.NUMBER}
    consent = ins.item("consent")
    assert (consent.label.en, consent.label.get("fr"), consent.required) == ("Consent?", "Consentement ?", True)
    assert [(lv.value, lv.label.en, lv.label.get("fr")) for lv in consent.levels] == [
        ("y", "Yes", "Oui"), ("n", "No", "Non")]
    assert ins.item("needs").show_if == "consent == 'y'" and ins.item("needs").help.en == "Tick all"
    age = ins.item("age")
    assert (age.show_if, age.constraint, age.constraint_message.en) == ("consent == 'y'", "value >= 0",
                                                                       "Not negative")
    assert [d.id for d in ins.domains] == ["general", "g"]
    assert not {"import.list_missing", "import.label_missing", "import.column_dropped",
                "import.language_dropped"} & set(keys(result))
    assert notes(result, "import.or_other")[0].field == "other"


# -- 4. deeply nested conditions ------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [130, 1_000])
def test_deeply_nested_conditions_are_reported_not_raised(tmp_path, depth):
    redcap = write(tmp_path, "deep_DataDictionary.csv", dictionary([
        ["record_id", "f", "", "text", "ID"],
        ["a", "f", "", "radio", "A", "1, Yes | 0, No"],
        ["b", "f", "", "text", "B", "", "", "", "", "", "", "(" * depth + "[a] = '1'" + ")" * depth],
        ["c", "f", "", "calc", "C", "(" * depth + "[a]" + ")" * depth],
    ]))
    form = xlsform(tmp_path / "deep.xlsx", [
        ["type", "name", "label", "relevant", "calculation"],
        ["integer", "a", "A"],
        ["text", "b", "B", "(" * depth + "${a} > 1" + ")" * depth],
        ["calculate", "c", "C", "", "(" * depth + "${a}" + ")" * depth],
    ])
    for path in (redcap, form):
        result = import_file(path)
        assert result.instrument.item("b").show_if is None
        dropped = [n for n in result.report if n.key in ("import.condition_dropped", "import.calc_dropped")]
        assert {n.field for n in dropped} == {"b", "c"}
        for note in dropped:
            assert note.params["reason"].key == "import.why.too_deep"
            assert "64" in note.message("en") and "64" in note.message("cs")
            assert "Recursion" not in note.message("en") and len(note.message("en")) < 600


# -- 5. UTF-16 files ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_dictionaries_are_read(tmp_path, encoding):
    # Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated; others write no mark
    text = dictionary([["record_id", "f", "", "text", "ID"],
                       ["bydleni", "f", "", "radio", "Kde bydlíte? Wohnort? السكن", "1, Byt | 2, Ubytovna"]],
                      delimiter="\t")
    result = import_file(write(tmp_path, "unicode_DataDictionary.txt", text, encoding))
    assert result.instrument.item("bydleni").label.en == "Kde bydlíte? Wohnort? السكن"
    assert notes(result, "import.encoding_read")


def test_a_byte_order_mark_that_lies_is_named(tmp_path):
    path = tmp_path / "lying.csv"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"abc")  # a UTF-16 mark, then a broken surrogate
    with pytest.raises(InstrumentImportError) as caught:
        import_file(path)
    assert caught.value.code == "errors.import_bad_encoding"
    assert "UTF-16" in caught.value.message("en").upper()


# -- 6. an output folder that does not exist; 9. -o optional; --lang ------------------------------------------

def _housing() -> Path:
    return Path(__file__).parent / "data" / "importers" / "housing_wellbeing_DataDictionary.csv"


def test_a_missing_output_folder_is_a_clear_error(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "folder" / "x.yaml"
    assert main(["--lang", "en", "instrument", "import", str(_housing()), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(out.parent) in err and "casekit.log" not in err
    assert main(["--lang", "cs", "instrument", "import", str(_housing()), "-o", str(out)]) == 2
    assert "neexistuje" in capsys.readouterr().err


def test_without_o_the_yaml_goes_to_standard_output(capsys):
    assert main(["--lang", "en", "instrument", "import", str(_housing())]) == 0
    captured = capsys.readouterr()
    assert load_instrument(captured.out).id == "housing_wellbeing"
    assert "imported to -" in captured.err and "What could not be carried over" in captured.err


def test_lang_says_which_language_an_unlabelled_source_is_in(tmp_path, capsys):
    out = tmp_path / "cs.yaml"
    assert main(["--lang", "en", "instrument", "import", str(_housing()), "--lang", "cs", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "imported to" in printed  # the messages stay in English: --lang after `import` is the source's
    instrument = load_instrument(out)
    age = instrument.item("age")
    assert (age.label.cs, age.label.en, age.label.get("en")) == ("Age (years)", "", "Age (years)")
    assert "no Czech" not in printed and "no_czech" not in printed
    german = import_file(_housing(), lang="de")
    assert german.instrument.item("age").label.other == {"de": "Age (years)"}
    assert notes(german, "import.source_language")[0].params["lang"] == "de"
    with pytest.raises(InstrumentImportError) as caught:
        import_file(_housing(), lang="klingon")
    assert caught.value.code == "errors.import_bad_language"


# -- 7. openpyxl's warnings ------------------------------------------------------------------------------------

def _with_validation_extension(path: Path) -> Path:
    """The workbook with an Excel data-validation extension, which openpyxl warns about and drops."""
    source = zipfile.ZipFile(path)
    target_path = path.with_name("ext_" + path.name)
    with zipfile.ZipFile(target_path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}">'
                                                     b"</ext></extLst></worksheet>")
            target.writestr(info, data)
    return target_path


def test_spreadsheet_reader_warnings_do_not_reach_the_console(tmp_path):
    # openpyxl warned "Data Validation extension is not supported and will be removed" (with its own path)
    # for 8 of 24 real workbooks; the workbook is now read with calamine, and any warning of a reader would
    # become a note of the report
    path = _with_validation_extension(xlsform(tmp_path / "validated.xlsx", [["type", "name", "label"],
                                                                            ["text", "q", "Q"]]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = import_file(path)
    assert [str(w.message) for w in caught] == []
    assert result.instrument.item_ids() == ["q"]
    run = subprocess.run([sys.executable, "-m", "casekit.cli", "instrument", "import", str(path), "-o",
                          str(tmp_path / "v.yaml")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stderr == ""


# -- 9. smaller ones --------------------------------------------------------------------------------------------

def test_a_slider_keeps_its_own_range_in_the_note_and_the_help(tmp_path):
    path = write(tmp_path, "slider_DataDictionary.csv", dictionary([
        ["record_id", "f", "", "text", "ID"],
        ["pain", "f", "", "slider", "Pain", "None | Some | Worst", "", "number", "-1", "101"],
        ["mood", "f", "", "slider", "Mood", "Low | High"],
    ]))
    result = import_file(path)
    pain, mood = result.instrument.item("pain"), result.instrument.item("mood")
    assert (pain.min, pain.max) == (-1, 101) and pain.help.en == "-1 = None, 50 = Some, 101 = Worst"
    assert (mood.min, mood.max) == (0, 100) and mood.help.en == "0 = Low, 100 = High"
    note = [n for n in notes(result, "import.slider") if n.field == "pain"][0]
    assert "-1 to 101" in note.message("en") and "0 to 100" not in note.message("en")


def test_a_long_calculation_is_quoted_short_in_the_report_and_kept_whole_in_the_note(tmp_path):
    formula = " + ".join(f"datediff([d{n}], 'today', 'd')" for n in range(300))
    path = write(tmp_path, "calc_DataDictionary.csv", dictionary([
        ["record_id", "f", "", "text", "ID"], ["d0", "f", "", "text", "D", "", "", "date_ymd"],
        ["total", "f", "", "calc", "Total", formula]]))
    result = import_file(path)
    (note,) = notes(result, "import.calc_dropped")
    assert note.original == formula and len(formula) > 7_000
    for lang in ("en", "cs"):
        assert len(note.text(lang)) < 700 and "…" in note.text(lang)


def test_r_na_cells_are_empty(tmp_path):
    rows = [["record_id", "intake", "NA", "text", "ID", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"],
            ["age", "intake", "NA", "text", "Age", "NA", "NA", "integer", "0", "NA", "NA", "NA", "y"],
            ["sex", "intake", "NA", "radio", "Sex", "1, F | 2, M | 9, NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"]]
    result = import_file(write(tmp_path, "from_r_DataDictionary.csv", dictionary(rows)))
    ins = result.instrument
    assert [d.title.en for d in ins.domains] == ["Intake"]
    assert ins.item("age").max is None and ins.item("age").help is None and ins.item("age").required
    assert ins.item("sex").levels[-1].label.en == "NA"      # inside a cell "NA" is a choice's text
    assert notes(result, "import.r_na_cells")[0].params["count"] == 23


def test_every_language_of_the_source_is_kept(tmp_path):
    survey = [["type", "name", "label::English (en)", "label::Français (fr)", "label::العربية (ar)", "hint::Deutsch"],
              ["integer", "age", "Age", "Âge", "العمر", "Alter in Jahren"],
              ["text", "note_fr", "", "Remarque", ""]]
    result = import_file(xlsform(tmp_path / "multi.xlsx", survey))
    age = result.instrument.item("age")
    assert (age.label.en, age.label.get("fr"), age.label.get("ar"), age.help.get("de")) == (
        "Age", "Âge", "العمر", "Alter in Jahren")
    remark = result.instrument.item("note_fr").label
    assert (remark.en, remark.get("en"), remark.get("cs"), remark.get("fr")) == ("", "Remarque", "Remarque",
                                                                                 "Remarque")
    kept = notes(result, "import.languages_kept")[0]
    assert kept.params["languages"] == "en, fr, ar, de"
    text = result.to_yaml()
    assert "fr: Âge" in text and load_instrument(text) == result.instrument


def test_a_repeat_is_reported_with_everything_it_held(tmp_path):
    survey = [["type", "name", "label"],
              ["text", "household", "Household"],
              ["begin repeat", "members", "Members"],
              ["text", "member_name", "Name"],
              ["begin group", "member_health", "Health"],
              ["integer", "member_age", "Age"],
              ["end group"],
              ["end repeat"],
              ["calculate", "n_members", "", "count(${member_name})"],
              ["begin loop over yn", "visits", "Visits"],
              ["date", "visit_date", "Date"],
              ["end loop"]]
    result = import_file(xlsform(tmp_path / "repeats.xlsx", survey, [["list_name", "name", "label"],
                                                                     ["yn", "y", "Yes"]]))
    assert result.instrument.item_ids() == ["household"]
    by_name = {n.field: n for n in notes(result, "import.repeat_dropped")}
    assert set(by_name) == {"members", "visits"}
    members = by_name["members"]
    assert members.params["count"] == 3 and members.params["names"] == "member_name, member_health, member_age"
    assert members.row == 3
    assert {n.field for n in notes(result, "import.inside_repeat")} == {"member_name", "member_age", "visit_date"}


def test_branching_cycles_are_dropped_and_reported_and_the_rest_is_kept(tmp_path):
    path = write(tmp_path, "cycles_DataDictionary.csv", dictionary([
        ["record_id", "f", "", "text", "ID"],
        ["a", "f", "", "radio", "A", "1, Yes | 0, No", "", "", "", "", "", "[a] = '1'"],          # itself
        ["b", "f", "", "radio", "B", "1, Yes | 0, No", "", "", "", "", "", "[c] = '1'"],          # b ↔ c
        ["c", "f", "", "radio", "C", "1, Yes | 0, No", "", "", "", "", "", "[b] = '0'"],
        ["d", "f", "", "text", "D", "", "", "", "", "", "", "[b] = '1'"],                        # fine
    ]))
    result = import_file(path)
    dropped = notes(result, "import.rule_dropped")
    assert {n.field for n in dropped} == {"a", "b"}
    assert all("cycle" in n.message("en") for n in dropped)
    assert result.instrument.item("d").show_if == "b == 1" and result.instrument.item("c").show_if == "b == 0"
    out = tmp_path / "cycles.yaml"
    result.to_yaml(out)
    assert load_instrument(out) == result.instrument
