"""The instrument form, without a browser: set widget values as a client would and check the model.

Every value is set directly on the widgets (what a browser — or a hand-written client — sends over the
widget protocol); the bound assessment must stay valid whatever arrives.
"""
import logging
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import ipywidgets as w
import pytest

from casekit.i18n import set_language
from casekit.instruments import Assessment, ItemType, builtin, builtin_instruments, load_instrument
from casekit.widgets import InstrumentForm, Progress
from casekit.widgets import fields as fields_module
from casekit.widgets import form as form_module
from casekit.widgets import common as common_module

ROOT = Path(__file__).resolve().parents[1]
RESEARCH = ROOT / "tests" / "data" / "instruments" / "research-support.yaml"


@pytest.fixture(autouse=True)
def english():
    """Another test may leave a language set; these tests say which one they mean."""
    set_language("en")
    yield
    set_language(None)


ALL_TYPES = """
id: all-types
version: 1.0.0
title: {en: Every item type, cs: Všechny typy položek}
perspectives: [worker, client]
domains:
  - id: first
    title: {en: First part, cs: První část}
    items:
      - id: mood
        type: scale
        required: true
        label: {en: Mood, cs: Nálada}
        help: {en: How the person feels today., cs: Jak se člověk dnes cítí.}
        levels:
          - {value: 1, label: {en: Low, cs: Špatná}, descriptor: {en: Sad most of the day., cs: Smutný většinu dne.}}
          - {value: 2, label: {en: Fair, cs: Ucházející}}
          - {value: 3, label: {en: Good, cs: Dobrá}, descriptor: {en: Cheerful., cs: Veselý.}}
          - {value: 9, label: {en: Not known, cs: Nevíme}, missing: true}
      - id: pain
        type: scale
        label: {en: Pain 0-10, cs: Bolest 0-10}
        levels: [{value: 0, label: "0"}, {value: 1, label: "1"}, {value: 2, label: "2"}, {value: 3, label: "3"},
                 {value: 4, label: "4"}, {value: 5, label: "5"}, {value: 6, label: "6"}, {value: 7, label: "7"},
                 {value: 8, label: "8"}, {value: 9, label: "9"}, {value: 10, label: "10"}]
      - id: lives
        type: single
        label: {en: Lives, cs: Bydlí}
        levels:
          - {value: alone, label: {en: Alone, cs: Sám}}
          - {value: family, label: {en: With family, cs: S rodinou}}
      - id: region
        type: single
        label: {en: Region, cs: Kraj}
        levels: [{value: a, label: A}, {value: b, label: B}, {value: c, label: C}, {value: d, label: D},
                 {value: e, label: E}, {value: f, label: F}]
      - id: contacts
        type: multiple
        label: {en: Contacts, cs: Kontakty}
        levels:
          - {value: family, label: {en: Family, cs: Rodina}}
          - {value: friends, label: {en: Friends, cs: Přátelé}}
          - {value: services, label: {en: Services, cs: Služby}}
  - id: second
    title: {en: Second part, cs: Druhá část}
    items:
      - {id: has_debts, type: yesno, required: true, label: {en: Has debts, cs: Má dluhy}}
      - id: debt
        type: number
        required: true
        label: {en: Debt (CZK), cs: Dluh (Kč)}
        min: 0
        max: 1000000
        integer: true
        show_if: has_debts == true
      - {id: weight, type: number, label: {en: Weight, cs: Váha}, min: 20}
      - {id: since, type: date, label: {en: Since, cs: Od}}
      - {id: note, type: text, label: {en: Note, cs: Poznámka}, max_length: 20}
      - id: worker_only
        type: yesno
        label: {en: Seen at home, cs: Viděn doma}
        perspectives: [worker]
"""


@pytest.fixture(scope="module")
def instrument():
    return load_instrument(ALL_TYPES)


def start(instrument, perspective="worker", **answers):
    a = Assessment.start(instrument, rater="Jana Nováková", perspective=perspective, case_id="case-1",
                         date=date(2025, 3, 1))
    return a.model_copy(update={"answers": answers})


@pytest.fixture
def form(instrument):
    changes = []
    f = InstrumentForm(instrument, start(instrument), on_change=changes.append, lang="en")
    f.changes = changes
    return f


