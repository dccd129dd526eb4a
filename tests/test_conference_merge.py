"""Three-way merge of two devices' copies of a case (casekit.conference.merge): unit cases for each rule, and
hypothesis properties over random cases changed by random sequences of the named edits."""
from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from casekit.conference import edits as E
from casekit.conference.merge import (
    ITEMS, OWNER_REMOVED, REMOVED_BY_ME, REMOVED_BY_THEM, RULE, RULES_A_MERGE_CAN_BREAK, VALUE, _at, merge,
    merge_regions, merge_values,
)
from casekit.errors import InvalidData
from casekit.model import Case
from factories import case_dict
from strategies import cases

doc = E.document


@pytest.fixture
def case() -> Case:
    return Case.model_validate(case_dict())


def three(case, mine_edit, theirs_edit, **kwargs):
    return merge(doc(case), doc(mine_edit(case)), doc(theirs_edit(case)), **kwargs)


def _conf(document, conference_id="c-1"):
    return next(c for c in document["conferences"] if c["id"] == conference_id)


# -- scalars -------------------------------------------------------------------------------------------------------
def test_different_changes_of_one_field_collide_in_plain_words(case):
    result = three(case, lambda c: E.set_conference(c, "c-1", place="Room B"),
                   lambda c: E.set_conference(c, "c-1", place="Room A"))
    [collision] = result.collisions
    assert (collision.path, collision.kind) == (("conferences", "c-1", "place"), VALUE)
    assert (collision.base, collision.mine, collision.theirs) == ("Town hall", "Room B", "Room A")
    assert collision.message("en") == "Place of the meeting: you wrote “Room B”, someone else saved “Room A”."
    assert collision.message("cs") == "Místo setkání: napsali jste „Room B“, někdo jiný mezitím uložil „Room A“."
    assert _conf(result.merged)["place"] == "Room A"  # the stored value until someone decides
    mine = three(case, lambda c: E.set_conference(c, "c-1", place="Room B"),
                 lambda c: E.set_conference(c, "c-1", place="Room A"), prefer="mine")
    assert _conf(mine.merged)["place"] == "Room B" and len(mine.collisions) == 1


def test_the_same_change_on_both_sides_and_one_sided_changes_merge(case):
    same = three(case, lambda c: E.set_conference(c, "c-1", place="Room B"),
                 lambda c: E.set_conference(c, "c-1", place="Room B"))
    assert same.clean and _conf(same.merged)["place"] == "Room B"
    disjoint = three(case, lambda c: E.set_conference(c, "c-1", place="Room B"),
                     lambda c: E.set_conference(c, "c-1", notes="Coffee"))
    assert disjoint.clean and (_conf(disjoint.merged)["place"], _conf(disjoint.merged)["notes"]) == ("Room B", "Coffee")


def test_a_collision_names_the_record_it_is_in(case):
    result = three(case, lambda c: E.set_participant(c, "c-1", "Niece", attended=False),
                   lambda c: E.set_participant(c, "c-1", "Niece", attended=False, consent=True))
    assert result.clean  # attended: the same change; consent: one side
    result = three(case, lambda c: E.set_actor(c, "niece", phone="111"), lambda c: E.set_actor(c, "niece", phone="222"))
    [collision] = result.collisions
    assert collision.field_name("en") == "Phone (Niece)"
    assert "“111”" in collision.message("en") and "„222“" in collision.message("cs")


def test_the_merged_copy_carries_the_stored_version(case):
    base = doc(case)
    theirs = {**doc(E.set_request(case, "x")), "version": 7}
    assert merge(base, doc(E.add_strength(case, "y")), theirs).merged["version"] == 7


# -- records with an id or a key -----------------------------------------------------------------------------------
def test_items_added_on_both_sides_are_kept(case):
    result = three(case, lambda c: E.add_goal(c, "Mine", id="g-mine"), lambda c: E.add_goal(c, "Theirs", id="g-theirs"))
    assert result.clean and [g["id"] for g in result.merged["goals"]] == ["g-home", "g-theirs", "g-mine"]
    result = three(case, lambda c: E.add_participant(c, "c-1", "Anna"), lambda c: E.add_participant(c, "c-1", "Petr"))
    assert result.clean and [p["name"] for p in _conf(result.merged)["participants"]] == [
        "Pan K.", "Niece", "Petr", "Anna"]


def test_removed_on_one_side_and_untouched_on_the_other_is_removed(case):
    result = three(case, lambda c: E.remove_goal(c, "g-home")[0], lambda c: E.set_request(c, "new"))
    assert result.clean and result.merged["goals"] == [] and result.merged["request"] == "new"
    assert result.merged["reviews"][0]["gas_scores"] == {}


