"""Holes and duplicities in the regional service network, from the unmet needs of many cases.

The support coordinator sets the needs of the open cases against the service catalogue (domain reference,
section 2). Each unmet need is placed in the catalogue area where the client lives (see
:mod:`casekit.gaps.areas`); the services that meet its life domain in that area (or in the ORP it belongs to)
decide its **status**:

``no_service``      no service in the area meets the life domain (a hole);
``not_accepting``   services exist, but none takes new clients;
``full``            services take new clients, but every one has a fixed capacity and no free place;
``available``       a service takes new clients and has a free place (or no fixed limit).

The report is aggregate only – counts per area, life domain and target group, never a case or a client – so a
coordinator can hand it to the municipality's community-planning group. Frames:

``holes``            area × life domain with unmet needs: needs, cases, services, accepting, free places,
                     waiting list, status;
``by_domain``        per life domain: unmet needs, cases, areas without a service / without a free place,
                     needs served by several formal actors;
``by_area``          per area: open cases, cases with unmet needs, unmet needs, domains without a service / place;
``by_target_group``  per target group (as the cases name it) and life domain: unmet needs, cases, of which
                     in areas without a service / without a place;
``over_capacity``    services with more clients than places, and how many of the open cases use them;
``waiting_lists``    services with a waiting list, with the unmet needs of open cases within their reach;
``duplicities``      per area and life domain, needs served by two or more formal actors at once;
``service_pairs``    services that may duplicate each other (``ServiceCatalogue.duplicities``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Mapping

from ..caseload.sources import typed
from ..model.catalogue import ServiceCatalogue
from ..vocab import LifeDomain
from .areas import AreaMatcher

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STATUSES = ("no_service", "not_accepting", "full", "available")
NO_PLACE = ("not_accepting", "full")

FRAMES: dict[str, dict[str, str]] = {
    "holes": {"area_id": "str", "area": "str", "domain": "str", "unmet_needs": "int", "high_unmet_needs": "int",
              "cases": "int", "services": "int", "accepting": "int", "free_places": "int", "waiting_list": "int",
              "status": "str"},
    "by_domain": {"domain": "str", "needs": "int", "unmet_needs": "int", "high_unmet_needs": "int", "cases": "int",
                  "areas": "int", "areas_no_service": "int", "areas_no_place": "int", "multi_served": "int"},
    "by_area": {"area_id": "str", "area": "str", "open_cases": "int", "cases_with_unmet": "int",
                "unmet_needs": "int", "domains_no_service": "int", "domains_no_place": "int"},
    "by_target_group": {"target_group": "str", "domain": "str", "unmet_needs": "int", "cases": "int",
                        "no_service_needs": "int", "no_place_needs": "int"},
    "over_capacity": {"service_id": "str", "service": "str", "provider": "str", "service_type": "str",
                      "capacity": "int", "current_clients": "int", "over_by": "int", "waiting_list": "int",
                      "accepts_new": "bool", "our_cases": "int"},
    "waiting_lists": {"service_id": "str", "service": "str", "provider": "str", "service_type": "str",
                      "waiting_list": "int", "capacity": "int", "current_clients": "int", "accepts_new": "bool",
                      "unmet_in_reach": "int", "our_cases": "int"},
    "duplicities": {"area_id": "str", "area": "str", "domain": "str", "needs": "int", "multi_served": "int"},
    "service_pairs": {"service_a": "str", "service_b": "str", "service_type": "str", "areas": "str",
                      "domains": "str"},
}


@dataclass(frozen=True)
class GapReport:
    """The gap analysis on ``as_of`` against ``catalogue``: frames (see the module) and ``summary``."""

    as_of: date
    catalogue: ServiceCatalogue = field(repr=False)
    frames: dict[str, "pd.DataFrame"] = field(repr=False)
    summary: dict = field(default_factory=dict)

    @property
    def holes(self) -> "pd.DataFrame":
        return self.frames["holes"]

    @property
    def by_domain(self) -> "pd.DataFrame":
        return self.frames["by_domain"]

    @property
    def by_area(self) -> "pd.DataFrame":
        return self.frames["by_area"]

    @property
    def by_target_group(self) -> "pd.DataFrame":
        return self.frames["by_target_group"]

    @property
    def over_capacity(self) -> "pd.DataFrame":
        return self.frames["over_capacity"]

    @property
    def waiting_lists(self) -> "pd.DataFrame":
        return self.frames["waiting_lists"]

    @property
    def duplicities(self) -> "pd.DataFrame":
        return self.frames["duplicities"]

    @property
    def service_pairs(self) -> "pd.DataFrame":
        return self.frames["service_pairs"]

    # exports (casekit.gaps.export) ------------------------------------------------------------------------
    def to_html(self, lang: str | None = None) -> str:
        from .export import to_html

        return to_html(self, lang)

    def to_csv(self, lang: str | None = None) -> str:
        from .export import to_csv

        return to_csv(self, lang)

    def to_docx(self, target, lang: str | None = None) -> None:
        from .export import to_docx

        to_docx(self, target, lang)

    def write(self, path, format: str | None = None, lang: str | None = None):
        """Write to ``path`` in ``format`` (html, csv, docx; default: from the suffix); returns the path."""
        from .export import write

        return write(self, path, format, lang)


def _status(services: list, accepting: list) -> str:
    if not services:
        return "no_service"
    if not accepting:
        return "not_accepting"
    if all(s.free_places == 0 for s in accepting):
        return "full"
    return "available"


def _covers(matcher: AreaMatcher, service, area_id: str | None) -> bool:
    return area_id is not None and bool(matcher.lineage(area_id) & set(service.areas))


def _records(frame: "pd.DataFrame") -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _add(total: dict, key, row: dict, fields: tuple[str, ...]) -> None:
    cell = total.setdefault(key, dict.fromkeys(fields, 0))
    for name in fields:
        cell[name] += int(row[name])


def build(needs: "pd.DataFrame", cases: "pd.DataFrame", links: "pd.DataFrame", catalogue: ServiceCatalogue,
          as_of: date, areas: Mapping[str, str | None] | None = None) -> GapReport:
    """The report from the grouped counts (``casekit.gaps.sources``); plain Python, the inputs are small."""
    import pandas as pd

    matcher = AreaMatcher(catalogue, areas)
    need_rows, case_rows = _records(needs), _records(cases)
    for row in need_rows + case_rows:
        row["area_key"] = matcher.area_of(row["municipality"]) or ""
    linked = {r["service_id"]: int(r["cases"]) for r in _records(links)}
    counted = ("unmet_needs", "high_unmet_needs", "cases")

    # holes: area x domain with unmet needs ----------------------------------------------------------------
    cells: dict[tuple[str, str], dict] = {}
    for row in need_rows:
        if row["unmet_needs"] > 0:
            _add(cells, (row["area_key"], row["domain"]), row, counted)
    holes, status_of = [], {}
    for (key, domain), cell in cells.items():
        area_id = key or None
        services = catalogue.services_for(domain, area_id)
        accepting = [s for s in services if s.accepts_new]
        status = status_of[(key, domain)] = _status(services, accepting)
        free = None if any(s.capacity is None for s in accepting) else sum(s.free_places for s in accepting)
        holes.append({"area_id": area_id, "area": matcher.name_of(area_id), "domain": domain, **cell,
                      "services": len(services), "accepting": len(accepting), "free_places": free,
                      "waiting_list": sum(s.waiting_list for s in services), "status": status})
    holes.sort(key=lambda h: (STATUSES.index(h["status"]), -h["unmet_needs"], h["area_id"] is None,
                              h["area_id"] or "", h["domain"]))

    # per life domain, per area, per target group, duplicities ---------------------------------------------
    domains: dict[str, dict] = {}
    groups: dict[tuple[str, str], dict] = {}
    dup: dict[tuple[str, str], dict] = {}
    for row in need_rows:
        _add(domains, row["domain"], row, ("needs", *counted, "multi_served"))
        _add(dup, (row["area_key"], row["domain"]), row, ("needs", "multi_served"))
        if row["unmet_needs"] > 0:
            status = status_of[(row["area_key"], row["domain"])]
            group = groups.setdefault((row["target_group"], row["domain"]), dict.fromkeys(
                ("unmet_needs", "cases", "no_service_needs", "no_place_needs"), 0))
            group["unmet_needs"] += int(row["unmet_needs"])
            group["cases"] += int(row["cases"])
            group["no_service_needs"] += int(row["unmet_needs"]) if status == "no_service" else 0
            group["no_place_needs"] += int(row["unmet_needs"]) if status in NO_PLACE else 0
    by_domain = []
    for domain, total in domains.items():
        mine = [h for h in holes if h["domain"] == domain]
        by_domain.append({"domain": domain, **{k: total[k] for k in ("needs", *counted)}, "areas": len(mine),
                          "areas_no_service": sum(h["status"] == "no_service" for h in mine),
                          "areas_no_place": sum(h["status"] in NO_PLACE for h in mine),
                          "multi_served": total["multi_served"]})
    by_domain.sort(key=lambda d: (-d["unmet_needs"], d["domain"]))
    places: dict[str, dict] = {}
    for row in case_rows:
        _add(places, row["area_key"], row, ("open_cases", "cases_with_unmet"))
    by_area = []
    for key in sorted(places):
        mine = [h for h in holes if (h["area_id"] or "") == key]
        by_area.append({"area_id": key or None, "area": matcher.name_of(key or None), **places[key],
                        "unmet_needs": sum(h["unmet_needs"] for h in mine),
                        "domains_no_service": sum(h["status"] == "no_service" for h in mine),
                        "domains_no_place": sum(h["status"] in NO_PLACE for h in mine)})
    by_group = [{"target_group": t, "domain": d, **v} for (t, d), v in sorted(groups.items())]
    duplicities = [{"area_id": k or None, "area": matcher.name_of(k or None), "domain": d, **v}
                   for (k, d), v in dup.items() if v["multi_served"]]
    duplicities.sort(key=lambda r: (-r["multi_served"], r["area_id"] is None, r["area_id"] or "", r["domain"]))

    # services -------------------------------------------------------------------------------------------
    def service_row(s) -> dict:
        return {"service_id": s.id, "service": s.name, "provider": s.provider, "service_type": s.service_type.value,
                "capacity": s.capacity, "current_clients": s.current_clients, "waiting_list": s.waiting_list,
                "accepts_new": s.accepts_new, "our_cases": linked.get(s.id, 0)}

    over = [{**service_row(s), "over_by": s.current_clients - s.capacity} for s in catalogue.over_capacity()]
    over.sort(key=lambda r: (-r["over_by"], r["service_id"]))
    waiting = []
    for s in catalogue.services:
        if s.waiting_list > 0:
            meets = {d.value for d in s.domains}
            reach = sum(h["unmet_needs"] for h in holes if h["domain"] in meets and _covers(matcher, s, h["area_id"]))
            waiting.append({**service_row(s), "unmet_in_reach": reach})
    waiting.sort(key=lambda r: (-r["waiting_list"], r["service_id"]))
    pairs = [{
        "service_a": a.id, "service_b": b.id, "service_type": a.service_type.value,
        "areas": ", ".join(sorted(set(a.areas) & set(b.areas))),
        "domains": ", ".join(d.value for d in LifeDomain if d in a.domains and d in b.domains),
    } for a, b in catalogue.duplicities()]

    frames = {name: typed(pd.DataFrame(rows, columns=list(FRAMES[name])), FRAMES[name]) for name, rows in (
        ("holes", holes), ("by_domain", by_domain), ("by_area", by_area), ("by_target_group", by_group),
        ("over_capacity", over), ("waiting_lists", waiting), ("duplicities", duplicities),
        ("service_pairs", pairs))}
    summary = {
        "as_of": as_of, "region": catalogue.region, "catalogue_as_of": catalogue.as_of,
        "open_cases": sum(int(r["open_cases"]) for r in case_rows),
        "cases_with_unmet": sum(int(r["cases_with_unmet"]) for r in case_rows),
        "unmet_needs": sum(int(r["unmet_needs"]) for r in need_rows),
        "holes": sum(h["status"] == "no_service" for h in holes),
        "needs_in_holes": sum(h["unmet_needs"] for h in holes if h["status"] == "no_service"),
        "no_place": sum(h["status"] in NO_PLACE for h in holes),
        "domains_without_service": [d.value for d in catalogue.uncovered_domains()],
        "services_over_capacity": len(over), "waiting_total": sum(s.waiting_list for s in catalogue.services),
        "multi_served_needs": sum(int(r["multi_served"]) for r in need_rows), "service_pairs": len(pairs),
        "unmapped_cases": sum(int(r["open_cases"]) for r in case_rows if not r["area_key"]),
    }
    return GapReport(as_of=as_of, catalogue=catalogue, frames=frames, summary=summary)


def gap_analysis(store_or_cases, catalogue: ServiceCatalogue | None = None, *, as_of: date | None = None,
                 areas: Mapping[str, str | None] | None = None, lang: str | None = None,
                 method: str = "auto") -> GapReport:
    """Holes and duplicities of the service network from the unmet needs of the cases open on ``as_of``.

    ``store_or_cases``: a :class:`~casekit.store.Store` (counted in SQL) or Case objects (pure Python);
    ``catalogue``: default the bundled example catalogue in ``lang`` (default: the current language);
    ``areas``: ``{municipality text: area id or None}`` where the automatic matching gets a place wrong.
    """
    from ..caseload.dashboard import case_list, is_store
    from .sources import from_cases, from_store

    as_of = as_of or date.today()
    if catalogue is None:
        from ..example_data import load_catalogue

        catalogue = load_catalogue(lang)
    if method not in ("auto", "sql", "python"):
        raise ValueError(f"method must be 'auto', 'sql' or 'python', not {method!r}")
    if is_store(store_or_cases):
        inputs = (from_cases(store_or_cases.cases(), as_of) if method == "python"
                  else from_store(store_or_cases, as_of))
    else:
        if method == "sql":
            raise ValueError("method='sql' needs a store")
        inputs = from_cases(case_list(store_or_cases), as_of)
    return build(*inputs, catalogue=catalogue, as_of=as_of, areas=areas)
