"""Privacy on screen: pseudonyms or initials instead of names, no contact details or free-text notes.

The switch changes only what the app *shows*: the case in the store keeps every detail. Masked fields are not
shown as (disabled) inputs but as a plain "hidden" text, so no value can arrive from them while they are
masked. What is masked when the switch is on:

* names of participants and of actors who are persons → initials (organisations keep their names;
  the client is shown by the case's pseudonym, which is already not a legal name);
* contact person, phone and e-mail of actors, phones of crisis contacts → hidden;
* free-text notes (conference notes, notes of ratings and of status changes), medication and allergies of the
  crisis plan → hidden;
* charts and the minutes preview are asked for with ``privacy=True``.
"""
from __future__ import annotations

import re

from ...model import Actor
from ...vocab import ActorKind
from .i18n import t

_PAREN = re.compile(r"^(?P<name>[^()]*?)\s*(?P<rest>\(.*\))?\s*$")


def initials(name: str) -> str:
    """``"Hana Lesná (case manager)"`` → ``"H. L. (case manager)"``; a note in brackets is kept."""
    match = _PAREN.match(name or "")
    core, rest = (match.group("name"), match.group("rest")) if match else (name, None)
    letters = [w[0].upper() + "." for w in re.split(r"[\s.]+", core or "") if w and w[0].isalpha()]
    short = " ".join(letters) or "–"
    return f"{short} {rest}" if rest else short


def person(name: str, privacy: bool) -> str:
    return initials(name) if privacy else name


def actor_name(actor: Actor, privacy: bool) -> str:
    if privacy and actor.kind == ActorKind.PERSON:
        return initials(actor.name)
    return actor.name


def hidden(lang: str) -> str:
    return t("conf.hidden", lang)
