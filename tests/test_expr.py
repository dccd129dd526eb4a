"""casekit's expression language: what it computes, and everything hostile it refuses."""
import math

import pytest

from casekit.i18n import gettext
from casekit.instruments.expr import MAX_LENGTH, ExpressionError, parse


def ev(text, value=None, item_ids=None, **answers):
    return parse(text).evaluate(answers, value, item_ids=item_ids)


# -- what it computes ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, answers, expected", [
    ("1 + 2 * 3", {}, 7),
    ("(1 + 2) * 3", {}, 9),
    ("7 / 2", {}, 3.5),
    ("-a + 1", {"a": 4}, -3),
    ("a == 1 and b == 2", {"a": 1, "b": 2}, True),
    ("a == 1 or b == 2", {"a": 0, "b": 0}, False),
    ("not a", {"a": 0}, True),
    ("1 <= a <= 3", {"a": 2}, True),
    ("1 <= a <= 3", {"a": 4}, False),
    ("a in [1, 2]", {"a": 2}, True),
    ("a not in [1, 2]", {"a": 3}, True),
    ("'food' in needs", {"needs": ["food", "housing"]}, True),
    ("'debts' not in needs", {"needs": ["food"]}, True),
    ("a == true", {"a": True}, True),
    ("a == True", {"a": True}, True),
    ("a == 1", {"a": True}, False),          # yes/no is not a number
    ("a == 'x'", {"a": "x"}, True),
    ("d >= '2024-01-01'", {"d": "2024-05-01"}, True),
    ("answered(a)", {"a": 0}, True),
    ("answered(a)", {}, False),
    ("answered(t)", {"t": ""}, False),
    ("sum(a, b, c)", {"a": 1, "b": 2, "c": 3}, 6),
    ("sum([a, b], c)", {"a": 1, "b": 2, "c": 3}, 6),
    ("mean(a, b)", {"a": 1, "b": 2}, 1.5),
    ("min(a, b)", {"a": 1, "b": 2}, 1),
    ("max([a, b])", {"a": 1, "b": 2}, 2),
    ("count([a, b, c], 2)", {"a": 2, "b": 1, "c": 2}, 2),
    ("count_answered(a, b, c)", {"a": 2, "c": 0}, 2),
    ("iif(a > 1, 'high', 'low')", {"a": 2}, "high"),
    ("iif(a > 1, 'high', 'low')", {}, "low"),
    ("round(2.5)", {}, 3),                  # half away from zero, not banker's rounding
    ("round(-2.5)", {}, -3),
    ("round(1 / 3, 2)", {}, 0.33),
    ("abs(-3)", {}, 3),
    ("len(needs)", {"needs": ["a", "b"]}, 2),
    ("len(needs)", {}, 0),
    ("len('abc')", {}, 3),
])
def test_values(text, answers, expected):
    result = parse(text).evaluate(answers)
    assert result == expected and type(result) is type(expected)


def test_items_glob_follows_instrument_order_and_counts_unanswered():
    ids = ["phq_1", "phq_2", "phq_3", "other"]
    assert ev("items('phq_*')", item_ids=ids, phq_1=1, phq_3=3) == [1, None, 3]
    assert ev("sum(items('phq_*'))", item_ids=ids, phq_1=1, phq_3=3) == 4
    assert ev("count_answered(items('phq_?'))", item_ids=ids, phq_1=1) == 1
    assert ev("len(items('phq_*'))", item_ids=ids) == 3
    # without item_ids the answers' keys are matched
    assert ev("sum(items('a*'))", a1=1, a2=2, b=10) == 3


def test_value_in_constraints():
    e = parse("value >= 0 and value <= age")
    assert e.uses_value and e.names == {"age"}
    assert e.is_true({"age": 30}, 12)
    assert not e.is_true({"age": 30}, 31)


# -- null semantics ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["a + 1", "a * 2", "-a", "1 / 0", "a / 0", "abs(a)", "round(a)",
                                  "mean(a, b)", "sum(a)", "min(a)", "max(a)", "'x' + 1", "'ab' * 3", "[1] * 3"])
