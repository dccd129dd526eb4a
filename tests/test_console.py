"""The console without a browser: a whole conference walked step by step, then found again in the store; the room
state it leaves for the room view; the widget budget of a step.

Widgets are driven as a browser would drive them (setting ``.value``, calling ``.click()``); observers fire without a
kernel, and with no asyncio loop running every debounced save happens at once.
"""
from __future__ import annotations

from datetime import date, timedelta

import ipywidgets as widgets
import pytest

import casekit
from casekit.i18n import format_date
from casekit.vocab import ActionStatus, ConferenceRole, Flow, NeedStatus, Perspective, RelationshipKind
from casekit.widgets.console import ConsoleApp

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
    for name in ("CASEKIT_CASE", "CASEKIT_CONFERENCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CASEKIT_LANG", "en")
    return url


@pytest.fixture
def store(db_url):
    store = casekit.open_store(db_url, user="facilitator")
    yield store
    store.close()


def new_app(**kwargs) -> ConsoleApp:
    return ConsoleApp.from_environment(follow=False, **kwargs)


@pytest.fixture(autouse=True)
def quick_clicks(request, monkeypatch):
    """A test clicks faster than a person: the double-click guard is off except where a test checks it."""
    if "double_click" not in request.node.name:
        import casekit.widgets.console.base as base

        monkeypatch.setattr(base, "COOLDOWN", 0.0)


def start_conference(app: ConsoleApp, query: str = "Mr K") -> str:
    start = app.screen("start")
    start.search.value = query
    start.results.value = CASE_ID
    start.open_button.click()
    start.new_conference_button.click()
    assert app.current_step == "opening", app.message.text
    return app.conference.id


