"""The conference app refuses what the browser would not send, never overwrites silently, never leaks a
traceback, hides private details on screen, speaks Czech and English, and starts light."""
from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys
from datetime import date, timedelta

import ipywidgets as widgets
import pytest

import casekit
from casekit.widgets.conference import ConferenceApp
from casekit.widgets.conference.theme import css

CASE_ID = "example-senior-dementia"
SECRET_PHONE = "+420 777 123 456"
SECRET_EMAIL = "secret.person@example.org"
SECRET_NOTE = "Confidential conference note 4711"
SECRET_RATING_NOTE = "Rating note that must not be projected 4712"
SECRET_CONTACT = "Zdeňka Tajná"
SECRET_MEDICATION = "Secret medication 4713"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'conference.sqlite'}"
    store = casekit.open_store(url, user="facilitator")
    case = casekit.load_example("senior-dementia", "en")
    data = case.model_dump()
    data["version"] = 0
    data["actors"][0].update(phone=SECRET_PHONE, email=SECRET_EMAIL, contact_person=SECRET_CONTACT)
    data["conferences"][-1]["notes"] = SECRET_NOTE
    data["needs"][0]["ratings"][0]["note"] = SECRET_RATING_NOTE
    data["crisis_plan"]["medication"] = SECRET_MEDICATION
    data["crisis_plan"]["contacts"][-1]["phone"] = SECRET_PHONE
    store.save(casekit.Case.model_validate(data))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CASEKIT_LANG", "en")
    monkeypatch.delenv("CASEKIT_CASE", raising=False)
    monkeypatch.delenv("CASEKIT_CONFERENCE", raising=False)
    return url


@pytest.fixture
def store(db_url):
    store = casekit.open_store(db_url, user="facilitator")
    yield store
    store.close()


def open_app(**kwargs) -> ConferenceApp:
    app = ConferenceApp.from_environment(case_id=CASE_ID, conference_id="conf-3", **kwargs)
    assert app.conference is not None
    return app


def shown_text(widget) -> str:
    """Everything a browser could show of a widget tree: values, labels, options, tooltips, placeholders."""
    parts = []
    stack = [widget]
    while stack:
        w = stack.pop()
        for name in ("value", "description", "placeholder", "tooltip"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, (tuple, list)):
                parts += [str(v) for v in value]
        parts += [str(label) for label in getattr(w, "_options_labels", ()) or ()]
        stack += list(getattr(w, "children", ()) or ())
    return "\n".join(parts)


# -- refused values ---------------------------------------------------------------------------------------------
def test_values_the_browser_would_not_send_are_refused_in_python(db_url, store):
    app = open_app()
    version = store.get(CASE_ID).version
    opening = app.view("opening")

    # a dropdown value that is not among its options
    opening.new_participant_role.value = "dictator"
    assert opening.new_participant_role.value == "professional"
    assert "not one of the choices" in opening.participants_message.text
    row = opening.participant_rows[0]
    before = row.role.value
    row.role.set_state({"index": 99})  # what a hand-written client could send
    assert row.role.value == before

    # a conference date before the case was opened
    opening.date.value = date(2020, 1, 1)
    assert opening.date.value == date(2025, 3, 12)  # back to the last valid value
    assert "2020-01-01" in opening.details_message.text or "before" in opening.details_message.text.lower()

    # an empty required name
    opening.new_participant.value = "   "
    opening.add_participant_button.click()
    assert opening.participants_message.kind == "error"

    # an agenda item of 0 minutes
    opening.new_item_title.value = "Too short"
    opening.new_item_minutes.value = 0
    opening.add_item_button.click()
    assert "Minutes" in opening.agenda_message.text

    # severity 9 in a rating
    app.go("assessment")
    assessment = app.view("assessment")
    assessment.form.widget_for("housing_status").value = 2
    version_after_answer = store.get(CASE_ID).version
    assessment.form.widget_for("housing_severity").value = 9
    assert assessment.form.widget_for("housing_severity").value is None
    assert "9" in assessment.form.message_for("housing_severity")
    assert store.get(CASE_ID).version == version_after_answer

    # a GAS score of 5
    app.go("review")
    review = app.view("review")
    gas = review.gas["goal-home"]
    gas.value = 5
    assert gas.value != 5 and "not one of the choices" in review.gas_message.text

    # an empty actor name, typed into the editor of an actor
    app.go("network")
    network = app.view("network")
    network.actor_select.value = "act-byty"
    network.name.value = ""
    assert network.name.value == "Brodce municipal flats office"
    assert network.actor_message.kind == "error"

    case = store.get(CASE_ID)
    assert case.version == version_after_answer  # nothing refused was stored
    assert case.conferences[-1].date == date(2025, 3, 12)
    assert case.actor("act-byty").name == "Brodce municipal flats office"
    assert app.message.text == ""
    assert version_after_answer == version + 1  # only the valid housing answer was saved


