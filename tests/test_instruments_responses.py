"""Answers are validated item by item (bilingual messages naming the item); frames round-trip CSV and Parquet."""
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from casekit.i18n import language
from casekit.instruments import (
    AnswerError, Assessment, builtin, load_instrument, long_frame, set_answer, to_csv, to_parquet,
    validate_answers, wide_frame,
)
from casekit.instruments.frames import LONG_COLUMNS
from casekit.vocab import Perspective

RESEARCH = Path(__file__).parent / "data" / "instruments" / "research-support.yaml"


@pytest.fixture(scope="module")
def research():
    return load_instrument(RESEARCH)


def refused(instrument, answers, perspective="client", complete=True):
    with pytest.raises(AnswerError) as info:
        validate_answers(instrument, answers, perspective, complete=complete)
    return info.value


def test_normalises_and_orders(research):
    clean = validate_answers(research, {"lon_2": "4", "interview_date": date(2025, 2, 3), "age": "41",
                                        "contacts": ("services", "family", "family"), "sup_help": "ano",
                                        "lon_1": 5.0, "lon_comment": "", "visits": None}, "client")
    assert clean == {"interview_date": "2025-02-03", "age": 41, "contacts": ["family", "services"],
                     "lon_1": 5, "lon_2": 4, "sup_help": True}
    assert list(clean) == ["interview_date", "age", "contacts", "lon_1", "lon_2", "sup_help"]


@pytest.mark.parametrize("answers, code, item", [
    ({"interview_date": "2025-01-01", "nope": 1}, "errors.answer_unknown_item", "nope"),
    ({"interview_date": "2025-01-01", "lon_1": 6}, "errors.answer_out_of_scale", "lon_1"),
    ({"interview_date": "2025-01-01", "lon_1": True}, "errors.answer_out_of_scale", "lon_1"),
    ({"interview_date": "2025-01-01", "lon_1": [1, 2]}, "errors.answer_expects_one", "lon_1"),
    ({"interview_date": "2025-01-01", "lives": "castle"}, "errors.answer_out_of_scale", "lives"),
    ({"interview_date": "2025-01-01", "contacts": ["family", "aliens"]}, "errors.answer_out_of_scale", "contacts"),
    ({"interview_date": "2025-01-01", "age": 12}, "errors.answer_below_min", "age"),
    ({"interview_date": "2025-01-01", "age": 200}, "errors.answer_above_max", "age"),
    ({"interview_date": "2025-01-01", "age": 40.5}, "errors.answer_expects_whole_number", "age"),
    ({"interview_date": "2025-01-01", "age": "forty"}, "errors.answer_expects_number", "age"),
    ({"interview_date": "2025-01-01", "age": float("inf")}, "errors.answer_expects_number", "age"),
    ({"interview_date": "2025-01-01", "sup_help": "maybe"}, "errors.answer_expects_yesno", "sup_help"),
    ({"interview_date": "31. 1. 2025"}, "errors.answer_expects_date", "interview_date"),
    ({"interview_date": "2025-01-01", "lon_1": 5, "lon_comment": "x" * 501}, "errors.answer_too_long",
     "lon_comment"),
    ({"interview_date": "2025-01-01", "lon_1": 5, "lon_comment": 42}, "errors.answer_expects_text", "lon_comment"),
    ({"interview_date": "2025-01-01", "lives": "family", "visits": 61}, "errors.answer_constraint_message", "visits"),
    ({"age": 30}, "errors.answer_required", "interview_date"),
])
def test_refused_with_a_message_naming_the_item(research, answers, code, item):
    error = refused(research, answers)
    assert (code, item) in [(c, p["item"]) for c, p in error.problems]
    n = error.items.index(item)
    en, cs = error.messages("en")[n], error.messages("cs")[n]
    assert f"`{item}`" in en and f"`{item}`" in cs and en != cs


def test_labels_in_messages_follow_the_language(research):
    error = refused(research, {"interview_date": "2025-01-01", "lon_1": 7})
    assert error.messages("en")[0].startswith("I feel left out. (`lon_1`): 7 is out of scale")
    with language("cs"):
        assert str(error).startswith("Cítím se opomíjený/á. (`lon_1`): 7 je mimo škálu")


def test_all_problems_are_reported(research):
    error = refused(research, {"age": 5, "lon_1": 0, "sup_help": "?"})
    assert sorted(error.items) == ["age", "interview_date", "lon_1", "sup_help"]


def test_constraint_without_message():
    instrument = load_instrument("""\
id: c
version: "1"
title: C
domains:
  - id: d
    title: D
    items:
      - {id: total, type: number, label: Total}
      - {id: part, type: number, label: Part, constraint: value <= total}
""")
    validate_answers(instrument, {"total": 5, "part": 5})
    error = refused(instrument, {"total": 5, "part": 6}, None)
    assert "value <= total" in error.messages("en")[0] and "value <= total" in error.messages("cs")[0]


def test_hidden_answers_are_dropped(research):
    answers = {"interview_date": "2025-01-01", "lives": "alone", "visits": 3, "lon_1": 2, "lon_comment": "x",
               "contacts": ["friends"]}
    assert validate_answers(research, answers, "client") == {
        "interview_date": "2025-01-01", "lives": "alone", "contacts": ["friends"], "lon_1": 2}
    # contacts is rated by the client only
    assert "contacts" not in validate_answers(research, answers, "worker")
    # a required item that is answered is fine; not required when the assessment is incomplete
    assert validate_answers(research, {}, "client", complete=False) == {}


