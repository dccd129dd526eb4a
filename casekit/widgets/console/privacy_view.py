"""A console step with privacy on: what the room sees (the room view's screen of the step, from the whitelist
projection), and a note that names and texts are edited with privacy off. A small meeting may project the
console itself; the same rules then hold on it."""
from __future__ import annotations

from datetime import datetime, timezone

import ipywidgets as widgets

from .. import lean
from ..common import esc
from ..room.render import screen_html


def privacy_screen(screen) -> list[widgets.Widget]:
    from ...anonymise.projection import room_projection

    app = screen.app
    room = room_projection(screen.session.current, privacy=True, lang=screen.lang,
                           conference_id=screen.session.conference_id)
    html = screen_html(room, app.room_state, screen.key, lang=screen.lang, layout=app.layout_name,
                       theme=app.theme, now=datetime.now(timezone.utc))
    preview = lean.html(html)
    preview.add_class("casekit-room-preview")
    note = lean.html(f"<p>{esc(screen.label('console.privacy_note'))}</p>")
    note.add_class("casekit-privacy-note")
    return [note, preview, screen.message]