# -- rendering -------------------------------------------------------------------------------------
def test_every_item_type_renders(form):
    kinds = {item_id: type(form.widget_for(item_id)) for item_id in form.instrument.item_ids()}
    assert issubclass(kinds["mood"], w.ToggleButtons)
    assert issubclass(kinds["pain"], w.Dropdown)      # more than 7 levels
    assert issubclass(kinds["lives"], w.RadioButtons)
    assert issubclass(kinds["region"], w.Dropdown)    # more than 5 choices
    assert kinds["contacts"] is w.VBox and all(isinstance(c, w.Checkbox) for c in form.widget_for("contacts").children)
    assert kinds["debt"] is w.Text and kinds["weight"] is w.Text
    assert kinds["since"] is w.DatePicker
    assert kinds["note"] is w.Textarea
    assert issubclass(kinds["has_debts"], w.ToggleButtons)
    assert form.widget_for("has_debts").options == (("Yes", True), ("No", False))


def test_levels_descriptors_required_markers_and_hints(form):
    mood = form.widget_for("mood")
    assert mood.options == (("Low", 1), ("Fair", 2), ("Good", 3), ("Not known", 9))
    assert mood.tooltips == ("Sad most of the day.", "Fair", "Cheerful.", "Not known")
    assert mood.value is None
    field = form.field("mood")
    assert "*" in field.label.value and "required" in field.label.value
    assert "How the person feels today." in field.help.value
    assert "*" not in form.field("pain").label.value
    mood.value = 3
    assert "Cheerful." in field.descriptor.value
    assert form.widget_for("debt").placeholder == "A whole number, 0 to 1000000"
    assert form.widget_for("weight").placeholder == "A number, at least 20"
    assert form.widget_for("pain").options[0] == ("— no answer —", None)


def test_header_shows_perspective_rater_and_domains_as_sections(form):
    assert "Every item type" in form.header.value
    assert "Perspective: <b>Worker</b>" in form.header.value and "Jana Nováková" in form.header.value
    titles = [child.children[0].value for child in form.children[3:]]
    assert titles == ["<h3>First part</h3>", "<h3>Second part</h3>"]


@pytest.mark.parametrize("lang, mood, yes, perspective, progress", [
    ("en", "Mood", "Yes", "Perspective: <b>Worker</b>", "0 of 10 answered"),
    ("cs", "Nálada", "Ano", "Pohled: <b>Pracovník</b>", "Zodpovězeno 0 z 10"),
])
def test_labels_in_czech_and_english(instrument, lang, mood, yes, perspective, progress):
    f = InstrumentForm(instrument, start(instrument), lang=lang)
    assert mood in f.field("mood").label.value
    assert f.widget_for("has_debts").options[0][0] == yes
    assert perspective in f.header.value
    assert f.progress_text.value.startswith(progress)


# -- answers and branching -------------------------------------------------------------------------
def test_accepted_values_reach_the_assessment_and_on_change(form):
    form.widget_for("mood").value = 2
    form.widget_for("pain").value = 7
    form.widget_for("lives").value = "family"
    form.field("contacts").checkboxes[2].value = True
    form.field("contacts").checkboxes[0].value = True
    form.widget_for("weight").value = "72,5"       # a decimal comma
    form.widget_for("since").value = date(2024, 5, 1)
    form.widget_for("note").value = "ok"
    answers = form.assessment.answers
    assert answers == {"mood": 2, "pain": 7, "lives": "family", "contacts": ["family", "services"],
                       "weight": 72.5, "since": "2024-05-01", "note": "ok"}
    assert form.widget_for("weight").value == "72,5"  # what the user typed stays
    assert len(form.changes) == 8
    for seen in form.changes:
        assert isinstance(seen, Assessment)
        assert seen.check(form.instrument, complete=False) == seen
    assert form.changes[-1] == form.assessment


def test_branching_shows_hides_and_drops_answers(form):
    assert not form.is_shown("debt")
    form.widget_for("has_debts").value = True
    assert form.is_shown("debt")
    form.widget_for("debt").value = "12500"
    assert form.assessment.answers["debt"] == 12500
    form.widget_for("has_debts").value = False
    assert not form.is_shown("debt")
    assert "debt" not in form.assessment.answers        # dropped, as the model says
    assert form.widget_for("debt").value == ""          # and the widget cleared
    assert form.field("debt").box.layout.display == "none"
    form.widget_for("has_debts").value = True
    assert form.is_shown("debt") and form.widget_for("debt").value == ""


def test_items_of_another_perspective_are_never_shown(instrument):
    worker = InstrumentForm(instrument, start(instrument, "worker"))
    client = InstrumentForm(instrument, start(instrument, "client"))
    assert worker.is_shown("worker_only") and not client.is_shown("worker_only")


def test_a_domain_with_nothing_shown_is_hidden():
    needs = builtin("casekit-needs")
    f = InstrumentForm(needs, start(needs))
    assert all(section.layout.display == "flex" for section, _ in f._sections)
    assert not f.is_shown("housing_severity")
    f.widget_for("housing_status").value = 2
    assert f.is_shown("housing_severity")
    assert "There is a need and the help is missing" in f.field("housing_status").descriptor.value


