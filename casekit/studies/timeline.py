"""The timeline of a case and its split into stages.

Events come from every dated record: opening, phase changes, consents, actors joining the network
(``relationship.since``), conferences, goals and actions (``created``), reviews, the crisis plan and the
closure. Stages follow the phase history (closure is the outcome, not a stage); a stage runs from its phase
change to the day before the next one. Events before the first change belong to the first stage.
"""
from __future__ import annotations

from datetime import date, timedelta

from ..i18n import gettext
from ..model import Case, PhaseChange
from ..vocab import Phase
from .model import EventKind, Exercise, Stage, StudyPart, TimelineEvent

_ORDER = list(EventKind)
#: What each phase reveals (cumulative): the parts of the case the class works with from then on.
REVEALS = {
    Phase.CONTACT: [StudyPart.STORY],
    Phase.ASSESSMENT: [StudyPart.STRENGTHS, StudyPart.WISHES, StudyPart.NEEDS, StudyPart.NETWORK],
    Phase.PLANNING: [StudyPart.PLAN],
    Phase.LINKING: [StudyPart.NETWORK],
    Phase.ADVOCACY: [],
    Phase.MONITORING: [StudyPart.REVIEWS],
}
EXERCISES = {
    Phase.CONTACT: Exercise.ENGAGE, Phase.ASSESSMENT: Exercise.RATE_NEEDS, Phase.PLANNING: Exercise.PLAN,
    Phase.LINKING: Exercise.ECOMAP, Phase.ADVOCACY: Exercise.ADVOCACY, Phase.MONITORING: Exercise.REVIEW,
}
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def format_date(value: date, lang: str) -> str:
    return f"{value.day}. {value.month}. {value.year}" if lang == "cs" else \
        f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


