"""Charts of a projected screen are drawn from the room projection, never from the case itself.

casekit's chart functions (:mod:`casekit.charts.svg`) take a :class:`~casekit.model.Case`. For a projected
screen :func:`chart_case` builds one *from the projection*: names are the projection's labels (initials in
privacy mode), texts its masked texts, everything the projection hides is empty. A chart can then show only
what the whitelist let through, whatever fields it reads. The needs star is drawn straight from the
projection's ratings (:func:`star_data`).
"""
from __future__ import annotations

from datetime import date

from ...anonymise.room import RoomCase
from ...charts.star_data import StarData, StarSeries
from ...model import Action, Actor, Case, Client, Goal, Need, Rating, Relationship, Review
from ...model.base import RESERVED_OWNERS
from ...vocab import LifeDomain, NeedStatus, Perspective

#: how the star places a status on a spoke (0 at the centre, 2 at the tip); "not known" is not drawn
STATUS_VALUE = {NeedStatus.NO_NEED.value: 0, NeedStatus.MET.value: 1, NeedStatus.UNMET.value: 2}


def chart_case(room: RoomCase) -> Case:
    """A case holding only what ``room`` shows, for the chart functions."""
    dates = ([c.date for c in room.conferences] + [r.date for r in room.reviews] + [p.date for p in room.phase_history]
             + [g.created for g in room.goals if g.created])
    opened = min(dates) if dates else date.today()
    actors = [Actor(id=a.id, name=a.label, kind=a.kind, sector=a.sector, formal=a.formal, provides=a.provides,
                    relationship=Relationship(kind=a.relationship.kind, flow=a.relationship.flow,
                                              since=a.relationship.since))
              for a in room.actors]
    needs = [Need(id=n.id, domain=n.domain, description=n.description, priority=n.priority,
                  actor_ids=list(n.actor_ids),
                  ratings=[Rating(perspective=r.perspective, actor_id=r.actor_id, status=r.status,
                                  severity=r.severity) for r in n.ratings])
             for n in room.needs]
    goals = [Goal(id=g.id, text=g.text or "–", levels={lv.level: lv.text for lv in g.levels if lv.text},
                  baseline=g.baseline, weight=g.weight, need_ids=list(g.need_ids), created=g.created)
             for g in room.goals]
    owners = {a.id for a in room.actors} | set(RESERVED_OWNERS)
    actions = [Action(id=a.id, what=a.what or "–", owner_id=a.owner_id if a.owner_id in owners else "case_manager",
                      due=a.due, status=a.status, need_id=a.need_id, goal_id=a.goal_id, created=a.created)
               for a in room.actions]
    reviews = [Review(id=r.id, date=r.date, gas_scores={s.goal_id: s.score for s in r.gas_scores})
               for r in room.reviews]
    return Case.model_construct(
        id=room.case_id, client=Client.model_construct(display_name=room.client.label, consents=[], languages=[]),
        case_manager=room.case_manager, opened=opened, needs=needs, actors=actors, goals=goals, actions=actions,
        reviews=reviews, conferences=[], strengths=[], wishes=[], request="", language=room.lang,
        phase_history=[], crisis_plan=None, version=room.version)


def star_data(room: RoomCase, labels: dict[str, str], *, only_labelled: bool = False) -> StarData | None:
    """The needs star of the projection's ratings: one spoke per rated life domain, one series per rater
    (``labels``: rater key → legend text; ``only_labelled``: the raters in ``labels`` only, as the room's grid
    shows them). ``None`` when nothing is rated."""
    domains = [d for d in LifeDomain if any(n.domain == d.value and n.ratings for n in room.needs)]
    if not domains:
        return None
    keys: list[tuple[str, str]] = []
    values: dict[tuple[str, str], float] = {}
    for need in room.needs:
        for rating in need.ratings:
            key = f"actor:{rating.actor_id}" if rating.perspective == Perspective.ACTOR.value else rating.perspective
            if only_labelled and key not in labels:
                continue
            if key not in [k for k, _ in keys]:
                keys.append((key, rating.perspective))
            if rating.status in STATUS_VALUE:
                values[(key, need.domain)] = STATUS_VALUE[rating.status]
    order = {"client": 0, "worker": 1}
    keys.sort(key=lambda k: order.get(k[0], 2))
    spoke_labels = {d.value: next(n.domain_label for n in room.needs if n.domain == d.value) for d in domains}
    series = [StarSeries(key=key, label=labels.get(key, key), perspective=perspective,
                         values=[values.get((key, d.value)) for d in domains]) for key, perspective in keys]
    return StarData(spokes=[d.value for d in domains], spoke_labels=[spoke_labels[d.value] for d in domains],
                    series=series, low=0.0, high=2.0)
