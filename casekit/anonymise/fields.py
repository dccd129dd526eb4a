"""Which field of a case is what: person names, contact details, ids; text limits; walking the texts."""
from __future__ import annotations

import re
import typing
from enum import Enum

from pydantic import BaseModel

from ..model import Case, SupervisionSession

#: Fields that hold a person's name (``*``: any list index).
PERSON_FIELDS = {
    ("case_manager",), ("client", "display_name"), ("client", "consents", "*", "given_by"),
    ("actors", "*", "contact_person"), ("conferences", "*", "facilitator"), ("conferences", "*", "minute_taker"),
    ("conferences", "*", "participants", "*", "name"), ("conferences", "*", "decisions", "*", "dissent_by", "*"),
    ("crisis_plan", "contacts", "*", "name"), ("crisis_plan", "copies_to", "*"),
}
CONTACT_FIELDS = {("actors", "*", "phone"), ("actors", "*", "email")}
CRISIS_PHONE = ("crisis_plan", "contacts", "*", "phone")
PUBLIC_NUMBER = re.compile(r"^\s*(?:1\d{2}|116\s?\d{3}|1\d{3})\s*$")


def pattern_of(path: tuple) -> tuple:
    return tuple("*" if isinstance(p, int) else p for p in path)


def where(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def is_reference(key: str) -> bool:
    return isinstance(key, str) and (key == "id" or (key.endswith(("_id", "_ids")) and key != "catalogue_id"))


def limits_of(model: type[BaseModel], prefix: tuple = ()) -> dict[tuple, int]:
    """``{field pattern: max_length}`` for every text field of ``model`` (so a redaction never breaks a limit)."""
    out: dict[tuple, int] = {}

    def visit(annotation, metadata, path):
        for meta in metadata:
            if getattr(meta, "max_length", None) is not None and annotation is str:
                out[path] = meta.max_length
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            visit(args[0], args[1:], path)
        elif origin in (list, tuple):
            visit(args[0], (), path + ("*",)) if args else None
        elif origin is dict:
            visit(args[1], (), path + ("*",)) if len(args) == 2 else None
        elif origin is typing.Union or str(origin) == "<class 'types.UnionType'>":
            for arg in args:
                visit(arg, metadata, path)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.update(limits_of(annotation, path))

    for name, info in model.model_fields.items():
        visit(info.annotation, info.metadata, prefix + (name,))
    return out


LIMITS = limits_of(Case)
SESSION_LIMITS = limits_of(SupervisionSession)
#: Fields of a supervision session that hold a person's name.
SESSION_PERSON_FIELDS = {("supervisor",), ("worker",)}


def texts(node, path: tuple = ()):
    """(path, text) of every text of a dumped case, ids and codes left out."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str) and (is_reference(key) or key in ("language", "catalogue_id", "gas_scores")):
                continue
            yield from texts(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, path + (i,))
    elif isinstance(node, str) and not isinstance(node, Enum):
        yield path, node


def is_person_actor_name(case: Case, path: tuple) -> bool:
    return (len(path) == 3 and path[0] == "actors" and path[2] == "name"
            and case.actors[path[1]].kind.value == "person")


def unique_participants(data: dict) -> None:
    """Two participants may end up with the same text (two roles redacted alike): number the repeats."""
    for conference in data.get("conferences", []):
        seen: dict[str, int] = {}
        for participant in conference.get("participants", []):
            name = participant["name"]
            if name in seen:
                seen[name] += 1
                participant["name"] = f"{name[:190]} ({seen[name]})"
            else:
                seen[name] = 1
