"""The conference app on a projector: a compact header, charts laid out for their pane at readable sizes, and
the open conference's charts drawn ahead in the background once the app is on screen (never in the way, never
raising)."""
from __future__ import annotations

import asyncio
import importlib
import math
import re
import time

import pytest

import casekit
from casekit.charts import gas_trajectory, needs_star, projector, to_svg
from casekit.charts.ecomap import ecomap, ecomap_frame
from casekit.widgets.conference import ConferenceApp
from casekit.widgets.conference import theme as theming
from casekit.widgets.conference import visuals, warmup
from casekit.widgets.conference.theme import css

CASE_ID = "example-family-children-at-risk"
AS_OF = casekit.load_example("family-children-at-risk", "en").conferences[-1].date


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'conference.sqlite'}"
    store = casekit.open_store(url, user="facilitator")
    store.save(casekit.load_example("family-children-at-risk", "en").model_copy(update={"version": 0}))
    store.close()
    monkeypatch.setenv("CASEKIT_DB", url)
    monkeypatch.setenv("CASEKIT_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CASEKIT_LANG", "en")
    monkeypatch.delenv("CASEKIT_CASE", raising=False)
    monkeypatch.delenv("CASEKIT_CONFERENCE", raising=False)
    monkeypatch.delenv("CASEKIT_WARMUP", raising=False)
    return url


@pytest.fixture(autouse=True)
def fresh_warmup():
    warmup.reset()
    visuals.clear_cache()
    yield
    warmup.reset()
    visuals.clear_cache()


def open_app(**kwargs) -> ConferenceApp:
    app = ConferenceApp.from_environment(case_id=CASE_ID, **kwargs)
    assert app.conference is not None
    return app


def svg_size(html: str) -> tuple[float, float, str]:
    match = re.search(r'<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"[^>]*viewBox="([^"]+)"', html)
    assert match, html[:300]
    return float(match[1]), float(match[2]), match[3]


def layers(spec: dict) -> dict[str, dict]:
    return {layer.get("name", str(i)): layer for i, layer in enumerate(spec["layer"])}


# -- the chrome -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", theming.LAYOUTS)
def test_the_header_is_one_row_and_the_heading_stays_large(layout):
    text = css("dark", layout)
    header = re.search(r"\.casekit-app \.casekit-header \{([^}]*)\}", text)[1]
    assert "flex-wrap: nowrap" in header  # title and every toggle on one row
    assert "--casekit-heading-font-size: max(34px" in text  # the step's number and name: 32 px or more
    assert "var(--casekit-heading-font-size)" in re.search(r"\.casekit-step-name \{([^}]*)\}", text)[1]
    assert "--casekit-font-size: max(24px" in text  # body text stays 24 px or more
    button = re.search(r"\.casekit-stepbar \.casekit-step-button \{([^}]*)\}", text)[1]
    assert "white-space: nowrap" in button and "height: 44px" in button
    stepbar = re.search(r"\.casekit-app \.casekit-stepbar \{([^}]*)\}", text)[1]
    if layout == "4:3":  # two rows of four, nothing cut short
        assert "grid-template-columns: repeat(4, auto)" in stepbar
    else:
        assert "flex-wrap: wrap" in stepbar


def test_stacked_panes_keep_their_height_and_charts_scale_with_their_pane():
    stacked, side_by_side = css("light", "4:3"), css("light", "16:9")
    assert "flex: 0 0 auto; width: 100%;" in stacked  # (flex-basis 0 collapsed stacked panes to nothing)
    assert "casekit-panes-chart { flex-direction: column-reverse" in stacked  # the star above the long form
    assert "flex: 1 1 0;" in side_by_side and "casekit-panes-chart" in side_by_side
    svg = re.search(r"\.casekit-chart svg \{([^}]*)\}", side_by_side)[1]
    assert "width: 100% !important" in svg and "height: auto !important" in svg and "1100px" not in svg


