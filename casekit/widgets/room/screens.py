"""What the room sees, one screen per step: pure functions ``(room, state, view) -> HTML``.

``room`` is the whitelist projection of the case (:func:`casekit.anonymise.projection.room_projection`),
``state`` the console's :class:`~casekit.conference.room_state.RoomState` (step, timer), ``view`` the size and
language of the screen (:class:`View`). Each screen is laid out to fit the window without scrolling at
1280×720 (16:9) and 1024×768 (4:3), Czech first (its words are ~30 % longer), and to be read from the back of
the room: text 24 px or more, chart labels 20 px or more *on the screen* (charts are drawn for the box they fill,
:data:`CHART_BOXES`), contrast 7:1 or more, nothing clamped or shortened with "…" (texts wrap; lists, tables, the grid's
rows and columns and the ecomap's actors are capped by what fits, ``+3 more``; only a request longer than half
the screen ends with "…", the console has it whole). Long names leave the charts as numbers: the star's spokes are the grid's numbered
rows. Nothing here reads the case itself, so nothing the projection hides can reach the projector.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ...anonymise.room import RoomCase
from ...conference.room_state import RoomState
from ...i18n import format_date, gettext, ngettext
from ...vocab import ActionStatus, LifeDomain, NeedStatus, Perspective
from ..common import esc


@dataclass(frozen=True)
class View:
    lang: str
    layout: str = "16:9"
    theme: str = "dark"
    now: datetime | None = None
    #: rows of a list that fit one column of the screen (measured for 24 px text at 720 px height)
    rows: int = field(default=0)

    @property
    def four_three(self) -> bool:
        return self.layout == "4:3"

    @property
    def layout_key(self) -> str:
        return "4:3" if self.four_three else "16:9"

    def t(self, key: str, **params) -> str:
        return gettext(key, self.lang, **params)

    def fits(self, wanted: int) -> int:
        return self.rows or wanted


#: status → a sign the room reads without colour (colour only doubles it)
STATUS_SIGN = {NeedStatus.NO_NEED.value: "○", NeedStatus.MET.value: "◐", NeedStatus.UNMET.value: "●",
               NeedStatus.UNKNOWN.value: "?"}


def _more(view: View, hidden: int) -> str:
    return f"<li class='room-more'>{esc(view.t('room.more', count=hidden))}</li>" if hidden > 0 else ""


def _list(items: list[str], limit: int, view: View, css: str = "") -> str:
    shown = "".join(f"<li>{item}</li>" for item in items[:limit])
    return f"<ul class='room-list {css}'>{shown}{_more(view, len(items) - limit)}</ul>"


def _section(title: str, body: str, css: str = "") -> str:
    return f"<section class='room-box {css}'><h2>{esc(title)}</h2>{body}</section>"


def _empty(view: View, key: str = "room.nothing_yet") -> str:
    return f"<p class='room-empty'>{esc(view.t(key))}</p>"


# -- the timer ------------------------------------------------------------------------------------------------
def clock(seconds: float) -> str:
    seconds = int(round(abs(seconds)))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def timer_html(room: RoomCase, state: RoomState | None, view: View) -> str:
    """``Agenda 2/5 · 03:12 left`` (or over time), for the header of the room and the console."""
    conference = room.conference
    if conference is None or not conference.agenda or state is None:
        return ""
    timer = state.timer
    index = min(timer.agenda_index, len(conference.agenda) - 1)
    item = conference.agenda[index]
    left = timer.left(item.minutes, view.now)
    over = left < 0
    text = view.t("room.timer_over" if over else "room.timer_left", time=clock(left))
    css = "casekit-timer casekit-timer-over" if over else "casekit-timer"
    state_sign = "▶" if timer.running else "❚❚"
    return (f"<span class='{css}' data-left='{int(left)}'>{state_sign} {esc(view.t('room.item_of', number=index + 1, count=len(conference.agenda)))}"
            f" · {esc(text)}</span>")


# -- the screens ----------------------------------------------------------------------------------------------
def start(room: RoomCase | None, state: RoomState | None, view: View) -> str:
    waiting = view.t("room.waiting")
    label = esc(room.client.label) if room is not None else "casekit"
    return (f"<div class='room-screen room-start'><div class='room-welcome'><p class='room-big'>{label}</p>"
            f"<p>{esc(waiting)}</p></div></div>")


def opening(room: RoomCase, state: RoomState | None, view: View) -> str:
    conference = room.conference
    limit = 9 if view.four_three else 8
    people = []
    for p in conference.participants:
        mark = "✓" if p.attended else "–"
        status = view.t("room.present" if p.attended else "room.absent")
        people.append(f"<span class='room-mark' title='{esc(status)}'>{mark}</span> <b>{esc(p.label)}</b> "
                      f"<span class='room-muted'>{esc(p.role_label)}</span>")
    index = state.timer.agenda_index if state is not None else 0
    agenda = []
    for number, item in enumerate(conference.agenda):
        current = " class='room-current'" if number == index else ""
        agenda.append(f"<li{current}><span class='room-agenda-title'>{esc(item.title)}</span>"
                      f"<span class='room-minutes'>{esc(view.t('room.minutes', count=item.minutes))}</span></li>")
    start_at = max(0, index - 1)
    agenda_html = (f"<ol class='room-agenda' start='{start_at + 1}'>{''.join(agenda[start_at:start_at + limit])}"
                   f"{_more(view, len(agenda) - start_at - limit)}</ol>") if agenda else _empty(view)
    who = _list(people, limit, view, "room-people") if people else _empty(view)
    return (f"<div class='room-screen room-two'>{_section(view.t('room.who_is_here'), who)}"
            f"{_section(view.t('room.agenda'), agenda_html)}</div>")


#: Story's texts: the request at 28 px, the lists at 26 px (line height 1.25), and their widths by layout
REQUEST_PX, ITEM_PX = 28, 26


def _text_lines(text: str, width_px: float, font_px: float) -> int:
    return _lines(text, width_px * 24 / font_px)


def _fitting(items: list[str], width_px: float, height_px: float) -> int:
    """How many of ``items`` (26 px, whole) fit ``height_px``, leaving a line for "+N more" when not all do."""
    line = ITEM_PX * 1.25
    heights = [_text_lines(item, width_px - 6, ITEM_PX) * line + 8 for item in items]
    if sum(heights) <= height_px:
        return len(items)
    budget, shown = height_px - line - 8, 0
    for height in heights:
        if height > budget:
            break
        budget -= height
        shown += 1
    return shown


def story(room: RoomCase, state: RoomState | None, view: View) -> str:
    """The request, the strengths and the wishes, whole (no text clamped): three columns in 16:9 when the request
    fits its column, else the request across the screen and the two lists under it, each as many items as fit,
    then "+N more". A request too long for half the screen ends with "…" and the console has it whole."""
    width, height = SCREEN_BOXES[view.layout_key]
    column = (width - 2 * 18) / 3
    request_line = REQUEST_PX * 1.25
    text = room.request.strip()
    wide = view.four_three or _text_lines(text, column, REQUEST_PX) * request_line > height - H2_PX
    if wide:
        most = int((height / 2 - H2_PX) // request_line)
        if _text_lines(text, width, REQUEST_PX) > most:
            words = text.split()
            while words and _text_lines(" ".join(words) + " …", width, REQUEST_PX) > most:
                words.pop()
            text = " ".join(words) + " …"
        lists_height = height - H2_PX - _text_lines(text, width, REQUEST_PX) * request_line - 10 - H2_PX
        lists_width = (width - 18) / 2
    else:
        lists_height, lists_width = height - H2_PX, column
    request = f"<p class='room-request'>{esc(text)}</p>" if text else _empty(view)
    lists = []
    for items in (room.strengths, room.wishes):
        shown = _fitting(list(items), lists_width, lists_height)
        lists.append(_list([esc(item) for item in items], shown, view) if items else _empty(view))
    layout = " room-story-wide" if wide else ""
    return (f"<div class='room-screen room-three{layout}'>{_section(view.t('room.request'), request, 'room-wide')}"
            f"{_section(view.t('room.strengths'), lists[0])}{_section(view.t('room.wishes'), lists[1])}</div>")


def _rater_labels(room: RoomCase, view: View) -> list[tuple[str, str]]:
    raters: list[tuple[str, str]] = []
    for need in room.needs:
        for rating in need.ratings:
            key = f"actor:{rating.actor_id}" if rating.perspective == Perspective.ACTOR.value else rating.perspective
            if key not in [k for k, _ in raters]:
                raters.append((key, rating.actor_label or rating.perspective_label
                               if rating.perspective == Perspective.ACTOR.value else rating.perspective_label))
    order = {"client": 0, "worker": 1}
    raters.sort(key=lambda r: order.get(r[0], 2))
    return raters


#: how many actors' views get a column of the grid and a series of the star (a case of years gathers the ratings
#: of dozens of actors); the client and the worker always do. The actors at this conference come first.
ACTOR_COLUMNS = {"16:9": 3, "4:3": 2}


def _shown_raters(room: RoomCase, view: View) -> tuple[list[tuple[str, str]], int]:
    """The raters the room shows, and how many actors' views it leaves to the console."""
    raters = _rater_labels(room, view)
    here = {f"actor:{p.actor_id}" for p in room.conference.participants if p.actor_id} if room.conference else set()
    actors = [r for r in raters if r[0].startswith("actor:")]
    chosen = {key for key, _ in sorted(actors, key=lambda r: r[0] not in here)[:ACTOR_COLUMNS[view.layout_key]]}
    return [r for r in raters if not r[0].startswith("actor:") or r[0] in chosen], max(len(actors) - len(chosen), 0)


