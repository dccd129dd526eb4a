"""The room projection: the one function that turns a case into what a projected screen may show.

    room = room_projection(case, privacy=True, lang="cs")            # the latest conference
    room.conference.participants[0].label                             # 'Pan K.', 'H. L.', 'J. N. (2)' …

A whitelist, not a blacklist: :mod:`.room` lists every field the room gets, and this module fills them one by
one; a field added to :mod:`casekit.model` later is absent until someone adds it in both places.
``SHOWN_IN_PRIVACY`` names the fields of :class:`~casekit.model.Case` whose text reaches the room in privacy
mode (tests/test_projection.py plants a marker in every other text field and checks that none shows).

With ``privacy=True``:

- people (case manager, participants, facilitator, minute-taker, actors who are persons, crisis contacts,
  dissenters) are labels from :class:`~.people.PersonLabels`: unique initials, the same for one person
  everywhere, the client always the case's pseudonym; organisations keep their names;
- places and addresses, phones, e-mails, contact persons, the birth year, every note, the crisis plan's
  texts and dissent texts are ``None``;
- every free text shown (request, strengths, wishes, need descriptions, services, goals and their levels,
  actions, decisions, agenda titles, crisis contacts' roles, organisations' names) goes through the
  anonymiser's detector (:mod:`.masking`): names → labels, identifiers → ``[telefon]`` / ``[phone]`` ….

With ``privacy=False`` the same tree holds the real names and the hidden fields (the facilitator's console).
Pure domain code, fast enough for every redraw: the masker and its masked texts are memoised per case content.
"""
from __future__ import annotations

from collections import OrderedDict

from ..errors import NotFound
from ..i18n import normalise_language
from ..model import GAS_LEVELS, Case, CaseConference, Need
from ..vocab import ActorKind, ConferenceRole, NeedStatus
from .masking import build_masker
from .naming import CRISIS_CONTACT_ROLE, NETWORK_ROLE, CaseNaming, Labels, role_label, shown_texts
from .people import initials
from .room import (
    RoomAction, RoomActionChange, RoomActor, RoomAgendaItem, RoomCase, RoomClient, RoomConference,
    RoomConferenceRef, RoomCrisisContact, RoomCrisisPlan, RoomDecision, RoomGasLevel, RoomGoal, RoomNeed,
    RoomParticipant, RoomPerson, RoomPhaseChange, RoomRating, RoomRelationship, RoomReview, RoomScore,
)

#: Text fields of ``Case`` (``*``: every item) whose content the room sees in privacy mode, masked.
#: Ids are carried as keys; person fields only as labels; every other text field is left out.
SHOWN_IN_PRIVACY = frozenset({
    ("client", "display_name"), ("request",), ("strengths", "*"), ("wishes", "*"), ("needs", "*", "description"),
    ("actors", "*", "name"),  # organisations only; a person is a label
    ("actors", "*", "provides"), ("goals", "*", "text"), ("goals", "*", "levels", "*"), ("actions", "*", "what"),
    ("conferences", "*", "agenda", "*", "title"), ("conferences", "*", "decisions", "*", "text"),
    ("crisis_plan", "contacts", "*", "role"),
})
#: Severities this far apart (1–5 scale) count as a disagreement even when the statuses agree.
SEVERITY_GAP = 2


def views_differ(need: Need) -> bool:
    """True when the perspectives disagree: different known statuses, or severities ``SEVERITY_GAP`` apart.

    "Not known" is not a view, so it never makes a disagreement on its own.
    """
    statuses = {r.status for r in need.ratings if r.status != NeedStatus.UNKNOWN}
    severities = [r.severity for r in need.ratings if r.severity is not None]
    return len(statuses) > 1 or (len(severities) > 1 and max(severities) - min(severities) >= SEVERITY_GAP)


def _hidden(privacy: bool, value):
    return None if privacy else value


# -- the projection ---------------------------------------------------------------------------------------------
def _conference(case: Case, conference_id: str | None) -> CaseConference | None:
    if conference_id is None:
        return case.last_conference
    found = next((c for c in case.conferences if c.id == conference_id), None)
    if found is None:
        raise NotFound("errors.not_found", id=conference_id)
    return found


