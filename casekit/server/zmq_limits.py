"""No widget message is dropped between an app kernel and the server: the kernel's IOPub socket queues as many
messages as a step change sends while the server catches up, instead of ZeroMQ's default 1,000; and Voilà waits
for a notebook's output on a busy server instead of rendering the page without it.

What was lost (issue 12, item 4). A page's widgets travel as messages on the kernel's IOPub socket (ipykernel 7:
an XPUB, bound in the kernel); the server subscribes with one SUB socket per page (jupyter_client's
``connect_iopub``), and its Python event loop writes each message to the page's websocket. ZeroMQ queues at
most ``SNDHWM`` messages per subscriber at the sending end (default 1,000) and, when that queue is full, a
PUB/XPUB socket *drops* what it is given next, silently. A SUB never drops: when its own queue (``RCVHWM``) is
full it stops reading, and the messages wait in the kernel's queue. Opening the conference app at a case and
clicking "4 Assessment" sends about 1,035 messages, 1,020 of them within 0.8 s (the step's ``comm_open``\\ s,
then its ``comm_msg`` updates, then ``idle``); on a loaded two-core machine the server read that burst at
~100 messages a second. Counted at the kernel's send, at the server's ZeroMQ receive and in the page's
WebSocket, in a page whose step never appeared: the kernel sent 1,034 messages, the server received the first
999 and none after them (34 ``comm_msg`` — among them the body's new children — and the ``idle``), and the
page got exactly what the server received. When the 999th left the kernel, the server had read 142: the
kernel's queue to that subscriber had reached 1,000 and ZeroMQ dropped the rest. The rates with and without
this module, measured in one run, are in ``benchmarks/README.md`` (``benchmarks/bench_soak.py``).

The fix: the XPUB's ``SNDHWM`` is :func:`iopub_hwm` (:data:`IOPUB_HWM` = 100,000), set *before the socket is
bound* (:func:`casekit.server.kernel.main`, as a default of the context ipykernel creates it from). ZeroMQ
copies a bound socket's options into its listener at ``bind``: set afterwards — as an earlier attempt did —
the option changes nothing for the connections the socket accepts. Measured with a subscriber that reads
nothing while 5,000 messages of 1 KB are published: 2,000 arrive with ZeroMQ's defaults, 2,000 with the
option set after ``bind``, 5,000 with it set before (``tests/test_server_zmq.py`` does this with a real app
kernel). The bound is finite on purpose: ~100× the largest burst the apps send, so that a subscriber that
stops reading for good (a hung server) costs at most that many messages of memory (~100 MB at 1 KB each)
before ZeroMQ drops, instead of growing without limit.

Left as they are, on purpose:
- the server's ``RCVHWM`` (1,000): a SUB never drops, so a larger queue would only move the waiting messages
  from the kernel into the server (one process for every page) without saving one;
- jupyter_server's iopub rate limit (``ZMQChannelsWebsocketConnection.iopub_msg_rate_limit``: more than 1,000
  messages a second over ``rate_limit_window`` = 3 s). It does count ``comm_msg`` (only ``status``,
  ``comm_open`` and ``execute_input`` are exempt) and would drop them, logging "IOPub message rate exceeded";
  the Assessment burst has ~320 counted messages in its busiest 3 s, a tenth of what would trip it, and it
  never tripped in any measurement. Tornado buffers websocket writes without a limit.

A loss of the same kind, at page load: Voilà runs an app's notebook through nbclient (for the preheated kernel
before the page is asked for), and after the kernel's reply nbclient waits ``iopub_timeout`` — 4 s by default —
for the rest of the output, then renders the page without what has not arrived, silently. On a busy server
(another page's step change, ~640 ``comm_open`` of the notebook's own widgets to process first) the app's widget
view came later than that: the page stayed blank (Voilà's shell, no widget), the widgets' state arrived and
nothing showed them. Measured with the retired conference app on one server, pages opened one after another:
2 of 5 pages blank and 2 "Timeout waiting for IOPub output" warnings from nbclient (a logger nobody prints);
with :data:`EXECUTOR_IOPUB_TIMEOUT` (60 s) 5 of 5 pages, no warning. ``casekit.server.app`` sets it.

``CASEKIT_IOPUB_HWM`` (messages, 0 = no limit) overrides the bound: the soak benchmark's baseline sets 1000,
ZeroMQ's default, to measure the configuration before the fix in the same run.
"""
from __future__ import annotations

import os

#: messages the kernel's IOPub socket may queue per subscriber before ZeroMQ drops (ZeroMQ's default: 1,000)
IOPUB_HWM = 100_000
#: the environment variable that overrides :data:`IOPUB_HWM` (the server's kernels inherit it)
ENV = "CASEKIT_IOPUB_HWM"
#: seconds Voilà's notebook executor waits for a cell's remaining output after the kernel's reply (nbclient: 4)
EXECUTOR_IOPUB_TIMEOUT = 60


def iopub_hwm() -> int:
    """The high-water mark of an app kernel's IOPub socket: ``CASEKIT_IOPUB_HWM`` when it is a whole number
    (0 = no limit), else :data:`IOPUB_HWM`."""
    value = os.environ.get(ENV, "").strip()
    return int(value) if value.isdigit() else IOPUB_HWM
