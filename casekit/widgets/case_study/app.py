"""The case-study app: pick a pack, reveal it stage by stage, discuss, rate the needs, compare with practice.

``CaseStudyApp`` is an :class:`~casekit.widgets.shell.AppShell`: display it. ``CaseStudyApp.from_environment()``
(what ``apps/case_study.ipynb`` shows) speaks ``CASEKIT_LANG`` and opens the pack ``CASEKIT_STUDY`` when set;
``CASEKIT_THEME`` (dark|light) and ``CASEKIT_LAYOUT`` (16:9|4:3) choose the projector look (:mod:`casekit.settings`).

The chrome is the shell's header (the pack's title, "Other case study", language, theme and layout switches; no
privacy switch: a pack is anonymised already) with the app's own stage bar under it (one button per stage; stages
not reached yet are dimmed and refused) and the current stage in large type with "Next stage". A pack's stages are
not known before it is opened, so they are not the shell's steps. Only the body scrolls: the pack picker (until a
pack is open) or the stage's view (:mod:`.stage`), built the first time it is shown. Nothing is saved: it is a
classroom exercise.

Every callback is guarded (the shell's :meth:`safe`): a failure is logged on ``casekit.app`` and the room sees one
short sentence. Values from the browser are checked in Python: the pack picker and toggles refuse values outside
their options, the stage number (``stage_index``, also a widget) must be a stage already reached, a rater's name
is checked by :mod:`.rating`.

Startup stays light: ipywidgets, casekit's models and the packs' JSON; the instrument form, the statistics
(pandas, scikit-learn) are imported when first needed; the star is plain SVG (no altair).
"""
from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
from traitlets import TraitError

from ...errors import CaseKitError, describe
from ...i18n import LANGUAGES, gettext
from ...settings import settings
from ..common import GuardedSelect, MessageLabel, esc, friendly_messages, log
from ..refusals import watch_app_kernel
from ..shell import AppShell
from .rating import RatingState
from .render import t
from .styles import study_css


def _default_loader(name: str, lang: str):
    from ...studies import load_study

    return load_study(name, lang)


def _default_names() -> list[str]:
    from ...studies import studies

    return studies()