def _actors(case: Case, naming: CaseNaming, privacy: bool, label: Labels) -> tuple[RoomActor, ...]:
    mask = naming.mask
    return tuple(RoomActor(
        id=a.id, number=number, label=naming.actor(a), kind=a.kind.value, kind_label=label[a.kind],
        sector=a.sector.value, sector_label=label[a.sector], formal=a.formal, provides=mask(a.provides),
        relationship=RoomRelationship(
            kind=a.relationship.kind.value, kind_label=label[a.relationship.kind],
            flow=a.relationship.flow.value, flow_label=label[a.relationship.flow], since=a.relationship.since),
        catalogue_id=a.catalogue_id, contact_person=_hidden(privacy, a.contact_person),
        phone=_hidden(privacy, a.phone), email=_hidden(privacy, a.email), area=_hidden(privacy, a.area),
    ) for number, a in enumerate(case.actors, start=1))


def _needs(case: Case, naming: CaseNaming, privacy: bool, label: Labels) -> tuple[RoomNeed, ...]:
    def rating(r) -> RoomRating:
        actor = case.actor(r.actor_id) if r.actor_id else None
        return RoomRating(
            perspective=r.perspective.value, perspective_label=label[r.perspective], actor_id=r.actor_id,
            actor_label=naming.actor(actor) if actor else None, status=r.status.value,
            status_label=label[r.status], severity=r.severity, note=_hidden(privacy, r.note))

    return tuple(RoomNeed(
        id=n.id, domain=n.domain.value, domain_label=label[n.domain], description=naming.mask(n.description),
        priority=n.priority.value, priority_label=label[n.priority], ratings=tuple(map(rating, n.ratings)),
        actor_ids=tuple(n.actor_ids), unmet=n.is_unmet(), disagreement=views_differ(n),
    ) for n in case.needs)


def _goals(case: Case, mask) -> tuple[RoomGoal, ...]:
    return tuple(RoomGoal(
        id=g.id, text=mask(g.text), baseline=g.baseline, weight=g.weight, need_ids=tuple(g.need_ids),
        levels=tuple(RoomGasLevel(level=level, text=mask(g.levels.get(level, ""))) for level in GAS_LEVELS),
        created=g.created,
    ) for g in case.goals)


def _actions(case: Case, naming: CaseNaming, label: Labels) -> tuple[RoomAction, ...]:
    owners: dict[str, str] = {}
    return tuple(RoomAction(
        id=a.id, what=naming.mask(a.what), owner_id=a.owner_id,
        owner_label=owners.get(a.owner_id) or owners.setdefault(a.owner_id, naming.owner(a.owner_id)),
        due=a.due, status=a.status.value, status_label=label[a.status], need_id=a.need_id,
        goal_id=a.goal_id, created=a.created,
    ) for a in case.actions)


def _reviews(case: Case, privacy: bool, label: Labels) -> tuple[RoomReview, ...]:
    return tuple(RoomReview(
        id=r.id, date=r.date, conference_id=r.conference_id,
        gas_scores=tuple(RoomScore(goal_id=g, score=s) for g, s in r.gas_scores.items()),
        action_changes=tuple(RoomActionChange(action_id=c.action_id, status=c.status.value,
                                              status_label=label[c.status], note=_hidden(privacy, c.note))
                             for c in r.action_changes),
        notes=_hidden(privacy, r.notes),
    ) for r in case.reviews)


def _crisis_plan(case: Case, naming: CaseNaming, privacy: bool) -> RoomCrisisPlan | None:
    plan = case.crisis_plan
    if plan is None:
        return None
    contacts = tuple(RoomCrisisContact(label=naming.contact(c.name), role=naming.mask(c.role),
                                       phone=_hidden(privacy, c.phone)) for c in plan.contacts)
    if privacy:
        return RoomCrisisPlan(written_on=plan.written_on, contacts=contacts)
    return RoomCrisisPlan(
        written_on=plan.written_on, contacts=contacts, when_well=plan.when_well, triggers=tuple(plan.triggers),
        early_signs=tuple(plan.early_signs), what_helps=plan.what_helps, what_harms=plan.what_harms,
        preferred_treatment=plan.preferred_treatment, refused_treatment=plan.refused_treatment,
        medication=plan.medication, allergies=plan.allergies, dependants_care=plan.dependants_care,
        copies_to=tuple(plan.copies_to))


def _meeting(conf: CaseConference | None, naming: CaseNaming, privacy: bool, label: Labels) -> RoomConference | None:
    if conf is None:
        return None
    mask, agenda, start = naming.mask, [], 0
    for item in conf.agenda:
        agenda.append(RoomAgendaItem(title=mask(item.title), minutes=item.minutes, start=start,
                                     end=start + item.minutes))
        start += item.minutes
    return RoomConference(
        id=conf.id, date=conf.date, facilitator=naming.person(conf.facilitator),
        minute_taker=naming.person(conf.minute_taker),
        participants=tuple(RoomParticipant(
            label=naming.participant(p), role=p.role.value, role_label=label[p.role], actor_id=p.actor_id,
            attended=p.attended, consent=p.consent, confidentiality=p.confidentiality_acknowledged,
        ) for p in conf.participants),
        agenda=tuple(agenda),
        decisions=tuple(RoomDecision(
            text=mask(d.text), dissent=bool(d.dissent.strip() or d.dissent_by),
            dissent_by=tuple(naming.person(n) for n in d.dissent_by), dissent_text=_hidden(privacy, d.dissent),
        ) for d in conf.decisions),
        action_ids=tuple(conf.action_ids), next_review=conf.next_review, place=_hidden(privacy, conf.place),
        notes=_hidden(privacy, conf.notes))


