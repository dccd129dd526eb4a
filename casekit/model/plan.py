"""The plan: goals in the client's words with GAS levels, actions with owners, and the crisis plan."""
from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator

from ..vocab import ActionStatus
from .base import Id, LongText, Model, Name, ShortText, check_dates_in_order, id_field, rule_error

GAS_LEVELS = (-2, -1, 0, 1, 2)


def check_gas_score(value: int | None) -> int | None:
    if value is not None and value not in GAS_LEVELS:
        raise rule_error("gas_out_of_scale", value=value)
    return value


class Goal(Model):
    """A goal in the client's own words, with Goal Attainment Scaling levels −2..+2."""

    id: Id = id_field("goal")
    text: LongText = Field(min_length=1)
    levels: dict[int, LongText] = Field(default_factory=dict)
    weight: float = Field(default=1.0, gt=0, le=100)
    baseline: int = -1
    need_ids: list[Id] = Field(default_factory=list, max_length=50)
    created: date | None = None

    @field_validator("levels")
    @classmethod
    def _levels_on_scale(cls, levels: dict[int, str]) -> dict[int, str]:
        for level in levels:
            check_gas_score(level)
        return dict(sorted(levels.items()))

    @field_validator("baseline")
    @classmethod
    def _baseline_on_scale(cls, value: int) -> int:
        return check_gas_score(value)


class Action(Model):
    """A concrete step: what, who owns it (an actor of the case, the client or the case manager), by when."""

    id: Id = id_field("action")
    what: LongText = Field(min_length=1)
    owner_id: Id
    due: date | None = None
    status: ActionStatus = ActionStatus.PLANNED
    need_id: Id | None = None
    goal_id: Id | None = None
    created: date | None = None

    @model_validator(mode="after")
    def _due_after_created(self):
        check_dates_in_order(self.created, self.due, "action_due_before_created")
        return self


class CrisisContact(Model):
    name: Name
    role: ShortText = ""
    phone: ShortText = ""


class CrisisPlan(Model):
    """Written with the client while they are well (domain reference, section 8)."""

    written_on: date | None = None
    when_well: LongText = ""
    triggers: list[ShortText] = Field(default_factory=list, max_length=50)
    early_signs: list[ShortText] = Field(default_factory=list, max_length=50)
    what_helps: LongText = ""
    what_harms: LongText = ""
    contacts: list[CrisisContact] = Field(default_factory=list, max_length=50)
    preferred_treatment: LongText = ""
    refused_treatment: LongText = ""
    medication: LongText = ""
    allergies: LongText = ""
    dependants_care: LongText = ""
    copies_to: list[ShortText] = Field(default_factory=list, max_length=50)
