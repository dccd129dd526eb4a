"""Edits of the network and the needs: actors (formal or informal, chosen explicitly), services from the regional
catalogue without duplicates, one need–actor link at a time, needs and their ratings per perspective.

Removing an actor takes it out of every need's links, removes the ratings given from its perspective and
clears the ``actor_id`` of participants who were it (they still came to the meeting). An actor who owns
actions is **refused** (``errors.actor_owns_actions``, naming how many and the first): who does what was
agreed in the room and must not change silently. ``reassign_actions_to=`` (``"case_manager"``, ``"client"``
or another actor's id) gives them to someone else in the same edit, and the undo gives them back.
"""
from __future__ import annotations

from typing import Any

from ..errors import InvalidData
from ..model import Actor, Need, Rating, new_id
from ..model.base import RESERVED_OWNERS
from ..vocab import LifeDomain, Perspective
from .edits_base import EditRefused, Removed, apply, check_date, find, plain, remove, set_fields

#: fields of an actor an edit may set (``relationship`` has its own edit)
ACTOR_FIELDS = ("name", "kind", "sector", "formal", "contact_person", "phone", "email", "provides", "capacity",
                "area", "catalogue_id")
NEED_FIELDS = ("description", "priority")
_UNSET: Any = object()


def _added(records: list[dict], record: dict, what: str) -> bool:
    """Whether ``record`` is already there (the same click twice: nothing to do); another record with its id is
    refused."""
    for existing in records:
        if existing["id"] == record["id"]:
            if existing == record:
                return True
            raise EditRefused("errors.id_taken", what=what, id=record["id"])
    return False


# -- actors ------------------------------------------------------------------------------------------------------
def add_actor(case, *, name: str, formal: bool, kind, sector, id: str | None = None, relationship: dict | None = None,
              confirm_far: bool = False, **fields):
    """Add a person or organisation to the network. ``formal`` has no default: a daughter is informal, a service
    formal, and the person adding says which. ``id``: give one to make a repeated click add one actor."""
    if not isinstance(formal, bool):
        raise EditRefused("errors.formal_not_chosen")
    relationship = dict(relationship or {})
    if "since" in relationship:
        relationship["since"] = check_date("since", relationship["since"], confirm_far=confirm_far)
    unknown = sorted(set(fields) - set(ACTOR_FIELDS))
    if unknown:
        raise EditRefused("errors.field_not_editable", field=unknown[0], what="actor")
    actor = _model(Actor, {"id": id or new_id("actor"), "name": name, "formal": formal, "kind": plain(kind),
                           "sector": plain(sector), "relationship": plain(relationship), **plain(fields)})

    def mutate(data):
        if not _added(data["actors"], actor, "actor"):
            data["actors"].append(actor)

    return apply(case, mutate)


