"""The server's guards as plain Python: which hosts are answered, login throttling, the bound on kernels, and what
``casekit serve`` hands its server (nothing secret on a command line)."""
from __future__ import annotations

import asyncio
import json
import os
import stat

import pytest

from casekit.errors import CaseKitError
from casekit.serve import SECRET_VARIABLES, ServeOptions, server_options, voila_command, voila_environment
from casekit.server.guard import HostPolicy, split_host
from casekit.server.kernels import PageKernels, RecordingKernelManager
from casekit.server.pages import connection_messages, login_page, page_language, room_full_page
from casekit.server.throttle import LoginThrottle


@pytest.mark.parametrize("header,name", [
    ("127.0.0.1:8866", "127.0.0.1"), ("localhost", "localhost"), ("[::1]:8866", "::1"), ("LocalHost.:80", "localhost"),
    ("evil.example:8866", "evil.example"), ("", None), ("a:b:c", None), ("[::1", None), ("host:port", None),
])
def test_host_headers_are_split_strictly(header, name):
    assert split_host(header) == name


@pytest.mark.parametrize("host,allowed", [
    ("127.0.0.1:8866", True), ("localhost:8866", True), ("[::1]:8866", True), ("127.0.0.2", True),
    ("evil.example:8866", False), ("localhost.evil.example", False), ("192.168.1.10:8866", False),
    ("10.0.0.1", False), (None, False), ("", False),
])
def test_a_loopback_server_answers_local_names_only(host, allowed):
    assert HostPolicy.create("127.0.0.1").allows_host(host) is allowed


def test_a_server_on_every_interface_answers_addresses_and_allowed_names_only():
    policy = HostPolicy.create("0.0.0.0", ["casekit.office", "Room-PC."])
    assert policy.allows_host("192.168.1.10:8866")  # a phone typing the laptop's address
    assert policy.allows_host("casekit.office") and policy.allows_host("room-pc:8866")
    assert not policy.allows_host("evil.example")   # what a rebinding page sends


def test_a_server_on_one_address_answers_that_address():
    policy = HostPolicy.create("192.168.1.10")
    assert policy.allows_host("192.168.1.10:8866")
    assert not policy.allows_host("192.168.1.11:8866")


@pytest.mark.parametrize("origin,allowed", [
    (None, True), ("http://127.0.0.1:8866", True), ("https://localhost", True),
    ("http://evil.example", False), ("null", False), ("file://", False), ("chrome-extension://abc", False),
])
def test_origins_are_checked_like_hosts(origin, allowed):
    assert HostPolicy.create("127.0.0.1").allows("127.0.0.1:8866", origin) is allowed


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_five_wrong_passwords_are_free_then_each_costs_twice_as_long():
    clock = Clock()
    throttle = LoginThrottle(free_attempts=5, base_delay=1.0, max_delay=10.0, clock=clock)
    assert [throttle.failed("a") for _ in range(4)] == [0.0] * 4
    assert throttle.failed("a") == 1.0            # the fifth
    assert throttle.wait_seconds("a") == 1.0
    assert throttle.wait_seconds("b") == 0.0      # another client is not affected
    clock.now += 1.0
    assert throttle.failed("a") == 2.0
    clock.now += 2.0
    assert throttle.failed("a") == 4.0
    for _ in range(10):
        clock.now += 100
        throttle.failed("a")
    assert throttle.wait_seconds("a") == 10.0     # capped
    throttle.succeeded("a")
    assert throttle.wait_seconds("a") == 0.0


class FakeManager:
    """The part of jupyter_server's kernel manager the bound uses."""

    def __init__(self):
        self.kernels: dict[str, int] = {}
        self.shut: list[str] = []

    def list_kernel_ids(self):
        return list(self.kernels)

    def kernel_model(self, kernel_id):
        return {"connections": self.kernels[kernel_id]}

    async def shutdown_kernel(self, kernel_id):
        self.shut.append(kernel_id)
        self.kernels.pop(kernel_id, None)

    def start_kernel(self, **_kw):
        kernel_id = f"k{len(self.kernels) + len(self.shut)}"
        self.kernels[kernel_id] = 0
        return kernel_id