def rater_columns(room: RoomCase, view: View) -> list[tuple[str, str, str]]:
    """The raters as the grid's columns and the star's legend name them: ``(key, short, full)``: the client, the
    worker and at most :data:`ACTOR_COLUMNS` actors. Actors are numbered (A1, A2 …: their names would make the
    columns too wide); in 4:3 the client and the worker go by their initial too. A key under the star says who
    is who."""
    columns = []
    actors = 0
    for key, label in _shown_raters(room, view)[0]:
        if key.startswith("actor:"):
            actors += 1
            columns.append((key, view.t("room.actor_short", number=actors), label))
        else:
            columns.append((key, label[:1].upper() if view.four_three else label, label))
    return columns


def rated_domains(room: RoomCase) -> list[str]:
    """The rated life domains in the order of the star's spokes (their numbers are the grid's row numbers)."""
    return [d.value for d in LifeDomain if any(n.domain == d.value and n.ratings for n in room.needs)]


#: the grid's box (px, 24 px text) in each layout: the body's width less the star's column, its height less the
#: count of unmet needs above the table
GRID_BOXES = {"16:9": ((1256 - 18) * 8 / 13, 620 - 40), "4:3": ((1000 - 18) * 3 / 5, 668 - 40)}


def _grid_rows(rated: list, raters: list, view: View) -> tuple[list, int]:
    """The rows that fit the grid's box, in their order: every row when all fit; else the rows where a need is
    unmet or views differ first, then the others, as many as fit. Returns the rows and how many are left out."""
    width, height = GRID_BOXES[view.layout_key]
    columns = sum(max(len(short), 4) * CHAR_PX + 14 for _key, short, _full in raters)  # "◐ 3" is bold
    label_px = width - 2.2 * 24 - columns - 14
    row_px = {need.id: _lines(need.domain_label + (" ⚠" if need.disagreement else ""), label_px) * ROW_LINE_PX + 1
              for need in rated}
    budget = height - ROW_LINE_PX - 2  # the head
    if sum(row_px.values()) <= budget:
        return rated, 0
    # the lines saying how many more, at their longest
    budget -= _lines(_more_note(len(rated), len(rated), view), width) * LINE_PX + 4
    chosen = set()
    for need in sorted(rated, key=lambda n: not (n.unmet or n.disagreement)):
        if row_px[need.id] > budget:
            break
        budget -= row_px[need.id]
        chosen.add(need.id)
    return [n for n in rated if n.id in chosen], len(rated) - len(chosen)


