"""The conference app without a browser: a whole conference walked step by step, then found again in the store.

Widgets are driven as a browser would drive them (setting ``.value``, calling ``.click()``); observers fire
without a kernel, and with no asyncio loop running every debounced save happens at once.
"""
from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest

import casekit
from casekit.vocab import ActionStatus, ConferenceRole, NeedStatus, Perspective, RelationshipKind, Flow
from casekit.widgets.conference import ConferenceApp

CASE_ID = "example-senior-dementia"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'conference.sqlite'}"
    store = casekit.open_store(url, user="facilitator")
    for name in casekit.examples():
        store.save(casekit.load_example(name, "en").model_copy(update={"version": 0}))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.delenv("CASEKIT_CASE", raising=False)
    monkeypatch.delenv("CASEKIT_CONFERENCE", raising=False)
    monkeypatch.setenv("CASEKIT_LANG", "en")
    return url


@pytest.fixture
def store(db_url):
    store = casekit.open_store(db_url, user="facilitator")
    yield store
    store.close()


def start_conference(app: ConferenceApp, query: str = "Mr K") -> None:
    start = app.view("start")
    start.search.value = query
    start.results.value = CASE_ID
    start.open_button.click()
    start.new_conference_button.click()
    assert app.current_step == "opening", app.message.text


