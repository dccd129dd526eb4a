"""The bundled example cases and the fictional service catalogue (``data/examples``).

Structure rule for the Czech/English comparison: a string counts as human text when the published JSON
Schema describes it as a plain string (no ``enum``, ``const``, ``format`` or ``pattern``). Ids (pattern),
codes (enum), dates (format) and every number, boolean, null, list length and dict key must be identical in
both languages; only human text may differ (and the ``language`` field, checked separately).
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

import casekit
from casekit.caseio import export_case, published_schema
from casekit.errors import InvalidData
from casekit.example_data import (
    ENV_VAR, catalogue_path, example_path, examples, examples_dir, export_catalogue, load_catalogue, load_example,
    parse_catalogue,
)
from casekit.i18n import LANGUAGES, catalog, language
from casekit.model.catalogue import Service, ServiceCatalogue, ServiceType
from casekit.vocab import (
    ActionStatus, ClosureReason, ConferenceRole, ConsentScope, LifeDomain, Perspective, RelationshipKind, Sector,
    TeamModel,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "examples"
REQUIRED = {
    "senior-dementia", "family-children-at-risk", "young-adult-leaving-care", "psychosis-homelessness",
    "carer-disabled-relative",
}
LATEST = date(2026, 11, 25)
NAMES = examples()
PAIRS = [(name, lang) for name in NAMES for lang in LANGUAGES]


@pytest.fixture(scope="module")
def cases() -> dict[tuple[str, str], casekit.Case]:
    return {(name, lang): load_example(name, lang) for name, lang in PAIRS}


@pytest.fixture(scope="module")
def catalogues() -> dict[str, ServiceCatalogue]:
    return {lang: load_catalogue(lang) for lang in LANGUAGES}


# -- the structure rule ----------------------------------------------------------------------------
def _resolve(schema: dict, defs: dict) -> dict:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _fits(value, schema: dict, defs: dict) -> bool:
    schema = _resolve(schema, defs)
    kind = schema.get("type")
    if value is None:
        return kind == "null"
    if isinstance(value, bool):
        return kind == "boolean"
    if isinstance(value, (int, float)):
        return kind in ("integer", "number")
    if isinstance(value, str):
        return kind == "string" or "enum" in schema or "const" in schema
    if isinstance(value, list):
        return kind == "array"
    return kind == "object" or "properties" in schema


def blank_text(value, schema: dict, defs: dict):
    """``value`` with every human-text string replaced by ``""`` (see the module docstring)."""
    schema = _resolve(schema, defs)
    if "anyOf" in schema:
        branch = next((b for b in schema["anyOf"] if _fits(value, b, defs)), schema["anyOf"][0])
        return blank_text(value, branch, defs)
    if isinstance(value, dict):
        props = schema.get("properties")
        if props is not None:
            return {key: blank_text(item, props[key], defs) for key, item in value.items()}
        extra = schema.get("additionalProperties") or {}
        return {key: blank_text(item, extra, defs) for key, item in value.items()}
    if isinstance(value, list):
        return [blank_text(item, schema.get("items") or {}, defs) for item in value]
    if isinstance(value, str):
        structural = any(k in schema for k in ("enum", "const", "format", "pattern"))
        return value if structural else ""
    return value


def _case_skeleton(name: str, lang: str) -> dict:
    schema = published_schema()
    document = json.loads(example_path(name, lang).read_text(encoding="utf-8"))
    return blank_text(document, schema, schema["$defs"])


def _catalogue_skeleton(lang: str) -> dict:
    inner = ServiceCatalogue.model_json_schema(mode="serialization")
    defs = inner.pop("$defs", {})
    schema = {"type": "object", "properties": {
        "format": {"const": "casekit.catalogue"}, "schema_version": {"const": 1}, "catalogue": inner}}
    document = json.loads(catalogue_path(lang).read_text(encoding="utf-8"))
    return blank_text(document, schema, defs)


def _texts(value, schema: dict, defs: dict) -> list[str]:
    """All human-text strings of a document, in order."""
    original = json.dumps(value, ensure_ascii=False)
    blanked = blank_text(value, schema, defs)
    out: list[str] = []

    def walk(a, b):
        if isinstance(a, dict):
            for key in a:
                walk(a[key], b[key])
        elif isinstance(a, list):
            for x, y in zip(a, b):
                walk(x, y)
        elif isinstance(a, str) and b == "" and a != "":
            out.append(a)

    walk(value, blanked)
    assert original  # the walk saw the document
    return out


# -- the list of examples and loading -----------------------------------------------------------------
def test_at_least_five_examples_including_the_required_scenarios():
    assert len(NAMES) >= 5
    assert REQUIRED <= set(NAMES)
    assert NAMES == sorted(NAMES)
    assert casekit.examples() == NAMES
    assert casekit.examples() == NAMES  # a second call still works after the submodule was imported


def test_examples_dir_is_the_repository_data_folder():
    assert examples_dir().resolve() == DATA.resolve()


@pytest.mark.parametrize("name,lang", PAIRS)
def test_example_loads_validates_and_is_exactly_what_export_case_writes(name, lang, cases):
    case = cases[(name, lang)]
    assert case.language == lang
    assert all(conf.language == lang for conf in case.conferences)
    text = example_path(name, lang).read_text(encoding="utf-8")
    assert text == export_case(case) + "\n"
    assert casekit.load_example(name, lang) == case


def test_load_example_defaults_to_the_current_language():
    name = NAMES[0]
    with language("cs"):
        assert load_example(name).language == "cs"
    with language("en"):
        assert load_example(name).language == "en"


def test_unknown_example_gives_a_bilingual_message():
    with pytest.raises(InvalidData) as caught:
        load_example("no-such-case", "en")
    error = caught.value
    assert error.code == "errors.unknown_example"
    cs, en = error.message("cs"), error.message("en")
    assert cs != en
    for text in (cs, en):
        assert "no-such-case" in text and "senior-dementia" in text
        assert "errors." not in text


def test_env_var_points_to_another_examples_folder(tmp_path, monkeypatch):
    (tmp_path / "cases").mkdir()
    for lang in LANGUAGES:
        shutil.copy(example_path("senior-dementia", lang), tmp_path / "cases" / f"only-one.{lang}.json")
        shutil.copy(catalogue_path(lang), tmp_path / f"catalogue.{lang}.json")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert examples() == ["only-one"]
    assert load_example("only-one", "cs").client.display_name == "Pan K."
    assert len(load_catalogue("en").services) >= 40


def test_the_builder_script_is_the_source_of_the_files():
    spec = importlib.util.spec_from_file_location("build_examples", DATA / "build_examples.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    files = builder.build_all()
    built_here = [p for p in DATA.rglob("*.json") if "studies" not in p.relative_to(DATA).parts]  # packs: own builder
    assert set(files) == {p.relative_to(DATA).as_posix() for p in built_here}
    stale = [path for path, text in files.items() if (DATA / path).read_text(encoding="utf-8") != text]
    assert stale == [], "run: .venv/bin/python data/examples/build_examples.py"


# -- Czech and English are the same case -------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_czech_and_english_versions_have_identical_structure(name):
    assert _case_skeleton(name, "cs") == _case_skeleton(name, "en")


@pytest.mark.parametrize("name", NAMES)
def test_czech_and_english_texts_are_really_translated(name, cases):
    cs, en = cases[(name, "cs")], cases[(name, "en")]
    assert cs.request != en.request
    for goal_cs, goal_en in zip(cs.goals, en.goals):
        assert goal_cs.text != goal_en.text
        for level in goal_cs.levels:
            assert goal_cs.levels[level] != goal_en.levels[level], (goal_cs.id, level)
    for need_cs, need_en in zip(cs.needs, en.needs):
        assert need_cs.description != need_en.description
    for conf_cs, conf_en in zip(cs.conferences, en.conferences):
        assert [d.text for d in conf_cs.decisions] != [d.text for d in conf_en.decisions]
    schema = published_schema()
    texts = {lang: _texts(json.loads(example_path(name, lang).read_text(encoding="utf-8")), schema, schema["$defs"])
             for lang in LANGUAGES}
    same = sum(a == b for a, b in zip(texts["cs"], texts["en"]))
    assert same / len(texts["cs"]) < 0.15  # only proper names and the like stay the same
    czech = "".join(texts["cs"])
    assert len(re.findall("[ěščřžýáíéůú]", czech)) > 500  # written in Czech, with diacritics


def test_catalogue_czech_and_english_have_identical_structure(catalogues):
    assert _catalogue_skeleton("cs") == _catalogue_skeleton("en")
    assert catalogues["cs"].language == "cs" and catalogues["en"].language == "en"
    assert catalogues["cs"].services[0].name != catalogues["en"].services[0].name


# -- each case carries a history --------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_case_has_history_and_all_parts(name, cases):
    case = cases[(name, "en")]
    assert len(case.conferences) >= 2 or len(case.reviews) >= 2
    assert len(case.conferences) + len(case.reviews) >= 4
    assert len(case.phase_history) >= 4
    assert case.strengths and case.wishes and case.request
    # needs in several life domains, client and worker perspectives
    assert len({n.domain for n in case.needs}) >= 6
    for need in case.needs:
        perspectives = {r.perspective for r in need.ratings}
        assert {Perspective.CLIENT, Perspective.WORKER} <= perspectives, need.id
    # the network: formal and informal, several sectors, every kind of tie, flows
    assert {a.formal for a in case.actors} == {True, False}
    assert len({a.sector for a in case.actors}) >= 4
    assert {a.relationship.kind for a in case.actors} == set(RelationshipKind)
    assert len({a.relationship.flow for a in case.actors}) >= 2
    assert any(a.catalogue_id for a in case.actors)
    # goals with GAS levels, actions linked to needs or goals
    assert len(case.goals) >= 3
    for goal in case.goals:
        assert sorted(goal.levels) == [-2, -1, 0, 1, 2] and all(goal.levels.values())
        assert goal.need_ids
    assert len(case.actions) >= 10
    for action in case.actions:
        assert action.owner_id and action.due and action.created
        assert action.need_id or action.goal_id, action.id
    assert {a.status for a in case.actions} & {ActionStatus.DONE}
    assert {a.status for a in case.actions} & {ActionStatus.BLOCKED, ActionStatus.CANCELLED, ActionStatus.IN_PROGRESS}
    # reviews with GAS scores and status changes
    assert all(r.gas_scores for r in case.reviews)
    assert sum(len(r.action_changes) for r in case.reviews) >= 5
    assert any(r.conference_id for r in case.reviews)
    # conferences: participants with roles, attendance, consent, confidentiality; agenda; decisions; next review
    for conf in case.conferences:
        roles = {p.role for p in conf.participants}
        assert {ConferenceRole.CLIENT, ConferenceRole.FACILITATOR, ConferenceRole.MINUTE_TAKER} <= roles
        assert ConferenceRole.CASE_MANAGER in roles
        attending = [p for p in conf.participants if p.attended]
        assert all(p.consent for p in attending)
        assert sum(p.confidentiality_acknowledged for p in attending) >= len(attending) - 1
        assert all(not p.confidentiality_acknowledged for p in conf.participants if not p.attended)
        assert conf.agenda and all(item.minutes > 0 for item in conf.agenda)
        assert 30 <= conf.total_minutes <= 120
        assert conf.decisions and conf.action_ids and conf.next_review
    assert any(d.dissent and d.dissent_by for conf in case.conferences for d in conf.decisions)
    # consents
    scopes = {c.scope for c in case.client.consents}
    assert {ConsentScope.DATA_PROCESSING, ConsentScope.CASE_CONFERENCE, ConsentScope.SHARING_WITH_NETWORK} <= scopes


@pytest.mark.parametrize("name", NAMES)
def test_action_status_matches_its_last_review(name, cases):
    case = cases[(name, "en")]
    last = {}
    for review in sorted(case.reviews, key=lambda r: r.date):
        for change in review.action_changes:
            last[change.action_id] = change.status
    assert {a.id: a.status for a in case.actions if a.id in last} == last


def test_other_actors_rate_needs_in_most_cases(cases):
    with_actor = [name for name in NAMES if any(r.perspective == Perspective.ACTOR
                                                for n in cases[(name, "en")].needs for r in n.ratings)]
    assert len(with_actor) >= 4


def test_every_case_has_a_conference_with_an_absent_participant_and_most_have_a_crisis_plan(cases):
    for name in NAMES:
        case = cases[(name, "en")]
        assert any(not p.attended for c in case.conferences for p in c.participants), name
    plans = [cases[(n, "en")].crisis_plan for n in NAMES if cases[(n, "en")].crisis_plan]
    assert len(plans) >= 3
    for plan in plans:
        assert plan.written_on and plan.triggers and plan.early_signs and plan.contacts and plan.what_helps


# -- the scenarios ----------------------------------------------------------------------------------
def _service_types(case, catalogue) -> set[ServiceType]:
    return {catalogue.service(a.catalogue_id).service_type for a in case.actors if a.catalogue_id}


def _domains(case) -> set[LifeDomain]:
    return {n.domain for n in case.needs}


def test_scenario_senior_dementia(cases, catalogues):
    case = cases[("senior-dementia", "en")]
    assert case.opened.year - case.client.birth_year == 80
    assert case.client.gender.value == "male"
    assert {LifeDomain.HOUSING, LifeDomain.DOCUMENTS, LifeDomain.INCOME, LifeDomain.DEBTS, LifeDomain.LEGAL,
            LifeDomain.PHYSICAL_HEALTH, LifeDomain.MENTAL_HEALTH, LifeDomain.ADDICTION, LifeDomain.SELF_CARE,
            LifeDomain.HOUSEHOLD, LifeDomain.FOOD} <= _domains(case)
    assert {ServiceType.FOOD_BANK, ServiceType.CLEANING_SERVICE, ServiceType.SOCIAL_REHABILITATION,
            ServiceType.COURT, ServiceType.SPECIAL_REGIME_HOME} <= _service_types(case, catalogues["en"])
    assert case.phase.value == "closed" and case.closure_reason == ClosureReason.RESIDENTIAL_CARE
    assert case.crisis_plan is not None


def test_scenario_family_children_at_risk(cases, catalogues):
    case = cases[("family-children-at-risk", "en")]
    assert {LifeDomain.DEBTS, LifeDomain.HOUSING, LifeDomain.EDUCATION, LifeDomain.CARE_FOR_OTHERS,
            LifeDomain.SAFETY} <= _domains(case)
    assert {ServiceType.CHILD_PROTECTION, ServiceType.SCHOOL, ServiceType.FAMILY_SUPPORT} <= _service_types(
        case, catalogues["en"])


def test_scenario_young_adult_leaving_care(cases, catalogues):
    case = cases[("young-adult-leaving-care", "en")]
    assert 18 <= case.opened.year - case.client.birth_year <= 20
    assert {LifeDomain.HOUSING, LifeDomain.WORK, LifeDomain.EDUCATION, LifeDomain.DOCUMENTS,
            LifeDomain.SOCIAL_CONTACTS} <= _domains(case)
    assert ServiceType.HALFWAY_HOUSE in _service_types(case, catalogues["en"])


def test_scenario_psychosis_homelessness(cases, catalogues):
    case = cases[("psychosis-homelessness", "en")]
    assert case.team_model == TeamModel.ASSERTIVE_COMMUNITY
    assert {LifeDomain.HOUSING, LifeDomain.MENTAL_HEALTH} <= _domains(case)
    types = _service_types(case, catalogues["en"])
    assert {ServiceType.MENTAL_HEALTH_CENTRE, ServiceType.SHELTER, ServiceType.NIGHT_SHELTER} <= types
    plan = case.crisis_plan
    assert plan and plan.preferred_treatment and plan.refused_treatment and plan.medication and len(plan.contacts) >= 3


def test_scenario_carer_disabled_relative(cases, catalogues):
    case = cases[("carer-disabled-relative", "en")]
    assert {LifeDomain.CARE_FOR_OTHERS, LifeDomain.INCOME, LifeDomain.MENTAL_HEALTH} <= _domains(case)
    assert {ServiceType.RESPITE_CARE, ServiceType.CARER_SUPPORT} <= _service_types(case, catalogues["en"])
    assert case.crisis_plan and case.crisis_plan.dependants_care


# -- the catalogue ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_size_and_sectors(lang, catalogues):
    catalogue = catalogues[lang]
    assert len(catalogue.services) >= 40
    assert {s.sector for s in catalogue.services} == set(Sector)
    assert {s.formal for s in catalogue.services} == {True, False}
    assert all(s.provider and s.areas and s.domains for s in catalogue.services)
    assert all(s.target_groups for s in catalogue.services)
    assert len({a.id for a in catalogue.areas if a.parent_id is None}) >= 2


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_gaps(lang, catalogues):
    catalogue = catalogues[lang]
    # no debt counselling anywhere
    assert [s.id for s in catalogue.services if s.meets(LifeDomain.DEBTS)] == []
    assert [s.id for s in catalogue.services if s.service_type == ServiceType.DEBT_COUNSELLING] == []
    assert LifeDomain.DEBTS in catalogue.uncovered_domains()
    # psychiatrists exist but none takes new patients
    psychiatrists = [s for s in catalogue.services if s.service_type == ServiceType.PSYCHIATRIST]
    assert psychiatrists and not any(s.accepts_new for s in psychiatrists)
    assert all(s.waiting_list > 0 for s in psychiatrists)
    # no social housing; the municipal flats are full
    assert [s.id for s in catalogue.services if s.service_type == ServiceType.SOCIAL_HOUSING] == []
    municipal = [s for s in catalogue.services if s.service_type == ServiceType.MUNICIPAL_HOUSING]
    assert municipal and not any(s.accepts_new for s in municipal)
    # over capacity and duplicities
    assert len(catalogue.over_capacity()) >= 3
    pairs = {(a.id, b.id) for a, b in catalogue.duplicities()}
    assert len(pairs) >= 3
    assert all(a.service_type == b.service_type for a, b in catalogue.duplicities())


def test_catalogue_helpers(catalogues):
    catalogue = catalogues["en"]
    village = "obec-vresova"  # a municipality inside the Ostružná Lhota ORP area
    in_village = catalogue.services_for(LifeDomain.CARE_FOR_OTHERS, village)
    assert in_village and all(set(s.areas) & {village, "orp-ostruzna"} for s in in_village)
    accepting = catalogue.services_for(LifeDomain.MENTAL_HEALTH, accepting_only=True)
    assert all(s.accepts_new for s in accepting)
    assert LifeDomain.MENTAL_HEALTH not in catalogue.uncovered_domains(accepting_only=True)  # e.g. crisis line
    over = catalogue.over_capacity()[0]
    assert over.over_capacity and over.free_places == 0


@pytest.mark.parametrize("name,lang", PAIRS)
def test_every_catalogue_id_in_a_case_exists(name, lang, cases, catalogues):
    for actor in cases[(name, lang)].actors:
        if actor.catalogue_id:
            assert catalogues[lang].service(actor.catalogue_id) is not None, actor.catalogue_id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_service_types_are_labelled(lang):
    assert [t.key for t in ServiceType if t.key not in catalog(lang)] == []
    assert ServiceType.PSYCHIATRIST.label("cs") != ServiceType.PSYCHIATRIST.label("en")


def test_catalogue_round_trip_and_format(catalogues):
    for lang in LANGUAGES:
        text = catalogue_path(lang).read_text(encoding="utf-8")
        assert text == export_catalogue(catalogues[lang]) + "\n"
        assert parse_catalogue(text) == catalogues[lang]
    with pytest.raises(InvalidData) as caught:
        parse_catalogue(json.dumps({"format": "casekit.case", "schema_version": 1, "catalogue": {}}))
    assert caught.value.code == "errors.schema_wrong"


# -- the catalogue model's rules ----------------------------------------------------------------------
def _service(**changes) -> dict:
    base = {"id": "svc-a", "name": "A", "provider": "P", "service_type": "home_care", "sector": "social",
            "domains": ["self_care"], "areas": ["orp-x"], "capacity": 10, "current_clients": 12}
    return {**base, **changes}


def _catalogue(*services, areas=({"id": "orp-x", "name": "X"},)) -> dict:
    return {"region": "R", "as_of": "2026-01-01", "areas": list(areas), "services": list(services)}


def _problems(document: dict) -> tuple[str, str]:
    with pytest.raises(InvalidData) as caught:
        parse_catalogue(json.dumps({"format": "casekit.catalogue", "schema_version": 1, "catalogue": document}))
    return caught.value.message("cs"), caught.value.message("en")


def test_catalogue_accepts_a_minimal_valid_document():
    catalogue = ServiceCatalogue.model_validate(_catalogue(_service()))
    assert catalogue.services[0].over_capacity
    assert Service.model_validate(_service(capacity=None)).free_places is None


@pytest.mark.parametrize("document,needle", [
    (_catalogue(_service(), _service()), "svc-a"),
    (_catalogue(_service(capacity=-1)), ""),
    (_catalogue(_service(waiting_list=-3)), ""),
    (_catalogue(_service(current_clients=-1)), ""),
    (_catalogue(_service(areas=["orp-nowhere"])), "orp-nowhere"),
    (_catalogue(_service(domains=["food", "food"])), "svc-a"),
    (_catalogue(_service(domains=[])), ""),
    (_catalogue(_service(sector="space")), ""),
    (_catalogue(areas=({"id": "a", "name": "A"}, {"id": "a", "name": "B"})), ""),
    (_catalogue(areas=({"id": "obec", "name": "Obec", "parent_id": "orp-missing"},)), "orp-missing"),
])
def test_catalogue_rules_give_bilingual_messages(document, needle):
    cs, en = _problems(document)
    assert cs != en
    assert needle in cs and needle in en
    assert "errors." not in cs + en and "casekit." not in cs + en


# -- privacy and dates -----------------------------------------------------------------------------
EXAMPLE_FILES = sorted(DATA.rglob("*.json")) + [DATA / "build_examples.py"]
BIRTH_NUMBER = re.compile(r"(?<![\d-])\d{6}/?\d{3,4}(?!\d)")
PHONE = re.compile(r"\+\s*420|(?<!\d)\d{3}[ .-]?\d{3}[ .-]?\d{3}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
PUBLIC_NUMBERS = {"", "112", "150", "155", "156", "158", "116 111", "116 123"}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_no_real_looking_personal_identifiers(path):
    text = path.read_text(encoding="utf-8")
    assert BIRTH_NUMBER.findall(text) == []
    assert PHONE.findall(text) == []
    assert [m for m in EMAIL.findall(text) if not m.endswith(("@example.org", "@example.cz"))] == []


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_dates_lie_within_2023_to_the_cutoff(path):
    for found in ISO_DATE.findall(path.read_text(encoding="utf-8")):
        when = date(*map(int, found))
        assert date(2023, 1, 1) <= when <= LATEST, when


@pytest.mark.parametrize("name,lang", PAIRS)
def test_pseudonyms_and_no_contact_details(name, lang, cases):
    case = cases[(name, lang)]
    display = case.client.display_name
    assert re.search(r"\b[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]\.", display) and len(display.split()) <= 3, display
    assert all(not a.phone and not a.email for a in case.actors)
    if case.crisis_plan:
        assert {c.phone for c in case.crisis_plan.contacts} <= PUBLIC_NUMBERS
    for when in (case.opened, case.closed, *(c.date for c in case.conferences), *(r.date for r in case.reviews),
                 *(a.due for a in case.actions if a.due)):
        if when:
            assert date(2023, 1, 1) <= when <= LATEST
