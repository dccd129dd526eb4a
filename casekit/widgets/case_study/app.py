"""The case-study app: pick a pack, reveal it stage by stage, discuss, rate the needs, compare with practice.

``CaseStudyApp`` is an ``ipywidgets.VBox``: display it. ``CaseStudyApp.from_environment()`` (what
``apps/case_study.ipynb`` shows) speaks ``CASEKIT_LANG`` and opens the pack ``CASEKIT_STUDY`` when set;
``CASEKIT_THEME`` (dark|light) and ``CASEKIT_LAYOUT`` (16:9|4:3) choose the projector look.

Layout: one header row (the pack's title, "Other case study", language, theme and layout toggles), the
pack picker (until a pack is open), the stage bar (one button per stage; stages not reached yet are dimmed
and refused), the current stage in large type with "Next stage", a message line, then the stage's view
(:mod:`.stage`), built the first time it is shown. Nothing is saved: it is a classroom exercise.

Every callback is guarded (:func:`casekit.widgets.common.safe_callback`): a failure is logged on
``casekit.app`` and the room sees one short sentence. Values from the browser are checked in Python: the
pack picker and toggles refuse values outside their options, the stage number (``stage_index``, also a
widget) must be a stage already reached, a rater's name is checked by :mod:`.rating`.

Startup stays light: ipywidgets, casekit's models and the packs' JSON; the instrument form, the statistics
(pandas, scikit-learn) are imported when first needed; the star is plain SVG (no altair).
"""
from __future__ import annotations

import os
from typing import Callable

import ipywidgets as widgets
from traitlets import TraitError

from ...errors import CaseKitError, describe
from ...i18n import LANGUAGES, gettext, normalise_language
from ..common import (
    GuardedSelect, MessageLabel, esc, friendly_messages, log, resend_later, safe_callback,
)
from ..refusals import watch_app_kernel
from ..switches import Switches
from . import theme as theming
from .rating import RatingState
from .render import t


def _language(lang: str | None) -> str:
    code = normalise_language(lang)
    return code if code in LANGUAGES else "en"


def _default_loader(name: str, lang: str):
    from ...studies import load_study

    return load_study(name, lang)


def _default_names() -> list[str]:
    from ...studies import studies

    return studies()


