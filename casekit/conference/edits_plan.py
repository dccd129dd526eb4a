"""Edits of the plan and the review: goals with GAS levels, actions (who, what, by when), the crisis plan, and
the review of a conference (GAS scores, changes of action status).

Removing a goal clears ``goal_id`` of the actions that served it (they stay) and takes its GAS scores out of
every review; removing an action takes it out of every conference's agreed actions and every review's status
changes. Due dates more than five years ahead are refused unless confirmed (``confirm_far=True``).
"""
from __future__ import annotations

from typing import Any

from ..model import Action, CrisisContact, Goal, new_id
from ..model.plan import GAS_LEVELS
from .edits_base import (
    EditRefused, Removed, apply, at_index, check_date, conference_of, find, plain, remove, set_fields,
)
from .edits_network import _added, _model

GOAL_FIELDS = ("text", "weight", "baseline", "need_ids")
ACTION_FIELDS = ("what", "owner_id", "due", "status", "need_id", "goal_id")
CRISIS_TEXT_FIELDS = ("when_well", "what_helps", "what_harms", "preferred_treatment", "refused_treatment",
                      "medication", "allergies", "dependants_care")
CRISIS_LIST_FIELDS = ("triggers", "early_signs", "copies_to")
CONTACT_FIELDS = ("name", "role", "phone")


# -- goals -------------------------------------------------------------------------------------------------------
def add_goal(case, text: str, *, id: str | None = None, levels: dict | None = None, weight: float = 1.0,
             baseline: int = -1, need_ids=(), created=None, confirm_far: bool = False):
    """A goal in the client's words, with GAS levels −2…+2 (``{level: text}``) and the needs it answers."""
    goal = _model(Goal, {"id": id or new_id("goal"), "text": text, "levels": dict(levels or {}), "weight": weight,
                         "baseline": baseline, "need_ids": list(need_ids),
                         "created": check_date("created", created, confirm_far=confirm_far)})

    def mutate(data):
        if not _added(data["goals"], goal, "goal"):
            data["goals"].append(goal)

    return apply(case, mutate)


def set_goal(case, goal_id: str, **fields):
    """Text, weight, baseline or the needs of a goal."""
    return apply(case, lambda data: set_fields(find(data["goals"], goal_id, "goal"), fields, GOAL_FIELDS, "goal"))


def set_goal_level(case, goal_id: str, level: int, text: str):
    """The description of one GAS level of a goal (empty text: the level is left undescribed)."""
    if level not in GAS_LEVELS:
        raise EditRefused("errors.gas_out_of_scale", value=level)

    def mutate(data):
        goal = find(data["goals"], goal_id, "goal")
        levels = {str(k): v for k, v in goal["levels"].items() if str(k) != str(level)}
        if text and text.strip():
            levels[str(level)] = text
        goal["levels"] = levels

    return apply(case, mutate)


def link_goal_need(case, goal_id: str, need_id: str):
    """The goal answers this need too (a ticked checkbox; other needs stay)."""
    def mutate(data):
        find(data["needs"], need_id, "need")
        goal = find(data["goals"], goal_id, "goal")
        if need_id not in goal["need_ids"]:
            goal["need_ids"].append(need_id)

    return apply(case, mutate)


def unlink_goal_need(case, goal_id: str, need_id: str):
    def mutate(data):
        goal = find(data["goals"], goal_id, "goal")
        goal["need_ids"] = [n for n in goal["need_ids"] if n != need_id]

    return apply(case, mutate)


def remove_goal(case, goal_id: str) -> tuple[Any, Removed]:
    """Remove a goal; its actions stay (without a goal), its GAS scores leave every review."""
    goal = case.goal(goal_id)
    if goal is None:
        raise EditRefused("errors.item_gone", what="goal", id=goal_id)

    def mutate(data):
        data["goals"] = [g for g in data["goals"] if g["id"] != goal_id]
        actions = scores = 0
        for action in data["actions"]:
            if action.get("goal_id") == goal_id:
                action["goal_id"] = None
                actions += 1
        for review in data["reviews"]:
            if goal_id in review["gas_scores"]:
                del review["gas_scores"][goal_id]
                scores += 1
        return [("actions_unlinked", actions), ("gas_scores", scores)]

    return remove(case, "goal", goal_id, goal.text, ("goals", goal_id), mutate)


# -- actions -----------------------------------------------------------------------------------------------------
def add_action(case, what: str, owner_id: str, *, conference_id: str | None = None, due=None,
               need_id: str | None = None, goal_id: str | None = None, status: str = "planned", created=None,
               id: str | None = None, confirm_far: bool = False):
    """An action: what, who (an actor's id, ``"client"`` or ``"case_manager"``), by when. With ``conference_id``
    it is one of that conference's agreed actions (and ``created`` defaults to the conference's date)."""
    if created is None and conference_id is not None:
        conference = next((c for c in case.conferences if c.id == conference_id), None)
        created = conference.date if conference is not None else None
    action = _model(Action, {"id": id or new_id("action"), "what": what, "owner_id": owner_id,
                             "due": check_date("due", due, confirm_far=confirm_far), "status": plain(status),
                             "need_id": need_id, "goal_id": goal_id, "created": plain(created)})

    def mutate(data):
        if not _added(data["actions"], action, "action"):
            data["actions"].append(action)
        if conference_id is not None:
            conference = conference_of(data, conference_id)
            if action["id"] not in conference["action_ids"]:
                conference["action_ids"].append(action["id"])

    return apply(case, mutate)


