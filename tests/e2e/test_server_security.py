"""The server as an attacker meets it: another site's name, the process list, a websocket without login, kernels
on demand, unknown parameters, password guessing, a dead kernel, a hostile client, signals to casekit serve.

Each test starts the real server (``casekit.serve``: standalone Voilà with casekit's guards) on a free port of
127.0.0.1 and talks to it over loopback only.
"""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from casekit.cli import build_demo_store

from conftest import ROOT, VoilaServer, free_port
from hostile import spray_every_widget

SMOKE_APPS = Path(__file__).parent / "apps"
APPS = ROOT / "apps"


def _request(port: int, path: str, headers: dict | None = None, method: str = "GET", body: str | None = None,
             timeout: float = 30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _websocket_status(port: int, path: str, headers: dict) -> int:
    """The HTTP status a websocket upgrade gets (101: upgraded)."""
    key = "dGhlIHNhbXBsZSBub25jZQ=="
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        lines = [f"GET {path} HTTP/1.1", "Upgrade: websocket", "Connection: Upgrade",
                 f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = sock.recv(4096).decode("latin-1")
    return int(head.split()[1])


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp / 'store.sqlite'}", tmp)
    yield server
    server.stop()


def _page_kernel(server, path="/voila/render/smoke.ipynb", headers=None) -> str:
    status, _headers, html = _request(server.port, path, headers)
    assert status == 200, status
    return re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)


# -- 1. DNS rebinding -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("headers", [
    {"Host": "evil.example"}, {"Host": "evil.example:8866"}, {"Host": "localhost.evil.example"},
    {"Host": "127.0.0.1", "Origin": "http://evil.example"}, {"Host": "127.0.0.1", "Origin": "null"},
])
def test_a_page_for_another_name_is_refused(smoke, headers):
    headers = {k: v.replace("8866", str(smoke.port)) for k, v in headers.items()}
    status, _h, body = _request(smoke.port, "/voila/render/smoke.ipynb", headers)
    assert status == 403
    assert "kernelId" not in body


def test_a_websocket_for_another_name_is_refused(smoke):
    kernel = _page_kernel(smoke)
    path = f"/api/kernels/{kernel}/channels"
    assert _websocket_status(smoke.port, path, {"Host": f"evil.example:{smoke.port}",
                                                "Origin": f"http://evil.example:{smoke.port}"}) == 403
    assert _websocket_status(smoke.port, path, {"Host": f"127.0.0.1:{smoke.port}",
                                                "Origin": f"http://evil.example:{smoke.port}"}) == 403
    # the check is not simply refusing every websocket: the page's own name is answered
    assert _websocket_status(smoke.port, path, {"Host": f"127.0.0.1:{smoke.port}",
                                                "Origin": f"http://127.0.0.1:{smoke.port}"}) == 101


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_the_local_names_are_answered(smoke, host):
    status, _h, _body = _request(smoke.port, "/voila/static/voila.js", {"Host": f"{host}:{smoke.port}"})
    assert status == 200


def test_a_name_allowed_with_allow_host_is_answered(tmp_path):
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, allow_hosts=["casekit.office"],
                         pool_size=0)
    try:
        assert _request(server.port, "/voila/static/voila.js", {"Host": "casekit.office"})[0] == 200
        assert _request(server.port, "/voila/static/voila.js", {"Host": "other.office"})[0] == 403
    finally:
        server.stop()


# -- 2. secrets -----------------------------------------------------------------------------------------------
def test_no_secret_is_on_any_command_line(tmp_path):
    token, password = "tok-" + os.urandom(12).hex(), "pw-" + os.urandom(12).hex()
    for options in ({"token": token}, {"password": password}):
        server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, pool_size=1, **options)
        try:
            listing = subprocess.run(["ps", "-eww", "-o", "args="], capture_output=True, text=True).stdout
            assert "casekit.server" in listing  # the listing sees the server
            assert token not in listing and password not in listing
            assert "hashed_password" not in listing and "argon2" not in listing
            for pid in [server.process.pid, *server.kernel_pids()]:  # nor in an environment a kernel could leak
                environ = Path(f"/proc/{pid}/environ").read_bytes().decode("utf-8", "replace")
                assert token not in environ and password not in environ
        finally:
            server.stop()