def test_the_bound_counts_running_and_reserved_pages_per_app():
    manager = FakeManager()
    bound = PageKernels(manager, limit=2, connect_timeout=0)
    assert bound.reserve("conference") and bound.reserve("conference")
    assert not bound.reserve("conference")   # two requests under way: the third is refused at once
    assert bound.reserve("supervision")      # per app
    bound.record("conference", manager.start_kernel())
    bound.release("conference")              # the other request failed
    assert bound.in_use("conference") == 1
    assert bound.reserve("conference")
    bound.record("conference", manager.start_kernel())
    assert not bound.reserve("conference")
    manager.kernels.pop("k0")                # a page closed: its kernel stopped
    assert bound.reserve("conference")


def test_a_closing_page_frees_its_place_at_once_and_a_new_page_waits_a_moment_for_one():
    async def scenario():
        manager = FakeManager()
        bound = PageKernels(manager, limit=1, connect_timeout=0, grace=0.5)
        assert bound.reserve("conference")
        bound.record("conference", manager.start_kernel())
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert not await bound.wait_for_place("conference")          # nobody closes: refused after the grace
        refused_after = loop.time() - started
        # a reload: the new page's request comes first, the old page's shutdown beacon a moment later
        loop.call_later(0.1, bound.closing, "k0")
        started = loop.time()
        assert await bound.wait_for_place("conference")
        waited = loop.time() - started
        bound.not_closing("k0")                                        # its shutdown failed: it counts again
        return refused_after, waited, bound.in_use("conference")

    refused_after, waited, in_use = asyncio.run(scenario())
    assert 0.5 <= refused_after < 1.5
    assert 0.1 <= waited < 0.5
    assert in_use == 2   # the running kernel and the new page's reservation


def test_a_kernel_nobody_connects_to_is_stopped_and_a_connected_one_is_kept():
    async def scenario():
        manager = FakeManager()
        bound = PageKernels(manager, limit=5, connect_timeout=0.05)
        recording = RecordingKernelManager(manager, lambda kid: bound.record("conference", kid))
        for _ in range(2):
            assert bound.reserve("conference")
            bound.sent(await recording.start_kernel())   # the page was sent
        manager.kernels["k1"] = 1            # a browser connected to the second
        await asyncio.sleep(0.2)
        return manager

    manager = asyncio.run(scenario())
    assert manager.shut == ["k0"] and list(manager.kernels) == ["k1"]


def test_the_connect_timeout_counts_from_the_page_sent_and_spares_a_page_a_browser_is_loading():
    """Under load a browser took longer than the connect timeout to run Voilà's scripts and connect: its kernel
    was stopped and the page stayed blank (the soak benchmark's "not ready" loads). A kernel started for the
    request runs the notebook while the page is sent: that time is not the browser's either."""
    async def scenario():
        manager = FakeManager()
        bound = PageKernels(manager, limit=5, connect_timeout=0.05)
        recording = RecordingKernelManager(manager, lambda kid: bound.record("conference", kid))
        slow_page, script_fetch, loading_page = [await recording.start_kernel() for _ in range(3)]
        await asyncio.sleep(0.2)             # the notebook runs while the pages are sent: nobody could connect yet
        stopped_while_sent = list(manager.shut)
        for kernel_id in (slow_page, script_fetch, loading_page):
            bound.sent(kernel_id)
        assert bound.loading(loading_page)   # its first script ran in a browser
        assert not bound.loading("k-unknown")
        await asyncio.sleep(0.2)             # Voilà's scripts still load in the browser of loading_page
        return manager, stopped_while_sent, (slow_page, script_fetch, loading_page)

    manager, stopped_while_sent, (slow_page, script_fetch, loading_page) = asyncio.run(scenario())
    assert stopped_while_sent == []
    assert manager.shut == [slow_page, script_fetch]      # no browser said anything: given back
    assert list(manager.kernels) == [loading_page]