def _people(case: Case, naming: CaseNaming, conf: CaseConference | None, label: Labels) -> tuple[RoomPerson, ...]:
    roles: dict[str, list[str]] = {}

    def add(who: str, role: str) -> None:
        if who and role not in roles.setdefault(who, []):
            roles[who].append(role)

    add(naming.person(case.case_manager), ConferenceRole.CASE_MANAGER.value)
    for actor in case.actors:
        if actor.kind == ActorKind.PERSON:
            add(naming.actor(actor), NETWORK_ROLE)
    if conf is not None:
        for p in conf.participants:
            add(naming.participant(p), p.role.value)
        add(naming.person(conf.facilitator), ConferenceRole.FACILITATOR.value)
        add(naming.person(conf.minute_taker), ConferenceRole.MINUTE_TAKER.value)
    for contact in case.crisis_plan.contacts if case.crisis_plan else ():
        if contact.name not in naming.org_names:
            add(naming.contact(contact.name), CRISIS_CONTACT_ROLE)
    return tuple(RoomPerson(label=who, roles=tuple(r), role_labels=tuple(role_label(x, label.lang) for x in r))
                 for who, r in roles.items())


_ROOMS: OrderedDict[tuple, RoomCase] = OrderedDict()
_ROOMS_KEPT = 16


def room_projection(case: Case, *, privacy: bool, lang: str, conference_id: str | None = None) -> RoomCase:
    """What a projected screen may show of ``case`` (see the module's text); ``conference_id``: the meeting
    (default: the latest). Raises :class:`~casekit.errors.NotFound` for an unknown conference.

    Redraws ask again and again for the same case: the last projections are kept, keyed by the case's whole
    content (its JSON), so an edited copy that kept its version never gets a stale projection.
    """
    lang = normalise_language(lang)
    key = (privacy, lang, conference_id, case.model_dump_json())
    room = _ROOMS.get(key)
    if room is None:
        room = _ROOMS[key] = _project(case, privacy, lang, conference_id)
        while len(_ROOMS) > _ROOMS_KEPT:
            _ROOMS.popitem(last=False)
    else:
        _ROOMS.move_to_end(key)
    return room


def _project(case: Case, privacy: bool, lang: str, conference_id: str | None) -> RoomCase:
    label = Labels(lang)
    conf = _conference(case, conference_id)
    naming = CaseNaming(case, privacy, lang)
    if privacy:
        people = list(naming.people.items())
        naming.mask = build_masker(case, people, shown_texts(case), naming.labels, lang)
    mask = naming.mask
    return RoomCase(
        privacy=privacy, lang=lang, case_id=case.id, version=case.version,
        client=RoomClient(label=case.client.display_name, birth_year=_hidden(privacy, case.client.birth_year),
                          municipality=_hidden(privacy, case.client.municipality),
                          household=_hidden(privacy, case.client.household)),
        case_manager=naming.person(case.case_manager), phase=case.phase.value, phase_label=label[case.phase],
        phase_history=tuple(RoomPhaseChange(phase=c.phase.value, phase_label=label[c.phase], date=c.date,
                                            note=_hidden(privacy, c.note)) for c in case.phase_history),
        request=mask(case.request), strengths=tuple(map(mask, case.strengths)), wishes=tuple(map(mask, case.wishes)),
        people=_people(case, naming, conf, label), actors=_actors(case, naming, privacy, label),
        needs=_needs(case, naming, privacy, label), goals=_goals(case, mask), actions=_actions(case, naming, label),
        reviews=_reviews(case, privacy, label), crisis_plan=_crisis_plan(case, naming, privacy),
        conferences=tuple(RoomConferenceRef(id=c.id, date=c.date) for c in case.conferences),
        conference=_meeting(conf, naming, privacy, label), closure_note=_hidden(privacy, case.closure_note),
    )


__all__ = ["SEVERITY_GAP", "SHOWN_IN_PRIVACY", "initials", "role_label", "room_projection", "views_differ"]
