"""The parts of the anonymiser: inflection, patterns, dates, places, groups, report, key hygiene."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from casekit.anonymise import Anonymiser, anonymise
from casekit.anonymise.dates import age_band
from casekit.anonymise.inflection import family_key, feminine, fold, name_forms
from casekit.anonymise.report import KINDS
from casekit.anonymise.wordlist import WORDS_FILE, common_words
from casekit.example_data import load_example
from casekit.i18n import catalog
from casekit.model import Case
from strategies import cases, sessions

ROOT = Path(__file__).resolve().parents[1]


# -- Czech inflection ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,forms", [
    ("Novák", ["Nováka", "Novákovi", "Nováku", "Novákem"]),
    ("Nováková", ["Novákové", "Novákovou"]),
    ("Jan", ["Jana", "Janovi", "Jane", "Janem"]),
    ("Marie", ["Marii", "Marií"]),
    ("Hájek", ["Hájka", "Hájkovi", "Hájku", "Hájkem"]),
    ("Němec", ["Němce", "Němcovi", "Němci", "Němcem", "Němče"]),
    ("Černý", ["Černého", "Černému", "Černém", "Černým"]),
    ("Černá", ["Černé", "Černou"]),
    ("Petr", ["Petra", "Petrovi", "Petře", "Petrem"]),
    ("Jana", ["Jany", "Janě", "Janu", "Jano", "Janou"]),
    ("Věra", ["Věry", "Věře", "Věru", "Věrou"]),
    ("Svoboda", ["Svobody", "Svobodovi", "Svobodu", "Svobodo", "Svobodou"]),
    ("Tomáš", ["Tomáše", "Tomášovi", "Tomáši", "Tomášem"]),
    ("Jiří", ["Jiřího", "Jiřímu", "Jiřím"]),
    ("Pavel", ["Pavla", "Pavlovi", "Pavle", "Pavlem"]),
])
def test_every_grammatical_case_of_a_name_is_generated(name, forms):
    assert set(forms) <= name_forms(name)


def test_female_surnames_follow_czech_rules():
    from faker.providers.person.cs_CZ import Provider

    female = set(Provider.last_names_female)
    agree = [m for m in Provider.last_names_male if feminine(m) in female]
    assert len(agree) >= 0.95 * len(Provider.last_names_male)
    assert feminine("Švec") == "Švecová" and feminine("Němec") == "Němcová" and feminine("Vaněk") == "Vaňková"
    assert family_key("Novák") == family_key("Nováková") and family_key("Černý") == family_key("Černá")


# -- redaction of free text --------------------------------------------------------------------------------
def _case(lang="cs", **changes) -> Case:
    """The senior-dementia example with the client called Jan Novák; ``a__0__b=value`` sets ``data["a"][0]["b"]``."""
    data = load_example("senior-dementia", lang).model_dump(mode="json")
    data["client"]["display_name"] = "Jan Novák"
    for key, value in changes.items():
        *path, last = key.split("__")
        node = data
        for part in path:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value
    return Case.model_validate(data)


def _redact(text: str, lang="cs", case: Case | None = None, **options) -> str:
    anonymiser = Anonymiser(seed=1, lang=lang, **options).fit(case or _case(lang))
    return anonymiser.text(text)


@pytest.mark.parametrize("text,gone", [
    ("RČ 440312/1234 a 4403121234", ["440312/1234", "4403121234"]),
    ("rodné číslo ženy 445312/123", ["445312/123"]),
    ("volejte +420 777 123 456 nebo 777123456 či 00420 603 111 222", ["777", "603"]),
    ("piš na jan.novak@seznam.cz", ["seznam", "novak"]),
    ("bydlí Husova 12/3, dříve ul. Lipová č. 5, pak nám. Míru 3", ["Husova", "Lipová", "Míru"]),
    ("OP č. 123456789", ["123456789"]),
    ("č. j. MMB/12345/2024 a sp. zn. 12 C 345/2024", ["12345", "345/2024"]),
    ("účet 123456-1234567890/0100, IBAN CZ65 0800 0000 1920 0014 5399", ["1234567890", "CZ65"]),
])
def test_identifiers_are_replaced_by_placeholders(text, gone):
    out = _redact(text)
    assert all(g not in out for g in gone), out
    assert "[" in out


def test_ordinary_numbers_stay():
    text = "Splátky 2 000 Kč měsíčně, je 12. v pořadníku, volá 155 nebo linku 116 111, II. stupeň."
    assert _redact(text) == text


def test_english_addresses_and_phones():
    out = _redact("She lives at 12 High Street, SW1A 1AA; call 07700 900123.", lang="en")
    assert "High Street" not in out and "SW1A" not in out and "900123" not in out


def test_dates_in_text_keep_their_format_and_the_offset():
    case = _case()
    anonymiser = Anonymiser(seed=1).fit(case)
    moved = date(2024, 5, 31) + anonymiser.offset
    out = anonymiser.text("do 31. 5. 2024, tj. 2024-05-31")
    assert f"{moved.day}. {moved.month}. {moved.year}" in out and moved.isoformat() in out


def test_month_names_keep_their_grammatical_case():
    anonymiser = Anonymiser(seed=1).fit(_case())
    months = anonymiser.dates.months
    target = (9 - 1 + months) % 12  # září → ?
    out = anonymiser.text("od září do února, v září")
    from casekit.anonymise.dates import CS_MONTHS

    assert f"od {CS_MONTHS[target][1]}" in out and f"v {CS_MONTHS[target][2]}" in out


def test_a_date_of_birth_in_text_is_removed_and_ages_are_banded():
    out = _redact("nar. 3. 4. 1944, je mu 80 let, syn P. (28)")
    assert "1944" not in out and "80 let" not in out and "(28)" not in out
    assert "80–84 let" in out and "(25–29)" in out


def test_age_band():
    assert age_band(82) == ("80–84", 82) and age_band(80) == ("80–84", 82)
    assert age_band(95) == ("90+", 92) and age_band(18) == ("15–19", 17)


def test_birth_year_becomes_the_band_middle_at_the_shifted_opening():
    case = _case()
    result = anonymise(case, seed=2)
    assert result.report.age_band == "80–84"
    assert result.case.opened.year - result.case.client.birth_year == 82


def test_names_in_all_forms_are_replaced_case_and_accent_insensitively():
    out = _redact("Janovi Novákovi volala NOVÁKOVÁ, novakem, s Janem")
    assert not {fold(w) for w in re.findall(r"\w+", out)} & {"janovi", "novakovi", "novakova", "novakem", "janem"}


def test_lowercase_hits_are_counted_not_listed():
    case = _case(case_manager="J. Malá (asistentka)")
    result = anonymise(case.model_copy(update={"request": "Malé děti si hrají, Malá přijde."}), seed=1)
    assert result.report.lowercase_name_hits >= 0
    assert "malé" not in result.report.to_json().lower()


def test_known_names_catch_people_only_in_free_text():
    case = _case(request="Stará kamarádka Vrbětická bydlí vedle.")
    without = anonymise(case, seed=1)
    assert any(w.word == "Vrbětická" for w in without.report.warnings)
    named = anonymise(case, seed=1, known_names=["Vrbětická"])
    assert "Vrbětick" not in named.case.request


def test_honorific_and_initial_get_a_consistent_pseudonym():
    case = load_example("senior-dementia", "cs")
    result = anonymise(case, seed=4).case
    client = result.client.display_name
    assert client != "Pan K." and re.fullmatch(r"Pan [A-Z]\.", client)
    assert result.conferences[0].participants[0].name.startswith(client)


def test_place_becomes_region_for_towns_and_fictional_otherwise():
    brno = _case(client__municipality="Brno", request="Bydlí v Brně u nádraží.")
    result = anonymise(brno, seed=1)
    assert result.case.client.municipality == "Jihomoravský kraj"
    assert "Brně" not in result.case.request
    assert anonymise(brno, seed=1, lang="en").case.client.municipality == "South Moravian Region"
    village = anonymise(load_example("senior-dementia", "cs"), seed=1).case
    assert "Brodce" not in village.client.municipality and village.client.municipality
    assert all("Brodc" not in a.name for a in village.actors)


def test_informal_group_and_eponymous_firm_lose_their_names():
    case = load_example("carer-disabled-relative", "cs")
    result = anonymise(case, seed=1).case
    group = next(a for a in result.actors if a.id == "act-svepomocna")
    assert "Nejsme sami" not in group.name and "[název]" in group.name
    assert all("Nejsme sami" not in a.what for a in result.actions)
    firm = _case(actors__1__name="Pekařství Novák")
    assert "Novák" not in anonymise(firm, seed=1).case.actors[1].name


def test_rare_conditions_and_household_details_are_generalised():
    out = _redact("Má Huntingtonovu chorobu a cystickou fibrózu; pět dětí, z toho dvojčata.")
    assert "Huntington" not in out and "fibróz" not in out and "pět dětí" not in out and "dvojčata" not in out
    assert "[vzácné onemocnění]" in out and "několik dětí" in out


def test_residual_risks_are_reported():
    case = _case(request="Jezdí za kamarádem do Zálhotí a léčí se s Fahrovou chorobou. Pomáhá jí Kvítkovský.")
    warnings = {(w.kind, w.word) for w in anonymise(case, seed=1).report.warnings}
    assert ("small_place", "Zálhotí") in warnings
    assert ("capitalised_word", "Kvítkovský") in warnings
    assert any(kind == "possible_rare_condition" for kind, _ in warnings)


def test_ids_with_names_are_renamed_and_references_follow():
    data = load_example("senior-dementia", "cs").model_dump(mode="json")
    data["case_manager"] = "Jan Novák"
    old = data["actors"][0]["id"]
    new_id = "act-novak"
    data["actors"][0]["id"] = new_id
    for need in data["needs"]:
        need["actor_ids"] = [new_id if a == old else a for a in need["actor_ids"]]
    for action in data["actions"]:
        action["owner_id"] = new_id if action["owner_id"] == old else action["owner_id"]
    for conference in data["conferences"]:
        for p in conference["participants"]:
            p["actor_id"] = new_id if p["actor_id"] == old else p["actor_id"]
    result = anonymise(Case.model_validate(data), seed=1).case
    assert "novak" not in json.dumps(result.model_dump(mode="json")).lower()


def test_public_numbers_in_the_crisis_plan_stay():
    result = anonymise(load_example("senior-dementia", "cs"), seed=1).case
    assert "155" in [c.phone for c in result.crisis_plan.contacts]


def test_pseudonyms_never_equal_a_real_form():
    for name in ("family-children-at-risk", "senior-dementia"):
        anonymiser = Anonymiser(seed=9).fit(_case() if name == "senior-dementia" else load_example(name, "cs"))
        names = {k: fake for k, (kind, fake) in anonymiser.lexicon.forms.items() if kind in ("first_name", "surname")}
        fakes = {fold(w) for fake in names.values() for w in re.findall(r"\w+", fake)}
        assert names and not fakes & set(names)


# -- report -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,title", [("cs", "Zpráva o anonymizaci"), ("en", "Anonymisation report")])
def test_report_message_in_both_languages(lang, title):
    report = anonymise(load_example("psychosis-homelessness", "cs"), seed=1).report
    text = report.message(lang)
    assert text.startswith(title) and "{" not in text
    assert report.to_json().startswith('{\n  "format": "casekit.anonymisation_report"')


def test_every_message_key_of_the_anonymiser_and_studies_exists_in_both_languages():
    from casekit.studies import EventKind, Exercise, StudyPart
    from casekit.studies.builder import PROMPTS_PER_PHASE, default_prompts

    keys = {f"anonymise.kind.{k}" for k in KINDS}
    keys |= {f"anonymise.placeholder.{k}" for k in ("email", "phone", "birth_number", "id_card", "file_number",
                                                    "bank_account", "address", "birth_date", "rare_condition",
                                                    "many_children", "multiple_birth", "organisation")}
    keys |= {f"anonymise.warning.{k}" for k in ("capitalised_word", "small_place", "possible_rare_condition")}
    keys |= {m.key for enum in (EventKind, Exercise, StudyPart) for m in enum}
    for source in [*(ROOT / "casekit" / "anonymise").glob("*.py"), *(ROOT / "casekit" / "studies").glob("*.py")]:
        text = source.read_text(encoding="utf-8")
        keys |= set(re.findall(r"[\"']((?:anonymise|study|cli|errors)\.[a-z_.]+[a-z])[\"']", text))
        keys |= {f"study.event.{k}" for k in re.findall(r"\bt\(\s*[\"']([a-z_]+)[\"']", text)}
    keys = {k for k in keys if not k.endswith(".") and "{" not in k}
    for lang in ("cs", "en"):
        assert sorted(keys - set(catalog(lang))) == [], lang
        assert all(len(p) == PROMPTS_PER_PHASE for p in default_prompts(lang).values())


def test_the_word_list_is_clean():
    words = WORDS_FILE.read_text(encoding="utf-8").split()
    assert words == sorted(set(words)) and len(words) > 2000
    assert all(w == fold(w) for w in words)
    assert {"nemocnice", "soused", "the", "kc"} <= common_words()
    assert not {"novak", "hajek", "brodce", "lesna"} & common_words()


def test_the_anonymiser_is_domain_code_and_faker_loads_lazily():
    probe = ("import sys, json, casekit.anonymise, casekit.studies; "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('faker', 'ipywidgets', 'altair', 'IPython', 'voila'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout) == []


def test_supervision_sessions_share_the_key():
    from casekit.model import SupervisionAction, SupervisionSession

    case = _case(case_manager="Marie Nováková")
    session = SupervisionSession(
        date=date(2024, 5, 2), supervisor="PhDr. Tomáš Kučera", worker="Marie Nováková", case_ids=[case.id, "other"],
        reflections="Marie Novákové pomohlo probrat, proč se Jan Novák vyhýbá Tomáši Kučerovi.",
        agreed_actions=[SupervisionAction(what="Marie zavolá Kučerovi.", due=date(2024, 5, 20))],
    )
    result = anonymise(case, seed=3, sessions=[session])
    moved = result.sessions[0]
    offset = result.case.opened - case.opened
    assert moved.date == session.date + offset and moved.agreed_actions[0].due == date(2024, 5, 20) + offset
    assert moved.worker == result.case.case_manager and moved.case_ids == [result.case.id]
    text = moved.model_dump_json()
    assert not re.search(r"Nov[aá]k|Kučer|Marie|Tomáš", text)
    first, last = result.case.client.display_name.split()
    assert f"{first} {last}" in moved.reflections


# -- any valid case ---------------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=cases(), session=sessions())
def test_any_valid_case_stays_valid_and_makes_a_pack(case, session):
    from casekit.caseio import export_case, import_case
    from casekit.studies import build_study

    result = anonymise(case, seed=1, sessions=[session])
    assert import_case(export_case(result.case)).id == result.case.id
    pack = build_study(case, seed=1)
    for stage in pack.stages:
        pack.view(stage.number)
