"""The console's hardening, without a browser: it refuses what the browser would not send, never lets an exception
escape a callback nor shows a traceback, names a read-only or unreachable store in the user's language, logs a
refusal without the text that was refused, saves text after a pause in typing, shows on each step what the other
steps changed, and with privacy on shows no contact detail nor note on any step.

(Ported from the old conference app's tests; what ``tests/test_console.py`` already proves — double clicks, undo,
dates far ahead, plurals, collisions — and what ``tests/test_charts_svg.py`` proves — light imports — is not
repeated here.)
"""
from __future__ import annotations

import asyncio
import logging

import pytest

import casekit
from casekit.conference import edits
from casekit.widgets.console import ConsoleApp

CASE_ID = "example-senior-dementia"
CONFERENCE_ID = "conf-3"
PLACE = "Meeting room, Brodce town office"
SECRET_PHONE = "+420 777 123 456"
SECRET_EMAIL = "secret.person@example.org"
SECRET_CONTACT = "Zdeňka Tajná"
SECRET_NOTE = "Confidential conference note 4711"
SECRET_RATING_NOTE = "Rating note that must not be projected 4712"
SECRET_MEDICATION = "Secret medication 4713"
SECRET_REVIEW_NOTE = "Confidential review note 4715"
SECRETS = (SECRET_PHONE, SECRET_EMAIL, SECRET_CONTACT, SECRET_NOTE, SECRET_RATING_NOTE, SECRET_MEDICATION,
           SECRET_REVIEW_NOTE)
#: what must never reach the page when something fails
RAW = ("Traceback", "OperationalError", "RuntimeError", "sqlite", "psycopg", "sqlalchemy", "database on fire",
       "disk full")


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    """The senior-dementia example with secrets planted in its contact details and notes."""
    url = f"sqlite:///{tmp_path / 'conference.sqlite'}"
    store = casekit.open_store(url, user="facilitator")
    data = casekit.load_example("senior-dementia", "en").model_dump()
    data["version"] = 0
    data["actors"][0].update(phone=SECRET_PHONE, email=SECRET_EMAIL, contact_person=SECRET_CONTACT)
    conference = next(c for c in data["conferences"] if c["id"] == CONFERENCE_ID)
    conference["notes"] = SECRET_NOTE
    next(r for r in data["reviews"] if r["conference_id"] == CONFERENCE_ID)["notes"] = SECRET_REVIEW_NOTE
    data["needs"][0]["ratings"][0]["note"] = SECRET_RATING_NOTE
    data["crisis_plan"]["medication"] = SECRET_MEDICATION
    data["crisis_plan"]["contacts"][-1]["phone"] = SECRET_PHONE
    store.save(casekit.Case.model_validate(data))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CASEKIT_LANG", "en")
    for name in ("CASEKIT_CASE", "CASEKIT_CONFERENCE"):
        monkeypatch.delenv(name, raising=False)
    return url


@pytest.fixture
def store(db_url):
    store = casekit.open_store(db_url, user="facilitator")
    yield store
    store.close()


@pytest.fixture(autouse=True)
def quick_clicks(monkeypatch):
    """A test clicks faster than a person: the double-click guard is off (tests/test_console.py checks it)."""
    import casekit.widgets.console.base as base

    monkeypatch.setattr(base, "COOLDOWN", 0.0)


def open_app(**kwargs) -> ConsoleApp:
    """The console on the planted conference, at its Opening step (as a reloaded page comes back to it)."""
    app = ConsoleApp.from_environment(case_id=CASE_ID, conference_id=CONFERENCE_ID, follow=False, **kwargs)
    assert app.conference is not None and app.conference.id == CONFERENCE_ID, app.message.text
    assert app.current_step == "opening"
    return app


def walk(widget):
    stack = [widget]
    while stack:
        w = stack.pop()
        yield w
        stack += list(getattr(w, "children", ()) or ())


