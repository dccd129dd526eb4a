"""Step 6, Plan: goals in the client's words with their Goal Attainment Scaling ladder (−2 … +2, in that order),
actions (what, who, by when, status), and the crisis plan.

Handles: ``goal_rows`` (each: ``text``, ``levels`` {−2…2: Text}, ``remove``), ``new_goal``, ``add_goal_button``,
``goals_message``; ``action_rows`` (each: ``what``, ``owner``, ``due``, ``status``, ``remove``), ``new_what``,
``new_owner``, ``new_due``, ``add_action_button``, ``actions_message``; ``crisis`` {field: widget},
``crisis_message``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference import edits
from ...model.plan import GAS_LEVELS
from ...vocab import ActionStatus, ConferenceRole
from .. import lean
from ..common import GuardedDropdown, GuardedToggleButtons, MessageLabel, esc
from .base import Screen, column, message_label, row, set_options
from .privacy_view import privacy_screen

CRISIS_TEXTS = ("when_well", "what_helps", "what_harms", "medication", "allergies", "dependants_care")
CRISIS_LISTS = ("triggers", "early_signs")
#: action rows drawn at first, and added by each "Show more actions": a case of five years has hundreds of open
#: actions (7 widgets each); drawing them all made the step take 10 s
ACTIONS_PAGE = 15


class PlanScreen(Screen):
    key = "plan"

    def build(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.open_goal = self._goal_in_room()  # a screen built again (another language) opens the same ladder
        self.show_done = False
        self.actions_limit = ACTIONS_PAGE
        self.goals_message = message_label()
        self.goals_box = lean.vbox()
        self.new_goal = self.text(self.label("console.new_goal"), "casekit-new-goal", area=True)
        self.add_goal_button = self.button("conf.add_goal", self.add_goal, css="casekit-add-goal")
        goals = column(self.heading("conf.goals_heading"), self.goals_box,
                       row(self.new_goal, self.add_goal_button, css="casekit-list-row"), self.goals_message)

        self.actions_message = message_label()
        self.actions_box = lean.vbox()
        self.new_what = self.text(self.field("what"), "casekit-new-action-what")
        self.new_owner = lean.dropdown(GuardedDropdown, options=self._owners(), value=None, description=self.field("owner_id"))
        self.new_owner.add_class("casekit-new-action-owner")
        self.new_owner.on_refused = lambda _v: self.actions_message.show([self.label("conf.error_value_refused")])
        self.new_due = self.date_text(self.field("due"), "casekit-new-action-due")
        self.new_link = lean.dropdown(GuardedDropdown, options=self._links(), value="", description="",
                                      css="casekit-new-action-link")
        self.add_action_button = self.button("conf.add_action", self.add_action, css="casekit-add-action")
        self.show_done_button = self.button("console.show_done", self.toggle_done, css="casekit-show-done",
                                            own_layout=True, count=0)
        self.more_actions_button = self.button("console.more_actions", self.more_actions, css="casekit-more-actions",
                                               own_layout=True, count=0)
        actions = column(self.heading("console.actions"), self.actions_box,
                         row(self.more_actions_button, self.show_done_button, css="casekit-list-row"),
                         row(self.new_what, self.new_owner, self.new_due, self.new_link, self.add_action_button,
                             css="casekit-add-row"),
                         self.actions_message)

        self.crisis_message = message_label()
        self.crisis = {}
        plan = lambda case: case.crisis_plan  # noqa: E731
        for name in CRISIS_TEXTS:
            widget = self.text(self.field(name), f"casekit-crisis-{name}", area=True)
            self.bind(widget, lambda case, n=name: getattr(plan(case), n) if plan(case) else "",
                      lambda case, value, n=name: edits.set_crisis_plan(case, **{n: value}), debounce=True,
                      message=self.crisis_message)
            self.crisis[name] = widget
        for name in CRISIS_LISTS:
            widget = self.text(self.label(f"console.crisis_{name}"), f"casekit-crisis-{name}", area=True)
            self.bind(widget, lambda case, n=name: "\n".join(getattr(plan(case), n)) if plan(case) else "",
                      lambda case, value, n=name: edits.set_crisis_plan(
                          case, **{n: [line.strip() for line in value.splitlines() if line.strip()]}),
                      debounce=True, message=self.crisis_message)
            self.crisis[name] = widget
        self.crisis_box = lean.vbox([*self.crisis.values(), self.crisis_message], own_layout=True)
        self.crisis_box.layout.display = "none"
        self.crisis_button = self.button("console.crisis_plan", self.toggle_crisis, css="casekit-crisis-toggle")
        self.contacts_box = lean.vbox()
        self.new_contact_name = self.text(self.field("name"), "casekit-new-contact-name")
        self.new_contact_role = self.text(self.field("role"), "casekit-new-contact-role")
        self.new_contact_phone = self.text(self.field("phone"), "casekit-new-contact-phone")
        self.add_contact_button = self.button("conf.add_contact", self.add_contact, css="casekit-add-contact")
        self.crisis_box.children = [*self.crisis_box.children, self.heading("conf.crisis_contacts"), self.contacts_box,
                                    row(self.new_contact_name, self.new_contact_role, self.new_contact_phone,
                                        self.add_contact_button, css="casekit-add-row")]
        crisis = column(self.crisis_button, self.crisis_box)
        self.children = [goals, actions, crisis, self.message]
        self.render_goals()
        self.render_actions()
        self.render_contacts()

    # -- crisis contacts -------------------------------------------------------------------------------------
    def render_contacts(self) -> None:
        plan = self.case.crisis_plan
        rows = []
        for index, contact in enumerate(plan.contacts if plan else []):
            text = lean.html(f"<b>{esc(contact.name)}</b> · {esc(contact.role)} · {esc(contact.phone)}")
            remove = self.remove_button(lambda i=index, n=contact.name: self.remove_contact(i, n))
            rows.append(row(text, remove, css="casekit-crisis-contact"))
        self.contact_rows = rows
        self.contacts_box.children = rows

    def add_contact(self) -> None:
        if self.edit(edits.add_crisis_contact, self.new_contact_name.value, self.new_contact_role.value,
                     self.new_contact_phone.value, message=self.crisis_message):
            self.new_contact_name.value = self.new_contact_role.value = self.new_contact_phone.value = ""
            self.render_contacts()

    def remove_contact(self, index: int, name: str) -> None:
        if self.edit(edits.remove_crisis_contact, index, message=self.crisis_message,
                     undo_label=self.label("console.the_contact", name=name)):
            self.render_contacts()

    # -- goals -----------------------------------------------------------------------------------------------
    def render_goals(self) -> None:
        """Each goal: its text and its ladder in brief; the five level fields of one goal at a time ("GAS levels")."""
        group: list = []
        rows = []
        for goal in self.case.goals:
            gid = goal.id
            text = self.text("", "casekit-goal-text", area=True)
            self.bind(text, lambda case, g=gid: case.goal(g).text,
                      lambda case, value, g=gid: edits.set_goal(case, g, text=value), debounce=True,
                      message=self.goals_message, group=group)
            ladder_button = self.button("console.gas_levels", lambda g=gid: self.open_ladder(g),
                                        css="casekit-goal-ladder-button")
            remove = self.remove_button(lambda g=gid, t=goal.text: self.remove_goal(g, t), css="casekit-remove")
            levels = {}
            parts = [row(text, ladder_button, remove, css="casekit-list-row")]
            if gid == self.open_goal:
                for level in GAS_LEVELS:  # −2, −1, 0, +1, +2: in order
                    field = self.text(f"{level:+d}" if level else "0", f"casekit-goal-level-{level}")
                    self.bind(field, lambda case, g=gid, lv=level: case.goal(g).levels.get(lv, ""),
                              lambda case, value, g=gid, lv=level: edits.set_goal_level(case, g, lv, value),
                              debounce=True, message=self.goals_message, group=group)
                    levels[level] = field
                parts.append(column(*levels.values(), css="casekit-gas-ladder"))
                weight = lean.dropdown(GuardedDropdown, options=[(str(w), float(w)) for w in (0.5, 1, 2, 3)],
                                       value=float(goal.weight) if float(goal.weight) in (0.5, 1.0, 2.0, 3.0) else 1.0,
                                       description=self.field("weight"), css="casekit-goal-weight")
                baseline = lean.toggles(GuardedToggleButtons, options=[(f"{lv:+d}" if lv else "0", lv) for lv in GAS_LEVELS],
                                        value=goal.baseline, css="casekit-goal-baseline")
                self.bind(weight, lambda case, g=gid: float(case.goal(g).weight),
                          lambda case, value, g=gid: edits.set_goal(case, g, weight=value),
                          message=self.goals_message, group=group)
                self.bind(baseline, lambda case, g=gid: case.goal(g).baseline,
                          lambda case, value, g=gid: edits.set_goal(case, g, baseline=value),
                          message=self.goals_message, group=group)
                needs = []
                for need in self.case.needs:
                    box = lean.checkbox(need.id in goal.need_ids, need.domain.label(self.lang), "casekit-goal-need")
                    box.observe(self.safe(lambda change, g=gid, n=need.id: self.link_goal(g, n, change["new"])),
                                names="value")
                    needs.append(box)
                parts += [row(weight, lean.html(esc(self.field("baseline"))), baseline),
                          lean.box(needs, "casekit-checks")]
            else:
                described = [f"<b>{lv:+d}</b> {esc(goal.levels[lv])}" if lv else f"<b>0</b> {esc(goal.levels[lv])}"
                             for lv in GAS_LEVELS if goal.levels.get(lv)]
                if described:
                    parts.append(lean.html(f"<div class='casekit-ladder-brief'>{' · '.join(described)}</div>"))
            block = column(*parts, css="casekit-card")
            block.text, block.levels, block.remove, block.ladder_button = text, levels, remove, ladder_button
            rows.append(block)
        self.goal_rows = rows
        self.goals_box.children = rows
        if hasattr(self, "new_link"):  # a new or removed goal: what a new action may serve
            set_options(self.new_link, self._links())

    def link_goal(self, goal_id: str, need_id: str, linked: bool) -> None:
        function = edits.link_goal_need if linked else edits.unlink_goal_need
        self.edit(function, goal_id, need_id, message=self.goals_message)

    def _goal_in_room(self) -> str | None:
        """The goal whose ladder the room shows (the room state's ``plan_goal``), if the case still has it."""
        state = self.app.room_state
        goal_id = state.revealed.get("plan_goal") if state is not None else None
        return goal_id if any(goal.id == goal_id for goal in self.case.goals) else None

    def open_ladder(self, goal_id: str) -> None:
        """Open the ladder of ``goal_id`` (close it if it is open); the room shows the ladder open here."""
        self.open_goal = None if self.open_goal == goal_id else goal_id
        self.render_goals()
        self.app.save_room(plan_goal=self.open_goal)

    def add_goal(self) -> None:
        if self.edit(edits.add_goal, self.new_goal.value, message=self.goals_message):
            self.new_goal.value = ""
            self.render_goals()

    def remove_goal(self, goal_id: str, text: str) -> None:
        short = text if len(text) <= 40 else text[:39] + "…"
        if self.edit(edits.remove_goal, goal_id, message=self.goals_message,
                     undo_label=self.label("console.the_goal", text=short)):
            if self.open_goal == goal_id:  # its ladder goes from the room too
                self.open_goal = None
                self.app.save_room(plan_goal=None)
            self.render_goals()
            self.render_actions()

    # -- actions ---------------------------------------------------------------------------------------------
    def _owners(self) -> list[tuple[str, str]]:
        return ([(ConferenceRole.CLIENT.label(self.lang), "client"),
                 (ConferenceRole.CASE_MANAGER.label(self.lang), "case_manager")]
                + [(a.name, a.id) for a in self.case.actors])

    def _links(self) -> list[tuple[str, str]]:
        """What an action serves: nothing, a goal or a need."""
        goals = [(f"{self.label('console.for_goal')}: {g.text[:40]}", f"goal:{g.id}") for g in self.case.goals]
        needs = [(f"{self.label('console.for_need')}: {n.domain.label(self.lang)}", f"need:{n.id}") for n in self.case.needs]
        return [(self.label("console.for_nothing"), ""), *goals, *needs]

    def render_actions(self) -> None:
        group: list = []
        rows = []
        owners = self._owners()
        statuses = [(s.label(self.lang), s.value) for s in ActionStatus]
        done = (ActionStatus.DONE, ActionStatus.CANCELLED)
        actions = sorted(self.case.actions, key=lambda a: (a.status in done, a.due is None, a.due, a.id))
        finished = sum(1 for a in actions if a.status in done)
        self.show_done_button.description = self.label("console.hide_done" if self.show_done else "console.show_done",
                                                       count=finished)
        self.show_done_button.layout.display = None if finished else "none"
        # this conference's actions always (an action just added is never hidden), then the earlier ones, a page
        # at a time, the soonest due first
        here = set(self.conference.action_ids) if self.conference is not None else set()
        wanted = [a for a in actions if self.show_done or a.status not in done]
        earlier = [a for a in wanted if a.id not in here]
        shown = {a.id for a in earlier[:self.actions_limit]} | here
        hidden = len(earlier) - min(len(earlier), self.actions_limit)
        self.more_actions_button.description = self.label("console.more_actions", count=hidden)
        self.more_actions_button.layout.display = None if hidden else "none"
        for action in (a for a in wanted if a.id in shown):
            aid = action.id
            what = self.text("", "casekit-action-what")
            owner = lean.dropdown(GuardedDropdown, options=owners, value=action.owner_id if action.owner_id in dict(map(reversed, owners)) else None,
                                    description="")
            owner.add_class("casekit-action-owner")
            due = self.date_text("", "casekit-action-due")
            link = lean.dropdown(GuardedDropdown, options=self._links(), value=_link_of(action), description="",
                                 css="casekit-action-link")
            self.bind(link, lambda case, a=aid: _link_of(case.action(a)),
                      lambda case, value, a=aid: edits.set_action(case, a, **_link_fields(value)),
                      message=self.actions_message, group=group)
            status = lean.dropdown(GuardedDropdown, options=statuses, value=action.status.value, description="")
            status.add_class("casekit-action-status")
            self.bind(what, lambda case, a=aid: case.action(a).what,
                      lambda case, value, a=aid: edits.set_action(case, a, what=value), debounce=True,
                      message=self.actions_message, group=group)
            self.bind(owner, lambda case, a=aid: case.action(a).owner_id,
                      lambda case, value, a=aid: edits.set_action(case, a, owner_id=value),
                      message=self.actions_message, group=group)
            self.bind(due, lambda case, a=aid: case.action(a).due,
                      lambda case, value, a=aid, **confirm: edits.set_action(case, a, due=value, **confirm),
                      message=self.actions_message, shown=self.show_date, parse=self.read_date, group=group)
            self.bind(status, lambda case, a=aid: case.action(a).status.value,
                      lambda case, value, a=aid: edits.set_action(case, a, status=value),
                      message=self.actions_message, group=group)
            remove = self.remove_button(lambda a=aid, t=action.what: self.remove_action(a, t),
                                 css="casekit-remove")
            line = row(what, owner, due, link, status, remove, css="casekit-action")
            line.what, line.owner, line.due, line.status, line.remove = what, owner, due, status, remove
            line.link = link
            rows.append(line)
        self.action_rows = rows
        self.actions_box.children = rows

    def toggle_done(self) -> None:
        self.show_done = not self.show_done
        self.render_actions()

    def more_actions(self) -> None:
        self.actions_limit += ACTIONS_PAGE
        self.render_actions()

    def toggle_crisis(self) -> None:
        self.crisis_box.layout.display = None if self.crisis_box.layout.display == "none" else "none"

    def add_action(self) -> None:
        if not self.new_owner.value:
            self.actions_message.show([self.label("console.choose_owner")], kind="warning")
            return
        try:
            due = self.read_date(self.new_due.value)
        except ValueError:
            self.actions_message.show([self.label("console.date_unreadable", example=self.show_date(self.conference.date))])
            return
        if self.edit(edits.add_action, self.new_what.value, self.new_owner.value, conference_id=self.conference_id,
                     due=due, message=self.actions_message, **_link_fields(self.new_link.value)):
            self.new_what.value = ""
            self.new_due.value = ""
            self.render_actions()

    def remove_action(self, action_id: str, text: str) -> None:
        short = text if len(text) <= 40 else text[:39] + "…"
        if self.edit(edits.remove_action, action_id, message=self.actions_message,
                     undo_label=self.label("console.the_action", text=short)):
            self.render_actions()

    def refresh(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        set_options(self.new_owner, self._owners())
        set_options(self.new_link, self._links())
        self.render_goals()
        self.render_actions()
        self.render_contacts()
        super().refresh()



def _link_of(action) -> str:
    return f"goal:{action.goal_id}" if action.goal_id else (f"need:{action.need_id}" if action.need_id else "")


def _link_fields(value: str | None) -> dict:
    kind, _, ident = (value or "").partition(":")
    return {"goal_id": ident if kind == "goal" else None, "need_id": ident if kind == "need" else None}
