"""Agreement statistics and item statistics equal the libraries' own answers on independently shaped data.

Every reference value below is computed by calling scikit-learn, statsmodels, krippendorff or pingouin
directly on data prepared the plain way (a pandas pivot per item), so a mistake in casekit's one-shot
numpy reshaping makes these tests fail.
"""
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
import pingouin
import pytest
from hypothesis import given, settings, strategies as st
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa as sm_fleiss

from casekit.analysis import (
    DEFAULT_STATS, STATISTICS, AgreementResult, agreement_table, cohen_kappa, fleiss_kappa, icc, item_statistics,
    krippendorff_alpha, statistic_label,
)
from casekit.errors import InvalidData
from casekit.i18n import LANGUAGES, catalog

ROOT = Path(__file__).resolve().parents[1]
TOL = 1e-9
# pingouin 0.7 itself calls a pandas method pandas 3.1 deprecates (the reference calls below see it)
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.dropna")
ALL_STATS = tuple(STATISTICS)


def ratings_frame(seed, n_cases, n_raters, n_items, *, missing=0.0, absent=0.0, top=3, text=False):
    """Correlated raters: a true level per case and item plus rater noise; rows shuffled."""
    rng = np.random.default_rng(seed)
    true = rng.integers(0, top + 1, (n_cases, n_items))
    noise = rng.choice([-1, 0, 0, 0, 1], (n_cases, n_items, n_raters))
    values = np.clip(true[:, :, None] + noise, 0, top).astype(float)
    values[rng.random(values.shape) < missing] = np.nan
    case, item, rater = np.meshgrid(np.arange(n_cases), np.arange(n_items), np.arange(n_raters), indexing="ij")
    frame = pd.DataFrame({
        "case_id": [f"case-{c:04d}" for c in case.ravel()], "rater": [f"rater {r}" for r in rater.ravel()],
        "item": [f"q{i:02d}" for i in item.ravel()], "domain": [f"d{i % 2}" for i in item.ravel()],
        "value": values.ravel(),
    })
    if text:
        frame["value"] = frame["value"].map(lambda v: None if np.isnan(v) else "abcdefgh"[int(v)])
    frame = frame[rng.random(len(frame)) >= absent]  # answers that were never given at all
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def reference(sub, stats, units=("case_id",)):
    """The libraries called directly on a plain pandas pivot of one item's (or domain's) rows."""
    wide = sub.pivot(index=list(units), columns="rater", values="value")
    out = {"n_units": len(wide), "n_raters": wide.shape[1]}
    complete = wide.dropna()
    out["listwise_n"], out["listwise_dropped"] = len(complete), len(wide) - len(complete)
    pairable = int((wide.notna().sum(axis=1) >= 2).sum())
    out["pairable_n"], out["pairable_dropped"] = pairable, len(wide) - pairable
    if wide.shape[1] == 2:
        both = wide.dropna()
        out["pairwise_n"], out["pairwise_dropped"] = len(both), len(wide) - len(both)
        for stat, weights in (("kappa", None), ("kappa_linear", "linear"), ("kappa_quadratic", "quadratic")):
            out[stat] = cohen_kappa_score(both.iloc[:, 0], both.iloc[:, 1], weights=weights)
    else:
        out.update(kappa=np.nan, kappa_linear=np.nan, kappa_quadratic=np.nan, pairwise_n=0,
                   pairwise_dropped=len(wide))
    out["fleiss_kappa"] = sm_fleiss(aggregate_raters(complete.to_numpy())[0])
    for level in ("nominal", "ordinal", "interval"):
        out[f"alpha_{level}"] = krippendorff.alpha(reliability_data=wide.to_numpy().T, level_of_measurement=level)
    long = sub.assign(target=sub[list(units)].astype(str).agg("|".join, axis=1))
    table = pingouin.intraclass_corr(data=long, targets="target", raters="rater", ratings="value", nan_policy="omit")
    found = dict(zip(table["Type"], table["ICC"]))
    names = {"icc1_1": "ICC(1,1)", "icc2_1": "ICC(A,1)", "icc3_1": "ICC(C,1)", "icc1_k": "ICC(1,k)",
             "icc2_k": "ICC(A,k)", "icc3_k": "ICC(C,k)"}
    out.update({code: found[name] for code, name in names.items()})
    return out


