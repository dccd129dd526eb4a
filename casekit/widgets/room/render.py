"""A step's screen as the room sees it, charts included: one function for the room view and for the console with
privacy on (a small meeting may project the console itself)."""
from __future__ import annotations

from datetime import datetime, timezone

from ...anonymise.room import RoomCase
from ...conference.room_state import RoomState
from ...i18n import gettext
from ..shell.theme import chart_width
from . import screens
from .chart_case import chart_case, star_data


def screen_html(room: RoomCase | None, state: RoomState | None, step: str, *, lang: str, layout: str = "16:9",
                theme: str = "dark", now: datetime | None = None) -> str:
    view = screens.View(lang=lang, layout=layout, theme=theme, now=now or datetime.now(timezone.utc))
    if room is None or room.conference is None or step == "start":
        return screens.start(room, state, view)
    if step == "assessment":
        return screens.assessment(room, state, view, star(room, view))
    if step == "network":
        return screens.network(room, state, view, ecomap(room, lang, layout), ecomap_key_of(room, lang, layout))
    return screens.SCREENS[step](room, state, view)


def rater_labels(room: RoomCase) -> dict[str, str]:
    labels = {}
    for need in room.needs:
        for r in need.ratings:
            key = f"actor:{r.actor_id}" if r.actor_id else r.perspective
            labels[key] = f"{r.perspective_label}: {r.actor_label}" if r.actor_label else r.perspective_label
    return labels


def star(room: RoomCase, view: "screens.View | str", layout: str | None = None) -> str:
    """The needs star for the room: drawn for its box, spokes numbered as the grid's rows, the legend naming the
    raters as the grid's columns do."""
    from ...charts.base import colours_for
    from ...charts.svg.star import describe, star_box_svg

    if isinstance(view, str):  # star(room, lang, layout)
        view = screens.View(lang=view, layout=layout or "16:9")
    short = {key: label for key, label, _full in screens.rater_columns(room, view)}
    data = star_data(room, short, only_labelled=True)
    if data is None:
        return ""
    width, height = screens.chart_box(view.layout, "assessment")
    return star_box_svg(data, width=width, height=height, font_size=22, numbered=True,
                        colours=colours_for([s.perspective for s in data.series]),
                        title=gettext("room.star", view.lang), description=describe(data, view.lang))


def ecomap(room: RoomCase, lang: str, layout: str) -> str:
    """The ecomap for the room, drawn for its box (names whole, wrapped; 20–22 px)."""
    from ...charts.svg.ecomap import ecomap_box_svg

    conference = room.conference
    width, height = screens.chart_box(layout, "network")
    room = screens.ecomap_room(room, layout)[0]
    return ecomap_box_svg(chart_case(room), as_of=conference.date if conference else None, lang=lang,
                          width=width, height=height, font_size=22)


def ecomap_key_of(room: RoomCase, lang: str, layout: str = "16:9") -> tuple[list, list]:
    from ...charts.svg.ecomap import ecomap_key

    conference = room.conference
    room = screens.ecomap_room(room, layout)[0]
    return ecomap_key(chart_case(room), as_of=conference.date if conference else None, lang=lang, size=24)


def gas(room: RoomCase, lang: str, layout: str) -> str:
    from ...charts.svg.gas import gas_svg

    return gas_svg(chart_case(room), lang=lang, width=chart_width(layout, "wide"), font_size=22) or ""
