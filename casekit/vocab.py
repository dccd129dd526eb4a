"""Controlled vocabularies with Czech and English labels.

Each vocabulary is a ``str`` enum: the value is the stable code stored in the database and in JSON;
``label(lang)`` gives the human label from the message catalogues (key ``<vocabulary>.<code>``).
"""
from __future__ import annotations

from enum import Enum

from .i18n import gettext


class Vocabulary(str, Enum):
    """Base for casekit's vocabularies: a stored code plus translated labels."""

    @classmethod
    def key_prefix(cls) -> str:
        return _PREFIX[cls.__name__]

    @property
    def key(self) -> str:
        return f"{self.key_prefix()}.{self.value}"

    def label(self, lang: str | None = None) -> str:
        return gettext(self.key, lang)

    @classmethod
    def options(cls, lang: str | None = None) -> list[tuple[str, str]]:
        """``[(label, code), ...]`` in definition order, ready for a dropdown."""
        return [(member.label(lang), member.value) for member in cls]

    def __str__(self) -> str:  # codes, not labels, when formatted
        return self.value


class Phase(Vocabulary):
    """The case-management process: the six roles of a case manager, then closure."""

    CONTACT = "contact"
    ASSESSMENT = "assessment"
    PLANNING = "planning"
    LINKING = "linking"
    ADVOCACY = "advocacy"
    MONITORING = "monitoring"
    CLOSED = "closed"


class TeamModel(Vocabulary):
    ASSERTIVE_COMMUNITY = "assertive_community"
    INDIVIDUAL = "individual"
    BROKERAGE = "brokerage"


class LifeDomain(Vocabulary):
    HOUSING = "housing"
    INCOME = "income"
    DEBTS = "debts"
    DOCUMENTS = "documents"
    LEGAL = "legal"
    PHYSICAL_HEALTH = "physical_health"
    MENTAL_HEALTH = "mental_health"
    ADDICTION = "addiction"
    SELF_CARE = "self_care"
    HOUSEHOLD = "household"
    FOOD = "food"
    FAMILY = "family"
    SOCIAL_CONTACTS = "social_contacts"
    SAFETY = "safety"
    MOBILITY = "mobility"
    WORK = "work"
    EDUCATION = "education"
    CARE_FOR_OTHERS = "care_for_others"


class Sector(Vocabulary):
    SOCIAL = "social"
    HEALTH = "health"
    HOUSING = "housing"
    FINANCE = "finance"
    LEGAL = "legal"
    EDUCATION = "education"
    EMPLOYMENT = "employment"
    COMMUNITY = "community"
    INFORMAL = "informal"
    PUBLIC_ADMINISTRATION = "public_administration"


class ActorKind(Vocabulary):
    PERSON = "person"
    ORGANISATION = "organisation"


class RelationshipKind(Vocabulary):
    """Ecomap line styles (Hartman): strong, tenuous, stressful."""

    STRONG = "strong"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"


class Flow(Vocabulary):
    """Direction of the flow of energy or resources on an ecomap line."""

    TO_CLIENT = "to_client"
    FROM_CLIENT = "from_client"
    MUTUAL = "mutual"
    NONE = "none"


class ConferenceRole(Vocabulary):
    FACILITATOR = "facilitator"
    MINUTE_TAKER = "minute_taker"
    CLIENT = "client"
    FAMILY = "family"
    SUPPORT_PERSON = "support_person"
    CASE_MANAGER = "case_manager"
    PROFESSIONAL = "professional"
    GUARDIAN = "guardian"
    OTHER = "other"


class NeedStatus(Vocabulary):
    """Met / unmet need (CAN-style codes 0, 1, 2, 9)."""

    NO_NEED = "no_need"
    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


class Perspective(Vocabulary):
    CLIENT = "client"
    WORKER = "worker"
    ACTOR = "actor"


class Priority(Vocabulary):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionStatus(Vocabulary):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
    BLOCKED = "blocked"


class Gender(Vocabulary):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ConsentScope(Vocabulary):
    DATA_PROCESSING = "data_processing"
    SHARING_WITH_NETWORK = "sharing_with_network"
    CASE_CONFERENCE = "case_conference"
    TRAINING_USE = "training_use"


class ClosureReason(Vocabulary):
    GOALS_ACHIEVED = "goals_achieved"
    CLIENT_DECLINED = "client_declined"
    MOVED_AWAY = "moved_away"
    REFERRED = "referred"
    RESIDENTIAL_CARE = "residential_care"
    DIED = "died"
    LOST_CONTACT = "lost_contact"
    OTHER = "other"


_PREFIX = {
    "Phase": "phase",
    "TeamModel": "team_model",
    "LifeDomain": "domain",
    "Sector": "sector",
    "ActorKind": "actor_kind",
    "RelationshipKind": "relationship",
    "Flow": "flow",
    "ConferenceRole": "role",
    "NeedStatus": "need_status",
    "Perspective": "perspective",
    "Priority": "priority",
    "ActionStatus": "action_status",
    "Gender": "gender",
    "ConsentScope": "consent_scope",
    "ClosureReason": "closure_reason",
}

VOCABULARIES: tuple[type[Vocabulary], ...] = (
    Phase, TeamModel, LifeDomain, Sector, ActorKind, RelationshipKind, Flow, ConferenceRole,
    NeedStatus, Perspective, Priority, ActionStatus, Gender, ConsentScope, ClosureReason,
)
