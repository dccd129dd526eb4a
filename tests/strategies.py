"""Hypothesis strategies that build valid cases (and supervision sessions) of every shape.

Texts mix Czech diacritics with arbitrary unicode (surrogates excluded, as JSON in UTF-8 cannot carry them)
and stay within the model's length limits; ids are unique where the model requires it; every reference
(need → actor, goal → need, action → owner/need/goal, review → goal/action/conference, conference →
actor/action) points at something that exists; dates follow the model's ordering rules.
"""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from casekit.model import GAS_LEVELS, Case, SupervisionSession
from casekit.vocab import (
    ActionStatus, ActorKind, ClosureReason, ConferenceRole, ConsentScope, Flow, Gender, LifeDomain, NeedStatus,
    Phase, Priority, RelationshipKind, Sector, TeamModel,
)

CZECH = "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzžAÁBCČDĎEÉĚFGHIÍJKLMNŇOÓPQRŘSŠTŤUÚŮVWXYÝZŽ"
_czech_text = st.text(alphabet=CZECH + " .,-–„“'!?0123456789\n", max_size=40)
_any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)

TODAY = date.today()
EARLIEST = date(1995, 1, 1)
LATEST = date(2090, 12, 31)


def texts(max_size: int = 200):
    """Free text within ``max_size`` characters: Czech words, arbitrary unicode, or both."""
    joined = st.lists(st.one_of(_czech_text, _any_text), max_size=4).map("".join)
    return joined.map(lambda s: s[:max_size])


def short_texts():
    return texts(200)


def names():
    """A required one-line name: starts with a letter, so stripping never empties it."""
    return st.tuples(st.sampled_from(CZECH), texts(150)).map(lambda p: (p[0] + p[1]).replace("\n", " ")[:200])


def ids(prefix: str):
    tail = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-", max_size=20)
    return tail.map(lambda t: f"{prefix}{t}")


def unique_ids(prefix: str, max_size: int):
    return st.lists(ids(prefix), max_size=max_size, unique=True)


def dates(low: date = EARLIEST, high: date = LATEST):
    return st.dates(min_value=low, max_value=max(low, high))


def date_after(day: date, days: int = 2000):
    return st.integers(0, days).map(lambda n: min(day + timedelta(days=n), LATEST))


def optional(strategy):
    return st.none() | strategy


@st.composite
def consents(draw, opened: date):
    given = draw(dates(EARLIEST, opened))
    withdrawn = draw(optional(date_after(given)))
    return {"date": given, "scope": draw(st.sampled_from(ConsentScope)), "given_by": draw(names()),
            "withdrawn": withdrawn}


@st.composite
def clients(draw, opened: date):
    return {
        "display_name": draw(names()),
        "birth_year": draw(optional(st.integers(TODAY.year - 120, TODAY.year))),
        "gender": draw(st.sampled_from(Gender)),
        "municipality": draw(short_texts()),
        "household": draw(short_texts()),
        "languages": draw(st.lists(st.sampled_from(["cs", "en", "sk", "uk", "rom", "de"]), max_size=3)),
        "consents": draw(st.lists(consents(opened), max_size=3)),
    }


@st.composite
def actors(draw, actor_id: str):
    return {
        "id": actor_id, "name": draw(names()), "kind": draw(st.sampled_from(ActorKind)),
        "sector": draw(st.sampled_from(Sector)), "formal": draw(st.booleans()),
        "contact_person": draw(short_texts()), "phone": draw(st.from_regex(r"\+?[0-9 ]{0,15}", fullmatch=True)),
        "email": draw(short_texts()), "provides": draw(texts(500)),
        "capacity": draw(optional(st.integers(0, 1_000_000))), "area": draw(short_texts()),
        "relationship": {"kind": draw(st.sampled_from(RelationshipKind)), "flow": draw(st.sampled_from(Flow)),
                         "since": draw(optional(dates()))},
        "catalogue_id": draw(optional(ids("cat-"))),
    }


