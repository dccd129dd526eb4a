"""Serve casekit's apps with standalone Voilà — never the JupyterLab server extension, which lets a browser
run code. Options live here, typed and documented once; ``casekit serve`` and ``casekit demo`` use them.

Security defaults: listen on 127.0.0.1; any other interface needs a password or a token (refused otherwise);
notebook sources stripped; tracebacks never shown; idle kernels culled. Speed: one preheated kernel per app.
"""
from __future__ import annotations

import ipaddress
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CaseKitError

PACKAGE = Path(__file__).resolve().parent
SHARE = PACKAGE / "share" / "jupyter"
APPS = ("conference", "supervision", "case_study")
LOOPBACK = {"localhost"}


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
    password: str | None = None   # plain text; hashed before it reaches Voilà's command line
    token: str | None = None
    theme: str = "dark"
    pool_size: int = 1            # preheated kernels per app notebook
    cull_idle_timeout: int = 600  # seconds before an idle kernel is stopped
    cull_interval: int = 60
    db: str | None = None         # CASEKIT_DB for the app kernels
    lang: str | None = None       # CASEKIT_LANG for the app kernels
    open_browser: bool = False    # open the conference app once the server is up (casekit demo)
    extra_env: dict[str, str] = field(default_factory=dict)

    def check(self) -> None:
        if not is_loopback(self.host) and not (self.password or self.token):
            raise CaseKitError("errors.serve_needs_secret", host=self.host)
        if not 0 < self.port < 65536:
            raise CaseKitError("errors.serve_bad_port", port=self.port)


def voila_command(options: ServeOptions) -> list[str]:
    """The exact Voilà command line for these options (standalone ``voila``, never ``jupyter lab``)."""
    options.check()
    cmd = [
        sys.executable, "-m", "voila", str(apps_dir()),
        f"--Voila.ip={options.host}", f"--Voila.port={options.port}", "--Voila.port_retries=0",
        "--no-browser",
        "--template=casekit", f"--theme={options.theme}",
        "--VoilaConfiguration.allow_theme_override=NO",
        "--VoilaConfiguration.show_tracebacks=False", "--VoilaConfiguration.strip_sources=True",
        "--preheat_kernel=True", f"--pool_size={options.pool_size}",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle_timeout}",
        f"--MappingKernelManager.cull_interval={options.cull_interval}",
        "--MappingKernelManager.cull_connected=False",
    ]
    if options.token:
        cmd.append(f"--token={options.token}")
    if options.password:
        from jupyter_server.auth import passwd

        cmd += [
            f"--PasswordIdentityProvider.hashed_password={passwd(options.password)}",
            "--PasswordIdentityProvider.allow_password_change=False",
        ]
    return cmd


def voila_environment(options: ServeOptions) -> dict[str, str]:
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), env.get("JUPYTER_PATH", "")) if p)
    # Each page has its own kernel, so no other view needs ipywidgets' echo of incoming values; without it a
    # value the kernel refuses is never reflected back to the browser as if it had been accepted.
    env["JUPYTER_WIDGETS_ECHO"] = "0"
    if options.db:
        env["CASEKIT_DB"] = options.db
    if options.lang:
        env["CASEKIT_LANG"] = options.lang
    env.update(options.extra_env)
    return env


def app_url(options: ServeOptions, app: str = "conference") -> str:
    host = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host
    url = f"http://{host}:{options.port}/voila/render/{app}.ipynb"
    return f"{url}?token={options.token}" if options.token else url


def new_token() -> str:
    return secrets.token_urlsafe(24)


def start(options: ServeOptions, **popen) -> subprocess.Popen:
    """Start Voilà in the background; the caller owns the process."""
    return subprocess.Popen(voila_command(options), env=voila_environment(options), **popen)


def wait_until_up(options: ServeOptions, process: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll Voilà's static script (not ``/``, which would start a kernel) until the server answers."""
    import time
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


def run(options: ServeOptions, open_app: str | None = None) -> int:
    """Run Voilà in the foreground until Ctrl+C; with ``open_app``, open that app in the browser once it is up."""
    process = start(options)
    try:
        if open_app and wait_until_up(options, process):
            import webbrowser

            webbrowser.open(app_url(options, open_app))
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