def test_assessment_check_and_set_answer(research):
    a = Assessment.start(research, rater="Jan Novák", perspective="client", case_id="case-7", date=date(2025, 1, 9))
    assert a.instrument_id == "research-support" and a.instrument_version == "0.3.1" and a.answers == {}
    with pytest.raises(AnswerError):
        a.check(research)  # interview_date is required
    b = set_answer(a, research, "lon_1", "4")
    assert a.answers == {} and b.answers == {"lon_1": 4}  # a new copy; the old one is unchanged
    with pytest.raises(AnswerError) as info:
        set_answer(b, research, "lon_1", 6)  # out of scale
    assert info.value.problems[0][0] == "errors.answer_out_of_scale"
    with pytest.raises(AnswerError):
        set_answer(b, research, "no_such_item", 1)
    c = set_answer(set_answer(b, research, "interview_date", "2025-01-09"), research, "lon_1", None)
    assert c.check(research).answers == {"interview_date": "2025-01-09"}
    assert Assessment.model_validate_json(c.model_dump_json()) == c


def test_check_refuses_another_instrument_or_perspective(research):
    a = Assessment.start(research, rater="X", perspective="client")
    with pytest.raises(AnswerError) as info:
        a.check(builtin("casekit-needs"))
    assert info.value.problems[0][0] == "errors.answers_wrong_instrument"
    actor = a.model_copy(update={"perspective": Perspective.ACTOR})
    with pytest.raises(AnswerError) as info:
        actor.check(research)
    assert info.value.problems[0][0] == "errors.answers_wrong_perspective"


# -- frames --------------------------------------------------------------------------------------

def _assessments():
    needs = builtin("casekit-needs")
    out = []
    for n, (perspective, status) in enumerate([("client", 2), ("worker", 1), ("actor", 9)]):
        a = Assessment.start(needs, rater=f"Rater {n}", perspective=perspective, case_id="case-1",
                             date=date(2025, 3, n + 1), actor_id="act-1" if perspective == "actor" else None)
        a = set_answer(a, needs, "housing_status", status)
        if status in (1, 2):
            a = set_answer(a, needs, "housing_severity", 3 + n)
        out.append(a)
    return needs, out


def test_long_frame_is_tidy():
    needs, assessments = _assessments()
    frame = long_frame(assessments, needs)
    assert tuple(frame.columns) == LONG_COLUMNS
    assert len(frame) == 3 * len(needs.items())
    row = frame[(frame.perspective == "client") & (frame.item == "housing_status")].iloc[0]
    assert row.value == 2 and row.label == "Unmet need" and not row.missing and row.domain == "housing"
    unknown = frame[(frame.perspective == "actor") & (frame.item == "housing_status")].iloc[0]
    assert unknown.value == 9 and unknown.missing and unknown.actor_id == "act-1"
    assert frame[frame.item == "food_status"].missing.all()
    assert str(frame.value.dtype) == "Int64"
    with language("cs"):
        assert long_frame(assessments[:1], needs).label.iloc[0] == "Nenaplněná potřeba"


def test_wide_frame_has_one_row_per_assessment():
    needs, assessments = _assessments()
    frame = wide_frame(assessments, needs, scores=True)
    assert len(frame) == 3
    assert list(frame.columns[8:10]) == ["housing_status", "housing_severity"]
    assert frame.unmet_needs.iloc[:2].tolist() == [1, 0] and pd.isna(frame.unmet_needs.iloc[2])
    assert frame.perspective.tolist() == ["client", "worker", "actor"]
    assert frame.housing_severity.tolist()[:2] == [3, 4]


def test_csv_round_trip(tmp_path):
    needs, assessments = _assessments()
    for frame in (long_frame(assessments, needs), wide_frame(assessments, needs)):
        path = to_csv(frame, tmp_path / "answers.csv")
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        back = pd.read_csv(path, parse_dates=["date"], dtype_backend="numpy_nullable")
        assert list(back.columns) == list(frame.columns)
        pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_parquet_round_trip(tmp_path, research):
    needs, assessments = _assessments()
    frames = [long_frame(assessments, needs), wide_frame(assessments, needs, scores=True)]
    a = Assessment.start(research, rater="Jan Novák", perspective="client", case_id="case-2", date=date(2025, 4, 1))
    for item_id, value in [("interview_date", "2025-04-01"), ("contacts", ["family", "friends"]),
                           ("lives", "family"), ("visits", 4), ("lon_1", 4), ("lon_2", 5), ("lon_comment", "Sám.")]:
        a = set_answer(a, research, item_id, value)
    frames += [long_frame([a], research), wide_frame([a], research)]
    for n, frame in enumerate(frames):
        path = to_parquet(frame, tmp_path / f"answers{n}.parquet")
        pd.testing.assert_frame_equal(pd.read_parquet(path), frame)
    wide = frames[-1]
    assert wide.contacts.iloc[0] == "family;friends" and wide.lon_1.iloc[0] == 4
    assert str(wide.lon_1.dtype) == "Int64" and str(wide.lon_comment.dtype) == "string"