def assert_row_matches(row, expected, stats):
    for key in ("n_units", "n_raters", "pairwise_n", "pairwise_dropped", "listwise_n", "listwise_dropped",
                "pairable_n", "pairable_dropped"):
        if key in row:
            assert row[key] == expected[key], key
    for stat in stats:
        got, want = row[stat], expected[stat]
        assert (math.isnan(got) and math.isnan(want)) or abs(got - want) <= TOL, (stat, got, want)


SHAPES = [  # seed, cases, raters, items, missing share, absent share, top level
    (1, 60, 2, 3, 0.0, 0.0, 3),
    (2, 80, 2, 4, 0.1, 0.05, 4),
    (3, 50, 3, 2, 0.0, 0.0, 3),
    (4, 120, 5, 3, 0.15, 0.05, 3),
    (5, 40, 4, 5, 0.05, 0.1, 4),
    (6, 300, 2, 2, 0.2, 0.0, 1),
]


@pytest.mark.parametrize("seed,cases,raters,items,missing,absent,top", SHAPES)
def test_table_by_item_equals_the_libraries(seed, cases, raters, items, missing, absent, top):
    frame = ratings_frame(seed, cases, raters, items, missing=missing, absent=absent, top=top)
    table = agreement_table(frame, stats=ALL_STATS)
    order = frame[["domain", "item"]].drop_duplicates().sort_values(["domain", "item"])  # by domain, then item
    assert list(table["item"]) == list(order["item"]) and list(table["domain"]) == list(order["domain"])
    for _, row in table.iterrows():
        assert_row_matches(row, reference(frame[frame["item"] == row["item"]], ALL_STATS), ALL_STATS)


@pytest.mark.parametrize("seed,cases,raters,items,missing,absent,top", SHAPES[1::2])
def test_table_by_domain_pools_the_items_of_a_domain(seed, cases, raters, items, missing, absent, top):
    frame = ratings_frame(seed, cases, raters, items, missing=missing, absent=absent, top=top)
    table = agreement_table(frame, by="domain")
    for _, row in table.iterrows():
        sub = frame[frame["domain"] == row["domain"]]
        assert row["n_items"] == sub["item"].nunique()
        assert_row_matches(row, reference(sub, DEFAULT_STATS, units=("item", "case_id")), DEFAULT_STATS)


def test_raters_of_an_item_are_those_with_rows_for_it():
    frame = ratings_frame(15, 70, 3, 3, missing=0.1)
    frame = frame[~((frame["rater"] == "rater 2") & (frame["item"] == "q01"))]  # rater 2 never saw q01
    table = agreement_table(frame, stats=ALL_STATS).set_index("item")
    assert list(table["n_raters"].sort_index()) == [3, 2, 3]
    for item, row in table.iterrows():
        assert_row_matches(row.to_dict() | {"item": item}, reference(frame[frame["item"] == item], ALL_STATS),
                           ALL_STATS)
    assert not math.isnan(table.loc["q01", "kappa"]) and math.isnan(table.loc["q00", "kappa"])


def test_chosen_raters_give_cohens_kappa_with_five_raters():
    frame = ratings_frame(7, 90, 5, 2, missing=0.1)
    table = agreement_table(frame, raters=["rater 3", "rater 1"], stats=("kappa_quadratic", "alpha_ordinal"))
    for _, row in table.iterrows():
        sub = frame[(frame["item"] == row["item"]) & frame["rater"].isin(["rater 1", "rater 3"])]
        assert_row_matches(row, reference(sub, ("kappa_quadratic", "alpha_ordinal")),
                           ("kappa_quadratic", "alpha_ordinal"))
    assert list(table.columns) == ["item", "domain", "n_raters", "n_units", "kappa_quadratic", "alpha_ordinal",
                                   "pairwise_n", "pairwise_dropped", "pairable_n", "pairable_dropped", "notes"]


def test_text_codes_get_nominal_statistics_and_a_note_for_the_rest():
    frame = ratings_frame(8, 70, 2, 2, missing=0.1, text=True)
    table = agreement_table(frame, stats=ALL_STATS)
    for _, row in table.iterrows():
        sub = frame[frame["item"] == row["item"]]
        wide = sub.pivot(index="case_id", columns="rater", values="value")
        both = wide.dropna()
        assert abs(row["kappa"] - cohen_kappa_score(both.iloc[:, 0], both.iloc[:, 1])) <= TOL
        assert abs(row["fleiss_kappa"] - sm_fleiss(aggregate_raters(both.to_numpy())[0])) <= TOL
        data = wide.to_numpy(dtype=str, na_value="nan").T
        assert abs(row["alpha_nominal"] - krippendorff.alpha(data, level_of_measurement="nominal")) <= TOL
        for stat in ("kappa_linear", "alpha_ordinal", "icc2_1"):
            assert math.isnan(row[stat])
        assert "text codes" in row["notes"]


