"""Gap analysis on the bundled examples and catalogue, checked against numbers worked out by hand.

Hand calculation for as_of = 2026-11-25 (data/examples/build_examples.py and catalogue.en.json):

Open cases: carer, family, psychosis (senior closed 2025-06-30, young adult closed 2026-06-24).
Areas from the municipality text: carer "Vřesová (Ostružná Lhota ORP area)" → obec-vresova; family
"Ostružná Lhota; Vřesová from August 2025" → obec-vresova (a municipality is more specific than the ORP
named first); psychosis "Brodce nad Jalovkou" → orp-brodce.
Unmet needs (all example needs are rated unmet by some perspective): carer 10 + family 11 = 21 in Vřesová,
psychosis 12 in Brodce: 33. Per domain in Vřesová: care_for_others, family, income, legal, mental_health,
physical_health, social_contacts 2 each (carer and family); debts, education, housing, safety (family),
household, mobility, work (carer) 1 each.
No service in the area: the catalogue has no service for "debts" at all; every other domain needed has a
service for the ORP of Ostružná Lhota (which serves Vřesová) and for the ORP of Brodce. So two holes:
(obec-vresova, debts) with family's need and (orp-brodce, debts) with psychosis' need.
Needs served by two or more different formal actors:
  carer: care (two respite services + personal assistance), mental health (carers' centre + GP), physical
         health (GP + hospital), income (labour office + lawyer), mobility (municipality + day centre),
         legal (court + lawyer) = 6  (work, household: one actor; social contacts, family: informal only)
  family: housing (landlord + municipal flats), debts (family support + insolvency office), legal (court +
         child protection), education (school + counselling centre), care (family support + child
         protection), safety (child protection + police) = 6
  psychosis: housing (night shelter, hostel, supported living), mental health (centre team, psychiatrist,
         hospital), income (labour office + pension office), physical health (home nursing + GP),
         safety (centre team + police) = 5                                                  → 17
Services over capacity (current_clients > capacity): 10 in the catalogue; the open cases use the municipal
social work of Ostružná Lhota twice (carer and family) and of Brodce once (psychosis).
On 2026-01-01 the young adult's case (Brodce, closed only 2026-06-24) is open as well: 4 open cases,
33 + 10 = 43 unmet needs, Brodce has 2 unmet debts needs, and 17 + 4 (income, documents, work, mental health)
= 21 needs served by several formal actors.
"""
from datetime import date

import pandas as pd
import pytest

from casekit import examples, load_example
from casekit.example_data import load_catalogue
from casekit.gaps import AreaMatcher, gap_analysis
from casekit.model.catalogue import Area, Service, ServiceCatalogue

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def cases():
    return [load_example(name, "en") for name in examples()]


@pytest.fixture
def filled(store, cases):
    for case in cases:
        store.save(case.model_copy(update={"version": 0}))
    return store


@pytest.fixture(params=["sql", "python"])
def report(request, filled, cases):
    return gap_analysis(filled if request.param == "sql" else cases, as_of=AS_OF, lang="en")


def test_summary(report):
    s = report.summary
    assert (s["open_cases"], s["cases_with_unmet"], s["unmet_needs"]) == (3, 3, 33)
    assert (s["holes"], s["needs_in_holes"], s["no_place"]) == (2, 2, 0)
    assert s["domains_without_service"] == ["debts"]
    assert (s["services_over_capacity"], s["service_pairs"], s["multi_served_needs"]) == (10, 4, 17)
    assert s["unmapped_cases"] == 0 and s["region"] == "Podlesí Region (fictional)"


def test_holes_by_area_and_domain(report):
    holes = report.holes
    no_service = holes[holes["status"] == "no_service"]
    assert sorted(zip(no_service["area_id"], no_service["domain"], no_service["unmet_needs"])) == [
        ("obec-vresova", "debts", 1), ("orp-brodce", "debts", 1)]
    assert list(holes["status"].iloc[:2]) == ["no_service", "no_service"]  # the worst first
    vresova = holes[holes["area_id"] == "obec-vresova"].set_index("domain")["unmet_needs"].to_dict()
    assert vresova == {"care_for_others": 2, "family": 2, "income": 2, "legal": 2, "mental_health": 2,
                       "physical_health": 2, "social_contacts": 2, "debts": 1, "education": 1, "housing": 1,
                       "safety": 1, "household": 1, "mobility": 1, "work": 1}
    assert set(holes.loc[holes["area_id"] == "orp-brodce", "domain"]) == {
        "housing", "mental_health", "income", "documents", "physical_health", "food", "addiction", "safety",
        "legal", "debts", "social_contacts", "work"}
    assert holes["area"].iloc[0] in ("Vřesová", "Brodce nad Jalovkou (ORP area)")


