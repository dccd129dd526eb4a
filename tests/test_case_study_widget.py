"""The case-study app without a browser: widget values are set and buttons clicked as a client would.

A pack is picked and walked stage by stage; trainees rate the needs before the reference is revealed; the
agreement shown equals ``cohen_kappa`` on the same codes; values the browser would never send are refused
in Python; Czech and English; no exception escapes a callback; startup stays light.
"""
from __future__ import annotations

import json
import logging
import math
import subprocess
import sys
from pathlib import Path

import ipywidgets as widgets
import pytest

from casekit.analysis import cohen_kappa
from casekit.i18n import gettext
from casekit.studies import load_study, studies
from casekit.widgets.case_study import CaseStudyApp
from casekit.widgets.case_study import compare, rating as rating_module
from casekit.widgets.common import esc
from casekit.widgets.shell.theme import palette

ROOT = Path(__file__).resolve().parents[1]
PACK = "senior-dementia"
MARKER = "Reference-only marker 9137"
CODES = {"no_need": 0, "met": 1, "unmet": 2, "unknown": 9}


# -- helpers ------------------------------------------------------------------------------------------------
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
    """Everything a browser could receive of a widget tree: values, labels, options, tooltips, placeholders."""
    parts = []
    for w in descendants(widget):
        for name in ("value", "description", "placeholder", "tooltip", "tooltips"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, (tuple, list)):
                parts += [str(v) for v in value]
        parts += [str(label) for label in getattr(w, "_options_labels", ()) or ()]
    return "\n".join(parts)


def with_class(root, css_class: str) -> list:
    return [w for w in descendants(root) if css_class in getattr(w, "_dom_classes", ())]


def one(root, css_class: str):
    found = with_class(root, css_class)
    assert len(found) == 1, f"{css_class}: {len(found)} widgets"
    return found[0]


def reference_notes(pack) -> list[str]:
    return [r.note for n in pack.reference.needs for r in n.ratings if r.note.strip()]


def open_pack(lang: str = "en", name: str = PACK, **kwargs) -> CaseStudyApp:
    app = CaseStudyApp(lang=lang, **kwargs)
    one(app, "casekit-study-picker").value = name
    one(app, "casekit-study-open").click()
    assert app.study is not None and app.study_name == name
    return app


def go_to_assessment(app: CaseStudyApp):
    while app.study.stage(app.current).phase.value != "assessment":
        one(app, "casekit-study-next").click()
    return app.view(app.current).rating


def independent_kappa(pack, answers: dict[str, int], perspective: str = "client"):
    """cohen_kappa on the codes, computed here from the pack itself (not through the app's helpers)."""
    order = [d.value for d in compare.LifeDomain]
    reference = {}
    for need in pack.reference.needs:
        for r in need.ratings:
            if r.perspective.value == perspective and need.domain.value not in reference:
                reference[need.domain.value] = CODES[r.status.value]
    domains = [d for d in order if any(n.domain.value == d and n.ratings for n in pack.reference.needs)]
    clean = lambda code: None if code is None or code == 9 else code  # noqa: E731
    a = [clean(answers.get(d)) for d in domains]
    b = [clean(reference.get(d)) for d in domains]
    return cohen_kappa(a, b, weights="linear", labels=[0, 1, 2])


def rate(panel, answers: dict[str, int]) -> None:
    for domain, code in answers.items():
        panel.form.widget_for(f"{domain}_status").value = code


