"""Reviews: goal attainment scores and changes of action status at a point in time."""
from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from ..vocab import ActionStatus
from .base import Id, LongText, Model, id_field
from .plan import check_gas_score


class ActionStatusChange(Model):
    action_id: Id
    status: ActionStatus
    note: LongText = ""


class Review(Model):
    """A routine or ad-hoc review of the plan (monitoring)."""

    id: Id = id_field("review")
    date: date
    gas_scores: dict[Id, int] = Field(default_factory=dict)
    action_changes: list[ActionStatusChange] = Field(default_factory=list, max_length=2000)
    notes: LongText = ""
    conference_id: Id | None = None

    @field_validator("gas_scores")
    @classmethod
    def _scores_on_scale(cls, scores: dict[str, int]) -> dict[str, int]:
        for score in scores.values():
            check_gas_score(score)
        return scores