def test_null_propagates(text):
    assert ev(text) is None


@pytest.mark.parametrize("text", ["a == 1", "a != 1", "a < 1", "a >= 0", "a in [1, 2]", "a not in [1, 2]",
                                  "1 in a", "a == b", "a != b", "'x' < 1"])
def test_comparisons_with_null_are_false(text):
    assert ev(text) is False


def test_null_literal_tests_for_a_missing_answer():
    assert ev("a == null") is True and ev("a != null") is False
    assert ev("a == null", a=1) is False and ev("a != null", a=1) is True
    assert ev("a == None") is True


def test_aggregates_skip_nulls():
    assert ev("sum(a, b, c)", a=1, c=2) == 3
    assert ev("mean(a, b, c)", a=1, c=2) == 1.5
    assert ev("min(a, b)", b=5) == 5
    assert ev("count([a, b], null)", a=1) == 1
    assert ev("not a") is True  # null counts as false in a condition


def test_nan_from_a_data_frame_is_null():
    assert ev("a + 1", a=float("nan")) is None
    assert ev("answered(a)", a=float("nan")) is False


def test_overflow_gives_null_not_an_exception():
    big = " * ".join(["999999999999999"] * 25)
    assert ev(f"{big} / 3") is None or math.isfinite(ev(f"{big} / 3"))
    assert ev("1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15"
              " * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15 * 1e15") is None


# -- what the parser reports ---------------------------------------------------------------------

def test_names_globs_and_comparisons():
    e = parse("status in [1, 2] and kind == 'a' and 'x' in needs and sum(items('q_*')) > score")
    assert e.names == {"status", "kind", "needs", "score"}
    assert e.globs == ("q_*",)
    assert {(c.name, c.values) for c in e.comparisons} == {("status", (1, 2)), ("kind", ("a",)), ("needs", ("x",))}
    assert e.references(["q_1", "q_2", "z"]) == {"status", "kind", "needs", "score", "q_1", "q_2"}
    assert parse("true and null == x").names == {"x"}


def test_multiline_expressions_from_yaml_block_scalars():
    assert parse("a == 1 and\n  b == 2").is_true({"a": 1, "b": 2})
    assert parse("  a == 1").is_true({"a": 1})


# -- hostile and broken input --------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("__import__('os')", "errors.expr_unknown_function"),
    ("__import__('os').system('ls')", "errors.expr_attribute"),
    ("().__class__", "errors.expr_attribute"),
    ("().__class__.__bases__[0].__subclasses__()", "errors.expr_attribute"),
    ("a.b", "errors.expr_attribute"),
    ("open('x')", "errors.expr_unknown_function"),
    ("eval('1')", "errors.expr_unknown_function"),
    ("exec('1')", "errors.expr_unknown_function"),
    ("getattr(a, 'b')", "errors.expr_unknown_function"),
    ("'9' * 10 ** 9", "errors.expr_power"),
    ("2 ** 2", "errors.expr_power"),
    ("10 ** 10 ** 10", "errors.expr_power"),
    ("lambda: 1", "errors.expr_lambda"),
    ("(lambda x: x)(1)", "errors.expr_not_allowed"),
    ("[x for x in a]", "errors.expr_comprehension"),
    ("sum(x for x in a)", "errors.expr_comprehension"),
    ("{x: 1 for x in a}", "errors.expr_comprehension"),
    ("sum(a, start=1)", "errors.expr_keyword"),
    ("a[0]", "errors.expr_subscript"),
    ("[1, 2][0]", "errors.expr_subscript"),
    ("(x := 1)", "errors.expr_assignment"),
    ("f'{a}'", "errors.expr_fstring"),
    ("sum(*a)", "errors.expr_starred"),
    ("(1, 2)", "errors.expr_collection"),
    ("{1, 2}", "errors.expr_collection"),
    ("{'a': 1}", "errors.expr_collection"),
    ("1 if a else 2", "errors.expr_ifexp"),
    ("a % 2", "errors.expr_operator"),
    ("a // 2", "errors.expr_operator"),
    ("a | b", "errors.expr_operator"),
    ("~a", "errors.expr_operator"),
    ("a is None", "errors.expr_operator"),
    ("b'x'", "errors.expr_not_allowed"),
    ("1j", "errors.expr_not_allowed"),
    ("...", "errors.expr_not_allowed"),
    ("99999999999999999999", "errors.expr_number_too_large"),
    ("1e400", "errors.expr_number_too_large"),
    ("'" + "x" * 300 + "'", "errors.expr_string_too_long"),
    ("items(a)", "errors.expr_items_glob"),
    ("items('a; b')", "errors.expr_items_glob"),
    ("iif(a, b)", "errors.expr_arity"),
    ("abs()", "errors.expr_arity"),
    ("a ==", "errors.expr_syntax"),
    ("import os", "errors.expr_syntax"),
    ("a = 1", "errors.expr_syntax"),
    ("a == 1; b", "errors.expr_syntax"),
    ("", "errors.expr_empty"),
    ("   ", "errors.expr_empty"),
    ("bydlení == 1", "errors.expr_bad_name"),
])
def test_refused(text, code):
    with pytest.raises(ExpressionError) as info:
        parse(text)
    assert info.value.code == code
    for lang in ("en", "cs"):
        message = info.value.message(lang)
        assert message and not message.startswith("errors."), message