def _more_note(domains: int, views: int, view: View) -> str:
    """"+6 more life domains on the console · +22 more actors' views on the console" (either part, or "")."""
    more = [ngettext("room.more_domains", domains, view.lang)] if domains else []
    if views:
        more.append(ngettext("room.more_views", views, view.lang))
    return " · ".join(more)


def grid_html(room: RoomCase, view: View) -> str:
    """The domain × perspective grid: a sign and the severity per rating; a row where views differ is marked.
    Rows are numbered as the star's spokes. As many rows as fit one screen (the ones to talk about first), then
    how many domains and actors' views are on the console."""
    raters = rater_columns(room, view)
    numbers = {domain: n for n, domain in enumerate(rated_domains(room), start=1)}
    rated = sorted((n for n in room.needs if n.ratings), key=lambda n: numbers.get(n.domain, 99))
    if not rated:
        return _empty(view, "room.no_ratings")
    rated, hidden = _grid_rows(rated, raters, view)
    head = "".join(f"<th title='{esc(full)}'>{esc(short)}</th>" for _, short, full in raters)
    rows = []
    for need in rated:
        by_key = {(f"actor:{r.actor_id}" if r.perspective == Perspective.ACTOR.value else r.perspective): r
                  for r in need.ratings}
        cells = []
        for key, _, _ in raters:
            r = by_key.get(key)
            if r is None:
                cells.append("<td class='room-none'>·</td>")
                continue
            severity = f" {r.severity}" if r.severity is not None else ""
            cells.append(f"<td class='room-status-{r.status}' title='{esc(r.status_label)}'>"
                         f"{STATUS_SIGN.get(r.status, '?')}{severity}</td>")
        flag = "&nbsp;<span class='room-flag' title='{0}'>⚠</span>".format(esc(view.t("room.views_differ"))) \
            if need.disagreement else ""
        css = " class='casekit-disagree'" if need.disagreement else ""
        rows.append(f"<tr{css}><td class='room-number'>{numbers.get(need.domain, '')}</td>"
                    f"<th>{esc(need.domain_label)}{flag}</th>{''.join(cells)}</tr>")
    more = _more_note(hidden, _shown_raters(room, view)[1], view)
    note = f"<p class='room-more'>{esc(more)}</p>" if more else ""
    return (f"<table class='room-grid'><thead><tr><th></th><th></th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{note}")


def grid_key(room: RoomCase, view: View) -> str:
    """What the signs of the grid mean and who its short columns are."""
    signs = "".join(f"<li>{STATUS_SIGN[s.value]} {esc(s.label(view.lang))}</li>" for s in
                    (NeedStatus.UNMET, NeedStatus.MET, NeedStatus.NO_NEED, NeedStatus.UNKNOWN))
    signs += f"<li><span class='room-flag'>⚠</span> {esc(view.t('room.views_differ'))}</li>"
    who = "".join(f"<li><b>{esc(short)}</b> = {esc(full)}</li>" for _, short, full in rater_columns(room, view)
                  if short != full)
    return f"<ul class='room-key'>{signs}</ul>" + (f"<ul class='room-key room-who'>{who}</ul>" if who else "")


def assessment(room: RoomCase, state: RoomState | None, view: View, star_svg: str = "") -> str:
    star = f"<div class='room-chart'>{star_svg}</div>" if star_svg else _empty(view, "room.no_ratings")
    unmet = sum(1 for n in room.needs if n.unmet)
    summary = f"<p class='room-count'>{esc(ngettext('ui.unmet_needs', unmet, view.lang))}</p>"
    key = grid_key(room, view) if any(n.ratings for n in room.needs) else ""
    return (f"<div class='room-screen room-split room-assessment'>"
            f"<section class='room-box room-chart-box' aria-label='{esc(view.t('room.star'))}'>{star}{key}</section>"
            f"<section class='room-box room-grid-box' aria-label='{esc(view.t('room.grid'))}'>{summary}"
            f"{grid_html(room, view)}</section></div>")


