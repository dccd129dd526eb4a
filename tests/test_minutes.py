"""Minutes of a case conference: content, language, privacy, and the Markdown / HTML / Word renderings."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import date
from html import escape
from pathlib import Path

import pytest
from docx import Document
from markdown_it import MarkdownIt

import casekit
from casekit.errors import NotFound
from casekit.i18n import LANGUAGES, gettext
from casekit.minutes import (
    ABSENT, EXCUSED, PRESENT, format_date, initials, minutes, to_docx, to_html, to_markdown, views_differ,
)
from casekit.model import Actor, Decision, Need, Rating
from casekit.vocab import ActorKind, ConferenceRole, LifeDomain, NeedStatus, Perspective

ROOT = Path(__file__).resolve().parents[1]
CASES = {(name, lang): casekit.load_example(name, lang) for name in casekit.examples() for lang in LANGUAGES}
MEETINGS = [(name, conf.id, lang) for (name, lang), case in CASES.items() for conf in case.conferences]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def _conference(case, conference_id):
    return next(c for c in case.conferences if c.id == conference_id)


def _docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in doc.sections for p in section.footer.paragraphs]
    return "\n".join(parts)


def _table(doc, first_headers: tuple[str, ...]):
    found = [t for t in doc.tables if tuple(c.text for c in t.rows[0].cells[:len(first_headers)]) == first_headers]
    assert len(found) == 1, first_headers
    return found[0]


def _render_all(m, tmp_path):
    path = tmp_path / "minutes.docx"
    to_docx(m, path)
    return to_markdown(m), to_html(m), Document(str(path))


def test_examples_have_conferences_in_both_languages_and_dissent_in_each_case():
    assert len(MEETINGS) >= 20
    assert {lang for *_, lang in MEETINGS} == set(LANGUAGES)
    for case in CASES.values():
        assert any(d.dissent and d.dissent_by for conf in case.conferences for d in conf.decisions)


@pytest.mark.parametrize(("name", "conference_id", "lang"), MEETINGS)
def test_minutes_of_every_example_conference(name, conference_id, lang, tmp_path):
    case = CASES[(name, lang)]
    conf = _conference(case, conference_id)
    m = minutes(case, conference_id)
    assert m.lang == conf.language == lang  # the meeting's language by default
    md, html, doc = _render_all(m, tmp_path)
    t = lambda key: gettext(key, lang)  # noqa: E731

    # attendance: one row per participant under a header row; the same for agreed actions and decisions
    attendance = _table(doc, (t("ui.minutes.col_name"), t("ui.minutes.col_role"), t("ui.minutes.col_attendance")))
    assert len(attendance.rows) == len(conf.participants) + 1
    assert [r.cells[1].text for r in attendance.rows[1:]] == [p.role.label(lang) for p in conf.participants]
    actions = _table(doc, ("#", t("ui.minutes.col_task"), t("ui.minutes.col_owner")))
    assert len(actions.rows) == len(conf.action_ids) + 1
    assert [r.cells[1].text for r in actions.rows[1:]] == [case.action(a).what for a in conf.action_ids]
    decisions = _table(doc, ("#", t("ui.minutes.col_decision"), t("ui.minutes.col_dissent")))
    assert len(decisions.rows) == len(conf.decisions) + 1
    assert len(m.attendance) == len(conf.participants) and len(m.actions) == len(conf.action_ids)

    # every dissent appears with who dissented, in all three renderings
    text = _docx_text(doc)
    for decision in conf.decisions:
        if decision.dissent:
            assert decision.dissent in text and escape(decision.dissent) in html
            assert decision.dissent in md.replace("\\", "")
            for who in decision.dissent_by:
                assert who in text and escape(who) in html and who in md.replace("\\", "")

    # language: labels and dates
    date_text = format_date(conf.date, lang)
    if lang == "cs":
        assert date_text == f"{conf.date.day}. {conf.date.month}. {conf.date.year}"
        for label in ("Zápis z případové konference", "Prezenční listina", "Dohodnuté kroky", "Rozhodnutí"):
            assert label in text and label in html
        assert "Minutes of the case conference" not in md + html + text
    else:
        assert date_text == f"{conf.date.day} {EN_MONTHS[conf.date.month - 1]} {conf.date.year}"
        for label in ("Minutes of the case conference", "Attendance", "Agreed actions", "Decisions"):
            assert label in text and label in html
        assert "Zápis z případové konference" not in md + html + text
    for output in (md, html, text):
        assert date_text in output
        assert m.confidentiality_note in output and m.footer in output
    if conf.next_review:
        assert format_date(conf.next_review, lang) in text
    if case.crisis_plan:
        assert t("ui.minutes.crisis_plan") in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lang_argument_overrides_the_meeting_language(lang):
    other = "en" if lang == "cs" else "cs"
    case = CASES[("senior-dementia", lang)]
    m = minutes(case, "conf-1", lang=other)
    assert m.lang == other
    assert m.title == gettext("ui.minutes.title", other)
    assert m.attendance[0].role == ConferenceRole.CLIENT.label(other)
    assert m.decisions[0].text == case.conferences[0].decisions[0].text  # what people said stays as written


def test_unknown_conference_is_not_found():
    with pytest.raises(NotFound):
        minutes(CASES[("senior-dementia", "en")], "conf-99")


def test_owners_are_actor_names_or_role_labels():
    case = CASES[("senior-dementia", "cs")]
    m = minutes(case, "conf-1")
    owners = {row.task: row.owner for row in m.actions}
    for action_id in case.conferences[0].action_ids:
        action = case.action(action_id)
        expected = {"client": "Klient", "case_manager": "Case manažer"}.get(action.owner_id)
        assert owners[action.what] == (expected or case.actor(action.owner_id).name)
    assert {"Klient", "Case manažer"} <= set(owners.values())
    row = m.actions[0]
    assert row.due == case.action(case.conferences[0].action_ids[0]).due and row.due_text == "30. 4. 2024"
    assert row.need == LifeDomain.DOCUMENTS.label("cs") and row.goal.startswith("Chci mít zase platnou občanku")


def test_agenda_time_boxes_follow_each_other():
    m = minutes(CASES[("senior-dementia", "en")], "conf-1")
    assert m.agenda[0].start == 0
    assert all(a.end == b.start for a, b in zip(m.agenda, m.agenda[1:]))
    assert m.agenda[-1].end == m.agenda_minutes == sum(a.minutes for a in m.agenda)
    assert "0–10 min" in to_markdown(m)


def test_gas_scores_are_the_latest_on_the_conference_date():
    case = CASES[("senior-dementia", "en")]
    first = minutes(case, "conf-1")  # before any review
    assert all(g.score is None for g in first.goals) and first.gas_tscore is None
    third = minutes(case, "conf-3")  # review of 2025-03-12 is the latest
    scores = {g.text: g.score for g in third.goals}
    assert scores[case.goal("goal-home").text] == 1 and scores[case.goal("goal-health").text] == -2
    assert third.goals[0].scored_on == date(2025, 3, 12)
    assert third.goals[0].level == case.goal("goal-home").levels[1]
    assert third.gas_tscore == pytest.approx(casekit.gas_tscore([1, 2, 1, -2, 1]))
    assert "+1" in to_markdown(third) and "−2" in to_markdown(third)


def test_network_is_as_of_the_conference_date():
    case = CASES[("senior-dementia", "en")]
    conf = case.conferences[0]
    m = minutes(case, conf.id)
    expected = [a for a in case.actors if a.relationship.since is None or a.relationship.since <= conf.date]
    assert [row.name for row in m.network.actors] == [a.name for a in expected]
    assert m.network.total == len(expected) == m.network.formal + m.network.informal
    assert m.network.strong + m.network.tenuous + m.network.stressful == len(expected)


def test_needs_show_every_perspective_and_flag_disagreement():
    case = CASES[("senior-dementia", "en")]
    m = minutes(case, "conf-1")
    housing = next(n for n in m.needs if n.domain == LifeDomain.HOUSING.label("en"))
    assert housing.client == "Unmet need (2)" and housing.worker == "Unmet need (5)"
    assert housing.others == ("Brodce municipal flats: Unmet need (5)",) or housing.others[0].endswith("(5)")
    assert housing.disagreement
    assert "Views differ" in to_markdown(m) and "Agree" in to_markdown(m)


def test_views_differ_rule():
    def need(*ratings):
        return Need(domain=LifeDomain.FOOD, ratings=[Rating(perspective=p, status=s, severity=v) for p, s, v in ratings])

    C, W = Perspective.CLIENT, Perspective.WORKER
    assert not views_differ(need((C, NeedStatus.UNMET, 3), (W, NeedStatus.UNMET, 4)))
    assert views_differ(need((C, NeedStatus.UNMET, 2), (W, NeedStatus.UNMET, 4)))  # severities 2 apart
    assert views_differ(need((C, NeedStatus.NO_NEED, None), (W, NeedStatus.UNMET, 4)))
    assert not views_differ(need((C, NeedStatus.UNKNOWN, None), (W, NeedStatus.UNMET, 4)))  # no view is no dissent
    assert not views_differ(need((W, NeedStatus.UNMET, 4)))


def test_excused_participants():
    case = CASES[("senior-dementia", "en")]
    conf = case.conferences[0]
    absent = [p.name for p in conf.participants if not p.attended]
    m = minutes(case, conf.id, excused=absent)
    status = {row.name: row.attendance for row in m.attendance}
    assert {status[n] for n in absent} == {EXCUSED}
    assert {status[p.name] for p in conf.participants if p.attended} == {PRESENT}
    assert "Excused" in to_markdown(m)
    assert {r.attendance for r in minutes(case, conf.id).attendance} == {PRESENT, ABSENT}


# -- privacy ---------------------------------------------------------------------------------------------------
PHONE, EMAIL, CONTACT, SECRET_NOTE, PERSON = "+420 777 123 456", "jana.tajna@example.org", "Jana Tajná", \
    "Poznámka-7Q: nikomu neříkat", "Zdeňka Utajená"
REVIEW_NOTE = "Revize-5R: plán běží"


def _planted(lang: str):
    """An example case with contact details, a named person as an action owner and a free-text note."""
    case = CASES[("senior-dementia", lang)]
    data = case.model_dump()
    data["actors"].append(Actor(id="act-planted", name=PERSON, kind="person", sector="informal", formal=False,
                                contact_person=CONTACT, phone=PHONE, email=EMAIL).model_dump())
    data["actions"][0]["owner_id"] = "act-planted"
    conf = data["conferences"][0]
    conf["notes"] = SECRET_NOTE
    conf["participants"].append({"name": PERSON, "role": "family", "actor_id": "act-planted"})
    conf["decisions"][0]["dissent"] = "She would wait."
    conf["decisions"][0]["dissent_by"] = [PERSON]
    data["needs"][0]["description"] = "Description-XY " + PHONE
    data["reviews"].append({"id": "rev-planted", "date": conf["date"], "conference_id": conf["id"],
                            "notes": REVIEW_NOTE})
    return type(case).model_validate(data)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_leaves_out_names_contacts_and_notes(lang, tmp_path):
    case = _planted(lang)
    conf = case.conferences[0]
    open_md, open_html, open_doc = _render_all(minutes(case, conf.id), tmp_path)
    for output in (open_md, open_html, _docx_text(open_doc)):  # without privacy everything is there
        for value in (PHONE, EMAIL, CONTACT, SECRET_NOTE, PERSON, "She would wait.", REVIEW_NOTE):
            assert value in output
        assert gettext("ui.minutes.review_notes", lang) in output
    private = minutes(case, conf.id, privacy=True)
    md, html, doc = _render_all(private, tmp_path)
    secrets = (PHONE, EMAIL, CONTACT, SECRET_NOTE, PERSON, "She would wait.", REVIEW_NOTE, case.case_manager,
               conf.place)
    secrets += tuple(p.name for p in conf.participants if p.role != ConferenceRole.CLIENT)
    secrets += tuple(case.crisis_plan.triggers) + (case.crisis_plan.what_helps,)
    for output in (md, html, _docx_text(doc), json.dumps([repr(private)])):
        for value in secrets:
            assert value not in output, value
    assert gettext("ui.minutes.privacy_note", lang) in md
    plain = md.replace("\\", "")
    assert "Description-XY " + gettext("anonymise.placeholder.phone", lang) in plain  # masked, not dropped
    organisation = next(a for a in case.actors if a.kind == ActorKind.ORGANISATION)
    assert organisation.name in md  # the room sees the organisations
    label = initials(PERSON)  # the planted person actor: initials wherever they appear
    assert label == "Z. U."
    assert private.actions[0].owner == label
    assert private.attendance[-1].name == label and private.decisions[0].dissent_by == (label,)
    assert private.decisions[0].dissent == ""  # that she dissented, not why
    facilitator = conf.facilitator  # a person who is no actor of the network: initials
    assert private.facilitator == initials(facilitator) == "P. D."
    assert private.attendance[0].name == case.client.display_name  # the client keeps the pseudonym
    assert private.client == case.client.display_name  # a pseudonym by design
    names = [r.name for r in private.attendance]
    assert len(set(names)) == len(names)  # initials made unique
    assert private.crisis_plan.contacts and private.crisis_plan.written_on_text  # only that there is a plan


def test_initials():
    assert initials("Mgr. P. Dvorská (koordinátorka podpory)") == "P. D."
    assert initials("Bc. H. Lesná") == "H. L."
    assert initials("Pan K. (klient)") == "K."
    assert initials("Zdeňka Utajená") == "Z. U."
    assert initials("school counsellor") == "S. C."
    assert initials("") == "?"


# -- escaping and self-contained output --------------------------------------------------------------------------
def _with_hostile_text():
    case = CASES[("family-children-at-risk", "en")]
    data = case.model_dump()
    conf = data["conferences"][0]
    conf["decisions"].append(Decision(text="<script>alert('x')</script> | pipe | & <b>bold</b> *star* [l](http://x)",
                                      dissent="a | b", dissent_by=["Ms B. (mother)"]).model_dump())
    conf["agenda"][0]["title"] = "# not a heading | cell"
    return type(case).model_validate(data)


def test_html_escapes_user_text_and_is_self_contained():
    m = minutes(_with_hostile_text(), "conf-1")
    html = to_html(m)
    assert "<script" not in html.lower() and "<b>bold" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "http" not in html.replace("(http://x)", "")  # the only http is the user's own text, escaped as text
    assert "@media print" in html and "size: A4" in html
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html


def test_markdown_escapes_pipes_and_markup():
    m = minutes(_with_hostile_text(), "conf-1")
    md = to_markdown(m)
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in rendered and "<b>" not in rendered and "<em>star" not in rendered
    assert "<h1>not a heading" not in rendered
    assert '<a href="http://x">' not in rendered
    # the decisions table keeps three columns in every row, the hostile row included
    table = next(t for t in rendered.split("<table>")[1:] if "<th>Decision</th>" in t)
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert all(len(re.findall(r"<t[hd][ >]", row)) == 3 for row in rows)
    assert "pipe | &amp;" in table or "pipe | &amp; " in table
    agenda = next(t for t in rendered.split("<table>")[1:] if "# not a heading | cell" in t)
    assert all(len(re.findall(r"<t[hd][ >]", row)) == 4 for row in re.findall(r"<tr>(.*?)</tr>", agenda, re.S))


def test_docx_writes_to_a_buffer_on_a4():
    m = minutes(CASES[("carer-disabled-relative", "cs")], "conf-1")
    buffer = io.BytesIO()
    to_docx(m, buffer)
    doc = Document(io.BytesIO(buffer.getvalue()))
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text.startswith("Zápis z případové")
    assert any(p.style.name.startswith("Heading") for p in doc.paragraphs)
    assert m.footer in _docx_text(doc)


def test_minutes_is_domain_code():
    probe = ("import sys, json, casekit, casekit.minutes as mm\n"
             "c = casekit.load_example('senior-dementia', 'cs')\n"
             "m = mm.minutes(c, 'conf-1'); mm.to_markdown(m); mm.to_html(m)\n"
             "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    ui = {m for m in loaded if m.split(".")[0] in ("ipywidgets", "altair", "IPython", "voila", "docx", "pandas")}
    assert ui == set()
    for path in (ROOT / "casekit" / "minutes").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+(ipywidgets|altair|IPython)", source, re.M), path.name
