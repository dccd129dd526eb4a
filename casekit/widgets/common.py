"""Helpers shared by casekit's widgets: safe callbacks, messages next to fields, a saved indicator,
selection widgets that refuse values the browser would not send.

Facts these helpers answer (docs: ``platform.md``): an exception in a plain widget callback vanishes
silently, and one inside an Output widget's capture context shows its traceback to the audience. So every callback is
wrapped by :func:`safe_callback` (or :func:`safe_method`): it catches everything, logs it server-side on the
``casekit.app`` logger and shows one short, translated sentence. Browser-side limits (``disabled``, options
of a dropdown) are not enforced for a hand-written client, so :class:`GuardedDropdown` and
:class:`GuardedSelectMultiple` refuse, in Python, values that are not among their options, keep the last valid
value and report the refusal.

Nothing here imports altair or pandas.
"""
from __future__ import annotations

import functools
import html
import logging
from datetime import datetime
from typing import Any, Callable, Iterable

import ipywidgets as widgets
from pydantic import ValidationError
from traitlets import TraitError, validate

from ..errors import CaseKitError, describe, explain
from ..i18n import gettext

log = logging.getLogger("casekit.app")

__all__ = [
    "GuardedDropdown", "GuardedSelect", "GuardedSelectMultiple", "GuardedToggleButtons", "MessageLabel",
    "SavedIndicator", "esc", "friendly_messages",
    "log", "log_failure", "protect", "safe_callback", "safe_method", "store_from_environment",
]


def esc(value: Any) -> str:
    """HTML-escaped text (quotes too): every user text that goes into an ``HTML`` widget passes here."""
    return html.escape("" if value is None else str(value), quote=True)


def friendly_messages(exc: BaseException, lang: str | None = None) -> list[str]:
    """Short sentences for the user: casekit's own messages, pydantic's explained, else a generic one."""
    if isinstance(exc, CaseKitError):
        if getattr(exc, "validation_error", None) is not None:
            return [_shorten(m) for m in exc.messages(lang)]
        return exc.messages(lang)
    if isinstance(exc, ValidationError):
        return explain(exc, lang)
    if isinstance(exc, TraitError):
        return [gettext("conf.error_value_refused", lang)]
    return [gettext("conf.error_unexpected", lang)]


def _shorten(message: str) -> str:
    """``Case conferences → item 4 → Agenda → item 1 → Minutes: …`` → ``Minutes: …`` (the field only)."""
    where, sep, sentence = message.partition(": ")
    if sep and " → " in where:
        return f"{where.split(' → ')[-1]}: {sentence}"
    return message


def log_failure(exc: BaseException, where: str) -> None:
    """Log a failure server-side: a refusal (bad input, a conflict, a store failure) by its kind only — its text
    can quote a case —, anything unexpected with its traceback."""
    if isinstance(exc, (CaseKitError, ValidationError, TraitError)):
        log.info("refused in %s: %s", where, describe(exc))
    else:
        log.exception("unexpected error in %s", where, exc_info=exc)


_log = log_failure


def safe_callback(report: Callable[[list[str], BaseException], None] | None = None,
                  lang: Callable[[], str | None] | None = None):
    """Decorate a widget callback so that no exception escapes it.

    ``report(messages, exc)`` shows the messages (it is itself guarded: if it fails, the failure is only
    logged); ``lang()`` gives the language of the messages. The decorated function returns ``None`` when it
    failed.
    """

    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
                _log(exc, getattr(function, "__qualname__", "callback"))
                if report is not None:
                    try:
                        report(friendly_messages(exc, lang() if lang else None), exc)
                    except Exception:  # noqa: BLE001
                        log.exception("reporting an error failed")
                return None

        return wrapper

    return decorate


def store_from_environment(no_store_key: str):
    """For an app's ``from_environment``: log to casekit's log file and open the store of ``CASEKIT_DB``.
    Returns ``(store, None)`` or ``(None, error)`` — an error the app shows (``no_store_key`` when the reason
    is not casekit's own), never raises."""
    from .. import open_store
    from ..logs import log_to_file

    try:
        log_to_file()
    except OSError:  # a read-only home must not stop the meeting
        log.warning("no log file")
    try:
        return open_store(), None
    except CaseKitError as exc:
        log.warning("store unavailable: %s", describe(exc))
        return None, exc
    except Exception:  # noqa: BLE001 - the page must still show something readable
        log.exception("store could not be opened")
        return None, CaseKitError(no_store_key)


def protect(handler: Callable[..., Any], report: Callable[[str], Any], lang: str | None = None):
    """``handler`` wrapped by :func:`safe_callback` for callers that show one sentence (the instrument form):
    ``report(sentence)`` gets the friendly messages joined."""
    return safe_callback(lambda messages, exc: report(" ".join(messages)), lambda: lang)(handler)


