"""Labels for the people of a team: the workers as a caseload or a supervision session shows them.

The room projection labels the people of *one* case (:class:`~.people.PersonLabels`). A caseload lists many
cases and their workers at once; :func:`team_labels` gives each worker one label there by the same rule: the name
itself without privacy, else unique initials from the one :func:`~.people.initials` rule (``J. N.``,
``J. N. (2)`` for a second person with the same initials; two spellings of one person share a label). The labels
do not depend on the order the names come in: they are given in sorted order.
"""
from __future__ import annotations

from typing import Iterable

from .people import PersonLabels


def team_labels(names: Iterable[str], *, privacy: bool) -> dict[str, str]:
    """``{name: label}`` for every name of ``names`` (a team's workers, a session's supervisor)."""
    # nobody of a team is "the client": the client's label is left empty, so no worker is taken for the client
    labels = PersonLabels("", privacy=privacy)
    return {name: labels.label(name) for name in sorted({n for n in names if n})}


__all__ = ["team_labels"]
