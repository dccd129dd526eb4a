"""Named edits of a case (casekit.conference.edits): each cascade of a removal and its undo, refusals with
translated sentences, plausible dates, no duplicates from the catalogue, one need–actor link at a time."""
from __future__ import annotations

from datetime import date

import pytest

import casekit
from casekit.conference import edits as E
from casekit.conference.edits_base import EditRefused, FarDate, UndoImpossible
from casekit.errors import InvalidData
from casekit.example_data import load_catalogue
from casekit.model import Case
from factories import case_dict


@pytest.fixture
def case() -> Case:
    return Case.model_validate(case_dict())


def _conf(case, conference_id="c-1"):
    return next(c for c in case.conferences if c.id == conference_id)


# -- conferences and participants --------------------------------------------------------------------------------
def test_add_conference_twice_with_one_id_makes_one(case):
    once = E.add_conference(case, date(2024, 6, 1), language="en", id="conf-new")
    twice = E.add_conference(once, date(2024, 6, 1), language="en", id="conf-new")
    assert [c.id for c in twice.conferences] == ["c-1", "conf-new"]
    assert twice == once
    with pytest.raises(EditRefused) as refused:  # another conference under that id is not silently merged
        E.add_conference(once, date(2024, 7, 1), id="conf-new")
    assert refused.value.code == "errors.id_taken"


def test_remove_conference_unties_its_reviews_and_undo_ties_them_again(case):
    changed, removed = E.remove_conference(case, "c-1")
    assert changed.conferences == [] and changed.reviews[0].conference_id is None
    assert dict(removed.effects) == {"reviews_unlinked": 1}
    assert set(removed.before) == {"conferences", "reviews"}
    assert E.undo(changed, removed) == case
    assert "konference" in removed.message("cs") and "conference" in removed.message("en")


def test_a_participant_name_may_not_repeat(case):
    with pytest.raises(EditRefused) as refused:
        E.add_participant(case, "c-1", "Niece", role="family")
    assert refused.value.code == "errors.participant_exists"
    assert "Niece" in refused.value.message("cs") and "mezi účastníky" in refused.value.message("cs")
    with pytest.raises(EditRefused):  # nor by renaming someone else
        E.set_participant(case, "c-1", "Pan K.", name="Niece")
    added = E.add_participant(case, "c-1", "Petr", role="professional")
    assert [p.name for p in _conf(added).participants] == ["Pan K.", "Niece", "Petr"]


def test_participant_from_the_network_and_the_client(case):
    fresh = E.add_conference(case, date(2024, 6, 1), id="conf-2")
    fresh = E.add_participant_from_network(fresh, "conf-2", "landlord")
    fresh = E.add_client_as_participant(fresh, "conf-2")
    people = _conf(fresh, "conf-2").participants
    assert [(p.name, p.actor_id, p.role.value) for p in people] == [
        ("Town housing office", "landlord", "professional"), ("Pan K.", None, "client")]


def test_remove_participant_and_undo_in_place(case):
    changed, removed = E.remove_participant(case, "c-1", "Pan K.")
    assert [p.name for p in _conf(changed).participants] == ["Niece"]
    assert E.undo(changed, removed) == case  # back in its place, first


def test_undo_is_refused_when_the_name_was_taken_again(case):
    changed, removed = E.remove_participant(case, "c-1", "Niece")
    again = E.add_participant(changed, "c-1", "Niece", role="guardian")
    with pytest.raises(UndoImpossible) as refused:
        E.undo(again, removed)
    assert "Niece" in refused.value.message("en")


# -- the agenda --------------------------------------------------------------------------------------------------
def test_agenda_add_move_edit_remove_and_undo(case):
    c = E.add_agenda_item(case, "c-1", "Plan", 15)
    c = E.add_agenda_item(c, "c-1", "Welcome", 5, at=0)
    assert [(a.title, a.minutes) for a in _conf(c).agenda] == [("Welcome", 5), ("Needs", 20), ("Plan", 15)]
    c = E.move_agenda_item(c, "c-1", 2, 1)
    assert [a.title for a in _conf(c).agenda] == ["Welcome", "Plan", "Needs"]
    c = E.set_agenda_item(c, "c-1", 1, minutes=25)
    changed, removed = E.remove_agenda_item(c, "c-1", 1)
    assert [a.title for a in _conf(changed).agenda] == ["Welcome", "Needs"]
    assert E.undo(changed, removed) == c
    with pytest.raises(InvalidData):  # the model's own limit, in its own words
        E.set_agenda_item(c, "c-1", 0, minutes=0)
    with pytest.raises(EditRefused) as gone:
        E.set_agenda_item(c, "c-1", 7, title="x")
    assert gone.value.code == "errors.item_gone" and "bod programu" in gone.value.message("cs")


