"""Names on screen: with the privacy switch on, no client's or actor's name and no worker's full name.

The switch changes only what the app *shows*; the store keeps every detail. With it on:

* a client is "Client 3" (numbered by the case's place in the caseload, stable while the app runs) instead of
  the case's display name;
* a worker is shown by initials (``H. Lesná (municipal social worker)`` → ``H. L.``; a number is added when
  two workers share initials);
* actors of a case are "Actor 3" (as in the ecomap and the minutes), the client and the case manager as
  owners of an action by their role; known names inside free text (goals, actions) are replaced
  (:class:`casekit.minutes.privacy.Names`);
* charts are drawn with ``privacy=True``.
"""
from __future__ import annotations

from typing import Iterable

from ...minutes.privacy import initials
from .i18n import t


def client_label(number: int, display_name: str, privacy: bool, lang: str) -> str:
    return t("sv.client_n", lang, number=number) if privacy else display_name


def worker_labels(workers: Iterable[str], privacy: bool) -> dict[str, str]:
    """``{worker: label}``: the name itself, or unique initials in privacy mode."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(dict.fromkeys(workers)):
        if not privacy:
            out[name] = name
            continue
        short = initials(name)
        candidate, number = short, 2
        while candidate in taken:
            candidate, number = f"{short} ({number})", number + 1
        taken.add(candidate)
        out[name] = candidate
    return out


def names(case, lang: str, privacy: bool):
    """How the case summary names the case's actors and people (see :class:`casekit.minutes.privacy.Names`)."""
    from ...minutes.privacy import Names

    return Names(case, lang, privacy, people=[case.case_manager])
