"""Gather the minutes of one case conference from the room projection of the case (no rendering here).

What goes in follows the outputs of a case conference (domain reference, section 6): attendance, agenda,
the client's request, needs with every perspective side by side, the network, decisions with dissent, the
agreed plan (task, owner, deadline), GAS goals, the crisis plan, the next review, and the rules on
confidentiality and comments. The network, goals and GAS scores are as of the conference date: actors who
joined the network later, goals set later and reviews held later are left out. Needs and the crisis plan are
the case's current ones (the case record keeps no history of them); the crisis plan shows when it was written.

Everything comes from :func:`casekit.anonymise.projection.room_projection`, so the minutes name people exactly
as the screen does and, in privacy mode, leave out what the screen leaves out.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..anonymise.projection import SEVERITY_GAP, room_projection, views_differ
from ..anonymise.room import RoomCase, RoomConference, RoomRating
from ..errors import NotFound
from ..i18n import gettext, normalise_language
from ..model import Case, CaseConference
from ..vocab import Perspective, RelationshipKind
from .dates import format_date
from .model import (
    ABSENT, ATTENDANCE_KEYS, EXCUSED, PRESENT, ActionRow, AgendaRow, AttendanceRow, CrisisContactRow,
    CrisisSummary, DecisionRow, GoalRow, Minutes, Network, NetworkRow, NeedRow,
)


def _conference(case: Case, conference_id: str) -> CaseConference:
    found = next((c for c in case.conferences if c.id == conference_id), None)
    if found is None:
        raise NotFound("errors.not_found", id=conference_id)
    return found


def _rating_text(rating: RoomRating | None) -> str:
    if rating is None:
        return ""
    return f"{rating.status_label} ({rating.severity})" if rating.severity is not None else rating.status_label


def _attendance(conf: CaseConference, room: RoomConference, lang: str, excused: set[str]) -> tuple[AttendanceRow, ...]:
    rows = []
    for p, shown in zip(conf.participants, room.participants):  # the same order: excused names are real ones
        status = PRESENT if p.attended else (EXCUSED if p.name in excused else ABSENT)
        rows.append(AttendanceRow(shown.label, shown.role_label, status, gettext(ATTENDANCE_KEYS[status], lang),
                                  shown.consent, shown.confidentiality))
    return tuple(rows)


def _needs(room: RoomCase) -> tuple[NeedRow, ...]:
    rows = []
    for need in room.needs:
        by = {r.perspective: r for r in need.ratings if r.perspective != Perspective.ACTOR.value}
        others = tuple(f"{r.actor_label}: {_rating_text(r)}"
                       for r in need.ratings if r.perspective == Perspective.ACTOR.value)
        rows.append(NeedRow(
            domain=need.domain_label, priority=need.priority_label, description=need.description,
            client=_rating_text(by.get(Perspective.CLIENT.value)), worker=_rating_text(by.get(Perspective.WORKER.value)),
            others=others, disagreement=need.disagreement, unmet=need.unmet,
        ))
    return tuple(rows)


def _network(room: RoomCase, conf: RoomConference) -> Network:
    actors = [a for a in room.actors if a.relationship.since is None or a.relationship.since <= conf.date]
    rows = tuple(NetworkRow(
        name=a.label, sector=a.sector_label, formal=a.formal, tie=a.relationship.kind_label,
        flow=a.relationship.flow_label,
        contact=", ".join(x for x in (a.contact_person, a.phone, a.email) if x),  # None in privacy mode
    ) for a in actors)
    kinds = [a.relationship.kind for a in actors]
    formal = sum(a.formal for a in actors)
    return Network(len(actors), formal, len(actors) - formal, kinds.count(RelationshipKind.STRONG.value),
                   kinds.count(RelationshipKind.TENUOUS.value), kinds.count(RelationshipKind.STRESSFUL.value), rows)


def _actions(room: RoomCase, conf: RoomConference, lang: str) -> tuple[ActionRow, ...]:
    rows = []
    for number, action_id in enumerate(conf.action_ids, start=1):
        action = room.action(action_id)
        need = room.need(action.need_id) if action.need_id else None
        goal = room.goal(action.goal_id) if action.goal_id else None
        rows.append(ActionRow(number, action.what, action.owner_label, action.due, format_date(action.due, lang),
                              need.domain_label if need else "", goal.text if goal else ""))
    return tuple(rows)


def _goals(room: RoomCase, conf: RoomConference, lang: str) -> tuple[tuple[GoalRow, ...], float | None]:
    from ..gas import gas_tscore

    goals = [g for g in room.goals if g.created is None or g.created <= conf.date]
    latest: dict[str, tuple] = {}
    for review in sorted((r for r in room.reviews if r.date <= conf.date), key=lambda r: r.date):
        for score in review.gas_scores:
            latest[score.goal_id] = (score.score, review.date)
    rows = []
    for goal in goals:
        score, on = latest.get(goal.id, (None, None))
        level = next((lv.text for lv in goal.levels if lv.level == score), "")
        rows.append(GoalRow(goal.text, goal.weight, goal.baseline, score, on, format_date(on, lang), level))
    scored = [r for r in rows if r.score is not None]
    tscore = gas_tscore([r.score for r in scored], [r.weight for r in scored]) if scored else None
    return tuple(rows), tscore


def _crisis(room: RoomCase, lang: str) -> CrisisSummary | None:
    plan = room.crisis_plan
    if plan is None:
        return None
    return CrisisSummary(  # in privacy mode the projection holds only the date and the contacts
        written_on_text=format_date(plan.written_on, lang), when_well=plan.when_well or "",
        triggers=plan.triggers or (), early_signs=plan.early_signs or (), what_helps=plan.what_helps or "",
        what_harms=plan.what_harms or "",
        contacts=tuple(CrisisContactRow(c.label, c.role, c.phone or "") for c in plan.contacts),
        preferred_treatment=plan.preferred_treatment or "", refused_treatment=plan.refused_treatment or "",
        medication=plan.medication or "", allergies=plan.allergies or "", dependants_care=plan.dependants_care or "",
        copies_to=plan.copies_to or (),
    )


def _decisions(conf: RoomConference, lang: str) -> tuple[DecisionRow, ...]:
    rows = []
    for number, d in enumerate(conf.decisions, start=1):
        dissent = d.dissent_text or ""
        if d.dissent and not dissent and not d.dissent_by:  # privacy: a dissent by nobody named, text hidden
            dissent = gettext("privacy.dissent_recorded", lang)
        rows.append(DecisionRow(number, d.text, dissent, d.dissent_by))
    return tuple(rows)


def _review_notes(room, conference_id: str) -> str:
    """The notes of the reviews held at this conference (None in privacy mode: the projection hides them)."""
    return "\n\n".join(r.notes for r in room.reviews if r.conference_id == conference_id and r.notes)


def minutes(case: Case, conference_id: str, *, lang: str | None = None, privacy: bool = False,
            excused: Iterable[str] = ()) -> Minutes:
    """The minutes of conference ``conference_id`` of ``case``.

    ``lang``: the language of the minutes (default: the conference's own language). ``privacy=True``: what the
    room projection shows in privacy mode — people as the same initials as on screen, organisations by name,
    identifiers in free text masked; places, contact details, notes, the crisis plan's texts and dissent texts
    left out. ``excused``: names of absent participants who sent apologies (the case record does not keep this).
    Raises :class:`~casekit.errors.NotFound` for an unknown conference.
    """
    conf = _conference(case, conference_id)
    lang = normalise_language(lang or conf.language)
    room = room_projection(case, privacy=privacy, lang=lang, conference_id=conference_id)
    meeting = room.conference
    goals, tscore = _goals(room, meeting, lang)
    return Minutes(
        lang=lang, privacy=privacy, title=gettext("ui.minutes.title", lang), client=room.client.label,
        case_manager=room.case_manager, date=meeting.date, date_text=format_date(meeting.date, lang),
        place=meeting.place or "", facilitator=meeting.facilitator, minute_taker=meeting.minute_taker,
        attendance=_attendance(conf, meeting, lang, set(excused)),
        agenda=tuple(AgendaRow(i, a.title, a.minutes, a.start, a.end) for i, a in enumerate(meeting.agenda, start=1)),
        request=room.request, strengths=room.strengths, wishes=room.wishes, needs=_needs(room),
        network=_network(room, meeting), decisions=_decisions(meeting, lang), actions=_actions(room, meeting, lang),
        goals=goals, gas_tscore=tscore, crisis_plan=_crisis(room, lang),
        next_review=meeting.next_review, next_review_text=format_date(meeting.next_review, lang),
        notes=meeting.notes or "", review_notes=_review_notes(room, conf.id), confidentiality_note=gettext("ui.minutes.confidentiality", lang),
        footer=gettext("ui.minutes.footer", lang), conference_id=conf.id, case_id=case.id,
    )


__all__ = ["SEVERITY_GAP", "minutes", "views_differ"]
