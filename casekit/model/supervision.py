"""A supervision session between a supervisor and a case manager."""
from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from .base import Id, LongText, Model, Name, check_dates_in_order, id_field


class SupervisionAction(Model):
    what: LongText = Field(min_length=1)
    due: date | None = None
    done: bool = False


class SupervisionSession(Model):
    id: Id = id_field("sup")
    date: date
    supervisor: Name
    worker: Name
    case_ids: list[Id] = Field(default_factory=list, max_length=500)
    reflections: LongText = ""
    agreed_actions: list[SupervisionAction] = Field(default_factory=list, max_length=200)
    #: the worker's competency self-assessment of this session (an ``Assessment`` of ``casekit-competency``)
    competency_assessment_id: Id | None = None
    version: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _dates(self):
        for action in self.agreed_actions:
            check_dates_in_order(self.date, action.due, "action_due_before_session")
        return self