def test_a_token_on_the_command_line_is_refused(capsys):
    from casekit.cli import main

    assert main(["serve", "--token", "s3cret"]) == 2
    assert "CASEKIT_TOKEN" in capsys.readouterr().err


def test_the_token_leaves_the_address_and_the_query_websocket_needs_a_login(tmp_path):
    token = "tok-" + os.urandom(12).hex()
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, token=token)
    try:
        status, headers, _ = _request(server.port, f"/voila/render/smoke.ipynb?token={token}")
        assert status == 303 and headers["Location"] == "/voila/render/smoke.ipynb"
        cookie = headers["Set-Cookie"].split(";")[0]
        status, _h, html = _request(server.port, "/voila/render/smoke.ipynb", {"Cookie": cookie})
        assert status == 200 and token not in html
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html).group(1)
        query = f"/voila/query/{kernel}"
        assert _websocket_status(server.port, query, {"Host": f"127.0.0.1:{server.port}"}) != 101
        assert _websocket_status(server.port, query, {"Host": f"127.0.0.1:{server.port}", "Cookie": cookie}) == 101
    finally:
        server.stop()


# -- 4. template and parameters -------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["template=lab", "template=reveal", "template=classic", "theme=light",
                                   "template=no-such-template", "anything=1"])
def test_query_parameters_never_change_the_page_nor_hang(smoke, query):
    started = time.monotonic()
    status, headers, _ = _request(smoke.port, f"/voila/render/smoke.ipynb?{query}", timeout=5)
    assert time.monotonic() - started < 5
    assert status == 303 and headers["Location"] == "/voila/render/smoke.ipynb"
    status, _h, html = _request(smoke.port, headers["Location"])
    assert status == 200
    assert re.findall(r'(?:src|href)="(https?://[^"]+)"', html) == []
    assert "cdn" not in html.lower()


def test_error_pages_load_nothing_from_outside(smoke):
    status, _h, html = _request(smoke.port, "/voila/render/no-such-app.ipynb")
    assert status == 404
    assert "https://" not in html


# -- 5. a bound on kernels ------------------------------------------------------------------------------------
def test_unauthenticated_requests_start_at_most_the_pool_plus_the_bound(tmp_path):
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, max_kernels=2, pool_size=1)
    try:
        pool = len(list(SMOKE_APPS.glob("*.ipynb")))  # one preheated kernel per app
        statuses = [_request(server.port, "/voila/render/smoke.ipynb")[0:3:2] for _ in range(6)]
        assert [s for s, _ in statuses].count(200) == 2
        refused = [body for s, body in statuses if s == 503]
        assert len(refused) == 4 and all("room is full" in body for body in refused)
        time.sleep(3)  # the pool refills after a page took its kernel
        assert len(server.kernel_pids()) <= pool + 2
    finally:
        server.stop()


def test_a_closed_page_gives_its_kernel_back(tmp_path, offline_page):
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, max_kernels=2)
    try:
        page = offline_page()
        seen = []
        for _ in range(4):  # twice the bound: each reload must hand the previous page's kernel back
            page.page.goto(server.url("smoke"))
            page.page.get_by_text("ready", exact=True).wait_for(timeout=60_000)  # not "already" of "room is full"
            seen.append(page.page.evaluate(
                "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"))
        assert len(set(seen)) == 4
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(server.kernel_pid(k) for k in seen[:-1]):
            time.sleep(0.2)
        assert [k for k in seen[:-1] if server.kernel_pid(k)] == []
        assert server.kernel_pid(seen[-1])
    finally:
        server.stop()


