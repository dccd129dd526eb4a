"""Step 6, Plan: goals in the client's words with GAS levels, actions with owner and due date, crisis plan.

Handles: ``goal_cards`` (each: ``text``, ``levels`` {−2..2: Text}, ``weight``, ``baseline``, ``needs``,
``remove``), ``new_goal``, ``add_goal_button``; ``action_rows`` (each: ``what``, ``owner``, ``due``, ``link``,
``status``, ``remove``) — the actions agreed at this conference; ``new_action``, ``new_owner``, ``new_due``,
``new_link``, ``add_action_button``; ``crisis`` (dict of the crisis-plan fields: ``written_on``,
``when_well``, ``triggers``, ``early_signs``, ``what_helps``, ``what_harms``, ``preferred_treatment``,
``refused_treatment``, ``medication``, ``allergies``, ``dependants_care``, ``copies_to``; lists one item per
line), ``contact_rows`` (``name``, ``role``, ``phone``, ``remove``), ``new_contact_name``,
``new_contact_role``, ``new_contact_phone``, ``add_contact_button``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...model import CASE_MANAGER_OWNER, CLIENT_OWNER, GAS_LEVELS, CrisisPlan
from ...vocab import ActionStatus
from ..common import GuardedDropdown, GuardedSelectMultiple, MessageLabel, esc
from .base import Bindings, StepView, text_input
from .i18n import options
from .privacy import actor_name, hidden

_LIST_FIELDS = ("triggers", "early_signs", "copies_to")
_TEXT_FIELDS = ("when_well", "what_helps", "what_harms", "preferred_treatment", "refused_treatment", "medication",
                "allergies", "dependants_care")
_PRIVATE_FIELDS = ("medication", "allergies")


class _Box(widgets.VBox):
    pass


class _Row(widgets.HBox):
    pass


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class PlanView(StepView):
    key = "plan"

    def build(self) -> None:
        self.goal_message = MessageLabel()
        self.goals_box = widgets.VBox()
        self.goal_cards: list[_Box] = []
        self.new_goal = text_input(self.label("conf.goal_in_clients_words"), "casekit-new-goal", area=True)
        self.add_goal_button = self.button("conf.add_goal", self.add_goal, css="casekit-add-goal")

        self.action_message = MessageLabel()
        self.actions_box = widgets.VBox()
        self.action_rows: list[_Row] = []
        refused = lambda value: self.action_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        self.new_action = text_input(self.field("what"), "casekit-new-action")
        self.new_owner = GuardedDropdown(options=self._owners(), value=CASE_MANAGER_OWNER,
                                         description=self.field("owner_id"), on_refused=refused)
        self.new_owner.add_class("casekit-new-owner")
        self.new_due = widgets.DatePicker(description=self.field("due"))
        self.new_due.add_class("casekit-new-due")
        self.new_link = GuardedDropdown(options=self._links(), value="", description=self.label("conf.link"),
                                        on_refused=refused)
        self.new_link.add_class("casekit-new-link")
        self.add_action_button = self.button("conf.add_action", self.add_action, css="casekit-add-action")

        self.crisis_message = MessageLabel()
        self.crisis: dict[str, widgets.Widget] = {}
        self.crisis_box = widgets.VBox()
        self.contacts_box = widgets.VBox()
        self.contact_rows: list[_Row] = []
        self.new_contact_name = text_input(self.field("name"), "casekit-new-contact-name")
        self.new_contact_role = text_input(self.field("role"), "casekit-new-contact-role")
        self.new_contact_phone = text_input(self.field("phone"), "casekit-new-contact-phone")
        self.add_contact_button = self.button("conf.add_contact", self.add_contact, css="casekit-add-contact")

        self.children = [
            self.heading("conf.goals_heading"), self.goals_box,
            widgets.HBox([self.new_goal, self.add_goal_button]), self.goal_message,
            self.heading("conf.actions_heading"), self.actions_box,
            widgets.HBox([self.new_action, self.new_owner, self.new_due, self.new_link, self.add_action_button]),
            self.action_message,
            self.heading("conf.crisis_heading"), self.crisis_box,
            self.heading("conf.crisis_contacts"), self.contacts_box,
            widgets.HBox([self.new_contact_name, self.new_contact_role]
                         + ([] if self.privacy else [self.new_contact_phone]) + [self.add_contact_button]),
            self.crisis_message, self.message]
        self.build_crisis()
        self.render_goals()
        self.render_actions()
        self.render_contacts()

    # -- choices ---------------------------------------------------------------------------------------------
    def _owners(self) -> list[tuple[str, str]]:
        case = self.case
        return ([(self.label("conf.owner_client"), CLIENT_OWNER),
                 (self.label("conf.owner_case_manager"), CASE_MANAGER_OWNER)]
                + [(actor_name(a, self.privacy), a.id) for a in case.actors])

    def _links(self) -> list[tuple[str, str]]:
        case = self.case
        return ([("–", "")]
                + [(f"{self.field('need_id')}: {n.domain.label(self.lang)}", f"need:{n.id}") for n in case.needs]
                + [(f"{self.field('goal_id')} {i}: {g.text[:40]}", f"goal:{g.id}")
                   for i, g in enumerate(case.goals, start=1)])

    # -- goals -----------------------------------------------------------------------------------------------
    def render_goals(self) -> None:
        self.goal_bindings = b = Bindings(self)
        cards = []
        case = self.case
        needs = [(n.domain.label(self.lang), n.id) for n in case.needs]
        refused = lambda value: self.goal_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        for number, goal in enumerate(case.goals, start=1):
            gid = goal.id

            def put(name, gid=gid):
                return lambda data, value: next(g for g in data["goals"] if g["id"] == gid).__setitem__(name, value)

            card = _Box()
            card.add_class("casekit-card")
            card.add_class("casekit-goal")
            card.goal_id = gid
            card.title = widgets.HTML(f"<b>{esc(self.field('goal_id'))} {number}</b>")
            card.text = text_input(self.field("text"), "casekit-goal-text", area=True)
            b.bind(card.text, lambda c, gid=gid: c.goal(gid).text, put("text"), debounce=True,
                   message=self.goal_message)
            card.levels = {}
            level_rows = []
            for level in (0, -2, -1, 1, 2):  # the expected outcome first
                widget = text_input(self.label(f"conf.gas_level_{_level_key(level)}"), "casekit-goal-level")
                widget.add_class(f"casekit-goal-level-{_level_key(level)}")

                def put_level(data, value, gid=gid, level=level):
                    goal = next(g for g in data["goals"] if g["id"] == gid)
                    levels = dict(goal["levels"])
                    if value.strip():
                        levels[level] = value
                    else:
                        levels.pop(level, None)
                    goal["levels"] = levels

                b.bind(widget, lambda c, gid=gid, level=level: c.goal(gid).levels.get(level, ""), put_level,
                       debounce=True, message=self.goal_message)
                card.levels[level] = widget
                level_rows.append(widget)
            card.weight = widgets.FloatText(description=self.field("weight"))
            b.bind(card.weight, lambda c, gid=gid: c.goal(gid).weight, put("weight"), message=self.goal_message)
            card.baseline = GuardedDropdown(options=[(f"{v:+d}" if v else "0", v) for v in GAS_LEVELS],
                                            description=self.field("baseline"), on_refused=refused)
            b.bind(card.baseline, lambda c, gid=gid: c.goal(gid).baseline, put("baseline"),
                   message=self.goal_message)
            card.needs = GuardedSelectMultiple(options=needs, rows=min(max(len(needs), 3), 6),
                                               description=self.field("need_ids"), on_refused=refused)
            b.bind(card.needs, lambda c, gid=gid: tuple(c.goal(gid).need_ids),
                   lambda data, value, gid=gid: next(g for g in data["goals"] if g["id"] == gid).__setitem__(
                       "need_ids", list(value)), message=self.goal_message)
            card.remove = self.button("conf.remove", lambda gid=gid: self.remove_goal(gid), css="casekit-remove")
            card.children = [card.title, card.text, *level_rows,
                             widgets.HBox([card.weight, card.baseline, card.needs]), card.remove]
            cards.append(card)
        self.goal_cards = cards
        self.goals_box.children = cards

    def add_goal(self) -> None:
        from ...model import Goal

        text = self.new_goal.value
        try:
            goal = Goal(text=text, created=self.conference.date)
        except Exception as exc:  # noqa: BLE001
            self.report_error(_invalid(exc), self.goal_message)
            return
        if self.apply(lambda data: data["goals"].append(goal.model_dump()), message=self.goal_message):
            self.new_goal.value = ""
            self.render_goals()
            self._refresh_choices()

    def remove_goal(self, goal_id: str) -> None:
        if self.apply(lambda data: data.__setitem__("goals", [g for g in data["goals"] if g["id"] != goal_id]),
                      message=self.goal_message):
            self.render_goals()
            self._refresh_choices()

    # -- actions ---------------------------------------------------------------------------------------------
    def render_actions(self) -> None:
        self.action_bindings = b = Bindings(self)
        case, conference = self.case, self.conference
        refused = lambda value: self.action_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        rows = []
        for action_id in conference.action_ids:
            if case.action(action_id) is None:
                continue

            def put(name, aid=action_id):
                return lambda data, value: next(a for a in data["actions"] if a["id"] == aid).__setitem__(name, value)

            row = _Row()
            row.add_class("casekit-row")
            row.add_class("casekit-action")
            row.action_id = action_id
            row.what = text_input(self.field("what"), "casekit-action-what")
            b.bind(row.what, lambda c, aid=action_id: c.action(aid).what, put("what"), debounce=True,
                   message=self.action_message)
            row.owner = GuardedDropdown(options=self._owners(), description=self.field("owner_id"), on_refused=refused)
            b.bind(row.owner, lambda c, aid=action_id: c.action(aid).owner_id, put("owner_id"),
                   message=self.action_message)
            row.due = widgets.DatePicker(description=self.field("due"))
            b.bind(row.due, lambda c, aid=action_id: c.action(aid).due, put("due"), message=self.action_message)
            row.link = GuardedDropdown(options=self._links(), description=self.label("conf.link"), on_refused=refused)

            def get_link(c, aid=action_id):
                action = c.action(aid)
                return f"need:{action.need_id}" if action.need_id else (
                    f"goal:{action.goal_id}" if action.goal_id else "")

            def put_link(data, value, aid=action_id):
                action = next(a for a in data["actions"] if a["id"] == aid)
                kind, _, target = (value or "").partition(":")
                action["need_id"] = target if kind == "need" else None
                action["goal_id"] = target if kind == "goal" else None

            b.bind(row.link, get_link, put_link, message=self.action_message)
            row.status = GuardedDropdown(options=options(ActionStatus, self.lang), description=self.field("status"),
                                         on_refused=refused)
            b.bind(row.status, lambda c, aid=action_id: c.action(aid).status.value, put("status"),
                   message=self.action_message)
            row.remove = self.button("conf.remove", lambda aid=action_id: self.remove_action(aid),
                                     css="casekit-remove")
            row.children = [row.what, row.owner, row.due, row.link, row.status, row.remove]
            rows.append(row)
        self.action_rows = rows
        self.actions_box.children = rows or [widgets.HTML(f"<p>{esc(self.label('conf.no_actions_yet'))}</p>")]

    def add_action(self) -> None:
        from ...model import Action

        kind, _, target = (self.new_link.value or "").partition(":")
        try:
            action = Action(what=self.new_action.value, owner_id=self.new_owner.value, due=self.new_due.value,
                            need_id=target if kind == "need" else None, goal_id=target if kind == "goal" else None,
                            created=self.conference.date)
        except Exception as exc:  # noqa: BLE001
            self.report_error(_invalid(exc), self.action_message)
            return

        def mutate(data):
            data["actions"].append(action.model_dump())
            self.conf(data)["action_ids"].append(action.id)

        if self.apply(mutate, message=self.action_message):
            self.new_action.value = ""
            self.new_due.value = None
            self.render_actions()

    def remove_action(self, action_id: str) -> None:
        def mutate(data):
            data["actions"] = [a for a in data["actions"] if a["id"] != action_id]
            for conference in data["conferences"]:
                conference["action_ids"] = [a for a in conference["action_ids"] if a != action_id]

        if self.apply(mutate, message=self.action_message):
            self.render_actions()

    def _refresh_choices(self) -> None:
        self.new_link.options = self._links()
        self.new_link.value = ""
        self.render_actions()

    # -- crisis plan -----------------------------------------------------------------------------------------
    def build_crisis(self) -> None:
        self.crisis_bindings = b = Bindings(self)
        plan = lambda c: c.crisis_plan or CrisisPlan()  # noqa: E731

        def put(name, transform=lambda v: v):
            def write(data, value):
                if data.get("crisis_plan") is None:
                    data["crisis_plan"] = {}
                data["crisis_plan"][name] = transform(value)
            return write

        shown = []
        self.crisis["written_on"] = widgets.DatePicker(description=self.field("written_on"))
        b.bind(self.crisis["written_on"], lambda c: plan(c).written_on, put("written_on"), message=self.crisis_message)
        shown.append(self.crisis["written_on"])
        for name in _TEXT_FIELDS:
            if self.privacy and name in _PRIVATE_FIELDS:
                shown.append(widgets.HTML(f"<span class='casekit-hidden-text'>{esc(self.field(name))}: "
                                          f"{esc(hidden(self.lang))}</span>"))
                continue
            widget = text_input(self.field(name), f"casekit-crisis-{name.replace('_', '-')}", area=True)
            b.bind(widget, lambda c, n=name: getattr(plan(c), n), put(name), debounce=True,
                   message=self.crisis_message)
            self.crisis[name] = widget
            shown.append(widget)
        for name in _LIST_FIELDS:
            widget = text_input(f"{self.field(name)} ({self.label('conf.one_per_line')})",
                                f"casekit-crisis-{name.replace('_', '-')}", area=True)
            b.bind(widget, lambda c, n=name: "\n".join(getattr(plan(c), n)), put(name, _lines), debounce=True,
                   message=self.crisis_message)
            self.crisis[name] = widget
            shown.append(widget)
        self.crisis_box.children = shown

    def render_contacts(self) -> None:
        self.contact_bindings = b = Bindings(self)
        plan = self.case.crisis_plan
        rows = []
        for index, contact in enumerate(plan.contacts if plan else []):
            def put(name, i=index):
                return lambda data, value: data["crisis_plan"]["contacts"][i].__setitem__(name, value)

            row = _Row()
            row.add_class("casekit-row")
            row.add_class("casekit-crisis-contact")
            if self.privacy:
                row.name = widgets.HTML(f"<b>{esc(_initials(contact.name))}</b>")
            else:
                row.name = text_input(self.field("name"), "casekit-contact-name")
                b.bind(row.name, lambda c, i=index: c.crisis_plan.contacts[i].name, put("name"), debounce=True,
                       message=self.crisis_message)
            row.role = text_input(self.field("role"), "casekit-contact-role")
            b.bind(row.role, lambda c, i=index: c.crisis_plan.contacts[i].role, put("role"), debounce=True,
                   message=self.crisis_message)
            if self.privacy:
                row.phone = None
                phone = widgets.HTML(f"<span class='casekit-hidden-text'>{esc(self.field('phone'))}: "
                                     f"{esc(hidden(self.lang))}</span>")
            else:
                row.phone = phone = text_input(self.field("phone"), "casekit-contact-phone")
                b.bind(row.phone, lambda c, i=index: c.crisis_plan.contacts[i].phone, put("phone"), debounce=True,
                       message=self.crisis_message)
            row.remove = self.button("conf.remove", lambda i=index: self.remove_contact(i), css="casekit-remove")
            row.children = [row.name, row.role, phone, row.remove]
            rows.append(row)
        self.contact_rows = rows
        self.contacts_box.children = rows

    def add_contact(self) -> None:
        contact = {"name": self.new_contact_name.value, "role": self.new_contact_role.value,
                   "phone": "" if self.privacy else self.new_contact_phone.value}

        def mutate(data):
            if data.get("crisis_plan") is None:
                data["crisis_plan"] = {}
            data["crisis_plan"].setdefault("contacts", []).append(contact)

        if self.apply(mutate, message=self.crisis_message):
            self.new_contact_name.value = self.new_contact_role.value = self.new_contact_phone.value = ""
            self.render_contacts()

    def remove_contact(self, index: int) -> None:
        if self.apply(lambda data: data["crisis_plan"]["contacts"].pop(index), message=self.crisis_message):
            self.render_contacts()

    def refresh(self) -> None:
        self.crisis_bindings.sync()
        self.render_goals()
        self.render_actions()
        self.render_contacts()


def _level_key(level: int) -> str:
    return {-2: "m2", -1: "m1", 0: "0", 1: "p1", 2: "p2"}[level]


def _initials(name: str) -> str:
    from .privacy import initials

    return initials(name)


def _invalid(exc):
    from pydantic import ValidationError

    from ...errors import InvalidData

    return InvalidData.from_validation(exc) if isinstance(exc, ValidationError) else exc