def safe_method(method):
    """Like :func:`safe_callback` for methods: the instance's ``report_error(exc)`` shows the failure.

    Instances without ``report_error`` only log.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - nothing may escape a callback
            _log(exc, method.__qualname__)
            reporter = getattr(self, "report_error", None)
            if reporter is not None:
                try:
                    reporter(exc)
                except Exception:  # noqa: BLE001
                    log.exception("reporting an error failed")
            return None

    return wrapper


class MessageLabel(widgets.HTML):
    """A message shown next to a field (or at the top of a view): error, warning, success or info."""

    KINDS = ("error", "warning", "ok", "info")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.messages: list[str] = []
        self.kind = ""
        self.add_class("casekit-message")

    def show(self, messages: str | Iterable[str], kind: str = "error") -> None:
        self.messages = [messages] if isinstance(messages, str) else [str(m) for m in messages]
        self.kind = kind if kind in self.KINDS else "info"
        for k in self.KINDS:
            self.remove_class(f"casekit-message-{k}")
        if not self.messages:
            self.clear()
            return
        self.add_class(f"casekit-message-{self.kind}")
        role = "alert" if self.kind in ("error", "warning") else "status"
        items = "".join(f"<div>{esc(m)}</div>" for m in self.messages)
        self.value = f'<div class="casekit-message-{self.kind}" role="{role}">{items}</div>'

    def clear(self) -> None:
        self.messages = []
        self.kind = ""
        for k in self.KINDS:
            self.remove_class(f"casekit-message-{k}")
        self.value = ""

    @property
    def text(self) -> str:
        return "\n".join(self.messages)


class SavedIndicator(widgets.HTML):
    """"Saved 14:03:21" / "Uloženo 14:03:21", or "Not saved – reason" after a failure."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.state = "idle"
        self.text = ""
        self.count = 0  # saves shown so far: lets a browser test wait for *this* save, not the last one
        self.add_class("casekit-saved")

    def _set(self, state: str, text: str) -> None:
        self.state, self.text = state, text
        classes = [c for c in self._dom_classes if not c.startswith("casekit-saved-")] + [f"casekit-saved-{state}"]
        # one message to the browser, not one per class removed and added: a save is shown sooner
        with self.hold_sync():
            if classes != list(self._dom_classes):
                self._dom_classes = classes
            self.value = (f'<span class="casekit-saved-{state}" role="status" data-saves="{self.count}">'
                          f'{esc(text)}</span>')

    def saved(self, at: datetime | None = None, lang: str | None = None, new: bool = True) -> None:
        """Show "Saved hh:mm:ss"; ``new=False``: the same save again (e.g. in another language), not counted."""
        at = at or datetime.now()
        if new:
            self.count += 1
        self._set("saved", gettext("conf.saved_at", lang, time=at.strftime("%H:%M:%S")))

    def pending(self, lang: str | None = None) -> None:
        self._set("pending", gettext("conf.saving", lang))

    def failed(self, reason: str, lang: str | None = None, *, sentence: str | None = None) -> None:
        """Show "Not saved – reason"; ``sentence``: a whole sentence that already says so, shown as it is."""
        self._set("failed", sentence if sentence is not None else gettext("conf.not_saved", lang, reason=reason))

    def reset(self) -> None:
        self._set("idle", "")


class _Guard:
    """Mixin: ``on_refused(value)`` is called when a value outside the options is refused."""

    on_refused: Callable[[Any], None] | None = None

    def _refused(self, value: Any) -> None:
        log.info("refused a value outside the options of %s: %r", type(self).__name__, value)
        if self.on_refused is not None:
            try:
                self.on_refused(value)
            except Exception:  # noqa: BLE001
                log.exception("on_refused failed")


class _GuardedSingle(_Guard):
    """Validators for one-value selections: an index or value outside the options is refused (and reported)."""

    _good_index = None

    def __init__(self, *args, on_refused: Callable[[Any], None] | None = None, **kwargs):
        self.on_refused = on_refused
        super().__init__(*args, **kwargs)

    @validate("index")
    def _validate_index(self, proposal):
        try:
            value = super()._validate_index(proposal)
        except TraitError:
            self._refused(proposal.value)
            good = self._good_index
            return good if good is not None and good < len(self._options_labels) else None
        self._good_index = value
        return value

    @validate("value")
    def _validate_value(self, proposal):
        try:
            return super()._validate_value(proposal)
        except TraitError:
            self._refused(proposal.value)
            good = self._good_index
            return self._options_values[good] if good is not None and good < len(self._options_values) else None


class GuardedDropdown(_GuardedSingle, widgets.Dropdown):
    """A dropdown that keeps its last valid value when given one outside its options (and reports it).

    A browser sends only an ``index``; a hand-written client may send any index or a program any value.
    """


class GuardedSelect(_GuardedSingle, widgets.Select):
    """A list box that refuses values outside its options, like :class:`GuardedDropdown`."""


class GuardedToggleButtons(_GuardedSingle, widgets.ToggleButtons):
    """Toggle buttons that refuse values outside their options, like :class:`GuardedDropdown`."""


class GuardedSelectMultiple(_Guard, widgets.SelectMultiple):
    """A multiple selection that keeps its last valid value when given values outside its options."""

    _good_index: tuple = ()

    def __init__(self, *args, on_refused: Callable[[Any], None] | None = None, **kwargs):
        self.on_refused = on_refused
        super().__init__(*args, **kwargs)

    @validate("index")
    def _validate_index(self, proposal):
        try:
            value = super()._validate_index(proposal)
        except TraitError:
            self._refused(proposal.value)
            return tuple(i for i in self._good_index if i < len(self._options_labels))
        self._good_index = tuple(value)
        return value

    @validate("value")
    def _validate_value(self, proposal):
        try:
            return super()._validate_value(proposal)
        except TraitError:
            self._refused(proposal.value)
            return tuple(self._options_values[i] for i in self._good_index if i < len(self._options_values))
