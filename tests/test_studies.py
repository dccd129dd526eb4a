"""Case-study packs: format, stages, reference, consistency with the anonymised case, bundled packs."""
from __future__ import annotations

import json
import re

import pytest

from casekit.anonymise import anonymise
from casekit.caseio import export_case
from casekit.errors import InvalidData
from casekit.example_data import load_example
from casekit.model import Case
from casekit.studies import (
    CaseStudy, EventKind, build_example_studies, build_study, export_study, load_study, parse_study, studies,
)
from casekit.studies.builder import EXAMPLE_STUDIES
from casekit.vocab import Phase

LANGS = ("cs", "en")


@pytest.fixture(scope="module")
def packs() -> dict[tuple[str, str], CaseStudy]:
    return {(name, lang): load_study(name, lang) for name in studies() for lang in LANGS}


def test_the_committed_packs_are_what_the_builder_produces(tmp_path):
    assert build_example_studies(check=True) == []


def test_at_least_three_packs_in_both_languages(packs):
    assert len(studies()) >= 3 and set(studies()) == set(EXAMPLE_STUDIES)
    for (name, lang), pack in packs.items():
        assert pack.language == lang and pack.name == name


def test_the_file_is_an_envelope(packs):
    pack = packs[("senior-dementia", "cs")]
    document = json.loads(export_study(pack))
    assert document["format"] == "casekit.study" and document["schema_version"] == 1
    assert parse_study(export_study(pack)) == pack


@pytest.mark.parametrize("text,phrase", [
    ("{", "not valid JSON"), ('{"format": "casekit.case", "schema_version": 1}', "casekit.study"),
    ('{"format": "casekit.study", "schema_version": 7}', "7"),
])
def test_a_bad_pack_file_is_explained(text, phrase):
    with pytest.raises(InvalidData) as info:
        parse_study(text)
    assert phrase in info.value.message("en")


def test_an_unknown_pack_names_the_known_ones():
    with pytest.raises(InvalidData) as info:
        load_study("no-such-pack", "en")
    assert "senior-dementia" in info.value.message("en")


def test_both_languages_share_the_structure(packs):
    for name in studies():
        cs, en = packs[(name, "cs")], packs[(name, "en")]
        assert [(s.phase, s.start, s.end, s.need_ids, s.action_ids) for s in cs.stages] == \
               [(s.phase, s.start, s.end, s.need_ids, s.action_ids) for s in en.stages]
        assert cs.stages[0].prompts != en.stages[0].prompts


def test_stages_follow_the_phase_history(packs):
    for pack in packs.values():
        changes = [c for c in pack.case.phase_history if c.phase != Phase.CLOSED]
        assert [(s.phase, s.start) for s in pack.stages] == [(c.phase, c.date) for c in changes]
        assert {s.phase for s in pack.stages} >= {Phase.CONTACT, Phase.ASSESSMENT, Phase.PLANNING, Phase.MONITORING}
        for stage, following in zip(pack.stages, pack.stages[1:]):
            assert stage.end < following.start
            assert stage.what_happened_next == following.events
            for event in following.events:
                assert following.start <= event.date <= (following.end or event.date)
        assert all(s.prompts and s.exercise for s in pack.stages)


def test_every_event_belongs_to_one_stage_or_the_outcome(packs):
    from casekit.studies import timeline

    for pack in packs.values():
        events = timeline(pack.case, pack.language)
        staged = [e for s in pack.stages for e in s.events]
        assert staged + [e for e in events if e.kind == EventKind.CLOSED] == events
        if pack.case.closed:
            assert pack.stages[-1].what_happened_next == pack.outcome


def test_what_the_class_sees_only_grows(packs):
    for pack in packs.values():
        for earlier, later in zip(pack.stages, pack.stages[1:]):
            assert set(earlier.reveals) <= set(later.reveals)
            for field in ("need_ids", "actor_ids", "goal_ids", "action_ids", "review_ids", "conference_ids"):
                assert set(getattr(earlier, field)) <= set(getattr(later, field)), field
        first = pack.stages[0]
        assert first.need_ids == [] and first.goal_ids == [] and [p.value for p in first.reveals] == ["story"]


def test_each_stage_view_is_a_valid_case_without_the_reference_ratings(packs):
    for pack in packs.values():
        for stage in pack.stages:
            view = pack.view(stage.number)
            assert isinstance(view, Case)
            assert {n.id for n in view.needs} == set(stage.need_ids)
            assert all(not n.ratings for n in view.needs)
            assert view.closed is None and all(r.date <= (stage.end or r.date) for r in view.reviews)


def test_the_reference_is_the_assessment_and_first_plan_from_practice(packs):
    pack = packs[("senior-dementia", "en")]
    assert pack.reference.needs == pack.case.needs and all(n.ratings for n in pack.reference.needs)
    planning = next(s for s in pack.stages if s.phase == Phase.PLANNING)
    assert pack.reference.goals and all(g.created <= planning.end for g in pack.reference.goals if g.created)
    assert {a.id for a in pack.reference.actions} < {a.id for a in pack.case.actions}


ORIGINALS = {
    "senior-dementia": ["Lesná", "Dvorská", "Brodc", "Pan K.", "Mr K.", "pana K.", "Pan V.", "Mr V."],
    "family-children-at-risk": ["Tichá", "Hrubá", "Novotná", "Ostružn", "Vřesov", "Paní B.", "Ms B.", "Pan S.",
                                "Mr S.", "Rodina B.", "The B. family"],
    "psychosis-homelessness": ["Vondrová", "Brodc", "Pan R.", "Mr R.", "Ostružn", "Horní Podlesí"],
}


def test_packs_hold_no_name_or_place_of_the_example(packs):
    for (name, lang), pack in packs.items():
        text = export_study(pack)
        assert [o for o in ORIGINALS[name] if o in text] == [], (name, lang)


def test_pack_and_anonymised_case_agree_and_prompts_share_the_pseudonyms():
    data = load_example("senior-dementia", "cs").model_dump(mode="json")
    data["client"]["display_name"] = "Jan Novák"
    case = Case.model_validate(data)
    prompts = {"planning": ["Jak by plán viděl Jan Novák? Zeptejte se Jana Nováka na jeho cíle."]}
    pack = build_study(case, seed=5, prompts=prompts)
    assert export_case(pack.case) == export_case(anonymise(case, seed=5).case)
    fake_first, fake_last = pack.case.client.display_name.split()
    planning = next(s for s in pack.stages if s.phase == Phase.PLANNING)
    assert planning.prompts == [f"Jak by plán viděl {fake_first} {fake_last}? Zeptejte se {fake_first} {fake_last} "
                                "na jeho cíle."]
    assert not re.search(r"Nov[aá]k", export_study(pack))
    assert build_study(case, seed=5, prompts=prompts) == pack
    assert build_study(case, seed=6) != pack
