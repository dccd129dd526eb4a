"""Step 3, Story and strengths: the client's request in their own words, strengths, wishes and dreams.

Handles: ``request`` (a text area, saved as you type, debounced), ``strengths`` and ``wishes``
(:class:`~casekit.widgets.conference.lists.ListEditor`: ``rows``, ``new_text``, ``add_button``).
"""
from __future__ import annotations

import ipywidgets as widgets

from ..common import MessageLabel
from .base import StepView, panes, text_input
from .lists import ListEditor


class StoryView(StepView):
    key = "story"

    def build(self) -> None:
        self.request_message = MessageLabel()
        self.request = text_input(self.field("request"), "casekit-request", area=True,
                                  placeholder=self.label("conf.request_placeholder"))
        self.request.layout.height = "8em"
        self.bindings.bind(self.request, lambda case: case.request,
                           lambda data, value: data.__setitem__("request", value),
                           debounce=True, message=self.request_message)
        self.strengths = ListEditor(self, lambda case: case.strengths, lambda data: data["strengths"],
                                    css="casekit-strengths")
        self.wishes = ListEditor(self, lambda case: case.wishes, lambda data: data["wishes"], css="casekit-wishes")
        left = widgets.VBox([self.heading("conf.request_heading"), self.request, self.request_message])
        right = widgets.VBox([self.heading("conf.strengths_heading"), self.strengths,
                              self.heading("conf.wishes_heading"), self.wishes])
        self.children = [panes(left, right), self.message]

    def refresh(self) -> None:
        super().refresh()
        self.strengths.refresh()
        self.wishes.refresh()
