"""The corpus (tests/data/importers/corpus, written by make_corpus.py there): small REDCap data dictionaries and
XLSForms shaped like real ones, using every construct the formats document. Each imports, passes `instrument
check`, renders a form in Czech and English, and carries over (or reports) exactly what it should."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from casekit.instruments import Assessment, ItemType, ScoreKind, check, load_instrument
from casekit.instruments.importers import import_file
from casekit.widgets import InstrumentForm

CORPUS = Path(__file__).parent / "data" / "importers" / "corpus"
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".txt", ".xlsx"))
LANG = {"vstupni_DataDictionary.csv": "cs"}


@pytest.fixture(scope="module")
def imported():
    return {name: import_file(CORPUS / name, lang=LANG.get(name)) for name in FILES}


def notes(result, key):
    return [n for n in result.report if n.key == key]


def test_the_corpus_covers_both_formats():
    assert len([f for f in FILES if f.endswith(".xlsx")]) >= 3 and len([f for f in FILES if not f.endswith(".xlsx")]) >= 5


@pytest.mark.parametrize("name", FILES)
def test_each_file_imports_checks_and_renders(imported, name, tmp_path):
    result = imported[name]
    out = tmp_path / "instrument.yaml"
    result.to_yaml(out)
    assert check(out) == []                                   # what `casekit instrument check` says
    instrument = load_instrument(out)
    assert instrument == result.instrument
    assert not notes(result, "import.item_invalid") and not notes(result, "import.rule_dropped")
    for note in result.report:                                # every note readable in both languages
        for lang in ("en", "cs"):
            text = note.text(lang)
            assert "import." not in text.replace(note.original or "\0", "") and "{" not in text.replace(
                note.original or "\0", "")
    assessment = Assessment.start(instrument, rater="Corpus", perspective=instrument.perspectives[0])
    for lang in ("en", "cs"):
        form = InstrumentForm(instrument, assessment, lang=lang)
        for item in instrument.items():
            shown = html.unescape(form.field(item.id).label.value)
            assert item.label.get(lang) in shown, (item.id, lang)


def test_screening_matrix_scores_and_branching(imported):
    ins = imported["screening_DataDictionary.csv"].instrument
    assert list(ins.scales) == ["mood"]
    assert [i.id for i in ins.items() if i.scale == "mood"] == [f"mood_{n}" for n in range(1, 6)]
    assert all(ins.item(f"mood_{n}").type == ItemType.SCALE for n in range(1, 6))
    total, band = ins.scores
    assert (total.kind, total.items) == (ScoreKind.SUM, [f"mood_{n}" for n in range(1, 6)])
    assert band.expr == "iif(sum(mood_1, mood_2, mood_3, mood_4, mood_5) >= 10, 2, " \
                        "iif(sum(mood_1, mood_2, mood_3, mood_4, mood_5) >= 5, 1, 0))"
    assert ins.item("referral_date").show_if == "referred == true" and ins.item("referral_date").required
    assert ins.item("referred").show_if.endswith(">= 1")
    assert notes(imported["screening_DataDictionary.csv"], "import.descriptive_dropped")


def test_intake_every_field_type_and_validation(imported):
    result = imported["intake_DataDictionary.csv"]
    ins = result.instrument
    types = {i.id: i.type for i in ins.items()}
    dates = [v for v in ("date_ymd", "date_mdy", "date_dmy", "datetime_ymd", "datetime_mdy", "datetime_dmy",
                         "datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy")]
    assert all(types[f"v_{v}"] == ItemType.DATE for v in dates)
    numbers = ["integer", "number", "number_1dp", "number_2dp", "number_comma_decimal", "number_1dp_comma_decimal"]
    assert all(types[f"v_{v}"] == ItemType.NUMBER for v in numbers)
    assert ins.item("v_integer").integer and (ins.item("v_number_1dp").min, ins.item("v_number_1dp").max) == (0, 100)
    texts = ["time", "time_mm_ss", "time_hh_mm_ss", "email", "phone", "zipcode", "postalcode_czech", "alpha_only",
             "mrn_10d", "vmrn", "ssn", "signature"]
    assert all(types[f"v_{v}"] == ItemType.TEXT for v in texts)
    reported = {n.field for n in notes(result, "import.validation_dropped")} | {
        n.field for n in notes(result, "import.time_to_text")}
    assert {f"v_{v}" for v in texts} == reported
    assert (types["story"], types["housing"], types["benefits"], types["consent"]) == (
        ItemType.TEXT, ItemType.SINGLE, ItemType.MULTIPLE, ItemType.YESNO)
    pain, wellbeing = ins.item("pain"), ins.item("wellbeing")
    assert (pain.min, pain.max, pain.help.en) == (0, 100, "0 = No pain, 50 = Moderate, 100 = Worst imaginable")
    assert (wellbeing.min, wellbeing.max, wellbeing.help.en) == (-10, 10, "-10 = Low, 10 = High")
    assert {n.field for n in notes(result, "import.type_dropped")} == {"photo", "clinic"}
    assert ins.item("rank_a").scale == ins.item("rank_b").scale == "ranks"
    dropped_columns = {(n.field, n.params["column"]) for n in notes(result, "import.column_dropped")}
    assert {("name", "Field Annotation"), ("priority", "Custom Alignment"), ("rank_a", "Matrix Ranking?")} <= \
        dropped_columns
    assert [n.field for n in notes(result, "import.identifier_dropped")] == ["name"]


def test_branching_every_operator(imported):
    result = imported["branching_DataDictionary.csv"]
    shown = {i.id: i.show_if for i in result.instrument.items() if i.id.startswith("b_")}
    assert shown["b_eq"] == "sex == 'f'" and shown["b_ne"] == shown["b_ne2"] == "sex != 'm'"
    assert (shown["b_lt"], shown["b_le"], shown["b_gt"], shown["b_ge"]) == (
        "age < 18", "age <= 18", "age > 65", "age >= 65")
    assert shown["b_upper"] == "(age > 18 and sex == 'x') or age > 90"
    assert (shown["b_checked"], shown["b_unchecked"]) == ("2 in help", "4 not in help")
    assert (shown["b_blank"], shown["b_filled"]) == ("not answered(email)", "answered(email)")
    assert shown["b_if"] == "iif(sex == 'f', 1, 0) == 1" and shown["b_abs"] == "abs(age - 40) < 10"
    reasons = {n.field: n.params["reason"].key.removeprefix("import.why.")
               for n in notes(result, "import.condition_dropped")}
    assert reasons == {"b_not_supported": "function", "b_smart": "smart_variable", "b_event": "event",
                       "b_instance": "event", "b_power": "operator", "b_unknown": "unknown_field"}
    assert all(shown[name] is None for name in reasons)
    assert sum(1 for v in shown.values() if v) == len(shown) - len(reasons)


def test_czech_dictionary_with_lang_cs(imported):
    result = imported["vstupni_DataDictionary.csv"]
    ins = result.instrument
    assert ins.item("bydleni").label.cs == "Kde bydlíte?" and ins.item("bydleni").label.en == ""
    assert [d.title.cs for d in ins.domains] == ["Bydlení"]
    assert notes(result, "import.encoding_cp1250") and not notes(result, "import.no_czech")
    assert ins.item("vyse_dluhu").show_if == "dluhy == true"


def test_r_export_and_unicode_text(imported):
    r_result = imported["follow_up_from_r_DataDictionary.csv"]
    assert "NA" not in r_result.to_yaml().replace("NA cells", "")
    assert r_result.instrument.item("satisfied").show_if == "moved == true"
    unicode_result = imported["languages_unicode_text.txt"]
    levels = [lv.label.en for lv in unicode_result.instrument.item("lang_home").levels]
    assert levels == ["Čeština", "Deutsch", "Français", "العربية", "Українська"]
    assert unicode_result.instrument.item("interpreter").show_if == "lang_home != 1"


def test_household_groups_languages_cascades_and_repeats(imported):
    result = imported["household_visit.xlsx"]
    ins = result.instrument
    assert notes(result, "import.languages_kept")[0].params["languages"] == "en, cs, fr, ar"
    members = ins.item("members")
    assert (members.label.get("fr"), members.label.get("ar"), members.help.cs) == ("Membres", "الأفراد",
                                                                                  "Včetně klienta")
    assert ins.item("school").show_if == "members > 1 and (n_children >= 1 or members >= 3)"
    assert ins.item("needs").constraint == "not ('none' in value and len(value) > 1)"
    assert [s.id for s in ins.scores] == ["income_pp", "wb_total"]
    assert [n.field for n in notes(result, "import.choice_filter_dropped")] == ["district"]
    (repeat,) = notes(result, "import.repeat_dropped")
    assert repeat.params["names"] == "member_name, member_age"
    assert {n.field for n in notes(result, "import.metadata_dropped")} == {"start", "end", "today", "deviceid"}
    assert {n.field for n in notes(result, "import.type_dropped")} == {"location", "photo"}
    assert ins.item("safety").min == 0 and ins.item("safety").max == 10
    assert [d.id for d in ins.domains] == ["general", "household", "children", "household_2", "wellbeing"]


def test_pyxform_spellings_and_french_default_language(imported):
    result = imported["spellings.xlsx"]
    ins = result.instrument
    assert (ins.id, ins.title.en, ins.version) == ("spellings", "Spellings", "2")
    assert {i.id: i.type.value for i in ins.items()} == {
        "agree": "single", "help": "multiple", "again": "single", "more_help": "multiple", "old": "single",
        "other": "single", "age": "number", "nick": "text", "ok": "yesno"}
    assert ins.item("agree").label.cs == "Souhlasíte?" and ins.item("age").constraint_message.en == "Not negative"
    assert {n.field for n in notes(result, "import.select_external_dropped")} == {"clinic", "street"}
    assert {n.field for n in notes(result, "import.type_dropped")} == {"ranking", "code"}
    assert [n.field for n in notes(result, "import.repeat_dropped")] == ["visits"]
    french = imported["enquete_fr.xlsx"].instrument
    age = french.item("age")
    # no English: a form in English shows Czech when there is Czech, else the form's own language (French)
    assert (age.label.en, age.label.cs, age.label.get("fr"), age.label.get("en"), age.help.get("en")) == (
        "", "Věk", "Âge", "Věk", "En années")
    assert [lv.label.get("en") for lv in french.item("enfants").levels] == ["Oui", "Non"]