def test_removed_on_one_side_and_changed_on_the_other_collides(case):
    result = three(case, lambda c: E.remove_goal(c, "g-home")[0], lambda c: E.set_goal(c, "g-home", text="Home"))
    kinds = {(c.path, c.kind) for c in result.collisions}
    assert (("goals", "g-home"), REMOVED_BY_ME) in kinds
    collision = next(c for c in result.collisions if c.path == ("goals", "g-home"))
    assert collision.message("en") == "Goal (Home): you removed it, someone else changed it meanwhile."
    assert [g["text"] for g in result.merged["goals"]] == ["Home"]  # the stored one stays until decided
    reverse = three(case, lambda c: E.set_goal(c, "g-home", text="Home"), lambda c: E.remove_goal(c, "g-home")[0])
    assert any(c.kind == REMOVED_BY_THEM for c in reverse.collisions)
    Case.model_validate(reverse.merged)


def test_changed_on_both_sides_merges_field_by_field(case):
    result = three(case, lambda c: E.set_action(c, "a-1", status="in_progress"),
                   lambda c: E.set_action(c, "a-1", due=date(2024, 5, 31)))
    assert result.clean
    action = result.merged["actions"][0]
    assert (action["status"], action["due"]) == ("in_progress", "2024-05-31")


def test_ratings_merge_by_rater(case):
    result = three(case, lambda c: E.set_rating(c, "n-housing", "client", severity=2),
                   lambda c: E.set_rating(c, "n-housing", "worker", note="seen at home"))
    ratings = {r["perspective"]: r for r in result.merged["needs"][0]["ratings"]}
    assert result.clean and ratings["client"]["severity"] == 2 and ratings["worker"]["note"] == "seen at home"


def test_a_review_scored_on_two_devices_is_one_review():
    case = Case.model_validate({**case_dict(), "reviews": []})
    case = E.add_goal(case, "Second", id="g-2")
    result = three(case, lambda c: E.set_gas_score(c, "c-1", "g-home", 1), lambda c: E.set_gas_score(c, "c-1", "g-2", 0))
    assert result.clean and len(result.merged["reviews"]) == 1
    assert result.merged["reviews"][0]["gas_scores"] == {"g-home": 1, "g-2": 0}


def test_a_crisis_plan_written_on_two_devices_merges_per_field():
    case = Case.model_validate({**case_dict(), "crisis_plan": None})
    result = three(case, lambda c: E.set_crisis_plan(c, when_well="walks"),
                   lambda c: E.set_crisis_plan(c, medication="none"))
    assert result.clean
    assert (result.merged["crisis_plan"]["when_well"], result.merged["crisis_plan"]["medication"]) == ("walks", "none")


# -- lists of values and of records without a key -----------------------------------------------------------------
def test_plain_values_merge_additions_and_removals_from_both_sides(case):
    base = E.add_strength(E.add_strength(case, "patient"), "sings")  # good neighbour, patient, sings
    result = three(base, lambda c: E.add_strength(E.remove_strength(c, 0)[0], "cooks"),
                   lambda c: E.add_strength(E.remove_strength(c, 2)[0], "reads"))
    assert result.clean and result.merged["strengths"] == ["patient", "reads", "cooks"]
    both = three(base, lambda c: E.set_strength(c, 1, "very patient"), lambda c: E.set_strength(c, 1, "calm"))
    assert both.clean and both.merged["strengths"] == ["good neighbour", "calm", "very patient", "sings"]


def test_agenda_moved_on_one_side_and_edited_on_the_other(case):
    base = E.add_agenda_item(E.add_agenda_item(case, "c-1", "Plan", 15), "c-1", "Close", 5)
    result = three(base, lambda c: E.move_agenda_item(c, "c-1", 2, 0),
                   lambda c: E.set_agenda_item(c, "c-1", 1, minutes=30))
    assert result.clean
    assert [(a["title"], a["minutes"]) for a in _conf(result.merged)["agenda"]] == [
        ("Close", 5), ("Needs", 20), ("Plan", 30)]


def test_agenda_items_changed_differently_on_both_sides_collide_field_by_field(case):
    result = three(case, lambda c: E.set_agenda_item(c, "c-1", 0, minutes=25),
                   lambda c: E.set_agenda_item(c, "c-1", 0, minutes=30, title="Needs and wishes"))
    [collision] = result.collisions
    assert collision.path == ("conferences", "c-1", "agenda", 0, "minutes")
    assert _conf(result.merged)["agenda"][0] == {"title": "Needs and wishes", "minutes": 30}