# -- actors ------------------------------------------------------------------------------------------------------
def test_formal_is_chosen_explicitly(case):
    with pytest.raises(TypeError):
        E.add_actor(case, name="Daughter", kind="person", sector="informal")  # no default for formal
    with pytest.raises(EditRefused) as refused:
        E.add_actor(case, name="Daughter", kind="person", sector="informal", formal=None)
    assert refused.value.code == "errors.formal_not_chosen"
    added = E.add_actor(case, name="Daughter", kind="person", sector="informal", formal=False, id="daughter")
    assert added.actor("daughter").formal is False


def test_remove_actor_cascades_and_undo_restores_everything(case):
    changed, removed = E.remove_actor(case, "niece")
    assert changed.actor("niece") is None
    assert [r.rater_key for r in changed.needs[0].ratings] == ["client", "worker"]  # its perspective's rating
    assert _conf(changed).participants[1].actor_id is None  # she still came
    assert _conf(changed).participants[1].name == "Niece"
    assert dict(removed.effects) == {"need_links": 0, "ratings": 1, "participants": 1, "actions_reassigned": 0}
    assert E.undo(changed, removed) == case


def test_an_actor_who_owns_actions_is_refused_unless_they_are_handed_over(case):
    linked = E.link_need(case, "n-housing", "niece")
    with pytest.raises(EditRefused) as refused:
        E.remove_actor(linked, "landlord")
    assert refused.value.code == "errors.actor_owns_actions"
    assert "Town housing office" in refused.value.message("en") and "Agree a repayment" in refused.value.message("cs")
    changed, removed = E.remove_actor(linked, "landlord", reassign_actions_to="case_manager")
    assert changed.action("a-1").owner_id == "case_manager"
    assert changed.needs[0].actor_ids == ["niece"]  # the other link stays
    assert dict(removed.effects)["need_links"] == 1 and dict(removed.effects)["actions_reassigned"] == 1
    assert E.undo(changed, removed) == linked
    with pytest.raises(EditRefused):  # not to itself, not to nobody
        E.remove_actor(linked, "landlord", reassign_actions_to="landlord")
    with pytest.raises(EditRefused):
        E.remove_actor(linked, "landlord", reassign_actions_to="actor-nobody")


def test_undo_keeps_what_changed_since(case):
    changed, removed = E.remove_actor(case, "niece")
    later = E.set_conference(changed, "c-1", place="Room B")
    later = E.add_strength(later, "sings in a choir")
    back = E.undo(later, removed)
    assert back.actor("niece") == case.actor("niece")
    assert _conf(back).place == "Room B" and back.strengths[-1] == "sings in a choir"
    assert _conf(back).participants[1].actor_id == "niece"


def test_undo_of_a_cascade_into_something_removed_since_leaves_that_out(case):
    linked = E.link_need(case, "n-housing", "niece")
    changed, removed = E.remove_actor(linked, "niece")
    without_need, _ = E.remove_need(changed, "n-housing")  # the need the link was on is gone now
    back = E.undo(without_need, removed)
    assert back.actor("niece") == case.actor("niece") and back.needs == []


def test_link_and_unlink_one_pair_only(case):
    c = E.link_need(case, "n-housing", "niece")
    assert c.needs[0].actor_ids == ["landlord", "niece"]
    assert E.link_need(c, "n-housing", "niece") == c  # ticked twice: one link
    c = E.unlink_need(c, "n-housing", "landlord")
    assert c.needs[0].actor_ids == ["niece"]
    with pytest.raises(EditRefused):
        E.link_need(case, "n-housing", "actor-unknown")


