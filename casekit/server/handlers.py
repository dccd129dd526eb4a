"""casekit's request handlers around standalone Voilà's: the app page (clean URLs, a bound on kernels), the
query-info websocket (login required), the login form (throttled), the identity provider (cookie rules) and a
plain index of the apps.
"""
from __future__ import annotations

import hmac
import logging
import posixpath
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import tornado.web
from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.auth.login import LoginFormHandler
from jupyter_server.base.handlers import APIHandler, JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from traitlets import Any as AnyTrait
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler

from ..i18n import gettext
from .kernels import RecordingKernelManager
from .pages import index_page, login_page, page_language, room_full_page

log = logging.getLogger("casekit.server")

#: query parameters an app page accepts. None today: the apps take what they need from the server's settings,
#: so ``?template=…``, ``?theme=…`` or anything else cannot change how a page is rendered or start a kernel of
#: its own, and the login token never stays in a page's address (nor in the query string a kernel may read).
APP_QUERY_PARAMETERS: frozenset[str] = frozenset()


def _language(handler) -> str:
    return page_language(handler.request.headers.get("Accept-Language"), handler.settings.get("casekit_lang"))


def _app_name(path: str | None, served: frozenset[str]) -> str | None:
    """``conference.ipynb`` → ``conference`` when it is one of the served apps; anything else → ``None``."""
    if not path:
        return None
    clean = posixpath.normpath("/" + path).lstrip("/")
    if "/" in clean or not clean.endswith(".ipynb"):
        return None
    name = clean.removesuffix(".ipynb")
    return name if name in served else None


class AppPageHandler(TornadoVoilaHandler):
    """``/voila/render/<app>.ipynb``: only casekit's apps, only a clean URL, at most ``limit`` kernels per app."""

    @tornado.web.authenticated
    async def get(self, path=None):
        extra = set(self.request.query_arguments) - APP_QUERY_PARAMETERS
        if extra:  # redirect, never render: a parameter can neither hang the request nor start a kernel
            parts = urlsplit(self.request.uri)
            self.redirect(urlunsplit(("", "", parts.path, "", "")), status=303)
            return
        app = _app_name(path, self.settings["casekit_apps"])
        if app is None:
            raise tornado.web.HTTPError(404)
        kernels = self.settings["casekit_kernels"]
        if not await kernels.wait_for_place(app):
            log.warning("%s: %d page kernels running, the limit; a page was refused", app, kernels.limit)
            self.set_status(503)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Retry-After", "60")
            self.finish(room_full_page(_language(self), app, kernels.limit))
            return
        got_kernel = []

        def on_kernel(kernel_id: str) -> None:
            got_kernel.append(kernel_id)
            kernels.record(app, kernel_id)

        self._casekit_kernel_manager = RecordingKernelManager(self.settings["kernel_manager"], on_kernel)
        self.xsrf_token  # sets the _xsrf cookie: the page sends it back when it closes, to shut its kernel down
        try:
            async for html in self.get_generator(path=f"{app}.ipynb"):
                self.write(html)
                self.flush()
        finally:
            if not got_kernel:
                kernels.release(app)
            else:  # the page is sent: from now on its browser must connect (or say it is loading) in time
                kernels.sent(got_kernel[0])

    @property
    def kernel_manager(self):
        return getattr(self, "_casekit_kernel_manager", None) or self.settings["kernel_manager"]


class PageShutdownHandler(VoilaShutdownKernelHandler):
    """``/voila/api/shutdown/<kernel id>``, the beacon a page sends when it closes: its kernel stops counting
    against the bound at once, before the shutdown (which takes a moment) is done."""

    @tornado.web.authenticated
    async def post(self, kernel_id):
        kernels = self.settings["casekit_kernels"]
        if kernel_id in self.kernel_manager.list_kernel_ids():
            kernels.closing(kernel_id)
        try:
            await super().post(kernel_id)
        except BaseException:
            kernels.not_closing(kernel_id)
            raise


class PageLoadingHandler(APIHandler):
    """``/voila/api/casekit/loading/<kernel id>``: the first script of an app page (casekit's template) says that a
    browser is loading the page, so its kernel is not stopped while Voilà's scripts load (:mod:`.kernels`)."""

    @tornado.web.authenticated
    def post(self, kernel_id):
        if not self.settings["casekit_kernels"].loading(kernel_id):
            raise tornado.web.HTTPError(404)
        self.set_status(204)
        self.finish()