def test_chart_widths_follow_the_layout(db_url):
    assert theming.chart_width("16:9", "full") > theming.chart_width("16:9", "wide") > theming.chart_width("16:9")
    assert theming.chart_width("4:3", "pane") == theming.chart_width("4:3", "full")
    assert theming.chart_width("nonsense", "nonsense") == theming.chart_width("16:9", "pane")
    app = open_app()
    assert app.chart_width("full") == 1220
    app.layout_toggle.value = "4:3"
    assert app.chart_width("full") == app.chart_width("wide") == 960


def test_the_title_is_the_case_and_the_date(db_url):
    app = open_app()
    shown = re.sub(r"<[^>]+>", "", app.title.value)
    assert shown == f"The B. family · {AS_OF.isoformat()}"  # what the room needs; the app's name is a tooltip
    assert "Case conference" in app.title.value
    assert [b.description for b in app.step_buttons.values()][2] == "3 Story and strengths"
    assert "casekit-step-number" in app.step_heading.value and "casekit-step-name" in app.step_heading.value
    assert re.sub(r"<[^>]+>", "", ConferenceApp.from_environment().title.value) == "Case conference"


# -- charts at projector scale ----------------------------------------------------------------------------------
def test_the_network_step_draws_a_full_width_ecomap_for_its_layout(db_url):
    app = open_app()
    app.go("network")
    network = app.view("network")
    width, _, viewbox = svg_size(network.ecomap.value)
    assert abs(width - app.chart_width("full")) <= 0.05 * app.chart_width("full")
    assert viewbox.startswith("0 0 ")  # scales with its pane
    assert "As of" in network.ecomap.value and "casekit-ecomap-date" in network.ecomap.value
    app.layout_toggle.value = "4:3"
    app.go("network")
    narrow, _, _ = svg_size(app.view("network").ecomap.value)
    assert narrow < width


@pytest.mark.parametrize("name", ["family-children-at-risk", "psychosis-homelessness", "young-adult-leaving-care"])
@pytest.mark.parametrize("target", [1220, 960])
def test_a_fitted_ecomap_keeps_its_labels_large_in_its_pane(name, target):
    case = casekit.load_example(name, "cs")
    chart = ecomap(case, as_of=AS_OF, lang="cs", large=True, width=target, spread="height")
    spec = chart.to_dict()
    font = layers(spec)["key_labels"]["mark"]["fontSize"]
    assert font >= 20
    width, _, _ = svg_size(to_svg(projector(chart), lang="cs"))
    assert font * min(1.0, target / width) >= 18  # the labels as the room sees them, the SVG scaled to its pane
    colour = layers(spec)["actors_formal"]["encoding"]["color"]["legend"]
    assert colour["orient"] == "bottom" and colour["columns"] >= 2
    labels = [row["label"] for row in ecomap_frame(case, as_of=AS_OF, lang="cs")["label"].to_frame().to_dict("records")]
    assert all(len(label) <= 34 for label in labels)


def test_spreading_by_height_spaces_each_side_evenly():
    case = casekit.load_example("family-children-at-risk", "en")
    frame = ecomap_frame(case, as_of=AS_OF, spread="height")
    assert all(math.isclose(math.hypot(x, y), 1, abs_tol=1e-5) for x, y in zip(frame["x"], frame["y"]))
    assert (frame["y"].abs() <= math.sin(math.radians(60)) + 1e-9).all()
    assert ((frame["x"] < 0) == (frame["side"] == "left")).all()
    for side in ("left", "right"):
        ys = sorted(frame.loc[frame["side"] == side, "y"])
        gaps = [b - a for a, b in zip(ys, ys[1:])]
        assert min(gaps) >= 0.9 * (4 * math.sin(math.radians(60)) / 27)  # never closer than one slot
    assert list(ecomap_frame(case, as_of=AS_OF)["angle"]) != list(frame["angle"])  # the default is unchanged
    with pytest.raises(ValueError):
        ecomap(case, as_of=AS_OF, spread="spiral")
    shortened = ecomap_frame(case, as_of=AS_OF, label_limit=12)
    assert shortened["label"].str.len().max() <= 12