def test_a_whole_conference_is_walked_and_found_again(db_url, store, tmp_path):
    app = ConferenceApp.from_environment()
    assert app.step_keys == ("start", "opening", "story", "assessment", "network", "plan", "review", "close")
    assert app.current_step == "start"
    assert app.built_views == ("start",)  # later steps are built on their first visit
    start_conference(app)
    conference_id = app.conference.id
    versions = [app.case.version]

    # 2 opening ------------------------------------------------------------------------------------------------
    opening = app.view("opening")
    assert "casekit-step-opening" in opening._dom_classes
    opening.place.value = "Meeting room 2, town office"
    opening.facilitator.value = "P. Dvorská"
    opening.minute_taker.value = "J. Malá"
    opening.add_actor.value = "act-byty"
    opening.add_actor_role.value = ConferenceRole.PROFESSIONAL.value
    opening.add_actor_button.click()
    opening.new_participant.value = "P. Dvorská"
    opening.new_participant_role.value = ConferenceRole.FACILITATOR.value
    opening.add_participant_button.click()
    opening.add_client_button.click()
    assert len(opening.participant_rows) == 3, opening.participants_message.text
    client_row = opening.participant_rows[2]
    client_row.consent.value = True
    client_row.confidentiality.value = True
    opening.participant_rows[0].attended.value = False
    for title, minutes in (("Introductions and rules", 10), ("Housing", 15), ("Plan", 20)):
        opening.new_item_title.value = title
        opening.new_item_minutes.value = minutes
        opening.add_item_button.click()
    opening.agenda_rows[1].minutes.value = 25
    opening.agenda_rows[0].title.value = "Introductions, rules, confidentiality"
    assert app.case.version > versions[-1]
    assert "Saved" in app.saved.text

    # 3 story --------------------------------------------------------------------------------------------------
    assert app.go("story")
    story = app.view("story")
    story.request.value = "I want to stay at home with my cat."
    story.strengths.new_text.value = "A loyal neighbour"
    story.strengths.add_button.click()
    strengths_before = len(app.case.strengths)
    story.strengths.rows[-1].text.value = "A loyal neighbour who has a key"
    story.wishes.new_text.value = "To visit the railway museum"
    story.wishes.add_button.click()

    # 4 assessment ---------------------------------------------------------------------------------------------
    assert app.go("assessment")
    assessment = app.view("assessment")
    assessment.perspective.value = Perspective.CLIENT.value
    assessment.form.widget_for("education_status").value = 2
    assessment.form.widget_for("education_severity").value = 3
    assessment.perspective.value = Perspective.WORKER.value
    assessment.form.widget_for("education_status").value = 1
    assessment.perspective.value = Perspective.ACTOR.value
    assessment.actor.value = "act-byty"
    assessment.form.widget_for("housing_status").value = 2
    assessment.form.widget_for("housing_severity").value = 5
    assert "<svg" in assessment.star.value
    assert "casekit-disagree" in assessment.comparison.value
    assert assessment.form_message.text == ""

    # 5 network ------------------------------------------------------------------------------------------------
    assert app.go("network")
    network = app.view("network")
    assert "casekit-gap" in network.gaps.value and "Education" in network.gaps.value
    need_id, service_id = next(key for key in network.suggestions if key[0] == "need-education")
    network.suggestions[(need_id, service_id)].click()
    network.new_name.value = "Mrs N. Nováková"
    network.new_kind.value = "person"
    network.new_sector.value = "informal"
    network.add_actor_button.click()
    niece = next(a for a in app.case.actors if a.name == "Mrs N. Nováková")
    assert network.actor_select.value == niece.id
    network.formal.value = False
    network.phone.value = "+420 601 222 333"
    network.email.value = "niece@example.org"
    network.contact_person.value = "herself"
    network.provides.value = "Visits on Sundays"
    network.relationship_kind.value = RelationshipKind.STRONG.value
    network.flow.value = Flow.MUTUAL.value
    network.since.value = date(2024, 1, 1)
    network.linked_needs.value = ("need-social",)
    assert network.actor_message.text == ""
    assert "<svg" in network.ecomap.value

    # 6 plan ---------------------------------------------------------------------------------------------------
    assert app.go("plan")
    plan = app.view("plan")
    plan.new_goal.value = "I want to go out with my niece once a week."
    plan.add_goal_button.click()
    card = plan.goal_cards[-1]
    for level, text in ((0, "Out once a week"), (-2, "Never out"), (-1, "Out once a month"), (1, "Twice a week"),
                        (2, "Every other day")):
        card.levels[level].value = text
    card.weight.value = 2.0
    card.baseline.value = -2
    card.needs.value = ("need-social",)
    assert plan.goal_message.text == ""
    goal_id = card.goal_id
    plan.new_action.value = "Arrange the Sunday visits"
    plan.new_owner.value = niece.id
    plan.new_due.value = date.today() + timedelta(days=30)
    plan.new_link.value = f"goal:{goal_id}"
    plan.add_action_button.click()
    assert len(plan.action_rows) == 1, plan.action_message.text
    plan.action_rows[0].status.value = ActionStatus.IN_PROGRESS.value
    plan.crisis["when_well"].value = "Cheerful, reads the paper"
    plan.crisis["triggers"].value = "heat\nmissed pills\n"
    plan.crisis["medication"].value = "Blood pressure pills"
    plan.new_contact_name.value = "Mrs N. Nováková"
    plan.new_contact_role.value = "niece"
    plan.new_contact_phone.value = "+420 601 222 333"
    plan.add_contact_button.click()

    # 7 review -------------------------------------------------------------------------------------------------
    assert app.go("review")
    review = app.view("review")
    assert review.previous is not None and review.previous.id == "conf-3"
    first = review.action_rows[0]
    assert first.status.value == ActionStatus.DONE.value  # as recorded in the case
    first.status.value = ActionStatus.BLOCKED.value
    review.gas[goal_id].value = 1
    review.gas["goal-health"].value = -1
    review.notes.value = "Good progress at home."
    assert "casekit-gas-progress" in review.progress._dom_classes

    # 8 close --------------------------------------------------------------------------------------------------
    assert app.go("close")
    close = app.view("close")
    close.new_decision.value = "Mr K. stays at home with the niece's visits."
    close.add_decision_button.click()
    row = close.decision_rows[0]
    row.dissent.value = "The flats office would prefer a care home."
    row.dissent_by.value = ("Brodce municipal flats office",) if "Brodce municipal flats office" in [
        o[1] for o in row.dissent_by.options] else (row.dissent_by.options[0][1],)
    close.next_review.value = date.today() + timedelta(days=90)
    assert "iframe" in close.preview.value
    assert app.message.text == ""

    # a fresh app (a reloaded page) finds everything ----------------------------------------------------------
    saved_version = app.case.version
    again = ConferenceApp.from_environment(case_id=CASE_ID, conference_id=conference_id)
    assert again.current_step == "opening" and again.conference.id == conference_id
    case = store.get(CASE_ID)
    assert case.version == saved_version
    conf = next(c for c in case.conferences if c.id == conference_id)
    assert conf.place == "Meeting room 2, town office"
    assert conf.facilitator == "P. Dvorská" and conf.minute_taker == "J. Malá"
    assert [p.name for p in conf.participants] == ["Brodce municipal flats office", "P. Dvorská", "Mr K."]
    assert conf.participants[0].actor_id == "act-byty" and conf.participants[0].attended is False
    assert conf.participants[1].role == ConferenceRole.FACILITATOR
    assert conf.participants[2].consent and conf.participants[2].confidentiality_acknowledged
    assert [(a.title, a.minutes) for a in conf.agenda] == [
        ("Introductions, rules, confidentiality", 10), ("Housing", 25), ("Plan", 20)]
    assert case.request == "I want to stay at home with my cat."
    assert case.strengths[-1] == "A loyal neighbour who has a key" and len(case.strengths) == strengths_before
    assert case.wishes[-1] == "To visit the railway museum"
    education = next(n for n in case.needs if n.domain.value == "education")
    assert education.rating("client").status == NeedStatus.UNMET and education.rating("client").severity == 3
    assert education.rating("worker").status == NeedStatus.MET
    housing = next(n for n in case.needs if n.domain.value == "housing")
    assert housing.rating("actor", "act-byty").severity == 5
    records = store.assessments(case_id=CASE_ID, instrument_id="casekit-needs")
    assert {(a.perspective.value, a.actor_id) for a in records} >= {("client", None), ("worker", None),
                                                                    ("actor", "act-byty")}
    service_actor = next(a for a in case.actors if a.catalogue_id == service_id)
    assert service_actor.id in education.actor_ids
    niece = next(a for a in case.actors if a.name == "Mrs N. Nováková")
    assert (niece.phone, niece.email, niece.contact_person, niece.formal) == (
        "+420 601 222 333", "niece@example.org", "herself", False)
    assert niece.relationship.kind == RelationshipKind.STRONG and niece.relationship.flow == Flow.MUTUAL
    assert niece.relationship.since == date(2024, 1, 1)
    assert niece.id in case.need("need-social").actor_ids
    goal = case.goal(goal_id)
    assert goal.levels == {-2: "Never out", -1: "Out once a month", 0: "Out once a week", 1: "Twice a week",
                           2: "Every other day"}
    assert (goal.weight, goal.baseline, goal.need_ids) == (2.0, -2, ["need-social"])
    action = case.action(conf.action_ids[0])
    assert (action.owner_id, action.goal_id, action.status) == (niece.id, goal_id, ActionStatus.IN_PROGRESS)
    assert case.crisis_plan.when_well == "Cheerful, reads the paper"
    assert case.crisis_plan.triggers == ["heat", "missed pills"]
    assert case.crisis_plan.medication == "Blood pressure pills"
    assert case.crisis_plan.contacts[-1].phone == "+420 601 222 333"
    this_review = next(r for r in case.reviews if r.conference_id == conference_id)
    assert this_review.gas_scores == {goal_id: 1, "goal-health": -1}
    assert this_review.notes == "Good progress at home."
    assert this_review.action_changes[0].status == ActionStatus.BLOCKED
    assert case.action(this_review.action_changes[0].action_id).status == ActionStatus.BLOCKED
    assert conf.decisions[0].text.startswith("Mr K. stays at home")
    assert conf.decisions[0].dissent and conf.decisions[0].dissent_by
    assert conf.next_review == date.today() + timedelta(days=90)
    # the reopened app shows what was saved
    assert again.view("opening").place.value == "Meeting room 2, town office"
    again.go("story")
    assert again.view("story").request.value == "I want to stay at home with my cat."