class CaseStudyApp(AppShell):
    """Training with a case-study pack, on a projector (see the module docs).

    Handles for tests: ``picker``, ``open_button``, ``change_button``, ``stage_buttons`` (number -> Button),
    ``next_button``, ``stage_index`` (IntText holding the current stage number), ``stage_heading``,
    ``message``, ``language_toggle``, ``theme_toggle``, ``layout_toggle``, ``study``, ``current``,
    ``reached``, ``view(n)``, ``rating_panel()``, ``exercise`` (the rating state), ``go_stage(n)``,
    ``next_stage()``, ``open_study(name)``, ``add_rater(name)``, ``reveal()``.
    """

    app_class = "casekit-study-app"
    privacy_switch = False
    views_follow_layout = True  # the panes' order depends on the layout

    def __init__(self, *, lang: str | None = None, study: str | None = None, theme: str = "dark",
                 layout: str = "16:9", loader: Callable | None = None, names: list[str] | None = None):
        self._loader = loader or _default_loader
        self.study = None
        self.study_name: str | None = None
        self.current = 0
        self.reached = 0
        self.choosing = True
        self.exercise = RatingState()
        self.what_next_shown: set[int] = set()
        self._rating = None
        self._syncing = False
        self._titles: dict[tuple[str, str], tuple[str, str]] = {}
        self.names: list[str] = []
        super().__init__(lang=lang, theme=theme, layout=layout)
        self._build_study_chrome()
        try:
            self.names = list(names) if names is not None else _default_names()
        except Exception as exc:  # noqa: BLE001 - the page must show something readable
            log.exception("the case-study packs could not be listed")
            self.report_error(exc)
        try:
            self._fill_picker()
            if study:
                self.open_study(study)
        except Exception as exc:  # noqa: BLE001
            log.info("could not open the case study %r: %s", study, describe(exc))
            self.report_error(exc)
        self._render()

    @classmethod
    def from_environment(cls, **kwargs) -> "CaseStudyApp":
        """The app for ``apps/case_study.ipynb``: ``CASEKIT_LANG``, ``CASEKIT_STUDY`` (optional),
        ``CASEKIT_THEME`` (dark|light), ``CASEKIT_LAYOUT`` (16:9|4:3). Logs go to the casekit log file."""
        from ... import logs

        try:
            logs.log_to_file()
        except OSError:  # a read-only home must not stop the class
            log.warning("no log file")
        now = settings()
        kwargs.setdefault("lang", now.lang)
        kwargs.setdefault("study", now.study or None)
        kwargs.setdefault("theme", now.theme)
        kwargs.setdefault("layout", now.layout)
        app = cls(**kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    # -- errors ----------------------------------------------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        if isinstance(exc, (CaseKitError, TraitError)) or type(exc).__name__ == "ValidationError":
            messages = friendly_messages(exc, self.lang)
        else:
            messages = [t("study_app.error_unexpected", self.lang)]
        self.message.show(messages)

    # -- the shell's questions -------------------------------------------------------------------------------
    def title_text(self) -> str:
        if self.study is not None and not self.choosing:
            return self.study.title
        return t("study_app.app_title", self.lang)

    def extra_css(self, colours: dict[str, str]) -> str:
        return study_css(colours, self.layout_name)

    def chrome_extras(self) -> list[widgets.Widget]:
        """Under the header: the stage bar and the stage's heading with "Next stage" (and the hidden stage number)."""
        self.stage_buttons: dict[int, widgets.Button] = {}
        self.stagebar = widgets.HBox()  # a layout of its own: hidden while the picker is shown
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
        return [self.stagebar, self.stage_row, self.stage_index]

    # -- construction ----------------------------------------------------------------------------------------
    def _build_study_chrome(self) -> None:
        self.change_button = widgets.Button()
        self.change_button.add_class("casekit-study-change")
        self.change_button.add_class("casekit-button")
        self.change_button.on_click(self.safe(lambda _b: self.show_picker()))
        header = list(self.header.children)
        at = header.index(self.saved) + 1
        self.header.children = header[:at] + [self.change_button] + header[at:]

        self.picker_heading = widgets.HTML()
        self.picker = GuardedSelect(options=[], value=None, rows=4)
        self.picker.add_class("casekit-study-picker")
        self.picker.on_refused = lambda value: self.message.show([gettext("conf.error_value_refused", self.lang)])
        self.picker.observe(self.safe(lambda c: self._show_summary()), names="value")
        self.summary = widgets.HTML()
        self.summary.add_class("casekit-study-summary")
        self.open_button = widgets.Button(button_style="primary")
        self.open_button.add_class("casekit-study-open")
        self.open_button.add_class("casekit-button")
        self.open_button.on_click(self.safe(lambda _b: self.open_study(self.picker.value)))
        self.picker_box = widgets.VBox([self.picker_heading, self.picker, self.summary, self.open_button])
        self.picker_box.add_class("casekit-study-choose")

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
        self.study = self._loader(self.study_name, lang) if self.study_name else None  # may refuse: nothing changed
        super().set_language(lang)

    def rebuild(self) -> None:
        """The texts in the new language (or the panes for the new layout): views, picker and stage bar anew."""
        self._views, self._rating = {}, None
        self._fill_picker()
        if self.study is not None:
            self._build_stagebar()
        self._render()

    # -- drawing ---------------------------------------------------------------------------------------------
    @property
    def showing(self) -> bool:
        """A stage is shown (a pack is open and the picker is not)."""
        return self.study is not None and not self.choosing and self.total > 0

    def render_chrome(self) -> None:
        super().render_chrome()
        lang = self.lang
        self.change_button.description = t("study_app.change_study", lang)
        self.change_button.tooltip = t("study_app.change_study", lang)
        self.change_button.layout.display = "none" if self.study is None or self.choosing else None
        showing = self.showing
        self.stagebar.layout.display = None if showing else "none"
        self.stage_row.layout.display = None if showing else "none"
        self.next_button.description = t("study_app.next", lang)
        self.next_button.tooltip = t("study_app.next", lang)
        if not showing:
            return
        study = self.study
        for number, button in self.stage_buttons.items():
            label = study.stage(number).phase.label(lang)
            current, future = number == self.current, number > self.reached
            with button.hold_sync():
                button.description = f"{number} {label}"
                button.tooltip = t("study_app.stage_not_revealed", lang, number=number) if future else label
                button.button_style = "primary" if current else ""
                for cls, on in (("casekit-stage-current", current), ("casekit-current", current),
                                ("casekit-stage-future", future)):
                    (button.add_class if on else button.remove_class)(cls)
                button.disabled = future  # a hint only: go_stage() checks again
        stage = study.stage(self.current)
        number = t("study_app.stage_number", lang, number=self.current, total=self.total)
        self.stage_heading.value = (
            f"<div class='casekit-stage-title' role='heading' aria-level='1'>"
            f"<span class='casekit-stage-number'>{esc(number)}</span>"
            f"<span class='casekit-stage-name'>{esc(stage.phase.label(lang))}</span></div>")
        self.next_button.disabled = self.current >= self.total
        self._set_stage_index(self.current)

    def render_step(self) -> None:
        lang = self.lang
        self.picker_heading.value = f"<h2 class='casekit-subheading'>{esc(t('study_app.choose_heading', lang))}</h2>"
        self.open_button.description = t("study_app.open", lang)
        self.open_button.tooltip = t("study_app.open", lang)
        self.open_button.disabled = not self.names
        if not self.names:
            self.summary.value = f"<p>{esc(t('study_app.no_studies', lang))}</p>"
        showing = self.showing
        self.picker_box.layout.display = "none" if showing else None
        if showing:
            self.show(self.view(self.current))
        elif self.study is None or self.choosing:
            self.show(self.picker_box)
        else:  # a pack without stages
            self.show()
