"""Anonymisation end to end: identifiers planted in every text field never reach the files written."""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

import pytest

from casekit.anonymise import anonymise
from casekit.anonymise.fields import LIMITS, is_reference, pattern_of
from casekit.caseio import export_case, import_case
from casekit.cli import main
from casekit.example_data import load_example
from casekit.model import Case

# -- what is planted ----------------------------------------------------------------------------------
#: Every person of the planted case with the seven Czech cases of each name (nominative … instrumental).
PEOPLE = {
    "Jan Novák": (["Jan", "Jana", "Janovi", "Jana", "Jane", "Janovi", "Janem"],
                  ["Novák", "Nováka", "Novákovi", "Nováka", "Nováku", "Novákovi", "Novákem"]),
    "Marie Nováková": (["Marie", "Marie", "Marii", "Marii", "Marie", "Marii", "Marií"],
                       ["Nováková", "Novákové", "Novákové", "Novákovou", "Nováková", "Novákové", "Novákovou"]),
    "Petr Hájek": (["Petr", "Petra", "Petrovi", "Petra", "Petře", "Petrovi", "Petrem"],
                   ["Hájek", "Hájka", "Hájkovi", "Hájka", "Hájku", "Hájkovi", "Hájkem"]),
    "Jiří Černý": (["Jiří", "Jiřího", "Jiřímu", "Jiřího", "Jiří", "Jiřím", "Jiřím"],
                   ["Černý", "Černého", "Černému", "Černého", "Černý", "Černém", "Černým"]),
    "Lucie Němcová": (["Lucie", "Lucie", "Lucii", "Lucii", "Lucie", "Lucii", "Lucií"],
                      ["Němcová", "Němcové", "Němcové", "Němcovou", "Němcová", "Němcové", "Němcovou"]),
    "Tomáš Kučera": (["Tomáš", "Tomáše", "Tomášovi", "Tomáše", "Tomáši", "Tomášovi", "Tomášem"],
                     ["Kučera", "Kučery", "Kučerovi", "Kučeru", "Kučero", "Kučerovi", "Kučerou"]),
    "Eva Kolářová": (["Eva", "Evy", "Evě", "Evu", "Evo", "Evě", "Evou"],
                     ["Kolářová", "Kolářové", "Kolářové", "Kolářovou", "Kolářová", "Kolářové", "Kolářovou"]),
}
NAME_FORMS = {form for firsts, lasts in PEOPLE.values() for form in firsts + lasts}
IDENTIFIERS = [
    "440312/1234", "445312/123", "4403121234", "755212/1234",  # birth numbers: with/without slash, women +50
    "+420 777 123 456", "+420777123456", "777 123 456", "777123456", "00420 603 111 222",  # phones
    "jan.novak@seznam.cz", "m.novakova@email.cz",  # e-mails
    "Husova 12/3", "Husova 12", "ul. Lipová č. 5", "nám. Míru 3", "12 High Street",  # addresses
    "OP č. 123456789", "123456789", "987654321",  # ID card numbers
    "MMB/12345/2024", "12 C 345/2024",  # file numbers
    "123456-1234567890/0100", "1234567890/0100", "CZ65 0800 0000 1920 0014 5399",  # bank accounts
    "12. 3. 2011", "2011-03-12", "5. prosince 2011", "12 March 2011",  # exact dates
]
#: Sentences that carry all of the above (the long fields get all of them, short fields a few each).
CHUNKS = [
    "Jan Novák, Jana Nováka, Janovi Novákovi, Jane Nováku, s Janem Novákem.",
    "Marie Nováková, Marii Novákové, Novákovou, s Marií Novákovou.",
    "Petr Hájek, Petra Hájka, Petrovi Hájkovi, Petře Hájku, s Petrem Hájkem.",
    "Jiří Černý, Jiřího Černého, Jiřímu Černému, o Jiřím Černém, s Jiřím Černým.",
    "Lucie Němcová, Lucii Němcové, s Lucií Němcovou.",
    "Tomáš Kučera, Tomáše Kučery, Tomášovi Kučerovi, Tomáši Kučero, Kučeru, s Tomášem Kučerou.",
    "Eva Kolářová, Evy Kolářové, Evě, Evu Kolářovou, Evo, s Evou Kolářovou.",
    "NOVÁKOVI volal novakem, hajkovi, cerneho a NEMCOVE.",
    "RČ 440312/1234, r. č. 445312/123, rodné číslo 4403121234, dcera 755212/1234.",
    "Tel. +420 777 123 456, +420777123456, 777 123 456, 777123456, 00420 603 111 222.",
    "E-mail jan.novak@seznam.cz nebo m.novakova@email.cz.",
    "Bydlí Husova 12/3, dříve Husova 12, pak ul. Lipová č. 5 a nám. Míru 3; syn 12 High Street.",
    "OP č. 123456789, občanský průkaz 987654321.",
    "Č. j. MMB/12345/2024, sp. zn. 12 C 345/2024.",
    "Účet 123456-1234567890/0100, 1234567890/0100, IBAN CZ65 0800 0000 1920 0014 5399.",
    "Dne 12. 3. 2011 (2011-03-12), pak 5. prosince 2011 and 12 March 2011.",
]
PAYLOAD = " ".join(CHUNKS)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


