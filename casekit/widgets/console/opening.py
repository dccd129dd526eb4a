"""Step 2, Opening: the meeting (date, place, facilitator, minute-taker), who is here (roles, attendance, consent,
confidentiality) and the agenda with time boxes. The timer lives in the header (always on screen).

With privacy on, the step shows what the room sees (initials, roles, the agenda) and edits nothing that holds a
name: see :mod:`.privacy_view`.

Handles: ``date``, ``place``, ``facilitator``, ``minute_taker``, ``details_message``; ``participant_rows``
(each: ``name``, ``role``, ``attended``, ``consent``, ``confidentiality``, ``remove``), ``add_actor``,
``add_actor_role``, ``add_actor_button``, ``new_participant``, ``new_participant_role``,
``add_participant_button``, ``add_client_button``, ``participants_message``; ``agenda_rows`` (each: ``title``,
``minutes``, ``remove``), ``new_item_title``, ``new_item_minutes``, ``add_item_button``, ``agenda_message``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference import edits
from ...vocab import ConferenceRole
from .. import lean
from ..common import GuardedDropdown, MessageLabel, esc
from .base import message_label, Screen, column, panes, row, set_options
from .privacy_view import privacy_screen


def _options(vocab, lang: str) -> list[tuple[str, str]]:
    return [(m.label(lang), m.value) for m in vocab]


class OpeningScreen(Screen):
    key = "opening"

    def build(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        cid = self.conference_id
        self.details_message = message_label()
        self.date = self.date_text(self.field("date"), "casekit-conference-date")
        self.place = self.text(self.field("place"), "casekit-place")
        self.facilitator = self.text(self.field("facilitator"), "casekit-facilitator")
        self.minute_taker = self.text(self.field("minute_taker"), "casekit-minute-taker")
        conf = lambda case: next(c for c in case.conferences if c.id == cid)  # noqa: E731
        self.bind(self.date, lambda case: conf(case).date,
                  lambda case, value, **confirm: edits.set_conference(case, cid, date=value, **confirm),
                  message=self.details_message, shown=self.show_date, parse=self.read_date)
        for name in ("place", "facilitator", "minute_taker"):
            self.bind(getattr(self, name), lambda case, n=name: getattr(conf(case), n),
                      lambda case, value, n=name: edits.set_conference(case, cid, **{n: value}),
                      debounce=True, message=self.details_message)
        shown = self.app.room_state is not None and self.app.room_state.revealed.get("privacy") is False
        self.room_names = lean.checkbox(shown, self.label("console.room_names"), "casekit-room-names")
        self.room_names.observe(self.safe(lambda change: self.app.save_room(room_names=bool(change["new"]))),
                                names="value")
        details = column(self.heading("conf.meeting"), row(self.date, self.place), row(self.facilitator, self.minute_taker),
                         self.room_names, self.details_message)

        self.participants_message = message_label()
        self.participants_box = lean.vbox()
        self.add_actor = lean.dropdown(GuardedDropdown, options=self._actor_options(), value=None,
                                         description=self.label("conf.from_network"))
        self.add_actor.add_class("casekit-add-actor")
        self.add_actor_role = lean.dropdown(GuardedDropdown, options=_options(ConferenceRole, self.lang),
                                              value=ConferenceRole.PROFESSIONAL.value, description=self.field("role"))
        self.add_actor_button = self.button("conf.add_from_network", self.add_from_network,
                                            css="casekit-add-actor-participant")
        self.new_participant = self.text(self.field("name"), "casekit-new-participant")
        self.new_participant_role = lean.dropdown(GuardedDropdown, options=_options(ConferenceRole, self.lang),
                                                    value=ConferenceRole.PROFESSIONAL.value,
                                                    description=self.field("role"))
        for dropdown in (self.add_actor, self.add_actor_role, self.new_participant_role):
            dropdown.on_refused = lambda _v: self.participants_message.show([self.label("conf.error_value_refused")])
        self.add_participant_button = self.button("conf.add_participant", self.add_named,
                                                  css="casekit-add-participant")
        self.add_client_button = self.button("conf.add_client", self.add_client, css="casekit-add-client")
        self.adding_box = lean.vbox([
            row(self.add_actor, self.add_actor_role, self.add_actor_button, css="casekit-add-row"),
            row(self.new_participant, self.new_participant_role, self.add_participant_button, css="casekit-add-row")],
            own_layout=True)
        self.adding_box.layout.display = "none"
        self.adding_button = self.button("console.add_someone", self.toggle_adding, css="casekit-add-someone")
        participants = column(
            self.heading("conf.participants"), self.participants_box,
            row(self.adding_button, self.add_client_button), self.adding_box, self.participants_message)

        self.agenda_message = message_label()
        self.agenda_box = lean.vbox()
        self.new_item_title = self.text(self.field("title"), "casekit-new-item-title")
        self.new_item_minutes = lean.int_text(10, "", "casekit-new-item-minutes")
        self.add_item_button = self.button("conf.add_agenda_item", self.add_item, css="casekit-add-agenda-item")
        agenda = column(self.heading("conf.agenda"), self.agenda_box,
                        row(self.new_item_title, self.new_item_minutes,
                            lean.html(esc(self.label("console.minutes_unit")), "casekit-unit"), self.add_item_button,
                            css="casekit-add-row"),
                        self.agenda_message)
        self.children = [panes(details, agenda), participants, self.message]
        self.render_participants()
        self.render_agenda()

    # -- participants ----------------------------------------------------------------------------------------
    def _actor_options(self) -> list[tuple[str, str]]:
        return [(a.name, a.id) for a in self.case.actors]

    def render_participants(self) -> None:
        self._participant_bindings: list = []
        conference = self.conference
        rows = [self._participant_row(p) for p in (conference.participants if conference else [])]
        self.participant_rows = rows
        self.participants_box.children = rows

    def _participant_row(self, participant) -> widgets.HBox:
        cid, who = self.conference_id, participant.name
        name = lean.html(f"<b>{esc(who)}</b>")
        name.add_class("casekit-participant-name")
        role = lean.dropdown(GuardedDropdown, options=_options(ConferenceRole, self.lang), value=participant.role.value,
                               description="")
        role.add_class("casekit-participant-role")
        checks = {}
        for field_name in ("attended", "consent", "confidentiality_acknowledged"):
            checks[field_name] = lean.checkbox(getattr(participant, field_name),
                                               self.label(f"console.participant_{field_name}"),
                                               f"casekit-participant-{field_name}")
        remove = self.remove_button(lambda: self.remove_participant(who), css="casekit-remove")
        get = lambda case: next(p for p in next(c for c in case.conferences if c.id == cid).participants  # noqa: E731
                                if p.name == who)
        group = self._participant_bindings
        self.bind(role, lambda case: get(case).role.value,
                  lambda case, value: edits.set_participant(case, cid, who, role=value),
                  message=self.participants_message, group=group)
        for field_name, box in checks.items():
            self.bind(box, lambda case, f=field_name: getattr(get(case), f),
                      lambda case, value, f=field_name: edits.set_participant(case, cid, who, **{f: bool(value)}),
                      message=self.participants_message, group=group)
        line = row(name, role, *checks.values(), remove, css="casekit-participant")
        line.name, line.role, line.remove = name, role, remove
        line.attended, line.consent = checks["attended"], checks["consent"]
        line.confidentiality = checks["confidentiality_acknowledged"]
        return line

    def toggle_adding(self) -> None:
        self.adding_box.layout.display = None if self.adding_box.layout.display == "none" else "none"

    def add_from_network(self) -> None:
        if not self.add_actor.value:
            self.participants_message.show([self.label("conf.pick_actor")], kind="warning")
            return
        if self.edit(edits.add_participant_from_network, self.conference_id, self.add_actor.value,
                     role=self.add_actor_role.value, message=self.participants_message):
            self.render_participants()

    def add_named(self) -> None:
        if self.edit(edits.add_participant, self.conference_id, self.new_participant.value,
                     role=self.new_participant_role.value, message=self.participants_message):
            self.new_participant.value = ""
            self.render_participants()

    def add_client(self) -> None:
        if self.edit(edits.add_client_as_participant, self.conference_id, message=self.participants_message):
            self.render_participants()

    def remove_participant(self, name: str) -> None:
        if self.edit(edits.remove_participant, self.conference_id, name, message=self.participants_message,
                     undo_label=self.label("console.the_participant", name=name)):
            self.render_participants()

    # -- agenda ----------------------------------------------------------------------------------------------
    def render_agenda(self) -> None:
        cid = self.conference_id
        group: list = []
        rows = []
        for index, item in enumerate(self.conference.agenda if self.conference else []):
            title = self.text("", "casekit-agenda-title")
            minutes = lean.int_text(item.minutes, "", "casekit-agenda-minutes")
            unit = lean.html(esc(self.label("console.minutes_unit")), "casekit-unit")
            remove = self.remove_button(lambda i=index, t=item.title: self.remove_item(i, t), css="casekit-remove")
            get = lambda case, i=index: next(c for c in case.conferences if c.id == cid).agenda[i]  # noqa: E731
            self.bind(title, lambda case, g=get: g(case).title,
                      lambda case, value, i=index: edits.set_agenda_item(case, cid, i, title=value),
                      debounce=True, message=self.agenda_message, group=group)
            self.bind(minutes, lambda case, g=get: g(case).minutes,
                      lambda case, value, i=index: edits.set_agenda_item(case, cid, i, minutes=value),
                      message=self.agenda_message, group=group)
            line = row(title, minutes, unit, remove, css="casekit-agenda-item")
            line.title, line.minutes, line.remove = title, minutes, remove
            rows.append(line)
        self.agenda_rows = rows
        self.agenda_box.children = rows
        self.app._draw_timer()

    def add_item(self) -> None:
        if self.edit(edits.add_agenda_item, self.conference_id, self.new_item_title.value,
                     self.new_item_minutes.value, message=self.agenda_message):
            self.new_item_title.value = ""
            self.render_agenda()

    def remove_item(self, index: int, title: str) -> None:
        if self.edit(edits.remove_agenda_item, self.conference_id, index, message=self.agenda_message,
                     undo_label=self.label("console.the_agenda_item", title=title)):
            self.render_agenda()

    def refresh(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        set_options(self.add_actor, self._actor_options())  # an actor added on Network may join the meeting
        self.render_participants()
        self.render_agenda()
        super().refresh()
