"""The supervision app without a browser, on a real SQLite store holding the five example cases.

Widgets are driven as a browser would drive them (setting ``.value``, calling ``.click()``); observers fire
without a kernel. The day is fixed (``as_of``) so that overdue actions and stalled phases do not move.
"""
from __future__ import annotations

import sys
from datetime import date, timedelta

import pytest

import casekit
from casekit.i18n import format_date
from casekit.vocab import LifeDomain
from casekit.widgets.supervision import SupervisionApp

AS_OF = date(2026, 11, 25)
CASE_ID = "example-psychosis-homelessness"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'supervision.sqlite'}"
    store = casekit.open_store(url, user="supervisor")
    for name in casekit.examples():
        store.save(casekit.load_example(name, "en").model_copy(update={"version": 0}))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CASEKIT_LANG", "en")
    monkeypatch.setenv("CASEKIT_LOG", str(tmp_path / "casekit.log"))
    return url


@pytest.fixture
def store(db_url):
    store = casekit.open_store(db_url, user="supervisor")
    yield store
    store.close()


@pytest.fixture
def app(db_url):
    app = SupervisionApp.from_environment(as_of=AS_OF)
    yield app
    app.store.close()


def typed(day: date, lang: str = "en") -> str:
    """A date as a person types it into the app (its language's way)."""
    return format_date(day, lang)


def worker_of(store, case_id: str) -> str:
    return store.get(case_id).case_manager


def test_the_app_starts_on_the_dashboard_and_builds_other_views_when_shown(app):
    assert app.view_keys == ("dashboard", "case", "session", "gaps")
    assert app.current_view == "dashboard" and app.built_views == ("dashboard",)
    assert "casekit-sv-app" in app._dom_classes and "casekit-app" in app._dom_classes
    assert "<style>" in app.style_block.value and "24px" in app.style_block.value
    for key in app.view_keys:
        assert f"casekit-sv-view-button-{key}" in app.view_buttons[key]._dom_classes
    app.view_buttons["gaps"].click()
    assert app.current_view == "gaps" and "gaps" in app.built_views and "case" not in app.built_views


def test_filters_change_the_rows_shown(app, store):
    dashboard = app.view("dashboard")
    everything = list(dashboard.shown_case_ids)
    assert len(everything) == 5 and dashboard.case_table.value.count("casekit-sv-case-row") == 5
    worker = worker_of(store, CASE_ID)
    dashboard.worker_filter.value = worker
    assert dashboard.shown_case_ids == [CASE_ID]
    assert dashboard.case_table.value.count("casekit-sv-case-row") == 1
    assert "1 of 5" in dashboard.count.value
    dashboard.worker_filter.value = ""
    dashboard.phase_filter.value = "closed"
    assert sorted(dashboard.shown_case_ids) == ["example-senior-dementia", "example-young-adult-leaving-care"]
    dashboard.phase_filter.value = ""
    dashboard.alert_filter.value = "action_overdue"
    assert set(dashboard.shown_case_ids) == {CASE_ID, "example-carer-disabled-relative",
                                             "example-family-children-at-risk"}
    assert "casekit-sv-alert-action_overdue" in dashboard.case_table.value
    dashboard.phase_filter.value = "closed"  # closed cases raise no alerts
    assert dashboard.shown_case_ids == [] and "No case matches" in dashboard.case_table.value
    # the per-worker table: load against the norm
    assert "casekit-sv-worker-row" in dashboard.worker_table.value and "10%" in dashboard.worker_table.value


def test_a_value_outside_the_options_is_refused(app, store):
    dashboard = app.view("dashboard")
    dashboard.worker_filter.value = worker_of(store, CASE_ID)
    dashboard.worker_filter.value = "Somebody Else"  # what a hand-written client could send
    assert dashboard.worker_filter.value == worker_of(store, CASE_ID)
    assert "not one of the choices" in dashboard.filter_message.text
    assert dashboard.shown_case_ids == [CASE_ID]
    dashboard.alert_filter.value = "everything"
    assert dashboard.alert_filter.value == ""
    dashboard.case_choice.value = "example-not-there"
    assert dashboard.case_choice.value == CASE_ID
    app.language_toggle.value = "de"
    assert app.lang == "en"


