"""Step 8, Close: decisions (with dissent and who dissented), the next review, and the minutes — Markdown, a
print-ready HTML page or a Word document, in the language chosen here (default: the app's), review notes
included.

Handles: ``decision_rows`` (each: ``text``, ``dissent``, ``remove``), ``new_decision``, ``add_decision_button``,
``decision_message``; ``next_review``; ``minutes_lang``, ``export_buttons`` {md, html, docx}, ``downloads``,
``preview``, ``message``.
"""
from __future__ import annotations

import ipywidgets as widgets

from ...conference import edits
from .. import lean
from ..common import GuardedToggleButtons, MessageLabel, esc
from .base import message_label, Screen, column, panes, row
from .privacy_view import privacy_screen


class CloseScreen(Screen):
    key = "close"

    def build(self) -> None:
        cid = self.conference_id
        self.decision_message = message_label()
        self.minutes_lang = lean.toggles(GuardedToggleButtons, options=[("Čeština", "cs"), ("English", "en")], value=self.lang)
        self.minutes_lang.add_class("casekit-minutes-lang")
        self.minutes_lang.on_refused = lambda _v: self.message.show([self.label("conf.error_value_refused")])
        self.export_buttons = {fmt: self.button(f"console.export_{fmt}", lambda f=fmt: self.export(f),
                                                css=f"casekit-export-{fmt}") for fmt in ("md", "html", "docx")}
        self.downloads = lean.html()
        self.downloads.add_class("casekit-downloads")
        self.preview_button = self.button("console.preview", self.toggle_preview, css="casekit-preview-button")
        self.preview = lean.html(css="casekit-minutes-preview")
        exports = column(self.heading("conf.minutes_heading"),
                         row(lean.html(esc(self.label("console.minutes_language"))), self.minutes_lang),
                         row(*self.export_buttons.values(), self.preview_button), self.downloads, self.preview)
        if self.privacy:
            self.children = [*privacy_screen(self), exports]
            return
        self.decisions_box = lean.vbox()
        self.new_decision = self.text(self.label("conf.new_decision"), "casekit-new-decision", area=True)
        self.add_decision_button = self.button("conf.add_decision", self.add_decision, css="casekit-add-decision")
        self.next_review = self.date_text(self.field("next_review"), "casekit-next-review")
        self.bind(self.next_review, lambda case: next(c for c in case.conferences if c.id == cid).next_review,
                  lambda case, value, **confirm: edits.set_conference(case, cid, next_review=value, **confirm),
                  message=self.decision_message, shown=self.show_date, parse=self.read_date)
        decisions = column(self.heading("conf.decisions_heading"), self.decisions_box,
                           row(self.new_decision, self.add_decision_button, css="casekit-list-row"),
                           self.next_review, self.decision_message)
        self.children = [panes(decisions, exports), self.message]
        self.render_decisions()

    def render_decisions(self) -> None:
        group: list = []
        cid = self.conference_id
        rows = []
        for index, decision in enumerate(self.conference.decisions):
            text = self.text("", "casekit-decision-text", area=True)
            dissent = self.text(self.field("dissent"), "casekit-decision-dissent")
            get = lambda case, i=index: next(c for c in case.conferences if c.id == cid).decisions[i]  # noqa: E731
            self.bind(text, lambda case, g=get: g(case).text,
                      lambda case, value, i=index: edits.set_decision(case, cid, i, text=value), debounce=True,
                      message=self.decision_message, group=group)
            self.bind(dissent, lambda case, g=get: g(case).dissent,
                      lambda case, value, i=index: edits.set_decision(case, cid, i, dissent=value), debounce=True,
                      message=self.decision_message, group=group)
            dissent_by = self.text(self.label("console.dissent_by"), "casekit-decision-dissent-by",
                                   placeholder=self.label("console.dissent_by_hint"))
            self.bind(dissent_by, lambda case, g=get: ", ".join(g(case).dissent_by),
                      lambda case, value, i=index: edits.set_decision(
                          case, cid, i, dissent_by=[n.strip() for n in value.split(",") if n.strip()]),
                      debounce=True, message=self.decision_message, group=group)
            remove = self.remove_button(lambda i=index, t=decision.text: self.remove_decision(i, t),
                                        css="casekit-remove")
            block = column(row(text, remove, css="casekit-list-row"), dissent, dissent_by, css="casekit-card")
            block.text, block.dissent, block.dissent_by, block.remove = text, dissent, dissent_by, remove
            rows.append(block)
        self.decision_rows = rows
        self.decisions_box.children = rows

    def add_decision(self) -> None:
        if self.edit(edits.add_decision, self.conference_id, self.new_decision.value, message=self.decision_message):
            self.new_decision.value = ""
            self.render_decisions()

    def remove_decision(self, index: int, text: str) -> None:
        short = text if len(text) <= 40 else text[:39] + "…"
        if self.edit(edits.remove_decision, self.conference_id, index, message=self.decision_message,
                     undo_label=self.label("console.the_decision", text=short)):
            self.render_decisions()

    def export(self, fmt: str) -> None:
        """Write the minutes in ``fmt`` and the chosen language to the export folder and offer them as a download."""
        import base64

        from ..exports import FORMATS, export, export_dir

        self.session.flush()
        lang = self.minutes_lang.value
        done = export(fmt, self.session.saved, self.conference_id, export_dir(self.app.export_dir), lang=lang,
                      privacy=self.privacy)
        mime = FORMATS[fmt][0]
        data = base64.b64encode(done.data).decode()
        self.downloads.value = (f"<p>{esc(self.label('console.exported', path=done.path.name))} "
                                f"<a download='{esc(done.path.name)}' href='data:{mime};base64,{data}'>"
                                f"{esc(self.label('console.download'))}</a></p>")
        self.message.show([self.label("console.exported", path=str(done.path))], kind="ok")

    def toggle_preview(self) -> None:
        """The minutes as they will print, in a sandboxed frame (no script runs in it); again to hide."""
        import html as html_lib

        from ..exports import render

        if self.preview.value:
            self.preview.value = ""
            return
        self.session.flush()
        page = render("html", self.session.saved, self.conference_id, lang=self.minutes_lang.value,
                      privacy=self.privacy).decode("utf-8")
        self.preview.value = (f"<iframe class='casekit-preview-frame' sandbox='' "
                              f"srcdoc=\"{html_lib.escape(page, quote=True)}\"></iframe>")

    def refresh(self) -> None:
        if self.privacy:
            return
        self.render_decisions()
        super().refresh()
