"""Step 5, Network: the people and organisations around the client, the needs each is on, the unmet needs with
nobody on them and services of the regional catalogue that could take them.

Each actor is a row: name, formal or informal, the tie (strong, tenuous, stressful), "Needs (3)" and Remove
(with undo; the needs and participants that named the actor let go of it). "Needs" shows that actor's needs as
checkboxes, one per need of the case: a click links or unlinks that one need — never the others. A new actor needs its name, sector, kind and — chosen, never
defaulted — formal or informal. A catalogue service is added once (a second click links the one already there).
The room view shows the ecomap.

Handles: ``actor_rows`` (each: ``name``, ``formal``, ``tie``, ``needs_button``, ``remove``), ``choose(actor_id)``
and ``needs`` {need id: Checkbox} of the chosen actor,
``new_name``, ``new_sector``, ``new_kind``, ``new_formal``, ``add_button``, ``new_message``; ``gaps`` (HTML),
``suggestions`` {(need id, service id): Button}, ``suggest_message``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference import edits
from ...vocab import ActorKind, Flow, RelationshipKind, Sector
from .. import lean
from ..common import GuardedDropdown, GuardedToggleButtons, MessageLabel, esc, log
from .base import message_label, Screen, column, panes, row
from .privacy_view import privacy_screen


def catalogue(lang: str):
    """The regional service catalogue, or None (then there are no suggestions)."""
    try:
        from ...example_data import load_catalogue

        return load_catalogue(lang)
    except Exception:  # noqa: BLE001 - a missing catalogue must not stop the meeting
        log.warning("no service catalogue", exc_info=True)
        return None


class NetworkScreen(Screen):
    key = "network"

    def build(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.actors_message = message_label()
        self.actors_box = lean.vbox()
        self.new_message = message_label()
        self.new_name = self.text(self.field("name"), "casekit-new-actor-name")
        self.new_sector = lean.dropdown(GuardedDropdown, options=[(s.label(self.lang), s.value) for s in Sector], value=None,
                                          description=self.field("sector"))
        self.new_sector.add_class("casekit-new-actor-sector")
        self.new_kind = lean.toggles(GuardedToggleButtons, options=[(k.label(self.lang), k.value) for k in ActorKind],
                                             value=ActorKind.PERSON.value)
        self.new_kind.add_class("casekit-new-actor-kind")
        self.new_formal = lean.toggles(GuardedToggleButtons, options=[(self.label("console.formal"), True),
                                                        (self.label("console.informal"), False)], value=None)
        self.new_formal.add_class("casekit-new-actor-formal")
        for widget in (self.new_sector, self.new_kind, self.new_formal):
            widget.on_refused = lambda _v: self.new_message.show([self.label("conf.error_value_refused")])
        self.add_button = self.button("conf.add_actor", self.add_actor, css="casekit-add-actor-button")
        self.adding_box = lean.vbox([self.new_name, row(self.new_sector, self.new_kind, css="casekit-add-row"),
                                     row(self.new_formal, self.add_button, css="casekit-add-row")], own_layout=True)
        self.adding_box.layout.display = "none"
        self.adding_button = self.button("conf.new_actor", self.toggle_adding, css="casekit-add-someone")
        adding = column(self.adding_button, self.adding_box, self.new_message)
        self.gaps = lean.html()
        self.gaps.add_class("casekit-gaps")
        self.suggest_message = message_label()
        self.suggestions_box = lean.vbox()
        self.suggestions: dict = {}
        gaps = column(self.heading("conf.gaps_heading"), self.gaps, self.suggestions_box, self.suggest_message)
        self.chosen = None
        self.needs: dict = {}
        self.links_title = lean.html()
        self.links_box = lean.box(css="casekit-checks")
        self.details_box = lean.vbox()
        self.details: dict = {}
        links = column(self.links_title, self.links_box, self.details_box, css="casekit-chosen-actor")
        self.children = [column(self.heading("conf.actors_heading"), self.actors_box, self.actors_message), links,
                         panes(adding, gaps), self.message]
        self.render()

    def render(self) -> None:
        self.render_actors()
        self.choose(self.chosen)
        self.render_gaps()

    # -- actors ----------------------------------------------------------------------------------------------
    def render_actors(self) -> None:
        group: list = []
        case = self.case
        rows = []
        for actor in case.actors:
            rows.append(self._actor_row(actor, group))
        self.actor_rows = rows
        self.actors_box.children = rows or [lean.html(f"<p class='casekit-muted'>{esc(self.label('room.no_network'))}</p>")]

    def _actor_row(self, actor, group: list) -> widgets.HBox:
        aid = actor.id
        name = lean.html(f"<b>{esc(actor.name)}</b> <span class='casekit-muted'>{esc(actor.sector.label(self.lang))}</span>",
                         "casekit-actor-name")
        formal = lean.toggles(GuardedToggleButtons, options=[(self.label("console.formal"), True),
                                                             (self.label("console.informal"), False)],
                              value=actor.formal, css="casekit-actor-formal")
        tie = lean.dropdown(GuardedDropdown, options=[(k.label(self.lang), k.value) for k in RelationshipKind],
                            value=actor.relationship.kind.value, description="", css="casekit-actor-tie")
        self.bind(formal, lambda case: case.actor(aid).formal,
                  lambda case, value: edits.set_actor(case, aid, formal=bool(value)),
                  message=self.actors_message, group=group)
        self.bind(tie, lambda case: case.actor(aid).relationship.kind.value,
                  lambda case, value: edits.set_relationship(case, aid, kind=value),
                  message=self.actors_message, group=group)
        needs = self.button("console.needs_of", lambda: self.choose(aid), css="casekit-actor-needs",
                            count=sum(1 for n in self.case.needs if aid in n.actor_ids))
        remove = self.remove_button(lambda: self.remove_actor(aid, actor.name), css="casekit-remove")
        line = row(name, formal, tie, needs, remove, css="casekit-actor")
        line.name, line.formal, line.tie, line.needs_button, line.remove = name, formal, tie, needs, remove
        return line

    # -- the needs of one actor: a checkbox per need ---------------------------------------------------------
    def choose(self, actor_id: str | None) -> None:
        """Show the needs of ``actor_id`` as checkboxes (one click links or unlinks exactly one need)."""
        case = self.case
        actor = case.actor(actor_id) if actor_id else None
        self.chosen = actor.id if actor is not None else None
        if actor is None:
            self.links_title.value = f"<p class='casekit-muted'>{esc(self.label('console.choose_actor_for_needs'))}</p>"
            self.links_box.children = []
            self.details_box.children = []
            self.needs, self.details = {}, {}
            return
        self.links_title.value = f"<h2 class='casekit-subheading'>{esc(self.label('console.needs_of_actor', name=actor.name))}</h2>"
        self.needs = {}
        for need in case.needs:
            box = lean.checkbox(actor.id in need.actor_ids, need.domain.label(self.lang), "casekit-actor-need")
            box.observe(self.safe(lambda change, n=need.id, a=actor.id: self.link(n, a, change["new"])), names="value")
            self.needs[need.id] = box
        self.links_box.children = list(self.needs.values())
        self._details(actor.id)

    def _details(self, aid: str) -> None:
        """The chosen actor's contact, what it provides and the direction and start of the tie."""
        group: list = []
        self.details = {}
        for name in ("contact_person", "phone", "email", "provides"):
            widget = self.text(self.field(name), f"casekit-actor-{name}", area=name == "provides")
            self.bind(widget, lambda case, n=name: getattr(case.actor(aid), n),
                      lambda case, value, n=name: edits.set_actor(case, aid, **{n: value}), debounce=True,
                      message=self.actors_message, group=group)
            self.details[name] = widget
        flow = lean.dropdown(GuardedDropdown, options=[(f.label(self.lang), f.value) for f in Flow], value=None,
                             description=self.field("flow"), css="casekit-actor-flow")
        self.bind(flow, lambda case: case.actor(aid).relationship.flow.value,
                  lambda case, value: edits.set_relationship(case, aid, flow=value), message=self.actors_message,
                  group=group)
        since = self.date_text(self.field("since"), "casekit-actor-since")
        self.bind(since, lambda case: case.actor(aid).relationship.since,
                  lambda case, value, **confirm: edits.set_relationship(case, aid, since=value, **confirm),
                  message=self.actors_message, shown=self.show_date, parse=self.read_date, group=group)
        self.details.update(flow=flow, since=since)
        self.details_box.children = [row(self.details["contact_person"], self.details["phone"], self.details["email"]),
                                     row(flow, since), self.details["provides"]]

    def link(self, need_id: str, actor_id: str, linked: bool) -> None:
        """One checkbox: link or unlink exactly this need and this actor."""
        function = edits.link_need if linked else edits.unlink_need
        if self.edit(function, need_id, actor_id, message=self.actors_message):
            self.render_actors()
            self.render_gaps()

    def toggle_adding(self) -> None:
        self.adding_box.layout.display = None if self.adding_box.layout.display == "none" else "none"

    def add_actor(self) -> None:
        if self.new_formal.value is None:
            self.new_message.show([self.label("console.choose_formal")], kind="warning")
            return
        if self.new_sector.value is None:
            self.new_message.show([self.label("console.choose_sector")], kind="warning")
            return
        name = self.new_name.value
        if self.edit(edits.add_actor, name=name, formal=bool(self.new_formal.value), kind=self.new_kind.value,
                     sector=self.new_sector.value, message=self.new_message):
            self.new_name.value = ""
            self.new_formal.value = None
            if not self.session.has_pending:  # else the message says why it is not saved yet
                self.new_message.show([self.label("conf.actor_added", name=name.strip())], kind="ok")
            self.render()

    def remove_actor(self, actor_id: str, name: str) -> None:
        if self.edit(edits.remove_actor, actor_id, message=self.actors_message,
                     undo_label=self.label("console.the_actor", name=name)):
            self.render()

    # -- gaps and the catalogue ------------------------------------------------------------------------------
    def render_gaps(self) -> None:
        case = self.case
        gaps = [n for n in case.unmet_needs() if not n.actor_ids]
        cat = catalogue(self.lang)
        municipality = (case.client.municipality or "").strip().casefold()
        area = next((a.id for a in cat.areas if a.name.casefold() == municipality), None) if cat and municipality else None
        existing = {a.catalogue_id for a in case.actors if a.catalogue_id}
        if not gaps:
            self.gaps.value = f"<p>{esc(self.label('conf.no_gaps'))}</p>"
        else:
            items = "".join(f"<li class='casekit-gap'>● {esc(n.domain.label(self.lang))}</li>" for n in gaps)
            self.gaps.value = f"<ul>{items}</ul>"
        rows, self.suggestions = [], {}
        for need in gaps:
            services = cat.services_for(need.domain, area) if cat is not None else []
            services = [s for s in services if s.id not in existing][:3]
            if not services:
                continue
            rows.append(lean.html(f"<b>{esc(self.label('conf.suggested_for', domain=need.domain.label(self.lang)))}</b>"))
            for service in services:
                note = "" if service.accepts_new else f" · {self.label('conf.not_accepting')}"
                text = lean.html(f"{esc(service.name)} ({esc(service.provider)}){esc(note)}")
                button = self.button("conf.add_to_network", lambda s=service.id, n=need.id: self.add_service(s, n),
                                     css="casekit-add-service")
                button.add_class(f"casekit-add-service-{service.id}")
                self.suggestions[(need.id, service.id)] = button
                rows.append(row(text, button))
        self.suggestions_box.children = rows

    def add_service(self, service_id: str, need_id: str) -> None:
        if self.edit(edits.add_service, catalogue(self.lang), service_id, need_id=need_id,
                     message=self.suggest_message):
            self.render()

    def refresh(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.render()
        super().refresh()