def test_a_page_slower_than_the_connect_timeout_keeps_its_kernel_and_a_page_without_one_says_so(tmp_path,
                                                                                               offline_page):
    """On a loaded machine a browser took longer than ``connect_timeout`` to run Voilà's scripts and connect: the
    kernel was stopped and the page stayed blank for good (the soak benchmark's "not ready" loads). The page's
    first script now tells the server a browser is loading it; a page that cannot get its kernel says so."""
    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, connect_timeout=2)
    try:
        def slow_scripts(route):  # Voilà's scripts arrive 6 s late, as on a machine too busy to load them
            time.sleep(6)
            route.continue_()

        slow = offline_page()
        slow.page.route("**/voila/static/voila.js*", slow_scripts)
        slow.page.goto(server.url("smoke"), wait_until="commit")
        slow.page.get_by_text("ready", exact=True).wait_for(timeout=60_000)

        fetched = _page_kernel(server)          # a script fetches the page and runs none of it
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and server.kernel_pid(fetched):
            time.sleep(0.2)
        assert server.kernel_pid(fetched) is None

        silent = offline_page()                 # a page whose first script never reached the server
        silent.page.route("**/voila/static/voila.js*", slow_scripts)
        silent.page.route("**/voila/api/casekit/loading/**", lambda route: route.abort())
        silent.page.goto(server.url("smoke"), wait_until="commit")
        cover = silent.page.locator("#casekit-connection-lost")
        cover.wait_for(timeout=60_000)
        assert cover.get_attribute("data-reason") == "kernel-gone"
    finally:
        server.stop()


# -- 7. passwords ---------------------------------------------------------------------------------------------
def _login(port: int, password: str, headers: dict | None = None):
    status, got, body = _request(port, "/login", headers)
    xsrf = got["Set-Cookie"].split("_xsrf=")[1].split(";")[0]
    form = f"_xsrf={xsrf}&password={urllib.parse.quote(password)}"
    return _request(port, "/login?next=/voila/render/smoke.ipynb", {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"_xsrf={xsrf}", **(headers or {})},
        method="POST", body=form)


def test_password_guessing_is_throttled_and_the_cookie_is_strict(tmp_path):
    import urllib.parse  # noqa: F401 - used by _login

    server = VoilaServer(SMOKE_APPS, f"sqlite:///{tmp_path / 's.sqlite'}", tmp_path, password="right one",
                         login_delay=2.0, pool_size=0)
    try:
        codes = [_login(server.port, f"wrong {n}")[0] for n in range(30)]
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
        status, _h, body = _login(server.port, "right one")
        assert status == 429 and "Try again in" in body  # still waiting: the right password is not even checked
        time.sleep(2.2)
        status, headers, _ = _login(server.port, "right one")
        assert status == 302
        cookie = headers["Set-Cookie"]
        assert "SameSite=Lax" in cookie and "HttpOnly" in cookie and "Secure" not in cookie
        expires = re.search(r"expires=([^;]+)", cookie, re.I).group(1)
        from email.utils import parsedate_to_datetime
        from datetime import datetime, timezone
        hours = (parsedate_to_datetime(expires) - datetime.now(timezone.utc)).total_seconds() / 3600
        assert 9 < hours <= 10.01
        # behind a TLS proxy the cookie is Secure
        status, headers, _ = _login(server.port, "right one", {"X-Forwarded-Proto": "https"})
        assert status == 302 and "Secure" in headers["Set-Cookie"]
    finally:
        server.stop()