def _model(model, data: dict) -> dict:
    """``data`` checked by ``model`` alone (its own sentences), as plain JSON."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        raise InvalidData.from_validation(exc) from None


def set_actor(case, actor_id: str, **fields):
    """Change fields of an actor (name, kind, sector, formal, contacts, what it provides …)."""
    return apply(case, lambda data: set_fields(find(data["actors"], actor_id, "actor"), fields, ACTOR_FIELDS,
                                               "actor"))


def set_relationship(case, actor_id: str, *, confirm_far: bool = False, **fields):
    """The tie on the ecomap: ``kind``, ``flow``, ``since`` (a date more than five years ahead needs
    ``confirm_far``)."""
    if "since" in fields:
        fields["since"] = check_date("since", fields["since"], confirm_far=confirm_far)

    def mutate(data):
        actor = find(data["actors"], actor_id, "actor")
        set_fields(actor["relationship"], fields, ("kind", "flow", "since"), "relationship")

    return apply(case, mutate)


def remove_actor(case, actor_id: str, *, reassign_actions_to: str | None = None) -> tuple[Any, Removed]:
    """Remove an actor with its links, ratings and participants' references (see the module); an actor who owns
    actions is refused unless ``reassign_actions_to`` names who takes them over."""
    actor = case.actor(actor_id)
    if actor is None:
        raise EditRefused("errors.item_gone", what="actor", id=actor_id)
    owned = [a for a in case.actions if a.owner_id == actor_id]
    if owned and reassign_actions_to is None:
        raise EditRefused("errors.actor_owns_actions", name=actor.name, count=len(owned), action=owned[0].what[:60])
    if owned and reassign_actions_to not in RESERVED_OWNERS and (
            reassign_actions_to == actor_id or case.actor(reassign_actions_to) is None):
        raise EditRefused("errors.item_gone", what="actor", id=str(reassign_actions_to))

    def mutate(data):
        data["actors"] = [a for a in data["actors"] if a["id"] != actor_id]
        links = ratings = participants = 0
        for need in data["needs"]:
            links += need["actor_ids"].count(actor_id)
            need["actor_ids"] = [a for a in need["actor_ids"] if a != actor_id]
            kept = [r for r in need["ratings"] if not (r["perspective"] == "actor" and r["actor_id"] == actor_id)]
            ratings += len(need["ratings"]) - len(kept)
            need["ratings"] = kept
        for conference in data["conferences"]:
            for participant in conference["participants"]:
                if participant.get("actor_id") == actor_id:
                    participant["actor_id"] = None
                    participants += 1
        for action in data["actions"]:
            if action["owner_id"] == actor_id:
                action["owner_id"] = reassign_actions_to
        return [("need_links", links), ("ratings", ratings), ("participants", participants),
                ("actions_reassigned", len(owned))]

    return remove(case, "actor", actor_id, actor.name, ("actors", actor_id), mutate)


# -- the regional catalogue --------------------------------------------------------------------------------------
def add_service(case, catalogue, service_id: str, *, need_id: str | None = None, id: str | None = None):
    """Add a service of the regional catalogue to the network (formal as the catalogue says) and, with ``need_id``,
    link it to that need. A service already in the network (same ``catalogue_id``) is not added again: the
    existing actor is linked instead."""
    service = catalogue.service(service_id) if catalogue is not None else None
    if service is None:
        raise EditRefused("errors.service_unknown", id=service_id)
    existing = next((a for a in case.actors if a.catalogue_id == service.id), None)
    if existing is not None:
        return link_need(case, need_id, existing.id) if need_id is not None else case
    areas = ", ".join(a.name for a in catalogue.areas if a.id in service.areas)[:200]
    actor_id = id or new_id("actor")
    changed = add_actor(case, id=actor_id, name=service.name, formal=service.formal, kind="organisation",
                        sector=service.sector, provides=service.description, catalogue_id=service.id, area=areas)
    return link_need(changed, need_id, actor_id) if need_id is not None else changed


# -- needs and links ---------------------------------------------------------------------------------------------
def link_need(case, need_id: str, actor_id: str):
    """Link one actor to one need (a ticked checkbox); other links stay. Linking twice changes nothing."""
    def mutate(data):
        find(data["actors"], actor_id, "actor")
        need = find(data["needs"], need_id, "need")
        if actor_id not in need["actor_ids"]:
            need["actor_ids"].append(actor_id)

    return apply(case, mutate)


def unlink_need(case, need_id: str, actor_id: str):
    """Unlink one actor from one need (an unticked checkbox); other links stay. Undo: :func:`link_need`."""
    def mutate(data):
        need = find(data["needs"], need_id, "need")
        need["actor_ids"] = [a for a in need["actor_ids"] if a != actor_id]

    return apply(case, mutate)


def add_need(case, domain, *, id: str | None = None, description: str = "", priority: str = "medium"):
    """A need in a life domain (no ratings yet)."""
    need = _model(Need, {"id": id or new_id("need"), "domain": plain(domain), "description": description,
                         "priority": plain(priority)})

    def mutate(data):
        if not _added(data["needs"], need, "need"):
            data["needs"].append(need)

    return apply(case, mutate)


def set_need(case, need_id: str, **fields):
    """The description or priority of a need."""
    return apply(case, lambda data: set_fields(find(data["needs"], need_id, "need"), fields, NEED_FIELDS, "need"))


def remove_need(case, need_id: str) -> tuple[Any, Removed]:
    """Remove a need with its ratings; goals no longer refer to it, actions no longer address it."""
    need = case.need(need_id)
    if need is None:
        raise EditRefused("errors.item_gone", what="need", id=need_id)

    def mutate(data):
        data["needs"] = [n for n in data["needs"] if n["id"] != need_id]
        goals = actions = 0
        for goal in data["goals"]:
            if need_id in goal["need_ids"]:
                goal["need_ids"] = [n for n in goal["need_ids"] if n != need_id]
                goals += 1
        for action in data["actions"]:
            if action.get("need_id") == need_id:
                action["need_id"] = None
                actions += 1
        return [("goal_links", goals), ("actions_unlinked", actions)]

    return remove(case, "need", need_id, need.domain.value, ("needs", need_id), mutate, name_key=need.domain.key)


# -- ratings -----------------------------------------------------------------------------------------------------
def _rater(perspective, actor_id):
    perspective = Perspective(plain(perspective))
    if perspective != Perspective.ACTOR:
        actor_id = None
    return perspective.value, actor_id


def _rating_of(need: dict, perspective: str, actor_id):
    return next((r for r in need["ratings"] if r["perspective"] == perspective and r.get("actor_id") == actor_id), None)


def set_rating(case, need_id: str, perspective, actor_id: str | None = None, *, status=_UNSET, severity=_UNSET,
               note=_UNSET):
    """One perspective's rating of a need (created when missing): status, severity 1–5 (None: not rated), note.
    Other perspectives are never touched."""
    perspective, actor_id = _rater(perspective, actor_id)
    changes = {k: v for k, v in (("status", status), ("severity", severity), ("note", note)) if v is not _UNSET}

    def mutate(data):
        need = find(data["needs"], need_id, "need")
        if actor_id is not None:
            find(data["actors"], actor_id, "actor")
        rating = _rating_of(need, perspective, actor_id)
        if rating is None:
            rating = _model(Rating, {"perspective": perspective, "actor_id": actor_id})
            need["ratings"].append(rating)
        set_fields(rating, changes, ("status", "severity", "note"), "rating")

    return apply(case, mutate)


def rate_domain(case, domain, perspective, actor_id: str | None = None, **changes):
    """:func:`set_rating` for the need of a life domain, which is created first (id ``need-<domain>`` when free)
    if the case has none: the assessment grid rates domains, not needs."""
    domain = LifeDomain(plain(domain))
    need = next((n for n in case.needs if n.domain == domain), None)
    if need is None:
        taken = {n.id for n in case.needs}
        need_id = f"need-{domain.value}" if f"need-{domain.value}" not in taken else new_id("need")
        case = add_need(case, domain, id=need_id)
    else:
        need_id = need.id
    return set_rating(case, need_id, perspective, actor_id, **changes)


def clear_rating(case, need_id: str, perspective, actor_id: str | None = None) -> tuple[Any, Removed]:
    """Remove one perspective's rating of a need (status, severity and note)."""
    perspective, actor_id = _rater(perspective, actor_id)
    need = case.need(need_id)
    if need is None or need.rating(perspective, actor_id) is None:
        raise EditRefused("errors.item_gone", what="rating", id=need_id)
    key = f"actor:{actor_id}" if actor_id else perspective

    def mutate(data):
        target = find(data["needs"], need_id, "need")
        target["ratings"] = [r for r in target["ratings"]
                             if not (r["perspective"] == perspective and r.get("actor_id") == actor_id)]

    return remove(case, "rating", key, need.domain.value, ("needs", need_id, "ratings", key), mutate,
                  name_key=need.domain.key)