def test_model_refuses_a_gas_score_out_of_scale_even_without_the_dropdown(db_url, store):
    app = open_app()
    app.go("review")
    review = app.view("review")
    version = store.get(CASE_ID).version
    ok = review.apply(lambda data: review._set_score(data, "goal-home", 5), message=review.gas_message)
    assert ok is False and review.gas_message.kind == "error"
    assert "5" in review.gas_message.text
    assert store.get(CASE_ID).version == version


# -- conflicts --------------------------------------------------------------------------------------------------
def test_two_apps_on_the_same_case_never_overwrite_each_other(db_url, store, monkeypatch):
    monkeypatch.setenv("CASEKIT_USER", "anna")
    first = open_app()
    monkeypatch.setenv("CASEKIT_USER", "boris")
    second = open_app()
    first.view("opening").place.value = "Room A"
    saved = store.get(CASE_ID)
    second.view("opening").place.value = "Room B"
    assert second.conflict_box.layout.display != "none"
    text = second.conflict_message.text
    assert "Case conferences" in text and "anna" in text, text  # what changed, and who
    assert second.reload_button.description == "Reload the case"
    assert "Not saved" in second.saved.text
    assert store.get(CASE_ID) == saved  # nothing saved by the second app
    # further edits are refused until the reload
    second.view("opening").facilitator.value = "Somebody"
    assert store.get(CASE_ID) == saved
    second.reload_button.click()
    assert second.conflict_box.layout.display == "none"
    assert second.view("opening").place.value == "Room A"
    second.view("opening").place.value = "Room B"
    assert store.get(CASE_ID).conferences[-1].place == "Room B"


def test_an_answer_on_a_stale_case_saves_neither_the_answer_nor_the_case(db_url, store, monkeypatch):
    monkeypatch.setenv("CASEKIT_USER", "anna")
    first = open_app()
    monkeypatch.setenv("CASEKIT_USER", "boris")
    second = open_app()
    assert second.go("assessment")
    form = second.view("assessment").form
    first.view("opening").place.value = "Room A"  # anna saves first
    saved, records = store.get(CASE_ID), store.assessments(case_id=CASE_ID)
    star = second.view("assessment").star.value
    drawn = []
    second.view("assessment").star.observe(lambda change: drawn.append(change["new"]), names="value")
    form.widget_for("housing_status").value = 2
    assert second.conflict_box.layout.display != "none" and "anna" in second.conflict_message.text
    assert store.get(CASE_ID) == saved and store.assessments(case_id=CASE_ID) == records  # both or neither
    assert second.view("assessment").form.widget_for("housing_status").value != 2  # the form shows what is saved
    # the star of the answer was drawn while saving; after the refusal it shows the stored answers again
    assert drawn and drawn[0] != star and second.view("assessment").star.value == star
    second.reload_button.click()
    assert second.go("assessment")
    second.view("assessment").form.widget_for("housing_status").value = 2
    assert len(store.assessments(case_id=CASE_ID)) == len(records) + 1
    assert store.get(CASE_ID).conferences[-1].place == "Room A"



def test_the_star_shows_ratings_saved_by_another_device_when_the_step_is_shown_again(db_url, store):
    watching, rating = open_app(), open_app()
    assert watching.go("assessment") and rating.go("assessment")
    before = watching.view("assessment").star.value
    current = rating.view("assessment").form.widget_for("housing_status").value
    rating.view("assessment").form.widget_for("housing_status").value = 1 if current == 2 else 2
    assert watching.view("assessment").star.value == before  # no push between kernels
    assert watching.go("opening") and watching.go("assessment")
    assert watching.view("assessment").star.value != before

