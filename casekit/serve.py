"""Serve casekit's apps with standalone Voilà — never the JupyterLab server extension, which lets a browser
run code. Options live here, typed and documented once; ``casekit serve`` and ``casekit demo`` use them.

``casekit serve`` is the parent of the server (:mod:`casekit.server`, standalone Voilà with casekit's guards):
- secrets never go on a command line (``ps`` shows every command line to every local user): the options,
  token and password hash included, go to a 0600 file in a private 0700 folder, which the server reads once
  and deletes;
- it owns the server: SIGTERM, SIGINT (Ctrl+C) and SIGHUP stop the server and its kernels; if ``casekit serve``
  itself is killed, the server notices and stops too;
- the terminal shows casekit's own lines (where the apps are, how to stop); the server's own log goes to
  ``casekit-server.log`` beside ``casekit.log``.

Security defaults: listen on 127.0.0.1 and answer only local names (plus ``--allow-host``); any other interface
needs a password or a token (refused otherwise); notebook sources stripped; tracebacks never shown; at most
``max_kernels`` page kernels per app; idle kernels culled. Speed: one preheated kernel per app.
"""
from __future__ import annotations

import ipaddress
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CaseKitError
from .private import write_private

PACKAGE = Path(__file__).resolve().parent
SHARE = PACKAGE / "share" / "jupyter"
APPS = ("conference", "room", "supervision", "case_study")  # as the terminal lists them
LOOPBACK = {"localhost"}
#: environment variables that hold secrets: read by ``casekit serve``, never passed on to the server or kernels
SECRET_VARIABLES = ("CASEKIT_PASSWORD", "CASEKIT_TOKEN")
#: how long the server has to stop (kernels included) after SIGTERM before it is killed. A stop takes 1.4-1.8 s
#: here, idle or under 3 CPU hogs; a kernel still starting on a very busy machine can hold it up, and with 8 s
#: the kill, the kernels' exit and the port came after the 10 s casekit promises (once, in a full test run at
#: load average ~10). Edits are saved within a second of being made; a stop does not save more than a kill.
STOP_SECONDS = 4.0


def apps_dir() -> Path:
    """The folder of app notebooks: ``CASEKIT_APPS``, else ``apps/`` of the repository (editable install)."""
    configured = os.environ.get("CASEKIT_APPS")
    return Path(configured) if configured else PACKAGE.parent / "apps"


def is_loopback(host: str) -> bool:
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8866
    password: str | None = None   # plain text; only its hash reaches the server, through a private file
    token: str | None = None
    theme: str = "dark"
    pool_size: int = 1            # preheated kernels per app notebook
    max_kernels: int = 8          # page kernels per app at most; beyond, "the room is full"
    connect_timeout: float = 60   # a page kernel nobody connects to within this many seconds is stopped
    cull_idle_timeout: int = 600  # seconds before an idle kernel is stopped
    cull_interval: int = 60
    allow_hosts: list[str] = field(default_factory=list)   # names the server answers besides its own
    session_hours: float = 10     # how long a login lasts (a working day)
    secure_cookies: bool | None = None  # None: Secure when the request came over TLS (or a proxy says so)
    behind_proxy: bool = False    # trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy
    login_delay: float = 1.0      # seconds of the first wait after five wrong passwords (doubling)
    db: str | None = None         # CASEKIT_DB for the app kernels
    lang: str | None = None       # CASEKIT_LANG for the app kernels
    open_browser: bool = False    # open the conference app once the server is up (casekit demo)
    extra_env: dict[str, str] = field(default_factory=dict)

    def check(self) -> None:
        if not is_loopback(self.host) and not (self.password or self.token):
            raise CaseKitError("errors.serve_needs_secret", host=self.host)
        if not 0 < self.port < 65536:
            raise CaseKitError("errors.serve_bad_port", port=self.port)
        if self.max_kernels < 1:
            raise CaseKitError("errors.serve_bad_limit", value=self.max_kernels)


def server_options(options: ServeOptions, runtime_dir: Path) -> dict:
    """What the server reads from its private options file (the password only as a salted argon2 hash)."""
    options.check()
    hashed = None
    if options.password:
        from jupyter_server.auth import passwd

        hashed = passwd(options.password)
    return {
        "host": options.host, "port": options.port, "apps_dir": str(apps_dir()), "runtime_dir": str(runtime_dir),
        "token": options.token or "", "hashed_password": hashed, "theme": options.theme,
        "pool_size": options.pool_size, "max_kernels": options.max_kernels,
        "connect_timeout": options.connect_timeout, "cull_idle_timeout": options.cull_idle_timeout,
        "cull_interval": options.cull_interval, "allow_hosts": list(options.allow_hosts),
        "session_hours": options.session_hours, "secure_cookies": options.secure_cookies,
        "behind_proxy": options.behind_proxy, "login_delay": options.login_delay, "lang": options.lang,
        "parent_pid": os.getpid(),
    }