class CaseStudyApp(Switches, widgets.VBox):
    """Training with a case-study pack, on a projector (see the module docs).

    Handles for tests: ``picker``, ``open_button``, ``change_button``, ``stage_buttons`` (number -> Button),
    ``next_button``, ``stage_index`` (IntText holding the current stage number), ``stage_heading``,
    ``message``, ``language_toggle``, ``theme_toggle``, ``layout_toggle``, ``study``, ``current``,
    ``reached``, ``view(n)``, ``rating_panel()``, ``exercise`` (the rating state), ``go_stage(n)``,
    ``next_stage()``, ``open_study(name)``, ``add_rater(name)``, ``reveal()``.
    """

    views_follow_layout = True  # the panes' order depends on the layout

    def __init__(self, *, lang: str | None = None, study: str | None = None, theme: str = "dark",
                 layout: str = "16:9", loader: Callable | None = None, names: list[str] | None = None):
        super().__init__()
        self.lang = _language(lang or os.environ.get("CASEKIT_LANG"))
        self.theme = theme if theme in theming.THEMES else "dark"
        self.layout_name = layout if layout in theming.LAYOUTS else "16:9"
        self._loader = loader or _default_loader
        self.study = None
        self.study_name: str | None = None
        self.current = 0
        self.reached = 0
        self.choosing = True
        self.exercise = RatingState()
        self.what_next_shown: set[int] = set()
        self._views: dict[int, widgets.Widget] = {}
        self._rating = None
        self._syncing = False
        self._titles: dict[str, tuple[str, str]] = {}
        self._build_chrome()
        try:
            self.names = list(names) if names is not None else _default_names()
        except Exception as exc:  # noqa: BLE001 - the page must show something readable
            log.exception("the case-study packs could not be listed")
            self.names = []
            self.report_error(exc)
        try:
            self._fill_picker()
            if study:
                self.open_study(study)
        except Exception as exc:  # noqa: BLE001
            log.info("could not open the case study %r: %s", study, describe(exc))
            self.report_error(exc)
        try:
            self._render()
        except Exception as exc:  # noqa: BLE001 - never a traceback on the page
            log.exception("the case-study app could not show its first screen")
            self.report_error(exc)

    @classmethod
    def from_environment(cls, **kwargs) -> "CaseStudyApp":
        """The app for ``apps/case_study.ipynb``: ``CASEKIT_LANG``, ``CASEKIT_STUDY`` (optional),
        ``CASEKIT_THEME`` (dark|light), ``CASEKIT_LAYOUT`` (16:9|4:3). Logs go to the casekit log file."""
        from ... import logs

        try:
            logs.log_to_file()
        except OSError:  # a read-only home must not stop the class
            log.warning("no log file")
        kwargs.setdefault("lang", os.environ.get("CASEKIT_LANG"))
        kwargs.setdefault("study", os.environ.get("CASEKIT_STUDY") or None)
        kwargs.setdefault("theme", os.environ.get("CASEKIT_THEME", "dark"))
        kwargs.setdefault("layout", os.environ.get("CASEKIT_LAYOUT", "16:9"))
        app = cls(**kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    # -- errors ----------------------------------------------------------------------------------------------
    def safe(self, function: Callable) -> Callable:
        """``function`` as a callback that never raises: failures are logged and shown in one sentence."""
        return safe_callback(lambda messages, exc: self.report_error(exc), lambda: self.lang)(function)

    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, (CaseKitError, TraitError)) or type(exc).__name__ == "ValidationError":
            messages = friendly_messages(exc, self.lang)
        else:
            messages = [t("study_app.error_unexpected", self.lang)]
        self.message.show(messages)

    # -- construction ----------------------------------------------------------------------------------------
    def _build_chrome(self) -> None:
        self.add_class("casekit-app")
        self.add_class("casekit-study-app")
        self.style_block = widgets.HTML()
        self.title = widgets.HTML()
        self.title.add_class("casekit-title")
        self.change_button = widgets.Button()
        self.change_button.add_class("casekit-study-change")
        self.change_button.add_class("casekit-button")
        self.change_button.on_click(self.safe(lambda _b: self.show_picker()))
        self.header = widgets.HBox([self.title, self.change_button, *self._build_switches(self.safe, privacy=False)])
        self.header.add_class("casekit-header")

        self.picker_heading = widgets.HTML()
        self.picker = GuardedSelect(options=[], value=None, rows=4)
        self.picker.add_class("casekit-study-picker")
        self.picker.layout.width = "100%"
        self.picker.on_refused = lambda value: self.message.show([gettext("conf.error_value_refused", self.lang)])
        self.picker.observe(self.safe(lambda c: self._show_summary()), names="value")
        self.summary = widgets.HTML()
        self.summary.add_class("casekit-study-summary")
        self.open_button = widgets.Button(button_style="primary")
        self.open_button.add_class("casekit-study-open")
        self.open_button.add_class("casekit-button")
        self.open_button.layout.width = "auto"
        self.open_button.on_click(self.safe(lambda _b: self.open_study(self.picker.value)))
        self.picker_box = widgets.VBox([self.picker_heading, self.picker, self.summary, self.open_button])
        self.picker_box.add_class("casekit-study-choose")

        self.stage_buttons: dict[int, widgets.Button] = {}
        self.stagebar = widgets.HBox()
        self.stagebar.add_class("casekit-stagebar")
        self.stage_heading = widgets.HTML()
        self.stage_heading.add_class("casekit-stage-heading")
        self.next_button = widgets.Button(button_style="primary")
        self.next_button.add_class("casekit-study-next")
        self.next_button.add_class("casekit-button")
        self.next_button.on_click(self.safe(lambda _b: self.next_stage()))
        self.stage_row = widgets.HBox([self.stage_heading, self.next_button])
        self.stage_row.add_class("casekit-stage-row")
        # the stage being shown, as a widget value: a client may set it directly, so it is checked in Python
        self.stage_index = widgets.IntText(value=0)
        self.stage_index.add_class("casekit-stage-index")
        self.stage_index.layout.display = "none"
        self.stage_index.observe(self.safe(self._stage_index_changed), names="value")
        self.message = MessageLabel()
        self.message.add_class("casekit-app-message")
        self.message.add_class("casekit-study-message")
        self.body = widgets.VBox()
        self.body.add_class("casekit-body")
        self.children = [self.style_block, self.header, self.picker_box, self.stagebar, self.stage_row, self.message,
                         self.body, self.stage_index]

    # -- the packs -------------------------------------------------------------------------------------------
    def _title_of(self, name: str) -> tuple[str, str]:
        key = (name, self.lang)
        if key not in self._titles:
            try:
                pack = self._loader(name, self.lang)
                self._titles[key] = (pack.title, pack.summary)
            except Exception as exc:  # noqa: BLE001 - one broken pack must not hide the others
                log.warning("case study %s could not be read: %s", name, describe(exc))
                self._titles[key] = (name, "")
        return self._titles[key]

    def _fill_picker(self) -> None:
        options = [(self._title_of(name)[0], name) for name in self.names]
        chosen = self.study_name if self.study_name in self.names else (self.picker.value or None)
        # not inside hold_trait_notifications: the new value is checked against the options already set
        self.picker.options = options
        self.picker.rows = max(2, min(6, len(options)))
        if chosen in self.names:
            self.picker.value = chosen
        elif options:
            self.picker.value = options[0][1]
        self._show_summary()

    def _show_summary(self) -> None:
        name = self.picker.value
        if name not in self.names:
            self.summary.value = ""
            return
        summary = self._title_of(name)[1]
        self.summary.value = f"<p>{esc(summary)}</p>" if summary else ""

    def open_study(self, name) -> None:
        """Open pack ``name`` at its first stage (the same pack again: where the class was)."""
        if not isinstance(name, str) or name not in self.names:
            raise CaseKitError("errors.unknown_study", name=str(name)[:60], names=", ".join(self.names) or "-")
        study = self._loader(name, self.lang)
        if name != self.study_name:
            self.exercise = RatingState()
            self.what_next_shown = set()
            self.current = self.reached = 1 if study.stages else 0
        self.study, self.study_name = study, name
        self.choosing = False
        self._views, self._rating = {}, None
        self.message.clear()
        self._build_stagebar()
        self._render()

    def show_picker(self) -> None:
        self.choosing = True
        self._fill_picker()
        self._render()

    # -- stages ----------------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.study.stages) if self.study is not None else 0

    def _build_stagebar(self) -> None:
        self.stage_buttons = {}
        for stage in self.study.stages:
            button = widgets.Button()
            button.add_class("casekit-button")
            button.add_class("casekit-stage-button")
            button.add_class(f"casekit-stage-button-{stage.number}")
            button.add_class(f"casekit-stage-button-{stage.phase.value}")
            button.on_click(self.safe(lambda _b, n=stage.number: self.go_stage(n)))
            self.stage_buttons[stage.number] = button
        self.stagebar.children = list(self.stage_buttons.values())

    def go_stage(self, number) -> bool:
        """Show stage ``number`` (1-based) if it was reached; else say why and change nothing."""
        if self.study is None:
            self.message.show([t("study_app.open_first", self.lang)], kind="warning")
            return False
        if isinstance(number, bool) or not isinstance(number, int):
            self.message.show([gettext("conf.error_value_refused", self.lang)])
            return False
        if not 1 <= number <= self.total:
            self.message.show([t("study_app.stage_out_of_range", self.lang, number=number, total=self.total)])
            return False
        if number > self.reached:
            self.message.show([t("study_app.stage_not_revealed", self.lang, number=number)], kind="warning")
            return False
        self.view(number)  # built first: if it cannot be built, the room stays where it was
        self.current = number
        self.choosing = False
        self.message.clear()
        self._render()
        return True

    def next_stage(self) -> bool:
        """Reveal the next stage and show it."""
        if self.study is None:
            self.message.show([t("study_app.open_first", self.lang)], kind="warning")
            return False
        if self.current >= self.total:
            self.message.show([t("study_app.last_stage", self.lang)], kind="info")
            return False
        self.view(self.current + 1)  # built before the stage counts as revealed
        self.reached = max(self.reached, self.current + 1)
        return self.go_stage(self.current + 1)

    def _stage_index_changed(self, change) -> None:
        if self._syncing:
            return
        if not self.go_stage(change["new"]):
            self._set_stage_index(self.current)

    def _set_stage_index(self, number: int) -> None:
        self._syncing = True
        try:
            if self.stage_index.value != number:
                self.stage_index.value = number
        finally:
            self._syncing = False

    def view(self, number: int):
        """The view of stage ``number`` (built now if it was not yet)."""
        if self.study is None or not 1 <= number <= self.total:
            raise CaseKitError("study_app.stage_out_of_range", number=number, total=self.total)
        if number not in self._views:
            from .stage import StageView

            self._views[number] = StageView(self, number)
        return self._views[number]

    def rating_panel(self):
        """The rating exercise (built the first time the assessment stage is shown)."""
        if self._rating is None:
            from .rating import RatingPanel

            self._rating = RatingPanel(self)
        return self._rating

    @property
    def built_views(self) -> tuple[int, ...]:
        return tuple(self._views)

    def chart_width(self, span: str = "pane") -> int:
        return theming.chart_width(self.layout_name, span)

    # -- the exercise (shortcuts) ----------------------------------------------------------------------------
    def add_rater(self, name) -> bool:
        return self.rating_panel().add_rater(name)

    def reveal(self) -> None:
        self.rating_panel().reveal()

    # -- switches --------------------------------------------------------------------------------------------
    def set_language(self, lang) -> None:
        if lang not in LANGUAGES:
            self.language_toggle.value = self.lang
            raise CaseKitError("conf.error_value_refused")
        if lang == self.lang:
            return
        study = self._loader(self.study_name, lang) if self.study_name else None  # may refuse: nothing changed yet
        self.lang = lang
        if self.language_toggle.value != lang:
            self.language_toggle.value = lang
        self.study = study
        self._views, self._rating = {}, None
        self.message.clear()
        self._fill_picker()
        if self.study is not None:
            self._build_stagebar()
        self._render()


    # -- drawing ---------------------------------------------------------------------------------------------
    def _render(self) -> None:
        lang = self.lang
        self.style_block.value = f"<style>{theming.css(self.theme, self.layout_name)}</style>"
        for cls in ("casekit-theme-dark", "casekit-theme-light", "casekit-layout-16x9", "casekit-layout-4x3"):
            self.remove_class(cls)
        self.add_class(f"casekit-theme-{self.theme}")
        self.add_class(theming.layout_class(self.layout_name))
        study = self.study
        title = study.title if study is not None and not self.choosing else t("study_app.app_title", lang)
        self.title.value = (f"<span class='casekit-title' title='{esc(t('study_app.app_title', lang))}'>"
                            f"{esc(title)}</span>")
        self.change_button.description = t("study_app.change_study", lang)
        self.change_button.tooltip = t("study_app.change_study", lang)
        self.change_button.layout.display = "none" if study is None or self.choosing else None
        self.picker_heading.value = f"<h3>{esc(t('study_app.choose_heading', lang))}</h3>"
        self.open_button.description = t("study_app.open", lang)
        self.open_button.tooltip = t("study_app.open", lang)
        self.open_button.disabled = not self.names
        if not self.names:
            self.summary.value = f"<p>{esc(t('study_app.no_studies', lang))}</p>"
        showing = study is not None and not self.choosing and self.total > 0
        self.picker_box.layout.display = "none" if showing else None
        self.stagebar.layout.display = None if showing else "none"
        self.stage_row.layout.display = None if showing else "none"
        self.next_button.description = t("study_app.next", lang)
        self.next_button.tooltip = t("study_app.next", lang)
        if not showing:
            self.body.children = []
            return
        for number, button in self.stage_buttons.items():
            stage = study.stage(number)
            label = stage.phase.label(lang)
            button.description = f"{number} {label}"
            current, future = number == self.current, number > self.reached
            button.tooltip = t("study_app.stage_not_revealed", lang, number=number) if future else label
            button.button_style = "primary" if current else ""
            for cls, on in (("casekit-stage-current", current), ("casekit-current", current),
                            ("casekit-stage-future", future)):
                (button.add_class if on else button.remove_class)(cls)
            button.disabled = future  # a hint only: go_stage() checks again
        stage = study.stage(self.current)
        self.stage_heading.value = (
            f"<div class='casekit-stage-title' role='heading' aria-level='1'>"
            f"<span class='casekit-stage-number'>{esc(t('study_app.stage_number', lang, number=self.current, total=self.total))}</span>"
            f"<span class='casekit-stage-name'>{esc(stage.phase.label(lang))}</span></div>")
        self.next_button.disabled = self.current >= self.total
        self._set_stage_index(self.current)
        self.body.children = [self.view(self.current)]
        resend_later(self.body, "children")  # a lost update must not leave the old step shown