def test_drill_down_shows_star_ecomap_and_plan(app):
    dashboard = app.view("dashboard")
    dashboard.case_choice.value = CASE_ID
    dashboard.open_button.click()
    assert app.current_view == "case" and app.case_id == CASE_ID, app.message.text
    summary = app.view("case")
    assert summary.rendered_for == CASE_ID
    assert "<svg" in summary.star.value and "<svg" in summary.ecomap.value
    assert "Mr R." in summary.facts.value
    assert "casekit-sv-action-overdue" in summary.plan.value  # actions past their due date are marked
    assert "casekit-sv-goal" in summary.plan.value


def descendants(widget):
    stack, seen = [widget], set()
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        yield w
        stack += list(getattr(w, "children", ()) or ())


def shown_text(widget) -> str:
    """Everything a browser gets of a widget tree: values, labels, options, tooltips, placeholders (the traits
    synced to it: a dropdown's ``value`` stays in Python, the browser gets its index and labels)."""
    parts = []
    for w in descendants(widget):
        for name in ("value", "description", "placeholder", "tooltip"):
            value = getattr(w, name, None) if name in getattr(w, "keys", ()) else None
            if isinstance(value, str):
                parts.append(value)
        parts += [str(label) for label in getattr(w, "_options_labels", ()) or ()]
    return "\n".join(parts)


def test_privacy_hides_client_and_actor_names_everywhere(app, store):
    case = store.get(CASE_ID)
    people = [a.name for a in case.actors if a.kind.value == "person"]
    assert people
    app.privacy_toggle.value = True
    dashboard = app.view("dashboard")
    shown = dashboard.case_table.value + dashboard.worker_table.value + str(dashboard.case_choice.options)
    for name in ("Mr R.", "Mr K.", "Ms H.", case.case_manager):  # a list of clients: numbers, not pseudonyms
        assert name not in shown
    assert "Client 1" in shown
    app.open_case(CASE_ID)
    summary = app.view("case")
    page = shown_text(app)
    assert "<svg" in summary.ecomap.value and "<svg" in summary.star.value
    for name in [case.case_manager, *people]:
        assert name not in page, name
    # one case: its pseudonym, as the room projection shows it; its people by initials
    assert "Mr R." in summary.facts.value and "D. V." in summary.facts.value
    app.privacy_toggle.value = False
    summary = app.view("case")
    assert any(name in summary.plan.value + summary.ecomap.value for name in people)


def test_the_privacy_summary_shows_what_the_room_projection_allows(db_url, store):
    """A marker in every text field of a case (the model walked, not listed): with privacy on, no marker of a field
    the projection leaves out reaches the app's widgets on the caseload or the case summary."""
    from test_projection import marked

    from casekit.anonymise import SHOWN_IN_PRIVACY

    case, markers = marked(store.get(CASE_ID))
    store.save(case)
    app = SupervisionApp(casekit.open_store(db_url), lang="en", as_of=AS_OF, privacy=True)
    try:
        app.open_case(CASE_ID)
        page = shown_text(app) + shown_text(app.view("dashboard"))
        hidden = {marker: pattern for marker, pattern in markers.items() if pattern not in SHOWN_IN_PRIVACY}
        assert hidden and [(m, p) for m, p in hidden.items() if m in page] == []
        shown = {marker for marker, pattern in markers.items() if pattern in SHOWN_IN_PRIVACY and marker in page}
        assert shown  # the goals, the actions … are shown: the summary is not simply empty
        app.privacy_toggle.value = False  # the facilitator's own screen gets the details
        page = shown_text(app)
        assert any(marker in page for marker in hidden)
    finally:
        app.store.close()