def private_runtime_dir() -> Path:
    """A fresh folder only this user can enter (0700): the options file, kernel connection files, sockets."""
    return Path(tempfile.mkdtemp(prefix="casekit-"))


def voila_command(options_file: Path) -> list[str]:
    """The server's command line: standalone Voilà (``casekit.server``, never ``jupyter lab``) and the path of
    its options file — no secret, no option that ``ps`` would show."""
    return [sys.executable, "-m", "casekit.server", str(options_file)]


def voila_environment(options: ServeOptions) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), env.get("JUPYTER_PATH", "")) if p)
    # Each page has its own kernel, so no other view needs ipywidgets' echo of incoming values; without it a
    # value the kernel refuses is never reflected back to the browser as if it had been accepted.
    env["JUPYTER_WIDGETS_ECHO"] = "0"
    env["PYTHONWARNINGS"] = "ignore::DeprecationWarning"
    if options.db:
        env["CASEKIT_DB"] = options.db
    if options.lang:
        env["CASEKIT_LANG"] = options.lang
    env.update({k: v for k, v in options.extra_env.items() if k not in SECRET_VARIABLES})
    return env


def app_url(options: ServeOptions, app: str = "conference") -> str:
    host = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host
    if ":" in host:
        host = f"[{host}]"
    url = f"http://{host}:{options.port}/voila/render/{app}.ipynb"
    return f"{url}?token={options.token}" if options.token else url


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Server:
    """A running server: its process, the private folder it was given, and how to stop it."""

    def __init__(self, options: ServeOptions, **popen):
        options.check()
        self.options = options
        self.runtime_dir = private_runtime_dir()
        options_file = self.runtime_dir / "options.json"
        write_private(options_file, json.dumps(server_options(options, self.runtime_dir)))
        popen.setdefault("start_new_session", True)  # Ctrl+C reaches casekit serve, which stops the server
        self.command = voila_command(options_file)
        self.process = subprocess.Popen(self.command, env=voila_environment(options), **popen)
        self.pid = self.process.pid

    def poll(self):
        return self.process.poll()

    def wait(self, timeout: float | None = None):
        return self.process.wait(timeout)

    @property
    def returncode(self):
        return self.process.returncode

    def send_signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def terminate(self) -> None:
        self.process.terminate()

    def kill(self) -> None:
        self.process.kill()

    def stop(self, timeout: float = STOP_SECONDS) -> int:
        """SIGTERM, then SIGKILL after ``timeout`` seconds; kernels follow the server (they watch their parent)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.runtime_dir, ignore_errors=True)
        return self.process.returncode


def start(options: ServeOptions, **popen) -> Server:
    """Start the server in the background; the caller owns it (``server.stop()``)."""
    return Server(options, **popen)


def port_is_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def wait_until_up(options: ServeOptions, process, timeout: float = 120) -> bool:
    """Poll Voilà's static script (not ``/``, which would start a kernel) until the server answers."""
    import urllib.request

    base = app_url(options).split("/voila/")[0]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/voila/static/voila.js", timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def server_log_path() -> Path:
    from .logs import log_path

    return log_path().with_name("casekit-server.log")


def run(options: ServeOptions, open_app: str | None = None, say=print) -> int:
    """Run the server until Ctrl+C, SIGTERM or SIGHUP; with ``open_app``, open that app in the browser once it
    is up. The server's own output goes to its log file; ``say`` prints casekit's lines."""
    from .logs import open_private

    if not port_is_free(options.host, options.port):
        raise CaseKitError("errors.serve_port_in_use", port=options.port)
    log_file = server_log_path()
    stopping = []

    def stop(signum, _frame):
        stopping.append(signum)
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    output = open_private(log_file, "a")
    server = None
    try:
        server = start(options, stdout=output, stderr=subprocess.STDOUT)
        if not wait_until_up(options, server.process):
            code = server.stop()
            raise CaseKitError("errors.serve_failed", log=log_file, tail=_tail(log_file))
        say(server_ready_message(options, log_file))
        if open_app:
            import webbrowser

            webbrowser.open(app_url(options, open_app))
        return server.wait()
    except KeyboardInterrupt:
        return server.stop() if server is not None else 130
    finally:
        if server is not None and server.poll() is None:
            server.stop()
        elif server is not None:
            shutil.rmtree(server.runtime_dir, ignore_errors=True)
        output.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def server_ready_message(options: ServeOptions, log_file: Path) -> str:
    from .i18n import gettext

    lines = [gettext("cli.serving", None, url=app_url(options, "conference"))]
    for other in APPS[1:]:
        if (apps_dir() / f"{other}.ipynb").exists():
            lines.append(gettext("cli.serving_also", None, url=app_url(options, other)))
    lines.append(gettext("cli.serving_stop", None, log=log_file))
    return "\n".join(lines)


def _tail(path: Path, lines: int = 8) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""
