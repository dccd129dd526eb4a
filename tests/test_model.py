"""Cross-field rules live in the model and explain themselves in Czech and English."""
from datetime import date

import pytest
from pydantic import ValidationError

from casekit import Case, explain
from casekit.vocab import NeedStatus, Phase

from factories import case_dict


def test_the_factory_case_is_valid():
    case = Case.model_validate(case_dict())
    assert case.need("n-housing").is_unmet()
    assert case.need("n-housing").rating("worker").severity == 4
    assert case.last_conference.id == "c-1"


def _messages(doc) -> tuple[list[str], list[str]]:
    with pytest.raises(ValidationError) as info:
        Case.model_validate(doc)
    return explain(info.value, "en"), explain(info.value, "cs")


def _break(fn):
    doc = case_dict()
    fn(doc)
    return doc


RULES = {
    "owner not an actor": (lambda d: d["actions"][0].update(owner_id="ghost"), "not an actor", "není aktérem"),
    "closed without reason": (lambda d: d.update(phase="closed", closed="2024-06-01",
                                                 phase_history=d["phase_history"] + [{"phase": "closed", "date": "2024-06-01"}]),
                              "closing date and a reason", "datum a důvod"),
    "closed before opened": (lambda d: d.update(phase="closed", closed="2023-01-01", closure_reason="other",
                                                phase_history=[]), "before it opened", "dříve, než byl zahájen"),
    "closing date on open case": (lambda d: d.update(closed="2024-06-01"), "only a closed case", "jen ukončený"),
    "phase history out of order": (lambda d: d["phase_history"][1].update(date="2024-01-01"), "before the previous",
                                   "před předchozím"),
    "phase history mismatch": (lambda d: d.update(phase="monitoring"), "does not match", "neodpovídá"),
    "severity out of scale": (lambda d: d["needs"][0]["ratings"][1].update(severity=7), "outside the scale",
                              "mimo škálu"),
    "duplicate perspective": (lambda d: d["needs"][0]["ratings"].append({"perspective": "client"}), "twice",
                              "dvakrát"),
    "rating actor unknown": (lambda d: d["needs"][0]["ratings"][2].update(actor_id="ghost"), "not an actor",
                             "není aktérem"),
    "gas out of scale": (lambda d: d["reviews"][0]["gas_scores"].update({"g-home": 3}), "−2 to +2", "−2 až +2"),
    "review goal unknown": (lambda d: d["reviews"][0]["gas_scores"].update({"ghost": 1}), "ghost", "ghost"),
    "next review before conference": (lambda d: d["conferences"][0].update(next_review="2024-03-01"),
                                      "before the conference", "před konferencí"),
    "duplicate actor id": (lambda d: d["actors"].append(dict(d["actors"][0])), "share the id", "stejný"),
    "due before created": (lambda d: d["actions"][0].update(created="2024-05-01"), "before the action was agreed",
                           "dříve, než byl úkol"),
    "birth year in the future": (lambda d: d["client"].update(birth_year=date.today().year + 1), "in the future",
                                 "v budoucnosti"),
    "conference agrees unknown action": (lambda d: d["conferences"][0]["action_ids"].append("ghost"), "ghost",
                                         "ghost"),
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_fails_with_a_message_in_both_languages(name):
    fn, en_part, cs_part = RULES[name]
    en, cs = _messages(_break(fn))
    assert any(en_part in m for m in en), en
    assert any(cs_part in m for m in cs), cs
    assert en != cs


def test_a_valid_closed_case():
    doc = case_dict()
    doc.update(phase="closed", closed="2024-06-01", closure_reason="residential_care",
               phase_history=doc["phase_history"] + [{"phase": "closed", "date": "2024-06-01"}])
    case = Case.model_validate(doc)
    assert case.phase == Phase.CLOSED


def test_assignment_is_validated_too():
    case = Case.model_validate(case_dict())
    with pytest.raises(ValidationError):
        case.needs[0].ratings[0].severity = 9
    with pytest.raises(ValidationError):
        case.needs[0].ratings[0].status = "fabulous"
    assert case.needs[0].ratings[0].status == NeedStatus.MET