def test_the_dashboard_reads_the_store_each_time_it_is_shown(app, db_url):
    dashboard = app.view("dashboard")
    assert len(dashboard.shown_case_ids) == 5
    other = casekit.open_store(db_url, user="another device")
    try:
        example = casekit.load_example("senior-dementia", "en")
        other.save(example.model_copy(update={"id": "added-later-1", "version": 0}))
        assert len(dashboard.shown_case_ids) == 5  # nothing reads the store behind the room's back
        app.go("gaps")
        app.go("dashboard")  # shown again: read again
        assert "added-later-1" in dashboard.shown_case_ids and "6 of 6" in dashboard.count.value
        other.save(example.model_copy(update={"id": "added-later-2", "version": 0}))
        dashboard.refresh_button.click()  # or at once, on request
        assert "added-later-2" in dashboard.shown_case_ids and "7 of 7" in dashboard.count.value
        app.go("case")  # the summary's list of cases is read when shown too
        assert "added-later-2" in app.view("case").case_ids
    finally:
        other.close()


def test_privacy_shows_no_reflection_and_the_supervisor_by_initials(app, store):
    worker = worker_of(store, CASE_ID)
    form = app.view("session")
    form.worker.value = worker
    form.supervisor.value = "Petra Dvorská"
    form.start_button.click()
    form.cases.value = (CASE_ID,)
    form.reflections.value = "Reflection-marker-7731: stuck with the debts."
    form.new_action_what.value = "Action-marker-7732: call the debt service"
    form.new_action_due.value = typed(AS_OF + timedelta(days=14))
    form.add_action_button.click()
    assert store.get_session(form.current.id).agreed_actions
    form.competency.widget_for("relationship_example").value = "Example-marker-7733: the Novák family"
    form.competency.widget_for("listening").value = 3
    answers = store.get_assessment(store.get_session(form.current.id).competency_assessment_id).answers
    assert answers == {"relationship_example": "Example-marker-7733: the Novák family", "listening": 3}
    app.go("session")
    app.privacy_toggle.value = True
    form = app.view("session")
    page = shown_text(app)
    for secret in ("Reflection-marker-7731", "Action-marker-7732", "Example-marker-7733", "Dvorská", "Petra", worker):
        assert secret not in page, secret
    assert form.competency.widget_for("listening").value == 3  # the ratings are shown and can be given
    assert "P. D." in form.supervisor.value and "D. V." in str(form.worker.options)
    assert "not shown in privacy mode" in form.reflections.value
    assert form.new_action_what is None and form.action_rows == []  # nothing to type that would show a text
    assert "Client" in str(form.cases.options)
    # switched back: the facilitator's own screen shows and edits the texts again
    app.privacy_toggle.value = False
    form = app.view("session")
    assert form.reflections.value.startswith("Reflection-marker-7731") and form.supervisor.value == "Petra Dvorská"


def test_a_session_is_saved_at_once_and_found_again(app, store, db_url):
    worker = worker_of(store, CASE_ID)
    app.go("session")
    form = app.view("session")
    form.worker.value = worker
    form.supervisor.value = "P. Dvorská"
    form.date.value = typed(AS_OF)
    assert store.sessions() == []  # nothing saved before the session is started
    form.start_button.click()
    assert form.current is not None, form.header_message.text
    assert app.saved.state == "saved"
    form.cases.value = (CASE_ID,)
    form.reflections.value = "The worker feels stuck with the debts; we looked at the network together."
    form.new_action_what.value = "Call the debt counselling service with Mr R."
    form.new_action_due.value = typed(AS_OF + timedelta(days=14))
    form.add_action_button.click()
    assert form.actions_message.text == ""
    form.competency.widget_for("communication").value = 4
    assert form.competency_message.text == ""

    other = casekit.open_store(db_url)
    try:
        saved = other.get_session(form.current.id)
        assert saved.worker == worker and saved.supervisor == "P. Dvorská" and saved.date == AS_OF
        assert saved.case_ids == [CASE_ID]
        assert saved.reflections.startswith("The worker feels stuck")
        assert [(a.what, a.due) for a in saved.agreed_actions] == [
            ("Call the debt counselling service with Mr R.", AS_OF + timedelta(days=14))]
        assert saved.competency_assessment_id
        answers = other.get_assessment(saved.competency_assessment_id)
        assert answers.instrument_id == "casekit-competency" and answers.answers == {"communication": 4}
        assert answers.perspective.value == "worker"
    finally:
        other.close()

    # a new app (a reloaded page) finds the session in its picker and shows it again
    again = SupervisionApp(casekit.open_store(db_url), lang="en", as_of=AS_OF, view="session")
    form2 = again.view("session")
    form2.session_picker.value = saved.id
    assert form2.reflections.value.startswith("The worker feels stuck")
    assert form2.competency.widget_for("communication").value == 4
    assert len(form2.action_rows) == 1
    again.store.close()


