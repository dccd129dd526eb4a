"""The case: one client, one record, one network — the aggregate that the store saves whole."""
from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ..vocab import ClosureReason, Perspective, Phase, TeamModel
from .actor import Actor
from .base import (
    RESERVED_OWNERS, Id, LongText, Model, Name, ShortText, check_dates_in_order, id_field, rule_error,
)
from .client import Client
from .conference import CaseConference
from .need import Need
from .plan import Action, CrisisPlan, Goal
from .review import Review


class PhaseChange(Model):
    phase: Phase
    date: date
    note: LongText = ""


def _unique(items, what: str) -> set[str]:
    ids: set[str] = set()
    for item in items:
        if item.id in ids:
            raise rule_error("duplicate_id", what=what, id=item.id)
        ids.add(item.id)
    return ids


class Case(Model):
    """A case: the client, their needs, network, plan, reviews and conferences.

    ``version`` is the store's revision counter for optimistic concurrency: the store sets it;
    saving a copy whose version is no longer current is refused.
    """

    id: Id = id_field("case")
    client: Client
    case_manager: Name
    team_model: TeamModel = TeamModel.INDIVIDUAL
    phase: Phase = Phase.CONTACT
    phase_history: list[PhaseChange] = Field(default_factory=list, max_length=500)
    target_group: ShortText = ""
    referral_source: ShortText = ""
    request: LongText = ""
    strengths: list[LongText] = Field(default_factory=list, max_length=100)
    wishes: list[LongText] = Field(default_factory=list, max_length=100)
    opened: date
    closed: date | None = None
    closure_reason: ClosureReason | None = None
    closure_note: LongText = ""
    needs: list[Need] = Field(default_factory=list, max_length=500)
    actors: list[Actor] = Field(default_factory=list, max_length=1000)
    goals: list[Goal] = Field(default_factory=list, max_length=500)
    actions: list[Action] = Field(default_factory=list, max_length=20_000)
    reviews: list[Review] = Field(default_factory=list, max_length=2000)
    conferences: list[CaseConference] = Field(default_factory=list, max_length=2000)
    crisis_plan: CrisisPlan | None = None
    language: ShortText = "cs"
    version: int = Field(default=0, ge=0)

    # -- cross-field rules -------------------------------------------------------------------
    @model_validator(mode="after")
    def _rules(self):
        self._check_closure()
        self._check_phase_history()
        actor_ids = _unique(self.actors, "actor")
        need_ids = _unique(self.needs, "need")
        goal_ids = _unique(self.goals, "goal")
        action_ids = _unique(self.actions, "action")
        _unique(self.reviews, "review")
        conference_ids = _unique(self.conferences, "conference")
        self._check_needs(actor_ids)
        self._check_goals(need_ids)
        self._check_actions(actor_ids, need_ids, goal_ids)
        self._check_reviews(goal_ids, action_ids, conference_ids)
        self._check_conferences(actor_ids, action_ids)
        return self

    def _check_closure(self) -> None:
        check_dates_in_order(self.opened, self.closed, "closed_before_opened")
        if self.phase == Phase.CLOSED and (self.closed is None or self.closure_reason is None):
            raise rule_error("closed_needs_date_and_reason")
        if self.phase != Phase.CLOSED and self.closed is not None:
            raise rule_error("closing_date_on_open_case")

    def _check_phase_history(self) -> None:
        previous = self.opened
        for change in self.phase_history:
            check_dates_in_order(previous, change.date, "phase_change_out_of_order", phase=change.phase.value)
            previous = change.date
        if self.phase_history and self.phase_history[-1].phase != self.phase:
            raise rule_error("phase_history_mismatch", phase=self.phase.value)

    def _check_needs(self, actor_ids: set[str]) -> None:
        for need in self.needs:
            for actor_id in need.actor_ids:
                if actor_id not in actor_ids:
                    raise rule_error("need_actor_unknown", need=need.id, actor=actor_id)
            for rating in need.ratings:
                if rating.perspective == Perspective.ACTOR and rating.actor_id not in actor_ids:
                    raise rule_error("rating_actor_unknown", need=need.id, actor=rating.actor_id)

    def _check_goals(self, need_ids: set[str]) -> None:
        for goal in self.goals:
            for need_id in goal.need_ids:
                if need_id not in need_ids:
                    raise rule_error("goal_need_unknown", goal=goal.id, need=need_id)

    def _check_actions(self, actor_ids: set[str], need_ids: set[str], goal_ids: set[str]) -> None:
        for action in self.actions:
            if action.owner_id not in actor_ids and action.owner_id not in RESERVED_OWNERS:
                raise rule_error("action_owner_unknown", action=action.what[:60], owner=action.owner_id)
            if action.need_id is not None and action.need_id not in need_ids:
                raise rule_error("action_need_unknown", action=action.what[:60], need=action.need_id)
            if action.goal_id is not None and action.goal_id not in goal_ids:
                raise rule_error("action_goal_unknown", action=action.what[:60], goal=action.goal_id)

    def _check_reviews(self, goal_ids: set[str], action_ids: set[str], conference_ids: set[str]) -> None:
        for review in self.reviews:
            check_dates_in_order(self.opened, review.date, "review_before_opened")
            for goal_id in review.gas_scores:
                if goal_id not in goal_ids:
                    raise rule_error("review_goal_unknown", goal=goal_id)
            for change in review.action_changes:
                if change.action_id not in action_ids:
                    raise rule_error("review_action_unknown", action=change.action_id)
            if review.conference_id is not None and review.conference_id not in conference_ids:
                raise rule_error("review_conference_unknown", conference=review.conference_id)

    def _check_conferences(self, actor_ids: set[str], action_ids: set[str]) -> None:
        for conference in self.conferences:
            check_dates_in_order(self.opened, conference.date, "conference_before_opened")
            for participant in conference.participants:
                if participant.actor_id is not None and participant.actor_id not in actor_ids:
                    raise rule_error("participant_actor_unknown", name=participant.name, actor=participant.actor_id)
            for action_id in conference.action_ids:
                if action_id not in action_ids:
                    raise rule_error("conference_action_unknown", action=action_id)

    # -- reading helpers ---------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def need(self, need_id: str) -> Need | None:
        return next((n for n in self.needs if n.id == need_id), None)

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def unmet_needs(self) -> list[Need]:
        return [n for n in self.needs if n.is_unmet()]

    @property
    def last_conference(self) -> CaseConference | None:
        return max(self.conferences, key=lambda c: c.date, default=None)
