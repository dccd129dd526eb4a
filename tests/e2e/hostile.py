"""A hostile client: talks to an app's kernel over its websocket like a browser would, but sends values no
browser UI would allow, straight to every widget."""
from __future__ import annotations

import asyncio
import json
import uuid
from datetime import datetime, timezone


def _message(msg_type: str, content: dict, session: str, channel: str = "shell") -> str:
    return json.dumps({
        "channel": channel,
        "header": {"msg_id": uuid.uuid4().hex, "username": "hostile", "session": session, "msg_type": msg_type,
                   "version": "5.3", "date": datetime.now(timezone.utc).isoformat()},
        "parent_header": {}, "metadata": {}, "content": content, "buffers": [],
    })


async def _spray(ws_url: str, states: list[dict], settle: float, received: list | None = None) -> dict:
    from tornado.websocket import websocket_connect

    session = uuid.uuid4().hex
    ws = await websocket_connect(f"{ws_url}?session_id={session}")
    await ws.write_message(_message("comm_info_request", {"target_name": "jupyter.widget"}, session))
    comms: dict = {}
    deadline = asyncio.get_event_loop().time() + 20
    while asyncio.get_event_loop().time() < deadline:
        raw = await asyncio.wait_for(ws.read_message(), timeout=20)
        if raw is None:
            break
        if isinstance(raw, bytes):
            continue
        msg = json.loads(raw)
        if msg.get("msg_type") == "comm_info_reply" or msg.get("header", {}).get("msg_type") == "comm_info_reply":
            comms = msg["content"]["comms"]
            break
    for comm_id in comms:
        for state in states:
            await ws.write_message(_message("comm_msg", {
                "comm_id": comm_id, "data": {"method": "update", "state": state, "buffer_paths": []}}, session))
    end = asyncio.get_event_loop().time() + settle
    while (left := end - asyncio.get_event_loop().time()) > 0:
        try:
            raw = await asyncio.wait_for(ws.read_message(), timeout=left)
        except asyncio.TimeoutError:
            break
        if raw is None:
            break
        if received is not None:
            received.append(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)
    ws.close()
    return comms


def spray_every_widget(ws_url: str, states: list[dict], settle: float = 5.0, received: list | None = None) -> dict:
    """Send each ``state`` as an update to every widget of the kernel; returns the comms found. Everything the
    kernel sends back meanwhile is appended to ``received`` (as text).

    Runs in its own thread: the caller (playwright's sync API) already has an event loop running."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _spray(ws_url, states, settle, received)).result(timeout=120)
