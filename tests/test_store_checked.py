"""A save validates again only the fields whose JSON differs from what the store last validated for the record
(casekit.store.checked): the text written is the whole copy's JSON byte for byte, and a record changed in place
after a save is still caught."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from casekit import Case, InvalidData, load_example
from casekit.model import Need
from casekit.store import open_store
from casekit.store.checked import CheckedParts
from casekit.store.schema import records
from factories import case_dict
from strategies import cases


def make_case(case_id: str = "case-c1") -> Case:
    return Case.model_validate(case_dict(case_id))


def stored_text(store, record_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.execute(select(records.c.data).where(records.c.id == record_id)).scalar()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=cases(), second=cases())
def test_the_joined_text_is_the_whole_dump(first, second):
    checker = CheckedParts()
    item, text = checker.check(Case, first)
    assert text == item.model_dump_json(exclude={"version"})
    # the second record under the first one's id: every field that differs is validated, the text is whole
    again = second.model_copy(update={"id": first.id})
    item, text = checker.check(Case, again)
    assert text == item.model_dump_json(exclude={"version"})
    assert item == Case.model_validate(again.model_dump())


def test_unchanged_fields_are_taken_as_they_are_and_changed_ones_validated():
    checker = CheckedParts()
    case = load_example("family-children-at-risk", "en")
    first, _ = checker.check(Case, case)
    assert first.actions[0] is not case.actions[0]  # the first check of a record validates the whole
    changed = first.model_copy(update={"opened": first.opened.replace(day=1).isoformat()})  # not validated
    item, text = checker.check(Case, changed)
    assert item.actions[0] is changed.actions[0]  # equal JSON: not validated again
    assert item.opened == first.opened.replace(day=1)  # the changed field was validated: a date again
    assert text == item.model_dump_json(exclude={"version"})


def test_a_saved_case_changed_in_place_is_refused(store):
    saved = store.save(make_case())
    again = store.save(saved.model_copy(update={"request": "Zůstat doma."}))
    again.needs[0].actor_ids.append("nobody")  # list mutation bypasses validate_assignment
    with pytest.raises(InvalidData):
        store.save(again)
    again.needs[0].actor_ids.pop()
    again.needs.append(Need.model_construct(id="need-x", domain="not a domain", ratings=[]))
    with pytest.raises(InvalidData):
        store.save(again)
    assert store.get(saved.id).version == 2


def test_the_stored_text_after_partial_checks_is_the_validated_dump(store):
    saved = store.save(make_case())
    for n in range(3):
        data = saved.model_dump(mode="json")
        data["needs"][0]["description"] = f"edit {n}"
        saved = store.save(Case.model_validate(data))
        assert stored_text(store, saved.id) == saved.model_dump_json(exclude={"version"})
    assert store.get(saved.id) == saved


def test_other_stores_changes_are_validated_by_content(tmp_path):
    url = f"sqlite:///{tmp_path / 'two.db'}"
    one, two = open_store(url, user="a"), open_store(url, user="b")
    try:
        saved = one.save(make_case())
        theirs = two.save(two.get(saved.id).model_copy(update={"request": "Jiná žádost."}))
        mine = one.get(saved.id)
        assert mine == theirs
        mine.needs[0].actor_ids.append("nobody")
        with pytest.raises(InvalidData):
            one.save(mine)
    finally:
        one.close()
        two.close()
