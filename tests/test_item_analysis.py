"""Item analysis checked against published values.

Sources:
- R's ``datasets::attitude`` (Chatterjee & Price 1977, *Regression Analysis by Example*, table 3.3): 30
  departments rating their supervisor on 7 items. ``psych::alpha(attitude[, 2:7])`` (R, psych) prints
  raw_alpha 0.81 with the Feldt 95 % interval 0.68–0.90; "Reliability if an item is dropped" raw_alpha
  0.77, 0.78, 0.75, 0.74, 0.83, 0.79; and the corrected item–total correlations r.drop 0.63, 0.56, 0.68,
  0.78, 0.28, 0.52. ``MBESS::ci.reliability(attitude, type = "omega")`` gives ω = 0.8563268 for all 7 items.
- Shrout & Fleiss (1979), *Intraclass correlations: uses in assessing rater reliability*, Psychological
  Bulletin 86(2), table 2 (6 targets, 4 judges) and table 4: ICC(2,1) = .29, ICC(3,1) = .71, ICC(3,k) = .91
  (ICC(3,k) is Cronbach's α of the judges taken as items).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from casekit.analysis import item_analysis, test_retest
from casekit.analysis.reliability import omega_total
from casekit.errors import InvalidData
from casekit.i18n import language

ATTITUDE_COLUMNS = ["rating", "complaints", "privileges", "learning", "raises", "critical", "advance"]
ATTITUDE = np.array([
    [43, 51, 30, 39, 61, 92, 45], [63, 64, 51, 54, 63, 73, 47], [71, 70, 68, 69, 76, 86, 48],
    [61, 63, 45, 47, 54, 84, 35], [81, 78, 56, 66, 71, 83, 47], [43, 55, 49, 44, 54, 49, 34],
    [58, 67, 42, 56, 66, 68, 35], [71, 75, 50, 55, 70, 66, 41], [72, 82, 72, 67, 71, 83, 31],
    [67, 61, 45, 47, 62, 80, 41], [64, 53, 53, 58, 58, 67, 34], [67, 60, 47, 39, 59, 74, 41],
    [69, 62, 57, 42, 55, 63, 25], [68, 83, 83, 45, 59, 77, 35], [77, 77, 54, 72, 79, 77, 46],
    [81, 90, 50, 72, 60, 54, 36], [74, 85, 64, 69, 79, 79, 63], [65, 60, 65, 75, 55, 80, 60],
    [65, 70, 46, 57, 75, 85, 46], [50, 58, 68, 54, 64, 78, 52], [50, 40, 33, 34, 43, 64, 33],
    [64, 61, 52, 62, 66, 80, 41], [53, 66, 52, 50, 63, 80, 37], [40, 37, 42, 58, 50, 57, 49],
    [63, 54, 42, 48, 66, 75, 33], [66, 77, 66, 63, 88, 76, 72], [78, 75, 58, 74, 80, 78, 49],
    [48, 57, 44, 45, 51, 83, 38], [85, 85, 71, 71, 77, 74, 55], [82, 82, 39, 59, 64, 78, 39],
], dtype=float)
SHROUT_FLEISS = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], float)


def long_frame(wide: np.ndarray, columns: list[str], domain: str = "scale") -> pd.DataFrame:
    rows = [(f"a{r}", f"case{r}", "rater", columns[c], domain, wide[r, c])
            for r in range(wide.shape[0]) for c in range(wide.shape[1])]
    return pd.DataFrame(rows, columns=["assessment_id", "case_id", "rater", "item", "domain", "value"])


def test_alpha_item_total_and_alpha_if_deleted_match_psych_on_attitude():
    six = ATTITUDE_COLUMNS[1:]
    result = item_analysis(long_frame(ATTITUDE[:, 1:], six))
    (scale,) = result.scales.to_dict("records")
    assert (round(scale["alpha"], 2), round(scale["alpha_ci_low"], 2), round(scale["alpha_ci_high"], 2)) == (
        0.81, 0.68, 0.90)
    assert (scale["n_items"], scale["n_used"], scale["n_dropped"]) == (6, 30, 0)
    items = result.items.set_index("item")
    assert [round(items.loc[i, "alpha_if_deleted"], 2) for i in six] == [0.77, 0.78, 0.75, 0.74, 0.83, 0.79]
    assert [round(items.loc[i, "item_total_r"], 2) for i in six] == [0.63, 0.56, 0.68, 0.78, 0.28, 0.52]


def test_omega_matches_mbess_on_attitude():
    assert omega_total(ATTITUDE) == pytest.approx(0.8563268, abs=5e-7)
    result = item_analysis(long_frame(ATTITUDE, ATTITUDE_COLUMNS))
    assert result.scales.loc[0, "omega"] == pytest.approx(0.8563268, abs=5e-7)


def test_alpha_of_the_judges_is_shrout_and_fleiss_icc3k():
    result = item_analysis(long_frame(SHROUT_FLEISS, ["j1", "j2", "j3", "j4"]))
    assert round(result.scales.loc[0, "alpha"], 2) == 0.91


def test_test_retest_icc_matches_shrout_and_fleiss():
    # the four judges read as four waves of the same six respondents
    rows = [(f"case{t}", "self", f"wave{j}", "x", "scale", SHROUT_FLEISS[t, j]) for t in range(6) for j in range(4)]
    frame = pd.DataFrame(rows, columns=["case_id", "rater", "wave", "item", "domain", "value"])
    (row,) = test_retest(frame, wave="wave").to_dict("records")
    assert (round(row["icc2_1"], 2), round(row["icc3_1"], 2), row["n_used"]) == (0.29, 0.71, 6)
    assert row["icc2_1_low"] < row["icc2_1"] < row["icc2_1_high"]
    two = test_retest(frame, wave="wave", waves=["wave0", "wave1"], by="item")
    assert list(two["item"]) == ["x"] and two.loc[0, "n_used"] == 6


def test_missing_answers_are_deleted_listwise_and_counted():
    frame = long_frame(ATTITUDE[:, 1:], ATTITUDE_COLUMNS[1:])
    frame.loc[(frame["assessment_id"] == "a0") & (frame["item"] == "critical"), "value"] = np.nan
    frame = frame[~((frame["assessment_id"] == "a1") & (frame["item"] == "advance"))]  # no row at all
    result = item_analysis(frame)
    assert (result.scales.loc[0, "n_respondents"], result.scales.loc[0, "n_used"],
            result.scales.loc[0, "n_dropped"]) == (30, 28, 2)
    items = result.items.set_index("item")
    assert (items.loc["critical", "n_missing"], items.loc["advance", "n_missing"]) == (1, 0)
    assert items.loc["critical", "share_missing"] == pytest.approx(1 / 30)


def test_floor_and_ceiling_effects_per_item_with_the_scale_levels():
    # 10 respondents on a 1..5 scale: q1 has 4 answers at 1 (floor 40 %), q2 2 at 5 (20 %), q3 none at either
    q1 = [1, 1, 1, 1, 2, 2, 3, 3, 4, 4]
    q2 = [2, 2, 3, 3, 3, 4, 4, 4, 5, 5]
    q3 = [2, 2, 2, 3, 3, 3, 3, 4, 4, 4]
    frame = long_frame(np.array([q1, q2, q3], float).T, ["q1", "q2", "q3"])
    items = item_analysis(frame, levels=[1, 2, 3, 4, 5]).items.set_index("item")
    assert items.loc["q1", ["share_floor", "floor_effect", "ceiling_effect"]].tolist() == [0.4, True, False]
    assert items.loc["q2", ["share_ceiling", "ceiling_effect", "floor_effect"]].tolist() == [0.2, True, False]
    assert items.loc["q3", ["share_floor", "share_ceiling", "floor_effect", "ceiling_effect"]].tolist() == [
        0.0, 0.0, False, False]
    assert items.loc["q1", "mean"] == pytest.approx(2.2)


def test_scales_by_domain_and_what_cannot_be_computed():
    frame = pd.concat([long_frame(ATTITUDE[:, :3], ATTITUDE_COLUMNS[:3], "first"),
                       long_frame(ATTITUDE[:, 3:4], ATTITUDE_COLUMNS[3:4], "single")])
    with language("en"):
        scales = item_analysis(frame).scales.set_index("domain")
    assert scales.loc["first", "n_items"] == 3 and not math.isnan(scales.loc["first", "alpha"])
    assert math.isnan(scales.loc["single", "alpha"]) and "one item" in scales.loc["single", "notes"]
    with language("cs"):
        assert "jedné položce" in item_analysis(frame).scales.set_index("domain").loc["single", "notes"]
    with pytest.raises(InvalidData):
        test_retest(frame.assign(wave=1), wave="wave")


def test_the_item_analysis_chart_shows_each_item_in_both_languages():
    from casekit.charts import to_svg
    from casekit.charts.items import item_analysis_chart, item_analysis_frame

    result = item_analysis(long_frame(ATTITUDE, ATTITUDE_COLUMNS))
    frame = item_analysis_frame(result)
    assert list(frame["item"]) == ATTITUDE_COLUMNS
    assert frame["scale_alpha"].nunique() == 1 and round(frame["scale_alpha"].iloc[0], 3) == 0.843
    assert "α if the item is deleted" in to_svg(item_analysis_chart(result, lang="en"))
    assert "α bez této položky" in to_svg(item_analysis_chart(result, lang="cs"))
