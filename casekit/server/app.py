"""Standalone Voilà as casekit runs it: ``python -m casekit.server CONFIG`` (started by ``casekit serve``).

Still standalone Voilà (no code execution from the browser), with what casekit adds around it:
- every request is checked for its ``Host`` and ``Origin`` before any handler runs (:mod:`.guard`);
- secrets come from a 0600 file in a private 0700 folder, read once and deleted — never from a command line;
- only casekit's apps are served, at clean URLs, with a bound on page kernels per app (:mod:`.kernels`);
- ``/voila/query`` needs a login; the template and theme are casekit's and cannot be overridden;
- logins are throttled and their cookie is ``SameSite=Lax``, ``Secure`` over TLS, valid for a working day;
- kernels talk to the server over Unix sockets in the private folder, not TCP ports any local user can reach
  (:mod:`.kernel`), and no widget message or notebook output is dropped on a busy server (:mod:`.zmq_limits`);
- the server stops with its parent (``casekit serve``), even when the parent is killed (:mod:`.lifeline`);
- no ``voila.json`` / ``voila.py`` is read from the folder it is started in.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import sys
from pathlib import Path

import jinja2
import tornado.web
from traitlets import default
from traitlets.config import Config
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .guard import HostPolicy
from .handlers import (AppIndexHandler, AppPageHandler, CasekitIdentityProvider, PageLoadingHandler,
                       PageShutdownHandler, QueryInfoHandler)
from .kernel import KernelSpecs
from .kernels import PageKernels
from .pages import connection_messages, page_language, refused_page
from .throttle import LoginThrottle
from .zmq_limits import EXECUTOR_IOPUB_TIMEOUT

log = logging.getLogger("casekit.server")
TEMPLATES = Path(__file__).with_name("templates")

class GuardedApplication(tornado.web.Application):
    """A tornado application that answers only the names in its :class:`HostPolicy` (pages and websockets)."""

    def find_handler(self, request, **kwargs):
        policy: HostPolicy = self.settings["casekit_policy"]
        if not policy.allows(request.headers.get("Host"), request.headers.get("Origin")):
            log.warning("refused a request for host %r from origin %r: %s", request.headers.get("Host"),
                        request.headers.get("Origin"), request.path)
            return self.get_handler_delegate(request, RefusedHostHandler)
        return super().find_handler(request, **kwargs)


class RefusedHostHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.set_status(403)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        lang = page_language(self.request.headers.get("Accept-Language"), self.settings.get("casekit_lang"))
        self.finish(refused_page(lang))


class CasekitVoila(Voila):
    """Voilà with casekit's guards. Configured only through :func:`config_from_options` (no config files);
    ``casekit_options`` holds what ``casekit serve`` wrote (host names, limits, the runtime folder)."""

    casekit_options: dict = {}

    @default("config_file_paths")
    def _config_file_paths_default(self):
        return []

    def init_settings(self):
        settings = super().init_settings()
        options = self.casekit_options
        settings["casekit_policy"] = HostPolicy.create(self.ip, list(options.get("allow_hosts", ())))
        settings["casekit_kernels"] = PageKernels(self.kernel_manager, limit=int(options.get("max_kernels", 8)),
                                                  connect_timeout=float(options.get("connect_timeout", 60)))
        settings["casekit_throttle"] = LoginThrottle(base_delay=float(options.get("login_delay", 1.0)))
        settings["casekit_lang"] = options.get("lang")
        settings["casekit_apps"] = frozenset(p.stem for p in Path(self.root_dir).glob("*.ipynb"))
        settings["xsrf_cookie_kwargs"] = {"samesite": "Lax"}
        server_env = settings["jinja2_env"]  # error pages: casekit's, before jupyter_server's
        server_env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)), server_env.loader])
        return settings

    def init_handlers(self):
        """Voilà's handlers with casekit's in their place; the tree page and its contents API are not served (the
        index at ``/`` lists the apps instead)."""
        replaced = {TornadoVoilaHandler: AppPageHandler, RequestInfoSocketHandler: QueryInfoHandler,
                    VoilaShutdownKernelHandler: PageShutdownHandler}
        from jupyter_server.utils import url_path_join

        handlers = [(self.server_url, AppIndexHandler),
                    (url_path_join(self.server_url, r"/voila/api/casekit/loading/([^/]+)"), PageLoadingHandler)]
        for spec in super().init_handlers():
            if spec[1] in (VoilaContentsHandler, TornadoVoilaTreeHandler):
                continue
            handlers.append((spec[0], replaced.get(spec[1], spec[1]), *spec[2:]))
        return handlers

    def start(self):
        import tempfile

        self.connection_dir = tempfile.mkdtemp(prefix="k", dir=self.connection_dir_root)
        settings = self.init_settings()
        self.app = GuardedApplication(**settings)
        self.app.settings.update(self.tornado_settings)
        self.app.add_handlers(".*$", self.init_handlers())
        self.listen()

    def stop(self):
        try:
            super().stop()
        finally:
            runtime = self.casekit_options.get("runtime_dir")
            if runtime:
                shutil.rmtree(runtime, ignore_errors=True)


def _template_resources(lang: str | None) -> dict:
    return {"casekit": {"messages": connection_messages(), "lang": lang or "en"}}


def config_from_options(options: dict) -> Config:
    """The traitlets configuration of the server from the options ``casekit serve`` wrote."""
    c = Config()
    c.Voila.ip = options["host"]
    c.Voila.port = int(options["port"])
    c.Voila.port_retries = 0
    c.Voila.open_browser = False
    c.Voila.root_dir = options["apps_dir"]
    c.Voila.connection_dir_root = options["runtime_dir"]
    c.Voila.identity_provider_class = CasekitIdentityProvider
    c.Voila.tornado_settings = {"xheaders": bool(options.get("behind_proxy"))}
    c.Voila.token = options.get("token") or ""
    c.CasekitIdentityProvider.hashed_password = options.get("hashed_password") or ""
    c.CasekitIdentityProvider.allow_password_change = False
    c.CasekitIdentityProvider.session_hours = float(options.get("session_hours", 10))
    if options.get("secure_cookies") is not None:
        c.CasekitIdentityProvider.secure_cookie = bool(options["secure_cookies"])
    vc = c.VoilaConfiguration
    vc.template = "casekit"
    vc.theme = options.get("theme", "dark")
    vc.allow_template_override = "NO"
    vc.allow_theme_override = "NO"
    vc.show_tracebacks = False
    vc.strip_sources = True
    vc.preheat_kernel = int(options.get("pool_size", 1)) > 0
    vc.default_pool_size = int(options.get("pool_size", 1))
    vc.resources = _template_resources(options.get("lang"))
    vc.kernel_spec_manager_class = KernelSpecs
    # nbclient's 4 s left a page blank when the server was busy (zmq_limits says why, with the measurements)
    c.VoilaExecutor.iopub_timeout = EXECUTOR_IOPUB_TIMEOUT
    c.MappingKernelManager.cull_idle_timeout = int(options.get("cull_idle_timeout", 600))
    c.MappingKernelManager.cull_interval = int(options.get("cull_interval", 60))
    c.MappingKernelManager.cull_connected = False
    c.KernelManager.transport = "ipc"
    c.KernelManager.shutdown_wait_time = 3.0
    return c


def read_options(path: Path) -> dict:
    """The options file ``casekit serve`` wrote (0600, in its private folder): read once, then deleted."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    finally:
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 1:
        print("usage: python -m casekit.server OPTIONS_FILE (written by casekit serve)", file=sys.stderr)
        return 2
    os.umask(0o077)  # the store, logs, exports and sockets this server and its kernels create are private
    options = read_options(Path(argv[0]))
    from .lifeline import follow_parent

    app = CasekitVoila(config=config_from_options(options))
    app.casekit_options = options

    def stop(signum, _frame):
        loop = getattr(app, "ioloop", None)
        if loop is None:  # not serving yet: nothing to shut down but this process
            raise SystemExit(128 + signum)
        loop.add_callback_from_signal(loop.stop)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop)
    follow_parent(options.get("parent_pid"))
    app.initialize([options["apps_dir"]])
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # Voilà's initialize sets its own SIGTERM
        signal.signal(signum, stop)
    app.start()
    return 0