def test_the_needs_star_fits_its_pane_with_wrapped_labels(db_url):
    app = open_app()
    app.go("assessment")
    assessment = app.view("assessment")
    assessment.form.widget_for("documents_status").value = 2
    assessment.form.widget_for("social_contacts_status").value = 1
    width, _, _ = svg_size(assessment.star.value)
    target = app.chart_width("wide")
    assert 0.8 * target <= width <= 1.1 * target
    frame = assessment.instrument
    chart = needs_star(assessment._stored().values(), frame, items="*_status", lang="en", large=True, width=target)
    spec = chart.to_dict()
    texts = [layer for layer in spec["layer"] if (layer["mark"] if isinstance(layer["mark"], dict) else {}).get(
        "fontWeight") == "bold"]
    assert texts and all(t["mark"]["fontSize"] >= 18 and t["mark"]["lineBreak"] == "\n" for t in texts)
    assert all(t["encoding"]["text"]["field"] == "spoke_lines" for t in texts)
    narrow = needs_star(assessment._stored().values(), frame, items="*_status", lang="en", large=True, width=500)
    assert spec["width"] == spec["height"] > narrow.to_dict()["width"]  # sized for the pane


def test_the_gas_trajectory_is_drawn_large_for_the_review(db_url):
    case = casekit.load_example("family-children-at-risk", "en")
    spec = gas_trajectory(case, lang="en", large=True, width=1100).to_dict()
    assert [panel["height"] for panel in spec["vconcat"]] == [250, 160]
    legend = spec["vconcat"][0]["layer"][2]["encoding"]["color"]["legend"]
    assert legend["columns"] == 2
    assert gas_trajectory(case, lang="en").to_dict()["vconcat"][0]["height"] == 240  # the default is unchanged
    app = open_app()
    app.go("review")
    width, _, _ = svg_size(app.view("review").progress.value)
    assert abs(width - app.chart_width("full")) <= 0.1 * app.chart_width("full")


def test_charts_are_kept_and_drawn_again_only_when_their_data_changes(db_url, monkeypatch):
    app = open_app()
    case, when = app.case, app.conference.date
    first = visuals.ecomap_html(case, when, lang="en", dark=True, privacy=False, width=1220)
    calls = []
    module = importlib.import_module("casekit.charts.svg.ecomap")

    real = module.ecomap_svg
    monkeypatch.setattr(module, "ecomap_svg", lambda *a, **k: calls.append(k) or real(*a, **k))
    assert visuals.ecomap_html(case, when, lang="en", dark=True, privacy=False, width=1220) == first
    assert calls == []  # from the cache
    masked = visuals.ecomap_html(case, when, lang="en", dark=True, privacy=True, width=1220)
    assert masked != first and len(calls) == 1 and case.actors[0].name not in masked
    changed = case.model_copy(update={"actors": case.actors[1:]})
    visuals.ecomap_html(changed, when, lang="en", dark=True, privacy=False, width=1220)
    assert len(calls) == 2


# -- warming up -------------------------------------------------------------------------------------------------
def test_no_warm_up_without_a_running_loop(db_url):
    assert warmup.schedule(open_app()) is False  # plain pytest: nothing is scheduled
    assert warmup.state["scheduled"] is False


def test_displaying_the_app_schedules_the_warm_up(db_url, monkeypatch):
    seen = []
    monkeypatch.setattr(warmup, "schedule", lambda app=None, **kw: seen.append(app) or True)
    app = open_app()
    bundle = app._repr_mimebundle_()
    assert seen == [app] and "application/vnd.jupyter.widget-view+json" in bundle


def test_displaying_never_fails_because_of_the_warm_up(db_url, monkeypatch):
    def broken(app=None, **kw):
        raise RuntimeError("no loop for you")

    monkeypatch.setattr(warmup, "schedule", broken)
    assert "application/vnd.jupyter.widget-view+json" in open_app()._repr_mimebundle_()