def test_error_names_the_position():
    with pytest.raises(ExpressionError) as info:
        parse("a == 1 and b.c")
    assert info.value.position == 12
    assert "12" in info.value.message("en") and "12" in info.value.message("cs")


def test_deep_nesting_is_refused():
    for text in ["-" * 100 + "1", "not " * 70 + "a", "[" * 100 + "]" * 100,
                 "abs(" * 70 + "1" + ")" * 70]:
        with pytest.raises(ExpressionError) as info:
            parse(text)
        assert info.value.code in ("errors.expr_too_complex", "errors.expr_syntax")
    # parentheses alone make no nodes: harmless, Python's own parser limits them
    assert parse("(" * 150 + "1" + ")" * 150).evaluate({}) == 1


def test_length_limit():
    text = "sum(" + ", ".join(["1"] * 200) + ")"
    assert len(text) > MAX_LENGTH
    with pytest.raises(ExpressionError) as info:
        parse(text)
    assert info.value.code == "errors.expr_too_long"
    parse("sum(" + ", ".join(["1"] * 100) + ")")  # under the limit: fine
    parse(" + ".join(["a"] * 60))


def test_not_text():
    with pytest.raises(ExpressionError):
        parse(3)  # type: ignore[arg-type]


def test_every_message_exists_in_both_languages():
    import re
    from pathlib import Path

    from casekit.i18n import catalog

    source = Path(__file__).resolve().parents[1] / "casekit" / "instruments" / "expr.py"
    keys = set(re.findall(r"\"(errors\.expr_[a-z_]+)\"", source.read_text(encoding="utf-8")))
    assert len(keys) > 15
    for lang in ("en", "cs"):
        assert keys - set(catalog(lang)) == set()
    assert gettext("errors.expr_power", "cs") != gettext("errors.expr_power", "en")


# -- fuzzing ---------------------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("ab_01 .,()[]'\"+-*/<>=!%~^&|:;@#{}\\") + ["**", "and", "or", "not", "in",
                            "lambda", "sum(", "items('", "__class__", "import", "if", "else", "null", "value"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.dictionaries(st.sampled_from(["a", "b", "a_1"]),
       st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=3),
                 st.booleans(), st.lists(st.integers(0, 3), max_size=3))))
def test_anything_either_parses_or_is_refused_and_evaluation_never_raises(text, answers):
    try:
        expression = parse(text)
    except ExpressionError as exc:
        assert exc.message("en") and exc.message("cs")
        return
    expression.evaluate(answers, value=answers.get("a"))
    expression.is_true(answers)


def test_module_examples():
    import doctest

    import casekit.instruments.expr as module

    assert doctest.testmod(module).failed == 0
