"""Step 5, Network: the ecomap (dated, live), actors added and edited, needs linked to actors, unmet needs
with nobody on them flagged, and services of the regional catalogue that could meet them.

Handles: ``ecomap`` (HTML with the SVG), ``actor_select`` (actor id), the editor of the selected actor
``name``, ``kind``, ``sector``, ``formal``, ``contact_person``, ``phone``, ``email``, ``provides``,
``relationship_kind``, ``flow``, ``since``, ``linked_needs`` (need ids); ``new_name``, ``new_kind``,
``new_sector``, ``add_actor_button``; ``gaps`` (HTML), ``suggestions`` (``{(need_id, service_id): Button}``,
the "Add to network" buttons).
"""
from __future__ import annotations

from functools import lru_cache

import ipywidgets as widgets

from ...model import Actor
from ...vocab import ActorKind, Flow, RelationshipKind, Sector
from ..common import GuardedDropdown, GuardedSelect, GuardedSelectMultiple, MessageLabel, esc, log
from .base import Bindings, StepView, panes, text_input
from .i18n import fmt_date, options
from .privacy import actor_name, hidden


@lru_cache(maxsize=4)
def _catalogue(lang: str):
    from ...example_data import load_catalogue

    return load_catalogue(lang)


def catalogue(lang: str):
    """The regional service catalogue, or None when there is none (the suggestions are then left out)."""
    try:
        return _catalogue(lang)
    except Exception:  # noqa: BLE001 - a missing catalogue must not stop the meeting
        log.warning("no service catalogue", exc_info=True)
        return None