# -- errors -----------------------------------------------------------------------------------------------------
def test_no_exception_escapes_a_callback(db_url, store, monkeypatch, caplog):
    app = open_app()
    version = store.get(CASE_ID).version

    def broken(case, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(app.session.store, "save", broken)
    caplog.set_level(logging.INFO, logger="casekit.app")
    opening = app.view("opening")
    opening.place.value = "Room C"  # would raise without the guard
    assert "Something went wrong" in opening.details_message.text
    assert "database on fire" not in opening.details_message.text
    assert opening.place.value == "Meeting room, Brodce town office"  # reverted
    assert "Not saved" in app.saved.text
    opening.add_client_button.click()
    app.go("close")
    app.view("close").new_decision.value = "x"
    app.view("close").add_decision_button.click()
    assert "Something went wrong" in app.view("close").decision_message.text
    assert any("database on fire" in r.getMessage() or (r.exc_info and "database on fire" in str(r.exc_info[1]))
               for r in caplog.records)
    assert store.get(CASE_ID).version == version


def test_a_read_only_store_is_named_in_the_app_and_nothing_changes(db_url, store, tmp_path):
    version = store.get(CASE_ID).version
    path = db_url.removeprefix("sqlite:///")
    read_only = casekit.open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    for lang, words in (("en", "read-only"), ("cs", "jen pro čtení")):
        app = ConferenceApp(read_only, lang=lang, case_id=CASE_ID, conference_id="conf-3")
        opening = app.view("opening")
        opening.place.value = "Room D"
        assert words in app.saved.text and words in opening.details_message.text
        assert "OperationalError" not in shown_text(app) and "sqlite" not in shown_text(app).lower()
    read_only.close()
    assert store.get(CASE_ID).version == version


def test_a_refused_edit_is_logged_without_its_text(db_url, store, caplog):
    app = open_app()
    caplog.set_level(logging.DEBUG)
    opening = app.view("opening")
    opening.place.value = "Secret place 4714 " * 40  # longer than a place may be: refused
    assert opening.details_message.text
    assert "Secret place 4714" not in caplog.text
    assert "refused" in caplog.text  # the refusal itself is logged


def test_failing_export_shows_a_message(db_url, monkeypatch):
    app = open_app()
    app.go("close")
    close = app.view("close")
    import casekit.widgets.conference.exports as exports

    monkeypatch.setattr(exports, "render", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    close.export_buttons["docx"].click()
    assert "Something went wrong" in close.message.text


def test_a_store_that_cannot_be_opened_gives_a_readable_page(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEKIT_DB", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    app = ConferenceApp.from_environment()
    assert app.message.kind == "error" and app.message.text
    assert app.go("plan") is False


# -- privacy ----------------------------------------------------------------------------------------------------
def test_privacy_hides_contacts_and_notes_on_screen_but_keeps_them_stored(db_url, store):
    app = open_app()
    app.privacy_toggle.value = True
    assert app.privacy
    for key in app.step_keys:
        if key == "start":
            continue
        assert app.go(key)
        view = app.view(key)
        if key == "network":
            view.actor_select.value = "act-mu"
            assert view.phone is None and view.email is None
        text = shown_text(app)
        for secret in (SECRET_PHONE, SECRET_EMAIL, SECRET_NOTE, SECRET_RATING_NOTE, SECRET_CONTACT,
                       SECRET_MEDICATION):
            assert secret not in text, (key, secret)
    assert "P. D." in shown_text(app.view("opening"))  # the facilitator as initials
    case = store.get(CASE_ID)
    assert case.actor("act-mu").phone == SECRET_PHONE and case.conferences[-1].notes == SECRET_NOTE
    # and back: the details are there again
    app.privacy_toggle.value = False
    app.go("network")
    app.view("network").actor_select.value = "act-mu"
    assert app.view("network").phone.value == SECRET_PHONE


# -- language ---------------------------------------------------------------------------------------------------
def test_language_switch_changes_the_labels(db_url):
    app = open_app()
    app.go("plan")
    assert app.view("plan").add_goal_button.description == "Add goal"
    assert app.step_buttons["plan"].description == "6 Plan"
    app.language_toggle.value = "cs"
    assert app.lang == "cs"
    assert app.view("plan").add_goal_button.description == "Přidat cíl"
    assert app.step_buttons["close"].description == "8 Závěr"
    assert "Plán" in app.step_heading.value
    app.view("opening").place.value = "Zasedačka"
    assert "Uloženo" in app.saved.text
    app.language_toggle.value = "de"  # not an option: refused, nothing changes
    assert app.lang == "cs" and app.language_toggle.value == "cs"
    assert app.message.kind == "error"


def test_czech_app_speaks_czech(db_url, monkeypatch):
    monkeypatch.setenv("CASEKIT_LANG", "cs")
    app = ConferenceApp.from_environment()
    assert app.view("start").create_button.description == "Založit případ"
    assert "1 / 8" in app.step_heading.value and "Začátek" in app.step_heading.value


def test_every_conference_key_is_in_both_catalogues():
    from pathlib import Path

    from casekit.i18n import catalog
    from casekit.widgets.conference.i18n import STEP_KEYS

    root = Path(casekit.__file__).parent / "widgets"
    used = set()
    for path in root.rglob("*.py"):
        used |= set(re.findall(r"[\"'](conf\.[a-z0-9_.]+)[\"']", path.read_text(encoding="utf-8")))
    used |= {f"conf.step_{k}" for k in STEP_KEYS} | {f"conf.gas_level_{k}" for k in ("m2", "m1", "0", "p1", "p2")}
    for lang in ("en", "cs"):
        assert sorted(used - set(catalog(lang))) == [], lang


# -- projector --------------------------------------------------------------------------------------------------
def test_themes_and_layouts(db_url):
    for theme in ("dark", "light"):
        for layout in ("16:9", "4:3"):
            text = css(theme, layout)
            assert "24px" in text and ".casekit-app" in text
    assert "flex-direction: row" in css("dark", "16:9") and "flex-direction: column" in css("dark", "4:3")
    with pytest.raises(ValueError):
        css("neon", "16:9")
    app = open_app()
    app.theme_toggle.value = "light"
    app.layout_toggle.value = "4:3"
    assert "casekit-theme-light" in app._dom_classes and "casekit-layout-4x3" in app._dom_classes
    assert app.style_block.value.startswith("<style>") and "column" in app.style_block.value


def test_the_timer_counts_from_timestamps(db_url):
    app = open_app()
    opening = app.view("opening")
    now = [1000.0]
    opening.timer.state.clock = lambda: now[0]
    opening.timer.start_button.click()
    now[0] += 75
    opening.timer.render()
    assert "01:15 / 05:00" in opening.timer.display.value and "03:45 left" in opening.timer.display.value
    opening.timer.pause_button.click()
    now[0] += 600
    opening.timer.render()
    assert "01:15" in opening.timer.display.value and "paused" in opening.timer.display.value
    opening.timer.next_button.click()
    assert "Item 2 of 5" in opening.timer.display.value


def test_text_is_saved_debounced_when_a_loop_runs(db_url, store):
    app = open_app()
    story = app.view("story") if app.go("story") else None
    version = store.get(CASE_ID).version

    async def typing():
        for text in ("I", "I want", "I want to stay"):
            story.request.value = text
        assert app.session.has_pending and store.get(CASE_ID).version == version
        assert "Saving" in app.saved.text
        await asyncio.sleep(1.2)

    asyncio.run(typing())
    assert not app.session.has_pending
    assert store.get(CASE_ID).version == version + 1
    assert store.get(CASE_ID).request == "I want to stay"


def test_pending_text_is_flushed_when_switching_steps(db_url, store):
    app = open_app()
    app.go("story")
    story = app.view("story")

    async def typing_then_switch():
        story.request.value = "Typed just before switching"
        assert app.session.has_pending
        app.go("plan")
        assert not app.session.has_pending

    asyncio.run(typing_then_switch())
    assert store.get(CASE_ID).request == "Typed just before switching"


# -- startup ----------------------------------------------------------------------------------------------------
def test_startup_is_light():
    code = ("import sys; from casekit.widgets.conference import ConferenceApp; "
            "print(sorted(m for m in ('altair', 'pandas', 'vl_convert') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_views_are_built_lazily_and_charts_only_when_shown(db_url):
    app = open_app()
    assert app.built_views == ("opening",)
    assert isinstance(app, widgets.VBox)
    app.go("assessment")
    assert set(app.built_views) == {"opening", "assessment"}


def test_a_step_shows_what_other_steps_changed(db_url):
    app = open_app()
    app.go("plan")
    owners = [value for _, value in app.view("plan").new_owner.options]
    app.go("network")
    network = app.view("network")
    network.new_name.value = "Mrs O."
    network.new_sector.value = "informal"
    network.add_actor_button.click()
    new_id = network.actor_select.value
    assert new_id not in owners
    app.go("plan")
    assert new_id in [value for _, value in app.view("plan").new_owner.options]
