"""The kernel of a casekit app page: ipykernel as ``casekit serve`` runs it.

- It talks to the server over the Unix sockets of its connection file (``transport: ipc``, in the server's
  private folder). ipykernel also opens a TCP port on 127.0.0.1 of its own, for the output of processes the
  kernel forks; casekit's apps fork none, so that pipe is not opened and the kernel listens on no TCP port.
- Its IOPub socket queues up to :data:`casekit.server.zmq_limits.IOPUB_HWM` messages per subscriber instead of
  ZeroMQ's 1,000, so a large burst of widget messages (a step change) is never dropped while the server catches
  up; :mod:`casekit.server.zmq_limits` says why, with the measurements.

``python -m casekit.server.kernel -f CONNECTION_FILE``; :class:`KernelSpecs` makes the server start Python
kernels this way.
"""
from __future__ import annotations

import sys

from jupyter_client.kernelspec import KernelSpecManager

#: the command of an app kernel (``{connection_file}`` is filled in by jupyter_client)
ARGV = [sys.executable, "-m", "casekit.server.kernel", "-f", "{connection_file}"]


class KernelSpecs(KernelSpecManager):
    """The server's kernel specs: a Python kernel is casekit's app kernel."""

    def get_kernel_spec(self, kernel_name, *args, **kwargs):
        spec = super().get_kernel_spec(kernel_name, *args, **kwargs)
        if spec.language.lower() == "python":
            spec.argv = list(ARGV)
        return spec


def main() -> None:
    import zmq
    from ipykernel import iostream, kernelapp

    from .zmq_limits import iopub_hwm

    class IOPubWithoutForkPipe(iostream.IOPubThread):
        def __init__(self, socket, pipe=False, session=None):
            super().__init__(socket, pipe=False, session=session)

    class AppKernel(kernelapp.IPKernelApp):
        def init_iopub(self, context):
            # ZeroMQ copies a bound socket's options into its listener at bind time: the high-water mark must be
            # a default of the context when ipykernel creates and binds the IOPub socket, not set afterwards
            context.setsockopt(zmq.SNDHWM, iopub_hwm())
            try:
                super().init_iopub(context)
            finally:
                context.sockopts.pop(zmq.SNDHWM, None)

    kernelapp.IOPubThread = IOPubWithoutForkPipe
    AppKernel.launch_instance()


if __name__ == "__main__":
    main()