def test_a_service_from_the_catalogue_is_added_once():
    case = casekit.load_example("senior-dementia", "en").model_copy(update={"version": 0})
    catalogue = load_catalogue("en")
    in_network = {a.catalogue_id for a in case.actors}
    need, service = next((n, s) for n in case.needs for s in catalogue.services_for(n.domain)
                         if s.id not in in_network)
    once = E.add_service(case, catalogue, service.id, need_id=need.id, id="actor-svc")
    twice = E.add_service(once, catalogue, service.id, need_id=need.id)
    assert [a.id for a in twice.actors if a.catalogue_id == service.id] == ["actor-svc"]
    assert twice == once
    actor = once.actor("actor-svc")
    assert actor.formal == service.formal and actor.name == service.name
    assert "actor-svc" in once.need(need.id).actor_ids
    other = next(n for n in case.needs if n.id != need.id)
    linked = E.add_service(once, catalogue, service.id, need_id=other.id)  # the same service for another need
    assert [a.id for a in linked.actors if a.catalogue_id == service.id] == ["actor-svc"]
    assert "actor-svc" in linked.need(other.id).actor_ids
    with pytest.raises(EditRefused):
        E.add_service(case, catalogue, "no-such-service")


def test_relationship_and_actor_fields(case):
    c = E.set_actor(case, "niece", phone="+420 777 000 111", formal=False)
    c = E.set_relationship(c, "niece", kind="strong", flow="mutual", since=date(2019, 5, 1))
    niece = c.actor("niece")
    assert (niece.phone, niece.relationship.kind.value, niece.relationship.since) == (
        "+420 777 000 111", "strong", date(2019, 5, 1))
    with pytest.raises(EditRefused) as refused:
        E.set_actor(case, "niece", id="other")
    assert refused.value.code == "errors.field_not_editable"


# -- needs and ratings -------------------------------------------------------------------------------------------
def test_ratings_set_clear_and_undo(case):
    c = E.set_rating(case, "n-housing", "client", status="unmet", severity=3)
    rating = c.need("n-housing").rating("client")
    assert (rating.status.value, rating.severity) == ("unmet", 3)
    assert c.need("n-housing").rating("worker") == case.need("n-housing").rating("worker")  # untouched
    changed, removed = E.clear_rating(c, "n-housing", "actor", "niece")
    assert changed.need("n-housing").rating("actor", "niece") is None
    assert E.undo(changed, removed) == c
    with pytest.raises(InvalidData):
        E.set_rating(case, "n-housing", "worker", severity=9)


def test_rate_domain_makes_the_need_when_missing(case):
    c = E.rate_domain(case, "debts", "worker", status="unmet", severity=4)
    need = next(n for n in c.needs if n.domain.value == "debts")
    assert need.id == "need-debts" and need.rating("worker").severity == 4
    again = E.rate_domain(c, "debts", "client", status="met")
    assert [n.id for n in again.needs].count("need-debts") == 1


def test_remove_need_cascades_into_goals_and_actions(case):
    changed, removed = E.remove_need(case, "n-housing")
    assert changed.goals[0].need_ids == [] and changed.action("a-1").need_id is None
    assert dict(removed.effects) == {"goal_links": 1, "actions_unlinked": 1}
    assert removed.message("cs").startswith("Odstraněno: potřeba „Bydlení")
    assert E.undo(changed, removed) == case


# -- goals and actions -------------------------------------------------------------------------------------------
def test_remove_goal_cascades_and_undo(case):
    changed, removed = E.remove_goal(case, "g-home")
    assert changed.goals == [] and changed.action("a-1").goal_id is None
    assert changed.reviews[0].gas_scores == {}
    assert dict(removed.effects) == {"actions_unlinked": 1, "gas_scores": 1}
    assert E.undo(changed, removed) == case


def test_goal_levels_and_need_links(case):
    c = E.set_goal_level(case, "g-home", 2, "owns the flat")
    c = E.set_goal_level(c, "g-home", -2, "")
    assert c.goal("g-home").levels == {0: "arrears paid", 2: "owns the flat"}
    c = E.add_need(c, "income", id="n-income")
    c = E.link_goal_need(c, "g-home", "n-income")
    assert c.goal("g-home").need_ids == ["n-housing", "n-income"]
    assert E.unlink_goal_need(c, "g-home", "n-housing").goal("g-home").need_ids == ["n-income"]


def test_remove_action_cascades_and_undo(case):
    changed, removed = E.remove_action(case, "a-1")
    assert changed.actions == [] and _conf(changed).action_ids == [] and changed.reviews[0].action_changes == []
    assert dict(removed.effects) == {"conference_actions": 1, "status_changes": 1}
    assert E.undo(changed, removed) == case