def test_ordered_categories_are_ranks():
    frame = ratings_frame(9, 60, 2, 1, missing=0.05)
    as_text = frame.assign(value=pd.Categorical(frame["value"].map({0: "none", 1: "low", 2: "mid", 3: "high"}),
                                                categories=["none", "low", "mid", "high"], ordered=True))
    pd.testing.assert_frame_equal(agreement_table(as_text, stats=ALL_STATS), agreement_table(frame, stats=ALL_STATS))


def test_perfect_agreement_gives_one():
    frame = ratings_frame(10, 40, 2, 2)
    first = frame[frame["rater"] == "rater 0"].set_index(["case_id", "item"])["value"]
    same = frame.assign(value=first.reindex(pd.MultiIndex.from_frame(frame[["case_id", "item"]])).to_numpy())
    table = agreement_table(same, stats=ALL_STATS)
    assert np.allclose(table[list(ALL_STATS)].to_numpy(dtype=float), 1.0, rtol=0, atol=TOL)


def test_missing_answers_are_counted_per_deletion_rule():
    rows = [  # case, rater, value; case 3 lacks B's answer, case 4 has no row by A, case 5 nobody answered
        ("c1", "A", 1), ("c1", "B", 1), ("c2", "A", 2), ("c2", "B", 1), ("c3", "A", 0), ("c3", "B", None),
        ("c4", "B", 2), ("c5", "A", None), ("c5", "B", None), ("c6", "A", 0), ("c6", "B", 0),
        ("c7", "A", 2), ("c7", "B", 2),
    ]
    frame = pd.DataFrame(rows, columns=["case_id", "rater", "value"]).assign(item="q1")
    row = agreement_table(frame).iloc[0]
    assert (row["n_units"], row["n_raters"]) == (7, 2)
    assert (row["pairwise_n"], row["pairwise_dropped"]) == (4, 3)
    assert (row["listwise_n"], row["listwise_dropped"]) == (4, 3)
    assert (row["pairable_n"], row["pairable_dropped"]) == (4, 3)
    result = cohen_kappa([1, 2, 0, None, None, 0, 2], [1, 1, None, 2, None, 0, 2])
    assert (result.n_used, result.n_dropped) == (4, 3)
    assert result.value == pytest.approx(row["kappa"], abs=TOL)
    assert "Used 4 cases; 3 dropped" in result.message("en") and "vyřazené: 3" in result.message("cs")


# -- known small examples worked by hand or published --------------------------------------------------
def test_two_by_two_kappa_by_hand():
    # 20 both yes, 5 A yes/B no, 10 A no/B yes, 15 both no: po = .7, pe = .5*.6 + .5*.4 = .5, kappa = .4
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    result = cohen_kappa(a, b)
    assert isinstance(result, AgreementResult) and result.statistic == "kappa"
    assert result.value == pytest.approx(0.4, abs=TOL) and (result.n_used, result.n_dropped) == (50, 0)
    assert cohen_kappa(b, a).value == pytest.approx(0.4, abs=TOL)


def test_weighted_kappa_by_hand_and_with_scale_levels():
    # 3 cases: (0,0), (1,2), (2,2); linear weights |i-j|: observed weighted disagreement 1/3; expected with
    # margins (1/3,1/3,1/3) x (1/3,0,2/3): 1/3 * [(0 + 0 + 4/3) + (1/3 + 0 + 2/3) + (2/3 + 0 + 0)] = 1
    result = cohen_kappa([0, 1, 2], [0, 2, 2], weights="linear")
    assert result.value == pytest.approx(1 - (1 / 3) / 1, abs=TOL)
    # an unused middle level still counts as a step when the scale is given
    gap = cohen_kappa([0, 3, 3, 0], [0, 3, 0, 3], weights="linear", labels=[0, 1, 2, 3])
    assert gap.value == pytest.approx(cohen_kappa_score([0, 3, 3, 0], [0, 3, 0, 3], weights="linear",
                                                        labels=[0, 1, 2, 3]), abs=TOL)
    words = cohen_kappa(["low", "high", "mid"], ["low", "high", "high"], weights="quadratic",
                        labels=["low", "mid", "high"])
    assert words.value == pytest.approx(cohen_kappa_score([0, 2, 1], [0, 2, 2], weights="quadratic"), abs=TOL)


