"""casekit: case conferences, supervision and training for social workers.

The public API is listed in ``__all__`` (a test checks it). ``import casekit`` stays light: it loads
pydantic and the domain model only; the store (SQLAlchemy), frames (pandas) and anything with a user
interface are imported when first used.
"""
from __future__ import annotations

from .errors import CaseKitError, ConflictError, InvalidData, NotFound, explain
from .i18n import current_language, gettext, language, set_language
from .model import (
    Action, ActionStatusChange, Actor, AgendaItem, Case, CaseConference, Client, ConsentRecord, CrisisContact,
    CrisisPlan, Decision, Goal, Need, Participant, PhaseChange, Rating, Relationship, Review, SupervisionAction,
    SupervisionSession,
)
from .vocab import (
    ActionStatus, ActorKind, ClosureReason, ConferenceRole, ConsentScope, Flow, Gender, LifeDomain, NeedStatus,
    Perspective, Phase, Priority, RelationshipKind, Sector, TeamModel,
)

__version__ = "0.1.0"


def open_store(url: str | None = None, *, user: str | None = None):
    """Open (and migrate) a store. Default: SQLite at ``CASEKIT_DB`` or the per-user data directory."""
    from .store import open_store as _open

    return _open(url, user=user)


def examples() -> list[str]:
    """Names of the bundled example cases."""
    from .example_data import examples as _examples

    return _examples()


def load_example(name: str, lang: str | None = None) -> Case:
    """One bundled example case, in Czech or English (default: the current language)."""
    from .example_data import load_example as _load

    return _load(name, lang)


def export_case(case: Case) -> str:
    """A case as versioned JSON (see ``casekit/schemas/case.schema.json``)."""
    from .caseio import export_case as _export

    return _export(case)


def import_case(text: str | bytes) -> Case:
    """Parse and validate a case exported by :func:`export_case`; raises :class:`InvalidData`."""
    from .caseio import import_case as _import

    return _import(text)


def gas_tscore(scores, weights=None, rho: float = 0.3) -> float | None:
    """Kiresuk–Sherman Goal Attainment Scaling T-score (50 when every goal is met exactly)."""
    from .gas import gas_tscore as _tscore

    return _tscore(scores, weights, rho)


def load_instrument(source, *, name: str | None = None):
    """Read and check an instrument (a YAML file path or text); see ``docs/instruments.md``."""
    from .instruments import load_instrument as _load

    return _load(source, name=name)


def builtin_instruments() -> dict:
    """casekit's own free instruments by id: needs assessment, GAS and the competency self-assessment."""
    from .instruments import builtin_instruments as _builtin

    return _builtin()


__all__ = [
    "Action", "ActionStatus", "ActionStatusChange", "Actor", "ActorKind", "AgendaItem", "Case", "CaseConference",
    "CaseKitError", "Client", "ClosureReason", "ConferenceRole", "ConflictError", "ConsentRecord", "ConsentScope",
    "CrisisContact", "CrisisPlan", "Decision", "Flow", "Gender", "Goal", "InvalidData", "LifeDomain", "Need",
    "NeedStatus", "NotFound", "Participant", "Perspective", "Phase", "PhaseChange", "Priority", "Rating",
    "Relationship", "RelationshipKind", "Review", "Sector", "SupervisionAction", "SupervisionSession",
    "TeamModel", "builtin_instruments", "current_language", "examples", "explain", "export_case", "gas_tscore", "gettext", "import_case", "language",
    "load_example", "load_instrument", "open_store", "set_language",
]