# -- 3. casekit serve owns its children ------------------------------------------------------------------------
def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _descendants(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    children: dict[int, list[int]] = {}
    for line in out.splitlines():
        child, parent = (int(x) for x in line.split())
        children.setdefault(parent, []).append(child)
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGKILL])
def test_casekit_serve_takes_its_server_and_kernels_down(tmp_path, signum):
    port = free_port()
    env = {**os.environ, "CASEKIT_LOG": str(tmp_path / "casekit.log"), "CASEKIT_APPS": str(SMOKE_APPS)}
    cli = subprocess.Popen([sys.executable, "-m", "casekit.cli", "--db", str(tmp_path / "s.sqlite"), "serve",
                            "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if _request(port, "/voila/static/voila.js", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        _request(port, "/voila/render/smoke.ipynb")  # a page kernel besides the pool
        family = _descendants(cli.pid)
        assert len(family) >= 2  # the server and at least the page's kernel
        os.kill(cli.pid, signum)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (not _port_free(port) or any(_alive(p) for p in family)):
            time.sleep(0.2)
        assert _port_free(port), "the port is still taken 10 s after the signal"
        assert [p for p in family if _alive(p)] == [], "a server or kernel process outlived casekit serve"
    finally:
        if cli.poll() is None:
            os.killpg(cli.pid, signal.SIGKILL)
        output = cli.communicate(timeout=30)[0]
    assert "casekit apps at" in output
    for noise in ("without encryption", "not trusted", "MissingIDFieldWarning", "Traceback"):
        assert noise not in output


def test_kernels_talk_over_private_unix_sockets(smoke):
    kernel = _page_kernel(smoke)
    pid = smoke.kernel_pid(kernel)
    args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    connection_file = Path(args[args.index(b"-f") + 1].decode())
    info = json.loads(connection_file.read_text())
    assert info["transport"] == "ipc"
    assert (connection_file.stat().st_mode & 0o777) == 0o600
    assert (connection_file.parent.stat().st_mode & 0o077) == 0
    assert (connection_file.parent.parent.stat().st_mode & 0o777) == 0o700
    listening = Path("/proc/net/tcp").read_text() + Path("/proc/net/tcp6").read_text()
    inodes = {line.split()[9] for line in listening.splitlines()[1:] if line.split()[3] == "0A"}
    kernel_sockets = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
    assert not {f"socket:[{inode}]" for inode in inodes} & kernel_sockets  # the kernel listens on no TCP port


# -- 9, 10. a dead kernel, a hostile client ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def conference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dead")
    path = tmp / "demo.sqlite"
    build_demo_store(path, "en")
    server = VoilaServer(APPS, f"sqlite:///{path}", tmp)
    yield server
    server.stop()


@pytest.mark.parametrize("lang,title", [("en", "The connection to the app was lost"),
                                        ("cs", "Spojení s aplikací bylo přerušeno")])
def test_a_dead_kernel_is_shown_within_five_seconds_and_keys_are_held(conference, offline_page, lang, title):
    page = offline_page()
    page.page.goto(conference.url("conference"))
    page.page.locator(".casekit-language").first.wait_for(timeout=60_000)
    if lang == "cs":
        page.page.locator(".casekit-language button", has_text="CS").click()
        page.page.locator(".casekit-lang-cs").first.wait_for(timeout=30_000)
    search = page.page.locator(".casekit-search input").first
    search.click()
    kernel = page.page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    os.kill(conference.kernel_pid(kernel), signal.SIGKILL)
    started = time.monotonic()
    page.page.locator("#casekit-connection-lost").wait_for(timeout=5_000)
    assert time.monotonic() - started < 5
    assert title in page.page.inner_text("#casekit-connection-lost")
    page.page.keyboard.type("typed into a dead page")
    assert "typed into a dead page" not in search.input_value()
    assert page.page.locator("#casekit-connection-reload").is_visible()


def test_a_hostile_client_gets_no_traceback(conference, offline_page):
    page = offline_page()
    page.page.goto(conference.url("conference"))
    page.page.locator(".casekit-language").first.wait_for(timeout=60_000)
    kernel = page.page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    received: list[str] = []
    spray_every_widget(f"ws://127.0.0.1:{conference.port}/api/kernels/{kernel}/channels", [
        {"value": 999999}, {"value": ["not", "a", "value"]}, {"value": {"year": 99999}}, {"index": "x"},
        {"description": 5}, {"_dom_classes": 7},
    ], received=received)
    assert received, "the client heard nothing back"
    for raw in received:
        assert "Traceback" not in raw and "site-packages" not in raw and 'File "' not in raw
    page.page.get_by_text("not accepted").first.wait_for(timeout=10_000)


# -- 8. private files -----------------------------------------------------------------------------------------
def test_the_store_its_wal_and_the_log_of_a_served_app_are_private(conference, offline_page):
    page = offline_page()
    page.page.goto(conference.url("conference"))
    page.page.locator(".casekit-language").first.wait_for(timeout=60_000)
    for name in ("demo.sqlite", "demo.sqlite-wal", "demo.sqlite-shm", "casekit.log"):
        path = conference.tmp / name
        assert path.exists(), name
        assert (path.stat().st_mode & 0o077) == 0, f"{path} is readable by others"