@st.composite
def ratings(draw, actor_ids: list[str]):
    raters = [("client", None), ("worker", None)] + [("actor", a) for a in actor_ids]
    chosen = draw(st.lists(st.sampled_from(raters), unique=True, max_size=min(len(raters), 4)))
    return [
        {"perspective": perspective, "actor_id": actor_id, "status": draw(st.sampled_from(NeedStatus)),
         "severity": draw(optional(st.integers(1, 5))), "note": draw(texts(300))}
        for perspective, actor_id in chosen
    ]


@st.composite
def needs(draw, need_id: str, actor_ids: list[str]):
    linked = draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=3)) if actor_ids else []
    return {"id": need_id, "domain": draw(st.sampled_from(LifeDomain)), "description": draw(texts(500)),
            "ratings": draw(ratings(actor_ids)), "priority": draw(st.sampled_from(Priority)), "actor_ids": linked}


@st.composite
def goals(draw, goal_id: str, need_ids: list[str], opened: date):
    levels = draw(st.dictionaries(st.sampled_from(GAS_LEVELS), texts(200), max_size=5))
    return {
        "id": goal_id, "text": draw(names()), "levels": levels,
        "weight": draw(st.floats(min_value=0.01, max_value=100, allow_nan=False, allow_infinity=False)),
        "baseline": draw(st.sampled_from(GAS_LEVELS)),
        "need_ids": draw(st.lists(st.sampled_from(need_ids), unique=True, max_size=3)) if need_ids else [],
        "created": draw(optional(date_after(opened))),
    }


@st.composite
def actions(draw, action_id: str, owners: list[str], need_ids: list[str], goal_ids: list[str], opened: date):
    created = draw(optional(date_after(opened)))
    due = draw(optional(date_after(created or opened)))
    return {
        "id": action_id, "what": draw(names()), "owner_id": draw(st.sampled_from(owners)), "due": due,
        "status": draw(st.sampled_from(ActionStatus)),
        "need_id": draw(optional(st.sampled_from(need_ids))) if need_ids else None,
        "goal_id": draw(optional(st.sampled_from(goal_ids))) if goal_ids else None,
        "created": created,
    }


@st.composite
def conferences(draw, conference_id: str, actor_ids: list[str], action_ids: list[str], opened: date):
    day = draw(date_after(opened))
    people = draw(st.lists(names(), unique=True, max_size=5))
    participants = [
        {"name": name, "role": draw(st.sampled_from(ConferenceRole)),
         "actor_id": draw(optional(st.sampled_from(actor_ids))) if actor_ids else None,
         "attended": draw(st.booleans()), "consent": draw(st.booleans()),
         "confidentiality_acknowledged": draw(st.booleans())}
        for name in people
    ]
    return {
        "id": conference_id, "date": day, "place": draw(short_texts()), "facilitator": draw(short_texts()),
        "minute_taker": draw(short_texts()), "participants": participants,
        "agenda": [{"title": draw(names()), "minutes": draw(st.integers(1, 480))}
                   for _ in range(draw(st.integers(0, 3)))],
        "decisions": [{"text": draw(names()), "dissent": draw(texts(200)),
                       "dissent_by": draw(st.lists(short_texts(), max_size=2))}
                      for _ in range(draw(st.integers(0, 3)))],
        "action_ids": draw(st.lists(st.sampled_from(action_ids), unique=True, max_size=3)) if action_ids else [],
        "next_review": draw(optional(date_after(day, 400))), "notes": draw(texts(1000)),
        "language": draw(st.sampled_from(["cs", "en"])),
    }


@st.composite
def reviews(draw, review_id: str, goal_ids: list[str], action_ids: list[str], conference_ids: list[str],
            opened: date):
    scored = draw(st.lists(st.sampled_from(goal_ids), unique=True, max_size=3)) if goal_ids else []
    changed = draw(st.lists(st.sampled_from(action_ids), max_size=3)) if action_ids else []
    return {
        "id": review_id, "date": draw(date_after(opened)),
        "gas_scores": {g: draw(st.sampled_from(GAS_LEVELS)) for g in scored},
        "action_changes": [{"action_id": a, "status": draw(st.sampled_from(ActionStatus)), "note": draw(texts(200))}
                           for a in changed],
        "notes": draw(texts(1000)),
        "conference_id": draw(optional(st.sampled_from(conference_ids))) if conference_ids else None,
    }