def test_a_removed_agenda_item_that_was_edited_elsewhere_collides(case):
    base = E.add_agenda_item(case, "c-1", "Plan", 15)
    result = three(base, lambda c: E.remove_agenda_item(c, "c-1", 1)[0],
                   lambda c: E.set_agenda_item(c, "c-1", 1, minutes=40))
    [collision] = result.collisions
    assert (collision.kind, collision.path) == (REMOVED_BY_ME, ("conferences", "c-1", "agenda", 1))
    assert collision.message("en") == "Agenda item (Plan): you removed it, someone else changed it meanwhile."
    assert [a["minutes"] for a in _conf(result.merged)["agenda"]] == [20, 40]


def test_agenda_items_replaced_by_more_items_and_edited_elsewhere_collide_for_the_list(case):
    def replaced(c):
        c = E.remove_agenda_item(c, "c-1", 0)[0]
        return E.add_agenda_item(E.add_agenda_item(c, "c-1", "Housing", 10), "c-1", "Money", 10)

    result = three(case, replaced, lambda c: E.set_agenda_item(c, "c-1", 0, minutes=40))
    assert [c.kind for c in result.collisions] == [ITEMS]
    assert result.collisions[0].message("en") == "Agenda item: you and someone else changed the same items."
    assert [a["title"] for a in _conf(result.merged)["agenda"]] == ["Needs"]
    mine = three(case, replaced, lambda c: E.set_agenda_item(c, "c-1", 0, minutes=40), prefer="mine")
    assert [a["title"] for a in _conf(mine.merged)["agenda"]] == ["Housing", "Money"]


def test_merge_regions_is_diff3():
    base, mine, theirs = list("abcde"), list("xabde"), list("abcdey")
    assert list(merge_regions(base, mine, theirs)) == [
        ("mine", 0, 1), ("unchanged", 0, 2), ("mine", 3, 3), ("unchanged", 3, 5), ("theirs", 5, 6)]
    assert merge_values(base, mine, theirs).merged == list("xabdey")


# -- references and rules ------------------------------------------------------------------------------------------
def test_a_link_to_an_actor_the_other_side_removed_goes(case):
    result = three(case, lambda c: E.link_need(c, "n-housing", "niece"), lambda c: E.remove_actor(c, "niece")[0])
    assert result.clean and result.merged["needs"][0]["actor_ids"] == ["landlord"]
    Case.model_validate(result.merged)


def test_an_action_given_to_an_actor_the_other_side_removed_collides(case):
    mine = lambda c: E.add_action(c, "Visit weekly", "niece", id="a-2")  # noqa: E731
    theirs = lambda c: E.remove_actor(c, "niece")[0]  # noqa: E731
    stored_wins = three(case, mine, theirs)
    assert [c.kind for c in stored_wins.collisions] == [OWNER_REMOVED]
    assert "Visit weekly" in stored_wins.collisions[0].message("en")
    assert [a["id"] for a in stored_wins.merged["actions"]] == ["a-1"]  # the removal stands: the new action goes
    mine_wins = three(case, mine, theirs, prefer="mine")
    assert "niece" in [a["id"] for a in mine_wins.merged["actors"]] and len(mine_wins.merged["actions"]) == 2
    for result in (stored_wins, mine_wins):
        Case.model_validate(result.merged)


def test_dates_changed_on_each_side_that_break_a_rule_together_collide(case):
    mine = lambda c: E.set_conference(c, "c-1", date=date(2024, 4, 20))  # noqa: E731 - before the next review
    theirs = lambda c: E.set_conference(c, "c-1", next_review=date(2024, 4, 10))  # noqa: E731 - after the date
    result = three(case, mine, theirs)
    [collision] = result.collisions
    assert collision.kind == RULE and collision.path == ("conferences", "c-1")
    assert collision.reason == "casekit.next_review_before_conference"
    assert collision.message("en") == ("Conference: your change and someone else's do not fit together (the next "
                                       "review (2024-04-10) is before the conference (2024-04-20).)")
    assert (_conf(result.merged)["date"], _conf(result.merged)["next_review"]) == ("2024-03-15", "2024-04-10")
    Case.model_validate(result.merged)
    mine_wins = three(case, mine, theirs, prefer="mine")
    assert (_conf(mine_wins.merged)["date"], _conf(mine_wins.merged)["next_review"]) == ("2024-04-20", "2024-05-02")


# -- properties ----------------------------------------------------------------------------------------------------
def _pick(data, items, label):
    if not items:
        raise LookupError(label)
    return data.draw(st.sampled_from(items), label=label)


def _days(data, label):
    return timedelta(days=data.draw(st.integers(0, 120), label=label))