def shown_text(widget) -> str:
    """Everything a browser could show of a widget tree: values, labels, options, tooltips, placeholders."""
    parts = []
    for w in walk(widget):
        for name in ("value", "description", "placeholder", "tooltip", "tooltips"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, (tuple, list)):
                parts += [str(v) for v in value]
        parts += [str(label) for label in getattr(w, "_options_labels", ()) or ()]
    return "\n".join(parts)


def conference_of(case):
    return next(c for c in case.conferences if c.id == CONFERENCE_ID)


def binding_of(screen, widget):
    groups = [screen.bindings] + [v for v in vars(screen).values()
                                  if isinstance(v, list) and v and type(v[0]).__name__ == "Binding"]
    return next(b for group in groups for b in group if b.widget is widget)


# -- refused values ---------------------------------------------------------------------------------------------
def test_values_the_browser_would_not_send_are_refused_in_python(db_url, store):
    app = open_app()
    saved = store.get(CASE_ID)
    opening = app.screen("opening")

    # a dropdown value that is not among its options, set on the trait (as a program could)
    opening.new_participant_role.value = "dictator"
    assert opening.new_participant_role.value == "professional"
    assert "not one of the choices" in opening.participants_message.text
    opening.participants_message.clear()
    # an index no option has, as a hand-written client could send it over the comm
    row = opening.participant_rows[0]
    before = row.role.value
    row.role.set_state({"index": 99})
    assert row.role.value == before
    assert "not one of the choices" in opening.participants_message.text
    opening.participants_message.clear()
    # the callback itself given a role no option has (were the dropdown's guard gone): the edit refuses it
    opening._changed(binding_of(opening, row.role), "dictator")
    assert opening.participants_message.kind == "error" and opening.participants_message.text
    assert opening.participant_rows[0].role.value == before

    # the language switch, the same way
    app.language_toggle.set_state({"index": 7})
    assert app.language_toggle.value == "en" and app.lang == "en"
    assert "not one of the choices" in app.message.text
    app.message.clear()

    # a text longer than the field may be
    opening.place.value = "x" * 201
    assert opening.place.value == PLACE  # the stored value again
    assert "200" in opening.details_message.text, opening.details_message.text
    # a conference before the case was opened
    opening.date.value = "1 Jan 2020"
    assert opening.date.value == "12 Mar 2025"
    assert opening.details_message.kind == "error" and opening.details_message.text

    # an empty name
    opening.new_participant.value = "   "
    opening.add_participant_button.click()
    assert opening.participants_message.kind == "error"

    # agenda items of 0 and of 1000 minutes
    opening.new_item_title.value = "Too short"
    opening.new_item_minutes.value = 0
    opening.add_item_button.click()
    assert "Minutes" in opening.agenda_message.text, opening.agenda_message.text
    minutes = opening.agenda_rows[0].minutes
    stored_minutes = minutes.value
    minutes.value = 1000
    assert opening.agenda_rows[0].minutes.value == stored_minutes  # the row drawn again, with the stored value
    assert "480" in opening.agenda_message.text, opening.agenda_message.text

    # a severity of 9
    assert app.go("assessment")
    assessment = app.screen("assessment")
    assert assessment.grid.value_of("housing") == (2, 2)  # the client: unmet, severity 2
    _label, status, severity = assessment.grid.rows["housing"]
    status.value = 1
    answered = store.get(CASE_ID).version
    assert answered == saved.version + 1  # the one valid answer of this test: saved
    severity.set_state({"index": 8})
    assert severity.value == 2
    assert "not one of the choices" in assessment.form_message.text
    assessment.form_message.clear()
    severity.value = 9
    assert severity.value == 2 and "not one of the choices" in assessment.form_message.text
    assessment.form_message.clear()
    # the answer itself out of the scale (were the buttons' guards gone): the assessment refuses it
    assert assessment._rated("housing", 1, 9) is False
    assert assessment.form_message.kind == "error" and assessment.form_message.text
    assert assessment.grid.value_of("housing") == (1, 2)

    # a GAS score of 5
    assert app.go("review")
    review = app.screen("review")
    score = review.score_rows[0].score
    stored_score = score.value
    score.value = 5
    assert score.value == stored_score and "not one of the choices" in review.review_message.text

    # an actor without a name
    assert app.go("network")
    network = app.screen("network")
    network.new_name.value = "  "
    network.new_sector.value = "public_administration"
    network.new_formal.value = True
    network.add_button.click()
    assert network.new_message.kind == "error"

    case = store.get(CASE_ID)
    assert case.version == answered  # nothing refused was stored
    assert conference_of(case).place == PLACE and str(conference_of(case).date) == "2025-03-12"
    assert [p.role for p in conference_of(case).participants] == [p.role for p in conference_of(saved).participants]
    assert [(a.title, a.minutes) for a in conference_of(case).agenda] == [
        (a.title, a.minutes) for a in conference_of(saved).agenda]
    assert len(case.actors) == len(saved.actors)
    assert next(r for r in case.reviews if r.conference_id == CONFERENCE_ID).gas_scores == next(
        r for r in saved.reviews if r.conference_id == CONFERENCE_ID).gas_scores
    assert not app.session.has_pending


