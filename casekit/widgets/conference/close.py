"""Step 8, Close: decisions (with dissent), the next review date, notes, the minutes preview and exports.

Handles: ``decision_rows`` (each: ``text``, ``dissent``, ``dissent_by``, ``remove``), ``new_decision``,
``add_decision_button``; ``next_review``; ``notes`` (None when privacy hides it); ``preview`` (HTML: the
minutes in a sandboxed iframe, ``privacy`` as on screen), ``refresh_preview_button``;
``export_buttons`` ({"md"|"html"|"docx": Button}), ``downloads`` (HTML with the download links),
``exported`` ({fmt: path}).
"""
from __future__ import annotations

import ipywidgets as widgets

from ..common import GuardedSelectMultiple, MessageLabel, esc
from .base import Bindings, StepView, text_input
from .privacy import hidden, person


class _Row(widgets.HBox):
    pass


class CloseView(StepView):
    key = "close"

    def build(self) -> None:
        cid = self.session.conference_id
        self._conf = lambda case: next(c for c in case.conferences if c.id == cid)
        self.decision_message = MessageLabel()
        self.decisions_box = widgets.VBox()
        self.decision_rows: list[_Row] = []
        self.new_decision = text_input(self.label("conf.new_decision"), "casekit-new-decision", area=True)
        self.add_decision_button = self.button("conf.add_decision", self.add_decision, css="casekit-add-decision")
        self.close_message = MessageLabel()
        self.next_review = widgets.DatePicker(description=self.field("next_review"))
        self.next_review.add_class("casekit-next-review")
        self.next_review.style.description_width = "initial"
        self.bindings.bind(self.next_review, lambda c: self._conf(c).next_review,
                           lambda data, value: self.conf(data).__setitem__("next_review", value),
                           message=self.close_message)
        if self.privacy:
            self.notes = None
            notes = widgets.HTML(f"<span class='casekit-hidden-text'>{esc(self.field('notes'))}: "
                                 f"{esc(hidden(self.lang))}</span>")
        else:
            self.notes = notes = text_input(self.field("notes"), "casekit-conference-notes", area=True)
            self.bindings.bind(self.notes, lambda c: self._conf(c).notes,
                               lambda data, value: self.conf(data).__setitem__("notes", value), debounce=True,
                               message=self.close_message)
        self.preview = widgets.HTML()
        self.preview.add_class("casekit-minutes-preview")
        self.refresh_preview_button = self.button("conf.refresh_preview", self.render_preview,
                                                  css="casekit-refresh-preview")
        self.export_message = MessageLabel()
        self.export_buttons = {
            "md": self.button("conf.export_md", lambda: self.export("md"), css="casekit-export-md"),
            "html": self.button("conf.export_html", lambda: self.export("html"), css="casekit-export-html"),
            "docx": self.button("conf.export_docx", lambda: self.export("docx"), css="casekit-export-docx"),
        }
        self.downloads = widgets.HTML()
        self.downloads.add_class("casekit-downloads")
        self.exported: dict[str, object] = {}
        self._links: dict[str, str] = {}
        self.children = [
            self.heading("conf.decisions_heading"), self.decisions_box,
            widgets.HBox([self.new_decision, self.add_decision_button]), self.decision_message,
            self.heading("conf.next_steps"), self.next_review, notes, self.close_message,
            self.heading("conf.minutes_heading"), self.refresh_preview_button, self.preview,
            widgets.HBox(list(self.export_buttons.values())), self.downloads, self.export_message, self.message]
        self.render_decisions()

    # -- decisions -------------------------------------------------------------------------------------------
    def _people(self) -> list[tuple[str, str]]:
        conference = self.conference
        names = [p.name for p in conference.participants]
        for decision in conference.decisions:
            names += [n for n in decision.dissent_by if n not in names]
        return [(person(n, self.privacy), n) for n in names]

    def render_decisions(self) -> None:
        self.decision_bindings = b = Bindings(self)
        refused = lambda value: self.decision_message.show([self.label("conf.error_value_refused")])  # noqa: E731
        people = self._people()
        rows = []
        for index, _ in enumerate(self.conference.decisions):
            get = lambda c, i=index: self._conf(c).decisions[i]  # noqa: E731

            def put(name, i=index, transform=lambda v: v):
                return lambda data, value: self.conf(data)["decisions"][i].__setitem__(name, transform(value))

            row = _Row()
            row.add_class("casekit-row")
            row.add_class("casekit-decision")
            row.text = text_input(self.field("text"), "casekit-decision-text", area=True)
            b.bind(row.text, lambda c, g=get: g(c).text, put("text"), debounce=True, message=self.decision_message)
            row.dissent = text_input(self.field("dissent"), "casekit-decision-dissent", area=True)
            b.bind(row.dissent, lambda c, g=get: g(c).dissent, put("dissent"), debounce=True,
                   message=self.decision_message)
            row.dissent_by = GuardedSelectMultiple(options=people, rows=min(max(len(people), 2), 5),
                                                   description=self.field("dissent_by"), on_refused=refused)
            b.bind(row.dissent_by, lambda c, g=get: tuple(g(c).dissent_by), put("dissent_by", transform=list),
                   message=self.decision_message)
            row.remove = self.button("conf.remove", lambda i=index: self.remove_decision(i), css="casekit-remove")
            row.children = [row.text, row.dissent, row.dissent_by, row.remove]
            rows.append(row)
        self.decision_rows = rows
        self.decisions_box.children = rows

    def add_decision(self) -> None:
        text = self.new_decision.value
        if self.apply(lambda data: self.conf(data)["decisions"].append({"text": text}),
                      message=self.decision_message):
            self.new_decision.value = ""
            self.render_decisions()

    def remove_decision(self, index: int) -> None:
        if self.apply(lambda data: self.conf(data)["decisions"].pop(index), message=self.decision_message):
            self.render_decisions()

    # -- minutes ---------------------------------------------------------------------------------------------
    def render_preview(self) -> None:
        from html import escape

        from .exports import render

        self.session.flush()
        data = render("html", self.session.case, self.session.conference_id, privacy=self.privacy)
        document = escape(data.decode("utf-8"), quote=True)
        self.preview.value = (f"<iframe class='casekit-minutes-frame' sandbox='' title='minutes' "
                              f"style='width:100%;height:70vh;border:2px solid #888;background:#fff' "
                              f"srcdoc=\"{document}\"></iframe>")

    def export(self, fmt: str) -> None:
        from .exports import export, export_dir

        self.session.flush()
        case = self.session.case
        conference = self.conference
        result = export(fmt, case, conference.id, export_dir(self.app.export_dir), lang=conference.language)
        self.exported[fmt] = result.path
        self._links[fmt] = result.link_html(self.label("conf.download", name=result.name))
        self.downloads.value = " · ".join(self._links[k] for k in ("md", "html", "docx") if k in self._links)
        self.export_message.show([self.label("conf.exported", name=result.name, folder=str(result.path.parent))],
                                 kind="ok")

    def on_show(self) -> None:
        self.render_preview()

    def refresh(self) -> None:
        super().refresh()
        self.render_decisions()
