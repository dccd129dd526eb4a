"""Which catalogue area a client lives in, from the free-text municipality of the case.

Case files name the place as people write it: ``Brodce nad Jalovkou``, ``Vřesová (Ostružná Lhota ORP
area)``, ``Ostružná Lhota; Vřesová from August 2025``. An area matches when its name – without "ORP",
"(ORP area)" and other bracketed notes, ignoring case and diacritics – appears in the text as whole words.
When several match, the most specific wins (a municipality before the ORP it belongs to), then the one named
first. An explicit ``{municipality: area_id}`` mapping overrides the matching; a place no area matches is
unmapped (``None``) and its needs are set against the services of the whole region.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Mapping

from ..model.catalogue import ServiceCatalogue

_BRACKETS = re.compile(r"\([^)]*\)")
_NOISE = re.compile(r"\b(orp|obvod|spravni obvod|area|obec|mesto|municipality|town)\b")


def fold(text: str) -> str:
    """Lower case, no diacritics, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.findall(r"[0-9a-z]+", text))


def _core(name: str) -> str:
    return " ".join(_NOISE.sub(" ", fold(_BRACKETS.sub(" ", name))).split())


def _depth(catalogue: ServiceCatalogue, area_id: str) -> int:
    depth, current, seen = 0, catalogue.area(area_id), set()
    while current is not None and current.parent_id and current.id not in seen:
        seen.add(current.id)
        depth += 1
        current = catalogue.area(current.parent_id)
    return depth


class AreaMatcher:
    """Maps municipality texts to catalogue area ids (see the module's docstring)."""

    def __init__(self, catalogue: ServiceCatalogue, overrides: Mapping[str, str | None] | None = None):
        self.catalogue = catalogue
        self.overrides = {fold(k): v for k, v in (overrides or {}).items()}
        self._names = []
        for area in catalogue.areas:
            core = _core(area.name)
            if core:
                self._names.append((area.id, re.compile(rf"(?<![0-9a-z]){re.escape(core)}(?![0-9a-z])"),
                                    _depth(catalogue, area.id)))
        self._cache: dict[str, str | None] = {}

    def area_of(self, municipality: str | None) -> str | None:
        key = fold(municipality or "")
        if key in self._cache:
            return self._cache[key]
        if key in self.overrides:
            found = self.overrides[key]
        else:
            hits = []
            for area_id, pattern, depth in self._names:
                match = pattern.search(key)
                if match:
                    hits.append((-depth, match.start(), area_id))
            found = min(hits)[2] if hits else None
        self._cache[key] = found
        return found

    def lineage(self, area_id: str) -> set[str]:
        """The area and the ORP (and further parents) it lies in: a service there serves the area too."""
        found, current = set(), self.catalogue.area(area_id)
        while current is not None and current.id not in found:
            found.add(current.id)
            current = self.catalogue.area(current.parent_id) if current.parent_id else None
        return found or {area_id}

    def name_of(self, area_id: str | None) -> str:
        area = self.catalogue.area(area_id) if area_id else None
        return area.name if area else ""