def test_fleiss_kappa_wikipedia_example():
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    result = fleiss_kappa(table, counts=True)
    assert result.value == pytest.approx(0.20993, abs=5e-6) and result.n_used == 10
    shorter = fleiss_kappa(table + [[0, 0, 0, 0, 13]], counts=True)  # one rater missing: dropped
    assert (shorter.n_used, shorter.n_dropped, shorter.value) == (10, 1, result.value)
    ratings = [[1, 1, 2], [2, 2, 2], [1, None, 1], [3, 3, 1]]
    direct = fleiss_kappa(ratings)
    assert (direct.n_used, direct.n_dropped) == (3, 1)
    assert direct.value == pytest.approx(sm_fleiss(aggregate_raters([[1, 1, 2], [2, 2, 2], [3, 3, 1]])[0]), abs=TOL)


def test_krippendorff_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders x 12 units
    nan = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan], [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan], [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    assert round(krippendorff_alpha(data, "nominal").value, 3) == 0.743
    assert round(krippendorff_alpha(data, "ordinal").value, 3) == 0.815
    assert round(krippendorff_alpha(data, "interval").value, 3) == 0.849
    result = krippendorff_alpha(data, "interval")
    assert (result.n_used, result.n_dropped) == (11, 1)  # unit 12 has one answer only


def test_icc_shrout_fleiss_example_and_kind_names():
    # Shrout & Fleiss (1979), table 2: 6 targets, 4 judges; ICC(2,1) = .29, ICC(3,k) = ICC(3,4) = .91
    wide = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]], float)
    assert round(icc(wide, "ICC2").value, 2) == 0.29
    assert round(icc(wide, "ICC3k").value, 2) == 0.91
    assert icc(wide, "ICC(A,1)").value == icc(wide, "icc2_1").value == icc(wide, "ICC2").value
    long = pd.DataFrame([(t, j, wide[t, j]) for t in range(6) for j in range(4)], columns=["case_id", "rater", "value"])
    expected = pingouin.intraclass_corr(long, "case_id", "rater", "value").set_index("Type")["ICC"]
    assert abs(icc(long, "ICC3k").value - expected["ICC(C,k)"]) <= TOL
    with_gap = np.vstack([wide, [[1, np.nan, 2, 3]]])
    result = icc(with_gap, "ICC2")
    assert (result.n_used, result.n_dropped, result.value) == (6, 1, icc(wide, "ICC2").value)


def test_undefined_statistics_are_nan_with_a_reason():
    same = cohen_kappa([1, 1, 1], [1, 1, 1])
    assert math.isnan(same.value) and same.problem == "analysis.problem.no_value"
    assert math.isnan(krippendorff_alpha([[2, 2], [2, 2]]).value)
    assert krippendorff_alpha([[2, 2], [2, 2]]).problem == "analysis.problem.one_value"
    few = icc(np.array([[1.0, 2.0], [2.0, np.nan]]), "ICC2")
    assert math.isnan(few.value) and few.problem == "analysis.problem.too_few"
    text = cohen_kappa(["a", "b"], ["a", "a"], weights="linear")
    assert math.isnan(text.value) and "text codes" in text.message("en")
    table = agreement_table(ratings_frame(11, 30, 3, 1))
    assert table["notes"][0].count("Cohen's kappa") == 1 and "exactly two raters" in table["notes"][0]


