"""The case-study pack: an anonymised case, its timeline cut into stages, prompts, a reference and an outcome.

A trainer reveals the case one stage at a time (contact, assessment, planning, linking, advocacy,
monitoring: the six roles of the case manager, domain reference §3). Each :class:`Stage` says which parts of
the case the class sees by then (``reveals``) and which records exist by its last day (the ``*_ids``), what
happened during the stage (``events``), what to discuss (``prompts``), the exercise that fits the stage, and
``what_happened_next`` — the events of the following stage, told after the discussion. The
:class:`Reference` holds the assessment and the first plan from practice, for comparing with the class's own.

A pack file is an envelope ``{"format": "casekit.study", "schema_version": 1, "study": {...}}`` with the
texts in one language.
"""
from __future__ import annotations

from datetime import date
from enum import Enum

from pydantic import Field, model_validator

from ..anonymise.report import AnonymisationReport
from ..i18n import gettext
from ..model import Action, Case, CrisisPlan, Goal, Need
from ..model.base import Id, LongText, Model, ShortText, rule_error
from ..vocab import Phase

STUDY_FORMAT = "casekit.study"
STUDY_SCHEMA_VERSION = 1


class _Labelled(str, Enum):
    @property
    def key(self) -> str:
        return f"study.{self.key_prefix()}.{self.value}"

    @classmethod
    def key_prefix(cls) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def label(self, lang: str | None = None) -> str:
        return gettext(self.key, lang)

    def __str__(self) -> str:
        return self.value


class StudyPart(_Labelled):
    """A part of the case that a stage reveals to the class."""

    STORY = "story"
    STRENGTHS = "strengths"
    WISHES = "wishes"
    NEEDS = "needs"
    NETWORK = "network"
    PLAN = "plan"
    CRISIS_PLAN = "crisis_plan"
    CONFERENCES = "conferences"
    REVIEWS = "reviews"

    @classmethod
    def key_prefix(cls) -> str:
        return "part"


class Exercise(_Labelled):
    """What the class does at a stage."""

    ENGAGE = "engage"
    RATE_NEEDS = "rate_needs"
    PLAN = "plan"
    ECOMAP = "ecomap"
    ADVOCACY = "advocacy"
    REVIEW = "review"

    @classmethod
    def key_prefix(cls) -> str:
        return "exercise"


class EventKind(_Labelled):
    OPENED = "opened"
    PHASE = "phase"
    CONSENT = "consent"
    ACTOR = "actor"
    CONFERENCE = "conference"
    GOAL = "goal"
    ACTION = "action"
    REVIEW = "review"
    CRISIS_PLAN = "crisis_plan"
    CLOSED = "closed"

    @classmethod
    def key_prefix(cls) -> str:
        return "event_kind"


class TimelineEvent(Model):
    """One dated event of the case, told in a sentence; ``ref`` is the id of its record, if any."""

    date: date
    kind: EventKind
    text: LongText = Field(min_length=1)
    ref: Id | None = None


class Stage(Model):
    number: int = Field(ge=1)
    phase: Phase
    title: ShortText
    start: date
    end: date | None = None
    reveals: list[StudyPart] = Field(default_factory=list)
    story: list[LongText] = Field(default_factory=list)
    need_ids: list[Id] = Field(default_factory=list)
    actor_ids: list[Id] = Field(default_factory=list)
    goal_ids: list[Id] = Field(default_factory=list)
    action_ids: list[Id] = Field(default_factory=list)
    review_ids: list[Id] = Field(default_factory=list)
    conference_ids: list[Id] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)
    prompts: list[LongText] = Field(default_factory=list)
    exercise: Exercise | None = None
    what_happened_next: list[TimelineEvent] = Field(default_factory=list)


class Reference(Model):
    """The assessment and the first plan from practice: needs with every perspective's rating, goals, actions."""

    needs: list[Need] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    crisis_plan: CrisisPlan | None = None


