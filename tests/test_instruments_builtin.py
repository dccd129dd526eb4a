"""casekit's own instruments load, are bilingual, stay in sync with the vocabulary, and score samples."""
import pytest

from casekit.errors import NotFound
from casekit.gas import gas_tscore
from casekit.i18n import gettext
from casekit.instruments import (
    Assessment, ItemType, builtin, builtin_instruments, score, set_answer, validate_instrument,
)
from casekit.vocab import LifeDomain, Perspective

IDS = ("casekit-needs", "casekit-gas", "casekit-competency")


def test_the_three_instruments_are_there():
    assert set(builtin_instruments()) == set(IDS)
    with pytest.raises(NotFound) as info:
        builtin("can")
    assert "casekit-needs" in info.value.message("en") and info.value.message("cs") != info.value.message("en")


@pytest.mark.parametrize("instrument_id", IDS)
def test_valid_versioned_and_bilingual(instrument_id):
    instrument = builtin(instrument_id)
    assert validate_instrument(instrument) is instrument
    assert instrument.version == "1.0.0"
    texts = [instrument.title, *(d.title for d in instrument.domains), *(i.label for i in instrument.items()),
             *(s.label for s in instrument.scores),
             *(lv.label for i in instrument.items() for lv in i.levels)]
    assert all(t.cs and t.en for t in texts)
    assert sum(t.cs != t.en for t in texts) > 0.8 * len(texts)  # really Czech, not English copies
    assert instrument.description.cs and instrument.licence


def test_needs_follows_the_life_domain_vocabulary():
    needs = builtin("casekit-needs")
    assert [d.id for d in needs.domains] == [d.value for d in LifeDomain]
    for domain, vocab in zip(needs.domains, LifeDomain):
        assert domain.title.en == gettext(vocab.key, "en")
        assert domain.title.cs == gettext(vocab.key, "cs")
        status, severity = domain.items
        assert status.id == f"{vocab.value}_status" and severity.id == f"{vocab.value}_severity"
        assert [lv.value for lv in status.levels] == [0, 1, 2, 9]
        assert [lv.missing for lv in status.levels] == [False, False, False, True]
        assert [lv.value for lv in severity.levels] == [1, 2, 3, 4, 5]
        assert all(lv.descriptor for lv in severity.levels)
        assert severity.show_if == f"{vocab.value}_status in [1, 2]"
    assert needs.perspectives == [Perspective.CLIENT, Perspective.WORKER, Perspective.ACTOR]


def test_needs_scores_a_sample():
    needs = builtin("casekit-needs")
    a = Assessment.start(needs, rater="Jana", perspective="client", case_id="case-1")
    for item_id, value in [("housing_status", 2), ("housing_severity", 4), ("debts_status", 2),
                           ("debts_severity", 5), ("food_status", 1), ("food_severity", 2), ("family_status", 0),
                           ("family_severity", 3),  # hidden: no need
                           ("safety_status", 9), ("safety_severity", 5)]:  # hidden: not known
        a = set_answer(a, needs, item_id, value)
    assert "family_severity" not in a.answers and "safety_severity" not in a.answers
    assert a.check(needs).answers == a.answers
    assert a.scores(needs) == {"unmet_needs": 2, "met_needs": 1, "mean_severity": pytest.approx(11 / 3)}
    assert score(needs, {}) == {"unmet_needs": None, "met_needs": None, "mean_severity": None}
    assert score(needs, {"safety_status": 9}) == {"unmet_needs": None, "met_needs": None, "mean_severity": None}


def test_gas_scores_a_sample_like_gas_tscore():
    gas = builtin("casekit-gas")
    assert [lv.value for lv in gas.item("goal_1").levels] == [-2, -1, 0, 1, 2]
    assert gas.item("goal_1").levels[2].label.en == "Expected outcome"
    answers = {"goal_1": 1, "goal_1_weight": 2, "goal_2": -1, "goal_3": 0, "goal_3_weight": 3}
    result = score(gas, answers)
    assert result["tscore"] == pytest.approx(gas_tscore([1, -1, 0, None, None], [2, None, 3, None, None]))
    assert result["goals_rated"] == 3
    assert result["goals_met"] == 2
    assert score(gas, {"goal_1": 0, "goal_2": 0})["tscore"] == 50
    assert score(gas, {})["tscore"] is None and score(gas, {})["goals_rated"] == 0


def test_gas_weight_must_be_positive():
    gas = builtin("casekit-gas")
    a = Assessment.start(gas, rater="Petr", perspective="worker")
    with pytest.raises(Exception) as info:
        set_answer(a, gas, "goal_1_weight", 0)
    assert "goal_1_weight" in info.value.message("en")


def test_competency_scores_a_sample():
    competency = builtin("casekit-competency")
    scale_items = [i for i in competency.items() if i.type == ItemType.SCALE]
    assert len(scale_items) == 13
    assert competency.perspectives == [Perspective.WORKER, Perspective.ACTOR]
    a = Assessment.start(competency, rater="Petra Malá", perspective="worker")
    for n, item in enumerate(scale_items):
        a = set_answer(a, competency, item.id, [3, 4, 5][n % 3])
    a = set_answer(a, competency, "knowledge_example", "Znám dluhové poradny v okrese.")
    scores = a.scores(competency)
    assert scores["relationship_mean"] == pytest.approx(3.5)      # communication 3, listening 4
    assert scores["overall_mean"] == pytest.approx(sum([3, 4, 5][n % 3] for n in range(13)) / 13)
    supervisor = Assessment.start(competency, rater="Supervizorka", perspective="actor", actor_id="sup-1")
    supervisor = set_answer(supervisor, competency, "listening", 2)
    assert supervisor.scores(competency)["relationship_mean"] == 2
    assert supervisor.scores(competency)["overall_mean"] is None  # min_answered 7
