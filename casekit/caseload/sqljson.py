"""Reading parts of the stored case documents in SQL, on SQLite and on PostgreSQL (SQLAlchemy Core).

The store's projection tables (``case_summary``, ``case_needs``, ``case_actors``, ``case_actions``) hold no
phase history, conferences, reviews, goals or need → actor links; the caseload and the gap analysis read those
from the case documents in ``records.data`` with the database's JSON functions: SQLite's ``json_each`` /
``json_extract`` and PostgreSQL's ``jsonb_array_elements`` / ``jsonb_each_text``.

Parsing the documents is the expensive part, so each document is parsed once per statement: a ``docs`` CTE
(materialised) keeps only the lists that are needed (``json_extract(data, '$.reviews')`` …; on PostgreSQL one
``CAST(data AS jsonb)`` per row behind an ``OFFSET 0`` fence). Everything here returns selectables with the same
columns on both backends:

``case_events(bind, docs)``
    case_id, kind ("phase", "conference", "review"), pos (position in its list), day (date)
``review_scores(bind, docs)``
    case_id, pos, day, swx, sw2, sw: per scored review the sums Σwᵢxᵢ, Σwᵢ², Σwᵢ over its scored goals
``need_actor_links(bind, open_on)``
    case_id, need_pos, actor_id: one row per actor linked to a need (of the cases open on a day)
"""
from __future__ import annotations

from sqlalchemy import (
    Date, Float, Integer, String, cast, column, false, func, literal, literal_column, select, true, type_coerce,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB

from ..store.schema import case_summary, records

#: The lists of a case document the caseload reads.
CASELOAD_PARTS = ("phase_history", "conferences", "reviews", "goals")


class _Json:
    """The JSON functions of one backend."""

    def __init__(self, dialect: str):
        self.pg = dialect == "postgresql"

    def elements(self, array, name: str, path: str | None = None):
        """A table of the elements of a JSON array (``path``: of the array inside ``array``): ``pos``, ``value``."""
        if self.pg:
            source = array.op("->")(path) if path else array
            fn = func.jsonb_array_elements(source).table_valued(column("value", JSONB), with_ordinality="pos")
            return fn.render_derived(name=name).lateral()
        args = (array, f"$.{path}") if path else (array,)
        return func.json_each(*args).table_valued(column("key", Integer), "value").alias(name)

    def pos(self, table):
        """0-based position of an element (the same on both backends)."""
        return (table.c.pos - literal_column("1")) if self.pg else table.c.key

    def entries(self, obj, key: str, name: str):
        """A table of the entries of object ``obj.key``: columns ``key`` and ``value`` (text)."""
        if self.pg:
            return func.jsonb_each_text(obj.op("->")(key)).table_valued(
                column("key", String), column("value", String)).render_derived(name=name).lateral()
        return func.json_each(obj, f"$.{key}").table_valued(column("key", String), "value").alias(name)

    def text(self, obj, key: str):
        return obj.op("->>")(key) if self.pg else func.json_extract(obj, f"$.{key}")

    def date(self, obj, key: str):
        if self.pg:
            return cast(self.text(obj, key), Date)
        # SQLite keeps dates as ISO text; type_coerce makes SQLAlchemy hand back datetime.date objects
        return type_coerce(func.json_extract(obj, f"$.{key}"), Date)

    def fetch_date(self, expr):
        """A date column as the driver gives it cheapest: ISO text on SQLite (parsed later in bulk), a date on
        PostgreSQL (psycopg converts in C)."""
        return expr if self.pg else type_coerce(expr, String)

    def number(self, value):
        return cast(value, Float) if self.pg else value


def json_for(bind) -> _Json:
    return _Json(bind.dialect.name)


def open_condition(as_of):
    """A case is open on ``as_of`` when it was opened on or before that day and not closed by then."""
    s = case_summary.c
    return (s.opened <= as_of, (s.closed.is_(None)) | (s.closed > as_of))


def _live_records(open_on=None):
    query = (select(records.c.id, records.c.data)
             .join(case_summary, case_summary.c.case_id == records.c.id)
             .where(records.c.kind == "case", records.c.deleted_at.is_(None), case_summary.c.deleted == false()))
    if open_on is not None:
        query = query.where(*open_condition(open_on))
    return query


def documents(bind, parts=CASELOAD_PARTS, *, open_on=None, name: str = "docs"):
    """CTE ``docs(case_id, <part>…)``: the named lists of the documents of the cases not deleted."""
    js = json_for(bind)
    live = _live_records(open_on).subquery("live")
    if js.pg:
        inner = (select(live.c.id, cast(live.c.data, JSONB).label("doc"))
                 .offset(0).subquery("parsed"))  # OFFSET 0: one cast per row, not one per part
        query = select(inner.c.id.label("case_id"), *[inner.c.doc.op("->")(p).label(p) for p in parts])
        return query.cte(name).prefix_with("MATERIALIZED")
    query = select(live.c.id.label("case_id"), *[func.json_extract(live.c.data, f"$.{p}").label(p) for p in parts])
    return query.cte(name).prefix_with("MATERIALIZED")


def case_events(bind, docs):
    js = json_for(bind)
    parts = []
    for kind, key in (("phase", "phase_history"), ("conference", "conferences"), ("review", "reviews")):
        element = js.elements(docs.c[key], f"ev_{kind}")
        parts.append(
            select(docs.c.case_id, literal(kind, String).label("kind"), js.pos(element).label("pos"),
                   js.date(element.c.value, "date").label("day"))
            .select_from(docs).join(element, true())
        )
    return union_all(*parts).subquery("events")


def review_scores(bind, docs, *, until=None):
    """Per scored review (dated on or before ``until``), the weighted sums the GAS T-score is made of."""
    js = json_for(bind)
    review = js.elements(docs.c.reviews, "rv")
    score = js.entries(review.c.value, "gas_scores", "sc")
    goal = js.elements(docs.c.goals, "gl")
    day = js.date(review.c.value, "date")
    weight = js.number(js.text(goal.c.value, "weight"))
    x = js.number(score.c.value)
    pos = js.pos(review)
    query = (
        select(docs.c.case_id, pos.label("pos"), day.label("day"),
               func.sum(weight * x).label("swx"), func.sum(weight * weight).label("sw2"), func.sum(weight).label("sw"))
        .select_from(docs).join(review, true()).join(score, true())
        .join(goal, js.text(goal.c.value, "id") == score.c.key)
        .group_by(docs.c.case_id, pos, day)
    )
    if until is not None:
        query = query.where(day <= until)
    return query


def need_actor_links(bind, *, open_on=None):
    """One row per (case, need position, linked actor id), read straight from the documents."""
    js = json_for(bind)
    live = _live_records(open_on).subquery("live")
    doc = cast(live.c.data, JSONB) if js.pg else live.c.data
    need = js.elements(doc, "nd", path="needs")
    if js.pg:
        actor = func.jsonb_array_elements_text(need.c.value.op("->")("actor_ids")).table_valued(
            column("value", String)).render_derived(name="na").lateral()
    else:
        actor = func.json_each(need.c.value, "$.actor_ids").table_valued("value").alias("na")
    return (select(live.c.id.label("case_id"), js.pos(need).label("need_pos"), actor.c.value.label("actor_id"))
            .select_from(live).join(need, true()).join(actor, true()))


__all__ = ["CASELOAD_PARTS", "case_events", "documents", "json_for", "need_actor_links", "open_condition",
           "review_scores"]
