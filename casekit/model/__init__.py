"""casekit's domain model (pydantic v2). No UI imports here."""
from .actor import Actor, Relationship
from .base import CASE_MANAGER_OWNER, CLIENT_OWNER, new_id
from .case import Case, PhaseChange
from .client import Client, ConsentRecord
from .conference import AgendaItem, CaseConference, Decision, Participant
from .need import Need, Rating
from .plan import GAS_LEVELS, Action, CrisisContact, CrisisPlan, Goal
from .review import ActionStatusChange, Review
from .supervision import SupervisionAction, SupervisionSession

__all__ = [
    "Action", "ActionStatusChange", "Actor", "AgendaItem", "CASE_MANAGER_OWNER", "CLIENT_OWNER", "Case",
    "CaseConference", "Client", "ConsentRecord", "CrisisContact", "CrisisPlan", "Decision", "GAS_LEVELS", "Goal",
    "Need", "Participant", "PhaseChange", "Rating", "Relationship", "Review", "SupervisionAction",
    "SupervisionSession", "new_id",
]
from .catalogue import Area, Service, ServiceCatalogue, ServiceType  # noqa: E402

__all__ += ["Area", "Service", "ServiceCatalogue", "ServiceType"]
