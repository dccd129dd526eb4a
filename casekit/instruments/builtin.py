"""casekit's own free instruments, shipped as YAML in ``casekit/instruments/builtin/``.

``casekit-needs`` (needs assessment over the life domains), ``casekit-gas`` (Goal Attainment Scaling) and
``casekit-competency`` (case manager competency self-assessment for supervision). Licensed instruments
(CAN, ZRM, Outcomes Star …) are not shipped; users import their own copies (see docs/instruments.md).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import NotFound
from .definition import Instrument

BUILTIN_DIR = Path(__file__).with_name("builtin")


@lru_cache(maxsize=1)
def _load_all() -> dict[str, Instrument]:
    from .loader import load_instrument

    found = {}
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        instrument = load_instrument(path)
        found[instrument.id] = instrument
    return found


def builtin_instruments() -> dict[str, Instrument]:
    """The built-in instruments by id. They are shared: copy one (``model_copy(deep=True)``) to change it."""
    return dict(_load_all())


def builtin(instrument_id: str) -> Instrument:
    """One built-in instrument; raises :class:`~casekit.errors.NotFound` for an unknown id."""
    found = _load_all()
    if instrument_id not in found:
        raise NotFound("errors.unknown_instrument", name=instrument_id, names=", ".join(found))
    return found[instrument_id]