@st.composite
def crisis_plans(draw, opened: date):
    return {
        "written_on": draw(optional(date_after(opened))), "when_well": draw(texts(500)),
        "triggers": draw(st.lists(short_texts(), max_size=3)), "early_signs": draw(st.lists(short_texts(), max_size=3)),
        "what_helps": draw(texts(500)), "what_harms": draw(texts(500)),
        "contacts": [{"name": draw(names()), "role": draw(short_texts()), "phone": draw(short_texts())}
                     for _ in range(draw(st.integers(0, 2)))],
        "preferred_treatment": draw(texts(300)), "refused_treatment": draw(texts(300)),
        "medication": draw(texts(300)), "allergies": draw(texts(300)), "dependants_care": draw(texts(300)),
        "copies_to": draw(st.lists(short_texts(), max_size=2)),
    }


@st.composite
def phase_histories(draw, opened: date):
    steps = draw(st.lists(st.sampled_from(Phase), max_size=5))
    history, day = [], opened
    for phase in steps:
        day = draw(date_after(day, 200))
        history.append({"phase": phase, "date": day, "note": draw(texts(200))})
    return history


@st.composite
def case_documents(draw) -> dict:
    """A valid case as a plain dict (what ``Case.model_validate`` accepts)."""
    opened = draw(dates(EARLIEST, date(2040, 12, 31)))
    history = draw(phase_histories(opened))
    phase = history[-1]["phase"] if history else draw(st.sampled_from([p for p in Phase if p != Phase.CLOSED]))
    closed = closure_reason = None
    if phase == Phase.CLOSED:
        closed = draw(date_after(history[-1]["date"] if history else opened))
        closure_reason = draw(st.sampled_from(ClosureReason))
    actor_ids = draw(unique_ids("actor-", 5))
    need_ids = draw(unique_ids("need-", 5))
    goal_ids = draw(unique_ids("goal-", 4))
    action_ids = draw(unique_ids("action-", 6))
    conference_ids = draw(unique_ids("conf-", 3))
    review_ids = draw(unique_ids("review-", 3))
    owners = actor_ids + ["client", "case_manager"]
    return {
        "id": draw(ids("case-")),
        "client": draw(clients(opened)),
        "case_manager": draw(names()),
        "team_model": draw(st.sampled_from(TeamModel)),
        "phase": phase,
        "phase_history": history,
        "target_group": draw(short_texts()),
        "referral_source": draw(short_texts()),
        "request": draw(texts(2000)),
        "strengths": draw(st.lists(texts(300), max_size=3)),
        "wishes": draw(st.lists(texts(300), max_size=3)),
        "opened": opened,
        "closed": closed,
        "closure_reason": closure_reason,
        "closure_note": draw(texts(300)),
        "actors": [draw(actors(a)) for a in actor_ids],
        "needs": [draw(needs(n, actor_ids)) for n in need_ids],
        "goals": [draw(goals(g, need_ids, opened)) for g in goal_ids],
        "actions": [draw(actions(a, owners, need_ids, goal_ids, opened)) for a in action_ids],
        "reviews": [draw(reviews(r, goal_ids, action_ids, conference_ids, opened)) for r in review_ids],
        "conferences": [draw(conferences(c, actor_ids, action_ids, opened)) for c in conference_ids],
        "crisis_plan": draw(optional(crisis_plans(opened))),
        "language": draw(st.sampled_from(["cs", "en"])),
    }


def cases():
    """Valid :class:`Case` objects (version 0)."""
    return case_documents().map(Case.model_validate)


@st.composite
def sessions(draw) -> SupervisionSession:
    day = draw(dates())
    return SupervisionSession.model_validate({
        "id": draw(ids("sup-")), "date": day, "supervisor": draw(names()), "worker": draw(names()),
        "case_ids": draw(st.lists(ids("case-"), max_size=3)), "reflections": draw(texts(2000)),
        "agreed_actions": [{"what": draw(names()), "due": draw(optional(date_after(day))), "done": draw(st.booleans())}
                           for _ in range(draw(st.integers(0, 3)))],
    })
