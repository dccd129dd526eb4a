"""Names as a document shows them: real names, or initials and pseudonyms in privacy mode.

Privacy mode (for a projector or a training room) turns people into initials (``Mgr. P. Dvorská`` →
``P. D.``, titles dropped, a number added when two people share initials) and the actors of the network into
``Actor 3`` — numbered by their place in the case, so the minutes and the ecomap of one case agree.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..i18n import gettext
from ..model import CASE_MANAGER_OWNER, CLIENT_OWNER, Case
from ..vocab import ConferenceRole

#: Forms of address and academic titles that are not part of anybody's initials.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "doc", "pan", "paní", "pani", "slečna", "slecna", "mgr", "bc",
    "ing", "mudr", "phdr", "judr", "paeddr", "rndr", "mvdr", "phd", "dis", "csc", "ba", "ma", "msc",
})
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def initials(name: str) -> str:
    """``Mgr. P. Dvorská (coordinator)`` → ``P. D.``; the text in brackets and titles do not count."""
    base = name.split("(")[0]
    words = [w for w in _WORD.findall(base) if w.strip(".'’-").lower() not in TITLES]
    letters = [f"{w[0]}." for w in words if w[0].isupper()]
    if not letters:
        letters = [f"{w[0].upper()}." for w in words[:2]]
    return " ".join(letters) or "?"


def actor_pseudonym(case: Case, actor_id: str, lang: str) -> str:
    """``Actor 3`` / ``Aktér 3``: the actor's place in ``case.actors``, stable for the whole case."""
    number = next((i for i, a in enumerate(case.actors, start=1) if a.id == actor_id), 0)
    return gettext("ui.pseudonym_actor", lang, number=number)


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