class CaseStudy(Model):
    name: Id
    title: ShortText
    language: ShortText = "cs"
    summary: LongText = ""
    case: Case
    stages: list[Stage] = Field(default_factory=list)
    reference: Reference = Field(default_factory=Reference)
    outcome: list[TimelineEvent] = Field(default_factory=list)
    anonymisation: AnonymisationReport

    @model_validator(mode="after")
    def _references_exist(self):
        known = {
            "need_ids": {n.id for n in self.case.needs}, "actor_ids": {a.id for a in self.case.actors},
            "goal_ids": {g.id for g in self.case.goals}, "action_ids": {a.id for a in self.case.actions},
            "review_ids": {r.id for r in self.case.reviews}, "conference_ids": {c.id for c in self.case.conferences},
        }
        for stage in self.stages:
            for field, ids in known.items():
                for item in getattr(stage, field):
                    if item not in ids:
                        raise rule_error("study_unknown_record", stage=stage.number, id=item)
        return self

    def stage(self, number: int) -> Stage:
        return self.stages[number - 1]

    def view(self, number: int) -> Case:
        """The case as the class knows it at the end of stage ``number``: records of later stages left out,
        needs without their ratings (the ratings are the reference the class compares with)."""
        stage = self.stage(number)
        shown = set(stage.reveals)
        data = self.case.model_dump(mode="json")
        visible = {
            "needs": set(stage.need_ids), "actors": set(stage.actor_ids), "goals": set(stage.goal_ids),
            "actions": set(stage.action_ids), "reviews": set(stage.review_ids),
            "conferences": set(stage.conference_ids),
        }
        for collection, ids in visible.items():
            data[collection] = [item for item in data[collection] if item["id"] in ids]
        for need in data["needs"]:
            need["ratings"] = []
        _prune(data)
        history = [p for p in data["phase_history"] if p["date"] <= (stage.end or date.max).isoformat()
                   and p["phase"] != Phase.CLOSED.value]
        data.update(
            phase=history[-1]["phase"] if history else stage.phase.value, phase_history=history, closed=None,
            closure_reason=None, closure_note="",
            strengths=data["strengths"] if StudyPart.STRENGTHS in shown else [],
            wishes=data["wishes"] if StudyPart.WISHES in shown else [],
            crisis_plan=data["crisis_plan"] if StudyPart.CRISIS_PLAN in shown else None,
        )
        return Case.model_validate(data)


def _prune(data: dict) -> None:
    """Drop references to records the stage does not show, so the partial case is a valid case."""
    actors = {a["id"] for a in data["actors"]}
    needs = {n["id"] for n in data["needs"]}
    goals = {g["id"] for g in data["goals"]}
    for need in data["needs"]:
        need["actor_ids"] = [a for a in need["actor_ids"] if a in actors]
    for goal in data["goals"]:
        goal["need_ids"] = [n for n in goal["need_ids"] if n in needs]
    data["actions"] = [a for a in data["actions"] if a["owner_id"] in actors or a["owner_id"] in ("client",
                                                                                                 "case_manager")]
    for action in data["actions"]:
        action["need_id"] = action["need_id"] if action["need_id"] in needs else None
        action["goal_id"] = action["goal_id"] if action["goal_id"] in goals else None
    actions = {a["id"] for a in data["actions"]}
    conferences = {c["id"] for c in data["conferences"]}
    for conference in data["conferences"]:
        conference["action_ids"] = [a for a in conference["action_ids"] if a in actions]
        for participant in conference["participants"]:
            participant["actor_id"] = participant["actor_id"] if participant["actor_id"] in actors else None
    for review in data["reviews"]:
        review["gas_scores"] = {g: v for g, v in review["gas_scores"].items() if g in goals}
        review["action_changes"] = [c for c in review["action_changes"] if c["action_id"] in actions]
        review["conference_id"] = review["conference_id"] if review["conference_id"] in conferences else None