def _text(data, label):
    return data.draw(st.sampled_from(["Room A", "Room B", "tea", "calm", "", "Anna"]), label=label)


# each op draws its parameters now and returns the edit (Case -> Case | (Case, Removed)), so it can be replayed
def _conference(c, d):
    return _pick(d, list(c.conferences), "conference")


def _op(function, *arguments, **keywords):
    return lambda case: function(case, *arguments, **keywords)


STORY = {
    "request": lambda c, d: _op(E.set_request, _text(d, "request")),
    "add_strength": lambda c, d: _op(E.add_strength, _text(d, "strength") or "s"),
    "remove_strength": lambda c, d: _op(E.remove_strength, _pick(d, list(range(len(c.strengths))), "strength")),
    "add_wish": lambda c, d: _op(E.add_wish, _text(d, "wish") or "w"),
}
CONFERENCE = {
    "place": lambda c, d: _op(E.set_conference, _conference(c, d).id, place=_text(d, "place")),
    "notes": lambda c, d: _op(E.set_conference, _conference(c, d).id, notes=_text(d, "notes")),
    "add_participant": lambda c, d: _op(E.add_participant, _conference(c, d).id,
                                        d.draw(st.sampled_from(["Anna", "Petr", "Eva"]), label="name")),
    "agenda": lambda c, d: _op(E.add_agenda_item, _conference(c, d).id, _text(d, "title") or "item", 5),
    "decision": lambda c, d: _op(E.add_decision, _conference(c, d).id, "agreed"),
}
NETWORK = {
    "phone": lambda c, d: _op(E.set_actor, _pick(d, [a.id for a in c.actors], "actor"), phone=_text(d, "phone")),
    "add_actor": lambda c, d: _op(E.add_actor, id=d.draw(st.sampled_from(["actor-h1", "actor-h2"]), label="id"),
                                  name="New", formal=False, kind="person", sector="informal"),
    "link": lambda c, d: _op(E.link_need, _pick(d, [n.id for n in c.needs], "need"),
                             _pick(d, [a.id for a in c.actors], "actor")),
    "unlink": lambda c, d: _op(E.unlink_need, _pick(d, [n.id for n in c.needs], "need"),
                               _pick(d, [a.id for a in c.actors], "actor")),
    "rating": lambda c, d: _op(E.set_rating, _pick(d, [n.id for n in c.needs], "need"), "worker",
                               status=d.draw(st.sampled_from(["met", "unmet", "unknown"]), label="status")),
    "add_goal": lambda c, d: _op(E.add_goal, "Goal", id=d.draw(st.sampled_from(["goal-h1", "goal-h2"]), label="id")),
    "goal_text": lambda c, d: _op(E.set_goal, _pick(d, [g.id for g in c.goals], "goal"),
                                  text=_text(d, "goal text") or "g"),
    "action_status": lambda c, d: _op(E.set_action, _pick(d, [a.id for a in c.actions], "action"),
                                      status=d.draw(st.sampled_from(["done", "blocked"]), label="status")),
    "crisis": lambda c, d: _op(E.set_crisis_plan, when_well=_text(d, "when well")),
}


def _remove_participant(c, d):
    conference = _conference(c, d)
    return _op(E.remove_participant, conference.id, _pick(d, [p.name for p in conference.participants], "who"))


def _next_review(c, d):
    conference = _conference(c, d)
    return _op(E.set_conference, conference.id, next_review=conference.date + _days(d, "next review"),
               confirm_far=True)


def _due(c, d):
    action = _pick(d, list(c.actions), "action")
    return _op(E.set_action, action.id, due=(action.created or c.opened) + _days(d, "due"), confirm_far=True)


RISKY = {  # removals and dates: cascades and rules across records
    "remove_actor": lambda c, d: _op(E.remove_actor, _pick(d, [a.id for a in c.actors], "actor"),
                                     reassign_actions_to="case_manager"),
    "remove_need": lambda c, d: _op(E.remove_need, _pick(d, [n.id for n in c.needs], "need")),
    "remove_goal": lambda c, d: _op(E.remove_goal, _pick(d, [g.id for g in c.goals], "goal")),
    "remove_action": lambda c, d: _op(E.remove_action, _pick(d, [a.id for a in c.actions], "action")),
    "remove_conference": lambda c, d: _op(E.remove_conference, _conference(c, d).id),
    "remove_participant": _remove_participant,
    "add_action": lambda c, d: _op(E.add_action, "Do it", _pick(d, [a.id for a in c.actors] + ["client"], "owner"),
                                   goal_id=d.draw(st.sampled_from([None] + [g.id for g in c.goals]), label="goal"),
                                   id="action-h1"),
    "conference_date": lambda c, d: _op(E.set_conference, _conference(c, d).id,
                                        date=c.opened + _days(d, "conference date"), confirm_far=True),
    "next_review": _next_review,
    "due": _due,
    "gas": lambda c, d: _op(E.set_gas_score, _conference(c, d).id, _pick(d, [g.id for g in c.goals], "goal"),
                            d.draw(st.sampled_from([-1, 0, 1]), label="score")),
}


