"""An app kernel's IOPub socket keeps a burst of messages that the server has not read yet instead of dropping its
tail (casekit.server.zmq_limits): a real kernel, started the way the server starts it, publishes a burst of 3,000
messages to a subscriber with ZeroMQ's default queue that reads nothing until the burst is over, as a server whose
event loop is busy. With casekit's high-water mark every message arrives; with ZeroMQ's default (1,000, set
through ``CASEKIT_IOPUB_HWM``) the tail is lost, which is what lost the Assessment step."""
from __future__ import annotations

import os
import time

from casekit.server import zmq_limits

BURST = 3_000  # ZeroMQ's defaults keep ~2,000 for a subscriber that reads nothing
CODE = f"""
from IPython.display import display
for i in range({BURST}):
    display({{"text/plain": f"burst {{i}} " + "x" * 1000}}, raw=True)
"""


def _reply(kc, msg_id: str, timeout: float = 120) -> dict:
    """The shell reply to ``msg_id`` (wait_for_ready may leave replies to its kernel_info requests behind)."""
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def _wait_connected(kc, server, timeout: float = 60) -> None:
    """Until the subscriber gets the kernel's messages (a SUB connects asynchronously): run nothing, see its idle."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.execute("", silent=True)
        _reply(kc, msg_id)
        while server.poll(500):
            msg = kc.session.deserialize(kc.session.feed_identities(server.recv_multipart())[1])
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    while server.poll(200):  # nothing else is pending
                        server.recv_multipart()
                    return
    raise AssertionError("the subscriber never received the kernel's messages")


def _burst_received(tmp_path, hwm: str | None) -> tuple[int, bool]:
    """(burst messages the idle subscriber got, whether the kernel's final ``idle`` reached it)."""
    import zmq
    from jupyter_client import KernelManager

    from casekit.server.kernel import KernelSpecs

    env = {k: v for k, v in os.environ.items() if k != zmq_limits.ENV}
    if hwm is not None:
        env[zmq_limits.ENV] = hwm
    km = KernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecs(), transport="ipc",
                       ip=str(tmp_path / "kernel"))
    km.start_kernel(env=env)
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        assert km.kernel_spec.argv[1:3] == ["-m", "casekit.server.kernel"]
        server = km.connect_iopub()  # a server's SUB, ZeroMQ's default receive queue (1,000)
        server.setsockopt(zmq.RCVHWM, 1000)
        _wait_connected(kc, server)
        msg_id = kc.execute(CODE)
        assert _reply(kc, msg_id)["content"]["status"] == "ok"
        time.sleep(2)  # the kernel's IOPub thread has handed the whole burst to ZeroMQ; nothing read yet
        got, idle = 0, False
        while server.poll(2_000):
            msg = kc.session.deserialize(kc.session.feed_identities(server.recv_multipart())[1], content=False)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "display_data":
                got += 1
            elif msg["msg_type"] == "status" and b'"idle"' in bytes(msg["content"]):
                idle = True
        server.close(linger=0)
        return got, idle
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_high_water_mark_is_large_and_can_be_set(monkeypatch):
    monkeypatch.delenv(zmq_limits.ENV, raising=False)
    assert zmq_limits.iopub_hwm() == zmq_limits.IOPUB_HWM >= 20 * 1_000
    monkeypatch.setenv(zmq_limits.ENV, "1000")
    assert zmq_limits.iopub_hwm() == 1000
    monkeypatch.setenv(zmq_limits.ENV, "lots")
    assert zmq_limits.iopub_hwm() == zmq_limits.IOPUB_HWM


def test_an_app_kernel_keeps_a_burst_the_server_has_not_read(tmp_path):
    got, idle = _burst_received(tmp_path, None)
    assert (got, idle) == (BURST, True)


def test_with_zeromqs_default_the_tail_of_the_burst_is_lost(tmp_path):
    """The baseline: the same kernel with ZeroMQ's default high-water mark drops the tail (so the test above
    can fail, and ``CASEKIT_IOPUB_HWM`` switches the fix off for the soak benchmark's baseline)."""
    got, idle = _burst_received(tmp_path, "1000")
    assert got < BURST and not idle


def test_the_server_waits_for_a_notebooks_output_on_a_busy_machine(tmp_path):
    """nbclient's default (4 s) rendered pages without the app's widget when the server was behind."""
    from casekit.serve import ServeOptions, server_options
    from casekit.server.app import config_from_options

    c = config_from_options(server_options(ServeOptions(), tmp_path))
    assert c.VoilaExecutor.iopub_timeout == zmq_limits.EXECUTOR_IOPUB_TIMEOUT >= 30
