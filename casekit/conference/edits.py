"""Named, pure edits of a case for the conference: ``Case -> Case``, a removal ``Case -> (Case, Removed)``.

Every edit validates the whole case (``Case.model_validate``) and raises
:class:`~casekit.errors.InvalidData` with sentences in Czech and English; the case passed in never changes.
Records are addressed by id (participants by name, agenda items, decisions and texts by position), so an edit
made on a copy another device changed meanwhile still means the same item, and a record another device
removed gives ``errors.item_gone``. Adds take an optional ``id``: the same add twice (a double click) adds one
item. :func:`undo` puts a removal back (:mod:`.edits_base`). Dates more than five years ahead raise
:class:`FarDate` (``errors.date_far_ahead``) unless ``confirm_far=True``; a birth year more than 120 years ago
is refused by the model itself (``errors.birth_year_too_old``, no confirmation: it cannot be right).

This module holds the edits of a conference and the story; the network and needs are in
:mod:`.edits_network`, the plan and the review in :mod:`.edits_plan`; all of them can be used from here.
"""
from __future__ import annotations

from typing import Any

from ..model import AgendaItem, CaseConference, Decision, Participant, new_id
from ..vocab import ConferenceRole
from .edits_base import (  # noqa: F401 - the shared parts, for ``from casekit.conference.edits import …``
    YEARS_AHEAD, EditRefused, FarDate, Removed, apply, at_index, check_date, conference_of, document, find, plain, remove,
    set_fields, today, undo, validate,
)
from .edits_network import (  # noqa: F401
    ACTOR_FIELDS, add_actor, add_need, add_service, clear_rating, link_need, rate_domain, remove_actor, remove_need,
    set_actor, set_need, set_rating, set_relationship, unlink_need,
)
from .edits_network import _added, _model
from .edits_plan import (  # noqa: F401
    ACTION_FIELDS, CRISIS_LIST_FIELDS, CRISIS_TEXT_FIELDS, GOAL_FIELDS, add_action, add_crisis_contact, add_goal,
    link_goal_need, record_action_status, remove_action, remove_crisis_contact, remove_goal, review_id_of,
    set_action, set_crisis_contact, set_crisis_plan, set_gas_score, set_goal, set_goal_level, set_review_notes,
    unlink_goal_need,
)

CONFERENCE_FIELDS = ("date", "place", "facilitator", "minute_taker", "next_review", "notes", "language")
PARTICIPANT_FIELDS = ("name", "role", "actor_id", "attended", "consent", "confidentiality_acknowledged")
DECISION_FIELDS = ("text", "dissent", "dissent_by")
CLIENT_FIELDS = ("display_name", "birth_year", "gender", "municipality", "household", "languages")
TEXT_LISTS = ("strengths", "wishes")
_KINDS = {"strengths": "strength", "wishes": "wish"}
_DATES = ("date", "next_review")


# -- conferences -------------------------------------------------------------------------------------------------
def add_conference(case, on, *, language: str = "cs", id: str | None = None, confirm_far: bool = False, **fields):
    """A new conference of the case on ``on`` (a date). ``id``: give one so that a double click makes one."""
    day = check_date("date", on, confirm_far=confirm_far)
    for name in _DATES:
        if name in fields:
            fields[name] = check_date(name, fields[name], confirm_far=confirm_far)
    unknown = sorted(set(fields) - set(CONFERENCE_FIELDS))
    if unknown:
        raise EditRefused("errors.field_not_editable", field=unknown[0], what="conference")
    conference = _model(CaseConference, {"id": id or new_id("conf"), "date": day, "language": language,
                                         **plain(fields)})

    def mutate(data):
        if not _added(data["conferences"], conference, "conference"):
            data["conferences"].append(conference)

    return apply(case, mutate)


def set_conference(case, conference_id: str, *, confirm_far: bool = False, **fields):
    """Date, place, facilitator, minute-taker, next review, notes or language of a conference (the date and the
    next review more than five years ahead need ``confirm_far``)."""
    for name in _DATES:
        if name in fields:
            fields[name] = check_date(name, fields[name], confirm_far=confirm_far)
    return apply(case, lambda data: set_fields(conference_of(data, conference_id), fields, CONFERENCE_FIELDS,
                                               "conference"))


