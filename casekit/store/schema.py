"""The store's tables (SQLAlchemy Core). The migrations in ``migrations/versions`` create them; a test
checks that a migrated database matches this metadata exactly.

``records`` holds every saved document whole (one row per case or supervision session, the JSON of the
pydantic model without its ``version``, which lives in the column). ``audit`` keeps one entry per change.
The ``case_*`` tables are query projections of the cases, rewritten in the same transaction as each case
save, so dashboards and caseload analytics can filter in SQL without parsing documents. Their rows are
computed by :mod:`casekit.frames` (the same code builds data frames from cases held in memory).
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text,
)

#: Deterministic constraint names, so migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

ID = 64
CODE = 32
SHORT = 200


def _stamp(name: str, nullable: bool = False) -> Column:
    return Column(name, DateTime(timezone=True), nullable=nullable)


records = Table(
    "records", metadata,
    Column("kind", String(CODE), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("data", Text, nullable=False),
    _stamp("created_at"),
    Column("created_by", String(SHORT), nullable=False),
    _stamp("updated_at"),
    Column("updated_by", String(SHORT), nullable=False),
    _stamp("deleted_at", nullable=True),
    Column("deleted_by", String(SHORT), nullable=True),
)

audit = Table(
    "audit", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(CODE), nullable=False),
    Column("record_id", String(ID), nullable=False),
    Column("version", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("who", String(SHORT), nullable=False),
    _stamp("at"),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Index(None, "kind", "record_id", "version"),
    Index(None, "at"),
)

case_summary = Table(
    "case_summary", metadata,
    Column("case_id", String(ID), primary_key=True),
    Column("display_name", String(SHORT), nullable=False),
    Column("municipality", String(SHORT), nullable=False),
    Column("case_manager", String(SHORT), nullable=False),
    Column("team_model", String(CODE), nullable=False),
    Column("phase", String(CODE), nullable=False),
    Column("target_group", String(SHORT), nullable=False),
    Column("opened", Date, nullable=False),
    Column("closed", Date, nullable=True),
    Column("last_conference", Date, nullable=True),
    Column("next_review", Date, nullable=True),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Index(None, "phase"),
    Index(None, "case_manager"),
    Index(None, "team_model"),
    Index(None, "next_review"),
    Index(None, "deleted"),
)


def _case_fk() -> Column:
    return Column("case_id", String(ID), ForeignKey("case_summary.case_id", ondelete="CASCADE"), primary_key=True)


case_needs = Table(
    "case_needs", metadata,
    _case_fk(),
    Column("need_id", String(ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("domain", String(CODE), nullable=False),
    Column("priority", String(CODE), nullable=False),
    Column("client_status", String(CODE), nullable=True),
    Column("worker_status", String(CODE), nullable=True),
    Column("actor_ratings", Integer, nullable=False),
    Column("any_unmet", Boolean, nullable=False),
    Column("max_severity", Integer, nullable=True),
    Column("actor_count", Integer, nullable=False),
    Index(None, "domain", "any_unmet"),
    Index(None, "priority"),
)

case_actors = Table(
    "case_actors", metadata,
    _case_fk(),
    Column("actor_id", String(ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", String(SHORT), nullable=False),
    Column("kind", String(CODE), nullable=False),
    Column("sector", String(CODE), nullable=False),
    Column("formal", Boolean, nullable=False),
    Column("area", String(SHORT), nullable=False),
    Column("relationship", String(CODE), nullable=False),
    Column("flow", String(CODE), nullable=False),
    Column("catalogue_id", String(ID), nullable=True),
    Index(None, "sector"),
    Index(None, "catalogue_id"),
)

case_actions = Table(
    "case_actions", metadata,
    _case_fk(),
    Column("action_id", String(ID), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("what", Text, nullable=False),
    Column("owner_id", String(ID), nullable=False),
    Column("due", Date, nullable=True),
    Column("status", String(CODE), nullable=False),
    Column("need_id", String(ID), nullable=True),
    Column("goal_id", String(ID), nullable=True),
    Column("created", Date, nullable=True),
    Index(None, "status", "due"),
    Index(None, "due"),
    Index(None, "owner_id"),
)

#: Projection tables in the order they are written (parent first).
PROJECTIONS = (case_summary, case_needs, case_actors, case_actions)

#: Index of stored assessments (instrument answers), so a case's or an instrument's assessments are found
#: in SQL. Independent of the case projections: an assessment may have no case (a self-assessment).
assessment_index = Table(
    "assessment_index", metadata,
    Column("assessment_id", String(ID), primary_key=True),
    Column("case_id", String(ID), nullable=True),
    Column("instrument_id", String(ID), nullable=False),
    Column("instrument_version", String(CODE), nullable=False),
    Column("date", Date, nullable=False),
    Column("rater", String(SHORT), nullable=False),
    Column("perspective", String(CODE), nullable=False),
    Column("actor_id", String(ID), nullable=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Index(None, "case_id"),
    Index(None, "instrument_id", "instrument_version"),
)

#: What the room view follows for one conference: the step shown, the agenda timer and what is revealed
#: (``casekit.conference.room_state``). Small and written often (every Next, every timer start): no audit, no
#: validation of the case; ``revision`` goes up by one with every save. ``timer`` and ``revealed`` are JSON.
room_state = Table(
    "room_state", metadata,
    Column("conference_id", String(ID), primary_key=True),
    Column("case_id", String(ID), nullable=True),
    Column("step", String(CODE), nullable=False),
    Column("timer", Text, nullable=False),
    Column("revealed", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    _stamp("updated_at"),
    Column("updated_by", String(SHORT), nullable=False),
)