def test_a_double_click_adds_one_action_and_starts_one_session(app, store):
    form = app.view("session")
    form.start_button.click()
    form.start_button.click()
    assert len(store.sessions()) == 1
    form.new_action_what.value = "Read the case notes"
    form.new_action_due.value = typed(AS_OF + timedelta(days=3))
    form.add_action_button.click()
    assert form.new_action_what.value == ""
    form.new_action_what.value = "Read the case notes"  # a client that ignores "disabled" and sends it again
    form.add_action_button.click()  # within the cool-down: dropped in Python, whatever the browser sent
    assert len(store.get_session(form.current.id).agreed_actions) == 1


def test_dates_are_typed_the_way_the_language_writes_them(db_url, store):
    app = SupervisionApp(casekit.open_store(db_url), lang="cs", as_of=AS_OF, view="session")
    try:
        form = app.view("session")
        assert form.date.value == "25. 11. 2026" and form.date.placeholder.startswith("např.")
        form.start_button.click()
        form.new_action_what.value = "Přečíst si spis"
        form.new_action_due.value = "9. 12. 2026"
        form.add_action_button.click()
        assert [a.due for a in store.get_session(form.current.id).agreed_actions] == [date(2026, 12, 9)]
        assert form.action_rows[0].due.value == "9. 12. 2026"
        version = store.get_session(form.current.id).version
        form.date.value = "příští úterý"  # not a date: said so, nothing saved, the stored date shown again
        assert "To není datum" in form.header_message.text and form.date.value == "25. 11. 2026"
        assert store.get_session(form.current.id).version == version
    finally:
        app.store.close()


def test_an_action_due_before_the_session_is_refused_and_nothing_changes(app, store, monkeypatch):
    monkeypatch.setattr("casekit.widgets.supervision.base.COOLDOWN", 0)  # a person clicks again after seconds
    form = app.view("session")
    form.start_button.click()
    session_id = form.current.id
    before = store.get_session(session_id)
    form.new_action_what.value = "Read the case notes"
    form.new_action_due.value = typed(AS_OF - timedelta(days=1))
    form.add_action_button.click()
    assert "before the session" in form.actions_message.text
    assert app.saved.state == "failed"
    after = store.get_session(session_id)
    assert after.version == before.version and after.agreed_actions == []
    # moving the session after an agreed action's due date is refused too, and the date goes back
    form.new_action_due.value = typed(AS_OF + timedelta(days=3))
    form.add_action_button.click()
    version = store.get_session(session_id).version
    form.date.value = typed(AS_OF + timedelta(days=10))
    assert "before the session" in form.header_message.text
    assert form.date.value == typed(AS_OF) and store.get_session(session_id).version == version
    # an empty supervisor is refused next to the field
    form.supervisor.value = "   "
    assert form.header_message.text and store.get_session(session_id).supervisor == before.supervisor
    # a case of another worker cannot be chosen
    form.cases.value = ("example-senior-dementia",) if "example-senior-dementia" not in dict(
        (v, k) for k, v in form.cases.options) else ("nope",)
    assert store.get_session(session_id).case_ids == []