def test_existing_answers_fill_the_widgets(instrument):
    a = start(instrument, mood=3, contacts=["friends"], has_debts=True, debt=500, since="2024-01-02", note="hi")
    f = InstrumentForm(instrument, a)
    assert f.widget_for("mood").value == 3
    assert [c.value for c in f.field("contacts").checkboxes] == [False, True, False]
    assert f.widget_for("debt").value == "500"
    assert f.widget_for("since").value == date(2024, 1, 2)
    assert f.widget_for("note").value == "hi"
    assert f.assessment.answers == a.answers


def test_the_clear_button_clears_through_the_model(form):
    form.widget_for("mood").value = 1
    form.field("mood").clear.click()
    assert "mood" not in form.assessment.answers and form.widget_for("mood").value is None


# -- refused values --------------------------------------------------------------------------------
def _refused(form, item_id, before):
    assert form.assessment == before
    message = form.message_for(item_id)
    assert message and "Traceback" not in message
    return message


def test_out_of_scale_values_set_on_widgets_are_refused(form):
    form.widget_for("mood").value = 2
    before, calls = form.assessment, len(form.changes)
    form.widget_for("mood").value = 7
    assert "out of scale" in _refused(form, "mood", before)
    assert form.widget_for("mood").value == 2
    form.widget_for("mood").index = 12                  # what a client sends for a toggle button
    assert "not one of the choices" in _refused(form, "mood", before)
    form.widget_for("mood").value = True                # True == 1 in Python, but it is no level
    _refused(form, "mood", before)
    form.widget_for("region").value = "zz"              # a dropdown value not among the options
    _refused(form, "region", before)
    assert form.widget_for("region").value is None
    form.widget_for("lives").value = "shelter"
    _refused(form, "lives", before)
    assert len(form.changes) == calls
    form.widget_for("mood").value = 3                    # a valid value clears the message
    assert form.message_for("mood") == "" and form.assessment.answers["mood"] == 3


def test_numbers_out_of_bounds_and_bad_text_are_refused_and_reverted(form):
    form.widget_for("has_debts").value = True
    form.widget_for("debt").value = "300"
    before = form.assessment
    form.widget_for("debt").value = "-5"
    assert "-5" in _refused(form, "debt", before)
    assert form.widget_for("debt").value == "300"        # back to the last valid answer
    form.widget_for("debt").value = "2000000"
    _refused(form, "debt", before)
    form.widget_for("debt").value = "12.5"               # not a whole number
    _refused(form, "debt", before)
    form.widget_for("debt").value = "lots"
    _refused(form, "debt", before)
    assert form.widget_for("debt").value == "300"
    form.widget_for("note").value = "x" * 21             # longer than max_length
    _refused(form, "note", before)
    assert form.widget_for("note").value == ""
    with pytest.raises(Exception):
        form.widget_for("since").value = "not a date"    # the widget's own type check
    assert form.assessment == before


class RecordingComm:
    """A comm that records what the kernel sends to the browser."""

    comm_id, kernel = "test-comm", "kernel"

    def __init__(self, **kwargs):
        self.sent = []

    def send(self, data=None, buffers=None, **kwargs):
        self.sent.append(data)

    def on_msg(self, *args, **kwargs):
        pass

    def open(self, *args, **kwargs):
        pass

    def close(self, *args, **kwargs):
        pass


def test_values_sent_over_the_widget_protocol_are_refused_and_the_browser_corrected(instrument, monkeypatch):
    import comm

    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: RecordingComm())
    f = InstrumentForm(instrument, start(instrument))
    mood, debt = f.widget_for("mood"), f.widget_for("debt")
    mood.set_state({"index": 1})                  # exactly what the browser sends for a click on "Fair"
    assert f.assessment.answers == {"mood": 2}
    before = f.assessment
    mood.comm.sent.clear()
    mood.set_state({"index": 42})                 # a hand-written client
    assert f.assessment == before and mood.index == 1 and mood.value == 2
    assert "not one of the choices" in f.message_for("mood")
    assert {"method": "update", "state": {"index": 1}, "buffer_paths": []} in mood.comm.sent
    f.widget_for("has_debts").set_state({"index": 0})
    debt.set_state({"value": "7"})
    debt.comm.sent.clear()
    debt.set_state({"value": "-7"})
    assert f.assessment.answers["debt"] == 7 and "-7" in f.message_for("debt")
    assert {"method": "update", "state": {"value": "7"}, "buffer_paths": []} in debt.comm.sent