def test_exports_write_files_and_offer_downloads(db_url, tmp_path):
    app = ConferenceApp.from_environment(case_id=CASE_ID, conference_id="conf-3")
    assert app.go("close")
    close = app.view("close")
    for fmt in ("md", "html", "docx"):
        close.export_buttons[fmt].click()
    assert close.export_message.kind == "ok", close.export_message.text
    folder = tmp_path / "exports"
    files = sorted(p.suffix for p in folder.iterdir())
    assert files == [".docx", ".html", ".md"]
    assert (folder / f"minutes-{CASE_ID}-conf-3.md").read_text(encoding="utf-8").strip()
    assert (folder / f"minutes-{CASE_ID}-conf-3.docx").read_bytes()[:2] == b"PK"
    assert close.downloads.value.count("href=\"data:") == 3
    assert 'download="minutes-example-senior-dementia-conf-3.docx"' in close.downloads.value
    assert [b.description for b in close.export_buttons.values()] == [
        "Export Markdown", "Export HTML for printing", "Export Word (DOCX)"]


def test_czech_meeting_exports_czech_minutes(db_url, tmp_path):
    app = ConferenceApp.from_environment(lang="cs", case_id=CASE_ID)
    start = app.view("start") if app.current_step == "start" else None
    assert start is None
    app.go("start")
    app.view("start").new_conference_button.click()
    assert app.conference.language == "cs"
    app.go("close")
    app.view("close").export_buttons["md"].click()
    path = app.view("close").exported["md"]
    assert path.name.startswith("zapis-")
    assert "Zápis" in path.read_text(encoding="utf-8") or "zápis" in path.read_text(encoding="utf-8").lower()


def test_the_app_displays_and_names_its_steps(db_url):
    app = ConferenceApp.from_environment(case_id=CASE_ID)
    assert "casekit-app" in app._dom_classes and "casekit-theme-dark" in app._dom_classes
    assert app.current_step == "opening"
    assert "2 / 8" in app.step_heading.value and "Opening" in app.step_heading.value
    assert app.step_buttons["opening"].button_style == "primary"
    assert [b.description for b in app.step_buttons.values()] == [
        "1 Start", "2 Opening", "3 Story and strengths", "4 Assessment", "5 Network", "6 Plan", "7 Review",
        "8 Close"]
    app.step_buttons["plan"].click()
    assert app.current_step == "plan" and "6 / 8" in app.step_heading.value
    assert app.go("nowhere") is False and app.message.kind == "error"


def test_steps_need_a_case_and_a_conference(db_url):
    app = ConferenceApp.from_environment()
    assert app.go("plan") is False
    assert app.current_step == "start" and "Start" in app.message.text


def test_create_a_case_and_start_its_first_conference(db_url, store):
    app = ConferenceApp.from_environment()
    start = app.view("start")
    start.new_pseudonym.value = "Ms Z."
    start.new_manager.value = ""
    start.create_button.click()
    assert "Case manager" in start.create_message.text
    start.new_manager.value = "H. Lesná"
    start.new_opened.value = date.today() - timedelta(days=3)
    start.create_button.click()
    assert app.case is not None and app.case.client.display_name == "Ms Z."
    start.new_conference_button.click()
    assert app.current_step == "opening"
    app.go("review")
    assert app.view("review").previous is None
    assert store.get(app.case.id).conferences[0].date == date.today()
