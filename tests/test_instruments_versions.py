"""diff_instruments lists what changed between two versions, readably, in Czech and English."""
from casekit.i18n import language
from casekit.instruments import Level, Score, ScoreKind, Text, builtin, diff_instruments, validate_instrument


def _modified():
    old = builtin("casekit-needs")
    new = old.model_copy(deep=True)
    new.version = "1.1.0"
    housing = new.domains[0]
    housing.items[0].label = Text(en="Housing: need now", cs="Bydlení: potřeba nyní")
    housing.items[1].show_if = "housing_status == 2"
    housing.items[0].levels = [*housing.items[0].levels, Level(value=3, label=Text(en="Refused", cs="Odmítl"))]
    housing.items[0].scale = None
    new.domains[1].items[1].type = "number"  # income_severity becomes a number
    new.domains[1].items[1].levels = []
    new.domains[1].items[1].scale = None
    del new.domains[2].items[1]  # debts_severity removed
    moved = new.domains[3].items.pop(1)  # documents_severity moves to legal
    new.domains[4].items.append(moved)
    new.domains = [d for d in new.domains if d.id != "education"]
    new.scores = [s for s in new.scores if s.id != "met_needs"] + [
        Score(id="no_needs", label=Text(en="No needs", cs="Bez potřeb"), kind=ScoreKind.COUNT, equals=0,
              items=["housing_status"])]
    new.scores[0].equals = 1
    for score in new.scores:
        score.items = [i for i in score.items if i not in ("education_status", "education_severity",
                                                             "debts_severity")]
    return old, new


def test_diff_lists_every_change():
    old, new = _modified()
    validate_instrument(new)
    changes = {(c.kind, c.what, c.id, c.field) for c in diff_instruments(old, new)}
    assert changes == {
        ("changed", "instrument", "casekit-needs", "version"),
        ("changed", "item", "housing_status", "label"),
        ("changed", "item", "housing_status", "levels"),
        ("changed", "item", "housing_severity", "show_if"),
        ("changed", "item", "income_severity", "type"),
        ("changed", "item", "income_severity", "levels"),
        ("changed", "item", "income_severity", "scale"),
        ("removed", "item", "debts_severity", None),
        ("moved", "item", "documents_severity", "domain"),
        ("removed", "domain", "education", None),
        ("removed", "item", "education_status", None),
        ("removed", "item", "education_severity", None),
        ("changed", "score", "unmet_needs", "equals"),
        ("changed", "score", "unmet_needs", "items"),
        ("changed", "score", "mean_severity", "items"),
        ("removed", "score", "met_needs", None),
        ("added", "score", "no_needs", None),
        ("changed", "item", "housing_status", "scale"),
    }


def test_diff_reads_well_in_both_languages():
    old, new = _modified()
    changes = diff_instruments(old, new)
    text = "\n".join(c.message("en") for c in changes)
    assert "instrument `casekit-needs`: version changed (1.0.0 → 1.1.0)" in text
    assert "item `housing_status`: label changed (Housing: need → Housing: need now)" in text
    assert "item `housing_severity`: show_if changed (housing_status in [1, 2] → housing_status == 2)" in text
    assert "item `income_severity`: type changed (scale → number)" in text
    assert "removed: item `debts_severity`" in text
    assert "added: score `no_needs`" in text
    assert "item `documents_severity`: moved from domain `documents` to `legal`" in text
    assert "9 Not known (not scored), 3 Refused" in text
    with language("cs"):
        czech = "\n".join(str(c) for c in changes)
    assert "položka `housing_status`: změněno label (Bydlení: potřeba → Bydlení: potřeba nyní)" in czech
    assert "odebráno: položka `debts_severity`" in czech


def test_identical_instruments_have_no_changes():
    needs = builtin("casekit-needs")
    assert diff_instruments(needs, needs.model_copy(deep=True)) == []


def test_shared_scale_changes_are_listed():
    old = builtin("casekit-competency")
    new = old.model_copy(deep=True)
    new.scales["competency"][0].label = Text(en="Not at all", cs="Vůbec")
    changes = diff_instruments(old, new)
    assert ("changed", "scale", "competency", "levels") in {(c.kind, c.what, c.id, c.field) for c in changes}
