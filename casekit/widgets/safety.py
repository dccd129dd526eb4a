"""Widget callbacks that never leak a traceback.

In Voilà an exception in a plain callback vanishes without a trace, and one inside an Output widget's capture context
shows its full traceback to the user. casekit's callbacks therefore go through :func:`protect`: any
exception is logged server-side (logger ``casekit.widgets``) and the user sees one short sentence in their
language. casekit never uses that context.
"""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

from ..i18n import gettext

LOG = logging.getLogger("casekit.widgets")


def friendly_error(lang: str | None = None) -> str:
    """The sentence shown when something unexpected failed."""
    return gettext("ui.error.unexpected", lang)


def protect(handler: Callable[..., Any], report: Callable[[str], Any], lang: str | None = None,
            logger: logging.Logger = LOG) -> Callable[..., Any]:
    """``handler`` wrapped so that an exception is logged and ``report(sentence)`` is called instead."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except Exception:
            logger.exception("casekit: widget callback %s failed", getattr(handler, "__qualname__", handler))
            try:
                report(friendly_error(lang))
            except Exception:  # the report itself must not raise either
                logger.exception("casekit: could not show the error message")
        return None

    return wrapper


__all__ = ["LOG", "friendly_error", "protect"]