def test_by_domain_area_and_target_group(report):
    by_domain = report.by_domain.set_index("domain")
    assert by_domain.loc["debts", "areas_no_service"] == 2 and by_domain.loc["debts", "unmet_needs"] == 2
    assert by_domain.loc["income", "unmet_needs"] == 3 and by_domain.loc["income", "multi_served"] == 2
    assert by_domain["areas_no_service"].sum() == 2
    by_area = report.by_area.set_index("area_id")
    assert by_area.loc["obec-vresova"].to_dict() == {
        "area": "Vřesová", "open_cases": 2, "cases_with_unmet": 2, "unmet_needs": 21, "domains_no_service": 1,
        "domains_no_place": 0}
    assert (by_area.loc["orp-brodce", "open_cases"], by_area.loc["orp-brodce", "unmet_needs"]) == (1, 12)
    groups = report.by_target_group
    debts = groups[groups["domain"] == "debts"].set_index("target_group")["no_service_needs"].to_dict()
    assert debts == {"families with children at risk of social exclusion": 1,
                     "homeless people with severe mental illness": 1}
    assert groups["unmet_needs"].sum() == 33


def test_services_waiting_lists_and_duplicities(report):
    over = report.over_capacity.set_index("service_id")
    assert len(over) == 10 and over.index[0] == "svc-pl-brodce"  # 2650 of 2400: over by 250, the most
    assert over.loc["svc-mu-ostruzna-sp", "our_cases"] == 2 and over.loc["svc-mu-brodce-sp", "our_cases"] == 1
    assert over.loc["svc-psych-brodce", "over_by"] == 140 and over.loc["svc-psych-brodce", "our_cases"] == 0
    waiting = report.waiting_lists.set_index("service_id")
    assert waiting.index[0] == "svc-domov-seniory" and waiting.loc["svc-domov-seniory", "waiting_list"] == 140
    # the Brodce psychiatrist (mental health, addiction; Brodce ORP) is within reach of psychosis' two needs
    assert waiting.loc["svc-psych-brodce", "unmet_in_reach"] == 2
    dup = report.duplicities
    assert dup["multi_served"].sum() == 17
    assert dup.set_index(["area_id", "domain"]).loc[("obec-vresova", "care_for_others"), "multi_served"] == 2
    pairs = set(zip(report.service_pairs["service_a"], report.service_pairs["service_b"]))
    assert ("svc-pecovatelska-mesto", "svc-pecovatelska-charita") in pairs and len(pairs) == 4


def test_as_of_decides_which_cases_are_open(filled, cases):
    for source in (filled, cases):
        report = gap_analysis(source, as_of=date(2026, 1, 1), lang="en")
        s = report.summary
        assert (s["open_cases"], s["unmet_needs"], s["multi_served_needs"]) == (4, 43, 21)
        holes = report.holes.set_index(["area_id", "domain"])
        assert holes.loc[("orp-brodce", "debts"), "unmet_needs"] == 2
        assert holes.loc[("orp-brodce", "debts"), "cases"] == 2
        assert gap_analysis(source, as_of=date(2020, 1, 1)).summary["open_cases"] == 0


def test_area_matching():
    catalogue = load_catalogue("en")
    match = AreaMatcher(catalogue).area_of
    assert match("Vřesová (Ostružná Lhota ORP area)") == "obec-vresova"
    assert match("Ostružná Lhota; Vřesová from August 2025") == "obec-vresova"
    assert match("ostruzna lhota") == "orp-ostruzna"
    assert match("BRODCE NAD JALOVKOU") == "orp-brodce"
    assert match("Jalovec") == "obec-jalovec"
    assert match("Horní Nikdov") is None and match("") is None
    assert match("Jalovcová Lhota") is None  # whole words only
    czech = AreaMatcher(load_catalogue("cs")).area_of
    assert czech("Vřesová (ORP Ostružná Lhota)") == "obec-vresova"
    assert AreaMatcher(catalogue, {"Horní Nikdov": "obec-jalovec"}).area_of("horni nikdov") == "obec-jalovec"


