"""Source of truth for the bundled examples: five fictional cases and a fictional service catalogue.

Every human text is written once in Czech and once in English, side by side (``T("…", "…")``); ids, dates,
codes and numbers are written once. The script renders each language, validates it with casekit's model
and writes ``cases/<name>.<lang>.json`` (exactly what ``casekit.caseio.export_case`` writes) and
``catalogue.<lang>.json``.

    .venv/bin/python data/examples/build_examples.py          # write the files
    .venv/bin/python data/examples/build_examples.py --check  # fail if a file is out of date

Everything here is invented: people, places, organisations. Any likeness is accidental.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from casekit.caseio import export_case
from casekit.example_data import export_catalogue
from casekit.model import Case
from casekit.model.catalogue import ServiceCatalogue

HERE = Path(__file__).resolve().parent
LANGS = ("cs", "en")
#: No date in the examples lies after this day (the examples were written then).
LATEST_DATE = date(2026, 11, 25)


# ---------------------------------------------------------------------------------------------
# bilingual text and rendering
# ---------------------------------------------------------------------------------------------
class T:
    """A human text in Czech and English."""

    __slots__ = ("cs", "en")

    def __init__(self, cs: str, en: str):
        self.cs, self.en = cs, en

    def __repr__(self) -> str:
        return f"T({self.cs!r}, {self.en!r})"


def render(obj, lang: str):
    """The tree with every :class:`T` replaced by its text in ``lang``."""
    if isinstance(obj, T):
        return getattr(obj, lang)
    if isinstance(obj, dict):
        return {key: render(value, lang) for key, value in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [render(value, lang) for value in obj]
    return obj


def d(text: str) -> str:
    """An ISO date, checked."""
    value = date.fromisoformat(text)
    assert value <= LATEST_DATE, text
    return text


# ---------------------------------------------------------------------------------------------
# small constructors (they keep the case definitions readable)
# ---------------------------------------------------------------------------------------------
def rating(perspective, status, severity=None, note="", actor=None):
    out = {"perspective": perspective, "status": status, "severity": severity, "note": note}
    if actor:
        out["actor_id"] = actor
    return out


def need(id, domain, description, priority, actors, *ratings):
    return {"id": id, "domain": domain, "description": description, "priority": priority,
            "actor_ids": list(actors), "ratings": list(ratings)}


def actor(id, name, sector, *, kind="organisation", formal=True, tie="tenuous", flow="to_client", since=None,
          provides="", catalogue=None, contact="", area="", capacity=None):
    out = {"id": id, "name": name, "kind": kind, "sector": sector, "formal": formal, "contact_person": contact,
           "provides": provides, "area": area, "capacity": capacity,
           "relationship": {"kind": tie, "flow": flow, "since": d(since) if since else None}}
    if catalogue:
        out["catalogue_id"] = catalogue
    return out


def goal(id, text, levels, *, baseline=-1, needs=(), created=None, weight=1.0):
    """``levels`` in the order −2, −1, 0, +1, +2."""
    assert len(levels) == 5
    return {"id": id, "text": text, "levels": dict(zip((-2, -1, 0, 1, 2), levels)), "weight": weight,
            "baseline": baseline, "need_ids": list(needs), "created": d(created) if created else None}


def action(id, what, owner, created, due, status, *, need=None, goal=None):
    return {"id": id, "what": what, "owner_id": owner, "created": d(created), "due": d(due) if due else None,
            "status": status, "need_id": need, "goal_id": goal}


def change(action_id, status, note=""):
    return {"action_id": action_id, "status": status, "note": note}


def review(id, when, gas, changes=(), notes="", conference=None):
    return {"id": id, "date": d(when), "gas_scores": dict(gas), "action_changes": list(changes), "notes": notes,
            "conference_id": conference}


def person(name, role="professional", actor=None, *, attended=True, consent=True, ack=True):
    return {"name": name, "role": role, "actor_id": actor, "attended": attended, "consent": consent,
            "confidentiality_acknowledged": ack}


def item(title, minutes):
    return {"title": title, "minutes": minutes}


def decision(text, dissent="", by=()):
    return {"text": text, "dissent": dissent, "dissent_by": list(by)}


def conference(id, when, *, place, facilitator, minute_taker, participants, agenda, decisions, actions,
               next_review, notes=""):
    return {"id": id, "date": d(when), "place": place, "facilitator": facilitator, "minute_taker": minute_taker,
            "participants": list(participants), "agenda": list(agenda), "decisions": list(decisions),
            "action_ids": list(actions), "next_review": d(next_review) if next_review else None, "notes": notes}


def phase(name, when, note=""):
    return {"phase": name, "date": d(when), "note": note}


def consent(when, scope, given_by, withdrawn=None):
    return {"date": d(when), "scope": scope, "given_by": given_by, "withdrawn": withdrawn}


def contact(name, role, phone=""):
    return {"name": name, "role": role, "phone": phone}


CLIENT_GAVE = T("klient", "the client")
CLIENT_F_GAVE = T("klientka", "the client")


# ---------------------------------------------------------------------------------------------
# the fictional region and its services
# ---------------------------------------------------------------------------------------------
BRODCE, OSTRUZNA = "orp-brodce", "orp-ostruzna"
BOTH = (BRODCE, OSTRUZNA)


def svc(id, name, provider, service_type, sector, domains, areas, *, capacity=None, clients=0, waiting=0,
        accepts=True, groups=(), formal=True, description=""):
    return {"id": id, "name": name, "provider": provider, "service_type": service_type, "sector": sector,
            "domains": list(domains), "areas": list(areas), "capacity": capacity, "current_clients": clients,
            "waiting_list": waiting, "accepts_new": accepts, "target_groups": list(groups), "formal": formal,
            "description": description}


G_ADULTS = T("dospělí v nepříznivé sociální situaci", "adults in an adverse social situation")
G_SENIORS = T("senioři", "older people")
G_FAMILIES = T("rodiny s dětmi", "families with children")
G_CHILDREN = T("děti a mladiství", "children and young people")
G_HOMELESS = T("lidé bez domova", "homeless people")
G_SMI = T("lidé s duševním onemocněním", "people with mental illness")
G_DISABLED = T("lidé se zdravotním postižením", "people with disabilities")
G_CARERS = T("pečující osoby", "family carers")
G_ADDICTION = T("lidé se závislostí", "people with addictions")
G_YOUNG = T("mladí dospělí 18–26 let", "young adults aged 18–26")
G_ALL = T("všichni obyvatelé", "all residents")
G_DEMENTIA = T("lidé s demencí", "people with dementia")
G_UNEMPLOYED = T("uchazeči o zaměstnání", "jobseekers")

CATALOGUE = {
    "region": T("Podleský kraj (smyšlený)", "Podlesí Region (fictional)"),
    "as_of": d("2026-09-30"),
    "notes": T(
        "Smyšlený katalog služeb pro výuku a ukázky. Zachycuje typické mezery: v regionu chybí dluhové "
        "poradenství, žádný ambulantní psychiatr nepřijímá nové pacienty a obce nemají sociální byty. Některé "
        "služby jsou přeplněné a některé se v Brodcích překrývají.",
        "A fictional service catalogue for teaching and demonstrations. It shows typical gaps: there is no debt "
        "counselling in the region, no outpatient psychiatrist takes new patients and the municipalities have no "
        "social housing. Some services are over capacity and some overlap in Brodce.",
    ),
    "areas": [
        {"id": BRODCE, "name": T("ORP Brodce nad Jalovkou", "Brodce nad Jalovkou (ORP area)"), "parent_id": None},
        {"id": OSTRUZNA, "name": T("ORP Ostružná Lhota", "Ostružná Lhota (ORP area)"), "parent_id": None},
        {"id": "obec-jalovec", "name": T("Jalovec", "Jalovec"), "parent_id": BRODCE},
        {"id": "obec-dolni-kremenice", "name": T("Dolní Křemenice", "Dolní Křemenice"), "parent_id": BRODCE},
        {"id": "obec-vresova", "name": T("Vřesová", "Vřesová"), "parent_id": OSTRUZNA},
        {"id": "obec-male-ostruzno", "name": T("Malé Ostružno", "Malé Ostružno"), "parent_id": OSTRUZNA},
    ],
    "services": [
        # -- public administration --------------------------------------------------------------
        svc("svc-mu-brodce-sp", T("Sociální práce obce Brodce", "Municipal social work, Brodce"),
            T("Městský úřad Brodce nad Jalovkou, odbor sociálních věcí",
              "Brodce nad Jalovkou Town Office, Social Affairs Department"),
            "municipal_social_work", "public_administration",
            ["income", "documents", "housing", "legal", "family", "social_contacts", "safety"], [BRODCE],
            capacity=120, clients=134, groups=[G_ADULTS, G_SENIORS, G_HOMELESS],
            description=T("Sociální pracovníci obce nikoho neodmítají; tři úvazky na celé ORP, dlouhodobě přetížení.",
                          "The municipal social workers turn nobody away; three full-time posts for the whole "
                          "ORP area, overloaded for a long time.")),
        svc("svc-mu-ostruzna-sp", T("Sociální práce obce Ostružná Lhota", "Municipal social work, Ostružná Lhota"),
            T("Městský úřad Ostružná Lhota, sociální odbor", "Ostružná Lhota Town Office, Social Department"),
            "municipal_social_work", "public_administration",
            ["income", "documents", "housing", "legal", "family", "social_contacts", "care_for_others"],
            [OSTRUZNA], capacity=60, clients=71, groups=[G_ADULTS, G_SENIORS, G_CARERS],
            description=T("Jeden a půl úvazku; pokrývá i okolní malé obce.",
                          "One and a half posts; also covers the small surrounding villages.")),
        svc("svc-ospod-brodce", T("OSPOD Brodce", "Child protection (OSPOD), Brodce"),
            T("Městský úřad Brodce nad Jalovkou, oddělení sociálně-právní ochrany dětí",
              "Brodce nad Jalovkou Town Office, Child Protection Unit"),
            "child_protection", "public_administration", ["family", "safety", "care_for_others", "education"],
            [BRODCE], groups=[G_FAMILIES, G_CHILDREN]),
        svc("svc-ospod-ostruzna", T("OSPOD Ostružná Lhota", "Child protection (OSPOD), Ostružná Lhota"),
            T("Městský úřad Ostružná Lhota, oddělení sociálně-právní ochrany dětí",
              "Ostružná Lhota Town Office, Child Protection Unit"),
            "child_protection", "public_administration", ["family", "safety", "care_for_others", "education"],
            [OSTRUZNA], groups=[G_FAMILIES, G_CHILDREN],
            description=T("Svolává případové konference podle zákona o sociálně-právní ochraně dětí.",
                          "Convenes case conferences under the child-protection act.")),
        svc("svc-mu-brodce-evidence", T("Evidence obyvatel a občanské průkazy", "Population register and ID cards"),
            T("Městský úřad Brodce nad Jalovkou, správní odbor", "Brodce nad Jalovkou Town Office, Administrative Department"),
            "registry_office", "public_administration", ["documents"], BOTH, groups=[G_ALL],
            description=T("Vydává občanské průkazy pro celé ORP, vede trvalé pobyty; trvalý pobyt na ohlašovně je možný.",
                          "Issues ID cards for both ORP areas and keeps the register of permanent addresses; "
                          "registration at the town office address is possible.")),
        # -- finance and benefits -----------------------------------------------------------------
        svc("svc-up-brodce-davky", T("Úřad práce – nepojistné dávky, Brodce", "Labour Office – benefits, Brodce"),
            T("Úřad práce ČR, kontaktní pracoviště Brodce", "Labour Office, Brodce branch"),
            "benefits_office", "finance", ["income", "housing", "care_for_others"], [BRODCE], groups=[G_ALL],
            description=T("Dávky v hmotné nouzi, příspěvek na bydlení, příspěvek na péči, mimořádná okamžitá pomoc.",
                          "Material-need benefits, housing allowance, care allowance, one-off emergency help.")),
        svc("svc-up-ostruzna-davky", T("Úřad práce – nepojistné dávky, Ostružná Lhota",
                                       "Labour Office – benefits, Ostružná Lhota"),
            T("Úřad práce ČR, kontaktní pracoviště Ostružná Lhota", "Labour Office, Ostružná Lhota branch"),
            "benefits_office", "finance", ["income", "housing", "care_for_others", "mobility"], [OSTRUZNA],
            groups=[G_ALL],
            description=T("Otevřeno dva dny v týdnu; na sociální šetření pro příspěvek na péči se čeká až tři měsíce.",
                          "Open two days a week; the home assessment for care allowance takes up to three months.")),
        svc("svc-ossz", T("Okresní správa sociálního zabezpečení", "District Social Security Office"),
            T("Česká správa sociálního zabezpečení, pracoviště Brodce", "Czech Social Security Administration, Brodce office"),
            "pension_office", "finance", ["income"], BOTH, groups=[G_ALL],
            description=T("Starobní a invalidní důchody, posudky zdravotního stavu.",
                          "Old-age and disability pensions, medical assessments.")),
        # -- legal and justice ---------------------------------------------------------------------
        svc("svc-soud", T("Okresní soud v Brodcích – opatrovnické oddělení", "Brodce District Court – guardianship section"),
            T("Okresní soud v Brodcích", "Brodce District Court"), "court", "legal", ["legal"], BOTH,
            groups=[G_ALL], description=T("Svéprávnost, opatrovnictví, schvalování zastoupení členem domácnosti.",
                                          "Legal capacity, guardianship, approval of representation by a household member.")),
        svc("svc-pravnik-seniori", T("Právní poradna pro seniory a pečující", "Legal advice for older people and carers"),
            T("Spolek Právo pro všechny (dobrovolní advokáti)", "Law for Everyone association (pro bono lawyers)"),
            "legal_aid", "legal", ["legal"], BOTH, capacity=8, clients=8, waiting=5,
            groups=[G_SENIORS, G_CARERS],
            description=T("Jednou měsíčně, objednání nutné; dluhovou agendu ani insolvenční návrhy nedělá.",
                          "Once a month by appointment; does not handle debts or insolvency petitions.")),
        svc("svc-policie", T("Policie ČR – obvodní oddělení Brodce", "Police – Brodce station"),
            T("Policie České republiky", "Police of the Czech Republic"), "police", "legal", ["safety"], BOTH,
            groups=[G_ALL]),
        svc("svc-pms", T("Probační a mediační služba – středisko Brodce", "Probation and Mediation Service – Brodce"),
            T("Probační a mediační služba ČR", "Probation and Mediation Service"), "probation", "legal",
            ["legal", "safety", "family"], BOTH, groups=[G_ADULTS]),
        # -- health ---------------------------------------------------------------------------------
        svc("svc-psych-brodce", T("Psychiatrická ambulance Brodce", "Outpatient psychiatrist, Brodce"),
            T("Soukromá ambulance (jediný psychiatr v ORP)", "Private practice (the only psychiatrist in the ORP area)"),
            "psychiatrist", "health", ["mental_health", "addiction"], [BRODCE], capacity=900, clients=1040,
            waiting=63, accepts=False, groups=[T("dospělí", "adults")],
            description=T("Nové pacienty nepřijímá; výjimky jen na žádost praktického lékaře při akutním stavu.",
                          "Takes no new patients; exceptions only when a GP asks in an acute situation.")),
        svc("svc-psych-ostruzna", T("Psychiatrická ambulance Ostružná Lhota", "Outpatient psychiatrist, Ostružná Lhota"),
            T("Soukromá ambulance", "Private practice"), "psychiatrist", "health", ["mental_health"], [OSTRUZNA],
            capacity=600, clients=640, waiting=28, accepts=False, groups=[T("dospělí", "adults")],
            description=T("Lékař ohlásil odchod do důchodu, nástupce se hledá.",
                          "The doctor has announced his retirement; a successor is being sought.")),
        svc("svc-cdz", T("Centrum duševního zdraví Podlesí", "Podlesí Community Mental Health Centre"),
            T("Spolek Cesta ven, z. s.", "Cesta ven association"), "mental_health_centre", "health",
            ["mental_health", "housing", "social_contacts", "work", "safety"], BOTH, capacity=60, clients=63,
            waiting=11, accepts=False, groups=[T("lidé s vážným duševním onemocněním", "people with severe mental illness")],
            description=T("Multidisciplinární terénní tým (asertivní komunitní léčba); psychiatr týmu jen pro klienty "
                          "centra. Nad kapacitou, noví klienti jen po uvolnění místa.",
                          "Multidisciplinary outreach team (assertive community treatment); the team psychiatrist "
                          "sees only the centre's clients. Over capacity; new clients only when a place frees up.")),
        svc("svc-pn", T("Psychiatrická nemocnice Horní Podlesí", "Horní Podlesí Psychiatric Hospital"),
            T("Podleský kraj", "Podlesí Region"), "hospital", "health", ["mental_health", "addiction"], BOTH,
            capacity=180, clients=171, groups=[T("dospělí v akutním stavu", "adults in acute crisis")],
            description=T("Akutní příjem nepřetržitě; ambulance nemocnice přijímá jen propuštěné pacienty na tři měsíce.",
                          "Acute admissions around the clock; the hospital clinic sees discharged patients "
                          "for three months only.")),
        svc("svc-nemocnice", T("Nemocnice Brodce", "Brodce Hospital"), T("Nemocnice Brodce, a. s.", "Brodce Hospital plc"),
            "hospital", "health", ["physical_health"], BOTH, groups=[G_ALL]),
        svc("svc-pl-brodce", T("Praktičtí lékaři pro dospělé – Zdravotní středisko Brodce",
                               "GPs for adults – Brodce health centre"),
            T("Sdružená praxe praktických lékařů", "Group GP practice"), "general_practitioner", "health",
            ["physical_health"], [BRODCE], capacity=2400, clients=2650, accepts=False,
            groups=[T("dospělí", "adults")],
            description=T("Registrace nových pacientů uzavřena.", "Closed to new registrations.")),
        svc("svc-pl-ostruzna", T("Praktická lékařka Ostružná Lhota", "GP, Ostružná Lhota"),
            T("Soukromá ambulance", "Private practice"), "general_practitioner", "health", ["physical_health"],
            [OSTRUZNA], capacity=1800, clients=1710, groups=[T("dospělí", "adults")],
            description=T("Přijímá jen pacienty s trvalým pobytem v ORP.", "Registers only residents of the ORP area.")),
        svc("svc-pld-ostruzna", T("Praktická lékařka pro děti a dorost Ostružná Lhota",
                                  "Paediatrician, Ostružná Lhota"),
            T("Soukromá ambulance", "Private practice"), "general_practitioner", "health", ["physical_health"],
            [OSTRUZNA], capacity=1200, clients=1185, groups=[G_CHILDREN]),
        svc("svc-psycholog", T("Ambulance klinické psychologie Brodce", "Clinical psychologist, Brodce"),
            T("Soukromá ambulance", "Private practice"), "psychologist", "health", ["mental_health"], BOTH,
            capacity=300, clients=300, waiting=45, groups=[T("děti i dospělí", "children and adults")],
            description=T("Čekací doba na první termín kolem pěti měsíců.", "About five months' wait for a first appointment.")),
        svc("svc-adiktologie", T("Adiktologická ambulance Brodce", "Addiction clinic, Brodce"),
            T("Spolek Cesta ven, z. s.", "Cesta ven association"), "addiction_service", "health", ["addiction"], BOTH,
            capacity=40, clients=46, waiting=12, groups=[G_ADDICTION]),
        svc("svc-dzp", T("Domácí zdravotní péče Charity", "Charity home nursing"), T("Oblastní charita Brodce", "Brodce Charity"),
            "home_nursing", "health", ["physical_health", "self_care"], BOTH, capacity=70, clients=64,
            groups=[T("pacienti na doporučení lékaře", "patients referred by a doctor")]),
        # -- social services -------------------------------------------------------------------------
        svc("svc-poradna", T("Občanská poradna Brodce", "Brodce Citizens' Advice"), T("Spolek Poradna Podlesí", "Podlesí Advice association"),
            "social_counselling", "social", ["legal", "income", "housing", "family", "documents"], BOTH,
            capacity=150, clients=122, groups=[G_ALL, G_SENIORS, G_FAMILIES],
            description=T("Dluhové poradenství od roku 2025 neposkytuje – akreditovaná pracovnice odešla a místo "
                          "se nepodařilo obsadit.",
                          "No debt counselling since 2025: the accredited adviser left and the post is still vacant.")),
        svc("svc-poradna-charita", T("Sociální poradna Charity", "Charity social advice"), T("Oblastní charita Brodce", "Brodce Charity"),
            "social_counselling", "social", ["legal", "income", "family", "documents"], [BRODCE], capacity=60,
            clients=41, groups=[G_SENIORS, G_FAMILIES],
            description=T("Překrývá se s občanskou poradnou; dluhy neřeší.",
                          "Overlaps with Citizens' Advice; does not handle debts.")),
        svc("svc-terenni-program", T("Terénní program Podlesí", "Podlesí street outreach"),
            T("Spolek Cesta ven, z. s.", "Cesta ven association"), "field_programme", "social",
            ["housing", "documents", "income", "addiction", "safety"], BOTH, capacity=50, clients=44,
            groups=[G_HOMELESS, G_ADDICTION]),
        svc("svc-terenni-most", T("Terénní sociální práce Most", "Most outreach social work"),
            T("Spolek Most k lidem", "Most k lidem association"), "field_programme", "social",
            ["housing", "documents", "income", "family"], [BRODCE], capacity=30, clients=19,
            groups=[G_HOMELESS, G_ADULTS, G_FAMILIES],
            description=T("V Brodcích působí souběžně s Terénním programem Podlesí u stejné cílové skupiny.",
                          "Works in Brodce alongside Podlesí street outreach with the same target group.")),
        svc("svc-soc-rehab", T("Sociální rehabilitace Krok", "Krok social rehabilitation"), T("Krok, o. p. s.", "Krok charity"),
            "social_rehabilitation", "social", ["self_care", "household", "work", "social_contacts", "food"], BOTH,
            capacity=30, clients=28, groups=[G_SMI, G_DISABLED, G_SENIORS]),
        svc("svc-pecovatelska-mesto", T("Pečovatelská služba města Brodce", "Brodce town home care"),
            T("Sociální služby města Brodce, p. o.", "Brodce Town Social Services"), "home_care", "social",
            ["self_care", "household", "food", "mobility"], [BRODCE], capacity=60, clients=57,
            groups=[G_SENIORS, G_DISABLED],
            description=T("Obědy, nákupy, dohled nad léky, pomoc s hygienou; víkendy jen obědy.",
                          "Meals, shopping, medication checks, help with washing; only meals at weekends.")),
        svc("svc-pecovatelska-charita", T("Pečovatelská služba Charity", "Charity home care"), T("Oblastní charita Brodce", "Brodce Charity"),
            "home_care", "social", ["self_care", "household", "food", "mobility"], BOTH, capacity=85, clients=85,
            waiting=9, groups=[G_SENIORS, G_DISABLED],
            description=T("V Brodcích se překrývá s městskou pečovatelskou službou, v Ostružné Lhotě je jediná.",
                          "In Brodce it overlaps with the town's home care; in Ostružná Lhota it is the only one.")),
        svc("svc-osobni-asistence", T("Osobní asistence Podlesí", "Podlesí personal assistance"),
            T("Asistence bez hranic, z. ú.", "Assistance Without Borders institute"), "personal_assistance", "social",
            ["self_care", "mobility", "social_contacts", "care_for_others"], BOTH, capacity=25, clients=25,
            waiting=7, accepts=False, groups=[G_DISABLED]),
        svc("svc-odlehcovaci", T("Odlehčovací služba Domov Na Stráni", "Na Stráni respite stays"),
            T("Domov Na Stráni, p. o.", "Na Stráni Care Home"), "respite_care", "social",
            ["care_for_others", "self_care"], BOTH, capacity=4, clients=4, waiting=11,
            groups=[G_DISABLED, G_SENIORS, G_CARERS],
            description=T("Čtyři lůžka pro celý kraj; pobyt nejvýše tři týdny, objednání půl roku předem.",
                          "Four beds for the whole region; stays of up to three weeks, booked six months ahead.")),
        svc("svc-odlehcovaci-teren", T("Terénní odlehčovací služba Charity", "Charity respite at home"),
            T("Oblastní charita Brodce", "Brodce Charity"), "respite_care", "social", ["care_for_others"], BOTH,
            capacity=12, clients=12, waiting=3, groups=[G_CARERS]),
        svc("svc-stacionar", T("Denní stacionář Slunečnice", "Slunečnice day centre"),
            T("Slunečnice, z. ú.", "Slunečnice institute"), "day_care", "social",
            ["self_care", "social_contacts", "care_for_others"], BOTH, capacity=15, clients=17, waiting=6,
            groups=[G_DISABLED, G_DEMENTIA],
            description=T("Sídlí v Brodcích; svoz z okolních obcí jen dvakrát týdně.",
                          "Based in Brodce; transport from the villages only twice a week.")),
        svc("svc-domov-seniory", T("Domov pro seniory Brodce", "Brodce care home"), T("Sociální služby města Brodce, p. o.", "Brodce Town Social Services"),
            "care_home", "social", ["self_care", "household", "food", "physical_health"], BOTH, capacity=92,
            clients=92, waiting=140, groups=[G_SENIORS]),
        svc("svc-dzr", T("Domov se zvláštním režimem Jalovec", "Jalovec special-regime home"),
            T("Domov Jalovec, p. o.", "Jalovec Home"), "special_regime_home", "social",
            ["self_care", "mental_health", "addiction", "safety"], BOTH, capacity=48, clients=48, waiting=37,
            groups=[G_DEMENTIA, G_ADDICTION],
            description=T("Pro lidi s demencí a se závislostí na alkoholu; pořadník podle naléhavosti.",
                          "For people with dementia or alcohol dependence; waiting list by urgency.")),
        svc("svc-azylovy-dum", T("Azylový dům Brodce", "Brodce hostel for homeless adults"), T("Spolek Cesta ven, z. s.", "Cesta ven association"),
            "shelter", "social", ["housing", "food", "self_care"], BOTH, capacity=24, clients=24, waiting=4,
            groups=[G_HOMELESS]),
        svc("svc-azyl-matky", T("Azylový dům pro matky s dětmi", "Refuge for mothers with children"),
            T("Oblastní charita Brodce", "Brodce Charity"), "shelter", "social",
            ["housing", "family", "care_for_others", "safety"], BOTH, capacity=8, clients=7,
            groups=[G_FAMILIES]),
        svc("svc-nocleharna", T("Noclehárna Brodce", "Brodce night shelter"), T("Spolek Cesta ven, z. s.", "Cesta ven association"),
            "night_shelter", "social", ["housing", "self_care"], BOTH, capacity=12, clients=9, groups=[G_HOMELESS]),
        svc("svc-denni-centrum", T("Nízkoprahové denní centrum Brodce", "Brodce drop-in day centre"),
            T("Spolek Cesta ven, z. s.", "Cesta ven association"), "day_centre", "social",
            ["food", "self_care", "social_contacts", "documents"], BOTH, capacity=40, clients=31, groups=[G_HOMELESS]),
        svc("svc-sas-rodiny", T("Sociálně aktivizační služba pro rodiny s dětmi Rodinný kruh",
                                "Rodinný kruh family support service"),
            T("Spolek Rodinný kruh", "Rodinný kruh association"), "family_support", "social",
            ["family", "care_for_others", "education", "household", "income"], BOTH, capacity=20, clients=23,
            waiting=5, groups=[G_FAMILIES]),
        svc("svc-nzdm", T("Nízkoprahový klub Bunkr", "Bunkr youth drop-in club"), T("Spolek Rodinný kruh", "Rodinný kruh association"),
            "youth_club", "social", ["social_contacts", "education", "safety"], BOTH, capacity=35, clients=22,
            groups=[T("děti a mládež 10–20 let", "children and young people aged 10–20")]),
        svc("svc-psb", T("Podpora samostatného bydlení Krok", "Krok supported living"), T("Krok, o. p. s.", "Krok charity"),
            "supported_living", "social", ["housing", "household", "self_care"], BOTH, capacity=10, clients=10,
            waiting=6, accepts=False, groups=[G_SMI, G_DISABLED]),
        svc("svc-chranene", T("Chráněné bydlení Na Mlýnku", "Na Mlýnku sheltered housing"), T("Krok, o. p. s.", "Krok charity"),
            "sheltered_housing", "social", ["housing", "self_care", "household"], BOTH, capacity=12, clients=12,
            waiting=9, accepts=False, groups=[G_DISABLED]),
        svc("svc-dpc", T("Dům na půl cesty Brodce", "Brodce halfway house"), T("Spolek Most k lidem", "Most k lidem association"),
            "halfway_house", "social", ["housing", "work", "education", "household"], BOTH, capacity=8, clients=8,
            waiting=3, groups=[T("mladí lidé po odchodu z ústavní výchovy", "young people leaving care")]),
        svc("svc-krizova", T("Krizové centrum a linka důvěry Podlesí", "Podlesí crisis centre and helpline"),
            T("Spolek Cesta ven, z. s.", "Cesta ven association"), "crisis_help", "social", ["mental_health", "safety"],
            BOTH, groups=[G_ALL], description=T("Linka nonstop, osobní krizová intervence ve všední dny.",
                                                "Helpline around the clock, face-to-face crisis intervention on weekdays.")),
        svc("svc-pecujici", T("Poradna pro pečující", "Carers' advice centre"), T("Spolek Pečuj s námi", "Pečuj s námi association"),
            "carer_support", "social", ["care_for_others", "mental_health", "income", "legal"], BOTH, capacity=30,
            clients=19, groups=[G_CARERS]),
        svc("svc-std", T("Sociálně terapeutická dílna Ruce", "Ruce therapeutic workshop"), T("Krok, o. p. s.", "Krok charity"),
            "sheltered_workshop", "social", ["work", "social_contacts"], BOTH, capacity=12, clients=11,
            groups=[G_SMI, G_DISABLED]),
        # -- housing ---------------------------------------------------------------------------------
        svc("svc-mu-brodce-byty", T("Správa obecních bytů Brodce", "Brodce municipal flats"),
            T("Městský úřad Brodce nad Jalovkou, majetkový odbor", "Brodce nad Jalovkou Town Office, Property Department"),
            "municipal_housing", "housing", ["housing"], [BRODCE], capacity=38, clients=38, waiting=46,
            accepts=False, groups=[T("obyvatelé s trvalým pobytem v Brodcích", "residents of Brodce")],
            description=T("Běžné obecní byty za tržní nájem; sociální byty obec nemá. Pořadník podle data žádosti.",
                          "Ordinary municipal flats at market rent; the town has no social housing. "
                          "Waiting list by date of application.")),
        svc("svc-mu-ostruzna-byty", T("Obecní byty Ostružná Lhota", "Ostružná Lhota municipal flats"),
            T("Městský úřad Ostružná Lhota", "Ostružná Lhota Town Office"), "municipal_housing", "housing", ["housing"],
            [OSTRUZNA], capacity=12, clients=12, waiting=19, accepts=False,
            groups=[T("obyvatelé s trvalým pobytem v obci", "residents of the town")],
            description=T("Přednost mají mladé rodiny zaměstnanců místních firem.",
                          "Young families of local employees have priority.")),
        svc("svc-ubytovna", T("Ubytovna Sokolovna", "Sokolovna hostel"), T("Soukromý provozovatel", "Private operator"),
            "hostel", "housing", ["housing"], [BRODCE], capacity=40, clients=33,
            groups=[T("kdokoli, kdo zaplatí předem", "anyone who pays in advance")],
            description=T("Drahé pokoje se sdíleným sociálním zařízením, pro rodiny s dětmi nevhodné.",
                          "Expensive rooms with shared bathrooms; unsuitable for families with children.")),
        # -- employment -------------------------------------------------------------------------------
        svc("svc-up-zprostredkovani", T("Úřad práce – zprostředkování zaměstnání", "Labour Office – job placement"),
            T("Úřad práce ČR, kontaktní pracoviště Brodce", "Labour Office, Brodce branch"), "employment_office",
            "employment", ["work", "education", "income"], BOTH, groups=[G_UNEMPLOYED],
            description=T("Evidence uchazečů, rekvalifikace, poradenství k volbě povolání.",
                          "Jobseeker register, retraining courses, career guidance.")),
        svc("svc-podporovane-zam", T("Podporované zaměstnávání Krok", "Krok supported employment"), T("Krok, o. p. s.", "Krok charity"),
            "supported_employment", "employment", ["work"], BOTH, capacity=15, clients=15, waiting=4,
            groups=[G_SMI, G_DISABLED, G_YOUNG]),
        svc("svc-pekarna", T("Sociální podnik Pekárna U Mlýna", "U Mlýna bakery (social enterprise)"),
            T("Pekárna U Mlýna, s. r. o.", "U Mlýna Bakery Ltd"), "social_enterprise", "employment", ["work", "social_contacts"],
            [BRODCE], capacity=6, clients=5, groups=[G_DISABLED, G_YOUNG],
            description=T("Zkrácené úvazky s podporou pracovní asistentky.", "Part-time jobs with a job coach.")),
        # -- education --------------------------------------------------------------------------------
        svc("svc-zs-brodce", T("Základní škola Brodce, Školní", "Brodce primary school"), T("Město Brodce", "Brodce town"),
            "school", "education", ["education", "social_contacts"], [BRODCE], capacity=540, clients=512,
            groups=[G_CHILDREN]),
        svc("svc-zs-ostruzna", T("ZŠ a MŠ Ostružná Lhota", "Ostružná Lhota primary school and nursery"),
            T("Město Ostružná Lhota", "Ostružná Lhota town"), "school", "education",
            ["education", "social_contacts", "care_for_others"], [OSTRUZNA], capacity=260, clients=251,
            groups=[G_CHILDREN],
            description=T("Mateřská škola je plná; přednost mají děti v posledním roce před školou.",
                          "The nursery is full; children in their last year before school have priority.")),
        svc("svc-ppp", T("Pedagogicko-psychologická poradna, pracoviště Brodce",
                         "Educational and psychological counselling centre, Brodce"),
            T("Podleský kraj", "Podlesí Region"), "school_counselling", "education", ["education", "mental_health"],
            BOTH, capacity=400, clients=430, waiting=30, groups=[G_CHILDREN],
            description=T("Na vyšetření se čeká čtyři až šest měsíců.", "Four to six months' wait for an assessment.")),
        svc("svc-sos", T("Střední odborná škola Brodce – dálkové a večerní studium", "Brodce vocational school – distance and evening courses"),
            T("Podleský kraj", "Podlesí Region"), "adult_education", "education", ["education", "work"], BOTH,
            capacity=60, clients=47, groups=[G_YOUNG, T("dospělí", "adults")],
            description=T("Mimo jiné obor kuchař–číšník s výučním listem.", "Includes the cook–waiter apprenticeship.")),
        svc("svc-knihovna", T("Městská knihovna Brodce – kurzy a kluby", "Brodce town library – courses and clubs"),
            T("Město Brodce", "Brodce town"), "adult_education", "education", ["education", "social_contacts"],
            [BRODCE], groups=[G_ALL]),
        # -- community and volunteers ----------------------------------------------------------------
        svc("svc-potravinova-banka", T("Potravinová pomoc – výdejní místo Brodce", "Food aid – Brodce distribution point"),
            T("Potravinová banka Podlesí, z. s.", "Podlesí Food Bank"), "food_bank", "community", ["food"], [BRODCE],
            groups=[G_ADULTS, G_FAMILIES, G_SENIORS],
            description=T("Výdej každé úterý na doporučení sociálního pracovníka.",
                          "Every Tuesday on a social worker's referral.")),
        svc("svc-vydej-ostruzna", T("Výdej potravin farnosti Ostružná Lhota", "Ostružná Lhota parish food distribution"),
            T("Římskokatolická farnost Ostružná Lhota", "Ostružná Lhota Catholic parish"), "food_bank", "community",
            ["food"], [OSTRUZNA], formal=False, groups=[G_ALL]),
        svc("svc-satnik", T("Charitní šatník a materiální pomoc", "Charity clothes store and material aid"),
            T("Oblastní charita Brodce", "Brodce Charity"), "material_aid", "community", ["household", "food"], BOTH,
            groups=[G_ALL]),
        svc("svc-dobrovolnici", T("Dobrovolnické centrum Podlesí", "Podlesí volunteer centre"),
            T("Dobrovolnické centrum Podlesí, z. s.", "Podlesí Volunteer Centre"), "volunteer_centre", "community",
            ["social_contacts", "mobility", "education"], BOTH, capacity=40, clients=36,
            groups=[G_SENIORS, G_YOUNG],
            description=T("Návštěvy u osamělých seniorů a mentoring mladých lidí po odchodu z dětského domova.",
                          "Visits to lonely older people and mentoring for young people leaving children's homes.")),
        svc("svc-rodinne-centrum", T("Rodinné centrum Pastelka", "Pastelka family centre"), T("Spolek Pastelka", "Pastelka association"),
            "community_centre", "community", ["family", "social_contacts", "care_for_others"], [OSTRUZNA],
            groups=[G_FAMILIES]),
        svc("svc-senior-taxi", T("Senior taxi Brodce", "Brodce senior taxi"), T("Město Brodce", "Brodce town"),
            "transport_service", "community", ["mobility"], [BRODCE], capacity=200, clients=164,
            groups=[G_SENIORS, G_DISABLED],
            description=T("Jen v Brodcích, okolní obce nepokrývá.", "Brodce only; does not serve the villages.")),
        svc("svc-uklid", T("Úklidová firma Čistý domov", "Čistý domov cleaning company"), T("Čistý domov s. r. o.", "Čistý domov Ltd"),
            "cleaning_service", "community", ["household"], BOTH, groups=[G_ALL],
            description=T("Komerční služba; velký úklid zanedbaných bytů a pravidelný úklid.",
                          "Commercial; deep cleaning of neglected flats and regular cleaning.")),
        # -- informal ---------------------------------------------------------------------------------
        svc("svc-svepomocna", T("Svépomocná skupina pečujících Nejsme sami", "Nejsme sami carers' self-help group"),
            T("Pečující z regionu", "Carers from the region"), "self_help_group", "informal",
            ["care_for_others", "social_contacts", "mental_health"], BOTH, formal=False, groups=[G_CARERS],
            description=T("Setkání jednou měsíčně v rodinném centru; pečující si navzájem pohlídají své blízké.",
                          "Meets monthly at the family centre; carers mind each other's relatives.")),
        svc("svc-aa", T("Skupina Anonymních alkoholiků Brodce", "Alcoholics Anonymous group, Brodce"),
            T("Anonymní alkoholici", "Alcoholics Anonymous"), "self_help_group", "informal", ["addiction", "social_contacts"],
            [BRODCE], formal=False, groups=[G_ADDICTION]),
        svc("svc-sousedska", T("Sousedská výpomoc Malé Ostružno", "Malé Ostružno neighbourhood help"),
            T("Sousedé z Malého Ostružna", "Neighbours in Malé Ostružno"), "other", "informal",
            ["mobility", "food", "social_contacts"], ["obec-male-ostruzno"], formal=False, groups=[G_SENIORS],
            description=T("Odvoz k lékaři a nákupy podle domluvy.", "Lifts to the doctor and shopping by arrangement.")),
        svc("svc-klub-senioru", T("Klub seniorů Vřesová", "Vřesová senior club"), T("Obec Vřesová", "Vřesová village"),
            "community_centre", "informal", ["social_contacts"], ["obec-vresova"], formal=False, groups=[G_SENIORS]),
    ],
}


# ---------------------------------------------------------------------------------------------
# a. senior-dementia: an 80-year-old man living alone (the pattern of seed 001)
# ---------------------------------------------------------------------------------------------
def senior_dementia() -> dict:
    cm = T("Bc. H. Lesná (sociální pracovnice obce, case manažerka)", "H. Lesná (municipal social worker, case manager)")
    facilitator = T("Mgr. P. Dvorská (koordinátorka podpory)", "P. Dvorská (support coordinator)")
    minute_taker = T("J. Malá (asistentka sociálního odboru)", "J. Malá (social department assistant)")
    client = T("Pan K. (klient)", "Mr K. (client)")
    neighbour = T("Pan V. (soused, podpůrná osoba)", "Mr V. (neighbour, support person)")
    daughter = T("Dcera pana K.", "Mr K.'s daughter")
    housing = T("Zástupkyně Správy obecních bytů", "Municipal flats officer")
    charity = T("Koordinátorka potravinové pomoci", "Food aid coordinator")
    rehab = T("Pracovník sociální rehabilitace Krok", "Krok social rehabilitation worker")
    homecare = T("Vedoucí pečovatelské služby města", "Head of the town home care")
    gp_nurse = T("Zdravotní sestra praktického lékaře", "GP practice nurse")
    labour = T("Referentka Úřadu práce", "Labour Office benefits officer")
    guardian = T("Veřejný opatrovník (pracovnice města)", "Public guardian (town officer)")
    dzr = T("Sociální pracovnice Domova Jalovec", "Jalovec Home social worker")

    needs = [
        need("need-housing", "housing", T(
            "Dluh na nájemném za čtyři měsíce (asi 24 tisíc Kč), Správa bytů připravuje výpověď z nájmu.",
            "Four months' rent arrears (about CZK 24,000); the municipal flats office is preparing a notice to quit."),
            "high", ["act-byty", "act-mu"],
            rating("client", "unmet", 2, T("„Zaplatím to, až přijde důchod. Odsud mě nikdo nevyhodí.“",
                                           "“I'll pay when the pension comes. Nobody is throwing me out of here.”")),
            rating("worker", "unmet", 5, T("Bez dohody o splátkách hrozí do dvou měsíců ztráta bydlení.",
                                           "Without a repayment agreement he may lose the flat within two months.")),
            rating("actor", "unmet", 5, T("Další měsíc bez platby znamená podání výpovědi.",
                                          "One more month without payment means a notice to quit."), actor="act-byty")),
        need("need-documents", "documents", T(
            "Občanský průkaz platil do roku 2022, trvalý pobyt je stále na staré adrese; bez platného dokladu "
            "Úřad práce nevyřídí příspěvek na bydlení.",
            "His ID card expired in 2022 and his permanent address is still the old one; without a valid ID the "
            "Labour Office will not process a housing allowance."),
            "high", ["act-evidence", "act-up"],
            rating("client", "no_need", None, T("„Občanku nepotřebuju, tady mě všichni znají.“",
                                                "“I don't need an ID card, everybody knows me here.”")),
            rating("worker", "unmet", 4, T("Blokuje dávky; klient sám na úřad nedojde.",
                                           "It blocks his benefits; he will not get to the office alone.")),
        ),
        need("need-income", "income", T(
            "Jediným příjmem je starobní důchod, z něhož jde část na exekuce. Nemá příspěvek na bydlení ani na péči.",
            "His only income is an old-age pension, partly taken by enforcement orders. He has no housing "
            "allowance and no care allowance."),
            "high", ["act-up"],
            rating("client", "met", 2, T("„Důchod mi stačí, jen kdyby mi ho nebrali.“",
                                         "“My pension is enough, if only they didn't take it.”")),
            rating("worker", "unmet", 4, T("Nárok na příspěvek na bydlení i na péči je pravděpodobný.",
                                           "He is very likely entitled to housing and care allowances.")),
        ),
        need("need-debts", "debts", T(
            "Kromě nájmu dvě exekuce ze starých půjček a nedoplatek za elektřinu. Kamarádi z hospody si od něj "
            "půjčují a nevracejí. V regionu není dluhové poradenství.",
            "Besides the rent, two enforcement orders from old loans and an unpaid electricity bill. His pub "
            "friends borrow money and don't pay it back. There is no debt counselling in the region."),
            "high", ["act-veritele"],
            rating("client", "unknown", None, T("„Nevím, kolik dlužím. Dopisy neotvírám.“",
                                                "“I don't know how much I owe. I don't open the letters.”")),
            rating("worker", "unmet", 5, T("Celková výše dluhů není známa; chybí služba, která by je zmapovala.",
                                           "The total debt is unknown; no service exists to map it.")),
        ),
        need("need-legal", "legal", T(
            "Kvůli demenci nezvládá hospodaření s penězi a je snadno zneužitelný. Zvažuje se návrh na omezení "
            "svéprávnosti a jmenování opatrovníka.",
            "Because of the dementia he cannot manage money and is easy to exploit. An application to restrict "
            "his legal capacity and appoint a guardian is being considered."),
            "high", ["act-soud", "act-mu"],
            rating("client", "no_need", None, T("„Nejsem blázen, na mě nikdo nemusí dohlížet.“",
                                                "“I'm not mad, nobody needs to keep an eye on me.”")),
            rating("worker", "unmet", 4),
        ),
        need("need-physical", "physical_health", T(
            "Opakované kolapsy a pády (třikrát za poslední dva měsíce), léky na tlak bere nepravidelně.",
            "Repeated collapses and falls (three in the last two months); he takes his blood-pressure pills irregularly."),
            "high", ["act-pl", "act-nemocnice"],
            rating("client", "unmet", 2, T("„Občas se mi zatočí hlava, to je věkem.“",
                                           "“Sometimes my head spins, that's age.”")),
            rating("worker", "unmet", 4),
            rating("actor", "unmet", 4, T("Pády souvisejí s alkoholem a vynecháváním léků.",
                                          "The falls are linked to alcohol and missed medication."), actor="act-pl"),
        ),
        need("need-mental", "mental_health", T(
            "Praktický lékař popisuje středně těžkou demenci Alzheimerova typu, chybí psychiatrické vyšetření. "
            "Ambulantní psychiatr nové pacienty nepřijímá.",
            "The GP describes moderate Alzheimer's dementia; a psychiatric assessment is missing. The outpatient "
            "psychiatrist takes no new patients."),
            "high", ["act-pl", "act-pn"],
            rating("client", "no_need", None, T("„Paměť mám dobrou, jen na jména ne.“",
                                                "“My memory is fine, just not for names.”")),
            rating("worker", "unmet", 4),
        ),
        need("need-alcohol", "addiction", T(
            "Denně pije pivo a odpoledne i tvrdý alkohol, většinou v hospodě U Lípy.",
            "Drinks beer every day and spirits in the afternoon, mostly at the U Lípy pub."),
            "medium", ["act-kamaradi"],
            rating("client", "no_need", None, T("„Pár piv denně, to je normální.“",
                                                "“A few beers a day, that's normal.”")),
            rating("worker", "unmet", 4),
        ),
        need("need-selfcare", "self_care", T("Zanedbaná hygiena, nosí stále stejné oblečení.",
                                             "Neglected hygiene; wears the same clothes all the time."),
             "medium", ["act-pecovatelska"],
             rating("client", "met", None, T("„Umyju se sám.“", "“I can wash myself.”")),
             rating("worker", "unmet", 4)),
        need("need-household", "household", T(
            "Byt je zaneřáděný, v lednici zkažené jídlo, nefungují kamna v kuchyni. Sousedé si stěžují na zápach.",
            "The flat is filthy, there is rotten food in the fridge and the kitchen stove doesn't work. "
            "Neighbours complain about the smell."),
            "high", ["act-uklid", "act-rehab"],
            rating("client", "unmet", 2, T("„Uklidit by to chtělo, to jo.“", "“It could do with a clean, sure.”")),
            rating("worker", "unmet", 5),
            rating("actor", "unmet", 5, T("Stížnosti ostatních nájemníků na zápach a hmyz.",
                                          "Other tenants complain about the smell and insects."), actor="act-byty")),
        need("need-food", "food", T("Jí nepravidelně, často jen rohlík a pivo. Na konci měsíce nemá na jídlo.",
                                    "Eats irregularly, often just a roll and beer. Runs out of money for food at the end of the month."),
             "high", ["act-potraviny", "act-pecovatelska"],
             rating("client", "unmet", 2), rating("worker", "unmet", 4)),
        need("need-social", "social_contacts", T(
            "Manželka zemřela před šesti lety, dcera žije daleko a volá zřídka. Kromě souseda a hospody nikoho nemá.",
            "His wife died six years ago; his daughter lives far away and rarely calls. Apart from his neighbour "
            "and the pub he has nobody."),
            "medium", ["act-soused", "act-dcera"],
            rating("client", "unmet", 3, T("„Nejhorší je, že tu večer nikdo není.“",
                                           "“The worst thing is that nobody's here in the evening.”")),
            rating("worker", "unmet", 3)),
    ]

    actors = [
        actor("act-mu", T("Sociální odbor MěÚ Brodce", "Brodce social affairs department"), "public_administration",
              tie="strong", since="2024-03-04", catalogue="svc-mu-brodce-sp", contact=T("Bc. H. Lesná", "H. Lesná"),
              provides=T("Case management, doprovody na úřady, návrh na opatrovnictví.",
                         "Case management, accompanying to offices, the guardianship application."),
              area=T("ORP Brodce nad Jalovkou", "Brodce nad Jalovkou ORP area")),
        actor("act-byty", T("Správa obecních bytů Brodce", "Brodce municipal flats office"), "housing",
              tie="stressful", flow="from_client", catalogue="svc-mu-brodce-byty",
              provides=T("Pronajímatel bytu; splátkový kalendář.", "Landlord; repayment schedule.")),
        actor("act-evidence", T("Evidence obyvatel MěÚ Brodce", "Brodce population register"), "public_administration",
              since="2024-04-16", catalogue="svc-mu-brodce-evidence",
              provides=T("Nový občanský průkaz, změna trvalého pobytu.", "New ID card, change of permanent address.")),
        actor("act-up", T("Úřad práce, kontaktní pracoviště Brodce", "Labour Office, Brodce branch"), "finance",
              since="2024-05-06", catalogue="svc-up-brodce-davky",
              provides=T("Příspěvek na bydlení, příspěvek na péči.", "Housing allowance, care allowance.")),
        actor("act-veritele", T("Věřitelé a exekutorský úřad", "Creditors and the bailiff's office"), "legal",
              tie="stressful", flow="from_client", provides=T("Srážky z důchodu.", "Deductions from the pension.")),
        actor("act-pl", T("Praktický lékař, Zdravotní středisko Brodce", "GP, Brodce health centre"), "health",
              catalogue="svc-pl-brodce",
              provides=T("Léčba tlaku, doporučení k vyšetřením; klienta zná dlouho.",
                         "Blood-pressure treatment, referrals; has known the client for years.")),
        actor("act-nemocnice", T("Nemocnice Brodce – interna", "Brodce Hospital – internal medicine"), "health",
              tie="stressful", since="2024-02-20", catalogue="svc-nemocnice",
              provides=T("Hospitalizace po kolapsech.", "Admissions after collapses.")),
        actor("act-pn", T("Psychiatrická nemocnice Horní Podlesí", "Horní Podlesí Psychiatric Hospital"), "health",
              since="2024-08-05", catalogue="svc-pn",
              provides=T("Diagnostický pobyt a psychiatrické vyšetření.", "Diagnostic stay and psychiatric assessment.")),
        actor("act-potraviny", T("Potravinová pomoc – výdejní místo Brodce", "Food aid – Brodce distribution point"),
              "community", tie="strong", since="2024-04-16", catalogue="svc-potravinova-banka",
              provides=T("Potravinový balíček každé úterý.", "A food parcel every Tuesday.")),
        actor("act-uklid", T("Úklidová firma Čistý domov", "Čistý domov cleaning company"), "community",
              since="2024-04-25", catalogue="svc-uklid",
              provides=T("Velký úklid bytu, pak úklid jednou za dva týdny.",
                         "A deep clean of the flat, then cleaning every two weeks.")),
        actor("act-rehab", T("Sociální rehabilitace Krok", "Krok social rehabilitation"), "social", tie="strong",
              flow="mutual", since="2024-05-13", catalogue="svc-soc-rehab",
              provides=T("Nácvik péče o domácnost a hygieny dvakrát týdně.",
                         "Training in housework and hygiene twice a week.")),
        actor("act-pecovatelska", T("Pečovatelská služba města Brodce", "Brodce town home care"), "social",
              tie="strong", since="2024-05-02", catalogue="svc-pecovatelska-mesto",
              provides=T("Obědy, dávkovač léků, pomoc s koupáním.", "Meals, pill organiser, help with bathing.")),
        actor("act-soud", T("Okresní soud v Brodcích", "Brodce District Court"), "legal", flow="none",
              since="2024-06-21", catalogue="svc-soud",
              provides=T("Řízení o svéprávnosti a opatrovnictví.", "Proceedings on legal capacity and guardianship.")),
        actor("act-opatrovnik", T("Veřejný opatrovník – Město Brodce", "Public guardian – Brodce town"),
              "public_administration", since="2024-12-05",
              provides=T("Správa důchodu a majetku, souhlas s umístěním.", "Manages the pension and property, consents to placement.")),
        actor("act-dzr", T("Domov se zvláštním režimem Jalovec", "Jalovec special-regime home"), "social",
              since="2024-10-07", catalogue="svc-dzr", provides=T("Pobytová služba pro lidi s demencí.",
                                                                  "Residential care for people with dementia.")),
        actor("act-dcera", T("Dcera (žije v jiném kraji)", "Daughter (lives in another region)"), "informal",
              kind="person", formal=False, tie="stressful", flow="mutual",
              provides=T("Občasné telefonáty; zlobí se kvůli pití.", "Occasional phone calls; angry about the drinking.")),
        actor("act-soused", T("Soused pan V.", "Neighbour Mr V."), "informal", kind="person", formal=False,
              tie="strong",
              provides=T("Nosí noviny, má náhradní klíč, volá pomoc při pádu.",
                         "Brings the paper, keeps a spare key, calls for help after a fall.")),
        actor("act-kamaradi", T("Kamarádi z hospody U Lípy", "Friends from the U Lípy pub"), "informal",
              kind="person", formal=False, tie="stressful", flow="mutual",
              provides=T("Společnost; zároveň pití a půjčky, které nevracejí.",
                         "Company; but also drinking and loans they never repay.")),
    ]

    goals = [
        goal("goal-home", T("Chci zůstat ve svém bytě a nemít strach, že mě vystěhují.",
                            "I want to stay in my flat and not be afraid of being evicted."),
             [T("Dostanu výpověď z bytu.", "I get a notice to quit."),
              T("Dluh na nájmu dál roste, ale výpověď zatím nepřišla.", "The rent arrears keep growing but no notice has come yet."),
              T("Mám dohodu o splátkách a nájem se platí každý měsíc.", "I have a repayment agreement and the rent is paid every month."),
              T("Nájem se platí pravidelně a polovina dluhu je splacená.", "The rent is paid regularly and half the arrears are repaid."),
              T("Dluh na nájemném je celý splacený.", "The rent arrears are fully repaid.")],
             baseline=-1, needs=["need-housing", "need-debts"], created="2024-04-10"),
        goal("goal-papers", T("Chci mít zase platnou občanku, aby mi úřad dal, na co mám nárok.",
                              "I want a valid ID card again so that the office gives me what I'm entitled to."),
             [T("Občanku nemám a na úřad nepůjdu.", "I have no ID card and I won't go to the office."),
              T("Žádost o občanku je podaná.", "The ID card application is in."),
              T("Mám novou občanku a chodí mi příspěvek na bydlení.", "I have a new ID card and I get housing allowance."),
              T("Mám i příspěvek na péči.", "I also get care allowance."),
              T("Mám všechny dávky a peníze vystačí do konce měsíce.", "I have all my benefits and the money lasts to the end of the month.")],
             baseline=-2, needs=["need-documents", "need-income"], created="2024-04-10"),
        goal("goal-clean", T("Chci mít doma čisto a každý den teplé jídlo.", "I want a clean home and a hot meal every day."),
             [T("Byt je tak špinavý, že se v něm nedá bydlet.", "The flat is too dirty to live in."),
              T("Občas někdo uklidí, jím, co mi kdo přinese.", "Someone cleans now and then; I eat what people bring."),
              T("Úklid je jednou za dva týdny a každý všední den mám oběd.", "Cleaning every two weeks and lunch every weekday."),
              T("K tomu mi dvakrát týdně pomůžou s koupáním.", "On top of that they help me bathe twice a week."),
              T("Mezi úklidy si drobný pořádek udržím sám.", "Between cleanings I keep things tidy myself.")],
             baseline=-2, needs=["need-household", "need-food", "need-selfcare"], created="2024-04-10"),
        goal("goal-health", T("Nechci už padat a pořád končit v nemocnici.", "I don't want to keep falling and ending up in hospital."),
             [T("Víc než dva pády nebo kolapsy za měsíc.", "More than two falls or collapses a month."),
              T("Jeden až dva pády za měsíc.", "One or two falls a month."),
              T("Tři měsíce bez kolapsu, léky beru z dávkovače.", "Three months without a collapse; I take my pills from the organiser."),
              T("Tři měsíce bez kolapsu a chodím na kontroly k lékaři.", "Three months without a collapse and I go to my check-ups."),
              T("Půl roku bez pádu a piju jen o víkendu.", "Six months without a fall and I drink only at weekends.")],
             baseline=-2, needs=["need-physical", "need-mental", "need-alcohol"], created="2024-04-10"),
        goal("goal-money", T("Ať mi někdo pomůže hlídat peníze, aby mi je nikdo nebral.",
                             "I want someone to help me look after my money so nobody takes it."),
             [T("Peníze jsou pryč pár dní po důchodu.", "The money is gone a few days after the pension comes."),
              T("Důchod vybírám s pracovnicí, ale kamarádi si dál půjčují.", "I collect my pension with the worker, but my friends still borrow."),
              T("Důchod chodí na účet a o penězích rozhoduje opatrovník se mnou.", "The pension goes to an account and the guardian decides about money with me."),
              T("Dostávám týdně kapesné a dluhy se splácejí.", "I get weekly pocket money and the debts are being repaid."),
              T("Vím, kolik dlužím, a mám plán, jak to doplatit.", "I know how much I owe and there is a plan to pay it off.")],
             baseline=-2, needs=["need-legal", "need-debts"], created="2024-04-10"),
    ]

    actions = [
        action("a-idcard", T("Doprovodit pana K. na evidenci obyvatel a podat žádost o občanský průkaz.",
                             "Accompany Mr K. to the population register and apply for an ID card."),
               "case_manager", "2024-04-10", "2024-04-30", "done", need="need-documents", goal="goal-papers"),
        action("a-address", T("Změnit trvalý pobyt na adresu bytu.", "Change his permanent address to the flat."),
               "act-evidence", "2024-04-10", "2024-05-15", "done", need="need-documents", goal="goal-papers"),
        action("a-rentplan", T("Sjednat splátkový kalendář na dluh za nájem a odložit výpověď.",
                               "Agree a repayment schedule for the rent arrears and postpone the notice."),
               "act-byty", "2024-04-10", "2024-05-31", "done", need="need-housing", goal="goal-home"),
        action("a-housing-allowance", T("Podat žádost o příspěvek na bydlení (s doprovodem case manažerky).",
                                        "Apply for housing allowance (accompanied by the case manager)."),
               "client", "2024-04-10", "2024-06-30", "done", need="need-income", goal="goal-papers"),
        action("a-care-allowance", T("Podat žádost o příspěvek na péči.", "Apply for care allowance."),
               "client", "2024-04-10", "2024-07-31", "done", need="need-income", goal="goal-papers"),
        action("a-food", T("Zajistit potravinový balíček každý týden.", "Provide a food parcel every week."),
               "act-potraviny", "2024-04-10", "2024-04-20", "done", need="need-food", goal="goal-clean"),
        action("a-cleaning", T("Velký úklid bytu a potom úklid jednou za dva týdny (zpočátku hradí obec).",
                               "Deep clean of the flat, then cleaning every two weeks (paid by the town at first)."),
               "act-uklid", "2024-04-10", "2024-05-10", "done", need="need-household", goal="goal-clean"),
        action("a-meals", T("Obědy od pečovatelské služby každý všední den.", "Weekday lunches from home care."),
               "act-pecovatelska", "2024-04-10", "2024-05-02", "done", need="need-food", goal="goal-clean"),
        action("a-rehab", T("Zahájit sociální rehabilitaci: nácvik hygieny a péče o domácnost dvakrát týdně.",
                            "Start social rehabilitation: training in hygiene and housework twice a week."),
               "act-rehab", "2024-04-10", "2024-06-01", "done", need="need-selfcare", goal="goal-clean"),
        action("a-guardianship", T("Podat soudu návrh na omezení svéprávnosti a jmenování opatrovníka.",
                                   "File an application to the court to restrict legal capacity and appoint a guardian."),
               "act-mu", "2024-04-10", "2024-06-30", "done", need="need-legal", goal="goal-money"),
        action("a-psychiatry", T("Zajistit psychiatrické vyšetření (diagnóza demence).",
                                 "Arrange a psychiatric assessment (dementia diagnosis)."),
               "act-pl", "2024-04-10", "2024-06-15", "done", need="need-mental", goal="goal-health"),
        action("a-debt-advice", T("Najít dluhové poradenství, které zmapuje všechny dluhy.",
                                  "Find debt counselling to map all the debts."),
               "case_manager", "2024-04-10", "2024-06-30", "cancelled", need="need-debts", goal="goal-money"),
        action("a-neighbour", T("Soused pan V. se každý den odpoledne zastaví a při pádu volá 155.",
                                "Mr V. drops in every afternoon and calls 155 after a fall."),
               "act-soused", "2024-04-10", "2024-04-30", "done", need="need-physical", goal="goal-health"),
        action("a-pills", T("Dávkovač léků a kontrola jejich užívání při donášce oběda.",
                            "A pill organiser, checked when lunch is delivered."),
               "act-pecovatelska", "2024-07-10", "2024-07-31", "done", need="need-physical", goal="goal-health"),
        action("a-daughter", T("Domluvit s dcerou pravidelné telefonáty a návštěvu.",
                               "Agree regular phone calls and a visit with the daughter."),
               "case_manager", "2024-07-10", "2024-08-31", "done", need="need-social"),
        action("a-dzr-application", T("Podat preventivně žádost do Domova se zvláštním režimem Jalovec.",
                                      "File a precautionary application to Jalovec special-regime home."),
               "act-mu", "2024-09-25", "2024-10-15", "done", need="need-physical", goal="goal-health"),
        action("a-bathing", T("Pomoc s koupáním dvakrát týdně.", "Help with bathing twice a week."),
               "act-pecovatelska", "2024-09-25", "2024-10-31", "done", need="need-selfcare", goal="goal-clean"),
        action("a-debts-guardian", T("Opatrovník sepíše všechny dluhy a vyjedná splátky s věřiteli.",
                                     "The guardian lists all debts and negotiates repayments with the creditors."),
               "act-opatrovnik", "2024-12-18", "2025-03-31", "done", need="need-debts", goal="goal-money"),
        action("a-move", T("Připravit přestěhování do Domova Jalovec: návštěva předem, věci, rozloučení se sousedem.",
                           "Prepare the move to Jalovec Home: a visit beforehand, belongings, saying goodbye to the neighbour."),
               "act-opatrovnik", "2025-03-12", "2025-06-02", "done", need="need-physical", goal="goal-health"),
        action("a-flat-handover", T("Předat byt Správě bytů a vypořádat zbylý dluh.",
                                    "Hand the flat back to the flats office and settle the remaining arrears."),
               "act-opatrovnik", "2025-03-12", "2025-06-30", "done", need="need-housing", goal="goal-home"),
    ]

    conferences = [
        conference(
            "conf-1", "2024-04-10",
            place=T("Zasedací místnost MěÚ Brodce", "Meeting room, Brodce town office"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(neighbour, "support_person", "act-soused"),
                person(cm, "case_manager", "act-mu"), person(facilitator, "facilitator"),
                person(minute_taker, "minute_taker"), person(housing, "professional", "act-byty"),
                person(charity, "professional", "act-potraviny"), person(rehab, "professional", "act-rehab"),
                person(homecare, "professional", "act-pecovatelska"),
                person(gp_nurse, "professional", "act-pl", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod, cíl setkání a pravidla mlčenlivosti", "Introductions, aim of the meeting, confidentiality"), 10),
                item(T("Jak situaci vidí pan K.", "How Mr K. sees his situation"), 15),
                item(T("Bydlení a dluh na nájemném", "Housing and rent arrears"), 15),
                item(T("Doklady a dávky", "Documents and benefits"), 10),
                item(T("Zdraví, pády a bezpečí doma", "Health, falls and safety at home"), 15),
                item(T("Domácnost, jídlo a hygiena", "Household, food and hygiene"), 10),
                item(T("Dohoda o plánu a úkolech", "Agreeing the plan and tasks"), 15),
                item(T("Shrnutí a termín další schůzky", "Summary and next meeting"), 5),
            ],
            decisions=[
                decision(T("Správa bytů odloží výpověď, pokud bude do 31. 5. 2024 podepsán splátkový kalendář.",
                           "The flats office will hold back the notice if a repayment schedule is signed by 31 May 2024.")),
                decision(T("Nejdříve se vyřídí občanský průkaz a trvalý pobyt, pak žádosti o dávky.",
                           "The ID card and permanent address come first, then the benefit applications.")),
                decision(T("Sociální odbor připraví návrh na omezení svéprávnosti v oblasti hospodaření s penězi.",
                           "The social department will prepare an application to restrict legal capacity in managing money."),
                         T("Pan K. nesouhlasí: „Nejsem blázen, peníze si pohlídám sám.“",
                           "Mr K. disagrees: “I'm not mad, I can look after my money myself.”"), [client]),
                decision(T("Úklid, obědy a sociální rehabilitace začnou do konce dubna; první úklid hradí obec.",
                           "Cleaning, lunches and social rehabilitation start by the end of April; the town pays for the first clean.")),
            ],
            actions=["a-idcard", "a-address", "a-rentplan", "a-housing-allowance", "a-care-allowance", "a-food",
                     "a-cleaning", "a-meals", "a-rehab", "a-guardianship", "a-psychiatry", "a-debt-advice", "a-neighbour"],
            next_review="2024-07-10",
            notes=T("Praktický lékař se omluvil a poslal písemnou zprávu. Pan K. odešel po hodině, soused zůstal do konce.",
                    "The GP sent apologies and a written report. Mr K. left after an hour; his neighbour stayed to the end."),
        ),
        conference(
            "conf-2", "2024-09-25",
            place=T("Byt pana K.", "Mr K.'s flat"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(neighbour, "support_person", "act-soused"),
                person(daughter, "family", "act-dcera"), person(cm, "case_manager", "act-mu"),
                person(facilitator, "facilitator"), person(minute_taker, "minute_taker"),
                person(homecare, "professional", "act-pecovatelska"), person(rehab, "professional", "act-rehab"),
                person(labour, "professional", "act-up", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Co se od dubna podařilo", "What has worked since April"), 10),
                item(T("Kolapsy v září a výsledek vyšetření", "The September collapses and the assessment result"), 15),
                item(T("Zůstat doma, nebo pobytová služba?", "Staying at home or residential care?"), 20),
                item(T("Úkoly do prosince", "Tasks until December"), 10),
            ],
            decisions=[
                decision(T("Pan K. zatím zůstává doma; pečovatelská služba přidá pomoc s koupáním dvakrát týdně.",
                           "Mr K. stays at home for now; home care adds help with bathing twice a week."),
                         T("Dcera považuje další pobyt doma za nebezpečný a žádá okamžité umístění do domova.",
                           "The daughter considers staying at home dangerous and asks for immediate placement in a home."),
                         [daughter]),
                decision(T("Sociální odbor podá preventivně žádost do Domova Jalovec, aby se pan K. dostal do pořadníku.",
                           "The social department will file a precautionary application to Jalovec Home to get Mr K. on the waiting list.")),
            ],
            actions=["a-dzr-application", "a-bathing"],
            next_review="2024-12-18",
            notes=T("Konference proběhla u pana K. doma, protože odmítl jít na úřad. Psychiatrické vyšetření "
                    "v srpnu potvrdilo středně těžkou demenci.",
                    "The conference was held in Mr K.'s flat because he refused to go to the office. The psychiatric "
                    "assessment in August confirmed moderate dementia."),
        ),
        conference(
            "conf-3", "2025-03-12",
            place=T("Zasedací místnost MěÚ Brodce", "Meeting room, Brodce town office"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(guardian, "guardian", "act-opatrovnik"),
                person(daughter, "family", "act-dcera"), person(neighbour, "support_person", "act-soused"),
                person(cm, "case_manager", "act-mu"), person(facilitator, "facilitator"),
                person(minute_taker, "minute_taker"), person(homecare, "professional", "act-pecovatelska"),
                person(dzr, "professional", "act-dzr"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Únorový pád a hospitalizace", "The February fall and hospital stay"), 10),
                item(T("Nabídka místa v Domově Jalovec", "The offer of a place at Jalovec Home"), 20),
                item(T("Jak pan K. vidí stěhování", "How Mr K. feels about moving"), 15),
                item(T("Byt, dluhy a předání", "The flat, the debts and the handover"), 10),
            ],
            decisions=[
                decision(T("Pan K. se na jaře přestěhuje do Domova Jalovec; před nástupem si domov s opatrovnicí a sousedem prohlédne.",
                           "Mr K. will move to Jalovec Home in the spring; before that he will visit it with the guardian and his neighbour."),
                         T("Pan K. by raději zůstal doma, ale stěhování nebude bránit, „když tam bude teplo a dobré jídlo“.",
                           "Mr K. would rather stay at home but will not oppose the move “as long as it's warm and the food is good”."),
                         [client]),
                decision(T("Opatrovnice byt po přestěhování předá a zbývající dluh se doplatí z příspěvku na péči za březen až květen.",
                           "After the move the guardian will hand back the flat; the remaining arrears will be paid from the March–May care allowance.")),
            ],
            actions=["a-move", "a-flat-handover"],
            next_review="2025-06-11",
        ),
    ]

    reviews = [
        review("rev-1", "2024-07-10",
               {"goal-home": 0, "goal-papers": 0, "goal-clean": -1, "goal-health": -1, "goal-money": -1},
               [change("a-idcard", "done"), change("a-address", "done"),
                change("a-rentplan", "done", T("Splátky 2 000 Kč měsíčně.", "Instalments of CZK 2,000 a month.")),
                change("a-housing-allowance", "done"), change("a-care-allowance", "in_progress"),
                change("a-food", "done"), change("a-cleaning", "done"), change("a-meals", "done"),
                change("a-rehab", "in_progress"), change("a-guardianship", "done"),
                change("a-neighbour", "done"),
                change("a-psychiatry", "blocked", T("Ambulantní psychiatr nového pacienta nepřijal.",
                                                    "The outpatient psychiatrist would not take a new patient.")),
                change("a-debt-advice", "blocked", T("V regionu není žádné dluhové poradenství.",
                                                     "There is no debt counselling in the region."))],
               T("Bydlení stabilizované, úklid a obědy fungují. Zdraví a peníze zůstávají bez řešení.",
                 "Housing is stable; cleaning and lunches work. Health and money are still unresolved.")),
        review("rev-2", "2024-09-25",
               {"goal-home": 0, "goal-papers": 1, "goal-clean": 0, "goal-health": -2, "goal-money": -1},
               [change("a-care-allowance", "done", T("Přiznán příspěvek na péči ve II. stupni.",
                                                     "Care allowance granted at level II.")),
                change("a-rehab", "done"),
                change("a-psychiatry", "done", T("Vyšetření proběhlo během diagnostického pobytu v psychiatrické nemocnici.",
                                                 "The assessment was done during a diagnostic stay in the psychiatric hospital.")),
                change("a-pills", "done"), change("a-daughter", "done")],
               T("V září dva kolapsy, jednou s hospitalizací.", "Two collapses in September, one of them with a hospital stay."),
               conference="conf-2"),
        review("rev-3", "2024-12-18",
               {"goal-home": 1, "goal-papers": 1, "goal-clean": 1, "goal-health": -1, "goal-money": 0},
               [change("a-dzr-application", "done", T("Pan K. je v pořadníku na 12. místě.", "Mr K. is 12th on the waiting list.")),
                change("a-bathing", "done"),
                change("a-debt-advice", "cancelled", T("Dluhy převezme opatrovník.", "The guardian will take over the debts."))],
               T("Soud 5. 12. 2024 jmenoval veřejného opatrovníka.", "On 5 December 2024 the court appointed a public guardian.")),
        review("rev-4", "2025-03-12",
               {"goal-home": 1, "goal-papers": 2, "goal-clean": 1, "goal-health": -2, "goal-money": 1},
               [change("a-debts-guardian", "done", T("Dluhy sepsány: celkem asi 96 tisíc Kč, splátky dohodnuty.",
                                                     "Debts listed: about CZK 96,000 in total, repayments agreed."))],
               T("V únoru pád s hospitalizací; doma už bez dohledu není v bezpečí.",
                 "A fall with a hospital stay in February; he is no longer safe at home without supervision."),
               conference="conf-3"),
        review("rev-5", "2025-06-11",
               {"goal-papers": 2, "goal-clean": 2, "goal-health": 1, "goal-money": 1},
               [change("a-move", "done", T("Nastěhoval se 2. 6. 2025, soused ho první den doprovodil.",
                                           "Moved in on 2 June 2025; his neighbour went with him on the first day.")),
                change("a-flat-handover", "done")],
               T("Pan K. si v domově zvyká, chodí do kavárny a soused ho jednou týdně navštěvuje. Cíl zůstat doma "
                 "se nenaplnil a už se nehodnotí, bydlení je ale bezpečné a bez dluhu.",
                 "Mr K. is settling in, goes to the café and his neighbour visits once a week. The goal of staying at "
                 "home was not met and is no longer scored, but his housing is safe and free of debt.")),
    ]

    return {
        "id": "example-senior-dementia",
        "client": {
            "display_name": T("Pan K.", "Mr K."), "birth_year": 1944, "gender": "male",
            "municipality": T("Brodce nad Jalovkou", "Brodce nad Jalovkou"),
            "household": T("žije sám v obecním bytě 1+1 ve třetím patře bez výtahu",
                           "lives alone in a one-bedroom municipal flat on the third floor, no lift"),
            "languages": [T("čeština", "Czech")],
            "consents": [
                consent("2024-03-04", "data_processing", CLIENT_GAVE),
                consent("2024-03-18", "sharing_with_network", CLIENT_GAVE),
                consent("2024-03-18", "case_conference", CLIENT_GAVE),
                consent("2025-02-10", "training_use", T("veřejný opatrovník", "the public guardian")),
            ],
        },
        "case_manager": cm,
        "team_model": "individual",
        "phase": "closed",
        "phase_history": [
            phase("contact", "2024-03-04", T("První návštěva doma po upozornění Správy bytů na dluh.",
                                             "First home visit after the flats office reported the arrears.")),
            phase("assessment", "2024-03-18", T("Tři setkání doma, rozhovor se sousedem a praktickým lékařem.",
                                                "Three home visits, talks with the neighbour and the GP.")),
            phase("planning", "2024-04-08"),
            phase("linking", "2024-04-15"),
            phase("advocacy", "2024-06-21", T("Návrh na omezení svéprávnosti podán soudu.",
                                              "Application to restrict legal capacity filed with the court.")),
            phase("monitoring", "2024-12-18"),
            phase("closed", "2025-06-30"),
        ],
        "target_group": T("senioři 55+ s vícečetnými problémy", "people aged 55+ with multiple problems"),
        "referral_source": T("Správa obecních bytů (dluh na nájemném)", "Municipal flats office (rent arrears)"),
        "request": T("„Chci zůstat doma a mít pokoj od dopisů.“", "“I want to stay at home and be left alone by the letters.”"),
        "strengths": [
            T("Soused pan V. mu pomáhá a pan K. mu důvěřuje.", "His neighbour Mr V. helps him and Mr K. trusts him."),
            T("Rád vypráví o práci na železnici, dávné věci si pamatuje dobře.",
              "Loves talking about his years on the railway and remembers the old days well."),
            T("Pomoc přijme, když ji nabídne někdo, koho zná.", "Accepts help when it comes from someone he knows."),
            T("Má pravidelný důchod.", "Has a regular pension."),
        ],
        "wishes": [
            T("Zůstat co nejdéle doma.", "To stay at home as long as possible."),
            T("Mít teplo a dobré jídlo.", "To be warm and eat well."),
            T("Aby za ním dcera zase přijela.", "For his daughter to visit again."),
        ],
        "opened": d("2024-03-04"),
        "closed": d("2025-06-30"),
        "closure_reason": "residential_care",
        "closure_note": T("Přechod do Domova se zvláštním režimem Jalovec; opatrovnice a sociální pracovnice domova "
                          "převzaly koordinaci.",
                          "Moved to Jalovec special-regime home; the guardian and the home's social worker took over "
                          "coordination."),
        "needs": needs, "actors": actors, "goals": goals, "actions": actions, "reviews": reviews,
        "conferences": conferences,
        "crisis_plan": {
            "written_on": d("2024-04-24"),
            "when_well": T("Ráno si čte noviny, zdraví sousedy a rád si povídá o železnici.",
                           "Reads the paper in the morning, greets the neighbours and likes chatting about the railway."),
            "triggers": [T("den výplaty důchodu a pití", "pension day and drinking"),
                         T("vynechané léky na tlak", "missed blood-pressure pills"), T("horko v létě", "summer heat")],
            "early_signs": [T("nevyzvedne si oběd", "does not collect his lunch"),
                            T("nereaguje na zvonek", "does not answer the door"),
                            T("je zmatený, hledá zesnulou manželku", "is confused, looks for his late wife")],
            "what_helps": T("Klidný hlas, známá tvář, sklenice vody, posadit ho a zavolat sousedovi.",
                            "A calm voice, a familiar face, a glass of water, sitting him down and calling the neighbour."),
            "what_harms": T("Křik, spěch a dohadování o pití.", "Shouting, rushing him and arguing about drink."),
            "contacts": [
                contact(T("Soused pan V.", "Neighbour Mr V."), T("má náhradní klíč", "has a spare key")),
                contact(T("Case manažerka, sociální odbor", "Case manager, social department"),
                        T("ve všední dny", "on weekdays")),
                contact(T("Zdravotnická záchranná služba", "Ambulance service"), T("při pádu nebo bezvědomí", "after a fall or collapse"), "155"),
            ],
            "preferred_treatment": T("Nemocnice Brodce, kde ho znají.", "Brodce Hospital, where they know him."),
            "refused_treatment": T("Nechce být převážen jinam než do Brodců.", "Does not want to be taken anywhere but Brodce."),
            "medication": T("Léky na tlak ráno a večer (dávkovač od pečovatelské služby).",
                            "Blood-pressure pills morning and evening (pill organiser from home care)."),
            "allergies": T("Nejsou známy.", "None known."),
            "dependants_care": T("Nemá nikoho v péči; kočku by si vzal soused.", "No dependants; the neighbour would take the cat."),
            "copies_to": [T("pan K.", "Mr K."), T("soused pan V.", "Mr V., neighbour"),
                          T("pečovatelská služba", "home care service")],
        },
        "language": "cs",
    }


# ---------------------------------------------------------------------------------------------
# b. family-children-at-risk: a family with three children, OSPOD, school, debts, housing
# ---------------------------------------------------------------------------------------------
def family_children_at_risk() -> dict:
    cm = T("Mgr. T. Hrubá (SAS Rodinný kruh, case manažerka)", "T. Hrubá (Rodinný kruh family support, case manager)")
    ospod = T("Mgr. L. Tichá (OSPOD, vede konferenci)", "L. Tichá (child protection, chairs the conference)")
    minute_taker = T("Bc. E. Novotná (OSPOD, zapisovatelka)", "E. Novotná (child protection, minutes)")
    mother = T("Paní B. (matka)", "Ms B. (mother)")
    partner = T("Pan S. (partner matky)", "Mr S. (mother's partner)")
    grandma = T("Babička dětí (podpůrná osoba)", "The children's grandmother (support person)")
    teacher = T("Třídní učitelka T.", "T.'s class teacher")
    counsellor = T("Výchovná poradkyně ZŠ", "School counsellor")
    municipal = T("Sociální pracovnice obce", "Municipal social worker")
    ppp = T("Psycholožka pedagogicko-psychologické poradny", "Educational psychologist")
    paediatrician = T("Dětská lékařka", "Paediatrician")
    nzdm = T("Pracovník klubu Bunkr", "Bunkr club youth worker")

    needs = [
        need("need-housing", "housing", T(
            "Majitel byt prodává a nájem končí 30. 6. 2025. V dětském pokoji je plíseň. Obecní byty mají pořadník, "
            "sociální byty obec nemá.",
            "The landlord is selling the flat and the lease ends on 30 June 2025. There is mould in the children's "
            "room. The municipal flats have a waiting list; the town has no social housing."),
            "high", ["act-pronajimatel", "act-byty"],
            rating("client", "unmet", 5, T("„Nemáme kam jít. Na ubytovnu s dětmi nechci.“",
                                           "“We have nowhere to go. I don't want to take the kids to a hostel.”")),
            rating("worker", "unmet", 5),
            rating("actor", "unmet", 4, T("Ztráta bydlení by ohrozila péči o děti.",
                                          "Losing the flat would put the children's care at risk."), actor="act-ospod")),
        need("need-debts", "debts", T(
            "Dluhy kolem 180 tisíc Kč: spotřebitelské půjčky, nedoplatek za energie, exekuce na mzdu partnera. "
            "Dopisy leží neotevřené. V regionu chybí dluhová poradna.",
            "Debts of about CZK 180,000: consumer loans, unpaid energy bills, an enforcement order on the partner's "
            "wages. Letters lie unopened. There is no debt counselling in the region."),
            "high", ["act-sas", "act-insolvence"],
            rating("client", "unmet", 4, T("„Bojím se otevřít schránku.“", "“I'm scared to open the letterbox.”")),
            rating("worker", "unmet", 4)),
        need("need-income", "income", T(
            "Rodičovský příspěvek skončil, partner pracuje nárazově. Otec starších dětí neplatí výživné.",
            "The parental allowance has ended and the partner works casually. The older children's father pays no maintenance."),
            "high", ["act-up"],
            rating("client", "unmet", 3), rating("worker", "unmet", 4)),
        need("need-legal", "legal", T("Výživné pro T. a A. není soudně stanovené.",
                                      "Child maintenance for T. and A. has never been set by a court."),
             "medium", ["act-soud", "act-ospod"],
             rating("client", "unmet", 3, T("„S ním nechci mít nic společného.“", "“I want nothing to do with him.”")),
             rating("worker", "unmet", 3)),
        need("need-education", "education", T(
            "T. (12) má za první pololetí 96 neomluvených hodin. A. (9) špatně čte, na vyšetření v poradně se čeká.",
            "T. (12) has 96 unexcused hours in the first term. A. (9) struggles with reading; the assessment has a waiting list."),
            "high", ["act-skola", "act-ppp"],
            rating("client", "unmet", 3, T("„T. nechce chodit, spolužáci se mu smějí.“",
                                           "“T. doesn't want to go, the other kids laugh at him.”")),
            rating("worker", "unmet", 4),
            rating("actor", "unmet", 5, T("Docházka se od září zhoršuje.", "Attendance has been getting worse since September."),
                   actor="act-skola")),
        need("need-care", "care_for_others", T(
            "Chybí denní režim, děti chodí pozdě, M. (4) nechodí do školky. Matka je na všechno sama.",
            "There is no daily routine, the children are late, M. (4) does not go to nursery. The mother does everything alone."),
            "high", ["act-sas", "act-ospod", "act-babicka"],
            rating("client", "met", 2, T("„Děti mám ráda a starám se, jak nejlíp umím.“",
                                         "“I love my children and look after them as best I can.”")),
            rating("worker", "unmet", 3, T("Péče je láskyplná, ale chaotická.", "The care is loving but chaotic.")),
            rating("actor", "unmet", 4, actor="act-ospod")),
        need("need-family", "family", T(
            "Časté hádky mezi matkou a partnerem, zejména v den výplaty, kdy partner pije. V prosinci 2024 "
            "zasahovala policie.",
            "Frequent rows between the mother and her partner, especially on payday when he drinks. The police "
            "were called in December 2024."),
            "high", ["act-partner", "act-policie"],
            rating("client", "unmet", 3), rating("worker", "unmet", 4)),
        need("need-safety", "safety", T(
            "Děti byly svědky vyhrocené hádky. Násilí vůči dětem zjištěno nebylo.",
            "The children witnessed a heated row. No violence towards the children was found."),
            "high", ["act-ospod", "act-policie"],
            rating("client", "met", None, T("„Dětem by nikdy neublížil.“", "“He would never hurt the kids.”")),
            rating("worker", "unmet", 3),
            rating("actor", "unmet", 4, actor="act-ospod")),
        need("need-mental", "mental_health", T("Matka je vyčerpaná, špatně spí a často pláče.",
                                               "The mother is exhausted, sleeps badly and often cries."),
             "medium", ["act-sas"],
             rating("client", "unmet", 3, T("„Jsem pořád unavená.“", "“I'm tired all the time.”")),
             rating("worker", "unmet", 3)),
        need("need-physical", "physical_health", T(
            "A. má opakované záněty průdušek (plíseň v bytě), M. má neošetřené zuby.",
            "A. has recurring bronchitis (mould in the flat); M. has untreated tooth decay."),
            "medium", ["act-pediatr"],
            rating("client", "unmet", 2), rating("worker", "unmet", 3)),
        need("need-social", "social_contacts", T("T. nemá kamarády, po škole sedí u telefonu.",
                                                 "T. has no friends and spends his afternoons on his phone."),
             "low", ["act-nzdm"],
             rating("client", "unmet", 2), rating("worker", "unmet", 2)),
    ]

    actors = [
        actor("act-ospod", T("OSPOD Ostružná Lhota", "Child protection, Ostružná Lhota"), "public_administration",
              tie="stressful", since="2024-12-16", catalogue="svc-ospod-ostruzna", contact=T("Mgr. L. Tichá", "L. Tichá"),
              provides=T("Sociálně-právní ochrana dětí, svolává konference.", "Child protection; convenes the conferences.")),
        actor("act-sas", T("SAS pro rodiny Rodinný kruh", "Rodinný kruh family support"), "social", tie="strong",
              flow="mutual", since="2025-01-13", catalogue="svc-sas-rodiny", contact=T("Mgr. T. Hrubá", "T. Hrubá"),
              provides=T("Case management, návštěvy v rodině, rozpočet, pomoc s úřady.",
                         "Case management, home visits, budgeting, help with offices.")),
        actor("act-skola", T("ZŠ a MŠ Ostružná Lhota", "Ostružná Lhota primary school and nursery"), "education",
              tie="stressful", flow="mutual", catalogue="svc-zs-ostruzna",
              provides=T("Škola T. a A.; od září 2025 školka pro M.", "School of T. and A.; nursery for M. from September 2025.")),
        actor("act-ppp", T("Pedagogicko-psychologická poradna Brodce", "Educational counselling centre, Brodce"),
              "education", since="2025-03-10", catalogue="svc-ppp",
              provides=T("Vyšetření A., doporučení podpůrných opatření.", "Assessment of A.; recommended support at school.")),
        actor("act-up", T("Úřad práce, pracoviště Ostružná Lhota", "Labour Office, Ostružná Lhota branch"), "finance",
              since="2025-02-03", catalogue="svc-up-ostruzna-davky",
              provides=T("Přídavek na dítě, příspěvek na živobytí, mimořádná okamžitá pomoc.",
                         "Child benefit, subsistence allowance, one-off emergency help.")),
        actor("act-mu", T("Sociální odbor MěÚ Ostružná Lhota", "Ostružná Lhota social department"),
              "public_administration", since="2025-01-27", catalogue="svc-mu-ostruzna-sp",
              provides=T("Pomoc s žádostí o obecní byt.", "Help with the municipal flat application.")),
        actor("act-byty", T("Obecní byty Ostružná Lhota", "Ostružná Lhota municipal flats"), "housing",
              since="2025-03-20", catalogue="svc-mu-ostruzna-byty",
              provides=T("Pořadník na obecní byt (rodina je 17. v pořadí).", "Waiting list for a municipal flat (the family is 17th).")),
        actor("act-pronajimatel", T("Majitel současného bytu", "Owner of the current flat"), "housing", kind="person",
              tie="stressful", flow="from_client", provides=T("Nájem do 30. 6. 2025.", "Lease until 30 June 2025.")),
        actor("act-pronajimatelka", T("Paní Z., pronajímatelka bytu ve Vřesové", "Ms Z., landlady of the flat in Vřesová"),
              "housing", kind="person", since="2025-07-01",
              provides=T("Byt 3+1 na dva roky, známá babičky.", "A three-bedroom flat for two years; an acquaintance of the grandmother.")),
        actor("act-insolvence", T("Insolvenční správkyně (kancelář v krajském městě)", "Insolvency administrator (office in the regional capital)"),
              "legal", since="2025-07-14", provides=T("Sepsání a podání návrhu na oddlužení za poplatek.",
                                                      "Drafts and files the debt-relief petition for a fee.")),
        actor("act-soud", T("Okresní soud v Brodcích", "Brodce District Court"), "legal", flow="none",
              since="2025-05-20", catalogue="svc-soud", provides=T("Řízení o výživném.", "Maintenance proceedings.")),
        actor("act-pediatr", T("Dětská lékařka Ostružná Lhota", "Paediatrician, Ostružná Lhota"), "health",
              catalogue="svc-pld-ostruzna", provides=T("Péče o všechny tři děti.", "Cares for all three children.")),
        actor("act-policie", T("Policie ČR, obvodní oddělení", "Police station"), "legal", tie="stressful", flow="none",
              since="2024-12-14", catalogue="svc-policie", provides=T("Zásah při hádce v prosinci 2024.",
                                                                      "Attended a row in December 2024.")),
        actor("act-nzdm", T("Nízkoprahový klub Bunkr", "Bunkr youth club"), "social", tie="strong", since="2025-03-04",
              catalogue="svc-nzdm", provides=T("T. sem chodí odpoledne; doučování a parta.",
                                               "T. goes there in the afternoons: homework help and friends.")),
        actor("act-rc", T("Rodinné centrum Pastelka", "Pastelka family centre"), "community", tie="strong",
              flow="mutual", since="2025-04-01", catalogue="svc-rodinne-centrum",
              provides=T("Herna pro M., setkávání maminek.", "Playroom for M., a mothers' group.")),
        actor("act-vydej", T("Výdej potravin farnosti", "Parish food distribution"), "community", since="2025-02-05",
              catalogue="svc-vydej-ostruzna", provides=T("Potraviny jednou za 14 dní.", "Food every two weeks.")),
        actor("act-babicka", T("Babička (matka paní B.)", "Grandmother (Ms B.'s mother)"), "informal", kind="person",
              formal=False, tie="strong", flow="mutual",
              provides=T("Hlídá děti, v krizi u ní mohou přespat; pomohla najít byt.",
                         "Minds the children; they can stay with her in a crisis; helped find the new flat.")),
        actor("act-partner", T("Pan S. (partner, otec M.)", "Mr S. (partner, M.'s father)"), "informal", kind="person",
              formal=False, tie="stressful", flow="mutual", provides=T("Nárazový příjem z brigád.", "Casual earnings.")),
        actor("act-otec", T("Otec T. a A.", "Father of T. and A."), "informal", kind="person", formal=False,
              tie="stressful", flow="none", provides=T("Bez kontaktu, výživné neplatí.", "No contact, pays no maintenance.")),
    ]

    goals = [
        goal("goal-housing", T("Chceme bydlet všichni spolu v bytě bez plísně, odkud nás nikdo nevyhodí.",
                               "We want to live together in a flat without mould where nobody can throw us out."),
             [T("Musíme se rozdělit nebo jít na ubytovnu.", "We have to split up or go to a hostel."),
              T("Bydlíme ve starém bytě s výpovědí a nic jiného nemáme.", "We live in the old flat under notice and have nothing else."),
              T("Máme nájemní smlouvu na jiný byt aspoň na rok.", "We have a lease on another flat for at least a year."),
              T("Bydlíme v novém bytě a nájem platíme včas.", "We live in the new flat and pay the rent on time."),
              T("Máme smlouvu na dobu neurčitou nebo obecní byt.", "We have an open-ended lease or a municipal flat.")],
             baseline=-1, needs=["need-housing", "need-physical"], created="2025-02-19"),
        goal("goal-school", T("Chci, aby T. chodil každý den do školy a A. dostala pomoc se čtením.",
                              "I want T. to go to school every day and A. to get help with reading."),
             [T("T. má víc než 30 neomluvených hodin za čtvrtletí.", "T. has more than 30 unexcused hours a quarter."),
              T("T. má 10 až 30 neomluvených hodin za čtvrtletí.", "T. has 10 to 30 unexcused hours a quarter."),
              T("T. nemá neomluvené hodiny a A. byla vyšetřená v poradně.", "T. has no unexcused hours and A. has been assessed."),
              T("A. má navíc ve škole podpůrná opatření.", "A. also has support measures at school."),
              T("T. si zlepšil známky a A. čte M. pohádky.", "T.'s marks have improved and A. reads bedtime stories to M.")],
             baseline=-2, needs=["need-education", "need-social"], created="2025-02-19"),
        goal("goal-money", T("Chceme vědět, kolik dlužíme, a přestat se bát exekutora.",
                             "We want to know how much we owe and stop being afraid of the bailiff."),
             [T("Nevíme, kolik dlužíme, a přibývají exekuce.", "We don't know how much we owe and enforcement orders keep coming."),
              T("Máme seznam dluhů, ale žádné řešení.", "We have a list of debts but no solution."),
              T("Návrh na oddlužení je podaný.", "The debt-relief petition is filed."),
              T("Soud oddlužení schválil a splácíme.", "The court approved debt relief and we are paying."),
              T("Splácíme a ještě si něco ušetříme.", "We are paying and still have some savings left.")],
             baseline=-2, needs=["need-debts", "need-income"], created="2025-02-19"),
        goal("goal-calm", T("Chci, aby se u nás doma nekřičelo a děti se nebály.",
                            "I want no more shouting at home and the children not to be afraid."),
             [T("Hádka, kvůli které se volá policie.", "A row that ends with the police being called."),
              T("Křičíme na sebe několikrát týdně.", "We shout at each other several times a week."),
              T("Hádáme se výjimečně a ne před dětmi.", "We rarely argue, and not in front of the children."),
              T("Máme domluvená pravidla a oba je dodržujeme.", "We have agreed rules and we both keep them."),
              T("Děti samy říkají, že je doma klid.", "The children themselves say home is calm.")],
             baseline=-1, needs=["need-family", "need-safety"], created="2025-02-19"),
        goal("goal-work", T("Aby M. chodila do školky a já si mohla najít práci aspoň na půl dne.",
                            "For M. to go to nursery so that I can find at least a part-time job."),
             [T("M. je doma a práci nehledám.", "M. is at home and I'm not looking for work."),
              T("M. je přihlášená do školky, čekáme.", "M. is registered for nursery; we're waiting."),
              T("M. chodí do školky a jsem v evidenci úřadu práce.", "M. goes to nursery and I'm registered with the Labour Office."),
              T("Mám brigádu nebo dělám kurz.", "I have a casual job or I'm on a course."),
              T("Mám práci na zkrácený úvazek.", "I have a part-time job.")],
             baseline=-2, needs=["need-care", "need-income"], created="2025-02-19"),
    ]

    actions = [
        action("b-sas", T("SAS dvakrát týdně v rodině: denní režim dětí, rozpočet, pošta.",
                          "Family support twice a week at home: the children's routine, the budget, the post."),
               "act-sas", "2025-02-19", "2025-03-01", "done", need="need-care", goal="goal-school"),
        action("b-attendance", T("Škola každý den posílá matce zprávu o docházce T. přes aplikaci.",
                                 "The school messages the mother daily about T.'s attendance via the app."),
               "act-skola", "2025-02-19", "2025-02-28", "done", need="need-education", goal="goal-school"),
        action("b-ppp", T("Objednat A. na vyšetření v pedagogicko-psychologické poradně.",
                          "Book A. for an assessment at the educational counselling centre."),
               "client", "2025-02-19", "2025-03-15", "done", need="need-education", goal="goal-school"),
        action("b-nzdm", T("T. vyzkouší nízkoprahový klub Bunkr.", "T. will try the Bunkr youth club."),
               "act-nzdm", "2025-02-19", "2025-03-31", "done", need="need-social", goal="goal-school"),
        action("b-kindergarten", T("Podat přihlášku M. k zápisu do mateřské školy.", "Register M. for nursery at the May enrolment."),
               "client", "2025-02-19", "2025-05-15", "done", need="need-care", goal="goal-work"),
        action("b-flat-application", T("Podat žádost o obecní byt.", "Apply for a municipal flat."),
               "client", "2025-02-19", "2025-03-31", "done", need="need-housing", goal="goal-housing"),
        action("b-debts-list", T("Otevřít spolu všechny dopisy a sepsat dluhy.", "Open all the letters together and list the debts."),
               "act-sas", "2025-02-19", "2025-04-15", "done", need="need-debts", goal="goal-money"),
        action("b-debt-advice", T("Najít dluhovou poradnu, která podá návrh na oddlužení zdarma.",
                                  "Find a debt advice service that files a debt-relief petition free of charge."),
               "case_manager", "2025-02-19", "2025-04-30", "cancelled", need="need-debts", goal="goal-money"),
        action("b-dentist", T("Objednat M. k zubaři přes dětskou lékařku.", "Book M. with a dentist through the paediatrician."),
               "client", "2025-02-19", "2025-03-31", "done", need="need-physical"),
        action("b-addiction", T("Pan S. se objedná do adiktologické ambulance.", "Mr S. will book an appointment at the addiction clinic."),
               "act-partner", "2025-02-19", "2025-04-30", "cancelled", need="need-family", goal="goal-calm"),
        action("b-safety-plan", T("Sepsat s rodinou bezpečnostní plán pro případ hádky.", "Write a safety plan with the family for when a row starts."),
               "act-sas", "2025-02-19", "2025-03-07", "done", need="need-safety", goal="goal-calm"),
        action("b-alimony", T("Podat návrh na stanovení výživného pro T. a A.", "File a petition to set maintenance for T. and A."),
               "client", "2025-04-16", "2025-05-31", "done", need="need-legal", goal="goal-money"),
        action("b-mop", T("Požádat o mimořádnou okamžitou pomoc na kauci za nový byt.",
                          "Apply for one-off emergency help towards the deposit on the new flat."),
               "client", "2025-06-18", "2025-07-10", "done", need="need-housing", goal="goal-housing"),
        action("b-move", T("Přestěhovat se do bytu ve Vřesové (pomůže babička a dobrovolníci farnosti).",
                           "Move to the flat in Vřesová (the grandmother and parish volunteers will help)."),
               "act-babicka", "2025-06-18", "2025-08-15", "done", need="need-housing", goal="goal-housing"),
        action("b-bus", T("Zajistit dětem školní jízdenky na autobus z Vřesové.", "Get the children school bus passes from Vřesová."),
               "client", "2025-06-18", "2025-08-31", "done", need="need-education", goal="goal-school"),
        action("b-insolvency", T("Podat návrh na oddlužení přes insolvenční správkyni (poplatek zaplatí babička).",
                                 "File for debt relief through an insolvency administrator (the grandmother pays the fee)."),
               "act-insolvence", "2025-06-18", "2025-09-30", "done", need="need-debts", goal="goal-money"),
        action("b-sas-reduce", T("SAS jednou týdně, od dubna 2026 jednou za 14 dní.", "Family support weekly, fortnightly from April 2026."),
               "act-sas", "2025-12-03", "2026-04-30", "done", need="need-care"),
        action("b-course", T("Paní B. se přihlásí na rekvalifikační kurz pokladní.", "Ms B. will sign up for a cashier retraining course."),
               "client", "2025-12-03", "2026-03-31", "done", need="need-income", goal="goal-work"),
        action("b-parttime", T("Najít práci na zkrácený úvazek v Ostružné Lhotě.", "Find a part-time job in Ostružná Lhota."),
               "client", "2026-06-03", "2026-10-31", "in_progress", need="need-income", goal="goal-work"),
    ]

    conferences = [
        conference(
            "conf-1", "2025-02-19",
            place=T("OSPOD Ostružná Lhota, zasedací místnost", "Child protection office, Ostružná Lhota, meeting room"),
            facilitator=ospod, minute_taker=minute_taker,
            participants=[
                person(mother, "client"), person(partner, "family", "act-partner"),
                person(grandma, "support_person", "act-babicka"), person(ospod, "facilitator", "act-ospod"),
                person(minute_taker, "minute_taker", "act-ospod"), person(cm, "case_manager", "act-sas"),
                person(teacher, "professional", "act-skola"), person(counsellor, "professional", "act-skola"),
                person(municipal, "professional", "act-mu"),
                person(ppp, "professional", "act-ppp", attended=False, ack=False),
                person(paediatrician, "professional", "act-pediatr", attended=False, ack=False),
            ],
            agenda=[
                item(T("Představení, cíl konference, mlčenlivost", "Introductions, aim, confidentiality"), 10),
                item(T("Co je dobré: silné stránky rodiny", "What is going well: the family's strengths"), 10),
                item(T("Škola: docházka T., čtení A.", "School: T.'s attendance, A.'s reading"), 15),
                item(T("Bydlení a peníze", "Housing and money"), 15),
                item(T("Bezpečí dětí a vztahy doma", "The children's safety and relationships at home"), 15),
                item(T("Plán: kdo, co, do kdy", "The plan: who does what by when"), 20),
                item(T("Shrnutí a další termín", "Summary and next date"), 5),
            ],
            decisions=[
                decision(T("Děti zůstávají v péči matky; rodina bude spolupracovat se SAS dvakrát týdně.",
                           "The children stay in their mother's care; the family will work with family support twice a week.")),
                decision(T("OSPOD zatím nenavrhuje soudu dohled nad výchovou; situaci vyhodnotí na příští konferenci.",
                           "Child protection will not ask the court for supervision for now; it will reassess at the next conference."),
                         T("Výchovná poradkyně by dohled navrhla hned, protože neomluvené hodiny trvají od září.",
                           "The school counsellor would ask for supervision now, as the unexcused absences have lasted since September."),
                         [counsellor]),
                decision(T("Pan S. vyhledá adiktologickou ambulanci.", "Mr S. will seek help at the addiction clinic."),
                         T("Pan S. své pití za problém nepovažuje.", "Mr S. does not see his drinking as a problem."), [partner]),
                decision(T("Rodina podá žádost o obecní byt a zároveň bude hledat pronájem s pomocí babičky.",
                           "The family will apply for a municipal flat and look for a rental with the grandmother's help.")),
            ],
            actions=["b-sas", "b-attendance", "b-ppp", "b-nzdm", "b-kindergarten", "b-flat-application",
                     "b-debts-list", "b-debt-advice", "b-dentist", "b-addiction", "b-safety-plan"],
            next_review="2025-06-18",
            notes=T("T. se konference nezúčastnil; jeho pohled přednesla case manažerka podle rozhovoru z minulého týdne: "
                    "„Do školy bych chodil, kdyby se mi nesmáli.“",
                    "T. did not attend; the case manager presented his view from last week's conversation: "
                    "“I'd go to school if they didn't laugh at me.”"),
        ),
        conference(
            "conf-2", "2025-06-18",
            place=T("OSPOD Ostružná Lhota, zasedací místnost", "Child protection office, Ostružná Lhota, meeting room"),
            facilitator=ospod, minute_taker=minute_taker,
            participants=[
                person(mother, "client"), person(grandma, "support_person", "act-babicka"),
                person(partner, "family", "act-partner", attended=False, consent=True, ack=False),
                person(ospod, "facilitator", "act-ospod"), person(minute_taker, "minute_taker", "act-ospod"),
                person(cm, "case_manager", "act-sas"), person(teacher, "professional", "act-skola"),
                person(nzdm, "professional", "act-nzdm"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Co se změnilo od února", "What has changed since February"), 15),
                item(T("Nový byt ve Vřesové a stěhování", "The new flat in Vřesová and the move"), 15),
                item(T("Dluhy: bez dluhové poradny", "Debts without a debt advice service"), 15),
                item(T("Úkoly na léto", "Tasks for the summer"), 10),
            ],
            decisions=[
                decision(T("Rodina se v srpnu přestěhuje do bytu ve Vřesové; děti zůstávají ve stejné škole.",
                           "The family moves to the flat in Vřesová in August; the children stay at the same school.")),
                decision(T("Protože dluhová poradna v regionu není, podá návrh na oddlužení insolvenční správkyně; "
                           "poplatek uhradí babička.",
                           "As there is no debt advice in the region, an insolvency administrator will file for debt "
                           "relief; the grandmother pays the fee."),
                         T("Case manažerka upozorňuje, že placené sepsání návrhu by mělo být až krajní možnost, a "
                           "žádá, aby koordinátorka podpory chybějící službu nahlásila do komunitního plánu.",
                           "The case manager points out that paying for the petition should be a last resort and asks "
                           "the support coordinator to report the missing service to community planning."),
                         [cm]),
            ],
            actions=["b-mop", "b-move", "b-bus", "b-insolvency"],
            next_review="2025-09-17",
        ),
        conference(
            "conf-3", "2025-12-03",
            place=T("Rodinné centrum Pastelka", "Pastelka family centre"),
            facilitator=ospod, minute_taker=minute_taker,
            participants=[
                person(mother, "client"), person(partner, "family", "act-partner"),
                person(grandma, "support_person", "act-babicka"), person(ospod, "facilitator", "act-ospod"),
                person(minute_taker, "minute_taker", "act-ospod"), person(cm, "case_manager", "act-sas"),
                person(counsellor, "professional", "act-skola"), person(ppp, "professional", "act-ppp"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Jak se rodině daří v novém bytě", "How the family is doing in the new flat"), 10),
                item(T("Škola a podpůrná opatření pro A.", "School and support measures for A."), 15),
                item(T("Intenzita další spolupráce", "How intensive support should be from now on"), 15),
                item(T("Plán na první pololetí 2026", "The plan for the first half of 2026"), 10),
            ],
            decisions=[
                decision(T("OSPOD převádí rodinu z intenzivního do běžného sledování.",
                           "Child protection moves the family from intensive to routine monitoring.")),
                decision(T("SAS bude docházet jednou týdně a od dubna jednou za 14 dní.",
                           "Family support will visit weekly, and fortnightly from April."),
                         T("Paní B. by si přála ponechat návštěvy dvakrát týdně, dokud nenajde práci.",
                           "Ms B. would like to keep the twice-weekly visits until she finds a job."), [mother]),
            ],
            actions=["b-sas-reduce", "b-course"],
            next_review="2026-06-03",
            notes=T("Konference poprvé mimo úřad, na přání paní B.", "For the first time the conference met outside the office, at Ms B.'s request."),
        ),
    ]

    reviews = [
        review("rev-1", "2025-04-16",
               {"goal-housing": -1, "goal-school": -1, "goal-money": -1, "goal-calm": -1, "goal-work": -1},
               [change("b-sas", "done"), change("b-attendance", "done"), change("b-ppp", "done"),
                change("b-nzdm", "done"), change("b-flat-application", "done", T("Rodina je 17. v pořadníku.", "The family is 17th on the list.")),
                change("b-debts-list", "done", T("Dluhy celkem asi 183 tisíc Kč u sedmi věřitelů.", "About CZK 183,000 owed to seven creditors.")),
                change("b-debt-advice", "blocked", T("Žádná dluhová poradna v kraji nepřijímá; nejbližší je mimo kraj s čekací dobou půl roku.",
                                                     "No debt advice service in the region takes clients; the nearest is outside the region with a six-month wait.")),
                change("b-dentist", "done"), change("b-safety-plan", "done"),
                change("b-addiction", "cancelled", T("Pan S. odmítl.", "Mr S. declined.")),
                change("b-kindergarten", "in_progress")],
               T("T. měl v březnu 12 neomluvených hodin. Klub Bunkr ho baví.", "T. had 12 unexcused hours in March. He enjoys the Bunkr club.")),
        review("rev-2", "2025-06-18",
               {"goal-housing": 0, "goal-school": 0, "goal-money": -1, "goal-calm": 0, "goal-work": -1},
               [change("b-kindergarten", "done", T("M. přijata od září.", "M. has a nursery place from September.")),
                change("b-alimony", "done")],
               T("Podepsána nájemní smlouva ve Vřesové na dva roky od 1. 8.", "A two-year lease in Vřesová signed, starting 1 August."),
               conference="conf-2"),
        review("rev-3", "2025-09-17",
               {"goal-housing": 1, "goal-school": 1, "goal-money": 0, "goal-calm": 0, "goal-work": 0},
               [change("b-mop", "done"), change("b-move", "done"), change("b-bus", "done"),
                change("b-insolvency", "done", T("Návrh podán 12. 9.", "Petition filed on 12 September.")),
                change("b-debt-advice", "cancelled", T("Nahrazeno návrhem přes insolvenční správkyni.", "Replaced by the petition via the administrator."))],
               T("A. má od poradny doporučená podpůrná opatření. Paní B. je v evidenci úřadu práce.",
                 "A. has support measures recommended by the counselling centre. Ms B. is registered with the Labour Office.")),
        review("rev-4", "2025-12-03",
               {"goal-housing": 1, "goal-school": 1, "goal-money": 1, "goal-calm": 1, "goal-work": 0},
               [], T("Soud oddlužení schválil. Od září žádný zásah policie.", "The court approved debt relief. No police call-outs since September."),
               conference="conf-3"),
        review("rev-5", "2026-06-03",
               {"goal-housing": 1, "goal-school": 2, "goal-money": 1, "goal-calm": 1, "goal-work": 1},
               [change("b-sas-reduce", "done"), change("b-course", "done", T("Kurz dokončen v květnu.", "Course completed in May."))],
               T("T. prošel bez neomluvených hodin a zlepšil se o stupeň z matematiky.", "T. finished the year without unexcused hours and went up a grade in maths.")),
        review("rev-6", "2026-10-14",
               {"goal-housing": 1, "goal-school": 1, "goal-money": 1, "goal-calm": 0, "goal-work": 1},
               [change("b-parttime", "in_progress", T("Dva pohovory, zatím bez výsledku.", "Two interviews, no offer yet."))],
               T("V září jedna vyhrocená hádka, rodina použila bezpečnostní plán a děti přespaly u babičky.",
                 "One heated row in September; the family used the safety plan and the children stayed at their grandmother's.")),
    ]

    return {
        "id": "example-family-children-at-risk",
        "client": {
            "display_name": T("Rodina B.", "The B. family"), "birth_year": None, "gender": "unknown",
            "municipality": T("Ostružná Lhota, od srpna 2025 Vřesová", "Ostružná Lhota; Vřesová from August 2025"),
            "household": T("matka (34), její partner a tři děti: T. (12), A. (9) a M. (4)",
                           "mother (34), her partner and three children: T. (12), A. (9) and M. (4)"),
            "languages": [T("čeština", "Czech")],
            "consents": [
                consent("2025-01-13", "data_processing", T("matka", "the mother")),
                consent("2025-01-27", "sharing_with_network", T("matka a partner", "the mother and her partner")),
                consent("2025-01-27", "case_conference", T("matka a partner", "the mother and her partner")),
                consent("2026-06-03", "training_use", T("matka", "the mother")),
            ],
        },
        "case_manager": cm,
        "team_model": "individual",
        "phase": "monitoring",
        "phase_history": [
            phase("contact", "2025-01-13", T("OSPOD předal rodinu SAS po oznámení školy o záškoláctví.",
                                             "Child protection referred the family to family support after the school reported truancy.")),
            phase("assessment", "2025-01-27"),
            phase("planning", "2025-02-19"),
            phase("linking", "2025-03-03"),
            phase("advocacy", "2025-05-12", T("Návrh na výživné, jednání s pronajímatelem a úřadem práce.",
                                              "Maintenance petition; negotiations with the landlord and the Labour Office.")),
            phase("monitoring", "2025-09-17"),
        ],
        "target_group": T("rodiny s dětmi ohrožené sociálním vyloučením", "families with children at risk of social exclusion"),
        "referral_source": T("OSPOD Ostružná Lhota na základě oznámení školy", "Child protection, following a report from the school"),
        "request": T("„Chci, aby nám děti nevzali a abychom měli kde bydlet.“",
                     "“I want them not to take my children away, and us to have somewhere to live.”"),
        "strengths": [
            T("Matka má děti ráda a děti mají silné pouto k ní i k babičce.",
              "The mother loves her children and they are strongly attached to her and their grandmother."),
            T("Babička bydlí blízko a pomáhá.", "The grandmother lives nearby and helps."),
            T("A. je zvídavá a ráda kreslí; T. je šikovný na počítače.", "A. is curious and loves drawing; T. is good with computers."),
            T("Matka dokončila střední školu a dřív pracovala jako pokladní.", "The mother finished secondary school and used to work as a cashier."),
        ],
        "wishes": [
            T("Bydlet spolu a mít pro každé dítě postel.", "To live together and have a bed for every child."),
            T("Jet jednou s dětmi k moři.", "To go to the seaside with the children one day."),
        ],
        "opened": d("2025-01-13"),
        "needs": needs, "actors": actors, "goals": goals, "actions": actions, "reviews": reviews,
        "conferences": conferences,
        "crisis_plan": {
            "written_on": d("2025-03-05"),
            "when_well": T("Ráno společná snídaně, děti odcházejí včas, večer čtení s M.",
                           "Breakfast together in the morning, the children leave on time, reading with M. in the evening."),
            "triggers": [T("den výplaty a alkohol", "payday and alcohol"), T("dopisy od exekutora", "letters from the bailiff"),
                         T("únava na konci měsíce, kdy nejsou peníze", "tiredness at the end of the month when money runs out")],
            "early_signs": [T("pan S. přijde domů pozdě a po pití", "Mr S. comes home late after drinking"),
                            T("zvýšené hlasy, bouchání dveřmi", "raised voices, slamming doors")],
            "what_helps": T("Matka odvede děti k babičce; rozhovor až druhý den ráno; zavolat case manažerce.",
                            "The mother takes the children to their grandmother; talk only the next morning; call the case manager."),
            "what_harms": T("Hádat se před dětmi, řešit peníze večer.", "Arguing in front of the children; discussing money in the evening."),
            "contacts": [
                contact(T("Babička", "Grandmother"), T("děti mohou přespat", "the children can stay the night")),
                contact(T("Case manažerka SAS", "Family support case manager"), T("ve všední dny", "on weekdays")),
                contact(T("Policie", "Police"), T("při ohrožení", "if anyone is in danger"), "158"),
                contact(T("Linka bezpečí pro děti", "Children's helpline"), T("T. a A. číslo znají", "T. and A. know the number"), "116 111"),
            ],
            "dependants_care": T("Děti přespí u babičky; T. ví, kde je klíč od jejího bytu.",
                                 "The children stay at their grandmother's; T. knows where her key is kept."),
            "copies_to": [T("paní B.", "Ms B."), T("babička", "grandmother"), T("SAS Rodinný kruh", "Rodinný kruh family support"),
                          T("OSPOD", "child protection")],
        },
        "language": "cs",
    }


# ---------------------------------------------------------------------------------------------
# c. young-adult-leaving-care: a young woman leaving a children's home
# ---------------------------------------------------------------------------------------------
def young_adult_leaving_care() -> dict:
    cm = T("Bc. O. Kratochvílová (sociální pracovnice obce, case manažerka)", "O. Kratochvílová (municipal social worker, case manager)")
    facilitator = T("Mgr. P. Dvorská (koordinátorka podpory)", "P. Dvorská (support coordinator)")
    client = T("Slečna L. (klientka)", "Ms L. (client)")
    teta = T("Teta J. (bývalá vychovatelka, podpůrná osoba)", "J. (her former key worker, support person)")
    dd_sw = T("Sociální pracovnice dětského domova", "Children's home social worker")
    director = T("Ředitel dětského domova", "Head of the children's home")
    dpc = T("Pracovnice Domu na půl cesty", "Halfway house worker")
    mentor = T("Mentorka z Dobrovolnického centra", "Volunteer mentor")
    coach = T("Pracovní asistentka pekárny U Mlýna", "Job coach, U Mlýna bakery")
    labour = T("Poradkyně úřadu práce", "Labour Office adviser")
    minutes_dd = T("Asistentka dětského domova (zápis)", "Children's home assistant (minutes)")
    minutes_mu = T("J. Malá (asistentka sociálního odboru)", "J. Malá (social department assistant)")
    school = T("Vedoucí dálkového studia SOŠ", "Head of distance courses, vocational school")

    needs = [
        need("need-housing", "housing", T(
            "Z dětského domova odchází na konci července 2024. V Domě na půl cesty je pořadník, startovací ani "
            "sociální byty obec nemá. Zatím může přespávat u kamarádky.",
            "She leaves the children's home at the end of July 2024. The halfway house has a waiting list; the "
            "town has no starter or social flats. For now she can sleep at a friend's."),
            "high", ["act-dpc", "act-kamaradka"],
            rating("client", "unmet", 4, T("„Zpátky do děcáku nechci, ale nemám kam.“",
                                           "“I'm not going back to the home, but I've got nowhere to go.”")),
            rating("worker", "unmet", 5)),
        need("need-income", "income", T(
            "Bez příjmu. Nárok na jednorázový příspěvek při odchodu z dětského domova a na dávky v hmotné nouzi.",
            "No income. Entitled to the one-off leaving-care grant and to material-need benefits."),
            "high", ["act-up", "act-dd"],
            rating("client", "unmet", 3), rating("worker", "unmet", 4)),
        need("need-documents", "documents", T(
            "Občanský průkaz má, chybí bankovní účet a registrace na úřadu práce (zdravotní pojištění).",
            "She has an ID card but no bank account and is not registered with the Labour Office (health insurance)."),
            "medium", ["act-dd", "act-up"],
            rating("client", "met", None, T("„Doklady mám.“", "“I've got my papers.”")),
            rating("worker", "unmet", 2)),
        need("need-debts", "debts", T(
            "Tři pokuty za jízdu načerno z doby, kdy jí bylo 16–17 let; s náklady exekuce dnes asi 38 tisíc Kč. "
            "Dluhová poradna v regionu není.",
            "Three fare-dodging fines from when she was 16–17; with enforcement costs about CZK 38,000 today. "
            "There is no debt advice service in the region."),
            "high", ["act-exekutor"],
            rating("client", "unmet", 3, T("„To je z doby, kdy mi bylo šestnáct. Myslela jsem, že to zaplatí domov.“",
                                           "“That's from when I was sixteen. I thought the home would pay it.”")),
            rating("worker", "unmet", 4)),
        need("need-education", "education", T("Ve druhém ročníku odešla z učebního oboru kuchař–číšník.",
                                               "She dropped out of the cook–waiter apprenticeship in the second year."),
             "medium", ["act-sos"],
             rating("client", "unmet", 3, T("„Vařit mě baví, jen mě nebavila ta škola.“", "“I like cooking, I just didn't like that school.”")),
             rating("worker", "unmet", 3)),
        need("need-work", "work", T("Nemá práci ani pracovní zkušenost kromě letních brigád.",
                                    "No job and no work experience apart from summer jobs."),
             "high", ["act-up-prace", "act-pekarna"],
             rating("client", "unmet", 4, T("„Chci vlastní peníze.“", "“I want my own money.”")), rating("worker", "unmet", 3)),
        need("need-household", "household", T(
            "V domově se nenaučila platit účty, nakupovat s rozpočtem ani jednat s pronajímatelem.",
            "At the home she never learned to pay bills, shop on a budget or deal with a landlord."),
            "medium", ["act-dpc"],
            rating("client", "met", 2, T("„Vařit umím, zbytek se naučím.“", "“I can cook, I'll learn the rest.”")),
            rating("worker", "unmet", 3),
            rating("actor", "unmet", 3, T("Na konci měsíce jí chybí na jídlo.", "She runs out of food money at the end of the month."),
                   actor="act-dpc")),
        need("need-social", "social_contacts", T(
            "Kamarádi z domova se rozutekli, v Brodcích zná jen kamarádku J. Večery jsou nejtěžší.",
            "Her friends from the home have scattered; in Brodce she only knows her friend J. Evenings are the hardest."),
            "high", ["act-mentorka", "act-kamaradka", "act-teta"],
            rating("client", "unmet", 4, T("„Nikoho nemám.“", "“I haven't got anyone.”")), rating("worker", "unmet", 3)),
        need("need-family", "family", T("Matka se závislostí se ozývá, když potřebuje peníze. S bratrem občasný kontakt.",
                                        "Her mother, who has an addiction, gets in touch when she needs money. Occasional contact with her brother."),
             "medium", ["act-matka", "act-bratr"],
             rating("client", "unmet", 3, T("„Máma volá, jen když něco chce.“", "“Mum only calls when she wants something.”")),
             rating("worker", "unmet", 3)),
        need("need-mental", "mental_health", T("Úzkosti a v noci záchvaty paniky; na psycholožku se čeká pět měsíců.",
                                               "Anxiety and panic attacks at night; five months' wait for a psychologist."),
             "medium", ["act-psycholog", "act-krizova"],
             rating("client", "unmet", 3), rating("worker", "unmet", 3)),
    ]

    actors = [
        actor("act-mu", T("Sociální odbor MěÚ Brodce", "Brodce social affairs department"), "public_administration",
              tie="strong", flow="to_client", since="2024-06-03", catalogue="svc-mu-brodce-sp",
              contact=T("Bc. O. Kratochvílová", "O. Kratochvílová"), provides=T("Case management.", "Case management.")),
        actor("act-dd", T("Dětský domov Brodce", "Brodce children's home"), "education", tie="tenuous",
              provides=T("Příprava na odchod, příspěvek při odchodu.", "Preparation for leaving; the leaving-care grant.")),
        actor("act-teta", T("Teta J., bývalá vychovatelka", "J., her former key worker"), "informal", kind="person",
              formal=False, tie="strong", flow="mutual",
              provides=T("Telefonáty, občas spolu jdou na kafe.", "Phone calls, coffee together now and then.")),
        actor("act-dpc", T("Dům na půl cesty Brodce", "Brodce halfway house"), "social", tie="strong", flow="mutual",
              since="2024-10-01", catalogue="svc-dpc",
              provides=T("Pokoj na rok, nácvik samostatnosti, následné doprovázení.",
                         "A room for a year, independent-living training, follow-up support.")),
        actor("act-up", T("Úřad práce – dávky, Brodce", "Labour Office – benefits, Brodce"), "finance", since="2024-08-05",
              catalogue="svc-up-brodce-davky", provides=T("Dávky v hmotné nouzi do nástupu do práce.",
                                                         "Material-need benefits until she started work.")),
        actor("act-up-prace", T("Úřad práce – zprostředkování", "Labour Office – job placement"), "employment",
              since="2024-08-05", catalogue="svc-up-zprostredkovani", provides=T("Evidence, nabídky práce.", "Registration, job offers.")),
        actor("act-pekarna", T("Sociální podnik Pekárna U Mlýna", "U Mlýna bakery (social enterprise)"), "employment",
              tie="strong", flow="mutual", since="2025-02-03", catalogue="svc-pekarna",
              provides=T("Práce pomocné kuchařky s pracovní asistentkou.", "A kitchen assistant job with a job coach.")),
        actor("act-sos", T("SOŠ Brodce – dálkové studium", "Brodce vocational school – distance course"), "education",
              since="2025-09-01", catalogue="svc-sos", provides=T("Dálkové studium oboru kuchař–číšník.",
                                                                 "Distance course for the cook–waiter certificate.")),
        actor("act-mentorka", T("Mentorka z Dobrovolnického centra Podlesí", "Volunteer mentor, Podlesí volunteer centre"),
              "community", kind="person", tie="strong", flow="mutual", since="2024-09-16", catalogue="svc-dobrovolnici",
              provides=T("Schůzka každý týden, podpora při jednáních.", "Meets her weekly; comes along to appointments.")),
        actor("act-psycholog", T("Ambulance klinické psychologie Brodce", "Clinical psychologist, Brodce"), "health",
              since="2024-12-09", catalogue="svc-psycholog", provides=T("Terapie úzkosti jednou za tři týdny.",
                                                                       "Anxiety therapy every three weeks.")),
        actor("act-krizova", T("Krizové centrum a linka důvěry Podlesí", "Podlesí crisis centre and helpline"), "social",
              since="2024-07-20", catalogue="svc-krizova", provides=T("Linka při nočních úzkostech.", "Helpline for the anxious nights.")),
        actor("act-exekutor", T("Dopravní podnik a exekutorský úřad", "Public transport company and bailiff's office"), "legal",
              tie="stressful", flow="from_client", provides=T("Vymáhání pokut.", "Enforcement of the fines.")),
        actor("act-kamaradka", T("Kamarádka J.", "Her friend J."), "informal", kind="person", formal=False, tie="strong",
              flow="mutual", provides=T("Gauč na přespání, společnost.", "A sofa to sleep on, company.")),
        actor("act-matka", T("Matka", "Mother"), "informal", kind="person", formal=False, tie="stressful", flow="from_client",
              provides=T("Žádá o peníze.", "Asks for money.")),
        actor("act-bratr", T("Starší bratr", "Older brother"), "informal", kind="person", formal=False, tie="tenuous",
              flow="mutual", provides=T("Občasné zprávy, pomohl se stěhováním.", "Occasional messages; helped with the move.")),
    ]

    goals = [
        goal("goal-home", T("Chci mít vlastní bydlení, kde si můžu zamknout.", "I want a place of my own where I can lock the door."),
             [T("Nemám kde spát.", "I have nowhere to sleep."),
              T("Přespávám u kamarádky.", "I sleep at my friend's."),
              T("Mám pokoj v domě na půl cesty.", "I have a room at the halfway house."),
              T("Bydlím v pronájmu a platím ho sama.", "I rent a place and pay for it myself."),
              T("Mám byt na svoje jméno a vím, že ho udržím.", "I have a flat in my name and I know I can keep it.")],
             baseline=-1, needs=["need-housing", "need-household"], created="2024-06-24"),
        goal("goal-school", T("Chci dodělat školu, abych měla výuční list.", "I want to finish school and get my certificate."),
             [T("Na školu jsem se vykašlala.", "I've given up on school."),
              T("Vím, kde a jak můžu studovat.", "I know where and how I can study."),
              T("Jsem přihlášená do dálkového studia.", "I'm enrolled on a distance course."),
              T("Mám za sebou první pololetí.", "I've completed the first term."),
              T("Mám výuční list.", "I have my certificate.")],
             baseline=-2, needs=["need-education"], created="2024-06-24"),
        goal("goal-work", T("Chci mít práci a vlastní peníze, abych si nemusela půjčovat.",
                            "I want a job and my own money so I don't have to borrow."),
             [T("Nemám žádný příjem.", "I have no income."),
              T("Mám dávky.", "I get benefits."),
              T("Mám práci aspoň na poloviční úvazek.", "I have at least a half-time job."),
              T("Mám stálou práci a splácím pokuty.", "I have a steady job and I'm paying off the fines."),
              T("Mám stálou práci, spořím a pokuty jsou zaplacené.", "I have a steady job, I save and the fines are paid.")],
             baseline=-2, needs=["need-work", "need-income", "need-debts"], created="2024-06-24"),
        goal("goal-people", T("Chci mít někoho, komu můžu zavolat, když je mi zle.", "I want someone I can call when I feel bad."),
             [T("Nemám nikoho.", "I have no one."),
              T("Mám kamarádku, ale bojím se jí volat moc často.", "I have my friend but I'm afraid to call her too often."),
              T("Mám mentorku a kamarádku, kterým můžu zavolat.", "I have a mentor and a friend I can call."),
              T("Chodím k psycholožce a vím, co dělat při panice.", "I see a psychologist and know what to do in a panic."),
              T("Mám partu lidí a zlé noci zvládám sama.", "I have a group of friends and get through bad nights on my own.")],
             baseline=-1, needs=["need-social", "need-mental", "need-family"], created="2024-06-24"),
    ]

    actions = [
        action("c-dpc-application", T("Podat přihlášku do Domu na půl cesty.", "Apply to the halfway house."),
               "client", "2024-06-24", "2024-07-05", "done", need="need-housing", goal="goal-home"),
        action("c-grant", T("Vyřídit příspěvek při odchodu z dětského domova a založit bankovní účet.",
                            "Arrange the leaving-care grant and open a bank account."),
               "act-dd", "2024-06-24", "2024-07-31", "done", need="need-income", goal="goal-work"),
        action("c-up", T("Zaregistrovat se na úřadu práce a požádat o dávky v hmotné nouzi.",
                         "Register with the Labour Office and apply for material-need benefits."),
               "client", "2024-06-24", "2024-08-15", "done", need="need-documents", goal="goal-work"),
        action("c-couch", T("Kamarádka J. nechá L. přespávat, než se uvolní místo v Domě na půl cesty.",
                            "J. lets L. stay until a place at the halfway house frees up."),
               "act-kamaradka", "2024-06-24", "2024-08-01", "done", need="need-housing", goal="goal-home"),
        action("c-mentor", T("Zprostředkovat mentorku z Dobrovolnického centra.", "Arrange a volunteer mentor."),
               "act-mu", "2024-06-24", "2024-09-30", "done", need="need-social", goal="goal-people"),
        action("c-fines", T("Zjistit, kolik a komu L. dluží.", "Find out how much L. owes and to whom."),
               "case_manager", "2024-06-24", "2024-09-30", "done", need="need-debts", goal="goal-work"),
        action("c-psych", T("Objednat se k psycholožce.", "Book an appointment with a psychologist."),
               "client", "2024-06-24", "2024-07-31", "done", need="need-mental", goal="goal-people"),
        action("c-fines-negotiate", T("Vyjednat s dopravním podnikem a exekutorem splátky pokut.",
                                      "Negotiate instalments for the fines with the transport company and the bailiff."),
               "case_manager", "2024-10-15", "2024-12-31", "done", need="need-debts", goal="goal-work"),
        action("c-debt-advice", T("Najít dluhovou poradnu pro posouzení, zda nejde o dluhy z doby nezletilosti, které lze napadnout.",
                                  "Find debt advice to check whether the fines from her childhood can be challenged."),
               "case_manager", "2024-10-15", "2024-12-31", "cancelled", need="need-debts", goal="goal-work"),
        action("c-job", T("Nastoupit na zkušební dobu do Pekárny U Mlýna.", "Start a trial period at the U Mlýna bakery."),
               "client", "2025-01-22", "2025-02-28", "done", need="need-work", goal="goal-work"),
        action("c-school", T("Podat přihlášku do dálkového studia oboru kuchař–číšník.", "Apply for the distance cook–waiter course."),
               "client", "2025-01-22", "2025-05-31", "done", need="need-education", goal="goal-school"),
        action("c-budget", T("Nácvik rozpočtu a placení plateb s pracovnicí Domu na půl cesty.",
                             "Practise budgeting and paying bills with the halfway house worker."),
               "act-dpc", "2025-01-22", "2025-04-30", "done", need="need-household", goal="goal-home"),
        action("c-room-search", T("Najít pronájem pokoje do konce pobytu v Domě na půl cesty.",
                                  "Find a room to rent before the halfway house stay ends."),
               "client", "2025-01-22", "2025-08-31", "done", need="need-housing", goal="goal-home"),
        action("c-move", T("Přestěhovat se do pokoje ve sdíleném bytě v Brodcích.", "Move into a room in a shared flat in Brodce."),
               "client", "2025-09-10", "2025-09-30", "done", need="need-housing", goal="goal-home"),
        action("c-followup", T("Následné doprovázení Domem na půl cesty tři měsíce po odchodu.",
                               "Three months of follow-up support from the halfway house after moving out."),
               "act-dpc", "2025-09-10", "2025-12-31", "done", need="need-household", goal="goal-home"),
        action("c-contract", T("Prodloužit pracovní smlouvu v pekárně na dobu neurčitou.", "Get the bakery contract made permanent."),
               "act-pekarna", "2025-09-10", "2026-01-31", "done", need="need-work", goal="goal-work"),
        action("c-closing", T("Připravit ukončení spolupráce: co L. zvládá sama a komu zavolá.",
                              "Prepare to close the case: what L. manages alone and whom she will call."),
               "case_manager", "2026-03-11", "2026-06-30", "done", goal="goal-people"),
    ]

    conferences = [
        conference(
            "conf-1", "2024-06-24",
            place=T("Dětský domov Brodce, společenská místnost", "Brodce children's home, common room"),
            facilitator=facilitator, minute_taker=minutes_dd,
            participants=[
                person(client, "client"), person(teta, "support_person", "act-teta"),
                person(facilitator, "facilitator"), person(minutes_dd, "minute_taker", "act-dd"),
                person(cm, "case_manager", "act-mu"), person(dd_sw, "professional", "act-dd"),
                person(director, "professional", "act-dd"), person(dpc, "professional", "act-dpc"),
                person(labour, "professional", "act-up-prace", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod, cíl a pravidla", "Introductions, aim and rules"), 10),
                item(T("Co chce L. po odchodu z domova", "What L. wants after leaving the home"), 15),
                item(T("Kde bude L. bydlet od srpna", "Where L. will live from August"), 15),
                item(T("Peníze, úřady a pokuty", "Money, offices and the fines"), 15),
                item(T("Na koho se může obrátit", "Who she can turn to"), 10),
                item(T("Úkoly a termíny", "Tasks and dates"), 10),
            ],
            decisions=[
                decision(T("L. odchází z dětského domova 31. 7. 2024 na vlastní přání.",
                           "L. leaves the children's home on 31 July 2024 at her own wish."),
                         T("Ředitel doporučuje zůstat v domově na základě dohody o prodloužení pobytu, dokud L. nedokončí školu.",
                           "The head recommends staying on under an extended-stay agreement until she finishes school."),
                         [director]),
                decision(T("Do uvolnění místa v Domě na půl cesty bude L. bydlet u kamarádky J.; když místo nebude do "
                           "konce září, zajistí case manažerka přechodně azylový dům.",
                           "Until a halfway house place frees up, L. will stay with her friend J.; if there is no place by "
                           "the end of September, the case manager will arrange a hostel place in the meantime.")),
            ],
            actions=["c-dpc-application", "c-grant", "c-up", "c-couch", "c-mentor", "c-fines", "c-psych"],
            next_review="2024-10-15",
        ),
        conference(
            "conf-2", "2025-01-22",
            place=T("Dům na půl cesty Brodce", "Brodce halfway house"),
            facilitator=facilitator, minute_taker=minutes_mu,
            participants=[
                person(client, "client"), person(mentor, "support_person", "act-mentorka"),
                person(facilitator, "facilitator"), person(minutes_mu, "minute_taker"),
                person(cm, "case_manager", "act-mu"), person(dpc, "professional", "act-dpc"),
                person(coach, "professional", "act-pekarna"),
                person(labour, "professional", "act-up-prace", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Půl roku po odchodu: co se povedlo", "Six months after leaving: what has worked"), 10),
                item(T("Nabídka práce v pekárně", "The job offer at the bakery"), 15),
                item(T("Škola: denní, nebo dálkové studium", "School: full-time or distance study"), 15),
                item(T("Bydlení po skončení pobytu v září", "Housing after the stay ends in September"), 10),
            ],
            decisions=[
                decision(T("L. nastoupí do pekárny na zkrácený úvazek a od září začne dálkové studium.",
                           "L. starts part-time at the bakery and begins the distance course in September.")),
                decision(T("Pracovnice Domu na půl cesty s L. do dubna nacvičí rozpočet a placení plateb.",
                           "The halfway house worker will practise budgeting and paying bills with L. until April.")),
            ],
            actions=["c-job", "c-school", "c-budget", "c-room-search"],
            next_review="2025-05-20",
        ),
        conference(
            "conf-3", "2025-09-10",
            place=T("Zasedací místnost MěÚ Brodce", "Meeting room, Brodce town office"),
            facilitator=facilitator, minute_taker=minutes_mu,
            participants=[
                person(client, "client"), person(mentor, "support_person", "act-mentorka"),
                person(facilitator, "facilitator"), person(minutes_mu, "minute_taker"),
                person(cm, "case_manager", "act-mu"), person(dpc, "professional", "act-dpc"),
                person(coach, "professional", "act-pekarna"), person(school, "professional", "act-sos"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Stěhování do sdíleného bytu", "Moving into the shared flat"), 15),
                item(T("Práce a škola zároveň", "Work and school at the same time"), 15),
                item(T("Jaká podpora po odchodu z Domu na půl cesty", "What support after leaving the halfway house"), 15),
            ],
            decisions=[
                decision(T("L. se do konce září přestěhuje do pokoje ve sdíleném bytě.",
                           "L. moves into a room in a shared flat by the end of September.")),
                decision(T("Dům na půl cesty bude L. ještě tři měsíce doprovázet.",
                           "The halfway house will continue to support L. for three more months."),
                         T("L. by podporu ukončila hned: „Já už to zvládnu sama.“",
                           "L. would end the support straight away: “I can manage on my own now.”"), [client]),
                decision(T("Pekárna upraví směny tak, aby L. mohla na konzultace do školy.",
                           "The bakery will adjust her shifts so she can attend school sessions.")),
            ],
            actions=["c-move", "c-followup", "c-contract"],
            next_review="2026-03-11",
        ),
    ]

    reviews = [
        review("rev-1", "2024-10-15",
               {"goal-home": 0, "goal-school": -2, "goal-work": -1, "goal-people": 0},
               [change("c-dpc-application", "done"), change("c-grant", "done"), change("c-up", "done"),
                change("c-couch", "done"), change("c-mentor", "done"), change("c-fines", "done"),
                change("c-psych", "in_progress", T("První termín až v prosinci.", "The first appointment is not until December."))],
               T("Od 1. 10. pokoj v Domě na půl cesty. Dluh za pokuty je 38 tisíc Kč, dluhová poradna v kraji není.",
                 "A room at the halfway house since 1 October. The fines add up to CZK 38,000; no debt advice in the region.")),
        review("rev-2", "2025-01-22",
               {"goal-home": 0, "goal-school": -1, "goal-work": -1, "goal-people": 1},
               [change("c-psych", "done"),
                change("c-fines-negotiate", "done", T("Splátky 500 Kč měsíčně, exekutor další náklady nepřipočte.",
                                                      "CZK 500 a month; the bailiff will add no further costs.")),
                change("c-debt-advice", "cancelled", T("V regionu není; řešeno splátkami.", "None in the region; settled by instalments."))],
               T("L. chodí k psycholožce a zná postup při panice.", "L. sees the psychologist and has a plan for panic attacks."),
               conference="conf-2"),
        review("rev-3", "2025-05-20",
               {"goal-home": 0, "goal-school": 0, "goal-work": 0, "goal-people": 1},
               [change("c-job", "done"), change("c-school", "done"), change("c-budget", "done"),
                change("c-room-search", "in_progress")],
               T("Zkušební dobu v pekárně úspěšně zvládla.", "She has passed her trial period at the bakery.")),
        review("rev-4", "2025-09-10",
               {"goal-home": 1, "goal-school": 0, "goal-work": 0, "goal-people": 1},
               [change("c-room-search", "done", T("Pokoj ve sdíleném bytě se dvěma studentkami.", "A room in a flat shared with two students."))],
               conference="conf-3"),
        review("rev-5", "2026-03-11",
               {"goal-home": 1, "goal-school": 1, "goal-work": 1, "goal-people": 1},
               [change("c-move", "done"), change("c-followup", "done"), change("c-contract", "done")],
               T("První pololetí dálkového studia zvládla. Pokuty splácí pravidelně.",
                 "She completed the first term of the course. She pays the fines regularly.")),
        review("rev-6", "2026-06-24",
               {"goal-home": 1, "goal-school": 1, "goal-work": 1, "goal-people": 2},
               [change("c-closing", "done")],
               T("Závěrečné hodnocení: L. bydlí, pracuje a studuje, s mentorkou se dál vídá.",
                 "Final review: L. has housing, a job and is studying; she still sees her mentor.")),
    ]

    return {
        "id": "example-young-adult-leaving-care",
        "client": {
            "display_name": T("Slečna L.", "Ms L."), "birth_year": 2006, "gender": "female",
            "municipality": T("Brodce nad Jalovkou", "Brodce nad Jalovkou"),
            "household": T("do července 2024 v dětském domově, pak u kamarádky, v Domě na půl cesty a ve sdíleném bytě",
                           "in a children's home until July 2024, then at a friend's, at the halfway house and in a shared flat"),
            "languages": [T("čeština", "Czech")],
            "consents": [
                consent("2024-06-03", "data_processing", CLIENT_F_GAVE),
                consent("2024-06-10", "sharing_with_network", CLIENT_F_GAVE),
                consent("2024-06-10", "case_conference", CLIENT_F_GAVE),
                consent("2026-06-24", "training_use", CLIENT_F_GAVE),
            ],
        },
        "case_manager": cm,
        "team_model": "individual",
        "phase": "closed",
        "phase_history": [
            phase("contact", "2024-06-03", T("Sociální pracovnice dětského domova požádala obec o spolupráci před odchodem L.",
                                             "The children's home social worker asked the municipality for help before L. left.")),
            phase("assessment", "2024-06-10"),
            phase("planning", "2024-06-24"),
            phase("linking", "2024-07-15"),
            phase("advocacy", "2024-10-15", T("Jednání s dopravním podnikem a exekutorem o pokutách z doby nezletilosti.",
                                              "Negotiations with the transport company and bailiff about the fines from her childhood.")),
            phase("monitoring", "2025-03-03"),
            phase("closed", "2026-06-24"),
        ],
        "target_group": T("mladí dospělí po odchodu z ústavní výchovy", "young adults leaving care"),
        "referral_source": T("Dětský domov Brodce", "Brodce children's home"),
        "request": T("„Chci si žít po svém, ale nechci skončit na ulici.“", "“I want to live my own way, but I don't want to end up on the street.”"),
        "strengths": [
            T("Baví ji vaření a je v kuchyni šikovná.", "She enjoys cooking and is good in the kitchen."),
            T("Umí si říct o pomoc, když někomu věří.", "She asks for help when she trusts someone."),
            T("Drží se kamarádky J. a bývalé vychovatelky.", "She stays close to her friend J. and her former key worker."),
        ],
        "wishes": [
            T("Mít vlastní byt s kočkou.", "To have her own flat with a cat."),
            T("Jednou pracovat v restauraci jako kuchařka.", "To work as a cook in a restaurant one day."),
        ],
        "opened": d("2024-06-03"),
        "closed": d("2026-06-24"),
        "closure_reason": "goals_achieved",
        "closure_note": T("Hlavní cíle splněny; L. se dál schází s mentorkou a ví, kam se obrátit.",
                          "The main goals are met; L. still meets her mentor and knows where to turn."),
        "needs": needs, "actors": actors, "goals": goals, "actions": actions, "reviews": reviews,
        "conferences": conferences,
        "crisis_plan": {
            "written_on": d("2025-01-29"),
            "when_well": T("Chodí do práce, vaří pro spolubydlící, o víkendu s kamarádkou do kina.",
                           "Goes to work, cooks for her flatmates, goes to the cinema with her friend at weekends."),
            "triggers": [T("telefonát od matky, která chce peníze", "a call from her mother asking for money"),
                         T("dopis od exekutora", "a letter from the bailiff"), T("samota o víkendu", "being alone at the weekend")],
            "early_signs": [T("nespí, v noci buší srdce", "cannot sleep, heart pounding at night"),
                            T("neodpovídá na zprávy", "stops answering messages")],
            "what_helps": T("Dechové cvičení od psycholožky, zavolat kamarádce nebo mentorce, jít ven.",
                            "The breathing exercise from the psychologist, calling her friend or mentor, going outside."),
            "what_harms": T("Když jí někdo říká, že to přehání.", "Being told she is overreacting."),
            "contacts": [
                contact(T("Kamarádka J.", "Her friend J."), T("kdykoli", "any time")),
                contact(T("Mentorka", "Mentor"), T("do 21 hodin", "until 9 p.m.")),
                contact(T("Linka důvěry Podlesí", "Podlesí helpline"), T("nonstop", "around the clock")),
            ],
            "medication": T("Žádné léky.", "No medication."),
            "copies_to": [T("L.", "L."), T("mentorka", "mentor"), T("case manažerka", "case manager")],
        },
        "language": "cs",
    }


# ---------------------------------------------------------------------------------------------
# d. psychosis-homelessness: a man with psychosis and no home, assertive community team
# ---------------------------------------------------------------------------------------------
def psychosis_homelessness() -> dict:
    cm = T("Mgr. D. Vondrová (case manažerka CDZ Podlesí)", "D. Vondrová (case manager, Podlesí mental health centre)")
    lead = T("Vedoucí týmu CDZ (vede konferenci)", "Mental health team leader (chair)")
    nurse = T("Sestra CDZ (zápis)", "Mental health team nurse (minutes)")
    client = T("Pan R. (klient)", "Mr R. (client)")
    peer = T("Peer konzultant CDZ (podpůrná osoba)", "Peer worker (support person)")
    psychiatrist = T("Psychiatrička týmu CDZ", "Team psychiatrist")
    outreach = T("Terénní pracovník Terénního programu Podlesí", "Street outreach worker")
    daycentre = T("Pracovnice denního centra", "Day centre worker")
    municipal = T("Sociální pracovník obce", "Municipal social worker")
    probation = T("Probační úřednice", "Probation officer")
    shelter = T("Pracovník azylového domu", "Hostel key worker")
    sister = T("Sestra pana R.", "Mr R.'s sister")
    hospital_sw = T("Sociální pracovnice psychiatrické nemocnice", "Psychiatric hospital social worker")

    needs = [
        need("need-housing", "housing", T(
            "Dva roky bez bydlení: nádraží, noclehárna. Obec nemá sociální byty, podpora samostatného bydlení má pořadník.",
            "Homeless for two years: the railway station, the night shelter. The town has no social housing and "
            "supported living has a waiting list."),
            "high", ["act-nocleharna", "act-ad", "act-psb"],
            rating("client", "unmet", 5, T("„Chci někde mít klid a svoje klíče.“", "“I want somewhere quiet and my own keys.”")),
            rating("worker", "unmet", 5)),
        need("need-mental", "mental_health", T(
            "Paranoidní schizofrenie, dvě hospitalizace (2021, 2023). Po propuštění léky vysadil. Ambulantní psychiatr "
            "v regionu nové pacienty nebere, péči převzala psychiatrička týmu CDZ.",
            "Paranoid schizophrenia, two hospital admissions (2021, 2023). Stopped his medication after discharge. "
            "No outpatient psychiatrist in the region takes new patients; the mental health team's psychiatrist took over."),
            "high", ["act-cdz", "act-psychiatr", "act-pn"],
            rating("client", "no_need", None, T("„Nejsem nemocný. Jen mě pořád někdo sleduje.“",
                                                "“I'm not ill. Someone just keeps watching me.”")),
            rating("worker", "unmet", 5),
            rating("actor", "unmet", 5, T("Bez léčby vysoké riziko další hospitalizace.",
                                          "Without treatment a high risk of another admission."), actor="act-psychiatr")),
        need("need-income", "income", T(
            "Bez příjmu. Dávky mu zastavili, protože nepřišel na schůzku. O invalidní důchod nikdy nežádal.",
            "No income. His benefits were stopped when he missed an appointment. He has never applied for a disability pension."),
            "high", ["act-up", "act-ossz"],
            rating("client", "unmet", 4, T("„Nemám ani na jídlo.“", "“I can't even afford food.”")), rating("worker", "unmet", 5)),
        need("need-documents", "documents", T("Ztracený občanský průkaz, trvalý pobyt zrušený.",
                                              "Lost ID card; his permanent address has been cancelled."),
             "high", ["act-evidence"],
             rating("client", "unmet", 2), rating("worker", "unmet", 4)),
        need("need-physical", "physical_health", T(
            "Infikované rány na nohou, bolavé zuby. Nemá praktického lékaře – v Brodcích nikdo nové pacienty nebere.",
            "Infected wounds on his feet, bad teeth. No GP: nobody in Brodce takes new patients."),
            "high", ["act-dzp", "act-pl"],
            rating("client", "unmet", 3, T("„Nohy bolí, když hodně chodím.“", "“My feet hurt when I walk a lot.”")),
            rating("worker", "unmet", 4)),
        need("need-food", "food", T("Jí nepravidelně, hlavně v denním centru.", "Eats irregularly, mostly at the day centre."),
             "medium", ["act-dc"],
             rating("client", "unmet", 3), rating("worker", "unmet", 3)),
        need("need-addiction", "addiction", T("Několikrát týdně kouří marihuanu, podle týmu to zhoršuje psychózu.",
                                              "Smokes cannabis several times a week; the team thinks it worsens the psychosis."),
             "medium", ["act-kamarad"],
             rating("client", "no_need", None, T("„Tráva mi pomáhá spát.“", "“Weed helps me sleep.”")),
             rating("worker", "unmet", 3)),
        need("need-safety", "safety", T(
            "Dvakrát ho v noci okradli. V akutní fázi v roce 2023 chodil po kolejích.",
            "Robbed twice at night. In the acute episode in 2023 he walked along the railway tracks."),
            "high", ["act-cdz", "act-policie"],
            rating("client", "unmet", 3, T("„V noci se bojím.“", "“I'm scared at night.”")), rating("worker", "unmet", 4)),
        need("need-legal", "legal", T(
            "Podmíněný trest za krádež jídla (2023) s dohledem probační služby; pokuty za přespávání na nádraží.",
            "A suspended sentence for stealing food (2023) under probation supervision; fines for sleeping at the station."),
            "medium", ["act-pms"],
            rating("client", "unmet", 2), rating("worker", "unmet", 3)),
        need("need-debts", "debts", T(
            "Poplatky za pobyt v nemocnici, pokuty a starý dluh za telefon – odhadem 60 tisíc Kč. Dluhové poradenství v regionu chybí.",
            "Hospital charges, fines and an old phone debt, an estimated CZK 60,000. There is no debt counselling in the region."),
            "low", [],
            rating("client", "unknown", None), rating("worker", "unmet", 3)),
        need("need-social", "social_contacts", T(
            "Se sestrou nemluví od roku 2022. Kromě kamaráda z ulice nikoho nemá.",
            "Has not spoken to his sister since 2022. Apart from a friend from the street he has nobody."),
            "medium", ["act-sestra", "act-kamarad"],
            rating("client", "unmet", 4, T("„Chybí mi ségra a malej.“", "“I miss my sister and the little one.”")),
            rating("worker", "unmet", 3)),
        need("need-work", "work", T("Dny bez programu; dřív se vyučil truhlářem.", "Days without anything to do; he trained as a joiner."),
             "low", ["act-std"],
             rating("client", "unmet", 2, T("„Chtěl bych zase něco dělat rukama.“", "“I'd like to make things with my hands again.”")),
             rating("worker", "unmet", 2)),
    ]

    actors = [
        actor("act-cdz", T("Centrum duševního zdraví Podlesí – multidisciplinární tým", "Podlesí mental health centre – multidisciplinary team"),
              "health", tie="strong", flow="mutual", since="2023-10-09", catalogue="svc-cdz",
              contact=T("Mgr. D. Vondrová", "D. Vondrová"),
              provides=T("Case management, denní kontakt v krizi, psychiatrická péče, sestra, peer konzultant.",
                         "Case management, daily contact in a crisis, psychiatric care, a nurse and a peer worker.")),
        actor("act-psychiatr", T("Psychiatrička týmu CDZ", "Team psychiatrist"), "health", kind="person", since="2023-11-20",
              catalogue="svc-cdz", provides=T("Léčba, kontroly jednou za 14 dní.", "Treatment, check-ups every two weeks.")),
        actor("act-peer", T("Peer konzultant CDZ", "Peer worker"), "health", kind="person", tie="strong", flow="mutual",
              since="2023-10-23", catalogue="svc-cdz",
              provides=T("Vlastní zkušenost s psychózou; doprovází, pomáhá s krizovým plánem.",
                         "His own experience of psychosis; accompanies Mr R. and helps with the crisis plan.")),
        actor("act-pn", T("Psychiatrická nemocnice Horní Podlesí", "Horní Podlesí Psychiatric Hospital"), "health",
              tie="stressful", catalogue="svc-pn",
              provides=T("Hospitalizace 2021, 2023 a 2025.", "Admissions in 2021, 2023 and 2025.")),
        actor("act-terenni", T("Terénní program Podlesí", "Podlesí street outreach"), "social", tie="strong",
              since="2023-09-12", catalogue="svc-terenni-program",
              provides=T("První kontakt na nádraží, spacák, doprovod do CDZ.", "First contact at the station, a sleeping bag, took him to the centre.")),
        actor("act-nocleharna", T("Noclehárna Brodce", "Brodce night shelter"), "social", since="2023-10-20",
              catalogue="svc-nocleharna", provides=T("Nocleh za 30 Kč.", "A bed for the night for CZK 30.")),
        actor("act-ad", T("Azylový dům Brodce", "Brodce hostel for homeless adults"), "social", tie="strong", flow="mutual",
              since="2024-06-03", catalogue="svc-azylovy-dum",
              provides=T("Pokoj, klíčový pracovník, hospodaření s penězi.", "A room, a key worker, help with money.")),
        actor("act-dc", T("Nízkoprahové denní centrum Brodce", "Brodce drop-in day centre"), "social", tie="strong",
              since="2023-10-09", catalogue="svc-denni-centrum",
              provides=T("Jídlo, sprcha, podávání léků pod dohledem.", "Food, a shower, supervised medication.")),
        actor("act-psb", T("Podpora samostatného bydlení Krok", "Krok supported living"), "social", tie="strong",
              since="2026-02-02", catalogue="svc-psb", provides=T("Podpora v podnájmu dvakrát týdně.", "Support at the flat twice a week.")),
        actor("act-up", T("Úřad práce – dávky, Brodce", "Labour Office – benefits, Brodce"), "finance", tie="stressful",
              catalogue="svc-up-brodce-davky",
              provides=T("Dávky v hmotné nouzi, příspěvek na bydlení.", "Material-need benefits, housing allowance.")),
        actor("act-ossz", T("Okresní správa sociálního zabezpečení", "District Social Security Office"), "finance",
              since="2024-05-20", catalogue="svc-ossz", provides=T("Invalidní důchod.", "Disability pension.")),
        actor("act-evidence", T("Evidence obyvatel MěÚ Brodce", "Brodce population register"), "public_administration",
              since="2023-11-27", catalogue="svc-mu-brodce-evidence",
              provides=T("Nový občanský průkaz, trvalý pobyt na adrese úřadu.", "New ID card; permanent address at the town office.")),
        actor("act-mu", T("Sociální odbor MěÚ Brodce", "Brodce social affairs department"), "public_administration",
              since="2023-11-20", catalogue="svc-mu-brodce-sp", provides=T("Sociální práce obce, jednání s úřady.",
                                                                          "Municipal social work; dealings with offices.")),
        actor("act-pl", T("Praktičtí lékaři – Zdravotní středisko Brodce", "GPs – Brodce health centre"), "health",
              since="2025-01-08", catalogue="svc-pl-brodce",
              provides=T("Registrace výjimkou po žádosti psychiatričky CDZ.", "Registered as an exception at the team psychiatrist's request.")),
        actor("act-dzp", T("Domácí zdravotní péče Charity", "Charity home nursing"), "health", since="2023-11-27",
              catalogue="svc-dzp", provides=T("Převazy ran v denním centru.", "Dressing the wounds at the day centre.")),
        actor("act-std", T("Sociálně terapeutická dílna Ruce", "Ruce therapeutic workshop"), "social", since="2025-06-02",
              catalogue="svc-std", provides=T("Dřevodílna dvakrát týdně.", "Woodwork twice a week.")),
        actor("act-policie", T("Policie ČR – obvodní oddělení Brodce", "Police – Brodce station"), "legal", tie="stressful",
              flow="none", catalogue="svc-policie", provides=T("Zásahy na nádraží, převoz při krizi 2025.",
                                                               "Call-outs at the station; transport during the 2025 crisis.")),
        actor("act-pms", T("Probační a mediační služba Brodce", "Brodce Probation Service"), "legal", since="2023-06-15",
              catalogue="svc-pms", provides=T("Dohled ve zkušební době do srpna 2024.", "Supervision during probation until August 2024.")),
        actor("act-krizova", T("Krizová linka Podlesí", "Podlesí crisis line"), "social", since="2024-02-20",
              catalogue="svc-krizova", provides=T("Nonstop linka v krizovém plánu.", "24-hour line named in the crisis plan.")),
        actor("act-sestra", T("Sestra", "Sister"), "informal", kind="person", formal=False, tie="tenuous", flow="mutual",
              provides=T("Od Vánoc 2024 opět v kontaktu; synovec.", "Back in touch since Christmas 2024; his nephew.")),
        actor("act-kamarad", T("Kamarád z ulice pan F.", "Mr F., a friend from the street"), "informal", kind="person",
              formal=False, tie="stressful", flow="mutual",
              provides=T("Hlídá mu věci, ale nabízí trávu.", "Looks after his things but offers him weed.")),
        actor("act-pronajimatel", T("Majitelka garsoniéry", "Owner of the studio flat"), "housing", kind="person",
              since="2026-02-01", provides=T("Podnájem garsoniéry na rok.", "Sublet of a studio flat for a year.")),
    ]

    goals = [
        goal("goal-keys", T("Chci mít vlastní klíče od místa, kde budu sám a v bezpečí.",
                            "I want my own keys to a place where I can be alone and safe."),
             [T("Spím venku nebo na nádraží.", "I sleep outside or at the station."),
              T("Spím v noclehárně.", "I sleep at the night shelter."),
              T("Mám pokoj v azylovém domě.", "I have a room at the hostel."),
              T("Bydlím v podnájmu s podporou a platím nájem.", "I rent a flat with support and pay the rent."),
              T("Bydlím v podnájmu přes rok a zvládám to sám.", "I've rented for over a year and manage on my own.")],
             baseline=-2, needs=["need-housing", "need-safety"], created="2024-01-10"),
        goal("goal-calm", T("Chci mít klid v hlavě a nechci zpátky do léčebny.", "I want peace in my head and not to go back to hospital."),
             [T("Jsem znovu v nemocnici proti své vůli.", "I'm back in hospital against my will."),
              T("Hlasy mě trápí a léky beru jen občas.", "The voices bother me and I take my pills only now and then."),
              T("Léky beru pravidelně a půl roku jsem nebyl v nemocnici.", "I take my medication regularly and haven't been in hospital for six months."),
              T("Poznám, kdy se mi přitěžuje, a sám řeknu o pomoc.", "I notice when I'm getting worse and ask for help myself."),
              T("Rok bez hospitalizace a krizový plán umím použít sám.", "A year without hospital and I can use the crisis plan on my own.")],
             baseline=-1, needs=["need-mental", "need-addiction"], created="2024-01-10", weight=2.0),
        goal("goal-money", T("Chci mít svoje peníze, abych nemusel nikoho prosit.", "I want my own money so I don't have to beg anyone."),
             [T("Nemám žádný příjem.", "I have no income."),
              T("Mám dávky, ale často mi je zastaví.", "I get benefits but they often stop them."),
              T("Mám stálý příjem bez výpadků.", "I have a steady income with no gaps."),
              T("Mám invalidní důchod a vyjdu s ním do konce měsíce.", "I have a disability pension and it lasts the month."),
              T("Mám důchod a něco si ušetřím.", "I have a pension and save a little.")],
             baseline=-2, needs=["need-income", "need-documents", "need-debts"], created="2024-01-10"),
        goal("goal-sister", T("Chci se zas vídat se ségrou a synovcem.", "I want to see my sister and my nephew again."),
             [T("Se sestrou nejsme v kontaktu.", "My sister and I are not in touch."),
              T("Poslal jsem sestře zprávu.", "I've sent my sister a message."),
              T("Viděli jsme se aspoň jednou.", "We've met at least once."),
              T("Vídáme se jednou za měsíc.", "We meet once a month."),
              T("Jezdím k sestře na návštěvy i na Vánoce.", "I visit my sister, at Christmas too.")],
             baseline=-2, needs=["need-social"], created="2024-01-10"),
    ]

    actions = [
        action("d-id", T("Podat žádost o nový občanský průkaz a trvalý pobyt na adrese úřadu.",
                         "Apply for a new ID card and a permanent address at the town office."),
               "case_manager", "2023-11-20", "2023-12-15", "done", need="need-documents", goal="goal-money"),
        action("d-benefits", T("Obnovit dávky v hmotné nouzi (doprovod na úřad práce).", "Get the material-need benefits restored (accompanied)."),
               "case_manager", "2023-11-20", "2023-12-31", "done", need="need-income", goal="goal-money"),
        action("d-wounds", T("Převazy ran na nohou třikrát týdně v denním centru.", "Dress the foot wounds three times a week at the day centre."),
               "act-dzp", "2023-11-20", "2024-01-15", "done", need="need-physical"),
        action("d-meds", T("Léky ráno pod dohledem v denním centru.", "Morning medication under supervision at the day centre."),
               "act-dc", "2024-01-10", "2024-01-31", "done", need="need-mental", goal="goal-calm"),
        action("d-psychiatrist", T("Kontroly u psychiatričky CDZ jednou za 14 dní, v případě potřeby doma nebo v denním centru.",
                                   "Check-ups with the team psychiatrist every two weeks, at the day centre if needed."),
               "act-psychiatr", "2024-01-10", "2024-01-24", "done", need="need-mental", goal="goal-calm"),
        action("d-ad", T("Podat přihlášku do azylového domu.", "Apply for a hostel place."),
               "client", "2024-01-10", "2024-02-15", "done", need="need-housing", goal="goal-keys"),
        action("d-gp", T("Najít praktického lékaře, který pana R. zaregistruje.", "Find a GP who will register Mr R."),
               "case_manager", "2024-01-10", "2024-04-30", "done", need="need-physical"),
        action("d-pension", T("Podat žádost o invalidní důchod.", "Apply for a disability pension."),
               "act-cdz", "2024-01-10", "2024-05-31", "done", need="need-income", goal="goal-money"),
        action("d-crisis-plan", T("Sepsat krizový plán s peer konzultantem.", "Write a crisis plan with the peer worker."),
               "act-peer", "2024-01-10", "2024-02-29", "done", need="need-mental", goal="goal-calm"),
        action("d-pms", T("Chodit na schůzky s probační úřednicí jednou měsíčně (s doprovodem peer konzultanta).",
                          "Attend monthly probation appointments (with the peer worker)."),
               "client", "2024-01-10", "2024-08-31", "done", need="need-legal"),
        action("d-psb", T("Podat přihlášku do podpory samostatného bydlení.", "Apply for supported living."),
               "act-cdz", "2024-09-04", "2024-09-30", "done", need="need-housing", goal="goal-keys"),
        action("d-sister", T("Napsat sestře dopis; peer konzultant pomůže s formulací.", "Write to his sister; the peer worker will help with the wording."),
               "client", "2024-09-04", "2024-10-31", "done", need="need-social", goal="goal-sister"),
        action("d-budget", T("Týdenní rozpočet z důchodu s klíčovým pracovníkem azylového domu.", "A weekly budget with the hostel key worker."),
               "act-ad", "2024-09-04", "2024-11-30", "done", need="need-income", goal="goal-money"),
        action("d-debt-advice", T("Sepsat dluhy a najít dluhovou poradnu.", "List the debts and find debt counselling."),
               "case_manager", "2024-09-04", "2024-12-31", "blocked", need="need-debts", goal="goal-money"),
        action("d-depot", T("Přejít na depotní injekci jednou za čtyři týdny (podává sestra CDZ).",
                            "Switch to a depot injection every four weeks (given by the team nurse)."),
               "act-psychiatr", "2025-04-09", "2025-04-30", "done", need="need-mental", goal="goal-calm"),
        action("d-crisis-update", T("Aktualizovat krizový plán podle zkušenosti z března.", "Update the crisis plan in the light of March."),
               "act-peer", "2025-04-09", "2025-04-30", "done", need="need-mental", goal="goal-calm"),
        action("d-std", T("Vyzkoušet dřevodílnu v sociálně terapeutické dílně Ruce.", "Try the woodwork group at the Ruce workshop."),
               "client", "2025-04-09", "2025-06-30", "done", need="need-work"),
        action("d-cannabis", T("Omezit trávu na víkendy, mluvit o tom s peer konzultantem.", "Cut cannabis down to weekends; talk it over with the peer worker."),
               "client", "2025-04-09", "2025-06-30", "in_progress", need="need-addiction", goal="goal-calm"),
        action("d-flat", T("Najít podnájem garsoniéry a nastoupit do podpory samostatného bydlení.",
                           "Find a studio flat to rent and start supported living."),
               "act-psb", "2025-10-08", "2026-02-28", "done", need="need-housing", goal="goal-keys"),
    ]

    conferences = [
        conference(
            "conf-1", "2024-01-10",
            place=T("CDZ Podlesí, malá zasedačka", "Podlesí mental health centre, small meeting room"),
            facilitator=lead, minute_taker=nurse,
            participants=[
                person(client, "client"), person(peer, "support_person", "act-peer"),
                person(lead, "facilitator", "act-cdz"), person(nurse, "minute_taker", "act-cdz"),
                person(cm, "case_manager", "act-cdz"), person(psychiatrist, "professional", "act-psychiatr"),
                person(outreach, "professional", "act-terenni"), person(daycentre, "professional", "act-dc"),
                person(municipal, "professional", "act-mu"),
                person(probation, "professional", "act-pms", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod, pravidla a co pan R. od setkání čeká", "Introductions, rules and what Mr R. expects"), 10),
                item(T("Jak se panu R. žije teď", "How life is for Mr R. now"), 10),
                item(T("Léčba: co je pro pana R. přijatelné", "Treatment: what Mr R. can accept"), 15),
                item(T("Střecha nad hlavou a peníze", "A roof and money"), 15),
                item(T("Plán a krizový plán", "The plan and the crisis plan"), 10),
            ],
            decisions=[
                decision(T("Léky bude pan R. brát ústy každé ráno pod dohledem v denním centru.",
                           "Mr R. will take oral medication every morning under supervision at the day centre."),
                         T("Psychiatrička by kvůli spolehlivosti doporučila depotní injekci.",
                           "The psychiatrist would recommend a depot injection for reliability."), [psychiatrist]),
                decision(T("Tým sestru pana R. nekontaktuje bez jeho souhlasu.", "The team will not contact his sister without his consent.")),
                decision(T("Do uvolnění místa v azylovém domě zůstává noclehárna, denní centrum drží jeho věci.",
                           "Until a hostel place frees up he stays at the night shelter; the day centre keeps his belongings.")),
            ],
            actions=["d-meds", "d-psychiatrist", "d-ad", "d-gp", "d-pension", "d-crisis-plan", "d-pms"],
            next_review="2024-04-17",
            notes=T("Pan R. seděl u dveří a po 40 minutách odešel; závěr dojednal peer konzultant s ním venku.",
                    "Mr R. sat by the door and left after 40 minutes; the peer worker agreed the rest with him outside."),
        ),
        conference(
            "conf-2", "2024-09-04",
            place=T("Azylový dům Brodce, společenská místnost", "Brodce hostel, common room"),
            facilitator=lead, minute_taker=nurse,
            participants=[
                person(client, "client"), person(peer, "support_person", "act-peer"),
                person(lead, "facilitator", "act-cdz"), person(nurse, "minute_taker", "act-cdz"),
                person(cm, "case_manager", "act-cdz"), person(psychiatrist, "professional", "act-psychiatr"),
                person(shelter, "professional", "act-ad"), person(municipal, "professional", "act-mu"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Tři měsíce v azylovém domě", "Three months at the hostel"), 10),
                item(T("Co dál s bydlením", "What next for housing"), 15),
                item(T("Peníze a dluhy", "Money and debts"), 15),
                item(T("Sestra", "His sister"), 10),
            ],
            decisions=[
                decision(T("Tým podá přihlášku do podpory samostatného bydlení.", "The team will apply for supported living."),
                         T("Pracovník azylového domu považuje samostatné bydlení za předčasné a doporučuje ještě rok v AD.",
                           "The hostel key worker thinks independent living is premature and recommends another year at the hostel."),
                         [shelter]),
                decision(T("Pan R. napíše sestře dopis; tým ji kontaktuje, jen pokud odpoví.",
                           "Mr R. will write to his sister; the team will contact her only if she replies.")),
                decision(T("Dluhy se sepíšou; protože dluhová poradna v regionu není, budou se zatím jen evidovat.",
                           "The debts will be listed; as there is no debt counselling in the region, for now they are only recorded.")),
            ],
            actions=["d-psb", "d-sister", "d-budget", "d-debt-advice"],
            next_review="2025-01-15",
        ),
        conference(
            "conf-3", "2025-04-09",
            place=T("CDZ Podlesí, velká zasedačka", "Podlesí mental health centre, main meeting room"),
            facilitator=lead, minute_taker=nurse,
            participants=[
                person(client, "client"), person(peer, "support_person", "act-peer"),
                person(sister, "family", "act-sestra"), person(lead, "facilitator", "act-cdz"),
                person(nurse, "minute_taker", "act-cdz"), person(cm, "case_manager", "act-cdz"),
                person(psychiatrist, "professional", "act-psychiatr"), person(shelter, "professional", "act-ad"),
                person(hospital_sw, "professional", "act-pn"),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Co se stalo v březnu – pohled pana R.", "What happened in March – Mr R.'s view"), 15),
                item(T("Co fungovalo a co ne v krizovém plánu", "What worked in the crisis plan and what didn't"), 15),
                item(T("Léčba po propuštění", "Treatment after discharge"), 10),
                item(T("Denní program a tráva", "Daytime activity and cannabis"), 10),
            ],
            decisions=[
                decision(T("Pan R. přechází na depotní injekci jednou za čtyři týdny; podávat ji bude sestra CDZ v azylovém domě.",
                           "Mr R. switches to a depot injection every four weeks, given by the team nurse at the hostel.")),
                decision(T("Sestra pana R. bude v krizovém plánu uvedena jako kontakt.", "His sister will be named as a contact in the crisis plan.")),
                decision(T("Pan R. omezí trávu na víkendy.", "Mr R. will limit cannabis to weekends."),
                         T("Psychiatrička by doporučila úplnou abstinenci; pan R. souhlasí jen s omezením.",
                           "The psychiatrist would recommend stopping altogether; Mr R. agrees only to cut down."), [psychiatrist]),
            ],
            actions=["d-depot", "d-crisis-update", "d-std", "d-cannabis"],
            next_review="2025-10-08",
            notes=T("Konference týden po propuštění z nemocnice. Pan R. vyprávěl, že si v únoru přestal brát léky po výročí smrti matky.",
                    "Held a week after discharge. Mr R. said he stopped his medication in February after the anniversary of his mother's death."),
        ),
    ]

    reviews = [
        review("rev-1", "2024-04-17",
               {"goal-keys": -1, "goal-calm": 0, "goal-money": -1, "goal-sister": -2},
               [change("d-id", "done"), change("d-benefits", "done"), change("d-wounds", "done"),
                change("d-meds", "done"), change("d-psychiatrist", "done"), change("d-crisis-plan", "done"),
                change("d-ad", "in_progress", T("Čtvrtý v pořadí.", "Fourth on the list.")),
                change("d-gp", "blocked", T("Oba praktici v Brodcích odmítli, v Ostružné Lhotě berou jen místní.",
                                            "Both Brodce GPs refused; Ostružná Lhota registers only local residents.")),
                change("d-pension", "in_progress"), change("d-pms", "in_progress")],
               T("Léky bere pod dohledem, hlasy slábnou. Spí v noclehárně.", "He takes his medication under supervision; the voices are fading. Sleeps at the night shelter.")),
        review("rev-2", "2024-09-04",
               {"goal-keys": 0, "goal-calm": 0, "goal-money": -1, "goal-sister": -2},
               [change("d-ad", "done", T("Nastěhoval se 3. 6. 2024.", "Moved in on 3 June 2024.")),
                change("d-pms", "done", T("Zkušební doba skončila bez porušení.", "Probation ended without breaches."))],
               conference="conf-2"),
        review("rev-3", "2025-01-15",
               {"goal-keys": 0, "goal-calm": 1, "goal-money": 1, "goal-sister": 0},
               [change("d-pension", "done", T("Invalidní důchod třetího stupně od prosince.", "Third-degree disability pension from December.")),
                change("d-gp", "done", T("Registrace výjimkou po žádosti psychiatričky.", "Registered as an exception after the psychiatrist asked.")),
                change("d-psb", "done", T("V pořadníku, odhad rok.", "On the waiting list, about a year.")),
                change("d-sister", "done", T("Sestra odpověděla, o Vánocích se sešli.", "His sister replied; they met at Christmas.")),
                change("d-budget", "done"),
                change("d-debt-advice", "blocked", T("Dluhová poradna v regionu není.", "There is no debt counselling in the region."))],
               T("Dobré období, pan R. se sám ozval, když špatně spal.", "A good period; Mr R. got in touch himself when he slept badly.")),
        review("rev-4", "2025-03-20",
               {"goal-keys": 0, "goal-calm": -2, "goal-money": 1, "goal-sister": 0},
               [],
               T("Mimořádné hodnocení: od 3. 3. hospitalizace bez souhlasu. Peer konzultant varovné znaky zachytil, ale "
                 "pan R. pomoc odmítl. Azylový dům mu drží pokoj.",
                 "Ad hoc review: admitted without consent on 3 March. The peer worker spotted the warning signs but "
                 "Mr R. refused help. The hostel is keeping his room.")),
        review("rev-5", "2025-10-08",
               {"goal-keys": 0, "goal-calm": 0, "goal-money": 1, "goal-sister": 1},
               [change("d-depot", "done"), change("d-crisis-update", "done"), change("d-std", "done"),
                change("d-cannabis", "in_progress", T("Podle sebe kouří jen o víkendu.", "By his own account he smokes only at weekends."))]),
        review("rev-6", "2026-04-15",
               {"goal-keys": 1, "goal-calm": 1, "goal-money": 1, "goal-sister": 1},
               [change("d-flat", "done", T("Garsoniéra od 1. 2. 2026, podpora samostatného bydlení od 2. 2.",
                                           "Studio flat from 1 February 2026, supported living from 2 February."))],
               T("První zima ve vlastním. Platí nájem z důchodu a příspěvku na bydlení.",
                 "His first winter in his own place. He pays the rent from his pension and housing allowance.")),
        review("rev-7", "2026-10-14",
               {"goal-keys": 1, "goal-calm": 2, "goal-money": 1, "goal-sister": 1},
               [], T("Rok a půl bez hospitalizace; v srpnu si sám řekl o častější návštěvy, když se mu zhoršil spánek.",
                     "A year and a half without a hospital stay; in August he asked for more frequent visits himself when his sleep got worse.")),
    ]

    return {
        "id": "example-psychosis-homelessness",
        "client": {
            "display_name": T("Pan R.", "Mr R."), "birth_year": 1984, "gender": "male",
            "municipality": T("Brodce nad Jalovkou", "Brodce nad Jalovkou"),
            "household": T("bez domova; od června 2024 azylový dům, od února 2026 sám v podnájmu",
                           "homeless; a hostel from June 2024, a rented studio flat on his own from February 2026"),
            "languages": [T("čeština", "Czech")],
            "consents": [
                consent("2023-11-20", "data_processing", CLIENT_GAVE),
                consent("2023-11-20", "case_conference", CLIENT_GAVE),
                consent("2023-11-20", "sharing_with_network", CLIENT_GAVE, withdrawn=d("2024-01-10")),
                consent("2024-01-10", "sharing_with_network", T("klient (bez sdílení se sestrou)", "the client (not with his sister)")),
                consent("2025-10-08", "training_use", CLIENT_GAVE),
            ],
        },
        "case_manager": cm,
        "team_model": "assertive_community",
        "phase": "monitoring",
        "phase_history": [
            phase("contact", "2023-10-09", T("Terénní pracovník přivedl pana R. z nádraží do denního centra; první setkání s týmem.",
                                             "The outreach worker brought Mr R. from the station to the day centre; first meeting with the team.")),
            phase("assessment", "2023-11-20"),
            phase("planning", "2024-01-10"),
            phase("linking", "2024-02-01"),
            phase("advocacy", "2024-04-17", T("Žádost o invalidní důchod, jednání o registraci u lékaře.",
                                              "Disability pension claim; negotiating a GP registration.")),
            phase("monitoring", "2024-09-04"),
            phase("planning", "2025-04-09", T("Nové plánování po hospitalizaci.", "Re-planning after the hospital stay.")),
            phase("monitoring", "2025-05-05"),
        ],
        "target_group": T("lidé s vážným duševním onemocněním bez domova", "homeless people with severe mental illness"),
        "referral_source": T("Terénní program Podlesí", "Podlesí street outreach"),
        "request": T("„Chci, aby mě nechali na pokoji a abych měl kde spát.“", "“I want to be left alone and to have somewhere to sleep.”"),
        "strengths": [
            T("Vyučený truhlář, šikovné ruce.", "A trained joiner, good with his hands."),
            T("Důvěřuje peer konzultantovi.", "Trusts the peer worker."),
            T("Když je v pohodě, je vtipný a hraje na kytaru.", "When he is well he is funny and plays the guitar."),
            T("Dodržuje dohody, které sám navrhne.", "Keeps to agreements he proposes himself."),
        ],
        "wishes": [
            T("Mít vlastní dílnu.", "To have a workshop of his own."),
            T("Vzít synovce na ryby.", "To take his nephew fishing."),
        ],
        "opened": d("2023-10-09"),
        "needs": needs, "actors": actors, "goals": goals, "actions": actions, "reviews": reviews,
        "conferences": conferences,
        "crisis_plan": {
            "written_on": d("2025-04-23"),
            "when_well": T("Klidný a vtipný, hraje v denním centru na kytaru, chodí na ryby, pomáhá s úklidem.",
                           "Calm and funny; plays the guitar at the day centre, goes fishing, helps with the cleaning."),
            "triggers": [T("málo spánku", "lack of sleep"), T("hádky na pokoji", "rows in the room"),
                         T("tráva během týdne", "cannabis on weekdays"), T("vynechané léky", "missed medication"),
                         T("výročí smrti matky v únoru", "the anniversary of his mother's death in February")],
            "early_signs": [T("nespí a celou noc chodí po městě", "doesn't sleep and walks the town all night"),
                            T("zakrývá okna, mluví o kamerách", "covers the windows, talks about cameras"),
                            T("odmítá jídlo, že je otrávené", "refuses food, saying it is poisoned"),
                            T("nepřijde na injekci", "misses his injection")],
            "what_helps": T("Klidná přítomnost peer konzultanta, procházka, čaj, rozhovor bez vyptávání na hlasy, tichý "
                            "pokoj; návštěva psychiatričky CDZ do 24 hodin.",
                            "The peer worker's calm presence, a walk, tea, talking without questions about the voices, "
                            "a quiet room; a visit from the team psychiatrist within 24 hours."),
            "what_harms": T("Křik, uniformy, držení za ruce, vícelůžkový pokoj.", "Shouting, uniforms, being held by the arms, a shared ward."),
            "contacts": [
                contact(T("Peer konzultant CDZ", "Peer worker"), T("ve všední dny", "weekdays")),
                contact(T("Case manažerka CDZ", "Case manager"), T("ve všední dny", "weekdays")),
                contact(T("Psychiatrička CDZ", "Team psychiatrist"), T("přes tým do 24 hodin", "through the team, within 24 hours")),
                contact(T("Krizová linka Podlesí", "Podlesí crisis line"), T("nonstop", "around the clock")),
                contact(T("Sestra", "Sister"), T("jen se souhlasem pana R.", "only with Mr R.'s agreement")),
            ],
            "preferred_treatment": T("Nejdřív častější návštěvy týmu; když to nestačí, dobrovolný pobyt na otevřeném oddělení "
                                     "v Horním Podlesí.",
                                     "First more frequent team visits; if that is not enough, a voluntary stay on the open "
                                     "ward in Horní Podlesí."),
            "refused_treatment": T("Lék, po kterém měl ztuhlé svaly (zapsán v dokumentaci CDZ); převoz v poutech.",
                                   "The drug that made his muscles stiff (recorded in the team's file); being transported in handcuffs."),
            "medication": T("Depotní injekce jednou za čtyři týdny (sestra CDZ); lék na spaní podle potřeby.",
                            "Depot injection every four weeks (team nurse); a sleeping pill when needed."),
            "allergies": T("Penicilin.", "Penicillin."),
            "dependants_care": T("Nikoho v péči nemá; kytaru a věci uschová pracovnice podpory bydlení.",
                                 "No dependants; the supported-living worker will keep his guitar and belongings."),
            "copies_to": [T("pan R.", "Mr R."), T("tým CDZ", "mental health team"), T("podpora samostatného bydlení", "supported living"),
                          T("sestra (se souhlasem)", "sister (with consent)")],
        },
        "language": "cs",
    }


# ---------------------------------------------------------------------------------------------
# e. carer-disabled-relative: a mother caring for her adult son with severe disabilities
# ---------------------------------------------------------------------------------------------
def carer_disabled_relative() -> dict:
    cm = T("Bc. M. Šťastná (sociální pracovnice obce, case manažerka)", "M. Šťastná (municipal social worker, case manager)")
    facilitator = T("Mgr. R. Kolář (koordinátor podpory ORP Ostružná Lhota)", "R. Kolář (support coordinator, Ostružná Lhota)")
    minute_taker = T("Pracovnice sociálního odboru (zápis)", "Social department officer (minutes)")
    client = T("Paní H. (klientka)", "Ms H. (client)")
    daughter = T("Dcera paní H.", "Ms H.'s daughter")
    son = T("Syn P.", "Her son P.")
    neighbour = T("Soused pan D. (podpůrná osoba)", "Neighbour Mr D. (support person)")
    mayor = T("Starostka Vřesové", "Mayor of Vřesová")
    carers = T("Poradkyně Poradny pro pečující", "Carers' advice worker")
    respite = T("Koordinátorka terénní odlehčovací služby", "Home respite coordinator")
    respite_home = T("Sociální pracovnice Domova Na Stráni", "Na Stráni Care Home social worker")
    labour = T("Sociální pracovnice úřadu práce", "Labour Office social worker")
    gp = T("Praktická lékařka paní H.", "Ms H.'s GP")
    lawyer = T("Advokátka právní poradny", "Legal advice lawyer")
    assistant = T("Osobní asistentka P.", "P.'s personal assistant")

    needs = [
        need("need-care", "care_for_others", T(
            "Syn P. (28) s dětskou mozkovou obrnou, mentálním postižením a epilepsií potřebuje pomoc se vším, "
            "i v noci. Paní H. pečuje sama bez střídání už šest let.",
            "Her son P. (28), who has cerebral palsy, an intellectual disability and epilepsy, needs help with "
            "everything, at night too. Ms H. has cared for him alone, without a break, for six years."),
            "high", ["act-syn", "act-odlehcovaci-teren", "act-odlehcovaci", "act-asistence"],
            rating("client", "unmet", 5, T("„Jsem na to sama čtyřiadvacet hodin denně.“", "“I'm on my own with it twenty-four hours a day.”")),
            rating("worker", "unmet", 5),
            rating("actor", "unmet", 4, T("Máma nemá ani den volna.", "Mum doesn't get a single day off."), actor="act-dcera")),
        need("need-mental", "mental_health", T(
            "Vyčerpání, nespavost, pláč; sama říká, že už nemůže. Psychiatr v Ostružné Lhotě nové pacienty nebere.",
            "Exhaustion, insomnia, tears; she says she cannot go on. The psychiatrist in Ostružná Lhota takes no new patients."),
            "high", ["act-pecujici", "act-pl"],
            rating("client", "unmet", 4), rating("worker", "unmet", 4),
            rating("actor", "unmet", 5, T("Máma je na pokraji sil.", "Mum is at the end of her tether."), actor="act-dcera")),
        need("need-physical", "physical_health", T(
            "Výhřez ploténky; operaci odkládá dva roky, protože se o P. nemá kdo postarat.",
            "A slipped disc; she has postponed surgery for two years because nobody could look after P."),
            "high", ["act-pl", "act-nemocnice"],
            rating("client", "unmet", 4, T("„Záda mě bolí při každém zvedání.“", "“My back hurts every time I lift him.”")),
            rating("worker", "unmet", 4),
            rating("actor", "unmet", 4, T("Operace je nutná do jednoho roku.", "Surgery is needed within a year."), actor="act-pl")),
        need("need-income", "income", T(
            "P. má příspěvek na péči ve III. stupni, podle rozsahu péče mu náleží IV. Paní H. nemá vlastní příjem.",
            "P. gets care allowance at level III; the care he needs corresponds to level IV. Ms H. has no income of her own."),
            "medium", ["act-up", "act-pravnik"],
            rating("client", "unmet", 3), rating("worker", "unmet", 3)),
        need("need-work", "work", T("Dříve účetní; ráda by pracovala pár hodin týdně z domova.",
                                    "A former accountant; she would like to work a few hours a week from home."),
             "low", ["act-prace"],
             rating("client", "unmet", 2, T("„Chybí mi, že dělám i něco jiného než péči.“", "“I miss doing something other than caring.”")),
             rating("worker", "unmet", 2)),
        need("need-mobility", "mobility", T(
            "Auto prodala; stacionář je 25 km daleko v Brodcích, svoz jezdí jen dvakrát týdně, autobusem s vozíkem to nejde.",
            "She sold the car; the day centre is 25 km away in Brodce, its transport runs only twice a week and the bus "
            "cannot take the wheelchair."),
            "medium", ["act-soused", "act-obec", "act-stacionar"],
            rating("client", "unmet", 4), rating("worker", "unmet", 4)),
        need("need-household", "household", T("Koupelna není bezbariérová; P. přenáší do vany sama.",
                                              "The bathroom is not accessible; she lifts P. into the bath herself."),
             "medium", ["act-up"],
             rating("client", "unmet", 3), rating("worker", "unmet", 4)),
        need("need-legal", "legal", T(
            "P. je plnoletý a paní H. nemá oprávnění jednat za něj (banka, pošta, lékaři).",
            "P. is an adult and Ms H. has no authority to act for him (bank, post office, doctors)."),
            "medium", ["act-soud", "act-pravnik"],
            rating("client", "unmet", 3, T("„Na poště mi nechtěli vydat jeho důchod.“", "“The post office wouldn't hand me his pension.”")),
            rating("worker", "unmet", 3)),
        need("need-social", "social_contacts", T("Za posledních pět let skoro nikam nevyšla.",
                                                 "She has hardly been out anywhere in the last five years."),
             "medium", ["act-svepomocna"],
             rating("client", "unmet", 3), rating("worker", "unmet", 3)),
        need("need-family", "family", T("Dcera žije v Praze; s matkou se neshodnou, jak zajistit péči o P. do budoucna.",
                                        "Her daughter lives in Prague; mother and daughter disagree about P.'s future care."),
             "low", ["act-dcera"],
             rating("client", "unmet", 2), rating("worker", "unmet", 2),
             rating("actor", "unmet", 3, T("Chci, abychom měly plán, než se něco stane.", "I want us to have a plan before something happens."),
                    actor="act-dcera")),
    ]

    actors = [
        actor("act-mu", T("Sociální odbor MěÚ Ostružná Lhota", "Ostružná Lhota social department"), "public_administration",
              tie="strong", since="2025-01-20", catalogue="svc-mu-ostruzna-sp", contact=T("Bc. M. Šťastná", "M. Šťastná"),
              provides=T("Case management.", "Case management.")),
        actor("act-syn", T("Syn P.", "Her son P."), "informal", kind="person", formal=False, tie="strong", flow="mutual",
              provides=T("Radost, úsměv, společné procházky; potřebuje celodenní péči.",
                         "Joy, smiles, walks together; needs round-the-clock care.")),
        actor("act-dcera", T("Dcera (žije v Praze)", "Daughter (lives in Prague)"), "informal", kind="person", formal=False,
              tie="tenuous", flow="mutual", provides=T("Přijede na víkendy, když může; pomáhá s papíry.",
                                                       "Comes at weekends when she can; helps with paperwork.")),
        actor("act-soused", T("Soused pan D.", "Neighbour Mr D."), "informal", kind="person", formal=False, tie="strong",
              provides=T("Odvoz autem, pohlídá P. na pár hodin.", "Lifts by car; can mind P. for a few hours.")),
        actor("act-obec", T("Obecní úřad Vřesová", "Vřesová village office"), "public_administration", tie="strong",
              since="2025-01-20", contact=T("starostka", "the mayor"),
              provides=T("Obecní auto s řidičem jednou týdně, upozornila sociální odbor.",
                         "The village car with a driver once a week; alerted the social department.")),
        actor("act-pecujici", T("Poradna pro pečující", "Carers' advice centre"), "social", tie="strong", flow="mutual",
              since="2025-02-10", catalogue="svc-pecujici", provides=T("Poradenství, psychická podpora, pomoc s žádostmi.",
                                                                      "Advice, emotional support, help with applications.")),
        actor("act-svepomocna", T("Svépomocná skupina pečujících Nejsme sami", "Nejsme sami carers' group"), "informal",
              formal=False, tie="strong", flow="mutual", since="2025-04-08", catalogue="svc-svepomocna",
              provides=T("Setkání jednou měsíčně, vzájemné hlídání.", "Monthly meetings; carers mind each other's relatives.")),
        actor("act-odlehcovaci", T("Odlehčovací služba Domov Na Stráni", "Na Stráni respite stays"), "social",
              since="2025-03-20", catalogue="svc-odlehcovaci", provides=T("Pobyt P. na dobu operace.", "A stay for P. during the surgery.")),
        actor("act-odlehcovaci-teren", T("Terénní odlehčovací služba Charity", "Charity respite at home"), "social",
              tie="strong", since="2025-06-06", catalogue="svc-odlehcovaci-teren",
              provides=T("Jeden víkend v měsíci u P. doma.", "One weekend a month with P. at home.")),
        actor("act-stacionar", T("Denní stacionář Slunečnice", "Slunečnice day centre"), "social", since="2025-03-20",
              catalogue="svc-stacionar", provides=T("Pořadník; přeplněno.", "Waiting list; over capacity.")),
        actor("act-asistence", T("Osobní asistence Podlesí", "Podlesí personal assistance"), "social", tie="strong",
              since="2026-03-02", catalogue="svc-osobni-asistence",
              provides=T("Dvě odpoledne týdně s P.", "Two afternoons a week with P.")),
        actor("act-up", T("Úřad práce, pracoviště Ostružná Lhota", "Labour Office, Ostružná Lhota branch"), "finance",
              tie="stressful", catalogue="svc-up-ostruzna-davky",
              provides=T("Příspěvek na péči, příspěvek na zvláštní pomůcku.", "Care allowance, grant for special aids.")),
        actor("act-pravnik", T("Právní poradna pro seniory a pečující", "Legal advice for older people and carers"), "legal",
              since="2025-04-15", catalogue="svc-pravnik-seniori",
              provides=T("Odvolání proti rozhodnutí o příspěvku, návrh na zastoupení.", "The appeal on care allowance; the representation petition.")),
        actor("act-soud", T("Okresní soud v Brodcích", "Brodce District Court"), "legal", flow="none", since="2025-05-26",
              catalogue="svc-soud", provides=T("Schválení zastoupení členem domácnosti.", "Approval of representation by a household member.")),
        actor("act-pl", T("Praktická lékařka Ostružná Lhota", "GP, Ostružná Lhota"), "health",
              catalogue="svc-pl-ostruzna", provides=T("Lékařka paní H. i P.", "GP for both Ms H. and P.")),
        actor("act-nemocnice", T("Nemocnice Brodce – neurochirurgie", "Brodce Hospital – neurosurgery"), "health",
              since="2025-05-05", catalogue="svc-nemocnice", provides=T("Operace páteře.", "Spinal surgery.")),
        actor("act-prace", T("Účetní kancelář v Ostružné Lhotě", "Accountancy office in Ostružná Lhota"), "employment",
              since="2026-06-01", provides=T("Práce z domova 10 hodin týdně.", "Ten hours a week working from home.")),
    ]

    goals = [
        goal("goal-rest", T("Chci se aspoň jednou za měsíc vyspat a mít víkend pro sebe.",
                            "I want a proper night's sleep and a weekend to myself at least once a month."),
             [T("Nemám ani jeden den volna.", "I don't have a single day off."),
              T("Občas mě na pár hodin vystřídá soused nebo dcera.", "Now and then the neighbour or my daughter takes over for a few hours."),
              T("Jeden víkend v měsíci se o P. postará někdo jiný.", "One weekend a month someone else looks after P."),
              T("K tomu mám každý týden jedno volné odpoledne.", "And I have one free afternoon every week."),
              T("Mám pravidelné volno a jednou za rok týden dovolené.", "I have regular time off and a week's holiday once a year.")],
             baseline=-2, needs=["need-care", "need-mental"], created="2025-03-05", weight=2.0),
        goal("goal-surgery", T("Chci jít na operaci zad a vědět, že P. je mezitím v dobrých rukou.",
                               "I want to have my back operation and know P. is in good hands meanwhile."),
             [T("Operaci zase odkládám, protože P. nemá kdo hlídat.", "I postpone the operation again because there is no one to look after P."),
              T("Mám termín operace, ale péče o P. jistá není.", "I have a date for the operation but P.'s care is not certain."),
              T("Jsem po operaci a P. byl celou dobu na odlehčovacím pobytu.", "I've had the operation and P. was on a respite stay the whole time."),
              T("Jsem po rehabilitaci a záda mě při zvedání nebolí.", "I've finished rehab and lifting doesn't hurt my back."),
              T("Péči zvládám bez bolesti a mám zvedák.", "I manage the care without pain and have a hoist.")],
             baseline=-2, needs=["need-physical", "need-household"], created="2025-03-05"),
        goal("goal-future", T("Chci mít jistotu, co bude s P., až to nezvládnu.", "I want to be sure what will happen to P. when I can't manage."),
             [T("Nechci o tom mluvit.", "I don't want to talk about it."),
              T("Mluvíme o tom s dcerou, ale nic nemáme.", "My daughter and I talk about it but have nothing in place."),
              T("Zastoupení P. je vyřízené a vím, jaké jsou možnosti.", "P.'s representation is sorted and I know the options."),
              T("P. je v pořadníku chráněného bydlení a zkusil si pobyt mimo domov.", "P. is on the sheltered housing list and has tried a stay away from home."),
              T("S dcerou i P. máme plán, se kterým všichni souhlasíme.", "My daughter, P. and I have a plan we all agree with.")],
             baseline=-1, needs=["need-legal", "need-family"], created="2025-03-05"),
        goal("goal-people", T("Chci zase chodit mezi lidi.", "I want to get out among people again."),
             [T("Z domu vycházím jen na nákup.", "I leave the house only to go shopping."),
              T("Jednou za čas si zavolám s kamarádkou.", "Now and then I phone a friend."),
              T("Jednou měsíčně chodím na setkání pečujících.", "I go to the carers' meeting once a month."),
              T("Chodím i jinam, třeba do knihovny nebo na zahrádku ke kamarádce.", "I go to other places too, like the library or a friend's garden."),
              T("Mám pravidelný koníček a přátele, se kterými se vídám.", "I have a regular hobby and friends I see.")],
             baseline=-2, needs=["need-social", "need-mental"], created="2025-03-05"),
        goal("goal-income", T("Chci, aby P. dostával příspěvek, jaký mu patří, a já si mohla trochu přivydělat.",
                              "I want P. to get the allowance he is entitled to and to earn a little myself."),
             [T("Příspěvek zůstal ve III. stupni a dál nic nedělám.", "The allowance stays at level III and I do nothing more."),
              T("Odvolání je podané.", "The appeal is in."),
              T("P. má příspěvek ve IV. stupni.", "P. gets the level IV allowance."),
              T("Navíc mám zvedák z příspěvku na zvláštní pomůcku.", "I also have a hoist paid by the special aids grant."),
              T("Navíc si vydělávám z domova.", "And I earn some money from home.")],
             baseline=-2, needs=["need-income", "need-work"], created="2025-03-05"),
    ]

    actions = [
        action("e-carer-advice", T("Konzultace v Poradně pro pečující: dávky, volno, psychická podpora.",
                                   "Meeting at the carers' advice centre: benefits, time off, emotional support."),
               "act-pecujici", "2025-03-05", "2025-03-31", "done", need="need-mental", goal="goal-rest"),
        action("e-respite-booking", T("Objednat odlehčovací pobyt pro P. na dobu operace.", "Book a respite stay for P. for the time of the surgery."),
               "case_manager", "2025-03-05", "2025-04-30", "done", need="need-care", goal="goal-surgery"),
        action("e-respite-home", T("Terénní odlehčovací služba jeden víkend v měsíci.", "Home respite one weekend a month."),
               "act-odlehcovaci-teren", "2025-03-05", "2025-06-30", "done", need="need-care", goal="goal-rest"),
        action("e-surgery-date", T("Domluvit termín operace tak, aby navazoval na odlehčovací pobyt.",
                                   "Fix the surgery date to match the respite stay."),
               "client", "2025-03-05", "2025-05-31", "done", need="need-physical", goal="goal-surgery"),
        action("e-allowance-review", T("Požádat o zvýšení příspěvku na péči pro P.", "Apply for an increase of P.'s care allowance."),
               "client", "2025-03-05", "2025-03-31", "done", need="need-income", goal="goal-income"),
        action("e-representation", T("Podat soudu návrh na schválení zastoupení P. členem domácnosti.",
                                     "Petition the court to approve Ms H. representing P. as a household member."),
               "act-pravnik", "2025-03-05", "2025-06-30", "done", need="need-legal", goal="goal-future"),
        action("e-group", T("Vyzkoušet svépomocnou skupinu Nejsme sami (P. mezitím pohlídá soused).",
                            "Try the Nejsme sami carers' group (the neighbour minds P.)."),
               "client", "2025-03-05", "2025-04-30", "done", need="need-social", goal="goal-people"),
        action("e-stacionar", T("Zapsat P. do pořadníku denního stacionáře.", "Put P. on the day centre waiting list."),
               "case_manager", "2025-03-05", "2025-03-31", "done", need="need-care", goal="goal-rest"),
        action("e-assistance", T("Podat přihlášku do osobní asistence.", "Apply for personal assistance."),
               "case_manager", "2025-03-05", "2025-03-31", "done", need="need-care", goal="goal-rest"),
        action("e-village-car", T("Obec nabídne obecní auto s řidičem jednou týdně k lékaři a na nákup.",
                                  "The village offers its car and driver once a week for the doctor and shopping."),
               "act-obec", "2025-03-05", "2025-04-01", "done", need="need-mobility"),
        action("e-appeal", T("Odvolat se proti zamítnutí vyššího příspěvku (s právní poradnou).",
                             "Appeal against the refusal of the higher allowance (with the legal advice service)."),
               "act-pravnik", "2025-05-14", "2025-06-15", "done", need="need-income", goal="goal-income"),
        action("e-hoist", T("Požádat o příspěvek na zvláštní pomůcku – stropní zvedák.", "Apply for the special aids grant for a ceiling hoist."),
               "client", "2025-09-10", "2025-10-31", "done", need="need-household", goal="goal-surgery"),
        action("e-handover", T("Sepsat pro odlehčovací pobyt přehled péče o P. (léky, záchvaty, polohování).",
                               "Write a care summary for the respite stay (medication, seizures, positioning)."),
               "client", "2025-09-10", "2025-11-03", "done", need="need-care", goal="goal-surgery"),
        action("e-daughter-visit", T("Dcera bude v listopadu dva týdny doma a bude P. na pobytu navštěvovat.",
                                     "The daughter will stay for two weeks in November and visit P. during his stay."),
               "act-dcera", "2025-09-10", "2025-11-30", "done", need="need-family", goal="goal-surgery"),
        action("e-assistance-start", T("Osobní asistence dvě odpoledne týdně, jakmile se uvolní místo.",
                                       "Personal assistance two afternoons a week as soon as a place frees up."),
               "act-asistence", "2026-01-14", "2026-03-31", "done", need="need-care", goal="goal-rest"),
        action("e-sheltered", T("Podat žádost o chráněné bydlení Na Mlýnku.", "Apply for Na Mlýnku sheltered housing."),
               "client", "2026-05-13", "2026-06-30", "done", need="need-family", goal="goal-future"),
        action("e-trial-stay", T("P. si vyzkouší víkendový pobyt v chráněném bydlení, až bude volné místo.",
                                 "P. will try a weekend at the sheltered housing when a place is free."),
               "case_manager", "2026-05-13", "2026-10-31", "blocked", need="need-family", goal="goal-future"),
        action("e-work", T("Domluvit práci z domova pro účetní kancelář, 10 hodin týdně.", "Arrange ten hours a week of home-based accountancy work."),
               "client", "2026-05-13", "2026-09-30", "done", need="need-work", goal="goal-income"),
    ]

    conferences = [
        conference(
            "conf-1", "2025-03-05",
            place=T("Obecní úřad Vřesová, zasedačka", "Vřesová village office, meeting room"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(daughter, "family", "act-dcera"),
                person(neighbour, "support_person", "act-soused"), person(facilitator, "facilitator"),
                person(minute_taker, "minute_taker", "act-mu"), person(cm, "case_manager", "act-mu"),
                person(mayor, "professional", "act-obec"), person(carers, "professional", "act-pecujici"),
                person(respite, "professional", "act-odlehcovaci-teren"),
                person(labour, "professional", "act-up", attended=False, ack=False),
                person(gp, "professional", "act-pl", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod, cíl a pravidla mlčenlivosti", "Introductions, aim, confidentiality"), 10),
                item(T("Den paní H. a P. – jak vypadá", "A day in the life of Ms H. and P."), 15),
                item(T("Operace zad: co musí být zajištěno", "The back surgery: what must be in place"), 15),
                item(T("Volno pro paní H.", "Time off for Ms H."), 15),
                item(T("Doprava a pomoc obce", "Transport and help from the village"), 10),
                item(T("Budoucnost P.", "P.'s future"), 10),
                item(T("Úkoly a další termín", "Tasks and the next date"), 5),
            ],
            decisions=[
                decision(T("Prioritou je zajistit péči o P. na dobu operace matky; pobyt se objedná hned.",
                           "The priority is P.'s care during his mother's surgery; the stay will be booked at once.")),
                decision(T("Chráněné bydlení pro P. se zatím neřeší; téma se otevře na jaře 2026.",
                           "Sheltered housing for P. is not on the table for now; it will be reopened in spring 2026."),
                         T("Dcera by žádost podala hned, protože pořadník je dlouhý.",
                           "The daughter would apply now because the waiting list is long."), [daughter]),
                decision(T("Obec nabídne jednou týdně obecní auto s řidičem.", "The village will offer its car with a driver once a week.")),
            ],
            actions=["e-carer-advice", "e-respite-booking", "e-respite-home", "e-surgery-date", "e-allowance-review",
                     "e-representation", "e-group", "e-stacionar", "e-assistance", "e-village-car"],
            next_review="2025-05-14",
            notes=T("P. zůstal během konference se sousedem doma; jeho pohled tlumočila paní H. a dcera.",
                    "P. stayed at home with the neighbour during the conference; Ms H. and the daughter conveyed his view."),
        ),
        conference(
            "conf-2", "2025-09-10",
            place=T("Obecní úřad Vřesová, zasedačka", "Vřesová village office, meeting room"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(daughter, "family", "act-dcera"), person(facilitator, "facilitator"),
                person(minute_taker, "minute_taker", "act-mu"), person(cm, "case_manager", "act-mu"),
                person(respite_home, "professional", "act-odlehcovaci"), person(carers, "professional", "act-pecujici"),
                person(lawyer, "professional", "act-pravnik", attended=False, ack=False),
            ],
            agenda=[
                item(T("Úvod a pravidla", "Introductions and rules"), 5),
                item(T("Co se podařilo od března", "What has worked since March"), 10),
                item(T("Operace a pobyt P. v listopadu", "The surgery and P.'s stay in November"), 20),
                item(T("Pomůcky a úprava koupelny", "Aids and the bathroom"), 10),
                item(T("Úkoly do ledna", "Tasks until January"), 5),
            ],
            decisions=[
                decision(T("P. bude na odlehčovacím pobytu od 3. do 21. 11. 2025, operace je 5. 11.",
                           "P. will be on a respite stay from 3 to 21 November 2025; the surgery is on 5 November.")),
                decision(T("Paní H. požádá o příspěvek na stropní zvedák.", "Ms H. will apply for a grant for a ceiling hoist.")),
            ],
            actions=["e-hoist", "e-handover", "e-daughter-visit"],
            next_review="2026-01-14",
        ),
        conference(
            "conf-3", "2026-05-13",
            place=T("Domácnost paní H., Vřesová", "Ms H.'s home, Vřesová"),
            facilitator=facilitator, minute_taker=minute_taker,
            participants=[
                person(client, "client"), person(son, "family", "act-syn", consent=True, ack=False),
                person(daughter, "family", "act-dcera"), person(neighbour, "support_person", "act-soused"),
                person(facilitator, "facilitator"), person(minute_taker, "minute_taker", "act-mu"),
                person(cm, "case_manager", "act-mu"), person(assistant, "professional", "act-asistence"),
                person(carers, "professional", "act-pecujici"),
            ],
            agenda=[
                item(T("Úvod a pravidla (P. je u stolu s námi)", "Introductions and rules (P. is at the table with us)"), 10),
                item(T("Jak se daří po operaci", "How things are going after the surgery"), 10),
                item(T("Budoucnost P.: chráněné bydlení", "P.'s future: sheltered housing"), 25),
                item(T("Práce z domova", "Working from home"), 10),
                item(T("Úkoly a termín hodnocení", "Tasks and the review date"), 5),
            ],
            decisions=[
                decision(T("Paní H. podá žádost o chráněné bydlení Na Mlýnku; P. si nejdřív vyzkouší víkendový pobyt.",
                           "Ms H. will apply for Na Mlýnku sheltered housing; P. will first try a weekend stay.")),
                decision(T("Žádost se podá jen do chráněného bydlení v regionu, ne do domova mimo kraj.",
                           "The application goes only to sheltered housing in the region, not to a home outside it."),
                         T("Dcera by podala žádost i do domova pro lidi s postižením mimo kraj, kde je kratší pořadník.",
                           "The daughter would also apply to a home for disabled people outside the region with a shorter list."),
                         [daughter]),
                decision(T("Paní H. začne od června pracovat 10 hodin týdně z domova; využije k tomu odpoledne, kdy je s P. asistentka.",
                           "Ms H. starts working ten hours a week from home in June, using the assistant's afternoons.")),
            ],
            actions=["e-sheltered", "e-trial-stay", "e-work"],
            next_review="2026-11-11",
            notes=T("P. byl u začátku konference a na otázku, jestli chce zkusit bydlet s kamarády, se usmál a přikývl.",
                    "P. joined the start of the conference; asked whether he would like to try living with friends, he smiled and nodded."),
        ),
    ]

    reviews = [
        review("rev-1", "2025-05-14",
               {"goal-rest": -1, "goal-surgery": -1, "goal-future": -1, "goal-people": 0, "goal-income": -2},
               [change("e-carer-advice", "done"),
                change("e-respite-booking", "done", T("Pobyt rezervován na listopad, dřív volno není.", "A stay booked for November; nothing earlier.")),
                change("e-respite-home", "in_progress", T("Třetí v pořadí.", "Third on the list.")),
                change("e-surgery-date", "done"),
                change("e-allowance-review", "done", T("Úřad práce zvýšení zamítl.", "The Labour Office refused the increase.")),
                change("e-representation", "in_progress"), change("e-group", "done"),
                change("e-stacionar", "done", T("Šestý v pořadníku.", "Sixth on the list.")),
                change("e-assistance", "done", T("V pořadníku, kapacita plná.", "On the waiting list; no free capacity.")),
                change("e-village-car", "done")],
               T("Paní H. byla poprvé po letech na setkání pečujících.", "Ms H. went to a carers' meeting for the first time in years.")),
        review("rev-2", "2025-09-10",
               {"goal-rest": 0, "goal-surgery": -1, "goal-future": 0, "goal-people": 0, "goal-income": 0},
               [change("e-respite-home", "done", T("Od června jeden víkend v měsíci.", "One weekend a month since June.")),
                change("e-representation", "done", T("Soud zastoupení schválil v srpnu.", "The court approved the representation in August.")),
                change("e-appeal", "done", T("Odvolání uspělo, IV. stupeň od června.", "The appeal succeeded; level IV from June."))],
               conference="conf-2"),
        review("rev-3", "2026-01-14",
               {"goal-rest": 0, "goal-surgery": 0, "goal-future": 0, "goal-people": 1, "goal-income": 1},
               [change("e-hoist", "done", T("Zvedák namontován v prosinci.", "The hoist was installed in December.")),
                change("e-handover", "done"), change("e-daughter-visit", "done")],
               T("Operace proběhla 5. 11., P. zvládl pobyt dobře.", "The surgery took place on 5 November; P. coped well with his stay.")),
        review("rev-4", "2026-05-13",
               {"goal-rest": 1, "goal-surgery": 1, "goal-future": 0, "goal-people": 1, "goal-income": 1},
               [change("e-assistance-start", "done", T("Od 2. 3. dvě odpoledne týdně.", "Two afternoons a week since 2 March."))],
               conference="conf-3"),
        review("rev-5", "2026-11-11",
               {"goal-rest": 1, "goal-surgery": 2, "goal-future": 0, "goal-people": 1, "goal-income": 2},
               [change("e-sheltered", "done", T("P. je devátý v pořadníku.", "P. is ninth on the list.")),
                change("e-work", "done"),
                change("e-trial-stay", "blocked", T("Chráněné bydlení nemá volné místo ani na víkend.",
                                                    "The sheltered housing has no free place, not even for a weekend."))],
               T("Záda bez bolesti, paní H. pracuje z domova. Budoucnost P. zůstává otevřená kvůli kapacitě chráněného bydlení.",
                 "No back pain; Ms H. works from home. P.'s future stays open because sheltered housing has no capacity.")),
    ]

    return {
        "id": "example-carer-disabled-relative",
        "client": {
            "display_name": T("Paní H.", "Ms H."), "birth_year": 1967, "gender": "female",
            "municipality": T("Vřesová (ORP Ostružná Lhota)", "Vřesová (Ostružná Lhota ORP area)"),
            "household": T("rodinný dům se synem P. (28), který potřebuje celodenní péči",
                           "a family house with her son P. (28), who needs round-the-clock care"),
            "languages": [T("čeština", "Czech")],
            "consents": [
                consent("2025-01-20", "data_processing", CLIENT_F_GAVE),
                consent("2025-02-03", "sharing_with_network", CLIENT_F_GAVE),
                consent("2025-02-03", "case_conference", CLIENT_F_GAVE),
                consent("2026-05-13", "training_use", CLIENT_F_GAVE),
            ],
        },
        "case_manager": cm,
        "team_model": "individual",
        "phase": "monitoring",
        "phase_history": [
            phase("contact", "2025-01-20", T("Starostka Vřesové upozornila sociální odbor, že paní H. je vyčerpaná.",
                                             "The mayor of Vřesová told the social department that Ms H. was exhausted.")),
            phase("assessment", "2025-02-03"),
            phase("planning", "2025-03-05"),
            phase("linking", "2025-03-17"),
            phase("advocacy", "2025-05-14", T("Odvolání proti rozhodnutí o příspěvku na péči, návrh na zastoupení.",
                                              "Appeal on the care allowance; the representation petition.")),
            phase("monitoring", "2025-10-01"),
        ],
        "target_group": T("pečující osoby", "family carers"),
        "referral_source": T("Obecní úřad Vřesová (starostka)", "Vřesová village office (the mayor)"),
        "request": T("„Potřebuju si odpočinout a jít na operaci, ale nemám kam dát P.“",
                     "“I need a rest and my operation, but there's nowhere for P. to go.”"),
        "strengths": [
            T("Hluboký vztah s P., zná jeho potřeby do detailu.", "A deep bond with P.; she knows his needs in detail."),
            T("Ochotný soused a obec, která chce pomoci.", "A willing neighbour and a village that wants to help."),
            T("Dcera pomáhá s úředními věcmi na dálku.", "Her daughter helps with paperwork from a distance."),
            T("Organizační schopnosti bývalé účetní.", "A former accountant's organising skills."),
        ],
        "wishes": [
            T("Jet na týden k moři.", "A week at the seaside."),
            T("Aby P. měl kamarády, i až tu ona nebude.", "For P. to have friends when she is gone."),
        ],
        "opened": d("2025-01-20"),
        "needs": needs, "actors": actors, "goals": goals, "actions": actions, "reviews": reviews,
        "conferences": conferences,
        "crisis_plan": {
            "written_on": d("2025-03-19"),
            "when_well": T("Ráno s P. poslouchají rádio, odpoledne chodí na procházku s vozíkem.",
                           "In the morning she and P. listen to the radio; in the afternoon they go for a walk with the wheelchair."),
            "triggers": [T("nemoc nebo úraz paní H.", "Ms H. falling ill or getting injured"),
                         T("několik nocí po sobě se záchvaty P.", "several nights in a row of P.'s seizures"),
                         T("výpadek odlehčovací služby", "the respite service falling through")],
            "early_signs": [T("paní H. několik nocí nespí", "Ms H. does not sleep for several nights"),
                            T("pláče a říká, že už nemůže", "cries and says she can't go on"),
                            T("bolest zad ji nepustí z postele", "back pain keeps her in bed")],
            "what_helps": T("Zavolat dceři a sousedovi; terénní odlehčovací služba může přijet do 24 hodin. P. souseda zná a nebojí se ho.",
                            "Call the daughter and the neighbour; home respite can come within 24 hours. P. knows the neighbour and is not afraid of him."),
            "what_harms": T("Odvézt P. do nemocnice jen proto, že ho nemá kdo hlídat; cizí lidé bez předání informací.",
                            "Taking P. to hospital just because nobody can mind him; strangers with no handover."),
            "contacts": [
                contact(T("Dcera", "Daughter"), T("přijede do tří hodin", "can arrive within three hours")),
                contact(T("Soused pan D.", "Neighbour Mr D."), T("do příjezdu dcery", "until the daughter arrives")),
                contact(T("Terénní odlehčovací služba Charity", "Charity home respite"), T("ve všední dny", "weekdays")),
                contact(T("Case manažerka", "Case manager"), T("ve všední dny", "weekdays")),
                contact(T("Zdravotnická záchranná služba", "Ambulance service"),
                        T("záchvat P. delší než pět minut", "a seizure of P.'s lasting over five minutes"), "155"),
            ],
            "medication": T("P.: léky na epilepsii ráno a večer (rozpis na lednici), záchranný lék při záchvatu delším "
                            "než pět minut. Paní H.: lék na tlak.",
                            "P.: epilepsy medication morning and evening (schedule on the fridge), rescue medication for "
                            "a seizure over five minutes. Ms H.: blood-pressure pills."),
            "allergies": T("P. nesnáší laktózu.", "P. is lactose intolerant."),
            "dependants_care": T("O P. se postará soused do příjezdu dcery; dcera zůstane, nebo zajistí odlehčovací službu. Kočku nakrmí soused.",
                                 "The neighbour looks after P. until the daughter arrives; she stays or arranges respite. The neighbour feeds the cat."),
            "copies_to": [T("paní H.", "Ms H."), T("dcera", "daughter"), T("soused pan D.", "Mr D., neighbour"),
                          T("odlehčovací služba", "respite service"), T("case manažerka", "case manager")],
        },
        "language": "cs",
    }


# ---------------------------------------------------------------------------------------------
# building, checking, writing
# ---------------------------------------------------------------------------------------------
CASES = {
    "senior-dementia": senior_dementia,
    "family-children-at-risk": family_children_at_risk,
    "young-adult-leaving-care": young_adult_leaving_care,
    "psychosis-homelessness": psychosis_homelessness,
    "carer-disabled-relative": carer_disabled_relative,
}


def build_catalogue(lang: str) -> ServiceCatalogue:
    return ServiceCatalogue.model_validate({**render(CATALOGUE, lang), "language": lang})


def build_case(name: str, lang: str) -> Case:
    tree = render(CASES[name](), lang)
    tree["language"] = lang
    for conf in tree["conferences"]:
        conf["language"] = lang
    return Case.model_validate(tree)


def check_case(case: Case, catalogue: ServiceCatalogue) -> None:
    """Rules the model leaves open but a good example keeps."""
    name = case.id
    for actor in case.actors:
        assert actor.catalogue_id is None or catalogue.service(actor.catalogue_id), (name, actor.catalogue_id)
    reviews = sorted(case.reviews, key=lambda r: r.date)
    assert [r.id for r in reviews] == [r.id for r in case.reviews], f"{name}: reviews out of order"
    last_status = {}
    for rev in reviews:
        for change in rev.action_changes:
            last_status[change.action_id] = change.status
        assert set(rev.gas_scores) <= {g.id for g in case.goals}
    for action in case.actions:
        if action.id in last_status:
            assert last_status[action.id] == action.status, (name, action.id, last_status[action.id], action.status)
    for conf in case.conferences:
        for action_id in conf.action_ids:
            assert case.action(action_id).created == conf.date, (name, conf.id, action_id)
        assert conf.total_minutes <= 120, (name, conf.id)
    for goal in case.goals:
        assert sorted(goal.levels) == [-2, -1, 0, 1, 2], (name, goal.id)


def build_all() -> dict[str, str]:
    """Every example file as ``{relative path: text}``."""
    files: dict[str, str] = {}
    for lang in LANGS:
        catalogue = build_catalogue(lang)
        files[f"catalogue.{lang}.json"] = export_catalogue(catalogue) + "\n"
        for name in CASES:
            case = build_case(name, lang)
            check_case(case, catalogue)
            files[f"cases/{name}.{lang}.json"] = export_case(case) + "\n"
    return files


def main(argv: list[str]) -> int:
    files = build_all()
    if "--check" in argv:
        stale = [path for path, text in files.items()
                 if not (HERE / path).is_file() or (HERE / path).read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"out of date: {path}")
        return 1 if stale else 0
    for path, text in files.items():
        target = HERE / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