#: the most actors the room's ecomap draws with names of 20 px or more (measured in Chromium on the 5-year case:
#: 40 actors overlapped; a case of years gathers dozens)
ECOMAP_ACTORS = {"16:9": 24, "4:3": 22}


def ecomap_room(room: RoomCase, layout: str = "16:9") -> tuple[RoomCase, int]:
    """The room with the actors its ecomap draws: those at this conference, then those on an unmet need, then on
    any need, then the rest, at most :data:`ECOMAP_ACTORS`; and how many are left to the console."""
    most = ECOMAP_ACTORS["4:3" if layout == "4:3" else "16:9"]
    if len(room.actors) <= most:
        return room, 0
    here = {p.actor_id for p in room.conference.participants if p.actor_id} if room.conference else set()
    unmet = {actor_id for need in room.needs if need.unmet for actor_id in need.actor_ids}
    linked = {actor_id for need in room.needs for actor_id in need.actor_ids}
    ranked = sorted(room.actors, key=lambda a: (a.id not in here, a.id not in unmet, a.id not in linked, a.number))
    keep = {a.id for a in ranked[:most]}
    needs = tuple(n.model_copy(update={"actor_ids": tuple(i for i in n.actor_ids if i in keep)}) for n in room.needs)
    drawn = room.model_copy(update={"actors": tuple(a for a in room.actors if a.id in keep), "needs": needs})
    return drawn, len(room.actors) - len(keep)


def network(room: RoomCase, state: RoomState | None, view: View, ecomap_svg: str = "",
            key: tuple[list, list] | None = None) -> str:
    """The ecomap filling its pane, the sectors under it; beside it the unmet needs nobody has, the counts and
    the key of the lines and marks (``key``: :func:`casekit.charts.svg.ecomap.ecomap_key`)."""
    marks, sectors = key or ([], [])
    if not ecomap_svg:
        marks, sectors = [], []
    else:  # the whole key under the map
        marks, sectors = [], marks + sectors
    chart = f"<div class='room-chart'>{ecomap_svg}</div>" if ecomap_svg else _empty(view, "room.no_network")
    if sectors:
        chart += "<ul class='room-key room-sectors'>" + "".join(
            f"<li>{swatch} {esc(label)}</li>" for swatch, label in sectors) + "</ul>"
    served = {actor_id for need in room.needs for actor_id in need.actor_ids}
    nobody = [n for n in room.needs if n.unmet and not n.actor_ids]
    items = [f"<span class='room-gap'>● {esc(n.domain_label)}</span>" for n in nobody]
    gaps = _list(items, 5 if view.four_three else 6, view) if items else _empty(view, "room.no_gaps")
    informal = sum(1 for a in room.actors if not a.formal)
    facts = (f"<p class='room-muted'>{esc(view.t('room.network_counts', actors=len(room.actors), informal=informal, linked=len(served)))}</p>")
    hidden = ecomap_room(room, view.layout)[1] if ecomap_svg else 0
    if hidden:
        facts += f"<p class='room-more'>{esc(ngettext('room.more_actors', hidden, view.lang))}</p>"
    legend = ("<ul class='room-key room-marks'>" + "".join(f"<li>{swatch} {esc(label)}</li>" for swatch, label in marks)
              + "</ul>") if marks else ""
    return (f"<div class='room-screen room-network'>"
            f"<section class='room-box room-chart-box' aria-label='{esc(view.t('room.ecomap'))}'>{chart}</section>"
            f"{_section(view.t('room.unmet_nobody'), gaps + facts + legend, 'room-side')}</div>")


def _ladder(goal, view: View) -> str:
    rungs = []
    for level in reversed(goal.levels):  # +2 on top, as a ladder
        css = " class='room-baseline'" if level.level == goal.baseline else ""
        sign = f"{level.level:+d}" if level.level else "0"
        text = esc(level.text) if level.text else "<span class='room-muted'>–</span>"
        rungs.append(f"<li{css}><b>{sign}</b> <span class='room-line'>{text}</span></li>")
    return f"<ol class='room-ladder'>{''.join(rungs)}</ol>"


def _action_rows(actions, view: View, limit: int) -> str:
    if not actions:
        return _empty(view, "room.no_actions")
    rows = []
    for action in actions[:limit]:
        due = format_date(action.due, view.lang, empty="–")
        css = " class='room-overdue'" if action.due and action.due < (view.now or datetime.now()).date() \
            and action.status not in (ActionStatus.DONE.value, ActionStatus.CANCELLED.value) else ""
        rows.append(f"<tr{css}><td>{esc(action.what)}</td><td>{esc(action.owner_label)}</td>"
                    f"<td class='room-nowrap'>{esc(due)}</td></tr>")
    more = (f"<tr><td colspan='3' class='room-more'>{esc(view.t('room.more', count=len(actions) - limit))}</td></tr>"
            if len(actions) > limit else "")
    head = (f"<tr><th>{esc(view.t('room.what'))}</th><th>{esc(view.t('room.who'))}</th>"
            f"<th>{esc(view.t('room.by_when'))}</th></tr>")
    return f"<table class='room-table room-actions'><thead>{head}</thead><tbody>{''.join(rows)}{more}</tbody></table>"


def _open_actions(room: RoomCase) -> list:
    done = (ActionStatus.DONE.value, ActionStatus.CANCELLED.value)
    return sorted((a for a in room.actions if a.status not in done), key=lambda a: (a.due or date.max, a.id))


