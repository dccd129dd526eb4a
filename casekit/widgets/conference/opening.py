"""Step 2, Opening: date, place, chair, minute-taker, participants with roles, attendance, consent and
confidentiality; the agenda with time boxes and the timer.

Handles: ``date``, ``place``, ``facilitator``, ``minute_taker``; ``participant_rows`` (each: ``name``,
``role``, ``attended``, ``consent``, ``confidentiality``, ``remove``); ``add_actor``, ``add_actor_role``,
``add_actor_button``, ``new_participant``, ``new_participant_role``, ``add_participant_button``,
``add_client_button``; ``agenda_rows`` (each: ``title``, ``minutes``, ``remove``); ``new_item_title``,
``new_item_minutes``, ``add_item_button``; ``timer`` (``start_button``, ``pause_button``, ``next_button``,
``display``).
"""
from __future__ import annotations

import ipywidgets as widgets

from ...model import Participant
from ...vocab import ConferenceRole
from ..common import GuardedDropdown, MessageLabel, esc
from .base import Bindings, StepView, panes, text_input
from .i18n import options
from .privacy import actor_name, person
from .timer import AgendaTimer, TimerState


def _conference(case, conference_id):
    return next(c for c in case.conferences if c.id == conference_id)


class _Row(widgets.HBox):
    pass


