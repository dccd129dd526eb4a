"""The Kiresuk–Sherman GAS T-score, checked by hand and against the formula."""
import math

import pytest
from hypothesis import given, strategies as st

from casekit.errors import InvalidData
from casekit.gas import gas_tscore


def formula(scores, weights, rho=0.3):
    pairs = [(x, 1 if w is None else w) for x, w in zip(scores, weights) if x is not None]
    sw = sum(w for _, w in pairs)
    sw2 = sum(w * w for _, w in pairs)
    return 50 + 10 * sum(w * x for x, w in pairs) / math.sqrt((1 - rho) * sw2 + rho * sw * sw)


def test_every_goal_met_exactly_is_50():
    assert gas_tscore([0]) == 50
    assert gas_tscore([0, 0, 0, 0, 0], [1, 2, 3, 4, 5]) == 50


def test_hand_checked_cases():
    # [1, 1], weights [1, 1]: 50 + 10·2 / √(0.7·2 + 0.3·4) = 50 + 20/√2.6 ≈ 62.4035
    assert gas_tscore([1, 1], [1, 1]) == pytest.approx(62.4035, abs=1e-4)
    # one goal at +2: 50 + 10·2 / √(0.7·1 + 0.3·1) = 70
    assert gas_tscore([2]) == pytest.approx(70)
    # one goal at −1 with weight 3: 50 + 10·(−3) / √(0.7·9 + 0.3·9) = 50 − 30/3 = 40
    assert gas_tscore([-1], [3]) == pytest.approx(40)
    # [2, −1] with weights [2, 1]: Σwx = 3, Σw² = 5, (Σw)² = 9 → 50 + 30/√(3.5 + 2.7) = 50 + 30/√6.2 ≈ 62.0483
    assert gas_tscore([2, -1], [2, 1]) == pytest.approx(62.0483, abs=1e-4)
    # three goals at −1: Σwx = −3, Σw² = 3, (Σw)² = 9 → 50 − 30/√(2.1 + 2.7) = 50 − 30/√4.8 ≈ 36.3069
    assert gas_tscore([-1, -1, -1]) == pytest.approx(36.3069, abs=1e-4)


def test_missing_scores_drop_their_weights_and_missing_weights_count_as_one():
    assert gas_tscore([2, None, -1, float("nan")], [2, 100, None, 7]) == pytest.approx(gas_tscore([2, -1], [2, 1]))
    assert gas_tscore([1, 1], [None, float("nan")]) == pytest.approx(gas_tscore([1, 1]))


def test_no_scores_gives_none():
    assert gas_tscore([]) is None
    assert gas_tscore([None, float("nan")]) is None


def test_rho_changes_the_result():
    assert gas_tscore([1, 1], rho=0) == pytest.approx(50 + 20 / math.sqrt(2))
    assert gas_tscore([1, 1], rho=0.5) == pytest.approx(50 + 20 / math.sqrt(0.5 * 2 + 0.5 * 4))


@pytest.mark.parametrize("scores, weights, rho, code", [
    ([3], None, 0.3, "errors.gas_score_out_of_range"),
    ([-2.5], None, 0.3, "errors.gas_score_out_of_range"),
    (["1"], None, 0.3, "errors.gas_score_out_of_range"),
    ([True], None, 0.3, "errors.gas_score_out_of_range"),
    ([1], [0], 0.3, "errors.gas_weight_not_positive"),
    ([1], [-1], 0.3, "errors.gas_weight_not_positive"),
    ([1], [float("inf")], 0.3, "errors.gas_weight_not_positive"),
    ([1, 2], [1], 0.3, "errors.gas_lengths"),
    ([1], None, 1, "errors.gas_rho"),
    ([1], None, -0.1, "errors.gas_rho"),
])
def test_invalid_input_is_refused_in_both_languages(scores, weights, rho, code):
    with pytest.raises(InvalidData) as info:
        gas_tscore(scores, weights, rho)
    assert info.value.code == code
    en, cs = info.value.message("en"), info.value.message("cs")
    assert en != cs and not en.startswith("errors.") and not cs.startswith("errors.")


goal = st.one_of(st.none(), st.integers(-2, 2))
weight = st.one_of(st.none(), st.floats(0.01, 100, allow_nan=False))


@given(st.lists(st.tuples(goal, weight), max_size=12), st.floats(0, 0.95))
def test_matches_the_formula(pairs, rho):
    scores, weights = [p[0] for p in pairs], [p[1] for p in pairs]
    result = gas_tscore(scores, weights, rho)
    if all(s is None for s in scores):
        assert result is None
    else:
        assert result == pytest.approx(formula(scores, weights, rho))
        if all(s == 0 for s in scores if s is not None):
            assert result == 50


@given(st.lists(st.integers(-2, 2), min_size=1, max_size=10))
def test_t_score_rises_with_any_single_goal(scores):
    better = list(scores)
    i = next((n for n, s in enumerate(better) if s < 2), None)
    if i is None:
        return
    better[i] += 1
    assert gas_tscore(better) > gas_tscore(scores)


# -- issue 13, failure 8: numpy and pandas numbers, and scores that are not GAS levels -----------------------

def test_numpy_and_pandas_numbers_are_numbers():
    import numpy as np
    import pandas as pd

    assert gas_tscore(np.array([1, 2])) == pytest.approx(gas_tscore([1, 2]))
    assert gas_tscore(np.array([1.0, -1.0]), np.array([2, 1])) == pytest.approx(gas_tscore([1, -1], [2, 1]))
    scores = pd.Series([1, None, -2], dtype="Int64")          # pd.NA: a goal not scored
    weights = pd.Series([2.0, 5.0, None], dtype="Float64")
    assert gas_tscore(scores, weights) == pytest.approx(gas_tscore([1, -2], [2, 1]))
    assert gas_tscore(pd.Series([pd.NA, pd.NA], dtype="Int64")) is None
    assert gas_tscore([np.int64(0), np.float32(1)]) == pytest.approx(gas_tscore([0, 1]))


@pytest.mark.parametrize("bad", [1.5, -0.5, 3, 2.25, "1", True])
def test_scores_that_are_not_gas_levels_are_refused(bad):
    with pytest.raises(InvalidData) as caught:
        gas_tscore([0, bad])
    assert caught.value.code == "errors.gas_score_out_of_range"
    assert "−2, −1, 0, +1, +2" in caught.value.message("en") and "Cíl 2" in caught.value.message("cs")