def plan_actions(room: RoomCase) -> list:
    """The actions in the order Plan shows them: the open ones first, the nearest due date first (no date last);
    then the done and cancelled ones, the latest due date first (what was just finished, not last year's)."""
    done = (ActionStatus.DONE.value, ActionStatus.CANCELLED.value)
    closed = sorted((a for a in room.actions if a.status in done), key=lambda a: a.id)
    closed.sort(key=lambda a: a.due or date.min, reverse=True)
    return _open_actions(room) + closed


def open_goal(room: RoomCase, state: RoomState | None):
    """The goal whose ladder is open on the console's Plan (``revealed["plan_goal"]``), ``None`` when no ladder
    is open there (or its goal is gone)."""
    wanted = state.revealed.get("plan_goal") if state is not None else None
    return next((g for g in room.goals if g.id == wanted), None) if wanted else None


# -- what fits Plan: the room's screen below its heading, at the size each layout is meant for ------------------
#: width and height (CSS px) of ``.room-screen`` at 1280×720 (16:9) and 1024×768 (4:3), measured in Chromium
SCREEN_BOXES = {"16:9": (1256, 620), "4:3": (1000, 668)}
#: a character of 24 px text: DejaVu Sans (wider than most sans fonts) averages 12.2 px over the examples' goals
#: and actions in both languages, 13.5 px on the widest; an estimate that errs towards fewer rows, never towards
#: a row below the window
CHAR_PX = 13.8
LINE_PX = 24 * 1.2  # a line of the goals' list
ROW_LINE_PX = 24 * 1.12  # a line of a table's cell
H2_PX = 28 * 1.15 + 6
#: Plan's actions table: the date and status columns (em of 24 px), the rest shared by what and who
DUE_EM, STATUS_EM, WHO_SHARE = 7.0, 7.5, 0.27


def _lines(text: str, width_px: float) -> int:
    """How many lines ``text`` wraps to in a box ``width_px`` wide (greedy, by words; a word too long for a line
    breaks, as ``overflow-wrap: anywhere`` does)."""
    chars = max(1, int(width_px / CHAR_PX))
    lines, used = 1, 0
    for word in text.split():
        while len(word) > chars:  # broken anywhere
            if used:
                lines, used = lines + 1, 0
            word = word[chars:]
            lines += 1
        if used == 0:
            used = len(word)
        elif used + 1 + len(word) <= chars:
            used += 1 + len(word)
        else:
            lines, used = lines + 1, len(word)
    return lines


def _action_columns(view: View) -> tuple[float, float]:
    """The width (px) of the what and the who columns of Plan's actions table."""
    width = SCREEN_BOXES["4:3" if view.four_three else "16:9"][0]
    shared = width - (DUE_EM + STATUS_EM) * 24
    return shared * (1 - WHO_SHARE), shared * WHO_SHARE


def _action_row_px(action, view: View) -> float:
    what, who = _action_columns(view)
    padding = 12 + 2  # the cell's padding and borders
    return max(_lines(action.what, what - padding), _lines(action.owner_label, who - padding), 1) * ROW_LINE_PX + 1


def _plan_goals(room: RoomCase, view: View, shown, limit: int) -> tuple[str, int]:
    """The numbered goals (the goal whose ladder is open marked), at most ``limit``, and their height in px."""
    number = {g.id: n for n, g in enumerate(room.goals, start=1)}
    at = number[shown.id] if shown is not None else 1
    first = max(0, min(at - limit, len(room.goals) - limit))  # the open goal always listed
    listed = room.goals[first:first + limit]
    items = []
    for goal in listed:
        current = " class='room-current'" if shown is not None and goal.id == shown.id else ""
        items.append(f"<li{current}><b class='room-number'>{number[goal.id]}</b> <span>{esc(goal.text)}</span></li>")
    hidden = len(room.goals) - len(items)
    html = f"<ol class='room-goals'>{''.join(items)}</ol>"
    text_px = SCREEN_BOXES["4:3" if view.four_three else "16:9"][0] - 1.7 * 24
    height = H2_PX + sum(_lines(g.text, text_px) * LINE_PX + 8 for g in listed)
    if hidden > 0:
        html += f"<p class='room-more'>{esc(view.t('room.more_goals', count=hidden))}</p>"
        height += LINE_PX * 2
    return html, height


