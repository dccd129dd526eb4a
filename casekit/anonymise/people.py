"""People as a room sees them in privacy mode: one :func:`initials` rule and one label per person of a case.

``Mgr. Jana Nováková (terapeutka)`` → ``J. N.``: academic titles and forms of address (*Mgr.*, *Ing.*, *Ph.D.*,
*pan*, *paní*, *Ms*) are dropped, and so is a note in brackets (``Soused pan V.`` → ``S. V.``).

:class:`PersonLabels` gives each person of one case one label, the same on every screen and in the minutes: two
spellings of one person (``Mgr. P. Dvorská`` and ``P. Dvorská (koordinátorka)``) share it, the client is always
the case's pseudonym, and two people with the same initials are told apart by a number (``J. N.``,
``J. N. (2)``). Who else is the same person (a participant who is an actor of the network) the caller says
with :meth:`PersonLabels.alias`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .inflection import fold
from .names import HONORIFICS, TITLES

_DOTTED_TITLES = re.compile(r"\b(?:Ph|Th)\.\s?D\.|\bLL\.\s?M\.|\bDr\.\s?h\.\s?c\.", re.I)
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")


def _words(name: str) -> list[str]:
    """The words of a name before any bracket, without titles and forms of address."""
    base = _DOTTED_TITLES.sub(" ", re.split(r"[(\[]", name or "", maxsplit=1)[0])
    words = [w.strip(".'’-") for w in _WORD.findall(base)]
    return [w for w in words if w and fold(w) not in TITLES and fold(w) not in HONORIFICS]


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """``Mgr. P. Dvorská (koordinátorka podpory)`` → ``P. D.``; ``Pan K. (klient)`` → ``K.``; ``""`` → ``?``.

    The one initials rule of casekit (screen, minutes, charts). A name written only in lower case
    (``school counsellor``) gives the initials of its first two words.
    """
    words = _words(name)
    letters = [f"{w[0]}." for w in words if w[0].isupper()]
    if not letters:
        letters = [f"{w[0].upper()}." for w in words[:2]]
    return " ".join(letters) or "?"


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """What identifies a person across spellings: the folded words of the name (``Pan V. (soused)`` → ``v``)."""
    return " ".join(fold(w) for w in _words(name))


class PersonLabels:
    """One label per person of one case, in the order people are added (so the numbering is stable)."""

    def __init__(self, client_label: str, *, privacy: bool = True):
        self.privacy = privacy
        self.client_label = client_label
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = {client_label}
        self.alias(client_label, client_label)

    def alias(self, name: str, label: str) -> str:
        """Let ``name`` stand for the person labelled ``label`` (a participant who is an actor, the client)."""
        key = person_key(name)
        if key:
            self._by_key.setdefault(key, label)
        return self._by_key.get(key, label)

    def known(self, name: str) -> str | None:
        return self._by_key.get(person_key(name))

    def label(self, name: str, short: str | None = None) -> str:
        """The label of the person called ``name``: real name without privacy, else unique initials
        (``short``: the initials to use instead of the name's own, for a person found in free text)."""
        if not self.privacy:
            return name
        key = person_key(name) or fold(name)
        if key not in self._by_key:
            base = short or initials(name)
            candidate, number = base, 2
            while candidate in self._taken:
                candidate, number = f"{base} ({number})", number + 1
            self._taken.add(candidate)
            self._by_key[key] = candidate
        return self._by_key[key]

    @property
    def labels(self) -> set[str]:
        return set(self._by_key.values())


def actor_pseudonym(case, actor_id: str, lang: str) -> str:
    """``Actor 3`` / ``Aktér 3``: the actor's place in ``case.actors`` (``RoomActor.number``), stable for the case."""
    from ..i18n import gettext

    number = next((i for i, a in enumerate(case.actors, start=1) if a.id == actor_id), 0)
    return gettext("ui.pseudonym_actor", lang, number=number)
