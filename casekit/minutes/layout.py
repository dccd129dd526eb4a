"""The minutes as a sequence of simple blocks (heading, fields, paragraph, list, table).

The three renderers (Markdown, HTML, Word) draw the same blocks, so they always hold the same content in the
same order; only the markup differs. Column headings and section titles come from the catalogues.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import gettext
from .model import Minutes


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 0 is the document title


@dataclass(frozen=True)
class Fields:
    items: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True)
class Para:
    text: str
    style: str = ""  # "", "note" (privacy, totals) or "footer" (confidentiality, comments)


@dataclass(frozen=True)
class Bullets:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str  # attendance, agenda, needs, network, decisions, actions, goals, crisis_contacts
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def score_text(score: int | None) -> str:
    """GAS levels with a sign: ``+1``, ``0``, ``−2`` (a true minus sign)."""
    if score is None:
        return ""
    return f"+{score}" if score > 0 else str(score).replace("-", "−")


def _header(m: Minutes, t) -> list:
    blocks = [Heading(f"{m.title} – {m.client}", 0)]
    fields = [(t("ui.minutes.client"), m.client), (t("ui.minutes.date"), m.date_text), (t("ui.minutes.place"), m.place),
              (t("role.facilitator"), m.facilitator), (t("role.minute_taker"), m.minute_taker),
              (t("role.case_manager"), m.case_manager)]
    blocks.append(Fields(tuple((label, value) for label, value in fields if value)))
    if m.privacy:
        blocks.append(Para(t("ui.minutes.privacy_note"), "note"))
    return blocks


def _attendance_and_agenda(m: Minutes, t) -> list:
    yes_no = lambda flag: t("ui.minutes.yes") if flag else t("ui.minutes.no")  # noqa: E731
    blocks = [Heading(t("ui.minutes.attendance")), Table("attendance", (
        t("ui.minutes.col_name"), t("ui.minutes.col_role"), t("ui.minutes.col_attendance"),
        t("ui.minutes.col_consent"), t("ui.minutes.col_confidentiality"),
    ), tuple((r.name, r.role, r.attendance_label, yes_no(r.consent), yes_no(r.confidentiality))
             for r in m.attendance))]
    if m.agenda:
        blocks += [Heading(t("ui.minutes.agenda")), Table("agenda", (
            "#", t("ui.minutes.col_item"), t("ui.minutes.col_time"), t("ui.minutes.col_minutes"),
        ), tuple((str(a.number), a.title, t("ui.minutes.time_box", start=a.start, end=a.end), str(a.minutes))
                 for a in m.agenda)),
            Para(t("ui.minutes.agenda_total", minutes=m.agenda_minutes), "note")]
    return blocks


def _story_and_needs(m: Minutes, t) -> list:
    blocks = [Heading(t("ui.minutes.request"))]
    if m.request:
        blocks.append(Fields(((t("ui.minutes.request_label"), m.request),)))
    if m.strengths:
        blocks.append(Bullets(t("ui.minutes.strengths"), m.strengths))
    if m.wishes:
        blocks.append(Bullets(t("ui.minutes.wishes"), m.wishes))
    if m.needs:
        headers = [t("ui.minutes.col_domain"), t("ui.minutes.col_description"), t("perspective.client"),
                   t("perspective.worker"), t("ui.minutes.col_others"), t("ui.minutes.col_views")]
        rows = []
        for n in m.needs:
            views = t("ui.minutes.views_differ") if n.disagreement else t("ui.minutes.views_agree")
            rows.append((n.domain, n.description, n.client, n.worker, "; ".join(n.others), views))
        blocks += [Heading(t("ui.minutes.needs")), Table("needs", tuple(headers), tuple(rows))]
    return blocks


def _network(m: Minutes, t) -> list:
    net = m.network
    blocks = [Heading(t("ui.minutes.network")), Para(t(
        "ui.minutes.network_summary", total=net.total, formal=net.formal, informal=net.informal,
        strong=net.strong, tenuous=net.tenuous, stressful=net.stressful))]
    if net.actors:
        headers = [t("ui.minutes.col_actor"), t("ui.minutes.col_sector"), t("ui.minutes.col_type"),
                   t("ui.minutes.col_tie"), t("ui.minutes.col_flow")]
        headers += [] if m.privacy else [t("ui.minutes.col_contact")]
        rows = tuple(tuple([a.name, a.sector, t("ui.minutes.formal") if a.formal else t("ui.minutes.informal"),
                            a.tie, a.flow] + ([] if m.privacy else [a.contact])) for a in net.actors)
        blocks.append(Table("network", tuple(headers), rows))
    return blocks


def _dissent(d, t) -> str:
    """Who dissented and why; in privacy mode the why is left out, so only who."""
    who = ", ".join(d.dissent_by)
    if who and d.dissent:
        return t("ui.minutes.dissent_text", who=who, why=d.dissent)
    return who or d.dissent


def _decisions_and_actions(m: Minutes, t) -> list:
    blocks = []
    if m.decisions:
        rows = tuple((str(d.number), d.text, _dissent(d, t)) for d in m.decisions)
        blocks += [Heading(t("ui.minutes.decisions")), Table("decisions", (
            "#", t("ui.minutes.col_decision"), t("ui.minutes.col_dissent")), rows)]
    blocks += [Heading(t("ui.minutes.actions")), Table("actions", (
        "#", t("ui.minutes.col_task"), t("ui.minutes.col_owner"), t("ui.minutes.col_due"),
        t("ui.minutes.col_need"), t("ui.minutes.col_goal"),
    ), tuple((str(a.number), a.task, a.owner, a.due_text, a.need, a.goal) for a in m.actions))]
    return blocks


def _goals(m: Minutes, t) -> list:
    if not m.goals:
        return []
    rows = tuple((g.text, score_text(g.baseline), score_text(g.score) or t("ui.minutes.not_scored"),
                  g.scored_on_text, g.level) for g in m.goals)
    blocks = [Heading(t("ui.minutes.goals")), Table("goals", (
        t("ui.minutes.col_goal"), t("ui.minutes.col_baseline"), t("ui.minutes.col_score"),
        t("ui.minutes.col_scored_on"), t("ui.minutes.col_level")), rows)]
    if m.gas_tscore is not None:
        score = f"{m.gas_tscore:.1f}"
        blocks.append(Para(t("ui.minutes.tscore", score=score.replace(".", ",") if m.lang == "cs" else score), "note"))
    return blocks


def _crisis(m: Minutes, t) -> list:
    plan = m.crisis_plan
    if plan is None:
        return []
    fields = [(t("ui.minutes.crisis_written"), plan.written_on_text),
              (t("ui.minutes.crisis_when_well"), plan.when_well), (t("ui.minutes.crisis_helps"), plan.what_helps),
              (t("ui.minutes.crisis_harms"), plan.what_harms),
              (t("ui.minutes.crisis_preferred"), plan.preferred_treatment),
              (t("ui.minutes.crisis_refused"), plan.refused_treatment),
              (t("ui.minutes.crisis_medication"), plan.medication), (t("ui.minutes.crisis_allergies"), plan.allergies),
              (t("ui.minutes.crisis_dependants"), plan.dependants_care),
              (t("ui.minutes.crisis_copies"), ", ".join(plan.copies_to))]
    blocks = [Heading(t("ui.minutes.crisis_plan")), Fields(tuple(f for f in fields if f[1]))]
    if plan.triggers:
        blocks.append(Bullets(t("ui.minutes.crisis_triggers"), plan.triggers))
    if plan.early_signs:
        blocks.append(Bullets(t("ui.minutes.crisis_early_signs"), plan.early_signs))
    if plan.contacts:
        phone = () if m.privacy else (t("ui.minutes.col_phone"),)
        headers = (t("ui.minutes.col_name"), t("ui.minutes.col_role")) + phone
        rows = tuple((c.name, c.role) + (() if m.privacy else (c.phone,)) for c in plan.contacts)
        blocks += [Para(t("ui.minutes.crisis_contacts")), Table("crisis_contacts", headers, rows)]
    return blocks


def blocks(m: Minutes) -> list:
    """The whole document, top to bottom."""
    def t(key: str, **params) -> str:
        return gettext(key, m.lang, **params)

    out = _header(m, t) + _attendance_and_agenda(m, t) + _story_and_needs(m, t) + _network(m, t)
    out += _decisions_and_actions(m, t) + _goals(m, t)
    if m.review_notes:
        out += [Heading(t("ui.minutes.review_notes")), Para(m.review_notes)]
    out += _crisis(m, t)
    out += [Heading(t("ui.minutes.next_review")), Para(m.next_review_text or t("ui.minutes.not_set"))]
    if m.notes:
        out += [Heading(t("ui.minutes.notes")), Para(m.notes)]
    out += [Para(m.confidentiality_note, "footer"), Para(m.footer, "footer")]
    return out