def test_a_whole_conference_is_walked_and_found_again(db_url, store):
    app = new_app()
    assert app.steps == ("start", "opening", "story", "assessment", "network", "plan", "review", "close")
    assert app.current_step == "start"
    conference_id = start_conference(app)
    versions = [app.case.version]

    opening = app.screen("opening")
    opening.place.value = "Meeting room 2, town office"
    opening.facilitator.value = "P. Dvorská"
    opening.minute_taker.value = "J. Malá"
    opening.date.value = "1. 2. 2026"  # typed the Czech way in an English app: still read as 1 February
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
    assert app.saved.text.startswith("Saved")

    assert app.go("story")
    story = app.screen("story")
    story.request.value = "I want to stay at home with my cat."
    story.strengths.new_text.value = "A loyal neighbour"
    story.strengths.add_button.click()
    strengths_before = len(app.case.strengths)
    story.strengths.rows[-1].text.value = "A loyal neighbour who has a key"
    story.wishes.new_text.value = "To visit the railway museum"
    story.wishes.add_button.click()

    assert app.go("assessment")
    assessment = app.screen("assessment")
    assessment.perspective.value = Perspective.CLIENT.value
    _label, status, severity = assessment.grid.rows["education"]
    status.value = 2
    severity.value = 3
    assessment.perspective.value = Perspective.WORKER.value
    assessment.grid.rows["education"][1].value = 1
    assessment.perspective.value = Perspective.ACTOR.value
    assessment.actor.value = "act-byty"
    assessment.grid.rows["housing"][1].value = 1  # the case said unmet (5) for this actor: now met, 4
    assessment.grid.rows["housing"][2].value = 4
    assert assessment.form_message.text == ""
    assert "⚠" in assessment.grid.rows["education"][0].value  # client and worker disagree

    assert app.go("network")
    network = app.screen("network")
    assert "Education" in network.gaps.value
    need_id, service_id = next(key for key in network.suggestions if key[0] == "need-education")
    network.suggestions[(need_id, service_id)].click()
    network.new_name.value = "Mrs N. Nováková"
    network.new_kind.value = "person"
    network.new_sector.value = "informal"
    network.add_button.click()
    assert "Say whether" in network.new_message.text  # formal or informal is never guessed
    network.new_formal.value = False
    network.add_button.click()
    niece = next(a for a in app.case.actors if a.name == "Mrs N. Nováková")
    network.choose(niece.id)
    network.details["phone"].value = "+420 601 222 333"
    network.details["email"].value = "niece@example.org"
    network.details["contact_person"].value = "herself"
    network.details["provides"].value = "Visits on Sundays"
    network.details["flow"].value = Flow.MUTUAL.value
    network.details["since"].value = "1. 1. 2024"
    row = next(r for r in network.actor_rows if "Nováková" in r.name.value)
    row.tie.value = RelationshipKind.STRONG.value
    network.choose(niece.id)
    network.needs["need-social"].value = True
    assert network.actors_message.text == ""

    assert app.go("plan")
    plan = app.screen("plan")
    plan.new_goal.value = "I want to go out with my niece once a week."
    plan.add_goal_button.click()
    goal_id = app.case.goals[-1].id
    plan.open_ladder(goal_id)
    card = plan.goal_rows[-1]
    for level, text in ((0, "Out once a week"), (-2, "Never out"), (-1, "Out once a month"), (1, "Twice a week"),
                        (2, "Every other day")):
        card.levels[level].value = text
    assert list(card.levels) == [-2, -1, 0, 1, 2]  # the ladder in order
    plan.new_what.value = "Arrange the Sunday visits"
    plan.new_owner.value = niece.id
    plan.new_due.value = format_date(date.today() + timedelta(days=30), "en")
    plan.new_link.value = f"goal:{goal_id}"
    plan.add_action_button.click()
    assert plan.actions_message.text == ""
    action_row = next(r for r in plan.action_rows if r.what.value == "Arrange the Sunday visits")
    action_row.status.value = ActionStatus.IN_PROGRESS.value
    plan.crisis["when_well"].value = "Cheerful, reads the paper"
    plan.crisis["triggers"].value = "heat\nmissed pills\n"
    plan.new_contact_name.value = "Mrs N. Nováková"
    plan.new_contact_role.value = "niece"
    plan.new_contact_phone.value = "+420 601 222 333"
    plan.add_contact_button.click()

    assert app.go("review")
    review = app.screen("review")
    first = review.action_rows[0]
    first.status.value = ActionStatus.BLOCKED.value
    score_row = next(r for r in review.score_rows if "go out with my niece" in r.children[0].value)
    score_row.score.value = 1
    review.notes.value = "Good progress at home."

    assert app.go("close")
    close = app.screen("close")
    close.new_decision.value = "Mr K. stays at home with the niece's visits."
    close.add_decision_button.click()
    close.decision_rows[0].dissent.value = "The flats office would prefer a care home."
    close.decision_rows[0].dissent_by.value = "Brodce municipal flats office"
    close.next_review.value = format_date(date.today() + timedelta(days=90), "en")
    close.preview_button.click()
    assert "iframe" in close.preview.value and "sandbox" in close.preview.value
    assert app.message.text == ""

    # a reloaded page (a new app) finds everything
    again = new_app(case_id=CASE_ID, conference_id=conference_id)
    assert again.current_step == "opening" and again.conference.id == conference_id
    case = store.get(CASE_ID)
    conf = next(c for c in case.conferences if c.id == conference_id)
    assert conf.date == date(2026, 2, 1)
    assert (conf.place, conf.facilitator, conf.minute_taker) == ("Meeting room 2, town office", "P. Dvorská", "J. Malá")
    assert [p.name for p in conf.participants] == ["Brodce municipal flats office", "P. Dvorská", "Mr K."]
    assert conf.participants[0].attended is False and conf.participants[1].role == ConferenceRole.FACILITATOR
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
    assert housing.rating("actor", "act-byty").status == NeedStatus.MET
    assert housing.rating("actor", "act-byty").severity == 4
    records = store.assessments(case_id=CASE_ID, instrument_id="casekit-needs")
    assert {(a.perspective.value, a.actor_id) for a in records} >= {("client", None), ("worker", None),
                                                                    ("actor", "act-byty")}
    service_actor = next(a for a in case.actors if a.catalogue_id == service_id)
    assert service_actor.id in education.actor_ids
    niece = next(a for a in case.actors if a.name == "Mrs N. Nováková")
    assert (niece.phone, niece.email, niece.contact_person, niece.provides, niece.formal) == (
        "+420 601 222 333", "niece@example.org", "herself", "Visits on Sundays", False)
    assert niece.relationship.kind == RelationshipKind.STRONG and niece.relationship.flow == Flow.MUTUAL
    assert niece.relationship.since == date(2024, 1, 1)
    assert niece.id in case.need("need-social").actor_ids
    goal = case.goal(goal_id)
    assert goal.levels == {-2: "Never out", -1: "Out once a month", 0: "Out once a week", 1: "Twice a week",
                           2: "Every other day"}
    action = next(a for a in case.actions if a.what == "Arrange the Sunday visits")
    assert (action.owner_id, action.goal_id, action.status) == (niece.id, goal_id, ActionStatus.IN_PROGRESS)
    assert action.id in conf.action_ids
    assert case.crisis_plan.when_well == "Cheerful, reads the paper"
    assert case.crisis_plan.triggers == ["heat", "missed pills"]
    assert case.crisis_plan.contacts[-1].phone == "+420 601 222 333"
    this_review = next(r for r in case.reviews if r.conference_id == conference_id)
    assert this_review.gas_scores == {goal_id: 1} and this_review.notes == "Good progress at home."
    assert this_review.action_changes[0].status == ActionStatus.BLOCKED
    assert conf.decisions[0].text.startswith("Mr K. stays at home")
    assert conf.decisions[0].dissent_by == ["Brodce municipal flats office"]
    assert conf.next_review == date.today() + timedelta(days=90)
    assert again.screen("opening").place.value == "Meeting room 2, town office"
    assert again.screen("opening").date.value == "1 Feb 2026"  # shown the way the app's language writes dates