def remove_conference(case, conference_id: str) -> tuple[Any, Removed]:
    """Remove a conference (made by mistake); reviews held at it stay, no longer tied to it. Its agreed actions
    stay in the plan."""
    conference = next((c for c in case.conferences if c.id == conference_id), None)
    if conference is None:
        raise EditRefused("errors.item_gone", what="conference", id=conference_id)

    def mutate(data):
        data["conferences"] = [c for c in data["conferences"] if c["id"] != conference_id]
        reviews = 0
        for review in data["reviews"]:
            if review.get("conference_id") == conference_id:
                review["conference_id"] = None
                reviews += 1
        return [("reviews_unlinked", reviews)]

    return remove(case, "conference", conference_id, conference.date.isoformat(), ("conferences", conference_id),
                  mutate)


# -- participants ------------------------------------------------------------------------------------------------
def _participant(conference: dict, name: str) -> dict:
    for participant in conference["participants"]:
        if participant["name"] == name:
            return participant
    raise EditRefused("errors.item_gone", what="participant", id=name)


def add_participant(case, conference_id: str, name: str, *, role=ConferenceRole.PROFESSIONAL,
                    actor_id: str | None = None, **fields):
    """Someone at the meeting, with a role. A name already among the participants is refused
    (``errors.participant_exists``) – the same person is not added twice."""
    unknown = sorted(set(fields) - set(PARTICIPANT_FIELDS))
    if unknown:
        raise EditRefused("errors.field_not_editable", field=unknown[0], what="participant")
    participant = _model(Participant, {"name": name, "role": plain(role), "actor_id": actor_id, **plain(fields)})

    def mutate(data):
        conference = conference_of(data, conference_id)
        if any(p["name"] == participant["name"] for p in conference["participants"]):
            raise EditRefused("errors.participant_exists", name=participant["name"])
        if actor_id is not None:
            find(data["actors"], actor_id, "actor")
        conference["participants"].append(participant)

    return apply(case, mutate)


def add_participant_from_network(case, conference_id: str, actor_id: str, *, role=ConferenceRole.PROFESSIONAL):
    """An actor of the network as a participant, under the actor's name."""
    actor = case.actor(actor_id)
    if actor is None:
        raise EditRefused("errors.item_gone", what="actor", id=actor_id)
    return add_participant(case, conference_id, actor.name, role=role, actor_id=actor_id)


def add_client_as_participant(case, conference_id: str):
    """The client (under the case's pseudonym) as a participant."""
    return add_participant(case, conference_id, case.client.display_name, role=ConferenceRole.CLIENT)


def set_participant(case, conference_id: str, who: str, /, **fields):
    """Role, attendance, consent, confidentiality or the actor of participant ``who`` (by name); ``name=``
    renames (not to the name of another participant)."""
    def mutate(data):
        conference = conference_of(data, conference_id)
        participant = _participant(conference, who)
        new_name = fields.get("name")
        if new_name is not None and new_name.strip() != who and any(
                p["name"] == new_name.strip() for p in conference["participants"]):
            raise EditRefused("errors.participant_exists", name=new_name.strip())
        set_fields(participant, fields, PARTICIPANT_FIELDS, "participant")

    return apply(case, mutate)


def remove_participant(case, conference_id: str, name: str) -> tuple[Any, Removed]:
    """Remove a participant (decisions keep the names of those who dissented)."""
    def mutate(data):
        conference = conference_of(data, conference_id)
        _participant(conference, name)
        conference["participants"] = [p for p in conference["participants"] if p["name"] != name]

    return remove(case, "participant", name, name, ("conferences", conference_id, "participants", name), mutate)


# -- the agenda --------------------------------------------------------------------------------------------------
def add_agenda_item(case, conference_id: str, title: str, minutes: int = 10, *, at: int | None = None):
    """An agenda item with its time box (minutes), at the end or at position ``at``."""
    item = _model(AgendaItem, {"title": title, "minutes": minutes})

    def mutate(data):
        agenda = conference_of(data, conference_id)["agenda"]
        agenda.insert(len(agenda) if at is None else max(0, min(at, len(agenda))), item)

    return apply(case, mutate)


