"""Needs by life domain, rated separately per perspective."""
from __future__ import annotations

from pydantic import Field, model_validator

from ..vocab import LifeDomain, NeedStatus, Perspective, Priority
from .base import Id, LongText, Model, id_field, rule_error

SEVERITY_MIN, SEVERITY_MAX = 1, 5


class Rating(Model):
    """One perspective's view of a need: status (no / met / unmet / not known) and severity 1–5."""

    perspective: Perspective
    actor_id: Id | None = None
    status: NeedStatus = NeedStatus.UNKNOWN
    severity: int | None = None
    note: LongText = ""

    @model_validator(mode="after")
    def _check(self):
        if self.severity is not None and not SEVERITY_MIN <= self.severity <= SEVERITY_MAX:
            raise rule_error("severity_out_of_scale", value=self.severity, low=SEVERITY_MIN, high=SEVERITY_MAX)
        if self.perspective == Perspective.ACTOR and not self.actor_id:
            raise rule_error("rating_actor_missing")
        if self.perspective != Perspective.ACTOR and self.actor_id:
            raise rule_error("rating_actor_unexpected")
        return self

    @property
    def rater_key(self) -> str:
        return f"actor:{self.actor_id}" if self.perspective == Perspective.ACTOR else self.perspective.value


class Need(Model):
    """A need in one life domain, with each perspective's rating and the actors linked to it."""

    id: Id = id_field("need")
    domain: LifeDomain
    description: LongText = ""
    ratings: list[Rating] = Field(default_factory=list, max_length=50)
    priority: Priority = Priority.MEDIUM
    actor_ids: list[Id] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _one_rating_per_rater(self):
        seen: set[str] = set()
        for rating in self.ratings:
            if rating.rater_key in seen:
                raise rule_error("rating_duplicate", rater=rating.rater_key)
            seen.add(rating.rater_key)
        return self

    def rating(self, perspective: Perspective | str, actor_id: str | None = None) -> Rating | None:
        perspective = Perspective(perspective)
        return next(
            (r for r in self.ratings if r.perspective == perspective and r.actor_id == actor_id), None
        )

    def is_unmet(self) -> bool:
        """Unmet if any perspective rates it unmet: perspectives are never silently merged."""
        return any(r.status == NeedStatus.UNMET for r in self.ratings)