def _edited(case: Case, data, ops: dict, label: str, steps: int = 4) -> tuple[Case, list]:
    """``case`` changed by up to ``steps`` random ops of ``ops``; returns the case and the edits applied."""
    applied = []
    for step in range(data.draw(st.integers(0, steps), label=f"{label} steps")):
        name = data.draw(st.sampled_from(sorted(ops)), label=f"{label} op {step}")
        try:
            edit = ops[name](case, data)
            result = edit(case)
        except (LookupError, InvalidData):
            continue  # nothing to apply it to, or refused: the device did not make this change
        case = result[0] if isinstance(result, tuple) else result
        applied.append(edit)
    return case, applied


def _replay(case: Case, edits: list) -> Case:
    for edit in edits:
        result = edit(case)
        case = result[0] if isinstance(result, tuple) else result
    return case


def _same_without_version(a: dict, b: dict) -> bool:
    return {k: v for k, v in a.items() if k != "version"} == {k: v for k, v in b.items() if k != "version"}


SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(base=cases(), other=cases())
def test_merging_with_an_unchanged_side_gives_the_other(base, other):
    other = other.model_copy(update={"id": base.id})
    assert merge(doc(base), doc(base), doc(other)).merged == doc(other)
    assert merge(doc(base), doc(other), doc(base)).merged == doc(other)
    assert merge(doc(base), doc(base), doc(other)).collisions == []


@SETTINGS
@given(base=cases(), data=st.data())
def test_disjoint_edits_both_survive(base, data):
    mine, mine_edits = _edited(base, data, {**STORY, **CONFERENCE}, "mine")
    theirs, theirs_edits = _edited(base, data, NETWORK, "theirs")
    result = merge(doc(base), doc(mine), doc(theirs))
    assert result.collisions == []
    # the same as one device making all the changes, its own first, the other's after
    assert _same_without_version(result.merged, doc(_replay(mine, theirs_edits)))
    assert _same_without_version(result.merged, doc(_replay(theirs, mine_edits)))


@SETTINGS
@given(base=cases(), data=st.data())
def test_a_merge_of_two_valid_cases_is_a_valid_case(base, data):
    _check_a_merge(base, data, {**STORY, **CONFERENCE, **NETWORK, **RISKY})


SMALL_CASES = [Case.model_validate(case_dict()),
               Case.model_validate({**case_dict(), "phase": "closed", "closed": "2024-06-01",
                                    "closure_reason": "goals_achieved",
                                    "phase_history": case_dict()["phase_history"] + [
                                        {"phase": "closed", "date": "2024-06-01"}]})]


@SETTINGS
@given(base=st.sampled_from(SMALL_CASES), data=st.data())
def test_a_merge_of_removals_and_dates_on_both_sides_is_a_valid_case(base, data):
    # a small case and fewer kinds of edit, so that both sides often touch the same records (rules, owners)
    _check_a_merge(base, data, {**RISKY, "place": CONFERENCE["place"], "link": NETWORK["link"]}, steps=6)


def _check_a_merge(base: Case, data, ops: dict, steps: int = 4) -> None:
    mine, _ = _edited(base, data, ops, "mine", steps)
    theirs, _ = _edited(base, data, ops, "theirs", steps)
    b, m, t = doc(base), doc(mine), doc(theirs)
    for prefer in ("theirs", "mine"):
        result = merge(copy.deepcopy(b), copy.deepcopy(m), copy.deepcopy(t), prefer=prefer)
        Case.model_validate(result.merged)  # collisions or not, always a valid case
        event(f"collisions: {sorted({c.kind for c in result.collisions}) or 'none'}")
        for collision in result.collisions:
            if collision.kind == RULE:
                assert collision.reason in RULES_A_MERGE_CAN_BREAK
            elif collision.kind == VALUE:  # both sides changed it (or added the record), differently
                assert collision.mine != collision.theirs
                assert _at(m, collision.path) == collision.mine and _at(t, collision.path) == collision.theirs
                before = _at(b, collision.path[:-1])
                assert before is None or collision.base not in (collision.mine, collision.theirs)
            assert collision.message("cs") and "{" not in collision.message("en")
