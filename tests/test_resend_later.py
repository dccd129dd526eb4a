"""casekit.widgets.common.resend_later: a step's body is sent to the browser once more after a step change."""
from __future__ import annotations

import asyncio

import ipywidgets

from casekit.widgets.common import resend_later


def test_nothing_is_scheduled_without_a_running_loop():
    box = ipywidgets.VBox([ipywidgets.HTML("a")])
    assert resend_later(box, "children") is False


def test_the_children_are_sent_again_once_after_the_delay_and_a_newer_call_replaces_an_older(monkeypatch):
    box = ipywidgets.VBox([ipywidgets.HTML("a")])
    sent = []
    monkeypatch.setattr(box, "_send", lambda msg, buffers=None: sent.append(msg))

    async def scenario():
        assert resend_later(box, "children", delay=0.05)
        assert resend_later(box, "children", delay=0.05)  # a second step change before the first resend
        await asyncio.sleep(0.02)
        assert sent == []  # not before the delay
        await asyncio.sleep(0.15)

    asyncio.run(scenario())
    assert [m["method"] for m in sent] == ["update"] and list(sent[0]["state"]) == ["children"]
    assert sent[0]["state"]["children"] == [f"IPY_MODEL_{c.model_id}" for c in box.children]


def test_a_closed_widget_is_not_sent_and_nothing_raises():
    box = ipywidgets.VBox([])

    async def scenario():
        assert resend_later(box, "children", delay=0.01)
        box.close()
        await asyncio.sleep(0.05)

    asyncio.run(scenario())