def test_failed_constraint_is_refused_with_the_instruments_message():
    research = load_instrument(RESEARCH)
    f = InstrumentForm(research, start(research, "client"), lang="cs")
    f.widget_for("lives").value = "family"
    f.widget_for("visits").value = "61"
    assert f.message_for("visits") == ("Návštěvy rodiny za poslední měsíc (`visits`): "
                                       "Nejvýše 60 návštěv za měsíc, zkontrolujte prosím.")
    assert "visits" not in f.assessment.answers and f.widget_for("visits").value == ""


# -- errors never leak -----------------------------------------------------------------------------
def test_an_unexpected_error_is_logged_and_shown_briefly(form, monkeypatch, caplog):
    form.widget_for("mood").value = 1
    before = form.assessment

    def broken(*args, **kwargs):
        raise RuntimeError("database exploded at /srv/secret/path")

    monkeypatch.setattr(form_module, "set_answer", broken)
    with caplog.at_level(logging.ERROR, logger="casekit.app"):
        form.widget_for("mood").value = 3               # no exception reaches the caller
    message = form.message_for("mood")
    assert message.startswith("Something went wrong")
    assert "secret" not in message and "Traceback" not in message and "RuntimeError" not in message
    assert form.assessment == before and form.widget_for("mood").value == 1
    assert "database exploded" in caplog.text            # logged server-side, with the traceback


def test_a_failing_on_change_keeps_the_answer_and_says_so(instrument, caplog):
    def save(assessment):
        raise OSError("disk full")

    f = InstrumentForm(instrument, start(instrument), on_change=save, lang="cs")
    with caplog.at_level(logging.ERROR, logger="casekit.app"):
        f.widget_for("mood").value = 2
    assert f.assessment.answers == {"mood": 2}
    assert "nepodařilo se ji uložit" in f.status.value and "disk full" not in f.status.value
    assert "disk full" in caplog.text


def test_the_form_never_uses_output_capture_and_does_not_import_altair():
    for module in (form_module, fields_module, common_module):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert not re.search(r"(@|with\s)[\w.]*capture\(", source), module
        assert "Output(" not in source and "import altair" not in source, module
    probe = "import sys, casekit.widgets.form; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# -- progress --------------------------------------------------------------------------------------
def test_progress_counts_shown_and_required_items(form):
    assert form.progress == Progress(answered=0, shown=10, required_answered=0, required_shown=2)
    form.widget_for("mood").value = 9                    # "not known" is an answer
    form.widget_for("has_debts").value = True            # shows `debt`, which is required
    assert form.progress == Progress(answered=2, shown=11, required_answered=2, required_shown=3)
    assert not form.progress.complete
    assert form.progress_bar.value == 2 and form.progress_bar.max == 11
    assert form.progress_text.value == "2 of 11 answered · required: 2 of 3"
    assert form.check() == ["Debt (CZK) (`debt`): an answer is required."]
    assert "required" in form.message_for("debt")
    form.widget_for("debt").value = "0"
    assert form.progress.complete and form.check() == []


# -- every instrument ------------------------------------------------------------------------------
def _valid_value(item):
    levels = [lv.value for lv in item.levels if not lv.missing]
    if item.type in (ItemType.SCALE, ItemType.SINGLE):
        return levels[-1]
    if item.type == ItemType.YESNO:
        return True
    if item.type == ItemType.NUMBER:
        return f"{item.min:g}" if item.min is not None else "1"
    if item.type == ItemType.DATE:
        return date(2025, 1, 31)
    if item.type == ItemType.TEXT:
        return "poznámka"
    return None


def _answer_everything(f):
    for _ in range(3):  # answers can show more items
        for item in f.instrument.items():
            if not f.is_shown(item.id) or item.id in f.assessment.answers:
                continue
            if item.type == ItemType.MULTIPLE:
                f.field(item.id).checkboxes[0].value = True
            else:
                f.widget_for(item.id).value = _valid_value(item)
            assert f.message_for(item.id) == "", (item.id, f.message_for(item.id))


INSTRUMENTS = [(key, p) for key, inst in sorted(builtin_instruments().items()) for p in inst.perspectives]
INSTRUMENTS += [("research-support", "client"), ("research-support", "worker")]


@pytest.mark.parametrize("key, perspective", INSTRUMENTS)
def test_the_form_works_for_every_builtin_instrument_and_a_research_instrument(key, perspective):
    instrument = load_instrument(RESEARCH) if key == "research-support" else builtin(key)
    changes = []
    f = InstrumentForm(instrument, start(instrument, perspective), on_change=changes.append)
    _answer_everything(f)
    assert f.check() == [] and f.progress.complete
    assert f.progress.answered == f.progress.shown
    assert changes and changes[-1] == f.assessment
    complete = f.assessment.check(instrument, complete=True)
    assert complete.answers == f.assessment.answers