def test_the_model_refuses_a_gas_score_out_of_scale_even_without_the_buttons(db_url, store):
    app = open_app()
    assert app.go("review")
    review = app.screen("review")
    version = store.get(CASE_ID).version
    assert review.edit(edits.set_gas_score, CONFERENCE_ID, "goal-home", 5, message=review.review_message) is False
    assert review.review_message.kind == "error" and "5" in review.review_message.text

    # and past the edit too: a review with a score of 5 is not a valid case
    def sneak(case):
        data = case.model_dump()
        next(r for r in data["reviews"] if r["conference_id"] == CONFERENCE_ID)["gas_scores"]["goal-home"] = 5
        return casekit.Case.model_validate(data)

    assert review.edit(sneak, message=review.review_message) is False
    assert review.review_message.kind == "error"
    assert store.get(CASE_ID).version == version and not app.session.has_pending


# -- errors -----------------------------------------------------------------------------------------------------
def test_no_exception_escapes_a_callback(db_url, store, monkeypatch, caplog):
    app = open_app()
    version = store.get(CASE_ID).version
    works = app.session.store.save

    def broken(case, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(app.session.store, "save", broken)
    caplog.set_level(logging.INFO, logger="casekit")
    opening = app.screen("opening")
    opening.place.value = "Room C"  # would raise out of the observer without the guard
    assert "Something went wrong" in opening.details_message.text
    assert app.saved.state == "failed" and "Not saved" in app.saved.text
    assert app.saved.text.count("Not saved") == 1, app.saved.text  # one sentence, not "Not saved – Not saved: …"
    assert "kept" in app.saved.text and app.session.has_pending  # what was typed waits for the store
    before = len(opening.participant_rows)
    opening.add_client_button.click()
    assert "Something went wrong" in opening.participants_message.text
    assert len(opening.participant_rows) == before + 1  # kept, like the place
    assert app.go("close")  # leaving a step tries again: it fails, and says so
    assert "Something went wrong" in app.message.text
    close = app.screen("close")
    decisions = len(close.decision_rows)  # the conference already holds two
    close.new_decision.value = "Mr K. stays at home."
    close.add_decision_button.click()
    assert "Something went wrong" in close.decision_message.text
    # the decision is kept and shown once, and no longer in the field: a second click cannot add it twice
    assert len(close.decision_rows) == decisions + 1 and close.new_decision.value == ""
    assert [r.text.value for r in close.decision_rows].count("Mr K. stays at home.") == 1
    page = shown_text(app)
    for raw in RAW:
        assert raw not in page, raw
    assert any(r.exc_info and "database on fire" in str(r.exc_info[1]) for r in caplog.records)
    assert store.get(CASE_ID).version == version

    # the store works again: the next step saves everything kept, once
    monkeypatch.setattr(app.session.store, "save", works)
    assert app.go("review")
    assert app.saved.state == "saved" and not app.session.has_pending
    case = store.get(CASE_ID)
    assert case.version == version + 1
    conference = conference_of(case)
    assert conference.place == "Room C" and [d.text for d in conference.decisions][decisions:] == [
        "Mr K. stays at home."]
    assert len(conference.decisions) == decisions + 1
    assert len(conference.participants) == before + 1


def test_a_read_only_store_is_named_in_the_app_and_nothing_changes(db_url, store):
    version = store.get(CASE_ID).version
    path = db_url.removeprefix("sqlite:///")
    read_only = casekit.open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        for lang, words, kept in (("en", "read-only", "kept"), ("cs", "jen pro čtení", "zůstává")):
            app = ConsoleApp(read_only, lang=lang, case_id=CASE_ID, conference_id=CONFERENCE_ID)
            opening = app.screen("opening")
            opening.place.value = "Room D"
            assert words in app.saved.text and words in opening.details_message.text, app.saved.text
            assert kept in app.saved.text and app.session.has_pending  # what was typed is not lost
            assert app.go("story")  # the room cannot follow either: said, not raised
            assert words in app.message.text
            page = shown_text(app)
            for raw in RAW:
                assert raw.lower() not in page.lower(), (lang, raw)
    finally:
        read_only.close()
    assert store.get(CASE_ID).version == version
    assert conference_of(store.get(CASE_ID)).place == PLACE


def test_a_store_that_becomes_unreachable_keeps_the_change_and_says_so(db_url, store, monkeypatch, tmp_path):
    """The database itself fails mid-meeting (a real driver error, whose text names SQLite and the SQL): what was
    typed is kept, the page says so in the user's language, and saves it once the store is back."""
    import sqlalchemy

    app = open_app()
    version = store.get(CASE_ID).version
    reachable = app.store._engine
    monkeypatch.setattr(app.store, "_engine", sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'gone' / 'x.sqlite'}"))
    opening = app.screen("opening")
    opening.place.value = "Room E"
    assert app.session.has_pending and app.saved.state == "failed"
    assert "cannot be opened" in opening.details_message.text, opening.details_message.text
    assert "cannot be opened" in app.saved.text and "kept" in app.saved.text, app.saved.text
    assert opening.place.value == "Room E"  # what was typed stays on screen
    assert app.go("story")  # leaving the step tries again: said, not raised
    assert "cannot be opened" in app.message.text
    assert app.go("network")
    network = app.screen("network")
    actors = len(app.session.current.actors)
    network.new_name.value = "Mrs P."
    network.new_sector.value = "informal"
    network.new_formal.value = False
    network.add_button.click()  # kept, not saved: the message says so, never "added"
    assert "cannot be opened" in network.new_message.text and "added" not in network.new_message.text
    assert len(app.session.current.actors) == actors + 1 and network.new_name.value == ""
    app.language_toggle.value = "cs"
    assert "nelze otevřít" in app.saved.text and "zůstává" in app.saved.text, app.saved.text
    page = shown_text(app)
    for raw in RAW + ("x.sqlite", "UPDATE", "INSERT"):
        assert raw.lower() not in page.lower(), raw
    assert app.session.has_pending and store.get(CASE_ID).version == version

    monkeypatch.setattr(app.store, "_engine", reachable)  # back: the next step saves what was kept
    assert app.go("plan")
    assert app.saved.state == "saved" and not app.session.has_pending
    case = store.get(CASE_ID)
    assert case.version == version + 1 and conference_of(case).place == "Room E"
    assert [a.name for a in case.actors].count("Mrs P.") == 1


def test_a_refused_edit_is_logged_without_its_text(db_url, store, caplog):
    app = open_app()
    caplog.set_level(logging.DEBUG)
    opening = app.screen("opening")
    opening.place.value = "Secret place 4714 " * 40  # longer than a place may be: refused
    assert opening.details_message.kind == "error"
    assert "refused" in caplog.text  # the refusal itself is logged
    assert "Secret place 4714" not in caplog.text
    assert conference_of(store.get(CASE_ID)).place == PLACE


def test_a_failing_export_shows_a_message(db_url, monkeypatch, caplog):
    app = open_app()
    assert app.go("close")
    close = app.screen("close")
    import casekit.widgets.exports as exports

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(exports, "render", broken)
    caplog.set_level(logging.INFO, logger="casekit")
    for fmt in ("md", "html", "docx"):
        close.message.clear()
        close.export_buttons[fmt].click()
        assert "Something went wrong" in close.message.text, fmt
        assert "disk full" not in shown_text(app)
        assert close.downloads.value == ""
    close.message.clear()
    close.preview_button.click()
    assert "Something went wrong" in close.message.text and close.preview.value == ""
    assert any(r.exc_info and "disk full" in str(r.exc_info[1]) for r in caplog.records)


def test_a_store_that_cannot_be_opened_gives_a_readable_page(monkeypatch):
    monkeypatch.setenv("CASEKIT_DB", "postgresql+psycopg://nobody:hunter2@127.0.0.1:1/none")
    monkeypatch.setenv("CASEKIT_LANG", "en")
    for name in ("CASEKIT_CASE", "CASEKIT_CONFERENCE"):
        monkeypatch.delenv(name, raising=False)
    app = ConsoleApp.from_environment(follow=False)
    assert app.message.kind == "error" and "cannot be opened" in app.message.text
    page = shown_text(app)  # the store named for whoever configured it, the driver's one line; nothing more
    for raw in ("Traceback", "OperationalError", "sqlalchemy", 'File "', "hunter2"):  # nor the password
        assert raw.lower() not in page.lower(), raw
    for step in app.steps[1:]:
        assert app.go(step) is False, step
        assert app.step_buttons[step].disabled
    assert app.current_step == "start"
    app.step_buttons["plan"].click()  # a client that ignores disabled: still refused, nothing raised
    assert app.current_step == "start"


# -- language ---------------------------------------------------------------------------------------------------
def test_the_language_switch_changes_the_labels(db_url, store):
    app = open_app()
    assert app.go("plan")
    assert app.screen("plan").add_goal_button.description == "Add goal"
    assert app.step_buttons["plan"].description == "6 Plan"
    app.language_toggle.value = "cs"
    assert app.lang == "cs" and app.session.lang == "cs"
    assert app.screen("plan").add_goal_button.description == "Přidat cíl"
    assert app.step_buttons["close"].description.startswith("8 ") and "Close" not in app.step_buttons["close"].description
    assert "Plán" in app.step_heading.value and "Zpět" in app.back_button.description
    app.go("opening")
    app.screen("opening").place.value = "Zasedačka"
    assert app.saved.text.startswith("Uloženo")
    assert conference_of(store.get(CASE_ID)).place == "Zasedačka"
    app.language_toggle.value = "de"  # not an option: refused, nothing changes
    assert app.lang == "cs" and app.language_toggle.value == "cs"
    assert app.message.kind == "error" and "není mezi možnostmi" in app.message.text


def test_a_console_started_in_czech_speaks_czech(db_url, monkeypatch):
    monkeypatch.setenv("CASEKIT_LANG", "cs")
    app = ConsoleApp.from_environment(follow=False)
    assert app.screen("start").create_button.description == "Založit případ"
    assert "1 / 8" in app.step_heading.value and "Začátek" in app.step_heading.value
    assert app.go("plan") is False and "případ" in app.message.text.lower()  # "choose a case first", in Czech


# -- typing -----------------------------------------------------------------------------------------------------
def test_text_is_saved_after_a_pause_in_typing_when_a_loop_runs(db_url, store):
    app = open_app()
    assert app.go("story")
    story = app.screen("story")
    version = store.get(CASE_ID).version

    async def typing():
        for text in ("I", "I want", "I want to stay"):
            story.request.value = text
            await asyncio.sleep(0.05)
        assert app.session.has_pending and store.get(CASE_ID).version == version
        assert app.saved.state == "pending" and "Saving" in app.saved.text
        await asyncio.sleep(app.session.debounce_seconds + 0.5)

    asyncio.run(typing())
    assert not app.session.has_pending and app.saved.state == "saved"
    assert store.get(CASE_ID).version == version + 1  # one save for the three changes
    assert store.get(CASE_ID).request == "I want to stay"


def test_pending_text_is_saved_when_switching_steps(db_url, store):
    app = open_app()
    assert app.go("story")
    story = app.screen("story")

    async def typing_then_switch():
        story.request.value = "Typed just before switching"
        assert app.session.has_pending
        assert app.go("plan")
        assert not app.session.has_pending

    asyncio.run(typing_then_switch())
    assert store.get(CASE_ID).request == "Typed just before switching"


# -- steps follow each other ------------------------------------------------------------------------------------
def test_a_step_shows_what_other_steps_changed(db_url, store):
    app = open_app()
    for step in ("opening", "assessment", "plan", "review"):  # every step built before the change
        assert app.go(step)
    plan = app.screen("plan")
    plan.new_owner.value = "case_manager"  # a new action half entered: its owner and the need it serves
    need_link = plan.new_link.options[-1][1]
    plan.new_link.value = need_link
    assert app.go("network")
    network = app.screen("network")
    network.new_name.value = "Mrs O."
    network.new_sector.value = "informal"
    network.new_kind.value = "person"
    network.new_formal.value = False
    network.add_button.click()
    actor = next(a for a in app.case.actors if a.name == "Mrs O.")

    assert app.go("plan")
    plan = app.screen("plan")
    assert actor.id in [value for _, value in plan.new_owner.options]  # offered as owner of an action
    assert plan.new_owner.value == "case_manager"  # what was chosen stays chosen
    plan.new_goal.value = "I want to see Mrs O. on Sundays."
    plan.add_goal_button.click()
    goal = app.case.goals[-1]
    assert goal.text == "I want to see Mrs O. on Sundays."
    assert f"goal:{goal.id}" in [value for _, value in plan.new_link.options]  # an action may serve it
    assert plan.new_link.value == need_link and plan.new_owner.value == "case_manager"

    assert app.go("opening")
    assert actor.id in [value for _, value in app.screen("opening").add_actor.options]  # may join the meeting
    assert app.go("assessment")
    assessment = app.screen("assessment")
    assert actor.id in [value for _, value in assessment.actor.options]  # may rate the needs
    assert app.go("review")
    review = app.screen("review")
    assert any("Mrs O. on Sundays" in r.children[0].value for r in review.score_rows)  # may be scored


# -- privacy ----------------------------------------------------------------------------------------------------
def test_privacy_hides_contacts_and_notes_on_every_step_but_keeps_them_stored(db_url, store):
    app = open_app()
    assert app.go("network")
    app.screen("network").choose("act-mu")
    assert app.screen("network").details["phone"].value == SECRET_PHONE  # there with privacy off
    app.privacy_toggle.value = True
    assert app.privacy
    for step in app.steps:
        assert app.go(step), step
        if step == "assessment":
            assessment = app.screen("assessment")
            for perspective in ("client", "worker", "actor"):
                assessment.perspective.value = perspective
                text = shown_text(app)
                for secret in SECRETS:
                    assert secret not in text, (step, perspective, secret)
        if step == "close":
            app.screen("close").preview_button.click()
            assert "iframe" in app.screen("close").preview.value
        text = shown_text(app)
        for secret in SECRETS:
            assert secret not in text, (step, secret)
    case = store.get(CASE_ID)
    assert case.actor("act-mu").phone == SECRET_PHONE and conference_of(case).notes == SECRET_NOTE
    assert case.crisis_plan.medication == SECRET_MEDICATION
    # and back: the details are there again
    app.privacy_toggle.value = False
    assert app.go("network")
    app.screen("network").choose("act-mu")
    assert app.screen("network").details["phone"].value == SECRET_PHONE