def test_the_room_follows_the_step_language_and_privacy(db_url, store):
    app = new_app()
    conference_id = start_conference(app)
    app.go("assessment")
    state = store.get_room_state(conference_id)
    assert (state.step, state.case_id) == ("assessment", CASE_ID)
    app.language_toggle.value = "cs"
    state = store.get_room_state(conference_id)
    assert state.revealed["lang"] == "cs" and "privacy" not in state.revealed  # the room keeps privacy on
    app.go("opening")
    app.screen("opening").room_names.value = True
    assert store.get_room_state(conference_id).revealed["privacy"] is False
    app.privacy_toggle.value = True
    app.screen("opening")
    app.go("opening")
    app.screen("opening")  # privacy: the room's screen, no input holds a name
    texts = [w.value for w in _walk(app) if isinstance(w, (widgets.Text, widgets.Textarea))]
    assert "P. Dvorská" not in " ".join(texts)


def test_the_room_shows_the_ladder_open_on_plan(db_url, store):
    app = new_app()
    conference_id = start_conference(app)
    assert app.go("plan")
    plan = app.screen("plan")
    first, second = (goal.id for goal in app.case.goals[:2])
    plan.goal_rows[0].ladder_button.click()  # the facilitator opens a goal's GAS ladder
    assert plan.open_goal == first and plan.goal_rows[0].levels
    assert store.get_room_state(conference_id).revealed["plan_goal"] == first
    plan.goal_rows[1].ladder_button.click()  # another goal's: the room follows
    assert store.get_room_state(conference_id).revealed["plan_goal"] == second
    plan.goal_rows[1].ladder_button.click()  # closed: the room shows no ladder
    assert "plan_goal" not in store.get_room_state(conference_id).revealed
    plan.goal_rows[0].ladder_button.click()
    app.language_toggle.value = "cs"  # the step is built again in Czech, with the ladder the room shows
    assert app.screen("plan").open_goal == first
    state = store.get_room_state(conference_id)
    assert state.revealed["plan_goal"] == first and state.revealed["lang"] == "cs"
    plan = app.screen("plan")
    plan.goal_rows[0].remove.click()  # the goal removed: its ladder leaves the room too
    assert first not in [goal.id for goal in store.get(CASE_ID).goals]
    assert "plan_goal" not in store.get_room_state(conference_id).revealed


def _walk(widget):
    stack = [widget]
    while stack:
        w = stack.pop()
        yield w
        stack += list(getattr(w, "children", ()) or ())


@pytest.mark.parametrize("step", ["start", "opening", "story", "assessment", "network", "plan", "review", "close"])
def test_a_step_costs_few_widget_models(db_url, step):
    app = new_app(case_id=CASE_ID)
    app.go("start")
    before = len(widgets.Widget.widgets)
    app.go(step)
    created = len(widgets.Widget.widgets) - before
    assert created <= 150, f"{step}: {created} widget models"


def test_a_double_click_adds_one_conference(db_url, store):
    app = new_app()
    start = app.screen("start")
    start.search.value = "Mr K"
    start.results.value = CASE_ID
    start.open_button.click()
    before = len(store.get(CASE_ID).conferences)
    button = start.new_conference_button
    button.click()
    app.go("start")
    button.click()  # the second click of a double click: within the cool-down, dropped in Python
    assert len(store.get(CASE_ID).conferences) == before + 1


def test_a_removed_participant_comes_back_with_undo(db_url, store):
    app = new_app()
    conference_id = start_conference(app)
    opening = app.screen("opening")
    opening.add_client_button.click()
    opening.participant_rows[0].remove.click()
    assert store.get(CASE_ID).conferences[-1].participants == [] or all(
        c.participants == [] for c in store.get(CASE_ID).conferences if c.id == conference_id)
    assert app.undo_bar.layout.display is None and "Mr K." in app.undo_text.value
    app.undo_button.click()
    conference = next(c for c in store.get(CASE_ID).conferences if c.id == conference_id)
    assert [p.name for p in conference.participants] == ["Mr K."]


