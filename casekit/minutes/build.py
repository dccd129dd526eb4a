"""Gather the minutes of one case conference from the case record (no rendering here).

What goes in follows the outputs of a case conference (domain reference, section 6): attendance, agenda,
the client's request, needs with every perspective side by side, the network, decisions with dissent, the
agreed plan (task, owner, deadline), GAS goals, the crisis plan, the next review, and the rules on
confidentiality and comments. The network, goals and GAS scores are as of the conference date: actors who
joined the network later, goals set later and reviews held later are left out. Needs and the crisis plan are
the case's current ones (the case record keeps no history of them); the crisis plan shows when it was written.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import NotFound
from ..i18n import gettext, normalise_language
from ..model import Case, CaseConference, Need, Rating
from ..vocab import ConferenceRole, NeedStatus, Perspective, RelationshipKind
from .dates import format_date
from .model import (
    ABSENT, ATTENDANCE_KEYS, EXCUSED, PRESENT, ActionRow, AgendaRow, AttendanceRow, CrisisContactRow,
    CrisisSummary, DecisionRow, GoalRow, Minutes, Network, NetworkRow, NeedRow,
)
from .privacy import Names

#: Severities this far apart (1–5 scale) count as a disagreement even when the statuses agree.
SEVERITY_GAP = 2


def views_differ(need: Need) -> bool:
    """True when the perspectives disagree: different known statuses, or severities ``SEVERITY_GAP`` apart.

    "Not known" is not a view, so it never makes a disagreement on its own.
    """
    statuses = {r.status for r in need.ratings if r.status != NeedStatus.UNKNOWN}
    severities = [r.severity for r in need.ratings if r.severity is not None]
    return len(statuses) > 1 or (len(severities) > 1 and max(severities) - min(severities) >= SEVERITY_GAP)


def _conference(case: Case, conference_id: str) -> CaseConference:
    found = next((c for c in case.conferences if c.id == conference_id), None)
    if found is None:
        raise NotFound("errors.not_found", id=conference_id)
    return found


def _rating_text(rating: Rating | None, lang: str) -> str:
    if rating is None:
        return ""
    label = rating.status.label(lang)
    return f"{label} ({rating.severity})" if rating.severity is not None else label


def _attendance(conf: CaseConference, names: Names, lang: str, excused: set[str]) -> tuple[AttendanceRow, ...]:
    rows = []
    for p in conf.participants:
        status = PRESENT if p.attended else (EXCUSED if p.name in excused else ABSENT)
        rows.append(AttendanceRow(names.person(p.name), p.role.label(lang), status,
                                  gettext(ATTENDANCE_KEYS[status], lang), p.consent, p.confidentiality_acknowledged))
    return tuple(rows)


def _agenda(conf: CaseConference, names: Names) -> tuple[AgendaRow, ...]:
    rows, start = [], 0
    for number, item in enumerate(conf.agenda, start=1):
        rows.append(AgendaRow(number, names.text(item.title), item.minutes, start, start + item.minutes))
        start += item.minutes
    return tuple(rows)


def _needs(case: Case, names: Names, lang: str, privacy: bool) -> tuple[NeedRow, ...]:
    rows = []
    for need in case.needs:
        others = tuple(f"{names.actor(r.actor_id)}: {_rating_text(r, lang)}"
                       for r in need.ratings if r.perspective == Perspective.ACTOR)
        rows.append(NeedRow(
            domain=need.domain.label(lang), priority=need.priority.label(lang),
            description="" if privacy else need.description,
            client=_rating_text(need.rating(Perspective.CLIENT), lang),
            worker=_rating_text(need.rating(Perspective.WORKER), lang),
            others=others, disagreement=views_differ(need), unmet=need.is_unmet(),
        ))
    return tuple(rows)


def _network(case: Case, conf: CaseConference, names: Names, lang: str, privacy: bool) -> Network:
    actors = [a for a in case.actors if a.relationship.since is None or a.relationship.since <= conf.date]
    rows = tuple(NetworkRow(
        name=names.actor(a.id), sector=a.sector.label(lang), formal=a.formal,
        tie=a.relationship.kind.label(lang), flow=a.relationship.flow.label(lang),
        contact="" if privacy else ", ".join(x for x in (a.contact_person, a.phone, a.email) if x),
    ) for a in actors)
    kinds = [a.relationship.kind for a in actors]
    formal = sum(a.formal for a in actors)
    return Network(len(actors), formal, len(actors) - formal, kinds.count(RelationshipKind.STRONG),
                   kinds.count(RelationshipKind.TENUOUS), kinds.count(RelationshipKind.STRESSFUL), rows)


def _actions(case: Case, conf: CaseConference, names: Names, lang: str) -> tuple[ActionRow, ...]:
    rows = []
    for number, action_id in enumerate(conf.action_ids, start=1):
        action = case.action(action_id)
        need = case.need(action.need_id) if action.need_id else None
        goal = case.goal(action.goal_id) if action.goal_id else None
        rows.append(ActionRow(number, names.text(action.what), names.owner(action.owner_id), action.due,
                              format_date(action.due, lang), need.domain.label(lang) if need else "",
                              names.text(goal.text) if goal else ""))
    return tuple(rows)


def _goals(case: Case, conf: CaseConference, names: Names, lang: str) -> tuple[tuple[GoalRow, ...], float | None]:
    from ..gas import gas_tscore

    goals = [g for g in case.goals if g.created is None or g.created <= conf.date]
    latest: dict[str, tuple] = {}
    for review in sorted((r for r in case.reviews if r.date <= conf.date), key=lambda r: r.date):
        for goal_id, score in review.gas_scores.items():
            latest[goal_id] = (score, review.date)
    rows = []
    for goal in goals:
        score, on = latest.get(goal.id, (None, None))
        rows.append(GoalRow(names.text(goal.text), goal.weight, goal.baseline, score, on, format_date(on, lang),
                            names.text(goal.levels.get(score, "")) if score is not None else ""))
    scored = [r for r in rows if r.score is not None]
    tscore = gas_tscore([r.score for r in scored], [r.weight for r in scored]) if scored else None
    return tuple(rows), tscore


def _crisis(case: Case, names: Names, lang: str, privacy: bool) -> CrisisSummary | None:
    plan = case.crisis_plan
    if plan is None:
        return None
    t = names.text
    return CrisisSummary(
        written_on_text=format_date(plan.written_on, lang), when_well=t(plan.when_well),
        triggers=tuple(map(t, plan.triggers)), early_signs=tuple(map(t, plan.early_signs)),
        what_helps=t(plan.what_helps), what_harms=t(plan.what_harms),
        contacts=tuple(CrisisContactRow(names.person(c.name), t(c.role), "" if privacy else c.phone)
                       for c in plan.contacts),
        preferred_treatment=t(plan.preferred_treatment), refused_treatment=t(plan.refused_treatment),
        medication="" if privacy else plan.medication, allergies="" if privacy else plan.allergies,
        dependants_care=t(plan.dependants_care), copies_to=tuple(names.person(n) for n in plan.copies_to),
    )


def minutes(case: Case, conference_id: str, *, lang: str | None = None, privacy: bool = False,
            excused: Iterable[str] = ()) -> Minutes:
    """The minutes of conference ``conference_id`` of ``case``.

    ``lang``: the language of the minutes (default: the conference's own language). ``privacy=True``: initials
    and pseudonyms instead of names (also where a known name is written inside a text, see
    :class:`~casekit.minutes.privacy.Names`); contact details, need descriptions, medication and free-text
    notes left out. ``excused``: names of absent participants who sent apologies (the case record does not keep this).
    Raises :class:`~casekit.errors.NotFound` for an unknown conference.
    """
    conf = _conference(case, conference_id)
    lang = normalise_language(lang or conf.language)
    plan = case.crisis_plan
    people = [p.name for p in conf.participants] + [conf.facilitator, conf.minute_taker, case.case_manager]
    people += [c.name for c in plan.contacts] + list(plan.copies_to) if plan else []
    names = Names(case, lang, privacy, people, clients=[p.name for p in conf.participants
                                                        if p.role == ConferenceRole.CLIENT])
    t = names.text
    goals, tscore = _goals(case, conf, names, lang)
    return Minutes(
        lang=lang, privacy=privacy, title=gettext("ui.minutes.title", lang), client=names.client(),
        case_manager=names.person(case.case_manager), date=conf.date, date_text=format_date(conf.date, lang),
        place=t(conf.place), facilitator=names.person(conf.facilitator), minute_taker=names.person(conf.minute_taker),
        attendance=_attendance(conf, names, lang, set(excused)), agenda=_agenda(conf, names),
        request=t(case.request), strengths=tuple(map(t, case.strengths)), wishes=tuple(map(t, case.wishes)),
        needs=_needs(case, names, lang, privacy), network=_network(case, conf, names, lang, privacy),
        decisions=tuple(DecisionRow(i, t(d.text), t(d.dissent), tuple(names.person(n) for n in d.dissent_by))
                        for i, d in enumerate(conf.decisions, start=1)),
        actions=_actions(case, conf, names, lang), goals=goals, gas_tscore=tscore,
        crisis_plan=_crisis(case, names, lang, privacy),
        next_review=conf.next_review, next_review_text=format_date(conf.next_review, lang),
        notes="" if privacy else conf.notes,
        confidentiality_note=gettext("ui.minutes.confidentiality", lang),
        footer=gettext("ui.minutes.footer", lang), conference_id=conf.id, case_id=case.id,
    )


__all__ = ["SEVERITY_GAP", "minutes", "views_differ"]