def test_area_overrides_and_unknown_places(cases):
    report = gap_analysis(cases, as_of=AS_OF, areas={"Brodce nad Jalovkou": None}, lang="en")
    assert report.summary["unmapped_cases"] == 1
    unknown = report.holes[report.holes["area_id"].isna()]
    # an unknown place is set against the whole region: debts is still a hole, housing is not
    assert set(unknown.loc[unknown["status"] == "no_service", "domain"]) == {"debts"}
    assert len(unknown) == 12 and (unknown["area"] == "").all()


def _small_catalogue() -> ServiceCatalogue:
    areas = [Area(id="orp-brodce", name="Brodce nad Jalovkou (ORP area)"),
             Area(id="orp-ostruzna", name="Ostružná Lhota (ORP area)"),
             Area(id="obec-vresova", name="Vřesová", parent_id="orp-ostruzna")]

    def service(sid, domain, area, **kw):
        return Service(id=sid, name=sid, provider="P", sector="social", domains=[domain], areas=area, **kw)

    return ServiceCatalogue(region="Test", as_of=date(2026, 10, 1), areas=areas, services=[
        service("s-housing", "housing", ["orp-brodce"], accepts_new=False, capacity=10, current_clients=10),
        service("s-food", "food", ["orp-brodce"], capacity=5, current_clients=7, waiting_list=3),
        service("s-income", "income", ["orp-ostruzna"], capacity=10, current_clients=4),
        service("s-mental", "mental_health", ["orp-brodce", "orp-ostruzna"]),
    ])


def test_statuses_with_a_small_catalogue(filled, cases):
    # psychosis (Brodce): housing has only a service not taking new clients → not_accepting; food only a
    # full service (7 clients in 5 places) → full; carer + family (Vřesová, in the Ostružná ORP): income has
    # a service with 10 - 4 = 6 free places → available; mental health a service without a fixed limit (for
    # both ORPs) → available, free places unknown; everything else in either area → no_service.
    catalogue = _small_catalogue()
    for source in (filled, cases):
        report = gap_analysis(source, catalogue, as_of=AS_OF)
        holes = report.holes.set_index(["area_id", "domain"])
        assert holes.loc[("orp-brodce", "housing"), "status"] == "not_accepting"
        assert holes.loc[("orp-brodce", "food"), "status"] == "full"
        assert holes.loc[("orp-brodce", "food"), "free_places"] == 0
        assert holes.loc[("obec-vresova", "income"), ["status", "free_places", "unmet_needs"]].tolist() == [
            "available", 6, 2]
        assert holes.loc[("obec-vresova", "mental_health"), "status"] == "available"
        assert pd.isna(holes.loc[("obec-vresova", "mental_health"), "free_places"])
        assert holes.loc[("obec-vresova", "income"), "services"] == 1
        # 14 domains in Vřesová + 12 in Brodce = 26 cells; not holes: Brodce housing, food and mental health
        # (s-mental serves both ORPs), Vřesová income and mental health = 5 → 21 holes, 2 without a place
        assert report.summary["holes"] == 26 - 5 and report.summary["no_place"] == 2
        assert report.over_capacity["service_id"].tolist() == ["s-food"]
        assert report.waiting_lists.set_index("service_id").loc["s-food", "unmet_in_reach"] == 1
        assert report.summary["domains_without_service"] == [
            "debts", "documents", "legal", "physical_health", "addiction", "self_care", "household", "family",
            "social_contacts", "safety", "mobility", "work", "education", "care_for_others"]


def test_empty_input():
    report = gap_analysis([], as_of=AS_OF, lang="en")
    assert report.summary["open_cases"] == 0 and len(report.holes) == 0 and len(report.by_domain) == 0
    assert len(report.over_capacity) == 10  # the catalogue's own facts do not need cases
    with pytest.raises(ValueError):
        gap_analysis([], method="sql")


def test_default_catalogue_follows_the_language(cases):
    assert gap_analysis(cases, as_of=AS_OF, lang="cs").summary["region"] == "Podleský kraj (smyšlený)"