class AppIndexHandler(JupyterHandler):
    """``/``: a list of the apps (Voilà's tree page and its contents API are not served)."""

    @tornado.web.authenticated
    def get(self, path=None):
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(index_page(_language(self), self.base_url, sorted(self.settings["casekit_apps"],
                                                                         key=_app_order)))


def _app_order(name: str) -> tuple:
    order = ("conference", "room", "supervision", "case_study")
    return (order.index(name) if name in order else len(order), name)


class QueryInfoHandler(WebSocketMixin, RequestInfoSocketHandler, JupyterHandler):
    """Voilà's ``/voila/query/<kernel id>`` websocket (a preheated kernel learns its page's query string), but
    only for a logged-in browser: ``JupyterHandler.prepare`` authenticates before the upgrade."""

    async def get(self, *args, **kwargs):
        if self.current_user is None:
            raise tornado.web.HTTPError(403)
        return await super().get(*args, **kwargs)


class ThrottledLoginHandler(LoginFormHandler):
    """The password form, in casekit's language; wrong passwords are throttled per client."""

    def _render(self, message=None):
        text = message.get("error") if isinstance(message, dict) else message
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(login_page(_language(self), self.xsrf_form_html(),
                              self.get_argument("next", default=self.base_url), text))

    def client(self) -> str:
        return self.request.remote_ip or "?"

    @allow_unauthenticated
    def post(self):
        throttle = self.settings["casekit_throttle"]
        lang = _language(self)
        wait = throttle.wait_seconds(self.client())
        if wait > 0:
            log.warning("login from %s refused: %d wrong passwords, waiting %.0f s", self.client(),
                        throttle._clients[self.client()].failures, wait)
            self.set_status(429)
            self.set_header("Retry-After", str(int(wait) + 1))
            self._render(gettext("server.login_wait", lang, seconds=int(wait) + 1))
            return
        user = self.identity_provider.process_login_form(self)
        if user is None:
            wait = throttle.failed(self.client())
            log.warning("wrong password from %s", self.client())
            self.set_status(401)
            self._render(gettext("server.login_wait", lang, seconds=int(wait) + 1) if wait > 0
                         else gettext("server.login_wrong", lang))
            return
        throttle.succeeded(self.client())
        self.current_user = user
        self.identity_provider.set_login_cookie(self, user)
        self._redirect_safe(self.get_argument("next", default=self.base_url))


class CasekitIdentityProvider(PasswordIdentityProvider):
    """Password or token login with casekit's cookie rules: ``SameSite=Lax``, ``Secure`` over TLS (or when a
    proxy says ``X-Forwarded-Proto: https``, or when the deployer says so), and a lifetime of a working day
    (checked by the server too, not only by the browser). A wrong token counts as a wrong password."""

    session_hours = AnyTrait(10.0, config=True, help="How long a login lasts, in hours.")
    throttle = AnyTrait(None, allow_none=True)

    def __init__(self, **kwargs):
        kwargs["login_handler_class"] = ThrottledLoginHandler
        super().__init__(**kwargs)
        days = float(self.session_hours) / 24
        self.get_secure_cookie_kwargs = {**self.get_secure_cookie_kwargs, "max_age_days": days}

    def set_login_cookie(self, handler, user) -> None:
        options = {"httponly": True, "samesite": "Lax", "path": handler.base_url,
                   "expires_days": float(self.session_hours) / 24}
        forwarded = handler.request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
        if self.secure_cookie or (self.secure_cookie is None and
                                  (handler.request.protocol == "https" or forwarded == "https")):
            options["secure"] = True
        handler.set_secure_cookie(self.get_cookie_name(handler), self.user_to_cookie(user), **options)

    def clear_login_cookie(self, handler) -> None:
        handler.clear_cookie(self.get_cookie_name(handler), path=handler.base_url)

    async def get_user_token(self, handler):
        supplied = self.get_token(handler)
        if not supplied or not self.token:
            return None
        throttle = handler.settings.get("casekit_throttle")
        client = handler.request.remote_ip or "?"
        if throttle is not None and throttle.wait_seconds(client) > 0:
            return None
        if hmac.compare_digest(supplied.encode(), self.token.encode()):
            if throttle is not None:
                throttle.succeeded(client)
            return self.generate_anonymous_user(handler)
        if throttle is not None:
            throttle.failed(client)
        return None


def session_lifetime(hours: float) -> timedelta:
    return timedelta(hours=float(hours))