def set_agenda_item(case, conference_id: str, index: int, **fields):
    """Title or minutes of an agenda item."""
    def mutate(data):
        item = at_index(conference_of(data, conference_id)["agenda"], index, "agenda_item")
        set_fields(item, fields, ("title", "minutes"), "agenda_item")

    return apply(case, mutate)


def move_agenda_item(case, conference_id: str, index: int, to: int):
    """Move an agenda item to position ``to`` (the others keep their order)."""
    def mutate(data):
        agenda = conference_of(data, conference_id)["agenda"]
        item = at_index(agenda, index, "agenda_item")
        del agenda[index]
        agenda.insert(max(0, min(to, len(agenda))), item)

    return apply(case, mutate)


def remove_agenda_item(case, conference_id: str, index: int) -> tuple[Any, Removed]:
    conference = next((c for c in case.conferences if c.id == conference_id), None)
    if conference is None:
        raise EditRefused("errors.item_gone", what="conference", id=conference_id)
    item = at_index(conference.agenda, index, "agenda_item")

    def mutate(data):
        del conference_of(data, conference_id)["agenda"][index]

    return remove(case, "agenda_item", index, item.title, ("conferences", conference_id, "agenda", index), mutate)


# -- decisions ---------------------------------------------------------------------------------------------------
def add_decision(case, conference_id: str, text: str, *, dissent: str = "", dissent_by=()):
    decision = _model(Decision, {"text": text, "dissent": dissent, "dissent_by": list(dissent_by)})
    return apply(case, lambda data: conference_of(data, conference_id)["decisions"].append(decision))


def set_decision(case, conference_id: str, index: int, **fields):
    """Text, dissent or who dissented (``dissent_by``, a list of names) of a decision."""
    def mutate(data):
        decision = at_index(conference_of(data, conference_id)["decisions"], index, "decision")
        set_fields(decision, fields, DECISION_FIELDS, "decision")

    return apply(case, mutate)


def remove_decision(case, conference_id: str, index: int) -> tuple[Any, Removed]:
    conference = next((c for c in case.conferences if c.id == conference_id), None)
    if conference is None:
        raise EditRefused("errors.item_gone", what="conference", id=conference_id)
    decision = at_index(conference.decisions, index, "decision")

    def mutate(data):
        del conference_of(data, conference_id)["decisions"][index]

    return remove(case, "decision", index, decision.text, ("conferences", conference_id, "decisions", index), mutate)


# -- the story ---------------------------------------------------------------------------------------------------
def set_request(case, text: str):
    """The client's request, in their words."""
    return apply(case, lambda data: data.__setitem__("request", text))


def _text_list(name: str) -> str:
    if name not in TEXT_LISTS:
        raise EditRefused("errors.field_not_editable", field=name, what="case")
    return name


def add_text(case, name: str, text: str):
    """Add a strength (``name="strengths"``) or a wish (``"wishes"``); an empty text is refused."""
    if not isinstance(text, str) or not text.strip():
        raise EditRefused("errors.text_required")
    return apply(case, lambda data: data[_text_list(name)].append(text))


def set_text(case, name: str, index: int, text: str):
    def mutate(data):
        at_index(data[_text_list(name)], index, _KINDS[name])
        data[name][index] = text

    return apply(case, mutate)


def remove_text(case, name: str, index: int) -> tuple[Any, Removed]:
    items = getattr(case, _text_list(name))
    text = at_index(items, index, _KINDS[name])
    kind = _KINDS[name]

    def mutate(data):
        del data[name][index]

    return remove(case, kind, index, text, (name, index), mutate)


def add_strength(case, text: str):
    return add_text(case, "strengths", text)


def set_strength(case, index: int, text: str):
    return set_text(case, "strengths", index, text)


def remove_strength(case, index: int) -> tuple[Any, Removed]:
    return remove_text(case, "strengths", index)


def add_wish(case, text: str):
    return add_text(case, "wishes", text)


def set_wish(case, index: int, text: str):
    return set_text(case, "wishes", index, text)


def remove_wish(case, index: int) -> tuple[Any, Removed]:
    return remove_text(case, "wishes", index)


def set_client(case, **fields):
    """The client's pseudonym, birth year (at most 120 years ago), gender, municipality, household, languages."""
    return apply(case, lambda data: set_fields(data["client"], fields, CLIENT_FIELDS, "client"))
