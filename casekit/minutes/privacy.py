"""Names in privacy mode: the one :func:`initials` rule and the actor numbers, from :mod:`casekit.anonymise`.

The minutes themselves are built from the room projection (:mod:`casekit.minutes.build`), which labels people
with :class:`casekit.anonymise.people.PersonLabels`. :class:`Names` remains for the supervision app's case
summary until it reads the projection too; it uses the same :func:`initials`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..anonymise.people import actor_pseudonym, initials
from ..model import CASE_MANAGER_OWNER, CLIENT_OWNER, Case
from ..vocab import ConferenceRole

__all__ = ["Names", "actor_pseudonym", "initials"]


class Names:
    """How one document names people and actors; the same person gets the same pseudonym throughout.

    ``clients``: names that stand for the client (shown as the client's display name, itself a pseudonym).
    In privacy mode :meth:`text` also replaces the known names (actors, participants, with or without the
    text in brackets) inside free text. Only exact spellings are found: an inflected Czech form
    (*Novákovi*) or a name nobody registered stays as written.
    """

    def __init__(self, case: Case, lang: str, privacy: bool, people: Iterable[str] = (),
                 clients: Iterable[str] = ()):
        self.case, self.lang, self.privacy = case, lang, privacy
        self._people: dict[str, str] = {name: case.client.display_name for name in clients}
        for name in people:
            self.person(name)
        self._compiled: tuple | None = None

    def person(self, name: str) -> str:
        """A person's name, or in privacy mode: the client's pseudonym for the client, "Actor 3" for a
        name that is an actor's, else unique initials."""
        if not self.privacy or not name:
            return name
        if name.casefold() == self.case.client.display_name.casefold():
            return self.case.client.display_name
        actor = next((a for a in self.case.actors if a.name == name), None)
        if actor is not None:
            return self.actor(actor.id)
        if name not in self._people:
            short = initials(name)
            taken = set(self._people.values())
            candidate, number = short, 2
            while candidate in taken:
                candidate, number = f"{short} ({number})", number + 1
            self._people[name] = candidate
        return self._people[name]

    def client(self) -> str:
        # the display name is a pseudonym or initials by design (model.client)
        return self.case.client.display_name

    def actor(self, actor_id: str) -> str:
        actor = self.case.actor(actor_id)
        if actor is None:
            return actor_id
        return actor_pseudonym(self.case, actor_id, self.lang) if self.privacy else actor.name

    def owner(self, owner_id: str) -> str:
        """The owner of an action: an actor, or the client / the case manager (role labels)."""
        if owner_id == CLIENT_OWNER:
            return ConferenceRole.CLIENT.label(self.lang)
        if owner_id == CASE_MANAGER_OWNER:
            return ConferenceRole.CASE_MANAGER.label(self.lang)
        return self.actor(owner_id)

    def _replacements(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for actor in self.case.actors:
            found[actor.name] = self.actor(actor.id)
        for name in list(self._people):
            short = self.person(name)
            found.setdefault(name, short)
            base = name.split("(")[0].strip()
            if base and base != name:
                found.setdefault(base, short)
        client = self.case.client.display_name.casefold()
        return {name: short for name, short in found.items() if len(name) >= 3 and name.casefold() != client}

    def text(self, value: str) -> str:
        """Free text with every known name replaced by its pseudonym (privacy mode only)."""
        if not self.privacy or not value:
            return value
        if self._compiled is None or self._compiled[0] != len(self._people):
            replacements = self._replacements()
            names = sorted(replacements, key=len, reverse=True)
            pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names)) if names else None
            self._compiled = (len(self._people), pattern, replacements)
        _, pattern, replacements = self._compiled
        return pattern.sub(lambda m: replacements[m.group(0)], value) if pattern else value
