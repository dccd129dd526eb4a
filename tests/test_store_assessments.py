"""Assessments (answers to an instrument) are kept in the store under the same rules as cases."""
from datetime import date

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from casekit import CaseKitError, ConflictError, InvalidData, NotFound, open_store
from casekit.instruments import Assessment, builtin, set_answer
from casekit.store.migrate import alembic_config

from factories import case_dict
from casekit import Case

NEEDS = "casekit-needs"


@pytest.fixture
def needs():
    return builtin(NEEDS)


@pytest.fixture
def stored_case(store):
    return store.save(Case.model_validate(case_dict()))


def _assessment(needs, case_id="case-t1", rater="Jana", perspective="worker"):
    a = Assessment.start(needs, rater=rater, perspective=perspective, case_id=case_id, date=date(2024, 3, 1))
    a = set_answer(a, needs, "housing_status", 2)
    return set_answer(a, needs, "housing_severity", 4)


def test_save_get_and_list_by_case_and_instrument(store, stored_case, needs):
    saved = store.save_assessment(_assessment(needs), needs)
    assert saved.version == 1
    again = store.get_assessment(saved.id)
    assert again == saved and again.answers["housing_status"] == 2
    other = store.save_assessment(_assessment(needs, rater="Petr", perspective="client"), needs)
    assert [a.id for a in store.assessments(case_id="case-t1")] == sorted([saved.id, other.id],
        key=lambda i: (date(2024, 3, 1), i))
    assert store.assessments(case_id="nobody") == []
    assert len(store.assessments(instrument_id=NEEDS)) == 2


def test_out_of_scale_answers_are_refused_and_nothing_is_stored(store, stored_case, needs):
    bad = _assessment(needs).model_copy(update={"answers": {"housing_status": 7}})
    with pytest.raises(InvalidData) as info:
        store.save_assessment(bad, needs)
    assert info.value.message("cs") != info.value.message("en")
    assert store.assessments() == []


def test_an_assessment_of_an_unknown_case_is_refused(store, needs):
    with pytest.raises(NotFound):
        store.save_assessment(_assessment(needs, case_id="ghost"), needs)


def test_stale_assessment_is_a_conflict(store, stored_case, needs):
    first = store.save_assessment(_assessment(needs), needs)
    store.save_assessment(set_answer(first, needs, "housing_severity", 5), needs)
    with pytest.raises(ConflictError) as info:
        store.save_assessment(set_answer(first, needs, "housing_severity", 3), needs)
    assert info.value.changed == ["answers"]
    assert store.get_assessment(first.id).answers["housing_severity"] == 5


def test_an_assessment_and_its_case_are_saved_together(store, stored_case, needs):
    changed = stored_case.model_copy(update={"strengths": [*stored_case.strengths, "Cooks for the family"]})
    saved, case = store.save_assessment_with_case(_assessment(needs), needs, changed)
    assert (saved.version, case.version) == (1, stored_case.version + 1)
    assert store.get_assessment(saved.id).answers["housing_status"] == 2
    assert "Cooks for the family" in store.get(stored_case.id).strengths
    assert [e.version for e in store.history(stored_case.id)][-1] == case.version


def test_a_stale_case_saves_neither_the_case_nor_the_assessment(store, stored_case, needs):
    store.save(stored_case.model_copy(update={"request": "Someone else was faster"}))
    stale = stored_case.model_copy(update={"strengths": ["Mine"]})
    with pytest.raises(ConflictError):
        store.save_assessment_with_case(_assessment(needs), needs, stale)
    assert store.assessments() == []
    assert store.get(stored_case.id).request == "Someone else was faster"


def test_a_stale_assessment_saves_neither_the_assessment_nor_the_case(store, stored_case, needs):
    first = store.save_assessment(_assessment(needs), needs)
    store.save_assessment(set_answer(first, needs, "housing_severity", 5), needs)
    before = store.get(stored_case.id)
    with pytest.raises(ConflictError):
        store.save_assessment_with_case(set_answer(first, needs, "housing_severity", 3), needs,
                                        before.model_copy(update={"strengths": ["Mine"]}))
    assert store.get(stored_case.id) == before
    assert store.get_assessment(first.id).answers["housing_severity"] == 5


def test_an_assessment_of_another_case_is_not_saved_with_this_one(store, stored_case, needs):
    with pytest.raises(CaseKitError):
        store.save_assessment_with_case(_assessment(needs, case_id="ghost"), needs, stored_case)
    assert store.assessments() == [] and store.get(stored_case.id) == stored_case


def test_soft_delete_and_restore(store, stored_case, needs):
    saved = store.save_assessment(_assessment(needs), needs)
    store.delete_assessment(saved.id)
    assert store.assessments(case_id="case-t1") == []
    with pytest.raises(NotFound):
        store.get_assessment(saved.id)
    store.restore_assessment(saved.id)
    assert [a.id for a in store.assessments(case_id="case-t1")] == [saved.id]


def test_a_version_1_database_is_upgraded_with_its_data(tmp_path, needs):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        # a case saved by the casekit of revision 0001
    engine.dispose()
    assert "assessment_index" not in inspect(create_engine(url)).get_table_names()
    store = open_store(url)
    store.save(Case.model_validate(case_dict()))
    store.save_assessment(_assessment(needs), needs)
    assert "assessment_index" in inspect(store.engine).get_table_names()
    assert len(store.assessments(case_id="case-t1")) == 1