def test_serve_hands_secrets_through_a_private_file_only(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEKIT_PASSWORD", "pw-in-env")
    monkeypatch.setenv("CASEKIT_TOKEN", "tok-in-env")
    options = ServeOptions(host="0.0.0.0", password="pw-typed", token="tok-typed", extra_env={"CASEKIT_TOKEN": "x"})
    written = server_options(options, tmp_path)
    assert written["token"] == "tok-typed"
    assert written["hashed_password"].startswith("argon2:") and "pw-typed" not in json.dumps(written)
    command = voila_command(tmp_path / "options.json")
    assert command[1:3] == ["-m", "casekit.server"] and len(command) == 4
    assert not any("tok" in part or "pw" in part for part in command)
    env = voila_environment(options)
    assert not set(SECRET_VARIABLES) & set(env)
    assert "pw-in-env" not in env.values() and "tok-in-env" not in env.values()


def test_the_server_is_given_a_private_folder_and_file(tmp_path, monkeypatch):
    from casekit import serve

    runtime = serve.private_runtime_dir()
    try:
        assert stat.S_IMODE(runtime.stat().st_mode) == 0o700
        serve.write_private(runtime / "options.json", "{}")
        assert stat.S_IMODE((runtime / "options.json").stat().st_mode) == 0o600
    finally:
        import shutil

        shutil.rmtree(runtime)


def test_the_server_reads_its_options_once():
    from casekit.server.app import read_options

    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    path = folder / "options.json"
    path.write_text('{"port": 1}')
    assert read_options(path) == {"port": 1}
    assert not path.exists()
    folder.rmdir()


@pytest.mark.parametrize("limit", [0, -1])
def test_a_bound_below_one_is_refused(limit):
    with pytest.raises(CaseKitError):
        ServeOptions(max_kernels=limit).check()


def test_the_server_configuration_is_standalone_voila_with_safe_settings(tmp_path):
    from casekit.server.app import config_from_options
    from casekit.server.kernel import KernelSpecs

    options = server_options(ServeOptions(token="t"), tmp_path)
    c = config_from_options(options)
    assert c.VoilaConfiguration.allow_template_override == "NO"
    assert c.VoilaConfiguration.allow_theme_override == "NO"
    assert c.VoilaConfiguration.show_tracebacks is False and c.VoilaConfiguration.strip_sources is True
    assert c.VoilaConfiguration.template == "casekit"
    assert c.KernelManager.transport == "ipc"
    assert c.Voila.connection_dir_root == str(tmp_path)
    assert c.VoilaConfiguration.kernel_spec_manager_class is KernelSpecs
    assert c.MappingKernelManager.cull_idle_timeout == 600


@pytest.mark.parametrize("header,default,lang", [
    ("cs-CZ,cs;q=0.9,en;q=0.8", "en", "cs"), ("en-US,en;q=0.9", "cs", "en"), ("de-DE", "cs", "cs"), (None, "en", "en"),
])
def test_the_servers_pages_speak_the_browsers_language_or_the_servers(header, default, lang):
    assert page_language(header, default) == lang


def test_the_servers_pages_exist_in_both_languages_and_load_nothing_from_outside():
    for lang in ("cs", "en"):
        for html in (login_page(lang, "<input type=hidden>", "/"), room_full_page(lang, "conference", 8)):
            assert f'lang="{lang}"' in html and "http" not in html.replace('http-equiv', '')
    messages = connection_messages()
    assert set(messages) == {"cs", "en"} and messages["cs"]["title"] != messages["en"]["title"]


def test_the_cli_refuses_a_token_on_its_command_line(capsys):
    from casekit.cli import main

    assert main(["--lang", "cs", "serve", "--token", "s3cret"]) == 2
    assert "CASEKIT_TOKEN" in capsys.readouterr().err


def test_serve_refuses_a_port_in_use(capsys):
    import socket

    from casekit.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert str(port) in capsys.readouterr().err


def test_the_terminal_names_every_app_the_room_view_included(tmp_path):
    from casekit.serve import server_ready_message

    message = server_ready_message(ServeOptions(), tmp_path / "server.log")
    for app in ("conference", "room", "supervision", "case_study"):
        assert f"/voila/render/{app}.ipynb" in message, app