def test_a_due_date_far_ahead_asks_first(db_url, store):
    app = new_app()
    start_conference(app)
    app.go("plan")
    plan = app.screen("plan")
    plan.new_what.value = "Something for later"
    plan.new_owner.value = "client"
    plan.new_due.value = "31. 12. 2200"
    plan.add_action_button.click()
    assert "Something for later" not in [a.what for a in store.get(CASE_ID).actions]
    assert app.far_bar.layout.display is None or plan.actions_message.text


def test_an_unreadable_date_says_how_to_write_one(db_url, store):
    app = new_app(lang="cs")
    conference_id = start_conference(app)
    opening = app.screen("opening")
    opening.date.value = "třicátého února"
    assert "napište" in opening.details_message.text.lower()
    assert next(c for c in store.get(CASE_ID).conferences if c.id == conference_id).date == date.today()


def test_the_saved_state_speaks_the_apps_language(db_url):
    app = new_app(lang="cs")
    start_conference(app)
    app.screen("opening").place.value = "Zasedačka"
    assert app.saved.text.startswith("Uloženo")


def test_the_gas_levels_are_in_order_and_plurals_are_right(db_url):
    app = new_app(lang="cs")
    start_conference(app)
    app.go("assessment")
    count = app.screen("assessment").count.value
    assert "nenaplněn" in count
    app.go("plan")
    plan = app.screen("plan")
    plan.open_ladder(app.case.goals[0].id)
    assert list(plan.goal_rows[0].levels) == [-2, -1, 0, 1, 2]


def test_two_consoles_merge_different_fields_and_ask_only_on_the_same_one(db_url, store):
    first, second = new_app(), new_app()
    conference_id = start_conference(first)
    second.screen("start")
    start = second.screen("start")
    start.search.value = "Mr K"
    start.results.value = CASE_ID
    start.open_button.click()
    second.open_conference(conference_id)
    first.screen("opening").place.value = "Room A"
    second.screen("opening").facilitator.value = "B's facilitator"  # B started before A saved
    conference = next(c for c in store.get(CASE_ID).conferences if c.id == conference_id)
    assert (conference.place, conference.facilitator) == ("Room A", "B's facilitator")
    assert second.collision_box.layout.display == "none"

    first.screen("opening").place.value = "Room A again"
    second.screen("opening").place.value = "Room B"  # B never saw "Room A again": a real collision
    assert second.collision_box.layout.display is None
    text = second.collision_message.text
    assert "Room A again" in text and "Room B" in text
    assert second.screen("opening").place.value == "Room B"  # what B typed is kept
    assert next(c for c in store.get(CASE_ID).conferences if c.id == conference_id).place == "Room A again"
    second.keep_mine_button.click()
    assert next(c for c in store.get(CASE_ID).conferences if c.id == conference_id).place == "Room B"
    assert second.collision_box.layout.display == "none"


def test_plan_draws_a_page_of_earlier_actions_and_this_conferences_all(db_url, store):
    """A case of years has hundreds of open actions: Plan draws this conference's and 15 earlier ones (the
    soonest due first), "Show more actions" the next 15; an action just added is shown whatever its date."""
    from casekit.widgets.console.plan import ACTIONS_PAGE

    case = store.get(CASE_ID)
    owner = case.actors[0].id
    earlier = [{"id": f"old-{n:02d}", "what": f"Earlier step {n}", "owner_id": owner,
                "due": (date(2025, 1, 1) + timedelta(days=n)).isoformat()} for n in range(40)]
    data = case.model_dump(mode="json")
    data["actions"] += earlier
    store.save(casekit.Case.model_validate(data))
    app = new_app()
    start_conference(app)
    assert app.go("plan")
    plan = app.screen("plan")
    open_before = [a for a in app.case.actions if a.status.value not in ("done", "cancelled")]
    assert len(plan.action_rows) == ACTIONS_PAGE < len(open_before)
    assert [r.what.value for r in plan.action_rows[:2]] == ["Earlier step 0", "Earlier step 1"]
    left = len(open_before) - ACTIONS_PAGE
    assert plan.more_actions_button.layout.display is None
    assert plan.more_actions_button.description == f"Show more actions ({left} left)"
    plan.more_actions_button.click()
    assert len(plan.action_rows) == 2 * ACTIONS_PAGE
    plan.new_what.value = "Book the flat viewing"
    plan.new_owner.value = owner
    plan.new_due.value = format_date(date.today() + timedelta(days=60), "en")  # due after all the others
    plan.add_action_button.click()
    assert plan.actions_message.text == ""
    assert "Book the flat viewing" in [r.what.value for r in plan.action_rows]
    assert len(plan.action_rows) == 2 * ACTIONS_PAGE + 1
