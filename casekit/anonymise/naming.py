"""Who is who in a room projection: vocabulary labels, one label per person and actor, the texts to mask.

:class:`CaseNaming` registers every person of a case with :class:`~.people.PersonLabels` in a fixed order (the
case manager, actors who are persons, each conference's participants, facilitator, minute-taker and dissenters,
crisis contacts, then names the room never sees as such), so the numbering of shared initials is stable; a
participant who is the client or an actor of the network gets that label. :func:`shown_texts` lists the free texts
the room sees (the masker learns third parties' names from them).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..i18n import gettext
from ..model import CASE_MANAGER_OWNER, CLIENT_OWNER, Case
from ..vocab import ActorKind, ConferenceRole
from .masking import identity
from .people import PersonLabels

NETWORK_ROLE, CRISIS_CONTACT_ROLE = "network", "crisis_contact"


def role_label(role: str, lang: str) -> str:
    if role in (NETWORK_ROLE, CRISIS_CONTACT_ROLE):
        return gettext(f"privacy.role.{role}", lang)
    return ConferenceRole(role).label(lang)


class Labels:
    """Vocabulary labels in one language: a long case asks for the same few thousands of times."""

    def __init__(self, lang: str):
        self.lang = lang

    def __getitem__(self, member) -> str:
        return _vocabulary_label(type(member), member.value, self.lang)


@lru_cache(maxsize=1024)
def _vocabulary_label(vocabulary: type, value: str, lang: str) -> str:
    # keyed by the vocabulary too: members are str, so ConferenceRole.FAMILY == LifeDomain.FAMILY
    return vocabulary(value).label(lang)


class CaseNaming:
    """The labels of one case's people and actors, and the masker of its texts."""

    def __init__(self, case: Case, privacy: bool, lang: str):
        self.case, self.privacy, self.lang = case, privacy, lang
        self.labels = PersonLabels(case.client.display_name, privacy=privacy)
        self.people: dict[str, str] = {}  # name as written → label: every person, for the masker
        self.actors: dict[str, str] = {}
        self.org_names = {a.name for a in case.actors if a.kind != ActorKind.PERSON}
        self.mask: Callable[[str], str] = identity
        self._register()

    def person(self, name: str, alias_of: str | None = None) -> str:
        if not name:
            return name
        if not self.privacy:
            return name
        label = self.people.get(name)
        if label is None:
            label = self.labels.alias(name, alias_of) if alias_of else self.labels.label(name)
            self.people[name] = label
        return label

    def mention(self, name: str) -> None:
        """A name the room never sees as such (copies of the crisis plan, consents): known to the masker."""
        if any(c.isupper() for c in name):
            self.person(name)

    def _register(self) -> None:
        case = self.case
        self.person(case.case_manager)
        for actor in case.actors:
            if actor.kind == ActorKind.PERSON:
                self.actors[actor.id] = self.person(actor.name)
        for conference in case.conferences:
            for p in conference.participants:
                self.participant(p)
            for name in (conference.facilitator, conference.minute_taker):
                self.person(name)
            for decision in conference.decisions:
                for name in decision.dissent_by:
                    self.person(name)
        plan = case.crisis_plan
        for contact in plan.contacts if plan else ():
            self.contact(contact.name)
        for name in [*(plan.copies_to if plan else ()), *(c.given_by for c in case.client.consents)]:
            self.mention(name)

    def participant(self, p) -> str:
        if p.role == ConferenceRole.CLIENT:
            return self.person(p.name, alias_of=self.case.client.display_name)
        if p.actor_id in self.actors:
            return self.person(p.name, alias_of=self.actors[p.actor_id])
        return self.person(p.name)

    def contact(self, name: str) -> str:
        """A crisis contact: an organisation of the network keeps its (masked) name, anyone else a label."""
        return self.mask(name) if name in self.org_names else self.person(name)

    def actor(self, actor) -> str:
        return self.actors.get(actor.id) or self.mask(actor.name)

    def owner(self, owner_id: str) -> str:
        """An action's owner: an actor's label, or the role of the client / the case manager."""
        if owner_id == CLIENT_OWNER:
            return Labels(self.lang)[ConferenceRole.CLIENT]
        if owner_id == CASE_MANAGER_OWNER:
            return Labels(self.lang)[ConferenceRole.CASE_MANAGER]
        actor = self.case.actor(owner_id)
        return self.actor(actor) if actor else owner_id


def shown_texts(case: Case) -> list[str]:
    """Every free text :data:`SHOWN_IN_PRIVACY` lets through (the masker learns third parties' names from them)."""
    texts = [case.request, *case.strengths, *case.wishes]
    texts += [n.description for n in case.needs]
    texts += [t for a in case.actors for t in ((a.name, a.provides) if a.kind != ActorKind.PERSON else (a.provides,))]
    texts += [t for g in case.goals for t in (g.text, *g.levels.values())]
    texts += [a.what for a in case.actions]
    texts += [t for c in case.conferences for t in (*(i.title for i in c.agenda), *(d.text for d in c.decisions))]
    texts += [c.role for c in case.crisis_plan.contacts] if case.crisis_plan else []
    return [t for t in texts if t and t.strip()]