FOLDED_FORMS = {_fold(f) for f in NAME_FORMS}


def _people(case: Case) -> dict:
    """The example case with full names in every person field, contact details and an eponymous firm."""
    data = case.model_dump(mode="json")
    names = list(PEOPLE)
    data["client"]["display_name"] = "Jan Novák"
    data["case_manager"] = "Mgr. Marie Nováková (case manažerka)"
    for consent in data["client"]["consents"]:
        consent["given_by"] = "Jan Novák"
    for i, actor in enumerate(data["actors"]):
        actor["contact_person"] = names[i % len(names)]
        actor["phone"], actor["email"] = "+420 603 111 222", "kontakt@example.cz"
        if actor["kind"] == "person":
            actor["name"] = names[(i + 2) % len(names)]
    data["actors"][1]["name"] = "Pekařství Novák"
    for conference in data["conferences"]:
        conference["facilitator"], conference["minute_taker"] = "Jiří Černý", "Lucie Němcová"
        for j, participant in enumerate(conference["participants"]):
            participant["name"] = f"{names[j % len(names)]} ({j})"
        for decision in conference["decisions"]:
            decision["dissent_by"] = ["Petr Hájek", "Eva Kolářová"]
    for contact in data["crisis_plan"]["contacts"]:
        contact["name"], contact["phone"] = "Tomáš Kučera", "777 123 456"
    return data


def _plant(node, path=(), counter=None):
    """Inject identifiers into every text field: the whole payload where it fits, a chunk elsewhere."""
    counter = counter if counter is not None else [0]
    if isinstance(node, dict):
        return {k: v if isinstance(k, str) and (is_reference(k) or k in ("language", "catalogue_id", "gas_scores"))
                else _plant(v, path + (k,), counter) for k, v in node.items()}
    if isinstance(node, list):
        return [_plant(v, path + (i,), counter) for i, v in enumerate(node)]
    if isinstance(node, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):
        limit = LIMITS.get(pattern_of(path))
        if limit is None:  # an enum code
            return node
        if limit > 1000:
            return f"{node} {PAYLOAD}".strip()
        counter[0] += 1
        chunk = CHUNKS[counter[0] % len(CHUNKS)]
        return f"{node} {chunk}"[:limit].strip()
    return node


@pytest.fixture(scope="module", params=["cs", "en"])
def planted(request, tmp_path_factory) -> dict:
    case = load_example("senior-dementia", request.param)
    data = _plant(_people(case))
    planted_case = Case.model_validate(data)
    folder = tmp_path_factory.mktemp(f"anon-{request.param}")
    source, out, report = folder / "in.json", folder / "out.json", folder / "report.json"
    source.write_text(export_case(planted_case), encoding="utf-8")
    code = main(["--lang", request.param, "anonymise", str(source), "-o", str(out), "--report", str(report),
                 "--seed", "7"])
    return {"case": planted_case, "code": code, "files": [out, report], "out": out, "report": report}


def test_every_text_field_was_planted(planted):
    text = export_case(planted["case"])
    for needle in IDENTIFIERS:
        assert needle in text
    assert text.count("Novákem") > 40


def test_no_planted_identifier_reaches_any_file(planted):
    assert planted["code"] == 0
    for path in planted["files"]:
        text = path.read_text(encoding="utf-8")
        leaked = [needle for needle in IDENTIFIERS if needle in text]
        assert leaked == [], f"{path.name}: {leaked}"


def test_no_name_in_any_inflected_form_reaches_any_file(planted):
    for path in planted["files"]:
        words = set(re.findall(r"[^\W\d_]+", _fold(path.read_text(encoding="utf-8"))))
        assert sorted(words & FOLDED_FORMS) == [], path.name


def test_the_output_is_a_valid_case_file(planted):
    case = import_case(planted["out"].read_bytes())
    assert case.id != planted["case"].id and case.version == 0
    assert all(not a.phone and not a.email for a in case.actors)
    assert {c.phone for c in case.crisis_plan.contacts} == {""}