def test_bad_input_is_explained_in_both_languages():
    frame = ratings_frame(12, 10, 2, 2)
    cases = [
        (lambda: agreement_table(frame.drop(columns="rater")), "errors.analysis_missing_columns"),
        (lambda: agreement_table(pd.concat([frame, frame.head(1)])), "errors.analysis_duplicate_ratings"),
        (lambda: agreement_table(frame, stats=("kappa", "omega")), "errors.analysis_unknown_statistic"),
        (lambda: agreement_table(frame, raters=["rater 0", "nobody"]), "errors.analysis_unknown_rater"),
        (lambda: agreement_table(frame, by="rater"), "errors.analysis_bad_grouping"),
        (lambda: agreement_table(frame.drop(columns="domain"), by="domain"), "errors.analysis_missing_columns"),
        (lambda: agreement_table(frame.assign(domain=frame["domain"].sample(frac=1, random_state=1).to_numpy())),
         "errors.analysis_item_in_two_domains"),
        (lambda: agreement_table(frame.assign(rater=frame["rater"].where(frame.index > 0))),
         "errors.analysis_missing_keys"),
        (lambda: cohen_kappa([1, 2], [1], weights=None), "errors.analysis_lengths_differ"),
        (lambda: cohen_kappa([1, 2], [1, 2], weights="cubic"), "errors.analysis_bad_weights"),
        (lambda: icc(np.eye(3), "ICC4"), "errors.analysis_bad_icc_kind"),
        (lambda: krippendorff_alpha([[1, 2]], "ratio"), "errors.analysis_bad_level"),
        (lambda: item_statistics(frame, threshold=15), "errors.analysis_bad_threshold"),
    ]
    for call, code in cases:
        with pytest.raises(InvalidData) as info:
            call()
        assert info.value.code == code
        assert "{" not in info.value.message("cs") and "{" not in info.value.message("en")
    with pytest.raises(InvalidData) as info:
        agreement_table(pd.concat([frame, frame.head(1)]))
    assert "case_id=" in info.value.message("en")


def test_every_analysis_key_is_translated():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "casekit" / "analysis").glob("*.py"))
    keys = set(re.findall(r"\"((?:analysis|errors)\.[a-z_.]+)\"", source))
    keys |= {f"analysis.stat.{s}" for s in STATISTICS} | {f"analysis.deletion.{r}" for r in ("pairwise",
                                                                                               "listwise", "pairable")}
    keys |= {"analysis.family.alpha", "analysis.family.icc"}
    for lang in LANGUAGES:
        assert sorted(k for k in keys if k not in catalog(lang)) == []
    assert statistic_label("icc2_1", "cs") == "ICC(2,1)" and statistic_label("fleiss_kappa", "cs") == "Fleissova kappa"


# -- invariants ---------------------------------------------------------------------------------------
answers = st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 3)), st.one_of(st.none(), st.integers(0, 3))),
                   min_size=2, max_size=40)


@settings(max_examples=60, deadline=None)
@given(answers, st.sampled_from([None, "linear", "quadratic"]))
def test_kappa_is_symmetric_in_the_raters(pairs, weights):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    one, other = cohen_kappa(a, b, weights), cohen_kappa(b, a, weights)
    assert (one.n_used, one.n_dropped) == (other.n_used, other.n_dropped)
    assert (math.isnan(one.value) and math.isnan(other.value)) or abs(one.value - other.value) <= TOL


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=6, max_size=6), min_size=2, max_size=5),
       st.randoms(use_true_random=False), st.sampled_from(["nominal", "ordinal", "interval"]))
def test_alpha_is_unchanged_by_relabelling_raters(matrix, random, level):
    order = list(range(len(matrix)))
    random.shuffle(order)
    one = krippendorff_alpha(matrix, level)
    other = krippendorff_alpha([matrix[i] for i in order], level)
    assert (one.n_used, one.n_dropped) == (other.n_used, other.n_dropped)
    assert (math.isnan(one.value) and math.isnan(other.value)) or abs(one.value - other.value) <= TOL


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.permutations(["ann", "bob", "cyril", "dana"]))
def test_table_is_unchanged_by_renaming_raters_and_reordering_rows(seed, names):
    frame = ratings_frame(seed, 25, 4, 2, missing=0.1, absent=0.05)
    renamed = frame.assign(rater=frame["rater"].map(dict(zip(sorted(frame["rater"].unique()), names))))
    renamed = renamed.sample(frac=1, random_state=seed % 97)
    stats = ("fleiss_kappa", "alpha_nominal", "alpha_ordinal", "alpha_interval", "icc2_1", "icc3_k")
    one, other = agreement_table(frame, stats=stats), agreement_table(renamed, stats=stats)
    pd.testing.assert_frame_equal(one.drop(columns=list(stats)), other.drop(columns=list(stats)))
    np.testing.assert_allclose(one[list(stats)].to_numpy(float), other[list(stats)].to_numpy(float), rtol=0,
                               atol=TOL)


