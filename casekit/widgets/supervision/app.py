"""The supervision app: the shell's chrome (:class:`~casekit.widgets.shell.AppShell`) with four views as its steps.

``SupervisionApp.from_environment()`` (``apps/supervision.ipynb``) opens the store of ``CASEKIT_DB``, speaks
``CASEKIT_LANG``, looks like ``CASEKIT_THEME`` and ``CASEKIT_LAYOUT`` and writes exports to ``CASEKIT_EXPORT_DIR``
(:mod:`casekit.settings`). A store that cannot be opened gives an app that says why, never a traceback.

The chrome is the shell's: the header (title, saved state, language, privacy, theme and layout switches), the step
bar with the four views (Caseload, Case summary, Supervision session, Gap analysis), Back/Next with the view's
heading, one message line; only the body scrolls. A view is built the first time it is shown
(:class:`~casekit.widgets.switches.LazyViews`) and reads the store each time it is shown: :meth:`board` (the
caseload) is read once per showing, so a case added on another device is listed when the view comes up again.

Privacy (the header's switch) changes only what the screen shows, by construction: people are labels
(:func:`casekit.anonymise.labels.team_labels` for the team's workers, "Client 3" for a client of the caseload),
the case summary shows the room projection (:func:`casekit.anonymise.room_projection`), the session view shows no
free text.

Startup stays light: ipywidgets and casekit's models; the caseload (pandas) is read when a view needs it; the
charts are plain SVG drawn when a view is shown.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ...errors import CaseKitError
from ...i18n import gettext
from ...settings import settings
from ..common import friendly_messages, log, store_from_environment
from ..refusals import watch_app_kernel
from ..shell import AppShell
from ..switches import LazyViews
from .styles import supervision_css

#: The views of the app, in the order of the step bar (``SupervisionApp.view_keys``).
VIEW_KEYS = ("dashboard", "case", "session", "gaps")

_VIEW_CLASSES = {
    "dashboard": ("dashboard", "DashboardView"),
    "case": ("summary", "CaseSummaryView"),
    "session": ("session_form", "SessionView"),
    "gaps": ("gaps_view", "GapsView"),
}


class SupervisionApp(LazyViews, AppShell):
    """Supervision on a projector: the caseload, a case, the session, the gaps (see the module docs).

    Handles for tests: ``view_keys``, ``current_view``, ``go(key)``, ``view(key)`` (built on demand),
    ``view_buttons[key]`` (the shell's step buttons), ``language_toggle``, ``privacy_toggle``, ``theme_toggle``,
    ``layout_toggle``, ``message``, ``saved`` (the indicator), ``case_id`` (the case of the summary),
    ``session_id`` (the supervision session being recorded), ``board()`` (the caseload dashboard data),
    ``open_case(case_id)``.
    """

    steps = VIEW_KEYS
    app_class = "casekit-sv-app"
    views_follow_layout = True  # charts are drawn for the layout's widths
    view_classes = _VIEW_CLASSES
    unknown_view = ("sv.unknown_view", "view")
    view_keys = VIEW_KEYS

    def __init__(self, store=None, *, lang: str | None = None, theme: str = "dark", layout: str = "16:9",
                 privacy: bool = False, export_dir=None, as_of: date | None = None, view: str = "dashboard",
                 store_error: CaseKitError | None = None, supervisor: str | None = None):
        self.store = store
        self.export_dir = export_dir
        self.as_of = as_of
        self.supervisor = supervisor
        self.case_id: str | None = None
        self.session_id: str | None = None
        self._board = None
        self._board_showing = -1  # the showing the board was read for
        self._showing = 0  # counts the times a view was shown
        self._numbers: dict[str, int] | None = None
        super().__init__(lang=lang, theme=theme, layout=layout, privacy=privacy)
        if view in VIEW_KEYS:
            self.current_step = view
        self.view_buttons = self.step_buttons
        for key, button in self.view_buttons.items():
            button.add_class(f"casekit-sv-view-button-{key}")  # the names the tests and older notes use
        if store is None:
            self.message.show(friendly_messages(store_error, self.lang) if store_error else
                              [gettext("sv.no_store", self.lang)])
        self._render()

    @classmethod
    def from_environment(cls, **kwargs) -> "SupervisionApp":
        """The app for ``apps/supervision.ipynb`` (options from :func:`casekit.settings.settings`)."""
        now = settings()
        store, error = store_from_environment("sv.no_store")
        kwargs.setdefault("lang", now.lang)
        kwargs.setdefault("theme", now.theme)
        kwargs.setdefault("layout", now.layout)
        kwargs.setdefault("export_dir", now.export_dir)
        app = cls(store, store_error=error, **kwargs)
        watch_app_kernel(app.report_refused_update)
        return app

    # -- the shell's questions -------------------------------------------------------------------------------
    @property
    def current_view(self) -> str:
        return self.current_step

    def step_title(self, key: str, short: bool = False) -> str:
        return gettext(f"sv.view_{key}", self.lang)

    def title_text(self) -> str:
        return gettext("sv.app_title", self.lang)

    def extra_css(self, colours: dict[str, str]) -> str:
        return supervision_css(colours, self.layout_name)

    def render_step(self) -> None:
        if self.store is None:
            self.show()
            return
        self._showing += 1  # lists are read from the store again for this showing
        view = self.view(self.current_step)
        self.show(view)
        try:
            view.on_show()
        except Exception as exc:  # noqa: BLE001 - a view that cannot refresh still shows what it has
            log.exception("view %s could not be shown", self.current_step)
            self.report_error(exc)

    # -- data shared by the views ----------------------------------------------------------------------------
    def board(self):
        """The caseload dashboard of the store on ``as_of`` (default: today): read from the store once each time a
        view is shown (and after :meth:`forget_data`), never kept from an earlier showing."""
        if self._board is None or self._board_showing != self._showing:
            if self.store is None:
                raise CaseKitError("sv.no_store")
            from ...caseload import caseload

            self._board = caseload(self.store, as_of=self.as_of)
            self._board_showing = self._showing
            self._numbers = None
        return self._board

    def forget_data(self) -> None:
        """Read the store again the next time the caseload is asked for (a refresh)."""
        self._board = None
        self._numbers = None

    def case_numbers(self) -> dict[str, int]:
        """``{case_id: number}``: the cases numbered 1, 2, … in the caseload's order (privacy labels)."""
        board = self.board()
        if self._numbers is None:
            ids = [str(c) for c in board.cases["case_id"].astype(object)]
            self._numbers = {case_id: n for n, case_id in enumerate(ids, start=1)}
        return self._numbers

    def client_label(self, case_id: str, display_name: str) -> str:
        """The client of a case as the screen shows it: the case's pseudonym, or "Client 3" with privacy on."""
        if not self.privacy:
            return display_name
        return gettext("sv.client_n", self.lang, number=self.case_numbers().get(case_id, 0))

    def worker_labels(self, workers=None, *, short: bool = False) -> dict[str, str]:
        """``{worker: label}``: the names, or unique initials with privacy on (one rule for the whole team);
        ``short``: a name without what follows it in brackets (``D. Vondrová (case manager, …)`` → ``D. Vondrová``),
        for a dropdown's option."""
        from ...anonymise.labels import team_labels

        if workers is None:
            workers = [str(w) for w in self.board().workers["worker"].astype(object)]
        labels = team_labels(workers, privacy=self.privacy)
        if short:
            labels = {name: label.split(" (")[0] or label for name, label in labels.items()}
        return labels

    # -- views -----------------------------------------------------------------------------------------------
    def open_case(self, case_id: Any, *, go: bool = True) -> None:
        """Choose the case of the summary (a case of the store) and, with ``go``, show the summary."""
        if self.store is None:
            raise CaseKitError("sv.no_store")
        if not isinstance(case_id, str) or not self.store.exists(case_id):
            raise CaseKitError("sv.unknown_case")
        self.case_id = case_id
        summary = self._views.get("case")
        if summary is not None and not go:
            summary.show_case()
        if go:
            self.go("case")


__all__ = ["SupervisionApp", "VIEW_KEYS"]