def test_add_action_at_a_conference(case):
    c = E.add_action(case, "Call the GP", "niece", conference_id="c-1", due=date(2024, 4, 1), id="a-2")
    assert _conf(c).action_ids == ["a-1", "a-2"] and c.action("a-2").created == date(2024, 3, 15)
    assert E.add_action(c, "Call the GP", "niece", conference_id="c-1", due=date(2024, 4, 1), id="a-2") == c
    with pytest.raises(InvalidData):  # an owner who is not in the network
        E.add_action(case, "x", "actor-nobody")


# -- decisions, the story, the crisis plan, the review -------------------------------------------------------------
def test_decisions_add_edit_remove_undo(case):
    c = E.add_decision(case, "c-1", "Ask for respite care", dissent_by=["Niece"])
    c = E.set_decision(c, "c-1", 1, dissent="prefers a day centre")
    assert _conf(c).decisions[1].dissent == "prefers a day centre"
    changed, removed = E.remove_decision(c, "c-1", 0)
    assert [d.text for d in _conf(changed).decisions] == ["Ask for respite care"]
    assert E.undo(changed, removed) == c
    with pytest.raises(InvalidData):
        E.add_decision(case, "c-1", "")


def test_strengths_and_wishes(case):
    c = E.add_strength(case, "patient")
    c = E.add_wish(c, "a garden")
    c = E.set_strength(c, 0, "a good neighbour")
    assert (c.strengths, c.wishes) == (["a good neighbour", "patient"], ["a garden"])
    changed, removed = E.remove_strength(c, 0)
    assert changed.strengths == ["patient"] and E.undo(changed, removed) == c
    changed, removed = E.remove_wish(c, 0)
    assert changed.wishes == [] and E.undo(changed, removed) == c
    with pytest.raises(EditRefused):
        E.add_strength(case, "   ")
    c = E.set_request(case, "Chci zůstat doma s kočkou.")
    assert c.request == "Chci zůstat doma s kočkou."


def test_crisis_plan_fields_and_contacts(case):
    empty = Case.model_validate({**case.model_dump(), "crisis_plan": None})
    c = E.set_crisis_plan(empty, when_well="walks the dog", triggers=["eviction letter", "noise"])
    assert c.crisis_plan.when_well == "walks the dog" and c.crisis_plan.triggers == ["eviction letter", "noise"]
    c = E.add_crisis_contact(c, "Niece", "family", "+420 600 000 000")
    c = E.set_crisis_contact(c, 0, role="niece")
    changed, removed = E.remove_crisis_contact(c, 0)
    assert changed.crisis_plan.contacts == [] and E.undo(changed, removed) == c
    with pytest.raises(EditRefused):
        E.set_crisis_plan(empty, medication="x", contacts=[])  # contacts have their own edits


def test_review_scores_and_action_status():
    case = Case.model_validate({**case_dict(), "reviews": []})
    c = E.set_gas_score(case, "c-1", "g-home", 1)
    c = E.record_action_status(c, "c-1", "a-1", "in_progress")
    review = c.reviews[0]
    assert review.id == E.review_id_of("c-1") == "review-c-1"
    assert review.gas_scores == {"g-home": 1} and review.action_changes[0].status.value == "in_progress"
    assert c.action("a-1").status.value == "in_progress"
    assert E.set_gas_score(c, "c-1", "g-home", None).reviews[0].gas_scores == {}
    with pytest.raises(EditRefused):
        E.set_gas_score(c, "c-1", "g-home", 3)


# -- dates ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("edit", [
    lambda c, **kw: E.set_action(c, "a-1", due=date(2200, 12, 31), **kw),
    lambda c, **kw: E.set_conference(c, "c-1", next_review=date(9999, 12, 31), **kw),
    lambda c, **kw: E.add_action(c, "x", "client", due="2200-12-31", **kw),
    lambda c, **kw: E.add_conference(c, date(2200, 1, 1), **kw),
])
def test_a_date_far_ahead_asks_for_confirmation(case, edit):
    with pytest.raises(FarDate) as far:
        edit(case)
    assert far.value.code == "errors.date_far_ahead" and far.value.value.year in (2200, 9999)
    assert "{" not in far.value.message("cs") and "{" not in far.value.message("en")
    assert edit(case, confirm_far=True) != case


