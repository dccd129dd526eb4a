"""Actors of the support network and their tie to the client (the ecomap)."""
from __future__ import annotations

from datetime import date

from pydantic import Field

from ..vocab import ActorKind, Flow, RelationshipKind, Sector
from .base import Id, Model, Name, ShortText, LongText, id_field


class Relationship(Model):
    """The client–actor tie as drawn on an ecomap: kind, direction of flow and since when."""

    kind: RelationshipKind = RelationshipKind.TENUOUS
    flow: Flow = Flow.TO_CLIENT
    since: date | None = None


class Actor(Model):
    """A person or organisation in the client's network, formal or informal."""

    id: Id = id_field("actor")
    name: Name
    kind: ActorKind = ActorKind.ORGANISATION
    sector: Sector
    formal: bool = True
    contact_person: ShortText = ""
    phone: ShortText = ""
    email: ShortText = ""
    provides: LongText = ""
    capacity: int | None = Field(default=None, ge=0, le=1_000_000)
    area: ShortText = ""
    relationship: Relationship = Field(default_factory=Relationship)
    catalogue_id: Id | None = None