def set_action(case, action_id: str, *, confirm_far: bool = False, **fields):
    """What, who, by when, status, or the need / goal an action serves (a due date more than five years ahead
    needs ``confirm_far``)."""
    if "due" in fields:
        fields["due"] = check_date("due", fields["due"], confirm_far=confirm_far)
    return apply(case, lambda data: set_fields(find(data["actions"], action_id, "action"), fields, ACTION_FIELDS,
                                               "action"))


def remove_action(case, action_id: str) -> tuple[Any, Removed]:
    """Remove an action from the plan, from every conference's agreed actions and from every review."""
    action = case.action(action_id)
    if action is None:
        raise EditRefused("errors.item_gone", what="action", id=action_id)

    def mutate(data):
        data["actions"] = [a for a in data["actions"] if a["id"] != action_id]
        agreed = changes = 0
        for conference in data["conferences"]:
            if action_id in conference["action_ids"]:
                conference["action_ids"] = [a for a in conference["action_ids"] if a != action_id]
                agreed += 1
        for review in data["reviews"]:
            kept = [c for c in review["action_changes"] if c["action_id"] != action_id]
            changes += len(review["action_changes"]) - len(kept)
            review["action_changes"] = kept
        return [("conference_actions", agreed), ("status_changes", changes)]

    return remove(case, "action", action_id, action.what, ("actions", action_id), mutate)


# -- the crisis plan ---------------------------------------------------------------------------------------------
def _plan(data: dict) -> dict:
    if data.get("crisis_plan") is None:
        from ..model import CrisisPlan

        data["crisis_plan"] = CrisisPlan().model_dump(mode="json")
    return data["crisis_plan"]


def set_crisis_plan(case, *, confirm_far: bool = False, **fields):
    """Fields of the crisis plan (written when the case has none): its texts, ``triggers``/``early_signs``/
    ``copies_to`` as lists, ``written_on``."""
    if "written_on" in fields:
        fields["written_on"] = check_date("written_on", fields["written_on"], confirm_far=confirm_far)
    allowed = CRISIS_TEXT_FIELDS + CRISIS_LIST_FIELDS + ("written_on",)
    return apply(case, lambda data: set_fields(_plan(data), fields, allowed, "crisis_plan"))


def add_crisis_contact(case, name: str, role: str = "", phone: str = ""):
    contact = _model(CrisisContact, {"name": name, "role": role, "phone": phone})
    return apply(case, lambda data: _plan(data)["contacts"].append(contact))


def set_crisis_contact(case, index: int, **fields):
    def mutate(data):
        contact = at_index(_plan(data)["contacts"], index, "crisis_contact")
        set_fields(contact, fields, CONTACT_FIELDS, "crisis_contact")

    return apply(case, mutate)


def remove_crisis_contact(case, index: int) -> tuple[Any, Removed]:
    contacts = case.crisis_plan.contacts if case.crisis_plan is not None else []
    contact = at_index(contacts, index, "crisis_contact")

    def mutate(data):
        del data["crisis_plan"]["contacts"][index]

    return remove(case, "crisis_contact", index, contact.name, ("crisis_plan", "contacts", index), mutate)


# -- the review of a conference ----------------------------------------------------------------------------------
def review_id_of(conference_id: str) -> str:
    """The id of a conference's review: the same on every device, so two devices scoring at once make one."""
    candidate = f"review-{conference_id}"
    return candidate if len(candidate) <= 64 else new_id("review")


def _review(data: dict, conference_id: str) -> dict:
    for review in data["reviews"]:
        if review.get("conference_id") == conference_id:
            return review
    conference = conference_of(data, conference_id)
    taken = {r["id"] for r in data["reviews"]}
    review_id = review_id_of(conference_id)
    review = {"id": review_id if review_id not in taken else new_id("review"), "date": conference["date"],
              "gas_scores": {}, "action_changes": [], "notes": "", "conference_id": conference_id}
    data["reviews"].append(review)
    return review


def set_gas_score(case, conference_id: str, goal_id: str, score: int | None):
    """The GAS score of a goal at this conference's review (None: not scored); the review is made when needed."""
    if score is not None and score not in GAS_LEVELS:
        raise EditRefused("errors.gas_out_of_scale", value=score)

    def mutate(data):
        find(data["goals"], goal_id, "goal")
        review = _review(data, conference_id)
        scores = {k: v for k, v in review["gas_scores"].items() if k != goal_id}
        if score is not None:
            scores[goal_id] = score
        review["gas_scores"] = scores

    return apply(case, mutate)


def record_action_status(case, conference_id: str, action_id: str, status, note: str = ""):
    """The action's status now, recorded as a change in this conference's review."""
    status = plain(status)

    def mutate(data):
        action = find(data["actions"], action_id, "action")
        action["status"] = status
        review = _review(data, conference_id)
        changes = [c for c in review["action_changes"] if c["action_id"] != action_id]
        changes.append({"action_id": action_id, "status": status, "note": note})
        review["action_changes"] = changes

    return apply(case, mutate)


def set_review_notes(case, conference_id: str, notes: str):
    return apply(case, lambda data: _review(data, conference_id).__setitem__("notes", notes))