@pytest.fixture(autouse=True)
def environment(monkeypatch):
    for name in ("CASEKIT_LANG", "CASEKIT_STUDY", "CASEKIT_THEME", "CASEKIT_LAYOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("casekit.logs.log_to_file", lambda *a, **k: None)  # no process-wide log handler


ANNA = {"housing": 2, "documents": 0, "income": 2, "debts": 9, "legal": 1, "physical_health": 2,
        "mental_health": 0, "addiction": 1, "self_care": 1, "household": 2, "food": 1, "social_contacts": 2}
BEN = {"housing": 1, "documents": 2, "income": 1, "legal": 0, "physical_health": 2, "mental_health": 2,
       "addiction": 0, "household": 9, "food": 2}


# -- walking a pack -----------------------------------------------------------------------------------------
def test_pick_a_pack_and_walk_every_stage():
    app = CaseStudyApp(lang="en")
    assert "casekit-study-app" in app._dom_classes
    picker = one(app, "casekit-study-picker")
    assert isinstance(picker, (widgets.Select, widgets.Dropdown))
    assert set(dict(picker.options).values()) == set(studies())
    assert app.stagebar.layout.display == "none"  # no stage bar before a pack is open
    picker.value = PACK
    assert app.summary.value == f"<p>{esc(load_study(PACK, 'en').summary)}</p>"  # the pack's summary
    one(app, "casekit-study-open").click()
    pack = load_study(PACK, "en")
    assert app.picker_box.layout.display == "none"
    assert app.current == app.reached == 1 and app.built_views == (1,)
    for stage in pack.stages:
        assert one(app, f"casekit-stage-button-{stage.number}").description == f"{stage.number} {stage.title}"
    assert one(app, "casekit-stage-button-monitoring").disabled  # not revealed yet
    nxt = one(app, "casekit-study-next")
    assert nxt.description == "Next stage"
    for stage in pack.stages:
        assert app.current == stage.number
        current = one(app, "casekit-stage-current")
        assert current is app.stage_buttons[stage.number]
        assert "casekit-stage-button-" + stage.phase.value in current._dom_classes
        assert f"Stage {stage.number} / {len(pack.stages)}" in app.stage_heading.value
        assert stage.title in app.stage_heading.value
        view = app.view(stage.number)
        prompts = one(view, "casekit-prompts")
        for prompt in stage.prompts:
            assert prompt.replace("'", "&#x27;") in prompts.value or prompt in prompts.value
        for text in stage.story:
            assert text in view.content.value.replace("&#x27;", "'").replace("&quot;", '"')
        # later stages are dimmed, earlier ones can be gone back to
        for number, button in app.stage_buttons.items():
            assert button.disabled == (number > stage.number)
        what_next = one(view, "casekit-what-next")
        assert view.what_next_text.value == ""  # told only when the trainer asks
        one(what_next, "casekit-what-next-button").click()
        text = view.what_next_text.value.replace("&#x27;", "'").replace("&quot;", '"')
        events = stage.what_happened_next or pack.outcome
        assert events and all(e.text in text for e in events)
        if stage.number < len(pack.stages):
            nxt.click()
    assert nxt.disabled
    nxt.click()  # a client may click a disabled button: refused in Python
    assert app.current == len(pack.stages) and "last stage" in app.message.text
    # going back to a revealed stage works, and the view is kept
    one(app, "casekit-stage-button-2").click()
    assert app.current == 2 and app.message.text == ""
    assert app.view(2).what_next_text.value  # still told


def test_each_stage_shows_what_the_pack_reveals():
    app = open_pack()
    pack = app.study
    go_to_assessment(app)
    view = app.view(app.current)
    content = view.content.value
    stage = pack.stage(app.current)
    shown = pack.view(stage.number)
    for need in shown.needs:
        assert need.domain.label("en") in content
    for actor in shown.actors:
        assert actor.name.replace("'", "&#x27;") in content
    assert "Strengths" in content or gettext("study.part.strengths", "en") in content
    # the first stage shows only the story
    first = app.view(1).content.value
    assert gettext("study.part.network", "en") not in first


def test_stage_views_are_built_when_shown():
    app = open_pack()
    assert app.built_views == (1,)
    app.next_stage()
    assert app.built_views == (1, 2)
    assert app._rating is not None  # the assessment stage brought the exercise


# -- the exercise -------------------------------------------------------------------------------------------
def test_two_raters_rate_then_the_reference_is_revealed_and_compared():
    app = open_pack()
    pack = app.study
    panel = go_to_assessment(app)
    assert panel is one(app, "casekit-rating")
    name, add = one(app, "casekit-rater-name"), one(app, "casekit-add-rater")
    assert isinstance(name, widgets.Text) and add.description == "Add a rater"
    notes = reference_notes(pack)
    assert notes
    name.value = "Anna"
    add.click()
    rate(panel, ANNA)
    name.value = "  Ben  "
    add.click()
    assert app.exercise.raters == ["Anna", "Ben"] and name.value == ""
    rate(panel, BEN)
    assert panel.form.assessment.rater == "Ben"
    # before the reveal nothing of the reference is in any widget
    text = shown_text(app)
    assert [n for n in notes if n in text] == []
    reveal = one(app, "casekit-reveal")
    assert reveal.description == "Reveal the reference"
    assert "hidden" in one(app, "casekit-comparison").value
    assert one(app, "casekit-agreement").value == ""
    reveal.click()
    assert app.message.text == ""
    comparison = one(app, "casekit-comparison").value
    assert "<table" in comparison and "Anna" in comparison and "Ben" in comparison
    for domain in compare.rated_domains(pack):
        assert domain.label("en") in comparison
    client_notes = [r.note for n in pack.reference.needs for r in n.ratings
                    if r.perspective.value == "client" and r.note.strip()]
    plain = comparison.replace("&#x27;", "'").replace("&quot;", '"')
    assert all(note in plain for note in client_notes)
    agreement = one(app, "casekit-agreement").value
    for rater, answers in (("Anna", ANNA), ("Ben", BEN)):
        expected = independent_kappa(pack, answers)
        got = panel.results[rater]
        assert got.n_used == expected.n_used
        assert (math.isnan(got.value) and math.isnan(expected.value)) or got.value == pytest.approx(expected.value)
        assert f"<th>{rater}</th><td class='casekit-kappa'>{expected.value:.2f}</td><td>{expected.n_used}</td>" \
            in agreement
    assert not math.isnan(panel.results["Anna"].value)
    # 12 needs in the reference; debts is "not known" (on both sides here), so 11 pairs are used
    assert (panel.results["Anna"].n_used, panel.results["Anna"].n_dropped) == (11, 1)
    disagreements = one(app, "casekit-disagreements").value
    assert "<li>" in disagreements and "Mental health" in disagreements
    # answers after the reveal update the comparison at once
    panel.rater_picker.value = "Anna"
    panel.form.widget_for("legal_status").value = 0
    assert panel.results["Anna"].value == pytest.approx(independent_kappa(pack, {**ANNA, "legal": 0}).value)


def test_the_worker_view_is_compared_with_the_workers_reference():
    app = open_pack()
    pack = app.study
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    one(app, "casekit-study-perspective").value = "worker"
    assert panel.form.assessment.perspective.value == "worker"
    worker = {d: 2 for d in ANNA}
    worker["documents"] = 1
    rate(panel, worker)
    app.reveal()
    expected = independent_kappa(pack, worker, "worker")
    assert panel.results["Anna"].value == pytest.approx(expected.value) or math.isnan(expected.value)
    assert panel.results["Anna"].n_used == expected.n_used
    one(app, "casekit-study-perspective").value = "client"  # the client's view: Anna has not rated it
    assert panel.results == {}
    assert "No trainee has rated yet." in one(app, "casekit-agreement").value


def _marked(name, lang):
    pack = load_study(name, lang)
    data = pack.model_dump(mode="json")
    for need in data["reference"]["needs"]:
        for rating in need["ratings"]:
            rating["note"] = f"{MARKER} {need['domain']} {rating['perspective']}"
    return type(pack).model_validate(data)


def test_the_reference_is_in_no_widget_before_the_reveal():
    app = open_pack(loader=_marked)
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    rate(panel, ANNA)
    for number in range(1, app.current + 1):  # every stage shown so far, every what-next told
        app.view(number).what_next_button.click()
    one(app, "casekit-study-star").click()  # refused before the reveal
    assert MARKER not in shown_text(app)
    for view in (app.view(n) for n in app.built_views):
        assert MARKER not in shown_text(view)
    one(app, "casekit-reveal").click()
    assert f"{MARKER} housing client" in shown_text(app)
    assert f"{MARKER} housing worker" not in shown_text(app)  # only the perspective being compared


def test_the_needs_star_compares_the_reference_with_the_trainees_mean():
    app = open_pack()
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    rate(panel, ANNA)
    app.add_rater("Ben")
    rate(panel, BEN)
    app.reveal()
    star_button = one(app, "casekit-study-star")
    assert star_button.layout.display is None
    star_button.click()
    assert "<svg" in panel.star.value, panel.star.value
    assert "Trainees" in panel.star.value and app.message.text == ""


# -- refused values ---------------------------------------------------------------------------------------------
def test_a_stage_index_set_directly_is_checked_in_python():
    app = open_pack()
    app.next_stage()
    index = one(app, "casekit-stage-index")
    assert index.value == 2
    for bad in (99, 0, -1, len(app.study.stages) + 1):
        index.value = bad
        assert app.current == 2 and index.value == 2 and app.reached == 2
        assert app.message.text, bad
        app.message.clear()
    index.value = 4  # not revealed yet
    assert app.current == 2 and index.value == 2 and "not revealed" in app.message.text
    app.message.clear()
    app.stage_buttons[5].click()  # a disabled button clicked by a hand-written client
    assert app.current == 2 and "not revealed" in app.message.text
    assert app.go_stage("3") is False and app.go_stage(True) is False and app.current == 2
    index.value = 1  # a reached stage: fine
    assert app.current == 1 and app.message.text == ""


@pytest.mark.parametrize("bad", ["", "   ", "x" * 101, "Ann\x00a", "Anna", " anna "])
def test_a_bad_rater_name_is_refused_and_changes_nothing(bad):
    app = open_pack()
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    before = (list(app.exercise.raters), panel.rater_picker.options, panel.form)
    name = one(app, "casekit-rater-name")
    name.value = bad
    one(app, "casekit-add-rater").click()
    assert (app.exercise.raters, panel.rater_picker.options, panel.form) == before
    assert panel.rater_message.kind == "error" and panel.rater_message.text


def test_a_name_of_exactly_one_hundred_characters_is_accepted():
    app = open_pack()
    go_to_assessment(app)
    assert app.add_rater("y" * 100)
    assert app.exercise.raters == ["y" * 100]


def test_values_outside_the_options_are_refused():
    app = open_pack()
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    app.add_rater("Ben")
    app.picker.value = "no-such-pack"
    assert app.picker.value == PACK
    app.language_toggle.value = "de"
    assert app.lang == "en" and app.language_toggle.value == "en"
    app.theme_toggle.value = "neon"
    assert app.theme == "dark"
    one(app, "casekit-study-perspective").value = "actor"
    assert app.exercise.perspective == "client"
    panel.rater_picker.value = "Mallory"
    assert app.exercise.rater == "Ben" and panel.form.assessment.rater == "Ben"
    panel.form.widget_for("housing_status").value = 7  # not a level of the scale: the form refuses it
    assert "housing_status" not in panel.form.assessment.answers
    with pytest.raises(Exception):
        app.open_study("../../etc/passwd")
    app.open_button.click()
    assert app.study_name == PACK


# -- languages, projector ---------------------------------------------------------------------------------------
def test_czech_and_english_labels_and_the_exercise_survives_a_switch():
    app = open_pack("en")
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    rate(panel, ANNA)
    stage = app.current
    app.language_toggle.value = "cs"
    assert app.lang == "cs" and app.current == stage
    assert one(app, "casekit-study-next").description == "Další etapa"
    assert "Etapa 2 / 6" in app.stage_heading.value
    panel = app.view(stage).rating
    assert one(app, "casekit-add-rater").description == "Přidat hodnotitele"
    assert one(app, "casekit-reveal").description == "Odkrýt referenční hodnocení"
    assert one(app, "casekit-what-next-button").description == "Co se stalo dál"
    assert panel.form.assessment.answers == {f"{d}_status": v for d, v in ANNA.items()}
    assert panel.form.lang == "cs"
    assert app.study.title == load_study(PACK, "cs").title
    assert load_study(PACK, "cs").stage(stage).prompts[0].split()[0] in one(app, "casekit-prompts").value
    app.reveal()
    assert "Shoda s referencí" in one(app, "casekit-agreement").value
    app.language_toggle.value = "en"
    assert one(app, "casekit-study-next").description == "Next stage"
    assert "Agreement with the reference" in one(app, "casekit-agreement").value
    assert app.exercise.revealed


def test_the_app_starts_in_czech_from_the_environment(monkeypatch):
    monkeypatch.setenv("CASEKIT_LANG", "cs")
    monkeypatch.setenv("CASEKIT_STUDY", PACK)
    monkeypatch.setenv("CASEKIT_LAYOUT", "4:3")
    app = CaseStudyApp.from_environment()
    assert app.lang == "cs" and app.study_name == PACK and app.current == 1
    assert "casekit-layout-4x3" in app._dom_classes
    assert app.open_button.description == "Otevřít kazuistiku"  # the picker is not in the body meanwhile
    assert app.stage_buttons[1].description == "1 Kontaktování"


def test_an_unknown_study_in_the_environment_shows_the_picker(monkeypatch):
    monkeypatch.setenv("CASEKIT_STUDY", "no-such-pack")
    app = CaseStudyApp.from_environment()
    assert app.study is None and app.picker_box.layout.display is None
    assert "no-such-pack" in app.message.text


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("layout", ["16:9", "4:3"])
def test_projector_themes_and_layouts(theme, layout):
    app = open_pack(theme=theme, layout=layout)
    style = app.style_block.value
    assert style.startswith("<style>") and ".casekit-study-app .casekit-stagebar" in style
    assert f"casekit-theme-{theme}" in app._dom_classes
    assert "max(24px" in style and "max(40px" in style and "max(30px" in style
    assert ("repeat(3" in style) == (layout == "4:3")
    other = "light" if theme == "dark" else "dark"
    app.theme_toggle.value = other
    assert f"casekit-theme-{other}" in app._dom_classes and f"casekit-theme-{theme}" not in app._dom_classes
    app.layout_toggle.value = "4:3" if layout == "16:9" else "16:9"
    assert app.view(app.current)  # rebuilt for the new layout


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_study_rules_take_their_colours_from_the_shells_palette(theme):
    app = open_pack(theme=theme)
    style = app.style_block.value
    colours = palette(theme)
    study = style[style.index("/* -- the case-study app -- */"):]  # the app's own rules, after the shell's
    assert colours["accent"] in study and colours["surface"] in study
    other = palette("light" if theme == "dark" else "dark")
    assert other["accent"] not in study and other["surface"] not in study  # no copied palette of its own


def test_the_stable_css_classes_exist():
    app = CaseStudyApp(lang="en")
    for cls in ("casekit-study-app", "casekit-study-picker", "casekit-study-open"):
        assert with_class(app, cls) or cls in app._dom_classes
    one(app, "casekit-study-open").click()
    go_to_assessment(app)
    for cls in ("casekit-stage-button-contact", "casekit-stage-button-assessment", "casekit-stage-current",
                "casekit-study-next", "casekit-prompts", "casekit-rater-name", "casekit-add-rater", "casekit-reveal",
                "casekit-comparison", "casekit-agreement", "casekit-what-next"):
        assert with_class(app, cls), cls


# -- failures never escape ----------------------------------------------------------------------------------------
@pytest.fixture
def app_log(monkeypatch, caplog):
    monkeypatch.setattr(logging.getLogger("casekit"), "propagate", True)
    caplog.set_level(logging.INFO, logger="casekit.app")
    return caplog


def test_a_failing_pack_loader_gives_a_friendly_message(monkeypatch, app_log):
    def broken(name, lang):
        if name == PACK and getattr(broken, "armed", False):
            raise RuntimeError("disk on fire /secret/path")
        return load_study(name, lang)

    app = CaseStudyApp(lang="en", loader=broken)
    broken.armed = True
    app.picker.value = PACK
    app.open_button.click()  # must not raise
    assert app.study is None
    assert app.message.text == gettext("study_app.error_unexpected", "en")
    assert "disk on fire" not in shown_text(app) and "Traceback" not in shown_text(app)
    assert any(r.exc_info and "disk on fire" in str(r.exc_info[1]) for r in app_log.records)


def test_a_failing_statistic_gives_a_friendly_message(monkeypatch, app_log):
    app = open_pack()
    panel = go_to_assessment(app)
    app.add_rater("Anna")
    rate(panel, ANNA)

    def boom(*args, **kwargs):
        raise ZeroDivisionError("kappa exploded")

    monkeypatch.setattr(compare, "agreement", boom)
    one(app, "casekit-reveal").click()
    assert app.message.text == gettext("study_app.error_unexpected", "en")
    assert any("kappa exploded" in str(r.exc_info[1]) for r in app_log.records if r.exc_info)
    # after the reveal, an answer that cannot be compared is still kept, and the room sees one sentence
    app.message.clear()
    panel.form.widget_for("housing_status").value = 0
    assert panel.form.assessment.answers["housing_status"] == 0
    assert app.message.text == gettext("study_app.error_unexpected", "en")


def test_a_failing_stage_view_gives_a_friendly_message(monkeypatch, app_log):
    app = open_pack()

    def boom(*args, **kwargs):
        raise RuntimeError("render exploded")

    monkeypatch.setattr("casekit.widgets.case_study.render.stage_content_html", boom)
    one(app, "casekit-study-next").click()
    assert app.message.text == gettext("study_app.error_unexpected", "en")
    assert "render exploded" not in shown_text(app)
    # the room stays where it was: stage 1 shown, stage 2 not counted as revealed
    assert (app.current, app.reached, app.stage_index.value) == (1, 1, 1)
    assert "Stage 1 / 6" in app.stage_heading.value and app.body.children == (app.view(1),)
    assert any("render exploded" in str(r.exc_info[1]) for r in app_log.records if r.exc_info)
    monkeypatch.undo()
    one(app, "casekit-study-next").click()
    assert app.current == 2 and app.message.text == ""


def test_the_rater_check_itself(monkeypatch):
    assert rating_module.check_rater_name("  Eva   Nová ", []) == "Eva Nová"
    with pytest.raises(Exception):
        rating_module.check_rater_name(None, [])
    with pytest.raises(Exception):
        rating_module.check_rater_name("x", [f"r{i}" for i in range(rating_module.MAX_RATERS)])


# -- startup ---------------------------------------------------------------------------------------------------
def test_startup_imports_neither_altair_nor_pandas():
    code = (
        "import sys, json\n"
        "from casekit.widgets.case_study import CaseStudyApp\n"
        "before = sorted(m for m in ('altair', 'pandas', 'sklearn') if m in sys.modules)\n"
        f"app = CaseStudyApp(lang='en', study='{PACK}')\n"
        "app.next_stage()\n"
        "after = sorted(m for m in ('altair', 'pandas', 'sklearn') if m in sys.modules)\n"
        "print(json.dumps([before, after, app.study_name, app.current]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    before, after, name, current = json.loads(out.stdout.strip().splitlines()[-1])
    assert before == [] and after == [] and name == PACK and current == 2


def test_the_notebook_shows_the_app():
    notebook = json.loads((ROOT / "apps" / "case_study.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) == 1
    cell = notebook["cells"][0]
    assert cell["cell_type"] == "code" and cell["outputs"] == [] and cell["execution_count"] is None
    assert cell["id"]
    assert "".join(cell["source"]) == ("from casekit.widgets.case_study import CaseStudyApp\n\n"
                                       "CaseStudyApp.from_environment()")