def test_the_gap_export_writes_three_files(app, tmp_path):
    app.go("gaps")
    gaps = app.view("gaps")
    assert "<svg" in gaps.heatmap.value
    assert "casekit-sv-hole" in gaps.holes.value  # debts: no service in the region
    for fmt in ("html", "csv", "docx"):
        gaps.export_buttons[fmt].click()
        assert gaps.exported[fmt].exists(), gaps.export_message.text
        assert gaps.exported[fmt].parent == tmp_path / "exports"
    assert gaps.exported["html"].read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert gaps.exported["csv"].read_text(encoding="utf-8").count("\n") > 5
    assert gaps.exported["docx"].read_bytes()[:2] == b"PK"
    assert gaps.downloads.value.count("data:") == 3 and "download=" in gaps.downloads.value


def _svg(html: str):
    import xml.etree.ElementTree as ET

    assert html.count("<svg") == 1, html[:300]
    return ET.fromstring(html[html.index("<svg"):html.index("</svg>") + len("</svg>")])


def test_the_gap_view_draws_the_heatmap_and_the_unserved_needs_as_plain_svg(app):
    svg_g = "{http://www.w3.org/2000/svg}g"
    app.go("gaps")
    gaps = app.view("gaps")
    assert "casekit-sv-heatmap" in gaps.heatmap._dom_classes
    assert "casekit-sv-unserved-chart" in gaps.unserved_chart._dom_classes
    holes = gaps.report.holes
    assert len(holes) and (holes["status"] == "no_service").any()
    # the heatmap: a cell per life domain × area with the report's count, the holes framed
    heat = _svg(gaps.heatmap.value)
    assert "casekit-svg-heatmap" in heat.get("class")
    # laid out for the view's width, shown at its own size when two areas do not need it all
    assert 360 <= float(heat.get("width")) <= app.chart_width("full")
    assert f"max-width: {heat.get('width')}px" in gaps.heatmap.value
    cells = {(g.get("data-domain"), g.get("data-area")): g for g in heat.iter(svg_g)
             if "casekit-heatmap-cell" in (g.get("class") or "")}
    assert len(cells) == holes["domain"].nunique() * holes["area"].nunique()
    for row in holes.itertuples():
        assert cells[(row.domain, row.area)].get("data-count") == str(row.unmet_needs)
    framed = {key for key, g in cells.items() if "casekit-heatmap-hole" in g.get("class")}
    assert framed == {(r.domain, r.area) for r in holes.itertuples() if r.status == "no_service"}
    # the unserved needs: a bar per life domain without a service somewhere, its length the needs there
    bars = _svg(gaps.unserved_chart.value)
    assert "casekit-svg-unserved" in bars.get("class")
    no_service = holes[holes["status"] == "no_service"].groupby("domain")["unmet_needs"].sum()
    assert {g.get("data-key"): int(g.get("data-value")) for g in bars.iter(svg_g)
            if g.get("class") == "casekit-bar"} == {d: int(n) for d, n in no_service.items()}
    # the heatmap under its heading, the bar chart above the table of holes
    order = list(gaps.children)
    assert order.index(gaps.heatmap) < order.index(gaps.unserved_chart) == order.index(gaps.holes) - 1


@pytest.mark.parametrize("lang, words", [("cs", ("Případy pracovníků", "Zobrazeno 5 z 5", "Analýza mezer")),
                                         ("en", ("Caseload", "5 of 5 cases shown", "Gap analysis"))])
def test_czech_and_english(db_url, lang, words):
    app = SupervisionApp(casekit.open_store(db_url), lang=lang, as_of=AS_OF)
    text = app.view_buttons["dashboard"].description + app.view("dashboard").count.value + \
        app.view_buttons["gaps"].description
    for word in words:
        assert word in text
    app.go("gaps")
    gaps = app.view("gaps")
    assert ("Nenaplněné" if lang == "cs" else "Unmet") in gaps.holes.value + gaps.children[1].value
    assert LifeDomain.DEBTS.label(lang) in gaps.unserved_chart.value  # the charts speak the app's language
    app.store.close()


