"""When the caseload dashboard raises an alert, and what caseload each team model expects.

Every number is configurable: ``Thresholds(no_contact_days=30)``, ``Thresholds(norms={"brokerage": 40})`` or
``Thresholds.model_validate(settings_dict)``. Partial dictionaries are merged with the defaults.
"""
from __future__ import annotations

from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..vocab import Phase, TeamModel

#: Clients per staff member (domain reference, section 3): assertive community treatment about 10 (published
#: fidelity scales), individual case management about 20, brokerage case management about 35.
DEFAULT_NORMS = MappingProxyType({
    TeamModel.ASSERTIVE_COMMUNITY: 10, TeamModel.INDIVIDUAL: 20, TeamModel.BROKERAGE: 35,
})

#: Days in one phase after which the case is "stalled" (None: never). Engagement and assessment should be
#: quick; monitoring runs long, but after a year the team should ask whether it is time to close.
DEFAULT_PHASE_STALLED_DAYS = MappingProxyType({
    Phase.CONTACT: 30, Phase.ASSESSMENT: 60, Phase.PLANNING: 60, Phase.LINKING: 120, Phase.ADVOCACY: 180,
    Phase.MONITORING: 365, Phase.CLOSED: None,
})


class Thresholds(BaseModel):
    """The settings of the caseload analysis (all in days unless said otherwise)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Clients per staff member for each team model; the caseload of a worker is compared with it.
    norms: dict[TeamModel, int] = Field(default_factory=lambda: dict(DEFAULT_NORMS))
    #: A worker is over the norm when the load (share of a full caseload) is above this.
    over_norm_ratio: float = Field(default=1.0, gt=0, le=10)
    #: Alert when the last contact (see casekit.caseload) is this many days ago or more.
    no_contact_days: int = Field(default=60, ge=1, le=10_000)
    #: Alert when a case has been this many days in its phase (per phase; None: never).
    phase_stalled_days: dict[Phase, int | None] = Field(default_factory=lambda: dict(DEFAULT_PHASE_STALLED_DAYS))
    #: When no review is planned (or the planned one was held), the next routine review is due this many days
    #: after the last review or conference.
    review_interval_days: int = Field(default=182, ge=1, le=10_000)
    #: A GAS T-score change smaller than this (in T points, either way) is "flat".
    gas_flat_band: float = Field(default=1.0, ge=0, le=50)

    @field_validator("norms", mode="before")
    @classmethod
    def _merge_norms(cls, value):
        merged = dict(DEFAULT_NORMS)
        merged.update({TeamModel(k): v for k, v in dict(value or {}).items()})
        return merged

    @field_validator("norms")
    @classmethod
    def _positive_norms(cls, value: dict) -> dict:
        for model, norm in value.items():
            if norm is None or norm <= 0:
                raise ValueError(f"norm for {model.value} must be a positive number of clients")
        return value

    @field_validator("phase_stalled_days", mode="before")
    @classmethod
    def _merge_phases(cls, value):
        merged = dict(DEFAULT_PHASE_STALLED_DAYS)
        merged.update({Phase(k): v for k, v in dict(value or {}).items()})
        return merged

    @field_validator("phase_stalled_days")
    @classmethod
    def _positive_days(cls, value: dict) -> dict:
        for phase, days in value.items():
            if days is not None and days < 1:
                raise ValueError(f"days for phase {phase.value} must be at least 1 (or None: never)")
        return value

    def norm(self, model: TeamModel | str) -> int:
        return self.norms[TeamModel(model)]

    def stalled_after(self, phase: Phase | str) -> int | None:
        return self.phase_stalled_days.get(Phase(phase))
