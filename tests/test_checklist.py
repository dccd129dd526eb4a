"""The checkbox list that replaces multiple selections: a click adds or removes one option, never the others."""
from casekit.widgets.checklist import CheckboxList


def _boxes(widget):
    return widget.list.children


def test_a_click_adds_one_option_and_keeps_the_others():
    seen = []
    widget = CheckboxList([("Ana", "a"), ("Bo", "b"), ("Cy", "c")], description="Cases")
    widget.observe(lambda change: seen.append(change["new"]), names="value")
    _boxes(widget)[2].value = True          # what a browser click sends: one checkbox's value
    _boxes(widget)[0].value = True
    assert widget.value == ("a", "c")       # the options' order, both kept
    _boxes(widget)[2].value = False
    assert widget.value == ("a",)
    assert seen == [("c",), ("a", "c"), ("a",)]


def test_values_outside_the_options_are_refused_and_the_value_stays():
    refused = []
    widget = CheckboxList([("Ana", "a"), ("Bo", "b")], value=("b",), on_refused=refused.append)
    widget.value = ("b", "zz")
    assert widget.value == ("b",) and refused == [("b", "zz")]
    assert [box.value for box in _boxes(widget)] == [False, True]


def test_new_options_keep_what_is_still_offered():
    widget = CheckboxList([("Ana", "a"), ("Bo", "b")], value=("a", "b"))
    widget.options = [("Bo", "b"), ("Cy", "c")]
    assert widget.value == ("b",)
    assert [(box.description, box.value) for box in _boxes(widget)] == [("Bo", True), ("Cy", False)]
    widget.value = ("c", "b")
    assert widget.value == ("b", "c") and [box.value for box in _boxes(widget)] == [True, True]