def plan_actions_table(actions: list, view: View, height_px: float) -> tuple[str, int]:
    """Plan's actions table in ``height_px``: what, who, by when, status, in the order given, as many as fit, then
    ``+N more actions``. Returns the HTML and how many actions it shows."""
    if not actions:
        return _empty(view, "room.no_actions"), 0
    more_px = 24 * 1.25 + 4
    budget = height_px - ROW_LINE_PX - 2  # the head
    shown = 0
    for n, action in enumerate(actions):
        row = _action_row_px(action, view)
        last = n == len(actions) - 1
        if row > budget - (0 if last else more_px):
            break
        budget -= row
        shown += 1
    today = (view.now or datetime.now()).date()
    closed = (ActionStatus.DONE.value, ActionStatus.CANCELLED.value)
    rows = []
    for action in actions[:shown]:
        due = format_date(action.due, view.lang, empty="–")
        if action.status in closed:
            css = " class='room-closed'"
        elif action.due and action.due < today:
            css = " class='room-overdue'"
        else:
            css = ""
        rows.append(f"<tr{css}><td>{esc(action.what)}</td><td>{esc(action.owner_label)}</td>"
                    f"<td class='room-nowrap'>{esc(due)}</td><td>{esc(action.status_label)}</td></tr>")
    what, who = _action_columns(view)
    cols = (f"<colgroup><col style='width:{what:.0f}px'><col style='width:{who:.0f}px'>"
            f"<col style='width:{DUE_EM}em'><col style='width:{STATUS_EM}em'></colgroup>")
    head = (f"<tr><th>{esc(view.t('room.what'))}</th><th>{esc(view.t('room.who'))}</th>"
            f"<th>{esc(view.t('room.by_when'))}</th><th>{esc(view.t('field.status'))}</th></tr>")
    html = (f"<table class='room-table room-plan-actions'>{cols}<thead>{head}</thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    hidden = len(actions) - shown
    if hidden > 0:
        html += f"<p class='room-more'>{esc(ngettext('room.more_actions', hidden, view.lang))}</p>"
    return html, shown


def plan(room: RoomCase, state: RoomState | None, view: View) -> str:
    """Plan as the room sees it. While the console has a goal's GAS ladder open (``revealed["plan_goal"]``): the
    numbered goals and that whole ladder. Otherwise the numbered goals and the actions: what, who, by when and
    status, the open ones first, as many as fit the screen, then ``+N more actions``."""
    shown = open_goal(room, state)
    if shown is not None:
        goals, _height = _plan_goals(room, view, shown, 6)
        title = f"{view.t('room.goal')} {room.goals.index(shown) + 1}"
        return (f"<div class='room-screen room-plan'>{_section(view.t('room.goals'), goals, 'room-goal-list')}"
                f"{_section(title, _ladder(shown, view), 'room-goal-ladder')}</div>")
    screen = SCREEN_BOXES["4:3" if view.four_three else "16:9"][1]
    if room.goals:  # up to five goals, in at most 40 % of the screen: the actions get the rest
        limit = 5
        goals, height = _plan_goals(room, view, None, limit)
        while limit > 1 and height > 0.4 * screen:
            limit -= 1
            goals, height = _plan_goals(room, view, None, limit)
    else:
        goals, height = _empty(view, "room.no_goals"), H2_PX + LINE_PX * 1.25
    left = screen - height - 10 - H2_PX
    actions, _count = plan_actions_table(plan_actions(room), view, left)
    return (f"<div class='room-screen room-plan room-plan-actions-view'>"
            f"{_section(view.t('room.goals'), goals, 'room-goal-list')}"
            f"{_section(view.t('room.actions'), actions, 'room-actions-box')}</div>")


def gas_table(room: RoomCase, view: View) -> str:
    """Goal attainment over the reviews as a table the back of the room can read: one row per goal, its level
    (−2 … +2) at the baseline and at the last reviews."""
    reviews = sorted((r for r in room.reviews if r.gas_scores), key=lambda r: (r.date, r.id))[-3:]
    if not room.goals or not reviews:
        return _empty(view, "room.no_reviews")
    head = "".join(f"<th class='room-level-head'>{esc(format_date(r.date, view.lang))}</th>" for r in reviews)
    rows = []
    number = {g.id: n for n, g in enumerate(room.goals, start=1)}
    listed = _review_goals(room, view, len(reviews))
    for goal in listed:
        scores = [next((s.score for s in r.gas_scores if s.goal_id == goal.id), None) for r in reviews]
        cells = "".join(f"<td class='room-level room-level-{'up' if v is not None and v > goal.baseline else 'same'}'>"
                        f"{'–' if v is None else (f'{v:+d}' if v else '0')}</td>" for v in scores)
        rows.append(f"<tr><td class='room-number'>{number[goal.id]}</td><td>{esc(goal.text)}</td>"
                    f"<td class='room-level'>{goal.baseline:+d}</td>{cells}</tr>")
    hidden = len(room.goals) - len(listed)
    more = f"<p class='room-more'>{esc(view.t('room.more_goals', count=hidden))}</p>" if hidden else ""
    return (f"<table class='room-table room-gas'><thead><tr><th></th><th>{esc(view.t('room.goal'))}</th>"
            f"<th class='room-level-head'>{esc(view.t('room.baseline'))}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{more}")


#: Review's table: its width and the height its rows may take (px) in each layout: the screen less the heading,
#: a head of dates in up to three lines, the "+N more goals" line and, in 4:3, the action counts under it
REVIEW_BOXES = {"16:9": ((1256 - 18) * 3 / 4, 620 - H2_PX - 3 * ROW_LINE_PX - 40),
                "4:3": (1000, 668 - H2_PX - 3 * ROW_LINE_PX - 40 - (H2_PX + 2 * LINE_PX + 30))}
LEVEL_COLUMN_PX = 4.2 * 24 + 14  # th.room-level-head: 4.2em, and its padding


def _review_goals(room: RoomCase, view: View, reviews: int) -> list:
    """The latest goals whose rows fit Review's table (at most six), in their order."""
    width, budget = REVIEW_BOXES[view.layout_key]
    text_px = width - 2.2 * 24 - (1 + reviews) * LEVEL_COLUMN_PX - 14
    listed = []
    for goal in reversed(room.goals[-6:]):
        row = _lines(goal.text, text_px) * ROW_LINE_PX + 1
        if row > budget and listed:
            break
        budget -= row
        listed.append(goal)
    return listed[::-1]


def review(room: RoomCase, state: RoomState | None, view: View) -> str:
    counts: dict[str, int] = {}
    for action in room.actions:
        counts[action.status_label] = counts.get(action.status_label, 0) + 1
    facts = "".join(f"<li><b>{count}</b> {esc(label)}</li>" for label, count in counts.items())
    facts_html = f"<ul class='room-list room-facts'>{facts}</ul>" if facts else _empty(view, "room.no_actions")
    return (f"<div class='room-screen room-review'>{_section(view.t('room.progress'), gas_table(room, view))}"
            f"{_section(view.t('room.action_states'), facts_html, 'room-side')}</div>")


def close(room: RoomCase, state: RoomState | None, view: View) -> str:
    conference = room.conference
    items = []
    for decision in conference.decisions:
        dissent = ""
        if decision.dissent:
            who = ", ".join(decision.dissent_by) or view.t("room.someone")
            dissent = f" <span class='room-dissent'>({esc(view.t('room.dissent_by', who=who))})</span>"
        items.append(f"{esc(decision.text)}{dissent}")
    decisions = _list(items, 4, view, "room-decisions") if items else _empty(view, "room.no_decisions")
    nxt = format_date(conference.next_review, view.lang, empty="–")
    agreed = [room.action(a) for a in conference.action_ids if room.action(a) is not None] or _open_actions(room)
    actions = _action_rows(agreed, view, 4)
    next_review = f"<p class='room-next'><b>{esc(view.t('room.next_review'))}:</b> {esc(nxt)}</p>"
    return (f"<div class='room-screen room-split room-close'>{_section(view.t('room.decisions'), decisions + next_review)}"
            f"{_section(view.t('room.who_what_when'), actions)}</div>")


SCREENS = {"start": start, "opening": opening, "story": story, "assessment": assessment, "network": network,
           "plan": plan, "review": review, "close": close}


#: The box (width, height in pixels) a chart of the room is drawn for, per layout, at the size the layout is meant
#: for (16:9 at 1280×720, 4:3 at 1024×768), measured in Chromium: drawn for its box, a 22 px label is 22 px on
#: the screen. The SVG still scales with its box in other windows.
CHART_BOXES = {"16:9": {"assessment": (470, 455), "network": (920, 460)},
               "4:3": {"assessment": (388, 418), "network": (990, 400)}}


def chart_box(layout: str, step: str) -> tuple[int, int]:
    return CHART_BOXES.get(layout, CHART_BOXES["16:9"])[step]


def room_css(c: dict[str, str], layout: str) -> str:
    """The room view's rules: every screen is a grid exactly as tall as the body; no text under 24 px (the
    charts' labels 20 px or more), nothing clamped or cut, contrast 7:1 or more."""
    four_three = layout == "4:3"
    r = ".casekit-room-app"
    # the row of a grid where views differ: dark enough behind every text colour for 7:1
    disagree = "#2e1600" if c["bg"] == "#000000" else c["highlight"]
    return f"""
{r} .casekit-body {{ overflow: hidden !important; padding-bottom: 0 !important; }}
{r} .room-host {{ margin: 0 !important; }}
{r} .room-host, {r} .room-host > .widget-html-content {{ height: 100%; width: 100%; }}
{r} .room-screen {{ height: 100%; box-sizing: border-box; display: grid; gap: 10px 18px; padding: 2px 0 0 0;
  font-size: 26px; line-height: 1.25; overflow: hidden; }}
{r} .room-two, {r} .room-split {{ grid-template-columns: 1fr 1fr; grid-template-rows: minmax(0, 1fr); }}
{r} .room-split {{ grid-template-columns: {'2fr 3fr' if four_three else '5fr 6fr'}; }}
{r} .room-split.room-assessment {{ grid-template-columns: {'2fr 3fr' if four_three else '5fr 8fr'}; }}
{r} .room-three {{ grid-template-columns: {'1fr 1fr' if four_three else '1fr 1fr 1fr'};
  grid-template-rows: {'auto minmax(0, 1fr)' if four_three else 'minmax(0, 1fr)'}; }}
{r} .room-three .room-wide {{ {'grid-column: 1 / -1;' if four_three else ''} }}
{r} .room-three.room-story-wide {{ grid-template-columns: 1fr 1fr; grid-template-rows: auto minmax(0, 1fr); }}
{r} .room-three.room-story-wide .room-wide {{ grid-column: 1 / -1; }}
{r} .room-network {{ grid-template-columns: {'1fr' if four_three else '3fr 1fr'};
  grid-template-rows: {'minmax(0, 1fr) auto' if four_three else 'minmax(0, 1fr)'}; }}
{r} .room-network .room-side .room-list {{ {'display: flex; flex-wrap: wrap; gap: 0 24px;' if four_three else ''} }}
{r} .room-network .room-side p {{ margin: 0; }}
{r} .room-review {{ grid-template-columns: {'1fr' if four_three else '3fr 1fr'};
  grid-template-rows: {'auto auto' if four_three else 'minmax(0, 1fr)'}; align-content: start; }}
{r} .room-plan {{ grid-template-columns: {'1fr' if four_three else '5fr 6fr'};
  grid-template-rows: {'auto auto' if four_three else 'minmax(0, 1fr)'}; align-content: start; }}
{r} .room-box {{ min-height: 0; min-width: 0; overflow: hidden; display: flex; flex-direction: column; }}
{r} .room-box h2 {{ font-size: 28px; margin: 0 0 6px 0; color: {c['accent']}; font-weight: 800; flex: 0 0 auto;
  line-height: 1.15; }}
{r} .room-chart-box .room-chart {{ flex: 1 1 auto; min-height: 0; display: flex; align-items: flex-start;
  justify-content: center; }}
{r} .room-chart svg {{ width: 100% !important; height: 100% !important; max-height: 100%;
  background: {c['chart_bg']}; border-radius: 6px; }}
{r} .room-list {{ list-style: none; margin: 0; padding: 0; }}
{r} .room-list li {{ margin: 0 0 8px 0; padding-left: 0.2em; }}
{r} .room-people li {{ white-space: normal; }}
{r} .room-muted, {r} .room-more, {r} .room-empty {{ color: {c['muted']}; }}
{r} .room-more {{ font-style: italic; }}
{r} .room-mark {{ display: inline-block; width: 1.1em; color: {c['ok']}; font-weight: 800; }}
{r} .room-agenda {{ margin: 0; padding-left: 1.6em; }}
{r} .room-agenda li {{ margin: 0 0 8px 0; }}
{r} .room-agenda .room-current {{ color: {c['accent']}; font-weight: 800; }}
{r} .room-minutes {{ color: {c['muted']}; margin-left: 0.6em; white-space: nowrap; }}
{r} .room-current .room-minutes {{ color: {c['accent']}; }}
{r} .room-request {{ font-size: 28px; margin: 0; }}
{r} table.room-grid, {r} table.room-table {{ border-collapse: collapse; width: 100%; font-size: 24px; }}
{r} table.room-grid th, {r} table.room-grid td, {r} table.room-table th, {r} table.room-table td {{
  border: 1px solid {c['border']}; padding: 0 6px; text-align: left; vertical-align: top; line-height: 1.12;
  font-size: 24px; }}
{r} table.room-grid td {{ text-align: center; white-space: nowrap; font-weight: 700; }}
{r} table.room-grid thead th {{ font-weight: 700; vertical-align: bottom; white-space: nowrap; }}
{r} table.room-grid tbody th {{ font-weight: 400; }}
{r} table.room-grid td.room-number, {r} table.room-table td.room-number {{ color: {c['muted']}; text-align: right;
  font-weight: 700; width: 1.2em; }}
{r} table.room-grid tr.casekit-disagree td, {r} table.room-grid tr.casekit-disagree th {{ background: {disagree}; }}
{r} table.room-grid tr.casekit-disagree td.room-number {{ box-shadow: inset 6px 0 0 {c['warning']}; }}
{r} .room-status-unmet {{ color: {c['error']}; }}
{r} .room-status-met {{ color: {c['ok']}; }}
{r} .room-flag {{ color: {c['warning']}; }}
{r} .room-key {{ list-style: none; margin: 6px 0 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 16px;
  font-size: 24px; line-height: 1.2; color: {c['fg']}; flex: 0 0 auto; }}
{r} .room-key li {{ display: flex; align-items: center; gap: 6px; }}
{r} .room-key .casekit-swatch {{ flex: 0 0 auto; }}
{r} .room-marks {{ flex-direction: column; margin-top: 10px; }}
{r} .room-count {{ margin: 0 0 4px 0; font-weight: 700; }}
{r} .room-gap {{ color: {c['error']}; font-weight: 700; }}
{r} .room-goals {{ list-style: none; margin: 0; padding: 0; font-size: 24px; line-height: 1.2; }}
{r} .room-goals li {{ display: flex; gap: 0.5em; margin: 0 0 8px 0; }}
{r} .room-goals li.room-current {{ color: {c['accent']}; font-weight: 700; }}
{r} .room-goals .room-number {{ flex: 0 0 1.2em; text-align: right; }}
{r} .room-ladder {{ list-style: none; margin: 0; padding: 0; font-size: 24px; }}
{r} .room-ladder li {{ display: flex; gap: 0.5em; line-height: 1.2; margin: 0 0 8px 0; }}
{r} .room-ladder b {{ flex: 0 0 1.8em; text-align: right; }}
{r} .room-ladder .room-baseline {{ color: {c['accent']}; }}
{r} .room-overdue td {{ color: {c['error']}; font-weight: 700; }}
{r} .room-plan-actions-view {{ grid-template-columns: 1fr; grid-template-rows: auto minmax(0, 1fr); }}
{r} table.room-plan-actions {{ table-layout: fixed; }}
{r} table.room-plan-actions td {{ overflow-wrap: anywhere; }}
{r} table.room-plan-actions tr.room-closed td {{ color: {c['muted']}; }}
{r} .room-actions-box .room-more, {r} .room-goal-list .room-more {{ margin: 4px 0 0 0; }}
{r} .room-nowrap {{ white-space: nowrap; }}
{r} th.room-level-head {{ width: 4.2em; }}
{r} td.room-level {{ text-align: center; font-weight: 800; font-size: 28px !important; white-space: nowrap; }}
{r} td.room-level-up {{ color: {c['ok']}; }}
{r} .room-facts {{ {'display: flex; gap: 0 24px;' if four_three else ''} }}
{r} .room-decisions li {{ margin-bottom: 12px; }}
{r} .room-dissent {{ color: {c['warning']}; }}
{r} .room-next {{ margin: 8px 0 0 0; }}
{r} .room-start {{ display: flex; align-items: center; justify-content: center; text-align: center; }}
{r} .room-big {{ font-size: 56px; font-weight: 800; margin: 0 0 12px 0; color: {c['accent']}; }}
"""
