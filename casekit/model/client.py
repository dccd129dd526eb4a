"""The client: pseudonymous by design, with the consents they gave."""
from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator, model_validator

from ..vocab import ConsentScope, Gender
from .base import Model, Name, ShortText, check_dates_in_order, rule_error


class ConsentRecord(Model):
    """A consent the client (or their guardian) gave, and when it was withdrawn, if ever."""

    date: date
    scope: ConsentScope
    given_by: Name
    withdrawn: date | None = None

    @model_validator(mode="after")
    def _withdrawn_after_given(self):
        check_dates_in_order(self.date, self.withdrawn, "consent_withdrawn_before_given")
        return self


class Client(Model):
    """The person the case is about. ``display_name`` is a pseudonym or initials, never a full legal name."""

    display_name: Name
    birth_year: int | None = None
    gender: Gender = Gender.UNKNOWN
    municipality: ShortText = ""
    household: ShortText = ""
    languages: list[ShortText] = Field(default_factory=list, max_length=20)
    consents: list[ConsentRecord] = Field(default_factory=list, max_length=200)

    @field_validator("birth_year")
    @classmethod
    def _plausible_birth_year(cls, year: int | None) -> int | None:
        if year is None:
            return year
        this_year = date.today().year
        if year > this_year:
            raise rule_error("birth_year_future", year=year)
        if year < this_year - 120:
            raise rule_error("birth_year_too_old", year=year)
        return year

    def has_consent(self, scope: ConsentScope, on: date | None = None) -> bool:
        on = on or date.today()
        return any(
            c.scope == scope and c.date <= on and (c.withdrawn is None or c.withdrawn > on) for c in self.consents
        )
