"""HTML of the case-study app: what the class sees at a stage, the prompts, what happened next, and the
comparison of the trainees' ratings with the reference. Pure functions returning strings; every text that
comes from a pack or a trainee is escaped (:func:`esc`)."""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from ...i18n import format_date, format_number, gettext
from ...studies.model import StudyPart
from ...vocab import LifeDomain, NeedStatus
from ..common import esc
from .compare import CODE_STATUS, NOT_KNOWN, Disagreement, known


def t(key: str, lang: str, **params) -> str:
    return gettext(key, lang, **params)


def _field(name: str, lang: str) -> str:
    return gettext(f"field.{name}", lang)


def _heading(text: str, level: int = 3) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def _list(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{esc(i)}</li>" for i in items) + f"</{tag}>"


def _table(heads: Sequence[str], rows: Sequence[Sequence[str]], css: str = "") -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table class='casekit-table {css}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _none(lang: str) -> str:
    return f"<p class='casekit-hint'>{esc(t('study_app.nothing_known', lang))}</p>"


# -- what the class sees ------------------------------------------------------------------------------------
def _owner(case, owner_id: str, lang: str) -> str:
    if owner_id in ("client", "case_manager"):
        return gettext(f"study.owner.{owner_id}", lang)
    actor = case.actor(owner_id)
    return actor.name if actor else owner_id


def part_html(part: StudyPart, study, stage, view, lang: str) -> str:
    """One part of the case as the class knows it at ``stage`` (``view`` = ``study.view(stage.number)``)."""
    body = ""
    if part == StudyPart.STORY:
        texts = list(stage.story) or ([study.summary] if stage.number == 1 and study.summary else [])
        body = "".join(f"<p>{esc(text)}</p>" for text in texts) or _none(lang)
    elif part == StudyPart.STRENGTHS:
        body = _list(view.strengths) if view.strengths else _none(lang)
    elif part == StudyPart.WISHES:
        body = _list(view.wishes) if view.wishes else _none(lang)
    elif part == StudyPart.NEEDS:
        rows = [(n.domain.label(lang), n.description or "–") for n in view.needs]
        body = _table([_field("domain", lang), _field("description", lang)], rows) if rows else _none(lang)
    elif part == StudyPart.NETWORK:
        rows = [(a.name, a.sector.label(lang), a.relationship.kind.label(lang), a.provides or "–") for a in view.actors]
        heads = [_field("name", lang), _field("sector", lang), _field("relationship", lang), _field("provides", lang)]
        body = _table(heads, rows) if rows else _none(lang)
    elif part == StudyPart.PLAN:
        goals = _list([g.text for g in view.goals], ordered=True) if view.goals else ""
        rows = [(a.what, _owner(view, a.owner_id, lang), format_date(a.due, lang, empty="–")) for a in view.actions]
        actions = _table([_field("what", lang), _field("owner_id", lang), _field("due", lang)], rows) if rows else ""
        body = ((_heading(_field("goals", lang), 4) + goals if goals else "")
                + (_heading(_field("actions", lang), 4) + actions if actions else "")) or _none(lang)
    elif part == StudyPart.CRISIS_PLAN:
        plan = view.crisis_plan
        if plan is None:
            body = _none(lang)
        else:
            rows = [("when_well", plan.when_well), ("triggers", ", ".join(plan.triggers)),
                    ("early_signs", ", ".join(plan.early_signs)), ("what_helps", plan.what_helps),
                    ("what_harms", plan.what_harms)]
            body = "".join(f"<p><b>{esc(_field(name, lang))}:</b> {esc(text)}</p>" for name, text in rows if text)
            body = body or _none(lang)
    elif part == StudyPart.CONFERENCES:
        items = []
        for conference in sorted(view.conferences, key=lambda c: c.date):
            decisions = "".join(f"<li>{esc(d.text)}</li>" for d in conference.decisions)
            where = f" · {esc(conference.place)}" if conference.place else ""
            when = esc(format_date(conference.date, lang, empty="–"))
            items.append(f"<li><span class='casekit-event-date'>{when}</span>{where}"
                         + (f"<ul>{decisions}</ul>" if decisions else "") + "</li>")
        body = f"<ul>{''.join(items)}</ul>" if items else _none(lang)
    elif part == StudyPart.REVIEWS:
        items = [f"<li><span class='casekit-event-date'>{esc(format_date(r.date, lang, empty='–'))}</span>"
                 f"{esc(r.notes or '–')}</li>" for r in sorted(view.reviews, key=lambda r: r.date)]
        body = f"<ul>{''.join(items)}</ul>" if items else _none(lang)
    return f"<section class='casekit-part casekit-part-{part.value}'>{_heading(part.label(lang))}{body}</section>"


def stage_content_html(study, stage, lang: str) -> str:
    """Everything the class sees at ``stage``: the parts it reveals, then the stage's timeline."""
    view = study.view(stage.number)
    parts = [part_html(part, study, stage, view, lang) for part in StudyPart if part in stage.reveals]
    if stage.events:
        parts.append(f"<section class='casekit-part casekit-part-timeline'>"
                     f"{_heading(t('study_app.timeline_heading', lang))}{events_html(stage.events, lang)}</section>")
    return "".join(parts)


def events_html(events, lang: str) -> str:
    items = [f"<li><span class='casekit-event-date'>{esc(format_date(e.date, lang, empty='–'))}</span>{esc(e.text)}</li>"
             for e in events]
    return f"<ul class='casekit-events'>{''.join(items)}</ul>"


def prompts_html(stage, lang: str) -> str:
    prompts = "".join(f"<li>{esc(p)}</li>" for p in stage.prompts)
    body = (f"<ol class='casekit-prompt-list'>{prompts}</ol>" if prompts
            else f"<p class='casekit-hint'>{esc(t('study_app.no_prompts', lang))}</p>")
    exercise = (f"<p class='casekit-exercise'>{esc(t('study_app.exercise', lang, exercise=stage.exercise.label(lang)))}</p>"
                if stage.exercise else "")
    return f"{_heading(t('study_app.prompts_heading', lang))}{body}{exercise}"


def what_next_html(study, stage, lang: str) -> str:
    """What happened after ``stage``: the next stage's events; after the last stage, how the case ended."""
    last = stage.number == len(study.stages)
    events = list(stage.what_happened_next) or (list(study.outcome) if last else [])
    title = t("study_app.outcome_heading" if last else "study_app.what_next", lang)
    body = events_html(events, lang) if events else f"<p class='casekit-hint'>{esc(t('study_app.nothing_next', lang))}</p>"
    return f"{_heading(title)}{body}"


# -- the comparison with the reference ----------------------------------------------------------------------
def status_label(code: int | None, lang: str) -> str:
    if code is None:
        return "–"
    status = CODE_STATUS.get(code)
    return status.label(lang) if status is not None else str(code)


def comparison_html(domains: Sequence[str], reference: Mapping[str, int | None], reference_ratings: Mapping,
                    trainees: Mapping[str, Mapping[str, int | None]], lang: str) -> str:
    """One row per life domain: the reference (status, severity, its note) and each trainee's status; a row
    where a trainee's known status differs from the reference's is marked ``casekit-disagree``."""
    heads = [_field("domain", lang), t("study_app.reference", lang), *trainees]
    head = "".join(f"<th>{esc(h)}</th>" for h in heads)
    rows = []
    for domain in domains:
        ref = reference.get(domain)
        rating = reference_ratings.get(domain)
        text = esc(status_label(ref, lang))
        if rating is not None and rating.severity is not None and rating.status in (NeedStatus.MET, NeedStatus.UNMET):
            text += esc(f" · {t('study_app.severity', lang, severity=rating.severity)}")
        if rating is not None and rating.note:
            text += f"<span class='casekit-reference-note'>{esc(rating.note)}</span>"
        cells = [f"<td class='casekit-reference casekit-status-{ref if ref is not None else 'none'}'>{text}</td>"]
        differ = False
        for codes in trainees.values():
            code = codes.get(domain)
            differs = known(code) is not None and known(ref) is not None and code != ref
            differ = differ or differs
            css = "casekit-differs" if differs else ""
            cells.append(f"<td class='{css}'>{esc(status_label(code, lang))}</td>")
        row_css = " class='casekit-disagree'" if differ else ""
        rows.append(f"<tr{row_css}><th>{esc(LifeDomain(domain).label(lang))}</th>{''.join(cells)}</tr>")
    return (f"{_heading(t('study_app.comparison_heading', lang))}"
            f"<table class='casekit-table casekit-comparison-table'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def kappa_text(result, lang: str) -> str:
    value = float(result.value)
    return t("study_app.kappa_undefined", lang) if math.isnan(value) else format_number(value, lang, digits=2)


def agreement_html(results: Mapping[str, object], lang: str) -> str:
    """The agreement of each trainee with the reference: weighted kappa and the number of domains used."""
    heading = _heading(t("study_app.agreement_heading", lang))
    if not results:
        return heading + f"<p class='casekit-hint'>{esc(t('study_app.no_ratings', lang))}</p>"
    rows = []
    for name, result in results.items():
        note = result.problem_text(lang) if result.problem else ""
        rows.append(f"<tr><th>{esc(name)}</th><td class='casekit-kappa'>{esc(kappa_text(result, lang))}</td>"
                    f"<td>{result.n_used}</td><td>{esc(note)}</td></tr>")
    heads = [t("study_app.rater", lang), t("study_app.kappa", lang), t("study_app.n_used", lang),
             t("study_app.note", lang)]
    head = "".join(f"<th>{esc(h)}</th>" for h in heads)
    return (f"{heading}<table class='casekit-table casekit-agreement-table'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            f"<p class='casekit-hint'>{esc(t('study_app.kappa_explained', lang))}</p>")


def disagreements_html(found: Sequence[Disagreement], reference: Mapping[str, int | None],
                       trainees: Mapping[str, Mapping[str, int | None]], lang: str) -> str:
    heading = _heading(t("study_app.disagreements_heading", lang))
    if not found:
        return heading + f"<p class='casekit-hint'>{esc(t('study_app.no_disagreements', lang))}</p>"
    items = []
    for d in found:
        counts: dict[int, int] = {}
        for codes in trainees.values():
            code = codes.get(d.domain)
            if code is not None and code != NOT_KNOWN:
                counts[code] = counts.get(code, 0) + 1
        answers = ", ".join(f"{status_label(code, lang)} ({n})" for code, n in sorted(counts.items()))
        items.append("<li>" + esc(t("study_app.disagreement_row", lang, domain=LifeDomain(d.domain).label(lang),
                                    reference=status_label(reference.get(d.domain), lang), answers=answers,
                                    distance=format_number(d.mean_distance, lang, digits=2))) + "</li>")
    return f"{heading}<ol>{''.join(items)}</ol>"
