"""The counts the gap analysis starts from, from cases in memory or from a store in SQL (they agree).

Only cases open on ``as_of`` count (opened on or before, not closed by then). Three small grouped frames:

``NEEDS`` – per (municipality, target_group, domain):
    needs (all needs), unmet_needs (any perspective rates them unmet), high_unmet_needs (of those, high
    priority), cases (open cases with an unmet need in the domain), multi_served (needs linked to two or more
    different *formal* actors: possible duplicity; informal help next to a service is what the coordinated
    approach wants and is not counted).
``CASES`` – per (municipality, target_group): open_cases, cases_with_unmet.
``LINKS`` – per catalogue service id: cases (open cases with an actor linked to that service).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable

from ..caseload.sources import is_open, typed
from ..vocab import Priority

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..model import Case

NEEDS = {"municipality": "str", "target_group": "str", "domain": "str", "needs": "int", "unmet_needs": "int",
         "high_unmet_needs": "int", "cases": "int", "multi_served": "int"}
CASES = {"municipality": "str", "target_group": "str", "open_cases": "int", "cases_with_unmet": "int"}
LINKS = {"service_id": "str", "cases": "int"}
_NEED_KEYS = ["municipality", "target_group", "domain"]
_CASE_KEYS = ["municipality", "target_group"]


def _sorted(frame: "pd.DataFrame", keys: list[str], columns: dict) -> "pd.DataFrame":
    frame = typed(frame, columns)
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if len(frame) else frame


def from_cases(cases: Iterable["Case"], as_of: date) -> tuple["pd.DataFrame", "pd.DataFrame", "pd.DataFrame"]:
    import pandas as pd

    from ..frames import summary_row

    needs: dict[tuple, dict] = {}
    groups: dict[tuple, dict] = {}
    links: dict[str, set] = {}
    for case in cases:
        if not is_open(case.opened, case.closed, as_of):
            continue
        summary = summary_row(case)
        place = (summary["municipality"], summary["target_group"])
        formal = {a.id for a in case.actors if a.formal}
        group = groups.setdefault(place, {"open_cases": 0, "cases_with_unmet": 0})
        group["open_cases"] += 1
        group["cases_with_unmet"] += any(n.is_unmet() for n in case.needs)
        for need in case.needs:
            cell = needs.setdefault((*place, need.domain.value), {
                "needs": 0, "unmet_needs": 0, "high_unmet_needs": 0, "cases": set(), "multi_served": 0})
            unmet = need.is_unmet()
            cell["needs"] += 1
            cell["unmet_needs"] += unmet
            cell["high_unmet_needs"] += unmet and need.priority == Priority.HIGH
            if unmet:
                cell["cases"].add(case.id)
            cell["multi_served"] += len(formal.intersection(need.actor_ids)) >= 2
        for actor in case.actors:
            if actor.catalogue_id:
                links.setdefault(actor.catalogue_id, set()).add(case.id)
    need_rows = [{**dict(zip(_NEED_KEYS, key)), **value, "cases": len(value["cases"])} for key, value in needs.items()]
    case_rows = [{**dict(zip(_CASE_KEYS, key)), **value} for key, value in groups.items()]
    link_rows = [{"service_id": k, "cases": len(v)} for k, v in links.items()]
    return (_sorted(pd.DataFrame(need_rows), _NEED_KEYS, NEEDS), _sorted(pd.DataFrame(case_rows), _CASE_KEYS, CASES),
            _sorted(pd.DataFrame(link_rows), ["service_id"], LINKS))


def queries(bind, as_of: date) -> dict:
    """The three grouped statements (SQLAlchemy Core; SQLite and PostgreSQL)."""
    from sqlalchemy import and_, case as when, distinct, false, func, select, true

    from ..caseload import sqljson
    from ..store.schema import case_actors, case_needs, case_summary

    s, n, a = case_summary.c, case_needs.c, case_actors.c
    live = (s.deleted == false(), *sqljson.open_condition(as_of))
    links = sqljson.need_actor_links(bind, open_on=as_of).subquery("links")
    multi = (
        select(links.c.case_id, links.c.need_pos)
        .join(case_actors, and_(case_actors.c.case_id == links.c.case_id, case_actors.c.actor_id == links.c.actor_id))
        .where(case_actors.c.formal == true())
        .group_by(links.c.case_id, links.c.need_pos)
        .having(func.count(distinct(links.c.actor_id)) >= 2)
        .subquery("multi")
    )
    high = and_(n.any_unmet, n.priority == Priority.HIGH.value)
    needs = (
        select(s.municipality, s.target_group, n.domain, func.count().label("needs"),
               func.sum(when((n.any_unmet, 1), else_=0)).label("unmet_needs"),
               func.sum(when((high, 1), else_=0)).label("high_unmet_needs"),
               func.count(distinct(when((n.any_unmet, n.case_id)))).label("cases"),
               func.count(multi.c.need_pos).label("multi_served"))
        .select_from(case_needs)
        .join(case_summary, s.case_id == n.case_id)
        .outerjoin(multi, and_(multi.c.case_id == n.case_id, multi.c.need_pos == n.position))
        .where(*live)
        .group_by(s.municipality, s.target_group, n.domain)
    )
    per_case = (select(n.case_id, func.max(when((n.any_unmet, 1), else_=0)).label("unmet"))
                .group_by(n.case_id).subquery("per_case"))
    cases = (
        select(s.municipality, s.target_group, func.count().label("open_cases"),
               func.coalesce(func.sum(per_case.c.unmet), 0).label("cases_with_unmet"))
        .select_from(case_summary).outerjoin(per_case, per_case.c.case_id == s.case_id)
        .where(*live).group_by(s.municipality, s.target_group)
    )
    linked = (
        select(a.catalogue_id.label("service_id"), func.count(distinct(a.case_id)).label("cases"))
        .join(case_summary, s.case_id == a.case_id)
        .where(*live, a.catalogue_id.is_not(None)).group_by(a.catalogue_id)
    )
    return {"needs": needs, "cases": cases, "links": linked}


def from_store(store, as_of: date) -> tuple["pd.DataFrame", "pd.DataFrame", "pd.DataFrame"]:
    import pandas as pd

    from ..caseload.sources import frame_of

    with store.engine.connect() as conn:
        out = {name: frame_of(conn.execute(query)) for name, query in queries(conn, as_of).items()}
    return (_sorted(out["needs"], _NEED_KEYS, NEEDS), _sorted(out["cases"], _CASE_KEYS, CASES),
            _sorted(out["links"], ["service_id"], LINKS))