# -- item statistics ----------------------------------------------------------------------------------
def test_item_statistics_distribution_missing_floor_and_ceiling():
    frame = pd.DataFrame({
        "case_id": range(10), "rater": "A", "item": ["q1"] * 6 + ["q2"] * 4,
        "value": [0, 0, 1, 3, None, 2, 1, 1, 2, None],
    })
    stats = item_statistics(frame, levels=[0, 1, 2, 3]).set_index("item")
    q1, q2 = stats.loc["q1"], stats.loc["q2"]
    assert (q1["n_rows"], q1["n_missing"], q1["n_answered"]) == (6, 1, 5)
    assert q1["share_missing"] == pytest.approx(1 / 6)
    assert [q1[f"count_{v}"] for v in range(4)] == [2, 1, 1, 1]
    assert [q2[f"count_{v}"] for v in range(4)] == [0, 2, 1, 0]
    assert q1["share_floor"] == pytest.approx(0.4) and q1["floor_effect"]
    assert q1["share_ceiling"] == pytest.approx(0.2) and q1["ceiling_effect"]
    assert q2["share_floor"] == 0 and not q2["floor_effect"] and not q2["ceiling_effect"]
    assert q1["mean"] == pytest.approx(1.2) and q1["median"] == 1 and q2["median"] == 1
    assert q1["n_out_of_levels"] == 0
    strict = item_statistics(frame, levels=[0, 1, 2, 3], threshold=0.25).set_index("item")
    assert strict.loc["q1", "floor_effect"] and not strict.loc["q1", "ceiling_effect"]
    seen = item_statistics(frame).set_index("item")  # no levels: the values seen are the scale
    assert (seen.loc["q2", "floor_level"], seen.loc["q2", "ceiling_level"]) == (1, 2)
    assert seen.loc["q2", "share_floor"] == pytest.approx(2 / 3)


def test_item_statistics_match_pandas_on_random_data():
    frame = ratings_frame(13, 200, 3, 4, missing=0.1, top=4)
    stats = item_statistics(frame, levels={f"q{i:02d}": range(5) for i in range(4)}).set_index("item")
    for item, sub in frame.groupby("item"):
        values = sub["value"]
        assert stats.loc[item, "n_missing"] == values.isna().sum()
        assert stats.loc[item, "domain"] == sub["domain"].iloc[0]
        counts = values.value_counts()
        assert all(stats.loc[item, f"count_{v}"] == counts.get(float(v), 0) for v in range(5))
        assert stats.loc[item, "share_ceiling"] == pytest.approx((values == 4).sum() / values.notna().sum())
        assert stats.loc[item, "mean"] == pytest.approx(values.mean())
        assert stats.loc[item, "median"] == pytest.approx(values.median())


def test_item_statistics_of_text_codes_need_levels_for_floor_and_ceiling():
    frame = ratings_frame(14, 30, 2, 1, text=True)
    plain = item_statistics(frame).iloc[0]
    assert plain["floor_level"] is None and not plain["floor_effect"] and math.isnan(plain["mean"])
    ordered = item_statistics(frame, levels=["a", "b", "c", "d"]).iloc[0]
    assert ordered["floor_level"] == "a"
    assert ordered["share_floor"] == pytest.approx((frame["value"] == "a").mean())


# -- light imports --------------------------------------------------------------------------------------
def test_importing_the_analysis_package_loads_no_heavy_library():
    probe = ("import sys, json, casekit.analysis\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'pandas', 'sklearn',"
             " 'statsmodels', 'krippendorff', 'pingouin', 'scipy', 'ipywidgets', 'altair', 'IPython'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_level_aliases_and_scale_levels_in_the_table():
    frame = ratings_frame(16, 50, 2, 2, missing=0.1)
    assert list(agreement_table(frame, level="nominal").columns[4:7]) == ["kappa", "fleiss_kappa", "alpha_nominal"]
    assert "icc2_1" not in agreement_table(frame, level="ordinal").columns
    table = agreement_table(frame, stats=("ICC2", "ICC3k", "icc2_1"))
    assert [c for c in table.columns if c.startswith("icc")] == ["icc2_1", "icc3_k"]
    frame = frame[frame["value"] != 2]  # nobody uses level 2: with the scale given it still counts as a step
    scaled = agreement_table(frame, stats=("kappa_linear",), levels=[0, 1, 2, 3])
    for _, row in scaled.iterrows():
        both = frame[frame["item"] == row["item"]].pivot(index="case_id", columns="rater", values="value").dropna()
        want = cohen_kappa_score(both.iloc[:, 0], both.iloc[:, 1], weights="linear", labels=[0, 1, 2, 3])
        assert abs(row["kappa_linear"] - want) <= TOL
    result = cohen_kappa([0, 1, 2], [0, 1, 1], weights="quadratic")
    assert (result.deletion, result.library) == ("pairwise", "sklearn.metrics.cohen_kappa_score")
    assert float(result) == result.value
