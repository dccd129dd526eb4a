"""What the room may see of a case: the frozen model tree :func:`~.projection.room_projection` builds.

Every field is listed here on purpose (a whitelist): a field added to :mod:`casekit.model` later is not in the
room until someone adds it here and in the projection. Codes (``status``, ``role`` …) come with their label in
the projection's language. Fields typed ``… | None`` beside a *hidden in privacy* comment are ``None`` with
``privacy=True``: they hold what the facilitator's own console needs and the projector must not show.
"""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict


class RoomModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RoomClient(RoomModel):
    label: str  # the case's pseudonym (``Client.display_name`` is one by design)
    birth_year: int | None = None  # hidden in privacy
    municipality: str | None = None  # hidden in privacy
    household: str | None = None  # hidden in privacy


class RoomPerson(RoomModel):
    """A person of the case: a label (initials in privacy mode) and what they are in it."""

    label: str
    roles: tuple[str, ...]  # ConferenceRole values, "network" (an actor), "crisis_contact"
    role_labels: tuple[str, ...]


class RoomPhaseChange(RoomModel):
    phase: str
    phase_label: str
    date: date
    note: str | None = None  # hidden in privacy


class RoomRelationship(RoomModel):
    kind: str
    kind_label: str
    flow: str
    flow_label: str
    since: date | None


class RoomActor(RoomModel):
    id: str
    number: int  # place in the case's actor list, from 1 (charts number actors by it)
    label: str  # an organisation's name; a person's label
    kind: str
    kind_label: str
    sector: str
    sector_label: str
    formal: bool
    provides: str
    relationship: RoomRelationship
    catalogue_id: str | None
    contact_person: str | None = None  # hidden in privacy
    phone: str | None = None  # hidden in privacy
    email: str | None = None  # hidden in privacy
    area: str | None = None  # hidden in privacy


class RoomRating(RoomModel):
    perspective: str
    perspective_label: str
    actor_id: str | None
    actor_label: str | None  # for the actor perspective
    status: str
    status_label: str
    severity: int | None
    note: str | None = None  # hidden in privacy


class RoomNeed(RoomModel):
    id: str
    domain: str
    domain_label: str
    description: str
    priority: str
    priority_label: str
    ratings: tuple[RoomRating, ...]
    actor_ids: tuple[str, ...]
    unmet: bool
    disagreement: bool  # the perspectives differ (:func:`~.projection.views_differ`)


class RoomGasLevel(RoomModel):
    level: int
    text: str  # "" when the level is not described


class RoomGoal(RoomModel):
    id: str
    text: str
    levels: tuple[RoomGasLevel, ...]  # always −2, −1, 0, +1, +2, in that order
    baseline: int
    weight: float
    need_ids: tuple[str, ...]
    created: date | None


class RoomAction(RoomModel):
    id: str
    what: str
    owner_id: str
    owner_label: str
    due: date | None
    status: str
    status_label: str
    need_id: str | None
    goal_id: str | None
    created: date | None


class RoomScore(RoomModel):
    goal_id: str
    score: int


class RoomActionChange(RoomModel):
    action_id: str
    status: str
    status_label: str
    note: str | None = None  # hidden in privacy


class RoomReview(RoomModel):
    id: str
    date: date
    conference_id: str | None
    gas_scores: tuple[RoomScore, ...]
    action_changes: tuple[RoomActionChange, ...]
    notes: str | None = None  # hidden in privacy


class RoomCrisisContact(RoomModel):
    label: str
    role: str
    phone: str | None = None  # hidden in privacy


class RoomCrisisPlan(RoomModel):
    """In privacy mode only that there is a plan, its date and its contacts; its texts with the console."""

    written_on: date | None
    contacts: tuple[RoomCrisisContact, ...]
    when_well: str | None = None  # hidden in privacy, as every text below
    triggers: tuple[str, ...] | None = None
    early_signs: tuple[str, ...] | None = None
    what_helps: str | None = None
    what_harms: str | None = None
    preferred_treatment: str | None = None
    refused_treatment: str | None = None
    medication: str | None = None
    allergies: str | None = None
    dependants_care: str | None = None
    copies_to: tuple[str, ...] | None = None


class RoomParticipant(RoomModel):
    label: str
    role: str
    role_label: str
    actor_id: str | None
    attended: bool
    consent: bool
    confidentiality: bool


class RoomAgendaItem(RoomModel):
    title: str
    minutes: int
    start: int  # minutes from the start of the meeting
    end: int


class RoomDecision(RoomModel):
    text: str
    dissent: bool  # someone disagreed (a text or a name recorded)
    dissent_by: tuple[str, ...]
    dissent_text: str | None = None  # hidden in privacy


class RoomConferenceRef(RoomModel):
    id: str
    date: date


class RoomConference(RoomModel):
    id: str
    date: date
    facilitator: str
    minute_taker: str
    participants: tuple[RoomParticipant, ...]
    agenda: tuple[RoomAgendaItem, ...]
    decisions: tuple[RoomDecision, ...]
    action_ids: tuple[str, ...]
    next_review: date | None
    place: str | None = None  # hidden in privacy
    notes: str | None = None  # hidden in privacy

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)


class RoomCase(RoomModel):
    """A case as a room may see it (``privacy=True``) or as the facilitator's console shows it."""

    privacy: bool
    lang: str
    case_id: str
    version: int
    client: RoomClient
    case_manager: str
    phase: str
    phase_label: str
    phase_history: tuple[RoomPhaseChange, ...]
    request: str
    strengths: tuple[str, ...]
    wishes: tuple[str, ...]
    people: tuple[RoomPerson, ...]
    actors: tuple[RoomActor, ...]
    needs: tuple[RoomNeed, ...]
    goals: tuple[RoomGoal, ...]
    actions: tuple[RoomAction, ...]
    reviews: tuple[RoomReview, ...]
    crisis_plan: RoomCrisisPlan | None
    conferences: tuple[RoomConferenceRef, ...]
    conference: RoomConference | None  # the one asked for, else the latest
    closure_note: str | None = None  # hidden in privacy

    def actor(self, actor_id: str) -> RoomActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def need(self, need_id: str) -> RoomNeed | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def goal(self, goal_id: str) -> RoomGoal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def action(self, action_id: str) -> RoomAction | None:
        return next((a for a in self.actions if a.id == action_id), None)