def test_switching_language_keeps_the_session_and_rebuilds_views(app):
    form = app.view("session")
    form.start_button.click()
    app.go("session")
    app.language_toggle.value = "cs"
    assert app.lang == "cs" and app.view_buttons["session"].description == "3 Supervizní setkání"
    assert app.view("session").current.id == app.session_id


def test_an_unopenable_store_shows_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEKIT_DB", "notadb://nowhere")
    monkeypatch.setenv("CASEKIT_LOG", str(tmp_path / "casekit.log"))
    app = SupervisionApp.from_environment()
    assert app.message.text and "Traceback" not in app.message.text
    assert app.body.children == ()


def test_every_view_shown_without_altair_or_vl_convert():
    import subprocess

    code = ("import sys, tempfile, os, datetime, casekit\n"
            "from casekit.widgets.supervision import SupervisionApp\n"
            "d = tempfile.mkdtemp(); s = casekit.open_store('sqlite:///' + os.path.join(d, 'x.sqlite'))\n"
            "for name in casekit.examples():\n"
            "    s.save(casekit.load_example(name, 'en').model_copy(update={'version': 0}))\n"
            "os.environ['CASEKIT_EXPORT_DIR'] = os.path.join(d, 'exports')\n"
            "app = SupervisionApp(s, lang='en', as_of=datetime.date(2026, 11, 25))\n"
            "app.open_case(app.view('dashboard').shown_case_ids[0], go=False)\n"
            "for key in app.view_keys:\n"
            "    app.go(key)\n"
            "    assert app.current_view == key, key\n"
            "gaps = app.view('gaps')\n"
            "assert '<svg' in gaps.heatmap.value and '<svg' in gaps.unserved_chart.value\n"
            "assert '<svg' in app.view('case').star.value and '<svg' in app.view('case').ecomap.value\n"
            "print('altair' in sys.modules, 'vl_convert' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split()[-2:] == ["False", "False"]


def test_startup_does_not_import_altair():
    import subprocess

    code = ("import sys, tempfile, os, casekit\n"
            "from casekit.widgets.supervision import SupervisionApp\n"
            "d = tempfile.mkdtemp(); s = casekit.open_store('sqlite:///' + os.path.join(d, 'x.sqlite'))\n"
            "s.save(casekit.load_example(casekit.examples()[0]).model_copy(update={'version': 0}))\n"
            "app = SupervisionApp(s, lang='en')\n"
            "assert app.view('dashboard').shown_case_ids\n"
            "print('altair' in sys.modules, 'vl_convert' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_team_labels_follow_the_one_initials_rule():
    from casekit.anonymise import initials
    from casekit.anonymise.labels import team_labels

    names = ["H. Lesná (municipal social worker)", "Mgr. H. Lesná", "Hana Lorenc", "P. Dvorská"]
    labels = team_labels(names, privacy=True)
    assert labels["P. Dvorská"] == initials("P. Dvorská") == "P. D."
    assert labels["H. Lesná (municipal social worker)"] == labels["Mgr. H. Lesná"]  # one person, two spellings
    assert labels["Hana Lorenc"] != labels["Mgr. H. Lesná"] and labels["Hana Lorenc"].startswith("H. L.")
    assert team_labels(reversed(names), privacy=True) == labels  # not the order they come in
    assert team_labels(names, privacy=False) == {name: name for name in names}


def test_the_competency_grid_refuses_what_is_not_a_level_and_stays_small(app, store):
    import ipywidgets.widgets.widget as widget_module

    form = app.view("session")
    form.start_button.click()
    app.go("dashboard")
    before = len(widget_module._instances)
    app.view_buttons["session"].click()  # the session view again: a fresh competency grid for the session
    form = app.view("session")
    form.make_competency_form()
    grid = form.competency
    assert len(widget_module._instances) - before < 150  # a view change stays at a few hundred messages
    grid.widget_for("communication").value = 9  # what a hand-written client could send
    assert grid.widget_for("communication").value is None and grid.message.text
    assert grid.assessment.answers == {}
    assert form.current.competency_assessment_id is None  # nothing saved
