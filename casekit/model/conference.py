"""The case conference: who came under which rules, the agenda, decisions with dissent, agreed actions."""
from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator

from ..vocab import ConferenceRole
from .base import Id, LongText, Model, Name, ShortText, check_dates_in_order, id_field, rule_error


class Participant(Model):
    name: Name
    role: ConferenceRole = ConferenceRole.PROFESSIONAL
    actor_id: Id | None = None
    attended: bool = True
    consent: bool = False
    confidentiality_acknowledged: bool = False


class AgendaItem(Model):
    title: Name
    minutes: int = Field(default=10, ge=1, le=480)


class Decision(Model):
    text: LongText = Field(min_length=1)
    dissent: LongText = ""
    dissent_by: list[ShortText] = Field(default_factory=list, max_length=50)


class CaseConference(Model):
    id: Id = id_field("conf")
    date: date
    place: ShortText = ""
    facilitator: ShortText = ""
    minute_taker: ShortText = ""
    participants: list[Participant] = Field(default_factory=list, max_length=100)
    agenda: list[AgendaItem] = Field(default_factory=list, max_length=100)
    decisions: list[Decision] = Field(default_factory=list, max_length=200)
    action_ids: list[Id] = Field(default_factory=list, max_length=2000)
    next_review: date | None = None
    notes: LongText = ""
    language: ShortText = "cs"

    @model_validator(mode="after")
    def _check(self):
        check_dates_in_order(self.date, self.next_review, "next_review_before_conference")
        names = [p.name for p in self.participants]
        if len(set(names)) != len(names):
            duplicate = next(n for n in names if names.count(n) > 1)
            raise rule_error("participant_duplicate", name=duplicate)
        return self

    @property
    def total_minutes(self) -> int:
        return sum(item.minutes for item in self.agenda)