def _sentence(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def timeline(case: Case, lang: str) -> list[TimelineEvent]:
    """Every dated event of ``case``, told in ``lang``, in date order."""
    t = lambda key, **params: gettext(f"study.event.{key}", lang, **params).strip()  # noqa: E731
    events: list[TimelineEvent] = []

    def add(when, kind, text, ref=None):
        if when is not None and text.strip():
            events.append(TimelineEvent(date=when, kind=kind, text=text.strip(), ref=ref))

    add(case.opened, EventKind.OPENED, t("opened", source=case.referral_source or "–"))
    for change in case.phase_history:
        if change.phase != Phase.CLOSED:
            add(change.date, EventKind.PHASE, _sentence(t("phase", phase=change.phase.label(lang)), change.note))
    for consent in case.client.consents:
        add(consent.date, EventKind.CONSENT, t("consent", scope=consent.scope.label(lang), by=consent.given_by))
    for actor in case.actors:
        add(actor.relationship.since, EventKind.ACTOR, t("actor", name=actor.name, sector=actor.sector.label(lang)),
            actor.id)
    for conference in case.conferences:
        decisions = " ".join(d.text for d in conference.decisions)
        key = "conference" if decisions else "conference_no_decisions"
        add(conference.date, EventKind.CONFERENCE,
            t(key, place=conference.place or "–", count=len(conference.participants), decisions=decisions),
            conference.id)
    for goal in case.goals:
        add(goal.created, EventKind.GOAL, t("goal", text=goal.text), goal.id)
    for action in case.actions:
        owner = _owner(case, action.owner_id, lang)
        if action.due:
            text = t("action", what=action.what, owner=owner, due=format_date(action.due, lang))
        else:
            text = t("action_no_due", what=action.what, owner=owner)
        add(action.created, EventKind.ACTION, text, action.id)
    for review in case.reviews:
        add(review.date, EventKind.REVIEW, _sentence(t("review"), review.notes), review.id)
    if case.crisis_plan is not None:
        add(case.crisis_plan.written_on, EventKind.CRISIS_PLAN, t("crisis_plan"))
    if case.closed is not None:
        reason = case.closure_reason.label(lang) if case.closure_reason else "–"
        add(case.closed, EventKind.CLOSED, _sentence(t("closed", reason=reason), case.closure_note))
    return sorted(events, key=lambda e: (e.date, _ORDER.index(e.kind)))


def _owner(case: Case, owner_id: str, lang: str) -> str:
    if owner_id in ("client", "case_manager"):
        return gettext(f"study.owner.{owner_id}", lang)
    actor = case.actor(owner_id)
    return actor.name if actor else owner_id


def _phase_changes(case: Case) -> list[PhaseChange]:
    changes = [c for c in case.phase_history if c.phase != Phase.CLOSED]
    if not changes:
        phase = case.phase if case.phase != Phase.CLOSED else Phase.CONTACT
        changes = [PhaseChange(phase=phase, date=case.opened)]
    return changes


def stages(case: Case, events: list[TimelineEvent], lang: str, prompts: dict[Phase, list[str]]) -> list[Stage]:
    """The stages of ``case`` with what the class sees at each, its events and what happened next."""
    changes = _phase_changes(case)
    out: list[Stage] = []
    revealed: list[StudyPart] = []
    stage_events = [e for e in events if e.kind != EventKind.CLOSED]
    for i, change in enumerate(changes):
        next_start = changes[i + 1].date if i + 1 < len(changes) else None
        end = max(change.date, next_start - timedelta(days=1)) if next_start else case.closed
        as_of = end or date.max
        mine = [e for e in stage_events
                if (i == 0 or e.date >= change.date) and (next_start is None or e.date < next_start)]
        for part in REVEALS.get(change.phase, []):
            if part not in revealed:
                revealed.append(part)
        stage = Stage(number=i + 1, phase=change.phase, title=change.phase.label(lang), start=change.date, end=end,
                      events=mine, prompts=prompts.get(change.phase, []), exercise=EXERCISES.get(change.phase))
        _fill_visible(stage, case, revealed, as_of)
        stage.story = _story(case, change, lang, first=i == 0)
        out.append(stage)
    for i, stage in enumerate(out):
        if i + 1 < len(out):
            stage.what_happened_next = out[i + 1].events
        else:
            stage.what_happened_next = [e for e in events if e.kind == EventKind.CLOSED]
    return out


def _fill_visible(stage: Stage, case: Case, revealed: list[StudyPart], as_of: date) -> None:
    parts = set(revealed)
    stage.need_ids = [n.id for n in case.needs] if StudyPart.NEEDS in parts else []
    stage.actor_ids = [a.id for a in case.actors
                       if StudyPart.NETWORK in parts and (a.relationship.since is None or a.relationship.since <= as_of)]
    stage.goal_ids = [g.id for g in case.goals if _known(g.created, as_of, StudyPart.PLAN in parts)]
    stage.action_ids = [a.id for a in case.actions if _known(a.created, as_of, StudyPart.PLAN in parts)]
    stage.review_ids = [r.id for r in case.reviews if r.date <= as_of]
    stage.conference_ids = [c.id for c in case.conferences if c.date <= as_of]
    extra = []
    if stage.goal_ids or stage.action_ids:
        extra.append(StudyPart.PLAN)
    if stage.conference_ids:
        extra.append(StudyPart.CONFERENCES)
    if stage.review_ids:
        extra.append(StudyPart.REVIEWS)
    plan = case.crisis_plan
    if plan is not None and _known(plan.written_on, as_of, StudyPart.PLAN in parts):
        extra.append(StudyPart.CRISIS_PLAN)
    stage.reveals = [p for p in StudyPart if p in parts or p in extra]


def _known(when: date | None, as_of: date, default: bool) -> bool:
    return when <= as_of if when is not None else default


def _story(case: Case, change: PhaseChange, lang: str, *, first: bool) -> list[str]:
    """What the class is told when the stage opens: the referral and request first, then the phase's note."""
    story = []
    if first:
        if case.referral_source:
            story.append(gettext("study.story.referral", lang, source=case.referral_source))
        if case.request:
            story.append(gettext("study.story.request", lang, request=case.request))
        if case.client.household:
            story.append(gettext("study.story.household", lang, household=case.client.household))
    if change.note.strip():
        story.append(change.note.strip())
    return story
