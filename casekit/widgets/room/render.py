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
        return screens.assessment(room, state, view, star(room, lang, layout))
    if step == "network":
        return screens.network(room, state, view, ecomap(room, lang, layout))
    return screens.SCREENS[step](room, state, view)


def rater_labels(room: RoomCase) -> dict[str, str]:
    labels = {}
    for need in room.needs:
        for r in need.ratings:
            key = f"actor:{r.actor_id}" if r.actor_id else r.perspective
            labels[key] = f"{r.perspective_label}: {r.actor_label}" if r.actor_label else r.perspective_label
    return labels


def star(room: RoomCase, lang: str, layout: str) -> str:
    from ...charts.base import colours_for
    from ...charts.svg.star import describe, star_svg

    data = star_data(room, rater_labels(room))
    if data is None:
        return ""
    return star_svg(data, title="", legend_title=gettext("ui.chart.perspective", lang),
                    colours=colours_for([s.perspective for s in data.series]), width=chart_width(layout, "pane"),
                    font_size=22, lang=lang, description=describe(data, lang))


def ecomap(room: RoomCase, lang: str, layout: str) -> str:
    from ...charts.svg.ecomap import ecomap_svg

    conference = room.conference
    return ecomap_svg(chart_case(room), as_of=conference.date if conference else None, lang=lang, privacy=False,
                      width=chart_width(layout, "wide"), font_size=22)


def gas(room: RoomCase, lang: str, layout: str) -> str:
    from ...charts.svg.gas import gas_svg

    return gas_svg(chart_case(room), lang=lang, width=chart_width(layout, "wide"), font_size=22) or ""
