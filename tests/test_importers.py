"""Importing REDCap data dictionaries and XLSForms: everything supported is carried over exactly, everything
else is reported (row, field, original text, Czech and English), and the YAML loads back unchanged."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from casekit.errors import CaseKitError
from casekit.i18n import catalog
from casekit.instruments import Instrument, ItemType, ScoreKind, load_instrument, validate_instrument
from casekit.instruments.expr import parse
from casekit.instruments.importers import (
    ImportNote, ImportResult, InstrumentImportError, detect_format, import_file,
)
from casekit.instruments.importers._common import normalize_version
from casekit.instruments.importers._logic import (
    REDCAP, XLSFORM, Context, FieldInfo, Unsupported, translate,
)

DATA = Path(__file__).parent / "data" / "importers"
REDCAP_CSV = DATA / "housing_wellbeing_DataDictionary.csv"
PACKAGE = Path(__file__).resolve().parents[1] / "casekit" / "instruments" / "importers"


# -- helpers ------------------------------------------------------------------------------------------------

def note_for(result: ImportResult, field: str, key: str | None = None) -> list[ImportNote]:
    return [n for n in result.report if n.field == field and (key is None or n.key == key)]


def the_note(result: ImportResult, field: str, key: str) -> ImportNote:
    notes = note_for(result, field, key)
    assert len(notes) == 1, [str(n) for n in result.report if n.field == field]
    return notes[0]


def levels(item) -> list[tuple]:
    return [(lv.value, lv.label.en, lv.label.cs) for lv in item.levels]


def expressions(instrument: Instrument) -> list[str]:
    out = []
    for item in instrument.items():
        out += [e for e in (item.show_if, item.constraint) if e]
    out += [s.expr for s in instrument.scores if s.expr]
    return out


def assert_round_trip(result: ImportResult) -> None:
    text = result.to_yaml()
    assert Instrument.model_validate(yaml.safe_load(text)) == result.instrument
    assert load_instrument(text) == result.instrument
    # the plain mapping order promised to researchers
    keys = [k for k in yaml.safe_load(text)]
    order = ["id", "version", "title", "description", "perspectives", "scales", "domains", "scores", "meta"]
    assert keys == [k for k in order if k in keys]


def assert_report_readable(result: ImportResult) -> None:
    for note in result.report:
        for lang in ("en", "cs"):
            line = note.text(lang).replace(note.original or "\0", "")
            assert "import." not in line and not re.search(r"\{[a-z_]+\}", line), line
        assert note.severity in ("dropped", "changed", "info")
    assert any(n.message("cs") != n.message("en") for n in result.report)


# -- REDCap -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redcap() -> ImportResult:
    return import_file(REDCAP_CSV)


def test_redcap_is_detected_and_its_instrument_is_valid(redcap):
    assert detect_format(REDCAP_CSV) == "redcap"
    assert redcap.source_format == "redcap"
    validate_instrument(redcap.instrument)
    ins = redcap.instrument
    assert (ins.id, ins.version, ins.title.en) == ("housing_wellbeing", "1.0.0", "Housing wellbeing")
    assert ins.meta == {"imported_from": {"format": "redcap", "file": REDCAP_CSV.name}}


def test_redcap_domains_follow_forms_and_section_headers(redcap):
    domains = {d.id: [i.id for i in d.items] for d in redcap.instrument.domains}
    assert domains == {
        "intake": ["visit_date", "age", "housing", "housing_other", "gender"],
        "benefits_and_debts": ["benefits", "disability_level", "no_allowance_reason", "has_debts", "debt_amount",
                               "consent"],
        "wellbeing": ["wb_sleep", "wb_mood", "wb_energy", "stress", "risk_notes", "followup_due", "email"],
        "housing_outcome": ["moved", "new_housing", "contact_phone", "no_email_reason", "worker_name",
                            "broken_logic"],
    }
    titles = [d.title.en for d in redcap.instrument.domains]
    assert titles == ["Intake", "Benefits and debts", "Wellbeing", "Housing outcome"]


def test_redcap_items_are_carried_over_exactly(redcap):
    ins = redcap.instrument
    item = ins.item
    # text with date validation → date; required
    assert (item("visit_date").type, item("visit_date").required) == (ItemType.DATE, True)
    # integer with min/max → number
    age = item("age")
    assert (age.type, age.integer, age.min, age.max, age.required) == (ItemType.NUMBER, True, 18, 110, True)
    assert age.help.en == "Whole years"
    # number validation → decimal number with bounds; Field Note → help
    debt = item("debt_amount")
    assert (debt.type, debt.integer, debt.min, debt.max) == (ItemType.NUMBER, False, 0, 5_000_000)
    assert debt.help.en == "Amount in CZK"
    # dropdown with integer codes
    assert item("housing").type == ItemType.SINGLE
    assert levels(item("housing")) == [
        (1, "Own or rented flat", ""), (2, "With family or friends", ""), (3, "Shelter or hostel", ""),
        (4, "Street", ""), (99, "Other", "")]
    # radio with text codes stays text
    assert item("gender").type == ItemType.SINGLE
    assert [lv.value for lv in item("gender").levels] == ["f", "m", "x"]
    # checkbox → multiple
    assert item("benefits").type == ItemType.MULTIPLE
    assert [lv.value for lv in item("benefits").levels] == [1, 2, 3, 4]
    # notes → text; yesno, truefalse → yesno
    assert item("no_allowance_reason").type == ItemType.TEXT
    assert item("has_debts").type == ItemType.YESNO and item("has_debts").required
    assert item("consent").type == ItemType.YESNO
    # slider → number 0–100 with its labels in the help
    stress = item("stress")
    assert (stress.type, stress.min, stress.max, stress.integer) == (ItemType.NUMBER, 0, 100, True)
    assert stress.help.en == "0 = Not at all, 50 = Somewhat, 100 = Extremely"
    # HTML removed from labels
    assert item("risk_notes").label.en == "Risk notes"
    # REDCap has one language: English, Czech left empty
    assert all(i.label.cs == "" for i in ins.items())
    assert not any(i.required for i in ins.items() if i.id in ("gender", "benefits", "stress"))


def test_redcap_matrix_becomes_a_shared_scale(redcap):
    ins = redcap.instrument
    assert list(ins.scales) == ["wellbeing"]
    assert [(lv.value, lv.label.en) for lv in ins.scales["wellbeing"]] == [
        (0, "Not at all"), (1, "Several days"), (2, "More than half the days"), (3, "Nearly every day")]
    for item_id in ("wb_sleep", "wb_mood", "wb_energy"):
        item = ins.item(item_id)
        assert (item.type, item.scale, item.levels) == (ItemType.SCALE, "wellbeing", ins.scales["wellbeing"])
    assert ins.item("wb_sleep").required and not ins.item("wb_mood").required
    assert "levels" not in redcap.to_yaml().split("- id: wb_sleep")[1].split("- id: wb_mood")[0]
    the_note(redcap, "wb_sleep", "import.matrix_scale")


def test_redcap_branching_logic_is_translated(redcap):
    shown = {i.id: i.show_if for i in redcap.instrument.items() if i.show_if}
    assert shown == {
        "housing_other": "housing == 99",                              # numbers stay numbers
        "disability_level": "3 in benefits",                           # [benefits(3)] = '1'
        "no_allowance_reason": "1 not in benefits and age >= 18",      # [benefits(1)] = '0'
        "debt_amount": "has_debts == true",                            # yes/no
        "consent": "has_debts == true and gender != 'x'",              # AND, <>, text codes
        "risk_notes": "sum(wb_sleep, wb_mood, wb_energy) >= 6 or (stress > 70 and housing == 4)",  # calc inlined
        "new_housing": "moved == true and (housing == 3 or housing == 4)",  # parentheses
        "contact_phone": "answered(email)",                            # [email] <> ''
        "no_email_reason": "not answered(email)",                      # [email] = ''
    }
    for text in expressions(redcap.instrument):
        parse(text)


def test_redcap_calc_fields_become_scores(redcap):
    scores = {s.id: s for s in redcap.instrument.scores}
    assert list(scores) == ["wb_total", "wb_index"]
    total = scores["wb_total"]
    assert (total.kind, total.items, total.label.en) == (ScoreKind.SUM, ["wb_sleep", "wb_mood", "wb_energy"],
                                                          "Wellbeing total")
    index = scores["wb_index"]
    assert (index.kind, index.expr) == (ScoreKind.EXPR, "round((wb_sleep + wb_mood + wb_energy) / 9 * 100, 0)")
    the_note(redcap, "wb_total", "import.calc_score")


def test_redcap_report_names_everything_not_carried_over(redcap):
    expected = {  # field: (row, key, original text)
        "record_id": (2, "import.record_id_dropped", None),
        "wb_intro": (14, "import.descriptive_dropped", None),
        "wb_days": (20, "import.calc_dropped", "datediff([visit_date], 'today', 'd')"),
        "contract_photo": (23, "import.type_dropped", "file"),
        "followup_due": (24, "import.condition_dropped", "datediff([visit_date], 'today', 'd') > 30"),
        "moved": (26, "import.condition_dropped", "[event_1_arm_1][housing] <> '1'"),
        "worker_name": (30, "import.condition_dropped", "[user-name] <> 'admin'"),
        "broken_logic": (31, "import.condition_dropped", "[age] >"),
    }
    for field, (row, key, original) in expected.items():
        note = the_note(redcap, field, key)
        assert note.severity == "dropped" and note.row == row
        assert note.where == f"row {row}, field `{field}`"
        assert note.location("cs") == f"řádek {row}, pole `{field}`"
        if original:
            assert note.original == original
            assert original in note.message("en") and original in note.message("cs")
    assert "datediff()" in the_note(redcap, "followup_due", "import.condition_dropped").message("en")
    assert "datediff()" in the_note(redcap, "followup_due", "import.condition_dropped").message("cs")
    assert "[user-name]" in the_note(redcap, "worker_name", "import.condition_dropped").message("cs")
    # columns and marks casekit has no place for
    assert the_note(redcap, "gender", "import.column_dropped").original == "LH"
    assert the_note(redcap, "wb_energy", "import.column_dropped").params["column"] == "Matrix Ranking?"
    assert the_note(redcap, "email", "import.column_dropped").original == "@HIDDEN-SURVEY"
    the_note(redcap, "email", "import.identifier_dropped")
    # changes
    assert the_note(redcap, "email", "import.validation_dropped").severity == "changed"
    assert the_note(redcap, "contact_phone", "import.validation_dropped").params["validation"] == "phone"
    the_note(redcap, "consent", "import.truefalse")
    the_note(redcap, "stress", "import.slider")
    assert "<span" in the_note(redcap, "risk_notes", "import.html_stripped").original
    whole = {n.key for n in redcap.report if n.row is None}
    assert {"import.no_czech", "import.version_default", "import.id_from_filename"} <= whole
    assert_report_readable(redcap)


def test_redcap_round_trip(redcap):
    assert_round_trip(redcap)


def test_redcap_report_is_in_row_order(redcap):
    rows = [n.row for n in redcap.report if n.row is not None]
    assert rows == sorted(rows)
    assert all(n.row is None for n in redcap.report[len(rows):])


# -- REDCap branching logic, one rule at a time --------------------------------------------------------------

def _ctx():
    infos = {
        "q1": FieldInfo("q1", ItemType.SINGLE, [1, 2, 3]),
        "sex": FieldInfo("sex", ItemType.SINGLE, ["f", "m"]),
        "q2": FieldInfo("q2", ItemType.MULTIPLE, [1, 2, 3]),
        "langs": FieldInfo("langs", ItemType.MULTIPLE, ["cs", "en"]),
        "age": FieldInfo("age", ItemType.NUMBER),
        "yn": FieldInfo("yn", ItemType.YESNO),
        "name": FieldInfo("name", ItemType.TEXT),
        "born": FieldInfo("born", ItemType.DATE),
        "total": FieldInfo("total", "score", expr="sum(q1, age)"),
    }

    def lookup(name):
        if name == "gone":
            raise Unsupported("dropped_field", name=name)
        if name not in infos:
            raise Unsupported("unknown_field", name=name)
        return infos[name]
    return Context(lookup, current=infos["age"])


@pytest.mark.parametrize("source, expected", [
    ("[q1] = '1'", "q1 == 1"),
    ("[q1]='2'", "q1 == 2"),
    ("[q1] = 1", "q1 == 1"),
    ('[q1] = "3"', "q1 == 3"),
    ("'1' = [q1]", "q1 == 1"),
    ("[q1] <> '1'", "q1 != 1"),
    ("[q1] != '1'", "q1 != 1"),
    ("[sex] = 'f'", "sex == 'f'"),
    ("[q2(3)] = '1'", "3 in q2"),
    ("[q2(3)] = '0'", "3 not in q2"),
    ("[q2(3)] <> '1'", "3 not in q2"),
    ("[q2(3)] = 1", "3 in q2"),
    ("[langs(cs)] = '1'", "'cs' in langs"),
    ("[age] >= '18'", "age >= 18"),
    ("[age] > 17.5", "age > 17.5"),
    ("[age] < -1", "age < -1"),
    ("[yn] = '1'", "yn == true"),
    ("[yn] = '0'", "yn == false"),
    ("[name] = ''", "not answered(name)"),
    ("[name] <> ''", "answered(name)"),
    ("[name] = 'Jan'", "name == 'Jan'"),
    ("[born] > '2000-01-01'", "born > '2000-01-01'"),
    ("[q1] = '1' and [age] > 18", "q1 == 1 and age > 18"),
    ("[q1] = '1' AND [age] > 18 Or [yn] = '1'", "(q1 == 1 and age > 18) or yn == true"),
    ("[q1] = '1' or [q1] = '2' and [age] > 18", "q1 == 1 or (q1 == 2 and age > 18)"),
    ("([q1] = '1' or [q1] = '2') and [age] > 18", "(q1 == 1 or q1 == 2) and age > 18"),
    ("[age] + [q1] * 2 > 10", "age + q1 * 2 > 10"),
    ("([age] + [q1]) * 2 > 10", "(age + q1) * 2 > 10"),
    ("[age] - ([q1] - 1) > 0", "age - (q1 - 1) > 0"),
    ("sum([q1], [age]) > 3", "sum(q1, age) > 3"),
    ("mean([q1],[age]) >= 2", "mean(q1, age) >= 2"),
    ("round([age] / 3, 1) = 2", "round(age / 3, 1) == 2"),
    ("abs([age]) > 1", "abs(age) > 1"),
    ("if([q1] = '1', 1, 0) = 1", "iif(q1 == 1, 1, 0) == 1"),
    ("[total] > 4", "sum(q1, age) > 4"),
    ("[q2(1)] + [q2(2)] >= 1", "iif(1 in q2, 1, 0) + iif(2 in q2, 1, 0) >= 1"),
])
def test_redcap_logic_translation(source, expected):
    assert translate(source, REDCAP, _ctx()) == expected
    parse(expected)


@pytest.mark.parametrize("source, reason", [
    ("datediff([born], 'today', 'y') > 18", "function"),
    ("rounddown([age]) > 1", "function"),
    ("isblankormissingcode([age])", "function"),
    ("[event_1_arm_1][q1] = '1'", "event"),
    ("[q1][2] = '1'", "event"),
    ("[user-name] = 'x'", "smart_variable"),
    ("[q1:value] = '1'", "smart_variable"),
    ("[age] ^ 2 > 4", "operator"),
    ("[age] >", "syntax"),
    ("([age] > 1", "syntax"),
    ("[age] > 1)", "syntax"),
    ("[q1] = 'a", "syntax"),
    ("[age] > 1 > 0", "syntax"),
    ("[missing] = '1'", "unknown_field"),
    ("[gone] = '1'", "dropped_field"),
    ("[q2] = '1'", "multiple_compare"),
    ("[q2(3)] = '2'", "checkbox_compare"),
    ("[q2(7)] = '1'", "unknown_choice"),
    ("[q1] = '7'", "unknown_choice"),
    ("[yn] = 'maybe'", "unknown_choice"),
    ("[q1(2)] = '1'", "checkbox_compare"),
])
def test_redcap_logic_that_cannot_be_carried_over(source, reason):
    with pytest.raises(Unsupported) as caught:
        translate(source, REDCAP, _ctx())
    assert caught.value.reason.key == f"import.why.{reason}"
    assert caught.value.reason.render("cs") != caught.value.reason.render("en")


@pytest.mark.parametrize("source, expected", [
    ("${q1} = '1'", "q1 == 1"),
    ("${sex} = 'f'", "sex == 'f'"),
    ("${sex} != 'f'", "sex != 'f'"),
    ("selected(${q2}, '3')", "3 in q2"),
    ("selected(${langs}, 'cs')", "'cs' in langs"),
    ("not(selected(${langs}, 'cs'))", "'cs' not in langs"),
    ("not(${age} > 3)", "not (age > 3)"),
    ("not(${name} = '')", "answered(name)"),
    ("${name} != ''", "answered(name)"),
    ("${name} = ''", "not answered(name)"),
    ("${age} >= 18 and ${age} < 65", "age >= 18 and age < 65"),
    ("${age} div 2 > 3", "age / 2 > 3"),
    ("count-selected(${langs}) >= 2", "len(langs) >= 2"),
    ("string-length(${name}) > 0", "len(name) > 0"),
    ("if(${yn} = 'yes', 1, 0) = 1", "iif(yn == true, 1, 0) == 1"),
    ("${yn} = true()", "yn == true"),
    ("coalesce(${age}, 0) > 1", "iif(answered(age), age, 0) > 1"),
    ("selected(${sex}, 'm')", "sex == 'm'"),
    (". >= 0 and . <= 120", "value >= 0 and value <= 120"),
    (". < ${total}", "value < sum(q1, age)"),
])
def test_xlsform_expression_translation(source, expected):
    assert translate(source, XLSFORM, _ctx()) == expected
    parse(expected)


@pytest.mark.parametrize("source, reason", [
    ("today() > ${born}", "function"),
    ("regex(., '^[0-9]+$')", "function"),
    ("jr:choice-name(${q1}, '${q1}') = 'x'", "function"),
    ("${age} mod 2 = 0", "operator"),
    ("/data/age > 3", "path"),
    ("../age > 3", "path"),
    ("age > 3", "path"),
    ("${langs} = 'cs'", "multiple_compare"),
    ("${nothing} = 'x'", "unknown_field"),
    ("${q1} = ", "syntax"),
])
def test_xlsform_expressions_that_cannot_be_carried_over(source, reason):
    with pytest.raises(Unsupported) as caught:
        translate(source, XLSFORM, _ctx())
    assert caught.value.reason.key == f"import.why.{reason}"


def test_current_value_outside_a_constraint_is_refused():
    ctx = _ctx()
    ctx.current = None
    with pytest.raises(Unsupported) as caught:
        translate(". > 1", XLSFORM, ctx)
    assert caught.value.reason.key == "import.why.current_value"


# -- XLSForm ------------------------------------------------------------------------------------------------

SURVEY_HEADER = ["type", "name", "label::English (en)", "label::Čeština (cs)", "hint::English (en)",
                 "hint::Čeština (cs)", "required", "relevant", "constraint", "constraint_message::English (en)",
                 "constraint_message::Čeština (cs)", "calculation", "choice_filter", "appearance"]
SURVEY = [  # row 2 onwards
    ["start", "start"],
    ["text", "interviewer", "Interviewer", "Tazatel", "", "", "yes"],
    ["begin group", "household", "Household", "Domácnost", "", "", "", "", "", "", "", "", "", "field-list"],
    ["integer", "members", "How many people live in the household?", "Kolik lidí žije v domácnosti?",
     "Include the client", "Včetně klienta", "yes", "", ". >= 1 and . <= 20", "Between 1 and 20", "Mezi 1 a 20"],
    ["select_one housing", "housing_type", "Type of housing", "Typ bydlení", "", "", "TRUE"],
    ["select_one yes_no", "children", "Are there children in the household?", "Jsou v domácnosti děti?"],
    ["integer", "children_count", "How many children?", "Kolik dětí?", "", "", "", "${children} = 'yes'",
     ". > 0 and . < ${members}", "Fewer than household members", "Méně než členů domácnosti"],
    ["begin_group", "income", "Income", "Příjmy", "", "", "", "${members} > 0"],
    ["select_multiple benefits", "benefits", "Benefits received", "Pobírané dávky"],
    ["decimal", "benefit_amount", "Monthly amount of benefits (CZK)", "Měsíční výše dávek (Kč)", "", "", "",
     "selected(${benefits}, 'housing') or selected(${benefits}, 'material')", ". >= 0"],
    ["text", "no_benefit_reason", "Why no housing allowance?", "Proč nepobírá příspěvek na bydlení?", "", "", "",
     "not(selected(${benefits}, 'housing')) and ${benefits} != ''"],
    ["end_group"],
    ["text", "household_note", "Notes on the household", "Poznámky k domácnosti", "", "", "",
     "${housing_type} != 'street'"],
    ["end group"],
    ["begin repeat", "member_list", "Household members", "Členové domácnosti"],
    ["text", "member_name", "Name", "Jméno"],
    ["integer", "member_age", "Age", "Věk"],
    ["end repeat"],
    ["begin group", "wellbeing", "Wellbeing", "Pohoda"],
    ["select_one freq", "wb_sleep", "Trouble sleeping", "Potíže se spánkem", "", "", "yes"],
    ["select_one freq", "wb_mood", "Feeling down", "Skleslost"],
    ["calculate", "wb_total", "Wellbeing total", "Pohoda celkem", "", "", "", "", "", "", "",
     "${wb_sleep} + ${wb_mood}"],
    ["acknowledge", "wb_ack", "I have discussed the results with the client", "Výsledky jsem s klientem probral/a"],
    ["text", "wb_comment", "What support does the client want?", "Jakou podporu klient chce?", "", "", "",
     "${wb_total} >= 4 and ${wb_sleep} = '3'"],
    ["geopoint", "location", "Where is the client staying?", "Kde se klient zdržuje?"],
    ["note", "wb_thanks", "Thank the client.", "Poděkujte klientovi."],
    ["select_one housing", "preferred_housing", "Preferred housing", "Preferované bydlení", "", "", "", "", "", "",
     "", "", "region = ${region}"],
    ["text", "phone", "Phone", "Telefon", "", "", "", "", "regex(., '^[0-9]{9}$')", "Nine digits", "Devět číslic"],
    ["select_one missing_list", "broken_select", "A question with a missing list", "Otázka bez seznamu"],
    ["date", "next_visit", "Next visit", "Další návštěva", "", "", "",
     "${members} > 0 and today() < ${next_visit}"],
    ["end group"],
]
CHOICES = [
    ["list_name", "name", "label::English (en)", "label::Čeština (cs)"],
    ["housing", "flat", "Flat", "Byt"],
    ["housing", "shelter", "Shelter", "Azylový dům"],
    ["housing", "street", "Street", "Ulice"],
    ["yes_no", "yes", "Yes", "Ano"],
    ["yes_no", "no", "No", "Ne"],
    ["benefits", "housing", "Housing allowance", "Příspěvek na bydlení"],
    ["benefits", "material", "Material need allowance", "Příspěvek na živobytí"],
    ["benefits", "disability", "Disability pension", "Invalidní důchod"],
    ["freq", 0, "Not at all", "Vůbec ne"],
    ["freq", 1, "Several days", "Několik dní"],
    ["freq", 2, "More than half the days", "Více než polovinu dní"],
    ["freq", 3, "Nearly every day", "Téměř každý den"],
]
SETTINGS = [
    ["form_title", "form_id", "version", "default_language", "instance_name"],
    ["Household and wellbeing check", "household-check", 2024011501, "English (en)",
     "concat(${interviewer}, '-', today())"],
]


def make_xlsform(path: Path, survey, choices=None, settings=None, header=SURVEY_HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    sheet.append(header)
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows is not None:
            extra = workbook.create_sheet(title)
            for row in rows:
                extra.append(row)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def xlsform_path(tmp_path_factory) -> Path:
    return make_xlsform(tmp_path_factory.mktemp("xlsform") / "household_check.xlsx", SURVEY, CHOICES, SETTINGS)


@pytest.fixture(scope="module")
def xlsform(xlsform_path) -> ImportResult:
    return import_file(xlsform_path)


def test_xlsform_is_detected_and_settings_are_read(xlsform, xlsform_path):
    assert detect_format(xlsform_path) == "xlsform"
    validate_instrument(xlsform.instrument)
    ins = xlsform.instrument
    assert (ins.id, ins.version) == ("household_check", "2024011501")
    assert ins.title.en == "Household and wellbeing check"
    changed = the_note(xlsform, "form_id", "import.id_changed")
    assert (changed.sheet, changed.original) == ("settings", "household-check")
    assert the_note(xlsform, None, "import.setting_dropped").params["setting"] == "instance_name"


def test_xlsform_groups_become_domains(xlsform):
    domains = [(d.id, d.title.en, d.title.cs, [i.id for i in d.items]) for d in xlsform.instrument.domains]
    assert domains == [
        ("general", "General", "Obecné", ["interviewer"]),
        ("household", "Household", "Domácnost", ["members", "housing_type", "children", "children_count"]),
        ("income", "Income", "Příjmy", ["benefits", "benefit_amount", "no_benefit_reason"]),
        ("household_2", "Household", "Domácnost", ["household_note"]),
        ("wellbeing", "Wellbeing", "Pohoda",
         ["wb_sleep", "wb_mood", "wb_ack", "wb_comment", "preferred_housing", "phone", "next_visit"]),
    ]
    nested = the_note(xlsform, "income", "import.group_nested")
    assert (nested.row, nested.severity, nested.params["parent"]) == (9, "changed", "household")
    assert the_note(xlsform, "income", "import.group_condition").original == "${members} > 0"
    the_note(xlsform, None, "import.domain_default")


def test_xlsform_items_are_carried_over_exactly(xlsform):
    item = xlsform.instrument.item
    interviewer = item("interviewer")
    assert (interviewer.type, interviewer.required, interviewer.label.en, interviewer.label.cs) == (
        ItemType.TEXT, True, "Interviewer", "Tazatel")
    members = item("members")
    assert (members.type, members.integer, members.required) == (ItemType.NUMBER, True, True)
    assert (members.label.en, members.label.cs) == ("How many people live in the household?",
                                                    "Kolik lidí žije v domácnosti?")
    assert (members.help.en, members.help.cs) == ("Include the client", "Včetně klienta")
    assert members.constraint == "value >= 1 and value <= 20"
    assert (members.constraint_message.en, members.constraint_message.cs) == ("Between 1 and 20", "Mezi 1 a 20")
    housing = item("housing_type")
    assert (housing.type, housing.required) == (ItemType.SINGLE, True)
    assert levels(housing) == [("flat", "Flat", "Byt"), ("shelter", "Shelter", "Azylový dům"),
                               ("street", "Street", "Ulice")]
    assert levels(item("children")) == [("yes", "Yes", "Ano"), ("no", "No", "Ne")]
    count = item("children_count")
    assert (count.show_if, count.constraint) == ("children == 'yes'", "value > 0 and value < members")
    assert count.constraint_message.cs == "Méně než členů domácnosti"
    benefits = item("benefits")
    assert benefits.type == ItemType.MULTIPLE
    assert [lv.value for lv in benefits.levels] == ["housing", "material", "disability"]
    amount = item("benefit_amount")
    assert (amount.type, amount.integer, amount.constraint) == (ItemType.NUMBER, False, "value >= 0")
    # integer-looking choice names become numbers (all names of the list are whole numbers)
    assert levels(item("wb_sleep"))[0] == (0, "Not at all", "Vůbec ne")
    assert [lv.value for lv in item("wb_mood").levels] == [0, 1, 2, 3]
    assert item("wb_sleep").required and not item("wb_mood").required
    assert item("wb_ack").type == ItemType.YESNO
    assert item("next_visit").type == ItemType.DATE
    assert all(i.label.cs for i in xlsform.instrument.items())


def test_xlsform_relevant_becomes_show_if(xlsform):
    shown = {i.id: i.show_if for i in xlsform.instrument.items() if i.show_if}
    assert shown == {
        "children_count": "children == 'yes'",
        "benefits": "members > 0",   # the group's condition, carried to each of its questions
        "benefit_amount": "members > 0 and ('housing' in benefits or 'material' in benefits)",
        "no_benefit_reason": "members > 0 and 'housing' not in benefits and answered(benefits)",
        "household_note": "housing_type != 'street'",
        "wb_comment": "(wb_sleep + wb_mood) >= 4 and wb_sleep == 3",  # calculate inlined; 3 a number
    }
    for text in expressions(xlsform.instrument):
        parse(text)


def test_xlsform_calculate_becomes_a_score(xlsform):
    (score,) = xlsform.instrument.scores
    assert (score.id, score.kind, score.expr) == ("wb_total", ScoreKind.EXPR, "wb_sleep + wb_mood")
    assert (score.label.en, score.label.cs) == ("Wellbeing total", "Pohoda celkem")


def test_xlsform_report_names_everything_not_carried_over(xlsform):
    expected = {  # field: (row, key, original)
        "start": (2, "import.metadata_dropped", "start"),
        "member_list": (16, "import.repeat_dropped", None),
        "member_name": (17, "import.inside_repeat", "text"),
        "member_age": (18, "import.inside_repeat", "integer"),
        "location": (26, "import.type_dropped", "geopoint"),
        "wb_thanks": (27, "import.note_dropped", None),
        "preferred_housing": (28, "import.choice_filter_dropped", "region = ${region}"),
        "phone": (29, "import.constraint_dropped", "regex(., '^[0-9]{9}$')"),
        "broken_select": (30, "import.list_missing", "select_one missing_list"),
        "next_visit": (31, "import.condition_dropped", "${members} > 0 and today() < ${next_visit}"),
    }
    for field, (row, key, original) in expected.items():
        note = the_note(xlsform, field, key)
        assert (note.severity, note.sheet, note.row) == ("dropped", "survey", row)
        assert note.where == f"sheet survey, row {row}, field `{field}`"
        if original:
            assert note.original == original
    assert "Thank the client." in the_note(xlsform, "wb_thanks", "import.note_dropped").message("cs")
    assert "today()" in the_note(xlsform, "next_visit", "import.condition_dropped").message("cs")
    assert the_note(xlsform, "household", "import.column_dropped").original == "field-list"
    # the phone's constraint is gone, so is its message; the question stays
    phone = xlsform.instrument.item("phone")
    assert phone.constraint is None and phone.constraint_message is None
    assert_report_readable(xlsform)


def test_xlsform_round_trip(xlsform):
    assert_round_trip(xlsform)


# -- XLSForm variants ----------------------------------------------------------------------------------------

def test_xlsform_czech_first_form_with_plain_labels(tmp_path):
    header = ["type", "name", "label", "label::English (en)", "hint", "required", "relevant", "parameters",
              "label::Deutsch (de)"]
    survey = [
        ["select_one ano_ne or_other", "souhlas", "Souhlasí klient?", "Does the client agree?", "", "true()", "", "",
         "Stimmt zu?"],
        ["integer", "vek", "Věk", "", "V letech", "${souhlas} = 'ano'", "", "", ""],
        ["range", "spokojenost", "Spokojenost", "Satisfaction", "", "", "", "start=1 end=5 step=1", ""],
        ["datetime", "kdy", "Kdy", "When", "", "", "", "", ""],
        ["time", "cas", "Čas", "Time", "", "", "", "", ""],
        ["image", "foto", "Fotografie", "Photo", "", "", "", "", ""],
        ["integer", "vek", "Věk znovu", "Age again", "", "", "", "", ""],
        ["text", "my-note", "<b>Poznámka</b>", "<b>Note</b>", "", "", "${vek} > 18", "", ""],
        ["end group", "", "", "", "", "", "", "", ""],
    ]
    choices = [["list name", "name", "label", "label::English (en)", "image"],
               ["ano_ne", "ano", "Ano", "Yes", "yes.png"], ["ano_ne", "ne", "Ne", "", ""],
               ["ano_ne", "ano", "Ano znovu", "Yes again", ""]]
    choices.append(["", "bez_seznamu", "Bez seznamu", "", ""])
    settings = [["form_title", "version", "default_language"], ["Souhlas", "v1.2.3.4", "Čeština (cs)"]]
    path = make_xlsform(tmp_path / "souhlas.xlsx", survey, choices, settings, header)
    workbook = openpyxl.load_workbook(path)
    workbook.create_sheet("external_choices").append(["list_name", "name"])
    workbook.save(path)
    result = import_file(path)
    ins = result.instrument
    item = ins.item
    assert ins.id == "souhlas" and ins.version == "1.2.3"
    assert (ins.title.en, ins.title.cs, ins.title.get("en")) == ("", "Souhlas", "Souhlas")  # default_language: cs
    assert the_note(result, "version", "import.version_changed").original == "v1.2.3.4"
    assert (item("souhlas").label.cs, item("souhlas").label.en) == ("Souhlasí klient?", "Does the client agree?")
    assert item("souhlas").required
    assert [(lv.value, lv.label.cs, lv.label.en, lv.label.get("en")) for lv in item("souhlas").levels] == [
        ("ano", "Ano", "Yes", "Yes"), ("ne", "Ne", "", "Ne")]
    # a Czech text without an English one stays Czech only: a form in English falls back to it, as reported
    assert (item("vek").label.en, item("vek").label.cs, item("vek").label.get("en")) == ("", "Věk", "Věk")
    assert item("vek").help.cs == "V letech" and not item("vek").required
    assert the_note(result, "vek", "import.required_expression").original == "${souhlas} = 'ano'"
    english = the_note(result, None, "import.english_missing")
    assert "vek (label)" in english.params["fields"] and "ano_ne/ne (label)" in english.params["fields"]
    spokojenost = item("spokojenost")
    assert (spokojenost.type, spokojenost.min, spokojenost.max, spokojenost.integer) == (
        ItemType.NUMBER, 1, 5, True)
    assert item("kdy").type == ItemType.DATE and item("cas").type == ItemType.TEXT
    the_note(result, "kdy", "import.datetime_to_date")
    the_note(result, "cas", "import.time_to_text")
    the_note(result, "souhlas", "import.or_other")
    assert the_note(result, "foto", "import.type_dropped").original == "image"
    assert the_note(result, "vek", "import.duplicate_name").row == 8
    assert the_note(result, "ano_ne", "import.choice_duplicate").sheet == "choices"
    assert the_note(result, None, "import.choices_column_dropped").params["column"] == "image"
    assert the_note(result, None, "import.choice_without_list").row == 5
    assert the_note(result, None, "import.sheet_dropped").where == "sheet external_choices"
    # every language of the source is kept (issue 13): German beside Czech and English
    assert item("souhlas").label.other == {"de": "Stimmt zu?"} and item("souhlas").label.get("de") == "Stimmt zu?"
    assert not [n for n in result.report if n.key == "import.language_dropped"]
    assert the_note(result, None, "import.languages_kept").params["languages"] == "cs, en, de"
    # a name casekit cannot use is renamed, and references follow
    note = item("my_note")
    assert (note.label.cs, note.label.en, note.show_if) == ("Poznámka", "Note", "vek > 18")
    assert the_note(result, "my-note", "import.id_changed").params["id"] == "my_note"
    the_note(result, "my-note", "import.html_stripped")
    assert any(n.key == "import.group_unmatched" and n.row == 10 for n in result.report)
    assert [d.id for d in ins.domains] == ["general"]
    assert_round_trip(result)
    assert_report_readable(result)


def test_xlsform_without_settings_and_single_language(tmp_path):
    path = make_xlsform(tmp_path / "Quick Screen.xlsx", [["text", "q1", "Question"], ["begin group", "g", "G"],
                                                          ["integer", "q2", "Number"]],
                        header=["type", "name", "label"])
    result = import_file(path)
    ins = result.instrument
    assert (ins.id, ins.version, ins.title.en) == ("Quick_Screen", "1.0.0", "Quick Screen")
    assert ins.item("q1").label.cs == ""
    keys = {n.key for n in result.report}
    assert {"import.id_from_filename", "import.version_default", "import.title_default", "import.no_czech",
            "import.group_unclosed"} <= keys
    assert_round_trip(result)


def test_choice_values_are_checked_against_the_levels(tmp_path):
    # `${q} = 'maybe'` names no choice of q: the checker would refuse it, so it is reported instead
    path = make_xlsform(tmp_path / "f.xlsx", [["select_one yn", "q", "Q"], ["text", "t", "T", "${q} = 'maybe'"]],
                        [["list_name", "name", "label"], ["yn", "yes", "Yes"], ["yn", "no", "No"]],
                        header=["type", "name", "label", "relevant"])
    result = import_file(path)
    note = the_note(result, "t", "import.condition_dropped")
    assert "maybe" in note.message("en") and "maybe" in note.message("cs")
    assert result.instrument.item("t").show_if is None


# -- REDCap variants -----------------------------------------------------------------------------------------

def test_redcap_api_headers_semicolons_and_windows_1250(tmp_path):
    text = (
        "field_name;form_name;section_header;field_type;field_label;select_choices_or_calculations;field_note;"
        "text_validation_type_or_show_slider_number;text_validation_min;text_validation_max;identifier;"
        "branching_logic;required_field;custom_alignment;question_number;matrix_group_name;matrix_ranking;"
        "field_annotation\n"
        "study_id;dotaznik;;text;ID;;;;;;;;;;;;;\n"
        "bydleni;dotaznik;;radio;Kde bydlíte?;1, Byt | 2, <b>Ubytovna</b> | 2, Znovu | Bez kódu;;;;;;;y;;;;;\n"
        "pocet;dotaznik;;text;Počet dětí v [bydleni];;;integer;0;many;;[bydleni] = '2';;;;;;\n"
        "if;dotaznik;;text;Klíčové slovo;;;time;;;;;;;;;;\n"
        "hodnota;dotaznik;;calc;Hodnota;[pocet] * 2 + [if];Dvojnásobek;;;;;[bydleni] = '1';;;;;;\n"
        "vysledek;dotaznik;;calc;Výsledek;;;;;;;;;;;;;\n"
        "nic;dotaznik;;dropdown;Bez možností;;;;;;;;;;;;;\n"
        ";dotaznik;;text;Bez jména;;;;;;;;;;;;;\n"
    )
    path = tmp_path / "dotaznik.csv"
    path.write_bytes(text.encode("cp1250"))
    result = import_file(path)
    ins = result.instrument
    assert the_note(result, None, "import.encoding_cp1250").severity == "changed"
    assert ins.item("bydleni").label.en == "Kde bydlíte?"
    assert [(lv.value, lv.label.en) for lv in ins.item("bydleni").levels] == [(1, "Byt"), (2, "Ubytovna")]
    assert the_note(result, "bydleni", "import.choice_duplicate").params["code"] == "2"
    assert the_note(result, "bydleni", "import.html_stripped").original == "2, <b>Ubytovna</b>"
    assert the_note(result, "pocet", "import.piping_kept").params["text"] == "[bydleni]"
    assert the_note(result, "bydleni", "import.choice_malformed").params["text"] == "Bez kódu"
    pocet = ins.item("pocet")
    assert (pocet.min, pocet.max, pocet.show_if) == (0, None, "bydleni == 2")
    assert the_note(result, "pocet", "import.bound_dropped").original == "many"
    # a keyword is not an id: renamed, and the formula follows
    assert ins.item("if_").type == ItemType.TEXT
    the_note(result, "if", "import.id_changed")
    the_note(result, "if", "import.time_to_text")
    (score,) = ins.scores
    assert (score.id, score.expr) == ("hodnota", "pocet * 2 + if_")
    assert the_note(result, "hodnota", "import.condition_on_score").original == "[bydleni] = '1'"
    assert the_note(result, "hodnota", "import.column_dropped").params["column"] == "Field Note"
    assert the_note(result, "vysledek", "import.calc_dropped").params["reason"].key == "import.why.empty"
    the_note(result, "nic", "import.no_choices")
    assert any(n.key == "import.empty_name" and n.row == 9 for n in result.report)
    assert_round_trip(result)
    assert_report_readable(result)


def test_redcap_calc_referring_to_dropped_fields_and_cycles(tmp_path):
    text = (
        '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label",'
        '"Choices, Calculations, OR Slider Labels"\n'
        "record_id,f,,text,ID,\n"
        "a,f,,text,A,\n"
        "pic,f,,file,Picture,\n"
        "c1,f,,calc,C1,[c2] + 1\n"
        "c2,f,,calc,C2,[c1] + 1\n"
        "c3,f,,calc,C3,[pic] + 1\n"
        "c4,f,,calc,C4,\"mean([a], [c3])\"\n"
        "d,f,Empty section,descriptive,Just text,\n"
    )
    path = tmp_path / "calc.csv"
    path.write_text(text, encoding="utf-8")
    result = import_file(path)
    assert result.instrument.scores == []
    reasons = {n.field: n.params["reason"].key for n in result.report if n.key == "import.calc_dropped"}
    assert reasons["c1"] == "import.why.cycle" or reasons["c2"] == "import.why.cycle"
    assert reasons["c3"] == "import.why.dropped_field" and reasons["c4"] == "import.why.dropped_field"
    the_note(result, None, "import.section_empty")
    assert [d.id for d in result.instrument.domains] == ["f"]


def test_version_normalisation():
    assert normalize_version("1.2") == ("1.2", False)
    assert normalize_version(2024011501) == ("2024011501", False)
    assert normalize_version(2024011501.0) == ("2024011501", False)
    assert normalize_version("2024-01-15") == ("2024.1.15", True)
    assert normalize_version("v3") == ("3", True)
    assert normalize_version("draft") == ("1.0.0", True)


def test_overrides(tmp_path):
    result = import_file(REDCAP_CSV, instrument_id="hw-2", version="2.1", title="Housing and wellbeing")
    ins = result.instrument
    assert (ins.id, ins.version, ins.title.en) == ("hw_2", "2.1", "Housing and wellbeing")
    assert not {"import.id_from_filename", "import.version_default"} & {n.key for n in result.report}
    out = tmp_path / "hw.yaml"
    result.to_yaml(out)
    assert load_instrument(out) == ins


# -- malformed input: a clear message in both languages, never a traceback -----------------------------------

def _not_redcap(tmp_path):
    path = tmp_path / "clients.csv"
    path.write_text("name,age\nJana,34\n", encoding="utf-8")
    return path


def _half_redcap(tmp_path):
    path = tmp_path / "half.csv"
    path.write_text('"Variable / Field Name","Form Name","Field Label"\nq1,f,Q\n', encoding="utf-8")
    return path


def _no_survey(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Data"
    workbook.active.append(["a", "b"])
    path = tmp_path / "data.xlsx"
    workbook.save(path)
    return path


def _survey_without_names(tmp_path):
    return make_xlsform(tmp_path / "nameless.xlsx", [["text", "Question"]], header=["type", "label"])


def _nothing_importable(tmp_path):
    return make_xlsform(tmp_path / "notes.xlsx", [["note", "n1", "Hello"], ["geopoint", "g", "Where"]],
                        header=["type", "name", "label"])


def _empty(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    return path


def _old_xls(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    return path


def _broken_zip(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    return path


def _binary(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 4)
    return path


def _missing(tmp_path):
    return tmp_path / "nowhere.csv"


@pytest.mark.parametrize("make, code", [
    (_not_redcap, "errors.import_unknown_format"),
    (_half_redcap, "errors.import_redcap_columns"),
    (_no_survey, "errors.import_no_survey_sheet"),
    (_survey_without_names, "errors.import_survey_columns"),
    (_nothing_importable, "errors.import_no_items"),
    (_empty, "errors.import_empty"),
    (_old_xls, "errors.import_old_xls"),
    (_broken_zip, "errors.import_unreadable_xlsx"),
    (_binary, "errors.import_unknown_format"),
    (_missing, "errors.import_file_missing"),
])
def test_malformed_files_give_clear_bilingual_errors(tmp_path, make, code):
    with pytest.raises(InstrumentImportError) as caught:
        import_file(make(tmp_path))
    error = caught.value
    assert isinstance(error, CaseKitError) and error.code == code
    en, cs = error.message("en"), error.message("cs")
    assert en != cs and code not in en and code not in cs and "{" not in en + cs
    if code == "errors.import_no_survey_sheet":
        assert "Data" in en
    if code == "errors.import_redcap_columns":
        assert "Field Type" in en and "Field Type" in cs
    if code == "errors.import_no_items":
        assert {n.key for n in error.report} >= {"import.note_dropped", "import.type_dropped"}


# -- the message catalogues ---------------------------------------------------------------------------------

def _keys_in_importers() -> set[str]:
    keys = set()
    for path in PACKAGE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"[\"']((?:import|errors)\.[a-z0-9_.]+)[\"']", source))
        keys |= {f"import.why.{k}" for k in re.findall(r"Unsupported\(\s*\"([a-z_]+)\"", source)}
        keys |= {f"import.severity.{s}" for s in ("dropped", "changed", "info")}
    return {k for k in keys if not k.endswith(".")}


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_every_importer_message_is_translated(lang):
    keys = _keys_in_importers()
    assert len(keys) > 60
    assert sorted(keys - set(catalog(lang))) == []


def test_importer_messages_have_the_same_placeholders_in_both_languages():
    field = re.compile(r"\{(\w+)\}")
    en, cs = catalog("en"), catalog("cs")
    bad = [k for k in _keys_in_importers() if set(field.findall(en[k])) != set(field.findall(cs[k]))]
    assert bad == []