class OpeningView(StepView):
    key = "opening"

    def build(self) -> None:
        cid = self.session.conference_id
        conf = lambda case: _conference(case, cid)  # noqa: E731
        self.details_message = MessageLabel()
        self.date = widgets.DatePicker(description=self.field("date"))
        self.date.add_class("casekit-conference-date")
        self.place = text_input(self.field("place"), "casekit-place")
        self.facilitator = text_input(self.field("facilitator"), "casekit-facilitator")
        self.minute_taker = text_input(self.field("minute_taker"), "casekit-minute-taker")
        people = [("facilitator", self.facilitator, True), ("minute_taker", self.minute_taker, True)]
        shown_people: list[widgets.Widget] = [self.facilitator, self.minute_taker]
        if self.privacy:  # names as initials, not editable while masked
            current = self.conference
            shown_people = [widgets.HTML(f"{esc(self.field(n))}: <b>{esc(person(getattr(current, n), True))}</b>")
                            for n, _, _ in people]
            self.facilitator = self.minute_taker = None
            people = []
        for name, widget, debounce in [("date", self.date, False), ("place", self.place, True)] + people:
            self.bindings.bind(widget, lambda case, n=name: getattr(conf(case), n),
                               lambda data, value, n=name: self.conf(data).__setitem__(n, value),
                               debounce=debounce, message=self.details_message,
                               after=self.app._render_title if name == "date" else None)
        details = widgets.VBox([self.heading("conf.meeting"), self.date, self.place, *shown_people,
                                self.details_message])

        # participants
        self.participants_box = widgets.VBox()
        self.participants_message = MessageLabel()
        self.participant_bindings = Bindings(self)
        self.participant_rows: list[_Row] = []
        actors = self.case.actors if self.case else []
        self.add_actor = GuardedDropdown(options=[(actor_name(a, self.privacy), a.id) for a in actors],
                                         value=None, description=self.label("conf.from_network"))
        self.add_actor.add_class("casekit-add-actor")
        self.add_actor.on_refused = lambda value: self.participants_message.show(
            [self.label("conf.error_value_refused")])
        self.add_actor_role = GuardedDropdown(options=options(ConferenceRole, self.lang),
                                              value=ConferenceRole.PROFESSIONAL.value, description=self.field("role"))
        self.add_actor_role.on_refused = self.add_actor.on_refused
        self.add_actor_button = self.button("conf.add_from_network", self.add_from_network,
                                            css="casekit-add-actor-participant")
        self.new_participant = text_input(self.field("name"), "casekit-new-participant")
        self.new_participant_role = GuardedDropdown(options=options(ConferenceRole, self.lang),
                                                    value=ConferenceRole.PROFESSIONAL.value,
                                                    description=self.field("role"))
        self.new_participant_role.on_refused = self.add_actor.on_refused
        self.add_participant_button = self.button("conf.add_participant", self.add_named,
                                                  css="casekit-add-participant")
        self.add_client_button = self.button("conf.add_client", self.add_client, css="casekit-add-client")
        participants = widgets.VBox([
            self.heading("conf.participants"), self.participants_box,
            widgets.HBox([self.add_actor, self.add_actor_role, self.add_actor_button]),
            widgets.HBox([self.new_participant, self.new_participant_role, self.add_participant_button]),
            self.add_client_button, self.participants_message])

        # agenda and timer
        self.agenda_box = widgets.VBox()
        self.agenda_message = MessageLabel()
        self.agenda_bindings = Bindings(self)
        self.agenda_rows: list[_Row] = []
        self.new_item_title = text_input(self.field("title"), "casekit-new-item-title")
        self.new_item_minutes = widgets.IntText(value=10, description=self.field("minutes"))
        self.new_item_minutes.add_class("casekit-new-item-minutes")
        self.add_item_button = self.button("conf.add_agenda_item", self.add_item, css="casekit-add-agenda-item")
        state = self.app.__dict__.setdefault("timer_state", TimerState())
        self.timer = AgendaTimer(state, lambda: self.conference.agenda if self.conference else [], self.lang,
                                 self.safe)
        agenda = widgets.VBox([
            self.heading("conf.agenda"), self.agenda_box,
            widgets.HBox([self.new_item_title, self.new_item_minutes, self.add_item_button]),
            self.agenda_message, self.heading("conf.timer"), self.timer])

        self.children = [panes(details, agenda), participants, self.message]
        self.render_participants()
        self.render_agenda()

    # -- participants ----------------------------------------------------------------------------------------
    def render_participants(self) -> None:
        self.participant_bindings = Bindings(self)
        rows = []
        conference = self.conference
        for index, participant in enumerate(conference.participants if conference else []):
            rows.append(self._participant_row(index, participant))
        self.participant_rows = rows
        self.participants_box.children = rows

    def _participant_row(self, index: int, participant: Participant) -> _Row:
        cid = self.session.conference_id
        get = lambda case: _conference(case, cid).participants[index]  # noqa: E731

        def put(name, transform=lambda v: v):
            return lambda data, value: self.conf(data)["participants"][index].__setitem__(name, transform(value))

        row = _Row()
        row.add_class("casekit-row")
        row.add_class("casekit-participant")
        row.name = widgets.HTML(f"<b>{esc(person(participant.name, self.privacy))}</b>")
        row.name.add_class("casekit-participant-name")
        row.role = GuardedDropdown(options=options(ConferenceRole, self.lang), value=participant.role.value,
                                   description=self.field("role"))
        row.attended = widgets.Checkbox(value=participant.attended, description=self.field("attended"), indent=False)
        row.consent = widgets.Checkbox(value=participant.consent, description=self.field("consent"), indent=False)
        row.confidentiality = widgets.Checkbox(value=participant.confidentiality_acknowledged,
                                               description=self.field("confidentiality_acknowledged"), indent=False)
        row.remove = self.button("conf.remove", lambda: self.remove_participant(index), css="casekit-remove")
        b = self.participant_bindings
        b.bind(row.role, lambda case: get(case).role.value, put("role"), message=self.participants_message)
        b.bind(row.attended, lambda case: get(case).attended, put("attended", bool),
               message=self.participants_message)
        b.bind(row.consent, lambda case: get(case).consent, put("consent", bool), message=self.participants_message)
        b.bind(row.confidentiality, lambda case: get(case).confidentiality_acknowledged,
               put("confidentiality_acknowledged", bool), message=self.participants_message)
        row.children = [row.name, row.role, row.attended, row.consent, row.confidentiality, row.remove]
        return row

    def _add_participant(self, participant: dict) -> None:
        if self.apply(lambda data: self.conf(data)["participants"].append(participant),
                      message=self.participants_message):
            self.render_participants()

    def add_from_network(self) -> None:
        actor = self.case.actor(self.add_actor.value) if self.add_actor.value else None
        if actor is None:
            self.participants_message.show([self.label("conf.pick_actor")], kind="warning")
            return
        self._add_participant({"name": actor.name, "actor_id": actor.id, "role": self.add_actor_role.value})

    def add_named(self) -> None:
        self._add_participant({"name": self.new_participant.value, "role": self.new_participant_role.value})
        if self.participants_message.kind != "error":
            self.new_participant.value = ""

    def add_client(self) -> None:
        self._add_participant({"name": self.case.client.display_name, "role": ConferenceRole.CLIENT.value})

    def remove_participant(self, index: int) -> None:
        if self.apply(lambda data: self.conf(data)["participants"].pop(index), message=self.participants_message):
            self.render_participants()

    # -- agenda ----------------------------------------------------------------------------------------------
    def render_agenda(self) -> None:
        self.agenda_bindings = Bindings(self)
        cid = self.session.conference_id
        rows = []
        conference = self.conference
        for index, item in enumerate(conference.agenda if conference else []):
            get = lambda case, i=index: _conference(case, cid).agenda[i]  # noqa: E731
            row = _Row()
            row.add_class("casekit-row")
            row.add_class("casekit-agenda-item")
            row.title = text_input(self.field("title"), "casekit-agenda-title")
            row.minutes = widgets.IntText(description=self.field("minutes"))
            row.minutes.add_class("casekit-agenda-minutes")
            row.remove = self.button("conf.remove", lambda i=index: self.remove_item(i), css="casekit-remove")
            self.agenda_bindings.bind(
                row.title, lambda case, g=get: g(case).title,
                lambda data, value, i=index: self.conf(data)["agenda"][i].__setitem__("title", value),
                debounce=True, message=self.agenda_message, after=self.timer.render)
            self.agenda_bindings.bind(
                row.minutes, lambda case, g=get: g(case).minutes,
                lambda data, value, i=index: self.conf(data)["agenda"][i].__setitem__("minutes", value),
                message=self.agenda_message, after=self.timer.render)
            row.children = [row.title, row.minutes, row.remove]
            rows.append(row)
        self.agenda_rows = rows
        self.agenda_box.children = rows
        self.timer.render()

    def add_item(self) -> None:
        item = {"title": self.new_item_title.value, "minutes": self.new_item_minutes.value}
        if self.apply(lambda data: self.conf(data)["agenda"].append(item), message=self.agenda_message):
            self.new_item_title.value = ""
            self.render_agenda()

    def remove_item(self, index: int) -> None:
        if self.apply(lambda data: self.conf(data)["agenda"].pop(index), message=self.agenda_message):
            self.render_agenda()

    def refresh(self) -> None:
        super().refresh()
        self.render_participants()
        self.render_agenda()

    def on_show(self) -> None:
        self.timer.render()
