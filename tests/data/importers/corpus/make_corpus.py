"""Writes the corpus of small, real-world-shaped REDCap data dictionaries and XLSForms (issue 13).

    .venv/bin/python tests/data/importers/corpus/make_corpus.py

Every file is written here from scratch (none is copied); together they use every construct the formats
document: matrix groups, sliders, calc fields, checkboxes, branching with every operator, cascading selects and
choice filters, multi-language columns, groups, repeats and notes. tests/test_importers_corpus.py imports each
one, checks the result with `instrument check`, renders its form in Czech and English, and checks what each
file must carry over and what it must report.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
          "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
          "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
          "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
          "Matrix Ranking?", "Field Annotation"]
API_HEADER = ["field_name", "form_name", "section_header", "field_type", "field_label",
              "select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
              "text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
              "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation"]


def row(name, form, kind, label, choices="", note="", validation="", vmin="", vmax="", branching="", required="",
        section="", identifier="", matrix="", annotation="", alignment="", number="", ranking=""):
    return [name, form, section, kind, label, choices, note, validation, vmin, vmax, identifier, branching,
            required, alignment, number, matrix, ranking, annotation]


def csv_text(header, rows, delimiter=","):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


FREQ = "0, Not at all | 1, Several days | 2, More than half the days | 3, Nearly every day"
YN = "1, Yes | 0, No"

# 1. a screening questionnaire: a matrix of radios sharing a scale, a total and a banded calc, branching on
#    the total, a descriptive text, a yesno follow-up
SCREENING = [
    row("record_id", "screening", "text", "Record ID"),
    row("intro", "screening", "descriptive", "<p>Over the <b>last two weeks</b>, how often …</p>"),
    *[row(f"mood_{n}", "screening", "radio", label, FREQ, matrix="mood", required="y" if n == 1 else "")
      for n, label in enumerate(["Little interest in doing things", "Feeling down or hopeless",
                                 "Trouble sleeping", "Feeling tired", "Poor appetite or overeating"], start=1)],
    row("mood_total", "screening", "calc", "Total", "sum([mood_1], [mood_2], [mood_3], [mood_4], [mood_5])"),
    row("mood_band", "screening", "calc", "Band", "if([mood_total] >= 10, 2, if([mood_total] >= 5, 1, 0))"),
    row("difficulty", "screening", "radio", "How difficult have these problems made things?",
        "1, Not difficult | 2, Somewhat | 3, Very | 4, Extremely", branching="[mood_total] > 0"),
    row("referred", "screening", "yesno", "Referred to a specialist?", branching="[mood_band] >= 1"),
    row("referral_date", "screening", "text", "Date of referral", validation="date_dmy",
        branching="[referred] = '1'", required="y"),
]

# 2. an intake form with every field type and text validation REDCap offers
VALIDATIONS = ["date_ymd", "date_mdy", "date_dmy", "datetime_ymd", "datetime_mdy", "datetime_dmy",
               "datetime_seconds_ymd", "datetime_seconds_mdy", "datetime_seconds_dmy", "time", "time_mm_ss",
               "time_hh_mm_ss", "integer", "number", "number_1dp", "number_2dp", "number_comma_decimal",
               "number_1dp_comma_decimal", "email", "phone", "zipcode", "postalcode_czech", "alpha_only",
               "mrn_10d", "vmrn", "ssn", "signature"]
INTAKE = [
    row("study_id", "intake", "text", "Study ID", identifier="y"),
    row("name", "intake", "text", "Name of the client", identifier="y", annotation="@HIDDEN-SURVEY",
        section="About the client"),
    *[row(f"v_{v}", "intake", "text", f"A {v.replace('_', ' ')} value", validation=v,
          vmin="0" if v.startswith("number") or v == "integer" else "",
          vmax="100" if v.startswith("number") or v == "integer" else "") for v in VALIDATIONS],
    row("story", "intake", "notes", "The client's story in their words", note="A few sentences",
        section="Story"),
    row("housing", "intake", "dropdown", "Where do you live now?",
        "1, Own flat | 2, Rented flat | 3, With family | 4, Shelter | 5, Street | 99, Other"),
    row("housing_other", "intake", "text", "Other housing", branching="[housing] = '99'"),
    row("benefits", "intake", "checkbox", "Benefits received",
        "1, Housing allowance | 2, Material need | 3, Disability pension | 4, None"),
    row("consent", "intake", "truefalse", "The client consents to data sharing"),
    row("pain", "intake", "slider", "Pain today", "No pain | Moderate | Worst imaginable", validation="number"),
    row("wellbeing", "intake", "slider", "Wellbeing", "Low | High", vmin="-10", vmax="10"),
    row("photo", "intake", "file", "Photo of the tenancy agreement"),
    row("clinic", "intake", "sql", "Clinic", "select value from redcap_data where project_id = 1"),
    row("priority", "intake", "radio", "Priority", "1, Low | 2, Medium | 3, High", alignment="RH", number="12"),
    row("rank_a", "intake", "radio", "Rank A", "1, First | 2, Second", matrix="ranks", ranking="y"),
    row("rank_b", "intake", "radio", "Rank B", "1, First | 2, Second", matrix="ranks", ranking="y"),
]

# 3. branching logic with every operator and function REDCap documents
BRANCH_FIELDS = [
    row("record_id", "logic", "text", "ID"),
    row("age", "logic", "text", "Age", validation="integer", vmin="0", vmax="120"),
    row("sex", "logic", "radio", "Sex", "f, Female | m, Male | x, Other"),
    row("help", "logic", "checkbox", "Help wanted", "1, Money | 2, Housing | 3, Work | 4, Health"),
    row("email", "logic", "text", "E-mail", validation="email"),
    row("score", "logic", "calc", "Score", "[age] / 10 + [help(1)] + [help(2)]"),
    row("visit", "logic", "text", "Visit date", validation="date_ymd"),
]
OPERATORS = {
    "b_eq": "[sex] = 'f'", "b_ne": "[sex] <> 'm'", "b_ne2": "[sex] != 'm'", "b_lt": "[age] < 18",
    "b_le": "[age] <= 18", "b_gt": "[age] > 65", "b_ge": "[age] >= 65", "b_and": "[age] > 18 and [sex] = 'f'",
    "b_or": "[age] < 18 or [age] > 65", "b_upper": "[age] > 18 AND [sex] = 'x' OR [age] > 90",
    "b_paren": "([sex] = 'f' or [sex] = 'x') and ([age] >= 18)",
    "b_checked": "[help(2)] = '1'", "b_unchecked": "[help(4)] = '0'", "b_blank": "[email] = ''",
    "b_filled": "[email] <> ''", "b_calc": "[score] >= 2.5", "b_arith": "[age] * 2 - 10 > 50",
    "b_sum": "sum([help(1)], [help(2)], [help(3)]) >= 2", "b_mean": "mean([age], [score]) > 10",
    "b_minmax": "max([age], 18) = [age] and min([age], 65) = [age]", "b_abs": "abs([age] - 40) < 10",
    "b_round": "round([score], 0) = 3", "b_if": "if([sex] = 'f', 1, 0) = 1",
    "b_not_supported": "datediff([visit], 'today', 'd', 'ymd') > 30",
    "b_smart": "[user-role-label] = 'Worker'", "b_event": "[baseline_arm_1][age] > 18",
    "b_instance": "[age][2] > 18", "b_power": "[age] ^ 2 > 100", "b_unknown": "[nobody] = '1'",
}
BRANCHING = BRANCH_FIELDS + [row(name, "logic", "text", name.replace("_", " ").title(), branching=logic)
                             for name, logic in OPERATORS.items()]

# 4. a Czech dictionary as Czech Excel saves it: semicolons, Windows-1250, imported with --lang cs
CZECH = [
    row("id_klienta", "vstupni", "text", "ID klienta"),
    row("bydleni", "vstupni", "radio", "Kde bydlíte?", "1, Vlastní byt | 2, Nájem | 3, Ubytovna | 4, Ulice",
        section="Bydlení"),
    row("dluhy", "vstupni", "yesno", "Máte dluhy?"),
    row("vyse_dluhu", "vstupni", "text", "Výše dluhů (Kč)", validation="number", vmin="0",
        branching="[dluhy] = '1'"),
    row("poznamka", "vstupni", "notes", "Poznámka pracovníka", note="Cokoli dalšího, co je důležité"),
]

# 5. a dictionary exported from R (write.csv: NA for empty cells) with the API's column names, and Excel's
#    "Unicode text" (UTF-16, tabs)
FROM_R = [[c if c != "" else "NA" for c in r] for r in [
    row("record_id", "follow_up", "text", "ID"),
    row("moved", "follow_up", "yesno", "Has the client moved?"),
    row("new_address", "follow_up", "text", "New address", branching="[moved] = '1'"),
    row("satisfied", "follow_up", "radio", "Satisfied with the new home?", "1, Yes | 2, Partly | 3, No",
        branching="[moved] = '1'"),
]]
UNICODE = [
    row("record_id", "languages", "text", "ID"),
    row("lang_home", "languages", "radio", "Language at home — Sprache — langue — اللغة",
        "1, Čeština | 2, Deutsch | 3, Français | 4, العربية | 5, Українська"),
    row("interpreter", "languages", "yesno", "Interpreter needed?", branching="[lang_home] <> '1'"),
]

REDCAP = {
    "screening_DataDictionary.csv": (HEADER, SCREENING, ",", "utf-8"),
    "intake_DataDictionary.csv": (HEADER, INTAKE, ",", "utf-8-sig"),
    "branching_DataDictionary.csv": (HEADER, BRANCHING, ",", "utf-8"),
    "vstupni_DataDictionary.csv": (HEADER, CZECH, ";", "cp1250"),
    "follow_up_from_r_DataDictionary.csv": (API_HEADER, FROM_R, ",", "utf-8"),
    "languages_unicode_text.txt": (HEADER, UNICODE, "\t", "utf-16"),
}

# -- XLSForms ----------------------------------------------------------------------------------------------

LANGS = ["English (en)", "Čeština (cs)", "Français (fr)", "العربية (ar)"]
HOUSEHOLD_SURVEY = [
    ["type", "name", *[f"label::{lang}" for lang in LANGS], "hint::English (en)", "hint::Čeština (cs)", "required",
     "relevant", "constraint", "constraint_message::English (en)", "constraint_message::Čeština (cs)",
     "calculation", "choice_filter", "appearance", "parameters", "media::image::English (en)", "default",
     "read_only", "repeat_count"],
    ["start", "start"], ["end", "end"], ["today", "today"], ["deviceid", "deviceid"],
    ["note", "welcome", "Welcome", "Vítejte", "Bienvenue", "مرحبا"],
    ["text", "interviewer", "Interviewer", "Tazatel", "Enquêteur", "المحاور", "", "", "yes"],
    ["select_one country", "country", "Country", "Země", "Pays", "البلد", "", "", "true()"],
    ["select_one district", "district", "District", "Okres", "District", "المنطقة", "", "", "", "", "", "", "",
     "", "country = ${country}", "minimal"],
    ["begin group", "household", "Household", "Domácnost", "Ménage", "الأسرة", "", "", "", "", "", "", "", "", "",
     "field-list"],
    ["integer", "members", "Household members", "Členové domácnosti", "Membres", "الأفراد", "Include the client",
     "Včetně klienta", "yes", "", ". >= 1 and . <= 20", "1 to 20", "1 až 20"],
    ["decimal", "income", "Monthly income", "Měsíční příjem", "Revenu", "الدخل", "", "", "", "${members} > 0",
     ". >= 0"],
    ["calculate", "income_pp", "Income per person", "Příjem na osobu", "", "", "", "", "", "", "", "", "",
     "${income} div ${members}"],
    ["select_multiple needs", "needs", "Needs", "Potřeby", "Besoins", "الاحتياجات", "", "", "", "",
     "not(selected(., 'none') and count-selected(.) > 1)", "None excludes the others", "Nic vylučuje ostatní"],
    ["text", "needs_other", "Other needs", "Jiné potřeby", "", "", "", "", "", "selected(${needs}, 'other')"],
    ["range", "safety", "How safe do you feel?", "Jak bezpečně se cítíte?", "", "", "", "", "", "", "", "", "",
     "", "", "", "start=0 end=10 step=1"],
    ["begin group", "children", "Children", "Děti", "Enfants", "الأطفال", "", "", "", "${members} > 1"],
    ["integer", "n_children", "Number of children", "Počet dětí", "", "", "", "", "", "", ". < ${members}"],
    ["select_one yn", "school", "Do they go to school?", "Chodí do školy?", "", "", "", "", "",
     "${n_children} >= 1 or ${members} >= 3"],
    ["end group"],
    ["acknowledge", "confirm", "I have checked the answers", "Odpovědi jsem zkontroloval/a"],
    ["end group"],
    ["begin repeat", "member", "Household member", "Člen domácnosti", "", "", "", "", "", "", "", "", "", "", "",
     "", "", "", "", "", "${members}"],
    ["text", "member_name", "Name", "Jméno"],
    ["integer", "member_age", "Age", "Věk"],
    ["end repeat"],
    ["begin group", "wellbeing", "Wellbeing", "Pohoda", "Bien-être", "الرفاه"],
    ["select_one freq", "sleep", "Trouble sleeping", "Potíže se spánkem", "", "", "", "", "yes"],
    ["select_one freq", "worry", "Worrying", "Obavy", "", "", "", "", ""],
    ["calculate", "wb_total", "Wellbeing total", "Pohoda celkem", "", "", "", "", "", "", "", "", "",
     "coalesce(${sleep}, 0) + coalesce(${worry}, 0)"],
    ["text", "wb_comment", "Comment", "Komentář", "", "", "", "", "",
     "${wb_total} >= 4 and (${sleep} = '3' or ${worry} != '0') and string-length(${interviewer}) > 0"],
    ["date", "next_visit", "Next visit", "Další návštěva", "", "", "", "", "", "", ". > today()"],
    ["datetime", "visit_time", "Visit time", "Čas návštěvy"],
    ["time", "call_time", "Call time", "Čas hovoru"],
    ["geopoint", "location", "Location", "Poloha"],
    ["image", "photo", "Photo", "Fotografie"],
    ["select_one yn", "followup", "Follow-up needed?", "Je potřeba další kontakt?", "", "", "", "", "",
     "if(${wb_total} > 3, true(), false())"],
    ["text", "followup_why", "Why?", "Proč?", "", "", "", "", "", "${followup} = 'y' and ${safety} <= 3"],
    ["end group"],
]
HOUSEHOLD_CHOICES = [
    ["list_name", "name", *[f"label::{lang}" for lang in LANGS], "country"],
    ["country", "cz", "Czechia", "Česko", "Tchéquie", "التشيك"], ["country", "sk", "Slovakia", "Slovensko",
                                                                 "Slovaquie", "سلوفاكيا"],
    ["district", "prague", "Prague", "Praha", "Prague", "براغ", "cz"],
    ["district", "brno", "Brno", "Brno", "Brno", "برنو", "cz"],
    ["district", "kosice", "Košice", "Košice", "Košice", "كوشيتسه", "sk"],
    ["needs", "food", "Food", "Jídlo", "Nourriture", "طعام"], ["needs", "housing", "Housing", "Bydlení",
                                                                "Logement", "سكن"],
    ["needs", "other", "Other", "Jiné", "Autre", "أخرى"], ["needs", "none", "None", "Nic", "Aucun", "لا شيء"],
    ["yn", "y", "Yes", "Ano", "Oui", "نعم"], ["yn", "n", "No", "Ne", "Non", "لا"],
    *[["freq", str(n), en, cs, "", ""] for n, (en, cs) in enumerate(
        [("Not at all", "Vůbec"), ("Several days", "Několik dní"), ("Most days", "Většinu dní"),
         ("Every day", "Každý den")])],
]
HOUSEHOLD_SETTINGS = [["form_title", "form_id", "version", "default_language", "style", "instance_name"],
                      ["Household visit", "household_visit", "2025031201", "English (en)", "pages",
                       "concat(${interviewer}, '-', ${today})"]]

# pyxform's other spellings, a single language without "::" and the old single-colon form
SPELLINGS_SURVEY = [
    ["type", "name", "label:English", "label:Czech", "hint:English", "bind:relevant", "bind:constraint",
     "bind:jr:constraintMsg:English", "bind:required", "control:appearance"],
    ["select one from yn", "agree", "Do you agree?", "Souhlasíte?", "", "", "", "", "yes"],
    ["select all that apply from help", "help", "Help wanted", "Jaká pomoc", "Tick all", "${agree} = 'y'"],
    ["select one yn", "again", "Again?", "Znovu?"],
    ["select all that apply help", "more_help", "More help", "Další pomoc"],
    ["add select one prompt using yn", "old", "Old style", "Starý styl"],
    ["select_one yn or specify other", "other", "Other?", "Jiné?"],
    ["begin_group", "g", "Group", "Skupina", "", "${agree} = 'y'", "", "", "", "field-list"],
    ["int", "age", "Age", "Věk", "", "", ". >= 0", "Not negative", ""],
    ["string", "nick", "Nickname", "Přezdívka"],
    ["end_group"],
    ["begin lgroup", "visits", "Visits", "Návštěvy"],
    ["date", "visit", "Visit", "Návštěva"],
    ["end lgroup"],
    ["select_one_from_file clinics.csv", "clinic", "Clinic", "Klinika"],
    ["select_one_external street", "street", "Street", "Ulice"],
    ["rank yn", "ranking", "Rank", "Pořadí"],
    ["trigger", "ok", "Done", "Hotovo"],
    ["barcode", "code", "Code", "Kód"],
]
SPELLINGS_CHOICES = [["list name", "value", "caption:English", "caption:Czech"],
                     ["yn", "y", "Yes", "Ano"], ["yn", "n", "No", "Ne"],
                     ["help", "money", "Money", "Peníze"], ["help", "home", "Home", "Domov"]]
SPELLINGS_SETTINGS = [["set_form_title", "set_form_id", "version"], ["Spellings", "spellings", "v2"]]

# a form written by a French team without English, a plain label column and default_language
FRENCH_SURVEY = [["type", "name", "label", "label::Čeština (cs)", "hint"],
                 ["integer", "age", "Âge", "Věk", "En années"],
                 ["select_one oui_non", "enfants", "Avez-vous des enfants ?", ""],
                 ["note", "merci", "Merci !", "Děkujeme!"]]
FRENCH_CHOICES = [["list_name", "name", "label"], ["oui_non", "1", "Oui"], ["oui_non", "0", "Non"]]
FRENCH_SETTINGS = [["form_title", "default_language"], ["Enquête", "Français (fr)"]]

XLSFORMS = {
    "household_visit.xlsx": (HOUSEHOLD_SURVEY, HOUSEHOLD_CHOICES, HOUSEHOLD_SETTINGS),
    "spellings.xlsx": (SPELLINGS_SURVEY, SPELLINGS_CHOICES, SPELLINGS_SETTINGS),
    "enquete_fr.xlsx": (FRENCH_SURVEY, FRENCH_CHOICES, FRENCH_SETTINGS),
}


def write_xlsform(path: Path, survey, choices, settings) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    for values in survey:
        sheet.append(values)
    for title, rows in (("choices", choices), ("settings", settings)):
        extra = workbook.create_sheet(title)
        for values in rows:
            extra.append(values)
    workbook.properties.created = workbook.properties.modified = __import__("datetime").datetime(2025, 1, 1)
    workbook.save(path)


def main() -> None:
    for name, (header, rows, delimiter, encoding) in REDCAP.items():
        (HERE / name).write_bytes(csv_text(header, rows, delimiter).encode(encoding))
    for name, sheets in XLSFORMS.items():
        write_xlsform(HERE / name, *sheets)


if __name__ == "__main__":
    main()
