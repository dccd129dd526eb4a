"""Synthetic caseloads: many valid, fictional cases with a realistic shape, for benchmarks and tests.

``synthetic_cases(n, seed=…, as_of=…)`` gives ``n`` :class:`~casekit.model.Case` objects (version 0) that a
store accepts: a few case managers with their team model, cases opened over the years before ``as_of`` and
moved through the phases, needs rated by the client and the worker (some unmet), actors linked to the example
catalogue's services, goals, actions with due dates (some overdue), reviews with GAS scores and conferences
that plan the next review. The same seed gives the same cases. Everything is invented.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

from ..model import Case
from ..vocab import ActionStatus, LifeDomain, NeedStatus, Phase, Priority, Sector, TeamModel

#: Municipalities as clients name them: the example catalogue's areas, written the way case files do,
#: and one place the catalogue does not know.
MUNICIPALITIES = (
    "Brodce nad Jalovkou", "Jalovec", "Dolní Křemenice", "Ostružná Lhota", "Vřesová", "Malé Ostružno",
    "Horní Nikdov",
)
TARGET_GROUPS = (
    "people aged 55+ with multiple problems", "families with children", "young adults leaving care",
    "homeless people with severe mental illness", "family carers", "people with addictions",
)
#: (catalogue service id, sector) pairs the synthetic actors are linked to.
SERVICES = (
    ("svc-mu-brodce-sp", Sector.PUBLIC_ADMINISTRATION), ("svc-cdz", Sector.HEALTH), ("svc-pl-brodce", Sector.HEALTH),
    ("svc-psych-brodce", Sector.HEALTH), ("svc-sas-rodiny", Sector.SOCIAL), ("svc-terenni-program", Sector.SOCIAL),
    ("svc-pecovatelska-charita", Sector.SOCIAL), ("svc-up-brodce-davky", Sector.FINANCE),
    ("svc-poradna", Sector.SOCIAL), ("svc-azylovy-dum", Sector.SOCIAL), ("svc-soud", Sector.LEGAL),
)
OPEN_PHASES = [p for p in Phase if p != Phase.CLOSED]
STATUSES = (NeedStatus.UNMET, NeedStatus.UNMET, NeedStatus.MET, NeedStatus.NO_NEED, NeedStatus.UNKNOWN)
ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.DONE, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS,
                   ActionStatus.BLOCKED, ActionStatus.CANCELLED)


def _worker_models(workers: int, rng: random.Random) -> list[tuple[str, TeamModel]]:
    models = [TeamModel.INDIVIDUAL] * 6 + [TeamModel.ASSERTIVE_COMMUNITY] * 3 + [TeamModel.BROKERAGE]
    return [(f"Worker {i + 1:03d}", rng.choice(models)) for i in range(workers)]


def synthetic_documents(n: int, *, seed: int = 2026, as_of: date = date(2026, 11, 25), needs: int = 20,
                        actions: int = 10, actors: int = 6, workers: int | None = None) -> Iterator[dict]:
    """Plain case documents (what ``Case.model_validate`` takes), one per case, ids ``syn-000001`` …"""
    rng = random.Random(seed)
    staff = _worker_models(workers or max(1, n // 25), rng)
    domains = list(LifeDomain)
    for number in range(1, n + 1):
        worker, model = rng.choice(staff)
        opened = as_of - timedelta(days=rng.randint(20, 6 * 365))
        history, day = [], opened
        last = rng.randrange(len(Phase))
        for phase in list(Phase)[: last + 1]:
            history.append({"phase": phase.value, "date": day})
            day = min(day + timedelta(days=rng.randint(7, 200)), as_of)
        phase = Phase(history[-1]["phase"])
        closed = history[-1]["date"] if phase == Phase.CLOSED else None
        actor_list = []
        for i in range(actors):
            if i % 3 == 2:
                actor_list.append({"id": f"act-{i}", "name": f"Neighbour {i}", "kind": "person",
                                   "sector": "informal", "formal": False})
            else:
                service, sector = rng.choice(SERVICES)
                actor_list.append({"id": f"act-{i}", "name": f"Service {i}", "sector": sector.value,
                                   "catalogue_id": service})
        actor_ids = [a["id"] for a in actor_list]
        need_list = []
        for i in range(needs):
            need_list.append({
                "id": f"need-{i}", "domain": domains[(i + number) % len(domains)].value,
                "priority": rng.choice(list(Priority)).value,
                "ratings": [{"perspective": "client", "status": rng.choice(STATUSES).value},
                            {"perspective": "worker", "status": rng.choice(STATUSES).value,
                             "severity": rng.randint(1, 5)}],
                "actor_ids": rng.sample(actor_ids, rng.randint(0, 3)),
            })
        goal_list = [{"id": f"goal-{i}", "text": f"Goal {i}", "weight": rng.choice((1.0, 1.0, 2.0)),
                      "baseline": -1, "need_ids": [f"need-{i}"]} for i in range(3)]
        owners = actor_ids + ["client", "case_manager"]
        span = max((as_of - opened).days, 1)
        action_list = []
        for i in range(actions):
            created = opened + timedelta(days=rng.randint(0, span))
            action_list.append({
                "id": f"a-{i}", "what": f"Step {i}", "owner_id": rng.choice(owners),
                "due": created + timedelta(days=rng.randint(7, 120)) if rng.random() < 0.9 else None,
                "status": rng.choice(ACTION_STATUSES).value, "need_id": f"need-{i % needs}" if needs else None,
                "created": created,
            })
        conference_list = []
        for i in range(rng.randint(0, 3)):
            when = opened + timedelta(days=rng.randint(0, span))
            conference_list.append({"id": f"conf-{i}", "date": when,
                                    "next_review": when + timedelta(days=rng.choice((60, 90, 120, 180)))
                                    if rng.random() < 0.85 else None})
        review_list = []
        for i in range(rng.randint(0, 4)):
            scored = rng.sample([g["id"] for g in goal_list], rng.randint(0, 3))
            review_list.append({"id": f"rev-{i}", "date": opened + timedelta(days=rng.randint(0, span)),
                                "gas_scores": {g: rng.randint(-2, 2) for g in scored}})
        yield {
            "id": f"syn-{number:06d}",
            "client": {"display_name": f"Client {number}", "birth_year": rng.randint(1940, 2006),
                       "municipality": rng.choice(MUNICIPALITIES)},
            "case_manager": worker, "team_model": model.value, "phase": phase.value, "phase_history": history,
            "target_group": rng.choice(TARGET_GROUPS), "opened": opened, "closed": closed,
            "closure_reason": "goals_achieved" if closed else None,
            "actors": actor_list, "needs": need_list, "goals": goal_list, "actions": action_list,
            "reviews": review_list, "conferences": conference_list, "language": "en",
        }


def synthetic_cases(n: int, **kwargs) -> list[Case]:
    """``n`` valid synthetic cases (see :func:`synthetic_documents` for the options)."""
    return [Case.model_validate(doc) for doc in synthetic_documents(n, **kwargs)]
