"""Scores honour hidden items, `missing: true` levels and min_answered; show_if follows hidden answers."""
import pytest

from casekit.instruments import load_instrument, score, shown_items, visible_answers

SOURCE = """\
id: scoring
version: 1.0.0
title: Scoring
perspectives: [client, worker]
scales:
  three:
    - {value: 1, label: Low}
    - {value: 2, label: Mid}
    - {value: 3, label: High}
    - {value: 9, label: Not known, missing: true}
domains:
  - id: main
    title: Main
    items:
      - {id: gate, type: yesno, label: Gate}
      - {id: q1, type: scale, scale: three, label: Q1, show_if: gate == true}
      - {id: q2, type: scale, scale: three, label: Q2}
      - {id: q3, type: scale, scale: three, label: Q3, perspectives: [worker]}
      - {id: q4, type: scale, scale: three, label: Q4, show_if: answered(q1)}
      - {id: note, type: text, label: Note}
      - id: tags
        type: multiple
        label: Tags
        levels:
          - {value: a, label: A}
          - {value: b, label: B}
          - {value: x, label: Unknown, missing: true}
      - {id: n, type: number, label: N}
scores:
  - {id: total, label: Total, kind: sum, domain: main}
  - {id: average, label: Average, kind: mean, items: [q1, q2, q3], min_answered: 2}
  - {id: highs, label: Highs, kind: count, domain: main, equals: 3}
  - {id: with_a, label: With a, kind: count, items: [tags], equals: a}
  - {id: yes_count, label: Yes, kind: count, items: [gate], equals: true}
  - {id: doubled, label: Doubled, kind: expr, expr: total * 2}
  - {id: ratio, label: Ratio, kind: expr, expr: "round(q2 / n, 2)"}
"""


@pytest.fixture(scope="module")
def instrument():
    return load_instrument(SOURCE)


def test_domain_sum_uses_number_answers_only(instrument):
    # gate (yes = 1) + q2 + n; note is text and is skipped
    assert score(instrument, {"gate": True, "q1": 3, "q2": 2, "note": "x", "n": 4})["total"] == 1 + 3 + 2 + 4


def test_hidden_items_count_as_unanswered(instrument):
    answers = {"gate": False, "q1": 3, "q2": 1, "q4": 3}
    assert shown_items(instrument, answers) == {"gate", "q2", "q3", "q4", "note", "tags", "n"} - {"q4"}
    # q1 hidden (gate false), so q4 (shown only when q1 is answered) is hidden too
    assert visible_answers(instrument, answers) == {"gate": False, "q2": 1}
    result = score(instrument, answers)
    assert result["total"] == 0 + 1
    assert result["highs"] == 0
    assert result["average"] is None  # only q2: fewer than min_answered 2


def test_missing_levels_are_not_scored_but_shown_if_sees_them(instrument):
    answers = {"gate": True, "q1": 9, "q2": 3, "tags": ["a", "x"]}
    assert "q4" in shown_items(instrument, answers)  # q1 is answered ("not known")
    result = score(instrument, answers)
    assert result["total"] == 1 + 3
    assert result["average"] is None
    assert result["with_a"] == 1
    assert score(instrument, {"tags": ["x"]})["with_a"] is None


def test_perspective_hides_items(instrument):
    answers = {"q2": 1, "q3": 3}
    assert score(instrument, answers, "client")["average"] is None
    assert score(instrument, answers, "worker")["average"] == 2
    assert "q3" not in shown_items(instrument, answers, "client")


def test_counts_and_expressions(instrument):
    result = score(instrument, {"gate": True, "q1": 3, "q2": 3, "n": 4})
    assert result["highs"] == 2
    assert result["yes_count"] == 1
    assert result["doubled"] == 2 * (1 + 3 + 3 + 4)
    assert result["ratio"] == 0.75
    assert score(instrument, {"q2": 1, "n": 0})["ratio"] is None  # division by zero
    assert score(instrument, {})["doubled"] is None


def test_all_scores_are_listed_in_order(instrument):
    assert list(score(instrument, {})) == ["total", "average", "highs", "with_a", "yes_count", "doubled", "ratio"]
