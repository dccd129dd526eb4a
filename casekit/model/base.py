"""Shared building blocks of the domain model: the base class, text types, ids and rule errors."""
from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

#: One line of text: a name, a place, a label.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
#: A required one-line text.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
#: Free text: a story, a note, a reflection.
LongText = Annotated[str, StringConstraints(max_length=20_000)]
#: Identifier of a record inside a case (or of a case).
Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"),
]

#: Owners of actions that are not actors of the network.
CLIENT_OWNER = "client"
CASE_MANAGER_OWNER = "case_manager"
RESERVED_OWNERS = (CLIENT_OWNER, CASE_MANAGER_OWNER)


def new_id(prefix: str) -> str:
    """A short random id such as ``need-3f9a1c2b``."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def id_field(prefix: str):
    return Field(default_factory=lambda: new_id(prefix))


def rule_error(code: str, **params) -> PydanticCustomError:
    """A model-rule violation; ``code`` names a message ``errors.<code>`` in both catalogues."""
    from ..i18n import FALLBACK, catalog

    template = catalog(FALLBACK).get(f"errors.{code}", code)
    return PydanticCustomError(f"casekit.{code}", template, params)


def check_dates_in_order(earlier: date | None, later: date | None, code: str, **params) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise rule_error(code, earlier=earlier.isoformat(), later=later.isoformat(), **params)


class Model(BaseModel):
    """Base of every casekit model: unknown fields are refused, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)