def test_the_report_names_kinds_and_holds_no_key(planted):
    document = json.loads(planted["report"].read_text(encoding="utf-8"))
    assert document["format"] == "casekit.anonymisation_report"
    counts = document["report"]["counts"]
    for kind in ("first_name", "surname", "birth_number", "phone", "email", "address", "id_card", "file_number",
                 "bank_account", "date", "date_field", "birth_year", "contact_field"):
        assert counts.get(kind, 0) > 0, kind
    text = json.dumps(document)
    assert "seed" not in text and "offset" not in text


# -- dates ---------------------------------------------------------------------------------------------
def _dates(node) -> list[date]:
    if isinstance(node, dict):
        return [d for v in node.values() for d in _dates(v)]
    if isinstance(node, list):
        return [d for v in node for d in _dates(v)]
    return [node] if isinstance(node, date) else []


@pytest.mark.parametrize("name", ["senior-dementia", "family-children-at-risk", "psychosis-homelessness"])
def test_every_date_moves_by_one_offset_so_intervals_stay(name):
    case = load_example(name, "cs")
    before, after = _dates(case.model_dump()), _dates(anonymise(case, seed=3).case.model_dump())
    assert len(before) == len(after) > 20
    offset = after[0] - before[0]
    assert offset.days != 0 and offset.days % 7 == 0
    for i in range(len(before)):
        for j in range(i + 1, len(before)):
            assert after[j] - after[i] == before[j] - before[i]


def test_dates_in_text_move_with_the_fields():
    case = load_example("senior-dementia", "cs")
    result = anonymise(case, seed=3)
    offset = result.case.opened - case.opened
    moved = date(2024, 12, 5) + offset
    note = next(r.notes for r in result.case.reviews if "opatrovník" in r.notes)
    assert f"{moved.day}. {moved.month}. {moved.year}" in note


# -- consistency and reproducibility --------------------------------------------------------------------
def test_pseudonyms_are_consistent_across_the_case():
    data = _people(load_example("senior-dementia", "cs"))
    data["request"] = "Jan Novák chce zůstat doma; pan Novák to řekl Janu Novákovi."
    result = anonymise(Case.model_validate(data), seed=11).case
    fake = result.client.display_name
    first, last = fake.split()
    assert fake not in ("Jan Novák",) and result.client.consents[0].given_by == fake
    assert result.conferences[0].participants[0].name.startswith(fake)
    assert result.request.count(first) == 2 and result.request.count(last) == 3
    assert "Pekařství " + last == result.actors[1].name  # the firm named after the client keeps the pseudonym


def test_family_members_share_the_pseudonym_family():
    from casekit.anonymise.inflection import feminine

    data = _people(load_example("senior-dementia", "cs"))
    case = anonymise(Case.model_validate(data), seed=5).case
    husband = case.client.display_name.split()[1]  # the pseudonym of Novák
    wife = case.case_manager.split()[2]  # "Mgr. Marie Nováková (…)" → the pseudonym of Nováková
    assert wife == feminine(husband) != husband


def test_the_same_seed_gives_the_same_output_and_another_seed_another():
    case = load_example("family-children-at-risk", "cs")
    first, again, other = (anonymise(case, seed=s) for s in (42, 42, 43))
    assert export_case(first.case) == export_case(again.case)
    assert first.report == again.report
    assert export_case(first.case) != export_case(other.case)


# -- the command line ----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,word", [("en", "pseudonyms"), ("cs", "pseudonymy")])
def test_cli_help_in_both_languages(lang, word, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, "anonymise", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "casekit anonymise" in out and word in out and "--report" in out and "--seed" in out


@pytest.mark.parametrize("content,lang,phrase", [
    (None, "en", "nope.json"),
    ('{"format": "casekit.case", ', "en", "not valid JSON"),
    ('{"format": "casekit.case", ', "cs", "není platný JSON"),
    ('{"format": "something.else", "schema_version": 1}', "en", "casekit.case"),
])
def test_cli_bad_input_gives_a_message_not_a_traceback(tmp_path, capsys, content, lang, phrase):
    source = tmp_path / "nope.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    code = main(["--lang", lang, "anonymise", str(source), "-o", str(tmp_path / "o.json"),
                 "--report", str(tmp_path / "r.json")])
    err = capsys.readouterr().err
    assert code == 2 and phrase in err and "Traceback" not in err
    assert not (tmp_path / "o.json").exists()


def test_cli_without_seed_still_writes_a_valid_case(tmp_path, capsys):
    source = tmp_path / "in.json"
    source.write_text(export_case(load_example("young-adult-leaving-care", "en")), encoding="utf-8")
    assert main(["anonymise", str(source), "-o", str(tmp_path / "o.json"), "--report", str(tmp_path / "r.json"),
                 "--name", "Kateřina Vondrová", "--place", "Podlesí"]) == 0
    assert "anonymised" in capsys.readouterr().out
    import_case((tmp_path / "o.json").read_bytes())
