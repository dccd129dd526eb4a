"""Step 3, Story and strengths: the client's request in their words, their strengths, wishes and dreams.

Handles: ``request``, ``strengths`` and ``wishes`` (each a :class:`TextList`: ``rows`` with ``text`` and
``remove``, ``new_text``, ``add_button``, ``message``).
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from ...conference import edits
from .. import lean
from ..common import MessageLabel
from .base import message_label, Screen, column, panes, row
from .privacy_view import privacy_screen


class TextList(widgets.VBox):
    """A list of texts (strengths, wishes): one field per item, add and remove (with undo)."""

    def __init__(self, screen: Screen, name: str, *, add: Callable, set_: Callable, remove: Callable, css: str):
        super().__init__()
        self.screen, self.name, self._add, self._set, self._remove = screen, name, add, set_, remove
        self.add_class("casekit-list")
        self.add_class(css)
        self.css = css
        self.message = message_label()
        self.rows_box = lean.vbox()
        self.new_text = screen.text(screen.label("conf.new_item"), f"{css}-new", area=True)
        self.add_button = screen.button("conf.add", self.add, css=f"{css}-add")
        self.children = [self.rows_box, row(self.new_text, self.add_button, css="casekit-list-row"), self.message]
        self.render()

    def items(self) -> list[str]:
        case = self.screen.case
        return list(getattr(case, self.name)) if case is not None else []

    def render(self) -> None:
        group: list = []
        rows = []
        for index, _text in enumerate(self.items()):
            text = self.screen.text("", "casekit-list-text", area=True)
            remove = self.screen.remove_button(lambda i=index: self.remove(i), css="casekit-remove")
            self.screen.bind(text, lambda case, i=index: getattr(case, self.name)[i],
                             lambda case, value, i=index: self._set(case, i, value), debounce=True,
                             message=self.message, group=group)
            line = row(text, remove, css="casekit-list-row")
            line.text, line.remove = text, remove
            rows.append(line)
        self.rows = rows
        self.rows_box.children = rows

    def add(self) -> None:
        text = self.new_text.value
        if not text.strip():
            self.message.show([self.screen.label("conf.empty_text")], kind="warning")
            return
        if self.screen.edit(self._add, text, message=self.message):
            self.new_text.value = ""
            self.render()

    def remove(self, index: int) -> None:
        text = self.items()[index] if index < len(self.items()) else ""
        short = text if len(text) <= 40 else text[:39] + "…"
        if self.screen.edit(self._remove, index, message=self.message,
                            undo_label=self.screen.label("console.the_text", text=short)):
            self.render()


class StoryScreen(Screen):
    key = "story"

    def build(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.request_message = message_label()
        self.request = self.text(self.field("request"), "casekit-request", area=True)
        self.request.add_class("casekit-wide")
        self.bind(self.request, lambda case: case.request, edits.set_request, debounce=True,
                  message=self.request_message)
        self.strengths = TextList(self, "strengths", add=edits.add_strength, set_=edits.set_strength,
                                  remove=edits.remove_strength, css="casekit-strengths")
        self.wishes = TextList(self, "wishes", add=edits.add_wish, set_=edits.set_wish, remove=edits.remove_wish,
                               css="casekit-wishes")
        self.children = [column(self.heading("conf.request_heading"), self.request, self.request_message),
                         panes(column(self.heading("conf.strengths_heading"), self.strengths),
                               column(self.heading("conf.wishes_heading"), self.wishes)),
                         self.message]

    def refresh(self) -> None:
        if self.privacy:
            self.children = privacy_screen(self)
            return
        self.strengths.render()
        self.wishes.render()
        super().refresh()