def test_far_date_message_reads_as_the_language_writes_dates(case):
    with pytest.raises(FarDate) as far:
        E.set_action(case, "a-1", due=date(2200, 12, 7))
    from casekit.i18n import gettext

    assert far.value.message("cs").startswith(f"{gettext('field.due', 'cs')}: 7. 12. 2200 ")
    assert far.value.message("en").startswith(f"{gettext('field.due', 'en')}: 7 Dec 2200 ")


def test_a_date_just_within_five_years_is_taken(case, monkeypatch):
    monkeypatch.setattr("casekit.conference.edits_base.today", lambda: date(2024, 4, 1))
    assert E.set_action(case, "a-1", due=date(2029, 4, 1)).action("a-1").due == date(2029, 4, 1)
    with pytest.raises(FarDate):
        E.set_action(case, "a-1", due=date(2029, 4, 2))


def test_a_birth_more_than_120_years_ago_is_refused(case):
    with pytest.raises(InvalidData) as refused:
        E.set_client(case, birth_year=date.today().year - 121)
    assert any("120" in m for m in refused.value.messages("cs"))
    assert E.set_client(case, birth_year=1950).client.birth_year == 1950


# -- every removal of every example case can be undone ---------------------------------------------------------------
def _removals(case: Case):
    for conference in case.conferences:
        yield lambda c, i=conference.id: E.remove_conference(c, i)
        for participant in conference.participants:
            yield lambda c, i=conference.id, n=participant.name: E.remove_participant(c, i, n)
        for index, _ in enumerate(conference.agenda):
            yield lambda c, i=conference.id, k=index: E.remove_agenda_item(c, i, k)
        for index, _ in enumerate(conference.decisions):
            yield lambda c, i=conference.id, k=index: E.remove_decision(c, i, k)
    for actor in case.actors:
        yield lambda c, i=actor.id: E.remove_actor(c, i, reassign_actions_to="case_manager")
    for need in case.needs:
        yield lambda c, i=need.id: E.remove_need(c, i)
        for rating in need.ratings:
            yield lambda c, i=need.id, r=rating: E.clear_rating(c, i, r.perspective, r.actor_id)
    for goal in case.goals:
        yield lambda c, i=goal.id: E.remove_goal(c, i)
    for action in case.actions:
        yield lambda c, i=action.id: E.remove_action(c, i)
    for index, _ in enumerate(case.strengths):
        yield lambda c, k=index: E.remove_strength(c, k)


@pytest.mark.parametrize("name", casekit.examples())
def test_every_removal_in_the_examples_is_undone_exactly(name):
    case = casekit.load_example(name, "cs").model_copy(update={"version": 0})
    count = 0
    for removal in _removals(case):
        changed, removed = removal(case)
        assert changed != case
        assert E.undo(changed, removed) == case, removed.message("en")
        count += 1
    assert count > 20


# -- apply: only the changed top-level fields are validated from plain data -----------------------------------------
def _rate_first_need(data):
    data["needs"][0]["ratings"] = [{"perspective": "client", "status": "unmet"}]


def test_apply_with_the_fields_it_touches_equals_apply_on_the_whole(case):
    from casekit.conference.edits_base import apply

    whole = apply(case, _rate_first_need)
    part = apply(case, _rate_first_need, fields=("needs",))
    assert part == whole and part.needs[0].ratings[0].status.value == "unmet"
    assert part.actions[0] is case.actions[0]  # not touched: the case's own validated value
    assert apply(case, lambda data: None) is case and apply(case, lambda data: None, fields=("needs",)) is case


def test_apply_refuses_a_bad_change_and_runs_the_cross_field_rules(case):
    from casekit.conference.edits_base import apply

    with pytest.raises(InvalidData):
        apply(case, lambda data: data["needs"][0].update(domain="nowhere"), fields=("needs",))
    with pytest.raises(InvalidData):  # an action owned by an actor that is not in the case
        apply(case, lambda data: data["actions"].append({"id": "a-x", "what": "Call", "owner_id": "nobody"}))
    with pytest.raises(InvalidData):  # a required field taken out is named, not ignored
        apply(case, lambda data: data.pop("opened"))
