"""A list editor for lists of texts (strengths, wishes, triggers …): one text field per item, add and remove.

``ListEditor(view, get, path, css=…)``: ``get(case)`` returns the list, ``path(data)`` the list inside a case
dict. Handles: ``rows`` (each: ``text``, ``remove``), ``new_text``, ``add_button``, ``message``.
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from ..common import MessageLabel
from .base import Bindings, StepView, text_input


class _Row(widgets.HBox):
    pass


class ListEditor(widgets.VBox):
    def __init__(self, view: StepView, get: Callable, path: Callable[[dict], list], *, css: str,
                 area: bool = True):
        super().__init__()
        self.view, self.get, self.path, self.area = view, get, path, area
        self.add_class("casekit-list")
        self.add_class(css)
        self.message = MessageLabel()
        self.rows_box = widgets.VBox()
        self.rows: list[_Row] = []
        self.new_text = text_input(view.label("conf.new_item"), f"{css}-new", area=area)
        self.add_button = view.button("conf.add", self.add, css=f"{css}-add")
        self.children = [self.rows_box, widgets.HBox([self.new_text, self.add_button]), self.message]
        self.render()

    def render(self) -> None:
        self.bindings = Bindings(self.view)
        rows = []
        case = self.view.case
        for index, _ in enumerate(self.get(case) if case is not None else []):
            row = _Row()
            row.add_class("casekit-row")
            row.text = text_input("", "casekit-list-text", area=self.area)
            row.remove = self.view.button("conf.remove", lambda i=index: self.remove(i), css="casekit-remove")
            self.bindings.bind(row.text, lambda c, i=index: self.get(c)[i],
                               lambda data, value, i=index: self.path(data).__setitem__(i, value),
                               debounce=True, message=self.message)
            row.children = [row.text, row.remove]
            rows.append(row)
        self.rows = rows
        self.rows_box.children = rows

    def add(self) -> None:
        text = self.new_text.value
        if not text.strip():
            self.message.show([self.view.label("conf.empty_text")], kind="warning")
            return
        if self.view.apply(lambda data: self.path(data).append(text), message=self.message):
            self.new_text.value = ""
            self.render()

    def remove(self, index: int) -> None:
        if self.view.apply(lambda data: self.path(data).pop(index), message=self.message):
            self.render()

    def refresh(self) -> None:
        self.render()