def test_the_warm_up_runs_once_after_a_delay_and_prepares_the_charts(db_url):
    app = open_app()

    async def displayed():
        assert warmup.schedule(app, delay=0.05) is True
        assert warmup.schedule(app, delay=0.05) is False  # once per process
        assert warmup.state["started"] is False  # not during the first render
        deadline = time.monotonic() + 120
        while not warmup.state["done"] and warmup.state["error"] is None and time.monotonic() < deadline:
            await asyncio.sleep(0.05)

    asyncio.run(displayed())
    assert warmup.state["done"] and warmup.state["error"] is None and warmup.state["seconds"] is not None
    # the ecomap of the open conference is ready before anyone clicks Network
    html = visuals.ecomap_html(app.case, app.conference.date, lang="en", dark=True, privacy=False,
                               width=app.chart_width("full"))
    with visuals._CACHE_LOCK:
        assert html in visuals._CACHE.values()


def test_the_warm_up_can_be_switched_off_and_never_raises(db_url, monkeypatch, caplog):
    monkeypatch.setenv("CASEKIT_WARMUP", "0")

    async def displayed():
        return warmup.schedule(open_app(), delay=0)

    assert asyncio.run(displayed()) is False
    monkeypatch.delenv("CASEKIT_WARMUP")
    import weakref

    app = open_app()

    def broken(*args, **kwargs):
        raise OSError("the store is gone")

    monkeypatch.setattr(app, "prepare_charts", broken)
    assert warmup.run(weakref.ref(app)) is False  # logged, not raised
    assert "the store is gone" in warmup.state["error"]
    assert any("warm-up failed" in r.getMessage() for r in caplog.records)


# -- what one rating sends to the browser ------------------------------------------------------------------------
def test_a_rating_sends_each_widget_at_most_one_message_and_the_star_before_saved(db_url, monkeypatch):
    """A rating's answer travels as few messages as possible (each one is serialised, forwarded by the server
    and applied by the browser) and the star, drawn from the answer being saved, leaves before "saved"."""
    import ipywidgets

    app = open_app()
    assert app.go("assessment")
    view = app.view("assessment")
    sent: list[tuple[ipywidgets.Widget, dict]] = []
    original = ipywidgets.Widget._send

    def record(widget, msg, buffers=None):
        sent.append((widget, msg))
        return original(widget, msg, buffers)

    monkeypatch.setattr(ipywidgets.Widget, "_send", record)
    status = view.form.widget_for("housing_status")
    for value in (2, 1, 2):
        sent.clear()
        saves = app.saved.count
        status.value = value
        assert app.saved.count == saves + 1 and app.saved.state == "saved"
        senders = [widget for widget, _ in sent]
        assert len(senders) == len(set(map(id, senders))), [type(w).__name__ for w in senders]
        assert senders.index(view.star) < senders.index(app.saved)
        assert f'data-saves="{saves + 1}"' in dict((id(w), m) for w, m in sent)[id(app.saved)]["state"]["value"]


def test_saved_failed_and_saved_again_are_one_message_each(db_url, monkeypatch):
    from casekit.widgets.common import SavedIndicator

    indicator = SavedIndicator()
    sent = []
    monkeypatch.setattr(indicator, "_send", lambda msg, buffers=None: sent.append(msg["state"]))
    for show in (lambda: indicator.saved(lang="en"), lambda: indicator.failed("disk full", lang="en"),
                 lambda: indicator.saved(lang="cs"), lambda: indicator.saved(lang="cs")):
        sent.clear()
        show()
        assert len(sent) == 1, sent
    assert "casekit-saved-saved" in indicator._dom_classes and "casekit-saved-failed" not in indicator._dom_classes
    assert "casekit-saved" in indicator._dom_classes and 'data-saves="3"' in indicator.value
