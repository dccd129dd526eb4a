"""One stage of a case study on screen: what the class knows, the prompts (large), the exercise, what next.

Built the first time the stage is shown (:meth:`CaseStudyApp.view`). Left pane (stacked on top in 4:3): the
parts of the case the stage reveals (``pack.view(n)``: story, strengths, wishes, needs without ratings,
network, plan, crisis plan, conferences, reviews) and the stage's timeline; right pane: the discussion
prompts. The assessment stage (exercise "rate needs") adds the rating exercise (:mod:`.rating`). At the end,
"What happened next" shows the following stage's events — or, after the last stage, how the case ended —
when the trainer clicks it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as widgets

from ...studies.model import Exercise
from . import render
from .render import t

if TYPE_CHECKING:  # pragma: no cover
    from .app import CaseStudyApp


class StageView(widgets.VBox):
    """Handles: ``number``, ``stage``, ``content`` (HTML), ``prompts`` (HTML), ``rating`` (the exercise
    panel or None), ``what_next_button``, ``what_next_text`` (HTML), ``what_next`` (their box)."""

    def __init__(self, app: "CaseStudyApp", number: int):
        super().__init__()
        self.app = app
        self.lang = app.lang
        self.number = number
        self.stage = app.study.stage(number)
        self.add_class("casekit-stage")
        self.add_class(f"casekit-stage-{number}")
        lang = self.lang
        self.content = widgets.HTML(render.stage_content_html(app.study, self.stage, lang))
        self.content.add_class("casekit-stage-content")
        self.prompts = widgets.HTML(render.prompts_html(self.stage, lang))
        self.prompts.add_class("casekit-prompts")
        left = widgets.VBox([self.content])
        right = widgets.VBox([self.prompts])
        for pane in (left, right):
            pane.add_class("casekit-pane")
        columns = widgets.Box([right, left] if app.layout_name == "4:3" else [left, right])
        columns.add_class("casekit-panes")
        columns.add_class("casekit-study-panes")
        self.rating = app.rating_panel() if self.stage.exercise == Exercise.RATE_NEEDS else None
        self.what_next_button = widgets.Button(description=t("study_app.what_next", lang),
                                               tooltip=t("study_app.what_next", lang))
        self.what_next_button.add_class("casekit-button")
        self.what_next_button.add_class("casekit-what-next-button")
        self.what_next_button.layout.width = "auto"
        self.what_next_button.on_click(app.safe(lambda _b: self.show_what_next()))
        self.what_next_text = widgets.HTML()
        self.what_next_text.add_class("casekit-what-next-text")
        self.what_next = widgets.VBox([self.what_next_button, self.what_next_text])
        self.what_next.add_class("casekit-what-next")
        self.children = [columns] + ([self.rating] if self.rating is not None else []) + [self.what_next]
        if number in app.what_next_shown:
            self.show_what_next()

    def show_what_next(self) -> None:
        self.what_next_text.value = render.what_next_html(self.app.study, self.stage, self.lang)
        self.app.what_next_shown.add(self.number)