class NetworkView(StepView):
    key = "network"

    def build(self) -> None:
        self.ecomap = widgets.HTML()
        self.ecomap.add_class("casekit-ecomap")
        self.actor_message = MessageLabel()
        refused = lambda value: self.actor_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        self.actor_select = GuardedSelect(options=[], rows=8, on_refused=refused)
        self.actor_select.add_class("casekit-actor-select")
        self.actor_select.layout.width = "100%"
        self.actor_select.observe(self.safe(lambda change: self.render_editor()), names="value")
        self.editor = widgets.VBox()
        self.editor.add_class("casekit-actor-editor")
        self.editor_bindings = Bindings(self)

        self.new_name = text_input(self.field("name"), "casekit-new-actor-name")
        self.new_kind = GuardedDropdown(options=options(ActorKind, self.lang), value=ActorKind.ORGANISATION.value,
                                        description=self.field("kind"), on_refused=refused)
        self.new_sector = GuardedDropdown(options=options(Sector, self.lang), value=Sector.SOCIAL.value,
                                          description=self.field("sector"), on_refused=refused)
        self.add_actor_button = self.button("conf.add_actor", self.add_actor, css="casekit-add-actor-button")
        self.new_message = MessageLabel()
        self.gaps = widgets.HTML()
        self.gaps.add_class("casekit-gaps")
        self.suggestions_box = widgets.VBox()
        self.suggestions_box.add_class("casekit-suggestions")
        self.suggestions: dict[tuple[str, str], widgets.Button] = {}
        self.suggest_message = MessageLabel()

        # the ecomap is what the room looks at: the whole width of the step (its labels stay readable), the
        # gaps and the actors' editor side by side underneath
        left = widgets.VBox([self.heading("conf.gaps_heading"), self.gaps, self.suggestions_box,
                             self.suggest_message])
        right = widgets.VBox([self.heading("conf.actors_heading"), self.actor_select, self.editor,
                              self.actor_message, self.heading("conf.new_actor"), self.new_name, self.new_kind,
                              self.new_sector, self.add_actor_button, self.new_message])
        self.children = [self.ecomap, panes(left, right), self.message]
        self.render_actors()

    # -- actors ----------------------------------------------------------------------------------------------
    def render_actors(self, select: str | None = None) -> None:
        case = self.case
        current = select or self.actor_select.value
        opts = [(actor_name(a, self.privacy), a.id) for a in case.actors]
        self.actor_select.options = opts
        ids = {v for _, v in opts}
        self.actor_select.value = current if current in ids else (opts[0][1] if opts else None)
        self.render_editor()

    def render_editor(self) -> None:
        self.editor_bindings = Bindings(self)
        actor_id = self.actor_select.value
        case = self.case
        actor = case.actor(actor_id) if actor_id else None
        if actor is None:
            self.editor.children = []
            self.editor_fields = {}
            for name in _EDITOR_FIELDS:
                setattr(self, name, None)
            return
        message = self.actor_message
        refused = lambda value: message.show([self.label("conf.error_value_refused")])  # noqa: E731

        def get(name):
            return lambda c: getattr(c.actor(actor_id), name)

        def put(*path):
            def write(data, value):
                target = next(a for a in data["actors"] if a["id"] == actor_id)
                for part in path[:-1]:
                    target = target[part]
                target[path[-1]] = value
            return write

        b = self.editor_bindings
        fields: dict[str, widgets.Widget] = {}
        shown: list[widgets.Widget] = []

        def masked(name: str) -> widgets.HTML:
            html = widgets.HTML(f"<span class='casekit-hidden-text'>{esc(self.field(name))}: "
                                f"{esc(hidden(self.lang))}</span>")
            html.add_class(f"casekit-actor-{name.replace('_', '-')}")
            return html

        if self.privacy and actor.kind == ActorKind.PERSON:
            shown.append(widgets.HTML(f"<b>{esc(actor_name(actor, True))}</b>"))
        else:
            fields["name"] = text_input(self.field("name"), "casekit-actor-name")
            b.bind(fields["name"], get("name"), put("name"), debounce=True, message=message,
                   after=self.after_name)
            shown.append(fields["name"])
        fields["kind"] = GuardedDropdown(options=options(ActorKind, self.lang), description=self.field("kind"),
                                         on_refused=refused)
        b.bind(fields["kind"], lambda c: c.actor(actor_id).kind.value, put("kind"), message=message,
               after=self.render_ecomap)
        fields["sector"] = GuardedDropdown(options=options(Sector, self.lang), description=self.field("sector"),
                                           on_refused=refused)
        b.bind(fields["sector"], lambda c: c.actor(actor_id).sector.value, put("sector"), message=message,
               after=self.render_ecomap)
        fields["formal"] = widgets.Checkbox(description=self.field("formal"), indent=False)
        b.bind(fields["formal"], get("formal"), put("formal"), message=message, after=self.render_ecomap)
        shown += [fields["kind"], fields["sector"], fields["formal"]]
        for name in ("contact_person", "phone", "email"):
            if self.privacy:
                shown.append(masked(name))
            else:
                fields[name] = text_input(self.field(name), f"casekit-actor-{name.replace('_', '-')}")
                b.bind(fields[name], get(name), put(name), debounce=True, message=message)
                shown.append(fields[name])
        fields["provides"] = text_input(self.field("provides"), "casekit-actor-provides", area=True)
        b.bind(fields["provides"], get("provides"), put("provides"), debounce=True, message=message)
        fields["relationship_kind"] = GuardedDropdown(options=options(RelationshipKind, self.lang),
                                                      description=self.field("relationship"), on_refused=refused)
        b.bind(fields["relationship_kind"], lambda c: c.actor(actor_id).relationship.kind.value,
               put("relationship", "kind"), message=message, after=self.render_ecomap)
        fields["flow"] = GuardedDropdown(options=options(Flow, self.lang), description=self.field("flow"),
                                         on_refused=refused)
        b.bind(fields["flow"], lambda c: c.actor(actor_id).relationship.flow.value, put("relationship", "flow"),
               message=message, after=self.render_ecomap)
        fields["since"] = widgets.DatePicker(description=self.field("since"))
        b.bind(fields["since"], lambda c: c.actor(actor_id).relationship.since, put("relationship", "since"),
               message=message, after=self.render_ecomap)
        needs = [(f"{n.domain.label(self.lang)}" + (" ⚠" if n.is_unmet() else ""), n.id) for n in case.needs]
        fields["linked_needs"] = GuardedSelectMultiple(options=needs, rows=min(max(len(needs), 3), 8),
                                                       description=self.field("need_ids"), on_refused=refused)

        def link(data, value):
            chosen = set(value)
            for need in data["needs"]:
                ids = [a for a in need["actor_ids"] if a != actor_id]
                if need["id"] in chosen:
                    ids.append(actor_id)
                need["actor_ids"] = ids

        b.bind(fields["linked_needs"], lambda c: tuple(n.id for n in c.needs if actor_id in n.actor_ids), link,
               message=message, after=self.render_gaps)
        shown += [fields["provides"], fields["relationship_kind"], fields["flow"], fields["since"],
                  fields["linked_needs"]]
        for widget in shown:
            widget.add_class("casekit-field")
            if hasattr(widget, "style") and hasattr(widget.style, "description_width"):
                widget.style.description_width = "initial"
        self.editor_fields = fields
        for name in _EDITOR_FIELDS:  # view.phone, view.sector … (None when not shown)
            setattr(self, name, fields.get(name))
        self.editor.children = shown

    def after_name(self) -> None:
        self.render_actors()
        self.render_ecomap()

    def add_actor(self) -> None:
        try:
            actor = Actor.model_validate({"name": self.new_name.value, "kind": self.new_kind.value,
                                          "sector": self.new_sector.value})
        except Exception as exc:  # noqa: BLE001
            self.report_error(_invalid(exc), self.new_message)
            return
        if self.apply(lambda data: data["actors"].append(actor.model_dump()), message=self.new_message):
            self.new_name.value = ""
            self.new_message.show([self.label("conf.actor_added", name=actor_name(actor, self.privacy))], kind="ok")
            self.render_actors(select=actor.id)
            self.render_gaps()
            self.render_ecomap()

    # -- gaps and suggestions --------------------------------------------------------------------------------
    def _area(self, cat) -> str | None:
        municipality = (self.case.client.municipality or "").strip().casefold()
        if not municipality or cat is None:
            return None
        return next((a.id for a in cat.areas if a.name.casefold() == municipality), None)

    def render_gaps(self) -> None:
        case = self.case
        gaps = [n for n in case.unmet_needs() if not n.actor_ids]
        cat = catalogue(self.lang)
        area = self._area(cat)
        existing = {a.catalogue_id for a in case.actors if a.catalogue_id}
        if not gaps:
            self.gaps.value = f"<p class='casekit-no-gaps'>{esc(self.label('conf.no_gaps'))}</p>"
        else:
            items = "".join(f"<li class='casekit-gap'>⚠ {esc(n.domain.label(self.lang))}</li>" for n in gaps)
            self.gaps.value = (f"<p class='casekit-gap'>{esc(self.label('conf.gaps_intro', count=len(gaps)))}</p>"
                               f"<ul>{items}</ul>")
        rows, self.suggestions = [], {}
        for need in gaps:
            services = cat.services_for(need.domain, area) if cat is not None else []
            services = [s for s in services if s.id not in existing][:4]
            if not services:
                rows.append(widgets.HTML(f"<p>{esc(need.domain.label(self.lang))}: "
                                         f"{esc(self.label('conf.no_service_in_catalogue'))}</p>"))
                continue
            title = self.label("conf.suggested_for", domain=need.domain.label(self.lang))
            rows.append(widgets.HTML(f"<b>{esc(title)}</b>"))
            for service in services:
                note = "" if service.accepts_new else f" · {self.label('conf.not_accepting')}"
                text = widgets.HTML(f"{esc(service.name)} ({esc(service.provider)}){esc(note)}")
                button = self.button("conf.add_to_network",
                                     lambda s=service, n=need.id: self.add_service(s.id, n),
                                     css="casekit-add-service")
                button.add_class(f"casekit-add-service-{service.id}")
                self.suggestions[(need.id, service.id)] = button
                row = widgets.HBox([text, button])
                row.add_class("casekit-row")
                rows.append(row)
        self.suggestions_box.children = rows

    def add_service(self, service_id: str, need_id: str) -> None:
        cat = catalogue(self.lang)
        service = cat.service(service_id) if cat is not None else None
        if service is None:
            self.suggest_message.show([self.label("conf.error_value_refused")])
            return
        actor = Actor(name=service.name, kind=ActorKind.ORGANISATION, sector=service.sector, formal=service.formal,
                      provides=service.description, catalogue_id=service.id,
                      area=", ".join(a.name for a in cat.areas if a.id in service.areas)[:200])

        def mutate(data):
            data["actors"].append(actor.model_dump())
            for need in data["needs"]:
                if need["id"] == need_id:
                    need["actor_ids"].append(actor.id)

        if self.apply(mutate, message=self.suggest_message):
            self.suggest_message.show([self.label("conf.actor_added", name=actor.name)], kind="ok")
            self.render_actors(select=actor.id)
            self.render_gaps()
            self.render_ecomap()

    # -- ecomap ----------------------------------------------------------------------------------------------
    def render_ecomap(self) -> None:
        from .visuals import ecomap_html

        conference = self.conference
        as_of = conference.date if conference else None
        # the heading and the date on one line (the room needs the map, not three lines of titles)
        caption = (f"<h3 class='casekit-heading'>{esc(self.label('conf.ecomap_heading'))}"
                   f"<span class='casekit-ecomap-date'>{esc(self.label('conf.ecomap_as_of'))} "
                   f"{esc(fmt_date(as_of, self.lang))}</span></h3>")
        self.ecomap.value = caption + ecomap_html(self.case, as_of, lang=self.lang, dark=self.app.theme == "dark",
                                                  privacy=self.privacy, width=self.app.chart_width("full"))

    def on_show(self) -> None:
        self.render_gaps()
        self.render_ecomap()

    def refresh(self) -> None:
        self.render_actors()
        self.render_gaps()
        self.render_ecomap()


_EDITOR_FIELDS = ("name", "kind", "sector", "formal", "contact_person", "phone", "email", "provides",
                  "relationship_kind", "flow", "since", "linked_needs")


def _invalid(exc):
    from pydantic import ValidationError

    from ...errors import InvalidData

    return InvalidData.from_validation(exc) if isinstance(exc, ValidationError) else exc
